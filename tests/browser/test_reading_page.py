"""The reading page as a reader uses it, in headless Chromium against the built site."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

import pytest

SLUG = "third-indochina-war"
pytestmark = pytest.mark.browser


def _open(page: Any, site_url: str, fragment: str = "") -> None:
    page.goto(f"{site_url}/sources/{SLUG}/{fragment}")
    page.wait_for_load_state("networkidle")


def test_page_loads_with_no_request_to_another_host(page: Any, site_url: str) -> None:
    _open(page, site_url)
    assert page.locator("p.para").count() > 30
    # the `page` fixture fails the test if any request left loopback


def test_note_tooltip_appears_on_hover(page: Any, site_url: str) -> None:
    _open(page, site_url)
    ref = page.locator('a.footnote-ref[href$="#fn:3"]')
    ref.scroll_into_view_if_needed()
    ref.hover()
    tooltip = page.locator("#edition-tip.edition-tip--active")
    tooltip.first.wait_for(state="visible", timeout=5000)
    assert "Third Indochina Conflict" in tooltip.first.inner_text()


def test_opening_paragraph_anchor_brings_it_into_view(page: Any, site_url: str) -> None:
    _open(page, site_url, "#p12")
    page.wait_for_timeout(300)
    box = page.locator("#p12").bounding_box()
    viewport = page.viewport_size
    assert box is not None and 0 <= box["y"] < viewport["height"] / 2


def test_back_link_of_a_note_returns_to_its_reference(page: Any, site_url: str) -> None:
    _open(page, site_url, "#fn:5")
    page.locator("#fn\\:5 a.footnote-backref").click()
    page.wait_for_timeout(300)
    assert page.evaluate("location.hash") == "#fnref:5"
    box = page.locator("#fnref\\:5").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_paragraph_number_is_drawn_by_css_and_not_copied_with_the_text(
    page: Any, site_url: str
) -> None:
    _open(page, site_url)
    para = page.locator("#p1")
    assert para.inner_text().startswith("What is commonly known")
    number = page.evaluate(
        "getComputedStyle(document.querySelector('#p1 .para-num'), '::before').content"
    )
    assert number == '"1"'


def test_cite_control_copies_a_citation_of_the_paragraph(page: Any, site_url: str) -> None:
    _open(page, site_url)
    button = page.locator("#p3 .cite-button")
    button.focus()
    page.keyboard.press("Enter")
    citation = button.get_attribute("data-citation")
    assert citation is not None
    assert "para. 3" in citation and f"/sources/{SLUG}/#p3" in citation and "accessed" in citation


def test_a_first_visit_fetches_one_edition_stylesheet_and_nothing_that_grows_with_the_corpus(
    page: Any, site_url: str
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlparse(r.url).path))
    _open(page, site_url)
    sheets = [r.rsplit("/", 1)[-1] for r in requests if r.endswith(".css")]
    assert [s for s in sheets if not re.fullmatch(r"(main|palette)\.[0-9a-f]+\.min\.css", s)] == [
        "edition.min.css"
    ], sheets
    # The site map lists every page of the edition: nothing a reading page needs.
    assert "/sitemap.xml" not in requests, requests
    assert not [r for r in requests if r.endswith(".png")], requests


def test_every_numbered_paragraph_gets_one_cite_button_after_its_number(
    page: Any, site_url: str
) -> None:
    _open(page, site_url)
    paras = page.locator("p.para").count()
    assert page.locator("p.para > a.para-num + button.cite-button").count() == paras
    assert page.locator("button.cite-button").count() == paras
    assert page.get_attribute("#p3 .cite-button", "aria-label") == "Cite paragraph 3"


def test_on_a_phone_far_paragraphs_are_drawn_when_reached_and_their_anchor_still_lands(
    browser: Any, site_url: str
) -> None:
    """A phone lays out the reading text as the reader reaches it (content-visibility): the
    last paragraph is not drawn at load; its anchor still brings it to the top of the screen,
    drawn, with its number, and it stays there as the paragraphs above it are drawn."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    page = context.new_page()
    # The paragraph's number is not "visible" to checkVisibility while its contents are skipped.
    drawn = "e => e.querySelector('.para-num').checkVisibility({contentVisibilityAuto: true})"
    try:
        page.goto(f"{site_url}/sources/mao-indochina-war/")
        page.wait_for_load_state("networkidle")
        paragraphs = page.locator("p.para")
        last = paragraphs.last
        assert paragraphs.first.evaluate(drawn)
        assert not last.evaluate(drawn)
        target = last.get_attribute("id")
        page.goto(f"{site_url}/sources/mao-indochina-war/#{target}")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        assert last.evaluate(drawn)
        assert last.locator(".para-num").is_visible()
        page.mouse.wheel(0, -600)  # the paragraphs above are drawn; the page keeps its place
        page.wait_for_timeout(300)
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(300)
        box = last.bounding_box()
        assert box is not None and 0 <= box["y"] < 823 / 2
    finally:
        context.close()
