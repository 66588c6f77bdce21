"""Read the tables of a built page: header names, and per cell its text and link targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Cell:
    text: str = ""
    hrefs: list[str] = field(default_factory=list)


@dataclass
class Table:
    header: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.cell: Cell | None = None
        self.row: list[Cell] | None = None
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(Table())
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = Cell()
        elif tag == "a" and self.cell is not None:
            self.cell.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None and self.tables:
            if self.in_head:
                self.tables[-1].header = [c.text.strip() for c in self.row]
            else:
                self.tables[-1].rows.append(self.row)
            self.row = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.text += data


def tables(html: str) -> list[Table]:
    """Every table of an HTML page, in order."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables
