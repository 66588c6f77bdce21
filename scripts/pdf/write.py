"""The WeasyPrint call: print HTML and stylesheet in, PDF bytes out, the same bytes each time.

WeasyPrint writes the dates it is given (``dcterms.created``/``modified`` in the HTML, from
``SOURCE_DATE_EPOCH``) and no clock time; the file identifier is given too (a hash of the
inputs), so two builds of the same inputs give identical bytes. The PDF is tagged (PDF/UA-1)
for screen readers and reflow. Nothing is fetched: a URL that is not a local file is refused.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

STYLESHEET = Path(__file__).with_name("print.css")
"""The print stylesheet of the PDF."""

VARIANT = "pdf/ua-1"
"""Tagged PDF with the PDF/UA-1 metadata: WeasyPrint's accessible variant."""


def _fetcher() -> Any:
    """WeasyPrint's own URL fetcher, allowed only ``file:`` URLs; any other stops the render."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class LocalOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("file:"):
                raise FatalURLFetchingError(f"the PDF may not load {url!r}")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols={"file"}, fail_on_errors=True)


def stylesheet_text(font_css: str) -> str:
    """The full print stylesheet: the font faces, then ``print.css``."""
    return font_css + STYLESHEET.read_text(encoding="utf-8")


def render_pdf(html: str, css: str, identifier: bytes) -> bytes:
    """Lay out ``html`` with ``css`` and return the PDF bytes (WeasyPrint)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    font_config = FontConfiguration()
    fetcher = _fetcher()
    document = HTML(string=html, base_url=STYLESHEET.parent.as_uri() + "/", url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(
        stylesheets=[CSS(string=css, url_fetcher=fetcher, font_config=font_config)],
        font_config=font_config,
        pdf_variant=VARIANT,
        pdf_identifier=identifier,
        uncompressed_pdf=False,
    )
    return pdf
