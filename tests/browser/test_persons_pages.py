"""The person index as a reader uses it, in headless Chromium against the built site.

Needs the person index wired into the site (``scripts.site.INDEXES`` and ``persons.js`` /
``persons.css`` in ``mkdocs.yml``).
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def test_category_filter_shows_only_scholars_then_all(page: Any, site_url: str) -> None:
    _open(page, f"{site_url}/persons/")
    page.wait_for_selector("[data-person-filter][data-ready]", state="attached")
    entries = page.locator(".person-index__entry")
    total = entries.count()
    scholars = page.locator('.person-index__entry[data-category="scholar"]').count()
    assert 0 < scholars < total
    page.get_by_role("button", name="Scholars and authors").click()
    assert page.locator(".person-index__entry:visible").count() == scholars
    page.get_by_role("button", name="All").click()
    assert page.locator(".person-index__entry:visible").count() == total


def test_index_lists_every_person_without_script(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/persons/")
    assert page.locator(".person-index__entry:visible").count() > 50
    assert page.locator("[data-person-filter]").is_hidden()
    context.close()


def test_name_on_reading_page_leads_to_person_page_and_back(page: Any, site_url: str) -> None:
    _open(page, f"{site_url}/sources/third-indochina-war/#p4")
    link = page.locator('#p4 a.mention--person[href$="persons/le-duan/"]').first
    assert "Lê Duẩn (1907–1986)" in (link.get_attribute("title") or "")
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Lê Duẩn"
    page.locator('a[href$="sources/third-indochina-war/#p4"]').first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("#p4")


# An element inside a box whose contents the browser skips is not "visible" to checkVisibility.
_DRAWN = "e => e.firstElementChild.checkVisibility({contentVisibilityAuto: true})"


def test_mentions_far_below_the_screen_are_drawn_when_reached_with_their_bullet(
    browser: Any, site_url: str
) -> None:
    """On a phone a person's last mention is not laid out at load (content-visibility), and
    is drawn, bullet included, once the reader gets there."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    page = context.new_page()
    try:
        _open(page, f"{site_url}/persons/mao-zedong/")
        lines = page.locator("ul.mentions > li")
        assert lines.count() > 50
        last = lines.last
        assert not last.evaluate(_DRAWN)
        assert lines.first.evaluate(_DRAWN)
        last.scroll_into_view_if_needed()
        page.wait_for_function(_DRAWN, arg=last.element_handle())
        bullet = last.evaluate("e => getComputedStyle(e, '::before').content")
        assert bullet == '"•"'
        box = last.bounding_box()
        assert box is not None and 0 <= box["y"] < 823
    finally:
        context.close()
