"""No accessibility violation (axe-core in headless Chromium) on one page of every kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.quality.conftest import html_pages

pytestmark = pytest.mark.browser


def page_kind(relative: Path) -> str:
    """The kind of a page of the site, from its path: one page of each kind is audited.

    ``index.html`` is the home page; ``sources/<slug>/`` a reading text and
    ``sources/<slug>/<name>/`` (e.g. ``editorial``) one of its companion pages; any other
    page's kind is its first folder and its depth (``persons/`` and ``persons/*``).
    """
    parts = relative.parent.parts
    if not parts:
        return "home" if relative.name == "index.html" else relative.name
    if parts[0] == "sources":
        return "sources/*" + "".join(f"/{part}" for part in parts[2:])
    return parts[0] + "/*" * (len(parts) - 1)


def _sample(site_dir: Path) -> dict[str, str]:
    chosen: dict[str, str] = {}
    for page in html_pages(site_dir):
        relative = page.relative_to(site_dir)
        url = relative.as_posix().removesuffix("index.html")
        chosen.setdefault(page_kind(relative), url)
    return chosen


def _violations(page: Any, axe_js: Path) -> list[str]:
    page.add_script_tag(path=str(axe_js))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: "
        + "; ".join(
            " ".join(map(str, node["target"])) + " — " + " ".join(node["failureSummary"].split())
            for node in v["nodes"][:3]
        )
        for v in found
    ]


def test_page_kinds_are_told_apart_by_path() -> None:
    assert page_kind(Path("index.html")) == "home"
    assert page_kind(Path("404.html")) == "404.html"
    assert page_kind(Path("sources/esau-17/index.html")) == "sources/*"
    assert page_kind(Path("sources/esau-17/editorial/index.html")) == "sources/*/editorial"
    assert page_kind(Path("persons/index.html")) == "persons"
    assert page_kind(Path("persons/le-duan/index.html")) == "persons/*"


def test_one_page_of_every_kind_has_no_accessibility_violation(
    page: Any, site_dir: Path, site_url: str, axe_js: Path
) -> None:
    """axe-core's default rules (WCAG 2.x A/AA and best practices) over each kind of page."""
    sample = _sample(site_dir)
    assert {"home", "sources/*", "sources/*/editorial"} <= set(sample), sample
    report: dict[str, list[str]] = {}
    for kind, url in sorted(sample.items()):
        page.goto(f"{site_url}/{url}")
        page.wait_for_load_state("networkidle")
        violations = _violations(page, axe_js)
        if violations:
            report[f"{kind} ({url or '/'})"] = violations
    assert not report, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in report.items())


def test_one_page_of_every_kind_has_no_accessibility_violation_in_the_dark_scheme(
    browser: Any, site_dir: Path, site_url: str, axe_js: Path
) -> None:
    """The same audit with the system asking for dark colours (Material's slate scheme)."""
    sample = _sample(site_dir)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, color_scheme="dark")
    page = context.new_page()
    report: dict[str, list[str]] = {}
    try:
        for kind, url in sorted(sample.items()):
            page.goto(f"{site_url}/{url}")
            page.wait_for_load_state("networkidle")
            scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert scheme == "slate", f"{url}: the dark preference gave scheme {scheme}"
            violations = _violations(page, axe_js)
            if violations:
                report[f"{kind} ({url or '/'})"] = violations
    finally:
        context.close()
    assert not report, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in report.items())


_SCHEME = "document.body.getAttribute('data-md-color-scheme')"
_TOGGLE = "form[data-edition-palette] label:visible"
_META = "document.querySelector(\"meta[name='color-scheme']\").content"


def test_colour_scheme_toggle_cycles_automatic_light_dark_and_is_kept(
    browser: Any, site_url: str
) -> None:
    """With the system asking for dark: automatic (dark) → light → dark → automatic, by click
    and by Enter; one toggle shows at a time, named for what it does next; the color-scheme
    meta tag follows; the choice survives a new page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/")
        page.wait_for_load_state("networkidle")
        toggle = page.locator(_TOGGLE)
        assert toggle.count() == 1
        steps = [("slate", "Switch to light mode")]
        page.locator(_TOGGLE).click()
        steps.append((page.evaluate(_SCHEME), page.locator(_TOGGLE).get_attribute("title")))
        assert page.evaluate(_META) == "light"
        page.locator(_TOGGLE).click()
        steps.append((page.evaluate(_SCHEME), page.locator(_TOGGLE).get_attribute("title")))
        assert page.evaluate(_META) == "dark"
        assert steps == [
            ("slate", "Switch to light mode"),
            ("default", "Switch to dark mode"),
            ("slate", "Switch to system preference"),
        ]
        page.goto(f"{site_url}/timeline/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate(_SCHEME) == "slate"
        assert page.locator(_TOGGLE).get_attribute("title") == "Switch to system preference"
        page.locator("form[data-edition-palette] input:checked").focus()
        page.keyboard.press("Enter")  # back to automatic, which follows the system
        assert page.locator(_TOGGLE).get_attribute("title") == "Switch to light mode"
        page.emulate_media(color_scheme="light")
        page.wait_for_function(f"{_SCHEME} === 'default'")
        page.emulate_media(color_scheme="dark")
        page.wait_for_function(f"{_SCHEME} === 'slate'")
    finally:
        context.close()


def test_colour_scheme_toggle_is_drawn_with_the_header_not_after_the_scripts(
    browser: Any, site_url: str
) -> None:
    """The reader's stored choice is applied, and its toggle shown, while the page is parsed:
    with the site's scripts blocked, a reader who chose dark still gets dark and one toggle."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/")
        page.wait_for_load_state("networkidle")
        page.locator(_TOGGLE).click()
        page.locator(_TOGGLE).click()  # automatic → light → dark
        assert page.evaluate(_SCHEME) == "slate"
        page.route("**/*.js", lambda route: route.abort())
        page.goto(f"{site_url}/glossary/")
        assert page.evaluate(_SCHEME) == "slate"
        assert page.locator(_TOGGLE).count() == 1
    finally:
        context.close()


def test_search_dialog_with_results_has_no_accessibility_violation(
    page: Any, site_url: str, axe_js: Path
) -> None:
    """The search dialog open, a query typed and its results listed."""
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    field = page.locator("input.md-search__input")
    field.click()  # at this width the field sits in the header; focusing it opens the dialog
    page.keyboard.type("Vietnam")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10000)
    violations = _violations(page, axe_js)
    assert not violations, "\n".join(violations)
