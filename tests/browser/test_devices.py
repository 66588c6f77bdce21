"""The reading pages on a reader's devices: phone widths, print, keyboard, lazy tooltips."""

from __future__ import annotations

import shutil
import statistics
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

SOURCES = ["third-indochina-war", "mao-indochina-war", "esau-17"]
OTHER_PAGES = ["persons/", "persons/mao-zedong/", "timeline/", "works-cited/", "glossary/"]
FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]"


def _context(browser: Any, **options: Any) -> Iterator[Any]:
    context = browser.new_context(**options)
    outside: list[str] = []
    context.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
            else outside.append(r.url)
        ),
    )
    yield context
    context.close()
    assert not outside, f"requests to other hosts: {outside}"


@pytest.fixture(params=[390, 360], ids=lambda w: f"{w}px")
def phone(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A phone-sized page with touch."""
    width = request.param
    for context in _context(
        browser, viewport={"width": width, "height": 780}, is_mobile=True, has_touch=True
    ):
        yield context.new_page()


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def _horizontal_overflow(page: Any) -> int:
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


@pytest.mark.parametrize("slug", SOURCES)
def test_phone_reading_page_has_its_numbers_cite_and_page_markers_inside_the_screen(
    phone: Any, site_url: str, slug: str
) -> None:
    _open(phone, f"{site_url}/sources/{slug}/")
    assert _horizontal_overflow(phone) == 0
    outside = phone.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const boxes = [];
          for (const e of document.querySelectorAll('.para-num, .cite-button, .page-break, .page-foot')) {
            const r = e.getBoundingClientRect();
            boxes.push([e.className, r.left, r.right, r.width]);
            // the page label is generated content: measure the marker with its label
          }
          return boxes.filter(([, left, right, w]) => w === 0 || left < 0 || right > width);
        }"""
    )
    assert phone.locator(".para-num").count() > 30
    assert outside == [], outside[:5]
    # the cite control is shown (the script reveals it) and the number is drawn
    assert phone.locator("#p1 .cite-button").is_visible()
    assert (
        phone.evaluate(
            "getComputedStyle(document.querySelector('#p1 .para-num'), '::before').content"
        )
        == '"1"'
    )


@pytest.mark.parametrize("path", OTHER_PAGES)
def test_phone_index_pages_do_not_scroll_sideways(phone: Any, site_url: str, path: str) -> None:
    _open(phone, f"{site_url}/{path}")
    assert _horizontal_overflow(phone) == 0


def test_phone_tapped_note_opens_in_place_and_closes_back_without_scrolling(
    phone: Any, site_url: str
) -> None:
    _open(phone, f"{site_url}/sources/mao-indochina-war/")
    ref = phone.locator("#p2 a.footnote-ref").first
    ref.scroll_into_view_if_needed()
    phone.wait_for_timeout(200)
    before = phone.evaluate("scrollY")
    key = ref.get_attribute("href").split("#fn:")[-1]
    ref.tap()
    popover = phone.locator(".note-pop")
    popover.wait_for(state="visible", timeout=5000)
    assert phone.evaluate("scrollY") == before
    assert not phone.evaluate("location.hash").startswith("#fn:")
    note_text = phone.inner_text(f"#fn\\:{key}").replace("↩", "").split()
    assert popover.inner_text().split()[: len(note_text)] == note_text
    box = popover.bounding_box()
    width = phone.viewport_size["width"]
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    phone.locator(".note-pop__close").tap()
    assert phone.locator(".note-pop").count() == 0
    assert phone.evaluate("scrollY") == before
    assert phone.evaluate("document.activeElement.getAttribute('href')").endswith(f"#fn:{key}")


def test_phone_tapped_abbreviation_shows_its_expansion(phone: Any, site_url: str) -> None:
    _open(phone, f"{site_url}/sources/mao-indochina-war/")
    mark = phone.locator("#p20 abbr").first
    mark.scroll_into_view_if_needed()
    expansion = mark.get_attribute("title")
    mark.tap()
    tip = phone.locator("#edition-tip.edition-tip--active")
    tip.wait_for(state="visible", timeout=5000)
    assert tip.inner_text() == expansion
    phone.locator(".md-content h1").first.tap()
    tip.wait_for(state="hidden", timeout=5000)


