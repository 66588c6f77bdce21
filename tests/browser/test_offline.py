"""The offline copy: opened from a folder (file://), it searches with no request to any host."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from scripts.offline import SHIM_SOURCE
from tests.conftest import build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SHIM_SOURCE.is_file():
        pytest.fail("tools are not installed: run 'make quality-tools' (make test does it)")
    destination = tmp_path_factory.mktemp("offline")
    result = build_site(destination, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    return destination


def test_offline_copy_searches_from_a_folder_with_no_outside_request(
    page: Any, offline_site: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_site / "index.html").as_uri())
    page.click(".md-search__input")
    page.keyboard.type("Le Duan", delay=10)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any(re.search(r"/sources/third-indochina-war/index\.html#p\d+$", link) for link in links)
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requests), requests
    first = page.locator(".md-search-result__link").first
    target = first.get_attribute("href") or ""
    first.click()
    page.wait_for_load_state()
    assert page.url == target
    assert page.locator(f"[id='{target.rsplit('#', 1)[1]}']").count() == 1


def test_offline_copy_links_open_pages_not_folders(page: Any, offline_site: Path) -> None:
    page.goto((offline_site / "sources" / "esau-17" / "index.html").as_uri())
    link = page.locator("a.mention--person").first
    href = link.get_attribute("href") or ""
    assert href.endswith("/index.html") or "/index.html#" in href
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/index.html")
    assert page.locator("h1").count() == 1


def test_offline_not_found_page_loads_its_assets_from_the_folder(
    page: Any, offline_site: Path
) -> None:
    """MkDocs writes root-absolute links into 404.html; from a folder they meant file:///assets/."""
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto((offline_site / "404.html").as_uri())
    page.wait_for_load_state()
    assert not failed, failed
    stylesheets = page.eval_on_selector_all("link[rel=stylesheet]", "els => els.map(e => e.href)")
    assert stylesheets and all(s.startswith(offline_site.as_uri()) for s in stylesheets)


def test_offline_copy_carries_the_pdf_of_each_source_linked_from_its_page(
    page: Any, offline_site: Path
) -> None:
    for reading in sorted((offline_site / "sources").glob("*/index.html")):
        slug = reading.parent.name
        page.goto(reading.as_uri())
        href = page.locator(f'a[href="{slug}.pdf"]').get_attribute("href")
        assert href and (reading.parent / href).read_bytes().startswith(b"%PDF-")
