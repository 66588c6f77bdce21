"""The built site: strict build, byte-identical rebuilds, escaped source text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tests.conftest import build_site


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_every_source_has_a_reading_page_and_an_editorial_page(site_dir: Path) -> None:
    for meta in sorted(Path("sources").glob("*/meta.yml")):
        slug = meta.parent.name
        assert (site_dir / "sources" / slug / "index.html").is_file()
        assert (site_dir / "sources" / slug / "editorial" / "index.html").is_file()


def test_two_builds_of_the_same_inputs_are_byte_identical(site_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = build_site(again)
    assert result.returncode == 0, result.stderr
    assert _digest(site_dir) == _digest(again)


def test_no_page_loads_anything_from_another_host(site_dir: Path) -> None:
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for attr in ('src="http', 'href="https://fonts', "@import url(http"):
            assert attr not in text, f"{html}: {attr}"


def test_a_build_without_pdfs_links_none_and_passes_strict(tmp_path: Path) -> None:
    # EDITION_PDF=0 (the benchmark's builds): no PDF is written and no page links one, so a
    # strict build does not stop on links to missing files
    result = build_site(tmp_path / "site", env={"EDITION_PDF": "0"})
    assert result.returncode == 0, result.stderr
    sources = tmp_path / "site" / "sources"
    assert not list(sources.glob("*/*.pdf"))
    own_pdf = re.compile(r'href="(?!https?:)[^"]*\.pdf"')  # the witness's own URL may be a PDF
    pages = [*sources.glob("*/index.html"), *sources.glob("*/editorial/index.html")]
    assert len(pages) >= 6
    for page in pages:
        assert not own_pdf.search(page.read_text(encoding="utf-8")), page


def test_the_theme_search_draws_the_header_box_but_builds_no_index(site_dir: Path) -> None:
    # The theme's search plugin only draws the box; its index (never read) is not built.
    assert not (site_dir / "search" / "search_index.json").exists()
    assert (site_dir / "search" / "manifest.js").exists()
    for page in ("index.html", "sources/esau-17/index.html", "persons/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert 'class="md-search__input"' in html, page


def test_the_hook_lets_go_of_a_generated_pages_markdown_and_html_once_they_are_used(
    tmp_path: Path,
) -> None:
    # MkDocs converts every page before writing the first and keeps all of them to the end:
    # the hook releases a generated page's Markdown once it is HTML, and the HTML once the
    # page is written (memory that grew with the corpus).
    from types import SimpleNamespace

    from mkdocs.structure.files import File

    from scripts import mkdocs_hook

    config: dict[str, object] = {}
    generated = File("p/index.md", None, str(tmp_path / "s"), use_directory_urls=True)
    generated.content_string = "# P\n\ntext"
    generated.generated_by = "the pipeline"
    page = SimpleNamespace(file=generated, markdown="# P\n\ntext", present_anchor_ids=None)
    assert mkdocs_hook.on_page_content("<p>text</p>", page, config, None) == "<p>text</p>"
    assert page.markdown == "" and generated.content_string == ""
    page.content = "<p>text</p>"
    assert mkdocs_hook.on_post_page("<html>…</html>", page, config) == "<html>…</html>"
    assert page.content is None
    # A page written by hand under docs/: its Markdown goes, its file stays as it is.
    (tmp_path / "own.md").write_text("# Own", encoding="utf-8")
    own = File("own.md", str(tmp_path), str(tmp_path / "s"), use_directory_urls=True)
    hand = SimpleNamespace(file=own, markdown="# Own", present_anchor_ids=None)
    mkdocs_hook.on_page_content("<h1>Own</h1>", hand, config, None)
    assert hand.markdown == "" and own.content_string == "# Own" and own.abs_src_path
