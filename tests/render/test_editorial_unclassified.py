"""The editorial page lists the blocks the normaliser kept as reading text unrecognised."""

from __future__ import annotations

from scripts.model import Document, Paragraph, Text, Unclassified
from scripts.render.editorial import render_editorial, unclassified_section
from tests.factories import source_of
from tests.hostile.project import read_html, to_html

HOSTILE = "<script>alert(1)</script> | *not* [a](link) ## {: #x } &amp;"


def _document(unclassified: tuple[Unclassified, ...]) -> Document:
    body = (Paragraph((Text("Running text of the source."),), line=1, n=1),)
    return Document(front=(), body=body, notes=(), unclassified=unclassified)


def test_a_source_without_unclassified_blocks_gets_no_section() -> None:
    page = render_editorial(source_of("plain", _document(())), pdf=False)
    assert unclassified_section(()) == []
    assert "not classified" not in page.content


def test_each_unclassified_block_is_listed_with_its_witness_line_and_text() -> None:
    blocks = (
        Unclassified("OFFICE SYMBOL", 185, "a block without running text"),
        Unclassified("DATE ACQ\nREF: WAVE 9754", 512, "2 blocks of short lines"),
    )
    page = render_editorial(source_of("forms", _document(blocks)), pdf=False)
    html = read_html(to_html(page.content))
    assert "Lines not classified" in html.text
    assert "OFFICE SYMBOL" in html.text and "DATE ACQ REF: WAVE 9754" in html.text
    assert "a block without running text" in html.text
    assert 'href="witness.md#L185"' in to_html(page.content)
    assert 'href="witness.md#L512"' in to_html(page.content)
    section = page.content.split("## Lines not classified", 1)[1]
    assert section.index("OFFICE SYMBOL") < section.index("DATE ACQ")


def test_the_text_of_an_unclassified_block_is_escaped_and_printed_literally() -> None:
    blocks = (Unclassified(HOSTILE, 7, "why <b>bold</b>"),)
    page = render_editorial(source_of("hostile", _document(blocks)), pdf=False)
    section = "## Lines not classified" + page.content.split("## Lines not classified", 1)[1]
    html = read_html(to_html(section))
    assert sorted(set(html.tags)) == ["a", "h2", "p", "table", "tbody", "td", "th", "thead", "tr"]
    assert HOSTILE in html.text and "why <b>bold</b>" in html.text
    row = next(line for line in section.split("\n") if "L7" in line)
    assert row.count(" | ") == 2  # the source's own `|` does not open a fourth cell
