"""The public address of the edition: a real one for publication, the placeholder locally.

``site_url`` is set once, in ``mkdocs.yml``, from the environment variable
``EDITION_SITE_URL`` when it is set (MkDocs' ``!ENV`` tag), else the placeholder host
:data:`PLACEHOLDER_HOST`. Every citation, BibTeX/RIS record and metadata tag is built from it.
A publication build (``EDITION_PUBLISH=1``, ``make publish``) refuses the placeholder with one
clear message; a local build keeps it and says so once, at INFO level (a warning would fail
``mkdocs build --strict``).
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from scripts.errors import EditionError

PLACEHOLDER_HOST = "indochina-edition.example.org"
"""The host ``mkdocs.yml`` names until a deployment sets its own."""
URL_VARIABLE = "EDITION_SITE_URL"
PUBLISH_VARIABLE = "EDITION_PUBLISH"


def publishing() -> bool:
    """Whether this build is meant for publication (``EDITION_PUBLISH=1``)."""
    return os.environ.get(PUBLISH_VARIABLE, "").strip().lower() in {"1", "true", "yes"}


def check_site_url(site_url: str, *, publish: bool) -> str | None:
    """Refuse a publication build without a real address; the note a local build logs.

    Returns the one line to log at INFO for a local build with the placeholder (None when the
    address is real); raises :class:`EditionError` for a publication build whose address is
    missing, not http(s), or the placeholder.
    """
    parts = urlsplit(site_url or "")
    placeholder = parts.hostname == PLACEHOLDER_HOST
    real = parts.scheme in {"http", "https"} and bool(parts.hostname) and not placeholder
    if publish and not real:
        what = "the placeholder host" if placeholder else f"no public http(s) address ({site_url!r})"
        raise EditionError(
            "mkdocs.yml",
            None,
            f"a publication build ({PUBLISH_VARIABLE}=1) has {what} as site_url: set "
            f"{URL_VARIABLE}=https://your.host/ for the deployment",
        )
    if placeholder:
        return (
            f"site_url is the placeholder {PLACEHOLDER_HOST}: citations of this local build "
            f"point there. Set {URL_VARIABLE} (and {PUBLISH_VARIABLE}=1) for a deployment."
        )
    return None
