"""The working paper and the CIA study as a reader meets them: notes, pages, redactions."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _open(page: Any, site_url: str, slug: str, fragment: str = "") -> None:
    page.goto(f"{site_url}/sources/{slug}/{fragment}")
    page.wait_for_load_state("networkidle")


def _hover_tooltip(page: Any, selector: str) -> str:
    target = page.locator(selector).first
    target.scroll_into_view_if_needed()
    target.hover()
    tooltip = page.locator("#edition-tip.edition-tip--active")
    tooltip.wait_for(state="visible", timeout=5000)
    return str(tooltip.inner_text())


def test_working_paper_note_tooltip_shows_the_note_text(page: Any, site_url: str) -> None:
    _open(page, site_url, "mao-indochina-war")
    assert "Selected Works of Mao Zedong" in _hover_tooltip(page, 'a.footnote-ref[href$="#fn:5"]')


def test_working_paper_note_lost_in_the_capture_says_so(page: Any, site_url: str) -> None:
    _open(page, site_url, "mao-indochina-war", "#fn:20")
    assert "not present in the source capture" in page.inner_text("#fn\\:20")


def test_working_paper_page_anchor_brings_the_page_start_into_view(
    page: Any, site_url: str
) -> None:
    _open(page, site_url, "mao-indochina-war", "#page-33")
    page.wait_for_timeout(300)
    marker = page.locator("#page-33")
    box = marker.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    label = page.evaluate("getComputedStyle(document.querySelector('#page-33'), '::after').content")
    assert "33" in label
    # the marker adds no text to the paragraph it stands in
    assert marker.inner_text() == ""


def test_cia_redaction_is_a_visible_mark_with_an_explaining_tooltip(
    page: Any, site_url: str
) -> None:
    _open(page, site_url, "esau-17")
    redaction = page.locator(".para .redaction").first
    assert redaction.is_visible()
    assert redaction.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert "Redacted" in _hover_tooltip(page, ".para .redaction")


def test_cia_asterisk_note_keeps_its_mark_and_opens_its_text(page: Any, site_url: str) -> None:
    _open(page, site_url, "esau-17")
    ref = page.locator('a.footnote-ref[href$="#fn:s1"]')
    assert ref.get_attribute("data-label") == "*"
    text = _hover_tooltip(page, 'a.footnote-ref[href$="#fn:s1"]')
    assert text.strip().startswith("*")


def test_cia_printed_page_anchor_and_contents_link_work(page: Any, site_url: str) -> None:
    _open(page, site_url, "esau-17", "#page-17")
    page.wait_for_timeout(300)
    box = page.locator("#page-17").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    _open(page, site_url, "esau-17")
    link = page.locator(".source-contents a").nth(2)
    target = (link.get_attribute("href") or "").split("#")[-1]
    link.click()
    page.wait_for_timeout(300)
    heading = page.locator(f"#{target}")
    assert heading.is_visible()
    assert heading.evaluate("e => e.tagName").startswith("H")


def test_cia_contents_page_anchor_brings_its_heading_into_view_with_the_page_in_the_margin(
    page: Any, site_url: str
) -> None:
    _open(page, site_url, "esau-17", "#page-6")
    page.wait_for_timeout(300)
    mark = page.locator("#page-6")
    heading = page.locator("h3:has(#page-6)")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert "Policy Toward South Vietnam and Laos" in heading.inner_text()
    label = page.evaluate("getComputedStyle(document.querySelector('#page-6'), '::after').content")
    assert label == '"p. 6"'
    assert mark.inner_text() == ""


def test_cia_cite_control_copies_the_bracketed_range_the_contents_allow(
    page: Any, site_url: str
) -> None:
    _open(page, site_url, "esau-17")
    button = page.locator("#p30 .cite-button")
    button.focus()
    page.keyboard.press("Enter")
    citation = button.get_attribute("data-citation") or ""
    assert "pp. [4–6], para. 30" in citation
