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
    tab.goto(f"{site_url}/timeline/")
    assert tab.locator(".tl-index-year").count() > 30  # every year is listed on the index
    context.close()


def test_timeline_filter_by_source_and_period_without_reloading(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/")
    page.wait_for_selector(".tl-filter input[name=source]")
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
    page.wait_for_selector(".tl-filter input[name=source]")
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
    page.wait_for_selector(".works-filter__count")
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