def test_tooltips_are_created_when_needed_not_at_load(page: Any, site_url: str) -> None:
    _open(page, f"{site_url}/sources/mao-indochina-war/")
    titles = page.locator(".md-content [title]").count()
    assert titles > 500
    assert page.locator("[role=tooltip], .md-tooltip2").count() == 0
    later = page.locator("#p20 span.mention--person").first  # a later mention: no tab stop
    later.scroll_into_view_if_needed()
    later.hover()
    tip = page.locator("#edition-tip.edition-tip--active")
    tip.wait_for(state="visible", timeout=5000)
    assert "Mao Zedong" in tip.inner_text()
    assert page.locator("[role=tooltip]").count() == 1
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden", timeout=5000)
    assert page.locator(".md-content [title]").count() == titles  # every title back in place


def test_keyboard_focus_on_a_mention_shows_its_tooltip_and_escape_hides_it(
    page: Any, site_url: str
) -> None:
    _open(page, f"{site_url}/sources/mao-indochina-war/")
    page.locator("#p20 a.mention--person").first.focus()
    tip = page.locator("#edition-tip.edition-tip--active")
    tip.wait_for(state="visible", timeout=5000)
    assert "Mao Zedong" in tip.inner_text()
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=5000)


def _tab_stops_per_paragraph(page: Any) -> list[int]:
    return list(
        page.evaluate(
            """(sel) => [...document.querySelectorAll('p.para')].map(p =>
                 [...p.querySelectorAll(sel)].filter(e => e.tabIndex >= 0 && !e.closest('[hidden]')
                   && e.getClientRects().length > 0).length)""",
            FOCUSABLE,
        )
    )


def test_keyboard_a_paragraph_takes_a_handful_of_tab_presses(page: Any, site_url: str) -> None:
    _open(page, f"{site_url}/sources/mao-indochina-war/")
    stops = _tab_stops_per_paragraph(page)
    # number, cite, a note or two, the first mention of a few persons (page markers are not
    # tab stops; an abbreviation is one only at its first use on the page): the median was 14
    # and the worst paragraph had 41 before the first-mention rule, 8 and 15 after it
    assert statistics.median(stops) <= 6 and max(stops) <= 12, stops
    # pressing Tab walks from one paragraph's number to the next in exactly that many presses
    for n in (20, 21):
        page.locator(f"#p{n} .para-num").focus()
        presses = 0
        while page.evaluate("document.activeElement.closest('p.para')?.id") != f"p{n + 1}":
            page.keyboard.press("Tab")
            presses += 1
            assert presses <= 40
        assert presses == stops[n - 1]


def test_keyboard_no_person_or_abbreviation_is_a_tab_stop_twice_in_a_paragraph(
    page: Any, site_url: str
) -> None:
    for slug in SOURCES:
        _open(page, f"{site_url}/sources/{slug}/")
        repeats = page.evaluate(
            """() => [...document.querySelectorAll('p.para')].flatMap(p => {
                 const keys = [...p.querySelectorAll('a.mention--person:not([tabindex="-1"]), abbr[tabindex="0"]')]
                   .map(e => e.tagName === 'A' ? e.getAttribute('href') : e.getAttribute('title'));
                 return keys.filter((k, i) => keys.indexOf(k) !== i).map(k => p.id + ' ' + k);
               })"""
        )
        assert repeats == [], (slug, repeats[:5])


def test_keyboard_skip_link_leads_to_the_text_and_focus_is_visible(
    page: Any, site_url: str
) -> None:
    _open(page, f"{site_url}/sources/third-indochina-war/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.hash]")
    assert skip == ["Skip to the text", "#p1"]
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    box = page.locator("#p1").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    # keyboard focus on each kind of control in the text is drawn
    for selector in ("#p3 .para-num", "#p3 .cite-button", "a.footnote-ref", "abbr[tabindex]"):
        page.locator(selector).first.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        style = page.evaluate(
            "[getComputedStyle(document.activeElement).outlineStyle, getComputedStyle(document.activeElement).outlineWidth]"
        )
        assert style[0] != "none" and style[1] != "0px", (selector, style)


