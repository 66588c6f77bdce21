"""The index pages as a reader uses them: filters without reloading, tooltips, links."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _visible(page: Any, selector: str) -> int:
    return int(
        page.eval_on_selector_all(selector, "els => els.filter(e => !e.closest('[hidden]')).length")
    )


def test_timeline_year_reads_in_full_without_script(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}/timeline/1960/")
    entries = tab.locator(".tl-entry")
    assert entries.count() > 20
    assert _visible(tab, ".tl-entry") == entries.count()
    assert tab.locator(".tl-filter").is_hidden()  # controls that need a script are not shown
    tab.goto(f"{site_url}/timeline/")
    assert tab.locator(".tl-index-year").count() > 30  # every year is listed on the index
    assert tab.locator(".tl-filter").is_hidden()
    tab.goto(f"{site_url}/works-cited/")
    assert tab.locator(".works-filter").is_hidden()
    context.close()


_SHIFTS = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const shift of list.getEntries()) { if (!shift.hadRecentInput) total += shift.value; }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 500);
})"""


@pytest.mark.parametrize("path", ["timeline/", "timeline/1960/", "persons/", "works-cited/"])
def test_index_filters_are_in_place_before_scripts_so_nothing_moves(
    browser: Any, site_url: str, path: str
) -> None:
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    tab = context.new_page()
    # A phone's slower processor: the scripts run after the first paint, as they do there.
    context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    tab.goto(f"{site_url}/{path}")
    tab.wait_for_selector("[data-ready]", state="attached")  # the filter script has run
    assert tab.evaluate(_SHIFTS) == 0
    context.close()


def test_timeline_filter_by_source_and_period_without_reloading(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/")
    page.wait_for_selector(".tl-filter[data-ready]", state="attached")
    page.evaluate("window.__marker = 1")
    total = _visible(page, ".tl-index-year")
    page.uncheck('.tl-filter input[name=source][value="third-indochina-war"]')
    without = _visible(page, ".tl-index-year")
    assert 0 < without < total
    page.fill(".tl-filter input[name=from]", "1975")
    page.fill(".tl-filter input[name=to]", "1979")
    page.dispatch_event(".tl-filter input[name=to]", "change")
    page.wait_for_timeout(200)
    period = page.eval_on_selector_all(
        ".tl-index-year",
        "els => els.filter(e => !e.hidden).map(e => [e.dataset.start, e.dataset.end])",
    )
    assert period and all(int(end) >= 1975 and int(start) <= 1979 for start, end in period)
    assert "source=" in page.url and "from=1975" in page.url
    assert page.evaluate("window.__marker") == 1  # the page was not reloaded
    assert "years shown" in page.inner_text(".tl-status")
    page.goto(f"{site_url}/timeline/1960/")
    page.wait_for_selector(".tl-filter[data-ready]", state="attached")
    total = _visible(page, ".tl-entry")
    page.uncheck('.tl-filter input[name=source][value="esau-17"]')
    assert 0 < _visible(page, ".tl-entry") < total
    assert "entries shown" in page.inner_text(".tl-status")


def test_old_addresses_of_the_one_page_timeline_lead_to_the_page_of_their_year(
    page: Any, site_url: str
) -> None:
    page.goto(f"{site_url}/timeline/1960/")
    ident = page.locator("article.tl-entry[id]").nth(3).get_attribute("id")
    page.goto(f"{site_url}/timeline/#{ident}")
    page.wait_for_url(f"**/timeline/1960/#{ident}")
    assert page.locator(f"#{ident}").is_visible()
    page.goto(f"{site_url}/timeline/#y1954")
    page.wait_for_url("**/timeline/1954/")
    assert page.locator("#y1954").is_visible()


def test_coverage_chart_year_links_to_the_year_in_the_timeline(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    link = page.locator(".tl-chart-year").first
    href = link.get_attribute("href")
    assert href is not None and re.search(r"timeline/\d{4}/$", href)
    link.click()
    page.wait_for_load_state("networkidle")
    year = page.url.rstrip("/").rsplit("/", 1)[1]
    assert page.locator(f"#y{year}").is_visible()


def test_works_filter_by_kind_counts_what_it_shows(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/works-cited/")
    page.wait_for_selector(".works-filter[data-ready]", state="attached")
    before = page.inner_text(".works-filter__count")
    kind = page.locator(".works-filter select").last
    kind.select_option("newspaper")
    after = page.inner_text(".works-filter__count")
    assert after != before and after.endswith("works")


def test_glossary_abbreviation_shows_its_expansion_on_hover(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/sources/third-indochina-war/")
    abbr = page.locator('abbr[title="Association of Southeast Asian Nations"]').first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tooltip = page.locator("#edition-tip.edition-tip--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "Association of Southeast Asian Nations" in tooltip.inner_text()


def test_works_entry_lists_the_notes_that_cite_it_with_working_links(
    page: Any, site_url: str
) -> None:
    page.goto(f"{site_url}/works-cited/")
    link = page.locator('a[href*="third-indochina-war/#fn:17"]').first
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/sources/third-indochina-war/#fn:17")
