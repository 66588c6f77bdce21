"""Accent-insensitive search, as a reader types it into Material's search box."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _search(page: Any, site_url: str, query: str) -> tuple[set[str], list[str]]:
    """Pages found for a query (paths) and the highlighted words shown in the results."""
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    page.click(".md-search__input")
    page.keyboard.type(query, delay=10)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(300)
    for summary in page.locator(".md-search-result__more summary").all():
        summary.click()
    links = page.eval_on_selector_all(
        ".md-search-result__link", "els => els.map(e => new URL(e.href).pathname)"
    )
    marks = page.eval_on_selector_all(
        ".md-search-result mark", "els => els.map(e => e.textContent)"
    )
    return set(links), marks


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("Le Duan", "Duẩn"),
        ("Pham Van Dong", "Đồng"),
        ("Nguyen Co Thach", "Thạch"),
        ("Dong", "Đồng"),
    ],
)
def test_query_without_diacritics_finds_and_highlights_the_accented_name(
    page: Any, site_url: str, query: str, shown: str
) -> None:
    pages, marks = _search(page, site_url, query)
    assert "/sources/third-indochina-war/" in pages
    assert any(shown in mark for mark in marks), marks


def test_accented_query_finds_the_unaccented_spelling_of_the_cia_study(
    page: Any, site_url: str
) -> None:
    pages, marks = _search(page, site_url, "Lê Duẩn")
    assert {
        "/sources/third-indochina-war/",
        "/sources/esau-17/",
        "/sources/mao-indochina-war/",
    } <= pages
    assert "Duan" in " ".join(marks) and "Duẩn" in " ".join(marks)


def test_search_covers_notes_and_index_pages(page: Any, site_url: str) -> None:
    pages, _ = _search(page, site_url, "Brother Enemy")
    assert "/sources/third-indochina-war/" in pages
    assert "/works-cited/" in pages
