"""Search as a reader types it into the header search box: passages, not pages.

Expectations are computed from the texts of the passages (the ``search/p/*.js`` chunks the
site publishes, read here as data) with the build's own word splitting, never written in by
hand; the engine under test is the browser's: its key shards, ranking, grouping and links.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from scripts.search.tokens import tokens

pytestmark = pytest.mark.browser

SOURCES = ("third-indochina-war", "mao-indochina-war", "esau-17")


class Texts(dict[str, list[str]]):
    """Passage texts by href (site-relative, with anchor); unnumbered front matter shares one."""


def _passages(site_dir: Path) -> Texts:
    """Every passage of the built site."""
    found = Texts()
    for chunk in sorted((site_dir / "search" / "p").glob("*.js")):
        body = chunk.read_text(encoding="utf-8")
        rows = json.loads(body[body.index(",") + 1 : body.rindex(")")])
        for href, _label, text in rows:
            found.setdefault(href, []).append(text)
    return found


def _adjacent(texts: list[str], words: list[str]) -> bool:
    n = len(words)
    for text in texts:
        found = tokens(text)
        if any(found[i : i + n] == words for i in range(len(found) - n + 1)):
            return True
    return False


def _has_all(texts: list[str], words: list[str]) -> bool:
    return any(set(words) <= set(tokens(text)) for text in texts)


def _open(page: Any, site_url: str, path: str = "/") -> None:
    page.goto(f"{site_url}{path}")
    page.wait_for_load_state("networkidle")


def _listen(page: Any) -> None:
    """Count the result lists the search box shows (its ``edition-search:results`` event)."""
    page.evaluate(
        """() => { if (window.__shown !== undefined) return; window.__shown = 0;
           document.querySelector('[data-edition-search]').addEventListener(
             'edition-search:results', e => { window.__shown++; window.__done = e.detail.query; }); }"""
    )


def _then_results(page: Any, action: Any) -> None:
    """Do ``action`` and wait until the search box has shown the results it asked for."""
    _listen(page)
    before = page.evaluate("() => window.__shown")
    action()
    page.wait_for_function("n => window.__shown > n", arg=before, timeout=15000)


def _type(page: Any, query: str) -> None:
    """Type a query and wait for the results of exactly that query."""
    page.click(".md-search__input")
    page.fill(".md-search__input", "")
    _listen(page)
    page.evaluate("() => { window.__done = null; }")
    page.keyboard.type(query, delay=5)
    page.wait_for_function("q => window.__done === q", arg=query, timeout=15000)


def _groups(page: Any, *, expand: bool = False) -> list[tuple[str, list[str]]]:
    """The result groups shown: (title, site-relative hrefs), optionally every result shown."""
    if expand:
        while page.locator(".edition-search-more").count():
            page.locator(".edition-search-more").first.click()
        page.wait_for_function(
            """() => Array.from(document.querySelectorAll('.edition-search-group')).every(g =>
                 g.querySelectorAll('a').length ==
                 /\\((\\d+)\\)$/.exec(g.querySelector('.edition-search-group__title').textContent)[1])"""
        )
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.edition-search-group')).map(g => [
             g.querySelector('.edition-search-group__title').textContent,
             Array.from(g.querySelectorAll('a.md-search-result__link')).map(a => {
               const u = new URL(a.href); return u.pathname.slice(1) + u.hash; })])"""
    )


@pytest.mark.parametrize(
    "query",
    ["Le Duan", "Pham Van Dong", "Geneva Conference", "Vientiane agreement", "Nguyen Co Thach"],
)
def test_each_source_with_the_words_together_shows_those_paragraphs_first(
    page: Any, site_url: str, site_dir: Path, query: str
) -> None:
    words = tokens(query)
    texts = _passages(site_dir)
    together = {href for href, text in texts.items() if _adjacent(text, words)}
    with_source = {s for s in SOURCES if any(h.startswith(f"sources/{s}/") for h in together)}
    assert with_source, f"no source has {query!r}: the test corpus changed"
    _open(page, site_url)
    _type(page, query)
    groups = _groups(page)
    shown = {
        href.split("/")[1] for _, hrefs in groups for href in hrefs if href.startswith("sources/")
    }
    assert with_source <= shown
    for title, hrefs in groups:
        first = hrefs[0]
        assert first in together, f"{title}: first result {first} lacks {query!r} together"
        if first.startswith("sources/"):
            assert re.search(r"/#(p\d+|fn:[\w-]+|[\w-]+)$", first), first


