"""The print HTML, the cache and the WeasyPrint call, on small hand-built sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from scripts import citation
from scripts.model import Document, Heading, Note, NoteRef, PageBreak, Paragraph, Text
from scripts.pdf import cache, fonts, write
from scripts.pdf.build import build_pdfs
from scripts.pdf.document import print_html
from scripts.sources import load_sources
from tests.conftest import ROOT
from tests.factories import source_of
from tests.pdf.reading import regions

EPOCH = 1_790_000_000  # 21 September 2026, 14:13:20 UTC
HOSTILE = '<script>alert("x")</script> & <img src="http://example.org/x.png">'


def _document(text: str = "Plain words of the source.") -> Document:
    return Document(
        front=(),
        body=(
            Heading(1, (Text("A heading"),), 1, anchor="a-heading"),
            Paragraph(
                (
                    Text(text),
                    NoteRef("1", "1", "1", 2),
                    PageBreak("17", "17", 2),
                    Text(" More words."),
                ),
                2,
                n=1,
            ),
            Paragraph((Text("The next paragraph."),), 4, n=2),
        ),
        notes=(Note("1", "1", (Text("The note."),), 3),),
    )


def test_every_source_string_is_escaped_in_the_print_html() -> None:
    source = source_of("hostile", _document(HOSTILE), title=HOSTILE)
    html = print_html(source, site_url="https://example.org/", epoch=EPOCH)
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html


def test_title_page_has_citation_stable_url_and_build_date() -> None:
    source = source_of("demo", _document(), title="A Demo Source")
    html = print_html(source, site_url="https://example.org/", epoch=EPOCH)
    assert citation.bibliography(source.meta).replace("“", "“") in html
    assert "https://example.org/sources/demo/" in html
    assert "21 September 2026" in html
    assert '<meta name="dcterms.created" content="2026-09-21T00:00:00Z">' in html


def test_paragraph_numbers_page_labels_and_note_marks_come_from_the_model() -> None:
    html = print_html(source_of("demo", _document()), site_url="", epoch=EPOCH)
    # No page is claimed before the first numbered page; the next paragraph begins on page 17
    # and nothing says where it ends (scripts.apparatus.pages: bracketed, open-ended).
    assert '<a class="para-num" href="#p1" data-n="1"></a>' in html
    assert '<a class="para-num" href="#p2" data-n="2" data-page="pp. [17ff.]"></a>' in html
    assert 'id="page-17"' in html and 'data-label="17"' in html
    assert '<li id="fn:1"><a class="note-label" href="#fnref:1">1</a>' in html


def test_the_cache_key_changes_with_any_input_and_old_entries_are_dropped(tmp_path: Path) -> None:
    font_files = fonts.font_files()
    base = cache.key("<p>a</p>", "p{}", font_files, [], "70")
    assert cache.key("<p>a</p>", "p{}", font_files, [], "70") == base
    assert cache.key("<p>b</p>", "p{}", font_files, [], "70") != base
    assert cache.key("<p>a</p>", "p{ }", font_files, [], "70") != base
    assert cache.key("<p>a</p>", "p{}", font_files, [], "71") != base
    cache.store(tmp_path, "demo-old", b"1")
    cache.store(tmp_path, "other-x", b"2")
    cache.store(tmp_path, "demo-new", b"3", replaces="demo-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo-new.pdf", "other-x.pdf"]
    assert cache.load(tmp_path, "demo-new") == b"3"
    assert cache.load(tmp_path, "demo-old") is None


def test_two_renders_of_the_same_source_are_byte_identical_and_the_cache_returns_them(
    tmp_path: Path,
) -> None:
    source = source_of("demo", _document(), title="A Demo Source")
    first = build_pdfs([source], site_url="https://example.org/", epoch=EPOCH, cache_dir=None)
    second = build_pdfs([source], site_url="https://example.org/", epoch=EPOCH, cache_dir=None)
    assert first[0].content == second[0].content
    assert first[0].path == "sources/demo/demo.pdf"
    cached = build_pdfs([source], site_url="https://example.org/", epoch=EPOCH, cache_dir=tmp_path)
    assert cached[0].content == first[0].content
    assert len(list(tmp_path.glob("demo-*.pdf"))) == 1
    later = build_pdfs(
        [source], site_url="https://example.org/", epoch=EPOCH + 86_400, cache_dir=None
    )
    assert later[0].content != first[0].content  # the build date is printed


def test_a_hostile_source_renders_as_text_and_loads_nothing(tmp_path: Path) -> None:
    source = source_of("hostile", _document(HOSTILE), title=HOSTILE)
    (pdf,) = build_pdfs([source], site_url="", epoch=EPOCH, cache_dir=None)
    path = tmp_path / "hostile.pdf"
    path.write_bytes(pdf.content)
    assert '<img src="http://example.org/x.png">' in " ".join(regions(path).body.split())


def test_a_remote_resource_stops_the_render() -> None:
    from weasyprint.urls import FatalURLFetchingError

    css = write.stylesheet_text(fonts.font_face_css())
    with pytest.raises(FatalURLFetchingError):
        write.render_pdf('<p><img src="http://192.0.2.1/x.png"></p>', css, b"0" * 16)


def test_the_embedded_font_has_a_glyph_for_every_character_of_every_source() -> None:
    cmap = TTFont(fonts.font_files()[0]).getBestCmap()
    missing: dict[str, set[str]] = {}
    for source in load_sources(ROOT):
        text = citation.bibliography(source.meta) + source.meta.title
        for run in source.document.inline_runs():
            text += "".join(node.printed for node in run)
        gaps = {ch for ch in text if ch.strip() and ord(ch) not in cmap}
        if gaps:
            missing[source.meta.slug] = gaps
    assert not missing
    vietnamese = "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹĐđƠơƯư"
    assert all(ord(ch) in cmap for ch in vietnamese)


def test_without_rendering_only_cached_pdfs_are_returned(tmp_path: Path) -> None:
    # a rebuild of mkdocs serve must stay quick: it takes what the cache holds, renders nothing
    source = source_of("demo", _document(), title="A Demo Source")
    assert build_pdfs([source], site_url="", epoch=EPOCH, cache_dir=tmp_path, render=False) == []
    (rendered,) = build_pdfs([source], site_url="", epoch=EPOCH, cache_dir=tmp_path)
    again = build_pdfs([source], site_url="", epoch=EPOCH, cache_dir=tmp_path, render=False)
    assert again == [rendered]
