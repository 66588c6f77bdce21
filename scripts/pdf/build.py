"""The PDFs of a build: one per source, rendered or taken from the cache."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.pdf import cache, fonts, write
from scripts.pdf.document import pdf_path, print_html
from scripts.sources import Source

CODE = sorted(Path(__file__).parent.glob("*.py"))
"""The code of this package: part of every cache key."""


@dataclass(frozen=True)
class PdfFile:
    """A PDF to publish at ``path`` (relative to the site root)."""

    path: str
    content: bytes


def weasyprint_version() -> str:
    """The installed WeasyPrint's version (part of the cache key)."""
    from weasyprint import __version__

    return str(__version__)


def build_pdfs(
    sources: Sequence[Source],
    *,
    site_url: str,
    epoch: int,
    cache_dir: Path | None,
    render: bool = True,
) -> list[PdfFile]:
    """The PDF of every source; ``cache_dir`` None renders every one afresh.

    With ``render`` False only PDFs found in the cache are returned (a source whose PDF is
    not cached is left out): for rebuilds of ``mkdocs serve``, which must stay quick.
    """
    font_files = fonts.font_files()
    css = write.stylesheet_text(fonts.font_face_css())
    version = weasyprint_version()
    out: list[PdfFile] = []
    for source in sources:
        html = print_html(source, site_url=site_url, epoch=epoch)
        digest = cache.key(html, css, font_files, [*CODE, write.STYLESHEET], version)
        name = f"{source.meta.slug}-{digest}"
        data = cache.load(cache_dir, name) if cache_dir else None
        if data is None and not render:
            continue
        if data is None:
            data = write.render_pdf(html, css, bytes.fromhex(digest)[:16])
            if cache_dir:
                cache.store(cache_dir, name, data, replaces=f"{source.meta.slug}-")
        out.append(PdfFile(pdf_path(source), data))
    return out