@pytest.mark.parametrize("query", ["Le Duan", "Geneva Conference"])
def test_every_result_contains_every_word_as_a_whole_word(
    page: Any, site_url: str, site_dir: Path, query: str
) -> None:
    texts = _passages(site_dir)
    _open(page, site_url)
    _type(page, query + " ")  # finished: no prefix
    hrefs = [h for _, hs in _groups(page, expand=True) for h in hs]
    assert hrefs
    for href in hrefs:
        assert _has_all(texts[href], tokens(query)), href
    every = {h for h, t in texts.items() if _has_all(t, tokens(query))}
    assert set(hrefs) == every


@pytest.mark.parametrize(("plain", "accented"), [("Le Duan", "Lê Duẩn"), ("Dong", "Đồng")])
def test_a_name_with_or_without_diacritics_finds_the_same_passages(
    page: Any, site_url: str, plain: str, accented: str
) -> None:
    _open(page, site_url)
    _type(page, plain + " ")
    first = _groups(page, expand=True)
    marks = page.eval_on_selector_all(
        ".md-search-result mark", "els => els.map(e => e.textContent)"
    )
    _type(page, accented + " ")
    assert _groups(page, expand=True) == first
    assert any(m != m.encode("ascii", "ignore").decode() for m in marks), marks  # Lê, Đồng shown


def test_a_quoted_phrase_returns_only_passages_with_the_words_together(
    page: Any, site_url: str, site_dir: Path
) -> None:
    texts = _passages(site_dir)
    words = tokens("Soviet Union")
    _open(page, site_url)
    _type(page, "Soviet Union ")
    loose = [h for _, hs in _groups(page, expand=True) for h in hs]
    _type(page, '"Soviet Union"')
    phrase = [h for _, hs in _groups(page, expand=True) for h in hs]
    assert phrase and all(_adjacent(texts[h], words) for h in phrase)
    assert set(phrase) == {h for h in loose if _adjacent(texts[h], words)}
    assert len(phrase) < len(loose), "the corpus should hold the two words apart somewhere"


def test_a_single_rare_word_finds_its_one_passage(page: Any, site_url: str, site_dir: Path) -> None:
    texts = _passages(site_dir)
    counts: Counter[str] = Counter()
    for group in texts.values():
        for text in group:
            counts.update(set(tokens(text)))
    rare = sorted(w for w, n in counts.items() if n == 1 and w.isalpha() and len(w) >= 9)[0]
    where = [h for h, t in texts.items() if _has_all(t, [rare])]
    _open(page, site_url)
    _type(page, rare + " ")
    assert [h for _, hs in _groups(page) for h in hs] == where


def test_the_last_word_matches_as_a_prefix_while_typed_and_earlier_words_only_whole(
    page: Any, site_url: str, site_dir: Path
) -> None:
    texts = _passages(site_dir)
    _open(page, site_url)
    _type(page, "Vientiane agree")
    hrefs = [h for _, hs in _groups(page, expand=True) for h in hs]
    assert hrefs
    for href in hrefs:
        found = [w for text in texts[href] for w in tokens(text)]
        assert "vientiane" in found and any(w.startswith("agree") for w in found), href
    _type(page, "Le Dua")
    for href in [h for _, hs in _groups(page, expand=True) for h in hs]:
        assert _has_all(texts[href], ["le"]), f"{href}: 'le' matched inside another word"


def test_index_entries_come_after_the_passages_and_link_to_their_entry(
    page: Any, site_url: str
) -> None:
    _open(page, site_url)
    _type(page, "Le Duan ")
    groups = _groups(page)
    titles = [title for title, _ in groups]
    assert titles[-1].startswith("Indexes"), titles
    assert "persons/le-duan/" in groups[-1][1]


