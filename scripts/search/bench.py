"""Search measured as a reader meets it, for ``make bench`` (and on its own).

    python -m scripts.search.bench SITE_DIR              # one built site
    python -m scripts.search.bench --scales 1,10,100     # build the synthetic corpora first
    python -m scripts.search.bench SITE_DIR --replicate 10,100   # the index alone, quickly

``--replicate`` writes, into a copy of a built site, the search index of its passages repeated
under new slugs, as the synthetic corpus of ``make bench`` repeats its sources: the same
passages and index files without building the whole site (a 100x build takes many minutes).

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


def replicated_site(site: Path, copies: int, destination: Path) -> Path:
    """A copy of ``site`` whose search index holds its passages ``copies`` times (see above)."""
    import json
    import shutil
    from dataclasses import replace

    from scripts.search.index import write
    from scripts.search.passages import INDEX_GROUP, Kind, Passage

    shutil.copytree(site, destination, ignore=shutil.ignore_patterns("search"))

    def data(path: Path) -> object:
        body = path.read_text(encoding="utf-8")
        return json.loads(body[body.index(",") + 1 : body.rindex(")")])

    manifest = data(site / "search" / "manifest.js")
    assert isinstance(manifest, dict)
    rows: list[list[str]] = []
    for number in range(-(-manifest["count"] // manifest["chunk"])):
        chunk = data(site / "search" / "p" / f"{number}.js")
        assert isinstance(chunk, list)
        rows += chunk
    originals: list[Passage] = []
    titles: dict[str, str] = {}
    for slug, title, start, notes in manifest["groups"]:
        end = next((g[2] for g in manifest["groups"] if g[2] > start), len(rows))
        for n in range(start, end if slug != INDEX_GROUP else len(rows)):
            kind = Kind.INDEX if slug == INDEX_GROUP else Kind.NOTE if n >= notes else Kind.PARAGRAPH
            originals.append(Passage(kind, slug, *rows[n]))
        if slug != INDEX_GROUP:
            titles[slug] = title
    passages: list[Passage] = []
    all_titles: dict[str, str] = {}
    for copy in range(1, copies + 1):
        for slug, title in titles.items():
            name = slug if copy == 1 else f"{slug}-copy{copy}"
            all_titles[name] = title
            old, new = f"sources/{slug}/", f"sources/{name}/"
            passages += [
                replace(p, group=name, href=p.href.replace(old, new, 1))
                for p in originals
                if p.group == slug
            ]
    passages += [p for p in originals if p.group == INDEX_GROUP]
    for file in write(passages, all_titles):
        target = destination / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.content, encoding="utf-8")
    return destination


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m scripts.search.bench``."""
    parser = argparse.ArgumentParser(prog="python -m scripts.search.bench", description=__doc__)
    parser.add_argument("site", nargs="?", type=Path, help="a built site to measure")
    parser.add_argument("--scales", default="", help="build synthetic corpora (e.g. 1,10,100)")
    parser.add_argument("--replicate", default="", help="repeat SITE's passages (e.g. 10,100)")
    args = parser.parse_args(argv)
    lines = list(TABLE_HEAD)
    if args.site:
        figures = measure(args.site)
        lines.append(table_row(1, figures))
        print(details(figures), file=sys.stderr)
    for scale in [int(s) for s in args.replicate.split(",") if s]:
        with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
            site = replicated_site(args.site, scale, Path(tmp) / "site")
            figures = measure(site)
            lines.append(table_row(scale, figures))
            print(f"{scale}× (replicated): {details(figures)}", file=sys.stderr)
    for scale in [int(s) for s in args.scales.split(",") if s]:
        from scripts.bench_build import mkdocs_build, synthetic_project

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
