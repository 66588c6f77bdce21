"""Scholarly metadata and citation downloads, read from the pages a browser receives."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser
SLUGS = ["third-indochina-war", "mao-indochina-war", "esau-17"]


def _meta(page: Any, name: str) -> list[str]:
    return page.eval_on_selector_all(
        f'meta[name="{name}"], meta[property="{name}"]', "els => els.map(e => e.content)"
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_source_page_has_highwire_tags_jsonld_and_open_graph(
    page: Any, site_url: str, slug: str
) -> None:
    page.goto(f"{site_url}/sources/{slug}/")
    assert _meta(page, "citation_title")
    assert _meta(page, "citation_publication_date")
    assert _meta(page, "citation_public_url")[0].endswith(f"/sources/{slug}/")
    assert _meta(page, "og:title") and _meta(page, "description")
    (raw,) = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "els => els.map(e => e.textContent)"
    )
    data = json.loads(raw)
    assert data["@type"] in {"Chapter", "Report", "ScholarlyArticle"}
    assert data["name"] == _meta(page, "citation_title")[0]


def test_chapter_jsonld_is_part_of_its_book(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/sources/third-indochina-war/")
    (raw,) = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "els => els.map(e => e.textContent)"
    )
    data = json.loads(raw)
    assert data["@type"] == "Chapter"
    assert data["isPartOf"]["name"] == "The Cambridge History of the Vietnam War"
    assert "author" not in data  # the capture prints no author
    assert "not printed" in data["creditText"]


def test_chapter_cites_its_supplied_author_in_brackets(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/sources/third-indochina-war/")
    assert _meta(page, "citation_author") == ["Ang, Cheng Guan"]
    assert page.inner_text(".source-citation").startswith("[Ang Cheng Guan]. ")


def test_working_paper_names_author_translator_and_series(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/sources/mao-indochina-war/")
    # Family name first and marked as such, so a reference manager reads Yang as the family name.
    assert _meta(page, "citation_author") == ["Yang, Kuisong"]
    assert _meta(page, "citation_technical_report_number") == ["34"]


@pytest.mark.parametrize("slug", SLUGS)
def test_bibtex_and_ris_downloads_are_linked_and_served(
    page: Any, site_url: str, slug: str
) -> None:
    page.goto(f"{site_url}/sources/{slug}/")
    for ext, start in (("bib", "@"), ("ris", "TY  - "), ("csl.json", "[")):
        link = page.locator(f'a[href$="{slug}.{ext}"]')
        assert link.count() == 1
        response = page.request.get(f"{site_url}/sources/{slug}/{slug}.{ext}")
        assert response.ok and response.text().startswith(start)


def test_every_page_has_a_meta_description(page: Any, site_url: str, site_dir: Any) -> None:
    missing = []
    for html in sorted(site_dir.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        if '<meta name="description"' not in text and 'http-equiv="refresh"' not in text:
            missing.append(str(html.relative_to(site_dir)))
    assert not missing
