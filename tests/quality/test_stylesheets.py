"""The edition's style sheets end every block where it is meant to end: a block left open
swallows every rule after it (a missing ``}`` once put the witness page's screen layout and
the script-only controls inside ``@media print``), and browsers say nothing about it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHEETS = sorted([*ROOT.glob("docs/assets/stylesheets/*.css"), *ROOT.glob("scripts/**/*.css")])
_NOT_CODE = re.compile(r"/\*.*?\*/|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'", re.S)


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_every_block_of_a_style_sheet_is_closed_before_the_file_ends(sheet: Path) -> None:
    code = _NOT_CODE.sub("", sheet.read_text(encoding="utf-8"))
    depth = 0
    for number, line in enumerate(code.splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{sheet.name}:{number}: a '}}' closes no block"
    assert depth == 0, f"{sheet.name}: {depth} block(s) left open at the end"


def test_the_style_sheets_are_found() -> None:
    assert len(SHEETS) >= 5
