"""The raw witness: downloadable byte for byte, a page with one anchor per line, and every
"raw line N" of the editorial pages linked to the line that has the text it describes."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts import conserve
from scripts.render.witness import witness_lines
from scripts.sources import load_sources
from tests.data.htmltables import tables

ROOT = Path(__file__).resolve().parents[2]
SLUGS = sorted(p.parent.name for p in (ROOT / "sources").glob("*/meta.yml"))
LINE_LINK = re.compile(r"^\.\./witness/#L(\d+)$")
TEXT_COLUMNS = ("Source has", "Printed", "Removed text")


def test_witness_lines_end_at_any_line_end_and_a_final_one_adds_no_line() -> None:
    assert witness_lines("a\r\nb\rc\nd\n") == ["a", "b", "c", "d"]
    assert witness_lines("a\n\nb") == ["a", "", "b"]
    assert witness_lines("") == [""]


class _Lines(HTMLParser):
    """Line number → text of the witness page's ``<div class="wl" id="L<N>">`` rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: dict[int, str] = {}
        self.current: int | None = None
        self.in_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and found.get("class") == "wl":
            self.current = int((found.get("id") or "L0")[1:])
            self.lines[self.current] = ""
            self.in_text = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self.in_text = False

    def handle_data(self, data: str) -> None:
        if self.in_text and self.current is not None:
            self.lines[self.current] += data


def _witness_page(site_dir: Path, slug: str) -> dict[int, str]:
    parser = _Lines()
    parser.feed((site_dir / "sources" / slug / "witness" / "index.html").read_text("utf-8"))
    return parser.lines


@pytest.mark.parametrize("slug", SLUGS)
def test_the_raw_witness_downloads_byte_for_byte(site_dir: Path, slug: str) -> None:
    source = next(s for s in load_sources(ROOT) if s.meta.slug == slug)
    published = site_dir / "sources" / slug / f"{slug}-witness.txt"
    assert published.read_bytes() == (ROOT / source.path).read_bytes()
    editorial = (site_dir / "sources" / slug / "editorial" / "index.html").read_text("utf-8")
    assert f'href="../{slug}-witness.txt"' in editorial


@pytest.mark.parametrize("slug", SLUGS)
def test_the_witness_page_has_every_raw_line_with_its_anchor(site_dir: Path, slug: str) -> None:
    raw = (site_dir / "sources" / slug / f"{slug}-witness.txt").read_text("utf-8")
    lines = _witness_page(site_dir, slug)
    expected = witness_lines(raw)
    assert list(lines) == list(range(1, len(expected) + 1))
    assert list(lines.values()) == expected


@pytest.mark.parametrize("slug", SLUGS)
def test_every_raw_line_of_the_editorial_page_links_to_the_line_with_its_text(
    site_dir: Path, slug: str
) -> None:
    lines = _witness_page(site_dir, slug)
    editorial = (site_dir / "sources" / slug / "editorial" / "index.html").read_text("utf-8")
    checked = 0
    for table in tables(editorial):
        if "Raw line" not in table.header:
            continue
        at = table.header.index("Raw line")
        column = next(table.header.index(c) for c in TEXT_COLUMNS if c in table.header)
        for row in table.rows:
            match = LINE_LINK.match(row[at].hrefs[0] if row[at].hrefs else "")
            assert match, f"{slug}: raw line {row[at].text!r} is not a link to the witness page"
            number = int(match.group(1))
            assert row[at].text.strip() == str(number)
            first = conserve.tokens(row[column].text)
            if row[column].text.strip() == "(nothing)" or not first:
                continue
            assert first[0] in conserve.tokens(lines[number]), (
                f"{slug}: raw line {number} does not have {row[column].text!r}: {lines[number]!r}"
            )
            checked += 1
    raw_lines_cited = editorial.count('href="../witness/#L')
    assert checked > 0 or raw_lines_cited == 0