def test_a_result_opens_the_paragraph_it_shows(page: Any, site_url: str) -> None:
    _open(page, site_url)
    _type(page, "Vientiane agreement ")
    link = page.locator("a.md-search-result__link").first
    href = link.get_attribute("href") or ""
    text = link.locator("p").last.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"#p\d+$"))
    anchor = urlparse(page.url).fragment
    assert anchor == urlparse(href).fragment
    paragraph = page.locator(f"[id='{anchor}']").inner_text()
    assert "Vientiane agreement" in paragraph
    assert text.strip(" …")[:40] in " ".join(paragraph.split())


def test_filters_narrow_the_results_and_live_in_the_url(page: Any, site_url: str) -> None:
    _open(page, site_url)
    _type(page, "China ")
    _then_results(page, lambda: page.select_option("select[name=source]", "esau-17"))
    assert "source=esau-17" in page.url
    groups = _groups(page, expand=True)
    assert [title for title, _ in groups] and all(
        h.startswith("sources/esau-17/") for _, hs in groups for h in hs
    )
    _then_results(page, lambda: page.select_option("select[name=source]", ""))
    _then_results(page, lambda: page.uncheck("input[name=kind][value=text]"))
    _then_results(page, lambda: page.uncheck("input[name=kind][value=indexes]"))
    notes = _groups(page, expand=True)
    labels = page.eval_on_selector_all(
        ".edition-search-passage__label", "els => els.map(e => e.textContent)"
    )
    assert labels and all(label.startswith("Note ") for label in labels), labels
    assert all("#fn:" in h for _, hs in notes for h in hs)
    shared = page.url
    query = parse_qs(urlparse(shared).query)
    assert query["q"] == ["China "] and query["kind"] == ["notes"]
    page.goto(shared)
    page.wait_for_selector(".md-search-result__link", timeout=15000)
    page.wait_for_load_state("networkidle")
    assert _groups(page, expand=True) == notes
    assert page.input_value(".md-search__input") == "China "


def test_nothing_of_search_is_downloaded_until_a_search_starts(
    page: Any, site_url: str, site_dir: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlparse(r.url).path))
    _open(page, site_url, "/sources/mao-indochina-war/")
    assert not [r for r in requests if r.startswith("/search/")], requests
    # Not even the search's script, nor the scripts of other pages' filters.
    scripts = {r.rsplit("/", 1)[-1] for r in requests if r.endswith(".js")}
    assert not scripts & {"search.js", "timeline.js", "works.js", "persons.js"}, scripts
    _type(page, "Zhou Enlai")
    assert "/assets/javascripts/search.js" in requests
    loaded = [r for r in requests if r.startswith("/search/")]
    assert "/search/manifest.js" in loaded
    assert all(re.fullmatch(r"/search/(manifest|k/\d+|p/\d+)\.js", r) for r in loaded), loaded
    shards = {r for r in loaded if r.startswith("/search/k/")}
    assert 0 < len(shards) < len(list((site_dir / "search" / "k").glob("*.js")))


def test_a_key_opens_the_search_before_its_script_is_loaded_and_the_query_typed_counts(
    page: Any, site_url: str
) -> None:
    _open(page, site_url, "/sources/esau-17/")
    _listen(page)
    page.evaluate("() => { window.__done = null; }")
    page.keyboard.press("/")  # edition.js focuses the box; search.js arrives after
    page.keyboard.type("Le Duan", delay=5)
    page.wait_for_function("q => window.__done === q", arg="Le Duan", timeout=15000)
    assert page.locator(".md-search-result__list a").count() > 0


def test_the_browser_splits_and_folds_words_exactly_as_the_build(
    page: Any, site_url: str, site_dir: Path
) -> None:
    every = [text for group in _passages(site_dir).values() for text in group]
    samples = sorted(t for t in every if not t.isascii())[:60]
    samples += ["Phạm Văn Đồng", "ĐỒNG đồng", "Vӑn", "Mao’s “line”", "Sino-Soviet ﬁnal 1954–1975"]
    _open(page, site_url)
    _type(page, "Hanoi ")
    found = page.evaluate("texts => texts.map(t => window.editionSearch.words(t))", samples)
    assert found == [tokens(text) for text in samples]