A4_WIDTH_PX = 794  # 210 mm at 96 px per inch


@pytest.mark.parametrize("slug", SOURCES)
def test_print_numbers_and_page_markers_are_not_clipped(
    page: Any, site_url: str, slug: str
) -> None:
    page.set_viewport_size({"width": A4_WIDTH_PX - 2 * 60, "height": 1000})  # @page margins 16 mm
    _open(page, f"{site_url}/sources/{slug}/")
    page.emulate_media(media="print")
    clipped = page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const out = [];
          for (const e of document.querySelectorAll('.para-num')) {
            const r = e.getBoundingClientRect();
            if (r.left < 0 || r.right > width) out.push(e.dataset.n);
          }
          for (const e of document.querySelectorAll('.page-break[data-label], .page-foot')) {
            // the label is generated content at the paragraph's right edge + 0.5em, 4em wide
            const para = e.closest('p, li');
            const size = parseFloat(getComputedStyle(e, '::after').fontSize);
            const right = para.getBoundingClientRect().right + 4.5 * size;
            if (right > width) out.push('page ' + e.dataset.label);
          }
          return out;
        }"""
    )
    assert clipped == []
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.cite-button']
             .filter(s => { const e = document.querySelector(s); return e && e.getClientRects().length; })"""
    )
    assert hidden == []


@pytest.fixture(scope="module")
def printed(
    browser: Any, site_url: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[str]]:
    """Each reading page printed to PDF by Chromium, as text per printed page (pdftotext)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run 'make browser' (make test does it)")
    folder: Path = tmp_path_factory.mktemp("print")
    pages: dict[str, list[str]] = {}
    for context in _context(browser):
        tab = context.new_page()
        for slug in SOURCES:
            _open(tab, f"{site_url}/sources/{slug}/")
            pdf = folder / f"{slug}.pdf"
            tab.pdf(path=str(pdf), prefer_css_page_size=True)
            text = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            pages[slug] = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    return pages


@pytest.mark.parametrize("slug", SOURCES)
def test_print_every_page_carries_the_citation_and_the_stable_address(
    printed: dict[str, list[str]], site_dir: Path, slug: str
) -> None:
    pages = printed[slug]
    assert len(pages) > 3
    html = (site_dir / "sources" / slug / "index.html").read_text(encoding="utf-8")
    canonical = html.split('<link rel="canonical" href="')[1].split('"')[0]
    for number, text in enumerate(pages, 1):
        flat = " ".join(text.split())
        assert canonical in flat.replace(" ", ""), f"page {number}: no address"
        assert "(20" in flat or "(19" in flat, f"page {number}: no short citation"


@pytest.mark.parametrize("slug", SOURCES)
def test_print_has_every_paragraph_number_whole_and_every_note_numbered(
    printed: dict[str, list[str]], page: Any, site_url: str, slug: str
) -> None:
    _open(page, f"{site_url}/sources/{slug}/")
    numbers = page.evaluate("[...document.querySelectorAll('.para-num')].map(e => e.dataset.n)")
    labels = page.evaluate(
        "[...document.querySelectorAll('.source-notes .note-label')].map(e => e.textContent)"
    )
    lines = [line.strip() for text in printed[slug] for line in text.splitlines()]
    starts = {line.split()[0] for line in lines if line.split()}
    missing = [n for n in numbers if n not in starts]
    assert missing == [], f"paragraph numbers not printed whole at a line start: {missing[:10]}"
    missing_notes = [label for label in labels if label not in starts]
    assert missing_notes == []
    flat = " ".join(" ".join(printed[slug]).split())
    assert "cite" not in starts and "Skip to" not in flat
