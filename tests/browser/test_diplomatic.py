"""The diplomatic view, as a reader uses it: a labelled toggle reached by keyboard, the witness's
forms in place of the emendations, removal marks, no anchor moved, the choice remembered."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SLUG = "esau-17"
OTHER = "third-indochina-war"

STATE = """() => {
  const em = [...document.querySelectorAll('.emendation[data-raw]')]
    .find(e => e.dataset.raw && e.dataset.raw !== e.textContent);
  const printed = em.querySelector('.em-p');
  return {
    diplomatic: document.documentElement.classList.contains('diplomatic'),
    raw: em.dataset.raw,
    printedShown: getComputedStyle(printed).display !== 'none',
    before: getComputedStyle(em, '::before').content,
    marksShown: [...document.querySelectorAll('.removal-marks')]
      .some(m => getComputedStyle(m).display !== 'none'),
    ids: [...document.querySelectorAll('article [id]')].map(e => e.id).filter(i => !i.startsWith('__')),
  };
}"""


def _open(page: Any, site_url: str, slug: str) -> None:
    page.goto(f"{site_url}/sources/{slug}/")
    page.wait_for_load_state("networkidle")


def _tab_to_toggle(page: Any) -> None:
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('view-toggle')"):
            return
    raise AssertionError("the diplomatic-view toggle is not reachable with the Tab key")


def test_reading_view_is_the_default_and_the_toggle_is_labelled(page: Any, site_url: str) -> None:
    _open(page, site_url, SLUG)
    state = page.evaluate(STATE)
    assert not state["diplomatic"]
    assert state["printedShown"] and state["before"] in ("none", "normal")
    assert not state["marksShown"]
    toggle = page.get_by_role("button", name="Diplomatic view")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-pressed") == "false"


def test_the_toggle_shows_the_witness_forms_and_removals_without_moving_anchors(
    page: Any, site_url: str
) -> None:
    _open(page, site_url, SLUG)
    before = page.evaluate(STATE)
    _tab_to_toggle(page)
    page.keyboard.press("Enter")
    after = page.evaluate(STATE)
    assert after["diplomatic"]
    assert not after["printedShown"]
    assert after["before"] == json.dumps(after["raw"], ensure_ascii=False)
    assert after["marksShown"]
    assert after["ids"] == before["ids"]
    assert page.locator(".view-toggle").get_attribute("aria-pressed") == "true"


def test_the_choice_is_remembered_on_other_pages_until_switched_back(
    page: Any, site_url: str
) -> None:
    _open(page, site_url, SLUG)
    page.locator(".view-toggle").click()
    _open(page, site_url, OTHER)
    assert page.evaluate(STATE)["diplomatic"]
    assert page.locator(".view-toggle").get_attribute("aria-pressed") == "true"
    page.locator(".view-toggle").click()
    _open(page, site_url, SLUG)
    assert not page.evaluate(STATE)["diplomatic"]


def test_the_toggle_is_usable_at_phone_width(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    _open(page, site_url, SLUG)
    toggle = page.locator(".view-toggle")
    toggle.scroll_into_view_if_needed()
    box = toggle.bounding_box()
    assert box is not None and box["width"] <= 390 and box["x"] >= 0
