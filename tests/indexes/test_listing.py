"""An index entry names a bounded number of sources and counts the rest."""

from __future__ import annotations

from scripts.indexes.listing import SOURCES_LISTED, listed, notice


def test_an_entry_with_few_sources_names_them_all() -> None:
    parts = [f"S{n}" for n in range(SOURCES_LISTED)]
    assert listed(parts) == "; ".join(parts)
    assert notice([SOURCES_LISTED, 1]) == ""


def test_an_entry_with_many_sources_names_the_first_and_counts_the_others() -> None:
    parts = [f"S{n}" for n in range(SOURCES_LISTED + 295)]
    text = listed(parts)
    assert text.startswith("; ".join(parts[:SOURCES_LISTED]) + "; and 295 other sources")
    assert f"S{SOURCES_LISTED}" not in text.split("; and")[0]
    assert listed(parts[: SOURCES_LISTED + 1]).endswith("and 1 other source")


def test_a_page_with_a_cut_entry_says_where_every_place_is() -> None:
    assert "[the data files](data/index.md)" in notice([1, SOURCES_LISTED + 1])
