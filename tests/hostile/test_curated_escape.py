"""Hostile curated data is shown literally and runs nothing: the source-text corpus's payloads
in every free-text field of ``meta.yml`` and ``persons.yml`` (:mod:`tests.hostile.curated`).

Two real ``mkdocs build --strict`` runs, one with the payloads and one with plain words in
the same fields: every page of the first has the elements and attribute names of the second,
and in Chromium no page opens a dialog (every payload that could run calls ``alert``), no
search result either, and the title and the person's name show as the text they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import build_site, serve
from tests.hostile.curated import HOSTILE, PERSON_ID, hostile_project
from tests.hostile.project import SLUG, read_html

pytestmark = pytest.mark.browser


def _built(folder: Path, text: str) -> Path:
    root = hostile_project(folder / "project", text)
    site = folder / "site"
    result = build_site(site, cwd=root)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _built(tmp_path_factory.mktemp("hostile"), HOSTILE)


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _built(tmp_path_factory.mktemp("plain"), "plain words here")


def _pages(site: Path) -> dict[str, Path]:
    return {str(p.relative_to(site)): p for p in sorted(site.rglob("*.html"))}


def test_no_curated_value_adds_an_element_or_an_attribute(
    hostile_site: Path, plain_site: Path
) -> None:
    hostile, plain = _pages(hostile_site), _pages(plain_site)
    assert hostile.keys() == plain.keys()
    for name, path in hostile.items():
        shown = read_html(path.read_text(encoding="utf-8"))
        baseline = read_html(plain[name].read_text(encoding="utf-8"))
        assert Counter(shown.tags) == Counter(baseline.tags), name
        assert Counter(shown.attributes) == Counter(baseline.attributes), name
        # Data in a script element (JSON-LD, page data) holds the text, but never a "<".
        assert not any(re.search(r"<(img|script|!--)", body) for body in shown.scripts), name


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "page",
    [
        f"sources/{SLUG}/index.html",
        f"sources/{SLUG}/editorial/index.html",
        f"persons/{PERSON_ID}/index.html",
    ],
)
def test_curated_text_is_shown_literally(hostile_site: Path, page: str) -> None:
    shown = read_html((hostile_site / page).read_text(encoding="utf-8"))
    assert _words(HOSTILE) in shown.text


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    import http.server

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    yield from serve(hostile_site, Quiet)


RECORD = """
window.__ran = [];
window.alert = window.confirm = window.prompt = function (m) { window.__ran.push(String(m)); };
"""


def test_no_page_runs_curated_script_in_chromium(
    hostile_site: Path, hostile_url: str, page: object
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    page.add_init_script(RECORD)  # type: ignore[attr-defined]
    carrying = [
        name
        for name, path in _pages(hostile_site).items()
        if "not an admonition" in path.read_text(encoding="utf-8")
    ]
    assert len(carrying) >= 5, carrying
    for name in carrying:
        url = f"{hostile_url}/{name.removesuffix('index.html')}"
        page.goto(url, wait_until="load")  # type: ignore[attr-defined]
        ran = page.evaluate("window.__ran")  # type: ignore[attr-defined]
        assert not ran and not dialogs, f"{name}: {ran or dialogs}"
    page.goto(f"{hostile_url}/sources/{SLUG}/")  # type: ignore[attr-defined]
    title = page.title()  # type: ignore[attr-defined]
    assert title.startswith(f"F0 {HOSTILE}"[:60]), title
    heading = page.locator("h1").first.inner_text()  # type: ignore[attr-defined]
    assert _words(heading) == _words(f"F0 {HOSTILE}")


def test_search_results_for_curated_text_run_nothing(hostile_url: str, page: object) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    page.add_init_script(RECORD)  # type: ignore[attr-defined]
    for query in ["onerror", "hostile", "admonition"]:
        page.goto(f"{hostile_url}/")  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
        page.click(".md-search__input")  # type: ignore[attr-defined]
        page.keyboard.type(query, delay=10)  # type: ignore[attr-defined]
        page.wait_for_selector(".md-search-result__item", timeout=30_000)  # type: ignore[attr-defined]
        page.wait_for_timeout(300)  # type: ignore[attr-defined]
        ran = page.evaluate("window.__ran")  # type: ignore[attr-defined]
        assert not ran and not dialogs, f"{query}: {ran or dialogs}"
        results = page.locator(".md-search-result").inner_text()  # type: ignore[attr-defined]
        assert re.search(re.escape(query), results, re.IGNORECASE), results
