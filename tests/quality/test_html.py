"""Every page of the built site is valid HTML (the Nu HTML Checker, run once over all pages)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from tests.quality.conftest import html_pages

MATERIAL_EXEMPTIONS: list[tuple[str, str, str]] = [
    (
        r"^Attribute “autocomplete” is only allowed when the input type is ",
        'class="md-toggle"',
        'Material\'s base.html puts autocomplete="off" on its hidden drawer and search toggle '
        "checkboxes so that Firefox does not restore their checked state on back navigation; "
        "browsers accept it and it has no effect on readers.",
    ),
    (
        r"^Bad value “” for attribute “tabindex” on element “label”",
        'class="md-nav__link"',
        'Material\'s partials/nav-item.html writes tabindex="" on the label of a navigation '
        "section when navigation.sections is on; an empty tabindex is ignored by browsers "
        "(the label is not focusable, as intended for a section heading).",
    ),
    (
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden",
        'class="md-nav__title" for="__toc"',
        "Material's partials/toc.html always writes the 'Table of contents' label for=\"__toc\", "
        "but the __toc checkbox is written by partials/nav-item.html only for a page that is in "
        "the navigation; pages reached from the indexes (e.g. /persons/<id>/) are not listed "
        "there. The label then toggles nothing, as on any page without a table of contents.",
    ),
]
"""Errors Material for MkDocs' own templates produce: (message pattern, extract, reason)."""


def _exempt(message: dict[str, object]) -> bool:
    text = str(message.get("message", ""))
    extract = str(message.get("extract", ""))
    return any(
        re.search(pattern, text) and marker in extract
        for pattern, marker, _reason in MATERIAL_EXEMPTIONS
    )


def test_every_page_of_the_site_is_valid_html(site_dir: Path, vnu_jar: Path) -> None:
    """Errors only (warnings are advice); Material's own template errors are exempted above."""
    pages = html_pages(site_dir)
    assert pages, "the build wrote no HTML page"
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    # vnu writes its JSON report to stderr; exit status 1 only means that it found errors.
    report = json.loads(result.stderr or result.stdout)
    messages = report["messages"]
    errors = [m for m in messages if not _exempt(m)]
    listing = "\n".join(
        f"{str(m.get('url', '')).removeprefix('file:')}:{m.get('lastLine')}: {m.get('message')}"
        f"  [{str(m.get('extract', '')).strip()[:80]}]"
        for m in errors
    )
    assert not errors, listing


def test_material_exemptions_match_only_material_markup() -> None:
    """The same error in the edition's own markup is not exempted."""
    own = {
        "message": "Bad value “” for attribute “tabindex” on element “label”: empty.",
        "extract": '<label class="para-label" tabindex="">',
    }
    material = {
        "message": "Bad value “” for attribute “tabindex” on element “label”: empty.",
        "extract": '<label class="md-nav__link" for="__nav_2" tabindex="">',
    }
    assert not _exempt(own)
    assert _exempt(material)
