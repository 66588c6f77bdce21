"""Search measured as a reader meets it, for ``make bench`` (and on its own).

    python -m scripts.search.bench SITE_DIR              # one built site
    python -m scripts.search.bench --scales 1,10,100     # build the synthetic corpora first

For a built site: the size of the search index on disk (and gzip-compressed, as a static
host serves it); then, in headless Chromium, for each query of :data:`QUERIES` in a fresh
browser (cold cache): the bytes of search files the query made the browser load (counted
gzip-compressed, every file from the first keystroke to the results), and the time from the
last keystroke to the results shown. The site is served from loopback by Python's server.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

QUERIES = ("Le Duan", "Pham Van Dong", "Geneva Conference", "Vientiane agreement")
"""The queries of the issue's "done when"; each typed as a reader types it."""
CHROMIUM = "/usr/bin/chromium"
KEY_DELAY_MS = 40
"""Time between keystrokes (a fast typist); every keystroke starts a search."""


@dataclass(frozen=True)
class QueryFigures:
    """One query in a fresh browser."""

    query: str
    kilobytes: float
    """Search files loaded for it, gzip-compressed (kB = 1000 bytes)."""
    requests: int
    """How many search files it loaded."""
    milliseconds: float
    """From the last keystroke to the results shown."""


@dataclass(frozen=True)
class SearchFigures:
    """Search of one built site."""

    index_mib: float
    """The whole index on disk (``search/``)."""
    index_gzip_mib: float
    """The same, each file gzip-compressed."""
    files: int
    """Files of the index."""
    queries: tuple[QueryFigures, ...]

    @property
    def max_kilobytes(self) -> float:
        return max(q.kilobytes for q in self.queries)

    @property
    def median_milliseconds(self) -> float:
        return statistics.median(q.milliseconds for q in self.queries)

    @property
    def max_milliseconds(self) -> float:
        return max(q.milliseconds for q in self.queries)


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _served(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


_LISTEN = """() => {
  window.__lastKey = 0; window.__results = {};
  document.addEventListener('keydown', e => { window.__lastKey = performance.now(); }, true);
  document.querySelector('[data-edition-search]').addEventListener('edition-search:results',
    e => { window.__results[e.detail.query] = e.detail.time; });
}"""


def _one_query(browser: object, url: str, site: Path, query: str) -> QueryFigures:
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(unquote(urlparse(r.url).path)))
    page.goto(url + "/")
    page.wait_for_load_state("networkidle")
    page.evaluate(_LISTEN)
    loaded.clear()
    page.click(".md-search__input")
    page.keyboard.type(query, delay=KEY_DELAY_MS)
    page.wait_for_function("q => q in window.__results", arg=query, timeout=120_000)
    elapsed = page.evaluate("q => window.__results[q] - window.__lastKey", query)
    files = sorted({p for p in loaded if p.startswith("/search/")})
    size = sum(_gzip_size(site / p.lstrip("/")) for p in files)
    context.close()
    return QueryFigures(query, size / 1000, len(files), float(elapsed))


def measure(site: Path, queries: Sequence[str] = QUERIES) -> SearchFigures:
    """Index size of the built ``site`` and each query's bytes and time in headless Chromium."""
    from playwright.sync_api import sync_playwright

    index = [p for p in (site / "search").rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in index)
    packed = sum(_gzip_size(p) for p in index)
    figures: list[QueryFigures] = []
    with _served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            figures = [_one_query(browser, url, site, query) for query in queries]
        finally:
            browser.close()
    return SearchFigures(raw / 2**20, packed / 2**20, len(index), tuple(figures))


CAPTION = (
    "**Search** (a fresh headless Chromium per query, site served from loopback; the queries "
    + ", ".join(f"“{q}”" for q in QUERIES)
    + f", typed one key every {KEY_DELAY_MS} ms; search files counted gzip-compressed):"
)
TABLE_HEAD = [
    "| Corpus | Index on disk (MiB) | gzip (MiB) | Files | First query, search files (kB gzip, max) "
    "| Last keystroke → results (ms, median / max) |",
    "|---|---|---|---|---|---|",
]


def table_row(scale: int, figures: SearchFigures) -> str:
    """One row of :data:`TABLE_HEAD` for a corpus of ``scale`` times the sources."""
    return (
        f"| {scale}× | {figures.index_mib:.1f} | {figures.index_gzip_mib:.2f} | {figures.files} "
        f"| {figures.max_kilobytes:.0f} | {figures.median_milliseconds:.0f} / "
        f"{figures.max_milliseconds:.0f} |"
    )


def details(figures: SearchFigures) -> str:
    """Each query's figures on one line."""
    return "; ".join(
        f"{q.query}: {q.kilobytes:.0f} kB in {q.requests} files, {q.milliseconds:.0f} ms"
        for q in figures.queries
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m scripts.search.bench``."""
    parser = argparse.ArgumentParser(prog="python -m scripts.search.bench", description=__doc__)
    parser.add_argument("site", nargs="?", type=Path, help="a built site to measure")
    parser.add_argument("--scales", default="", help="build synthetic corpora (e.g. 1,10,100)")
    args = parser.parse_args(argv)
    lines = list(TABLE_HEAD)
    if args.site:
        figures = measure(args.site)
        lines.append(table_row(1, figures))
        print(details(figures), file=sys.stderr)
    for scale in [int(s) for s in args.scales.split(",") if s]:
        from scripts.bench import mkdocs_build, synthetic_project

        with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
            project = synthetic_project(Path(tmp) / "project", scale)
            run = mkdocs_build(project, project / "mkdocs.yml", Path(tmp) / "site")
            figures = measure(Path(tmp) / "site")
            lines.append(table_row(scale, figures))
            print(f"{scale}×: build {run.seconds:.0f} s; {details(figures)}", file=sys.stderr)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
