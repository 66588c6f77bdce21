"""The reader's side of the benchmark: what a page costs a reader, measured in Chromium.

For a built site, :func:`measure` serves it gzip-compressed on loopback (as any static host
does) and, for one page of each kind, loads it in Debian's headless Chromium with the CPU
slowed four times (``Emulation.setCPUThrottlingRate``) and an empty cache:

* bytes transferred on a first visit (compressed, every request of the page);
* DOM elements once the page has loaded and its scripts have run;
* long tasks (over 50 ms) and the total blocking time (the sum of their parts over 50 ms);
* cumulative layout shift;
* Lighthouse 12's performance score, mobile and desktop presets, where Lighthouse runs
  (``tools/node_modules/.bin/lighthouse``, ``CHROME_PATH=/usr/bin/chromium``).

It also counts the elements of every HTML page of the site (tags in the file, without the
ones scripts add) to name the largest page, whatever its kind.
"""

from __future__ import annotations

import gzip
import http.server
import json
import mimetypes
import os
import re
import statistics
import subprocess
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "tools" / "node_modules" / ".bin" / "lighthouse"
THROTTLE = 4
LIGHTHOUSE_KINDS = (
    "reading page (CWIHP)",
    "timeline index",
    "timeline year",
    "person page",
)
"""The pages Lighthouse scores (a run takes a minute or more on a busy machine)."""
PHONE = {"width": 412, "height": 823}
TAG = re.compile(rb"<[a-zA-Z]")


@dataclass(frozen=True)
class PageFigures:
    """What one page costs, measured in Chromium (medians over the runs)."""

    kind: str
    path: str
    kib_gzip: float
    requests: int
    dom: int
    long_tasks: int
    tbt_ms: float
    cls: float
    lighthouse_mobile: float | None = None
    lighthouse_desktop: float | None = None
    lighthouse_tbt_ms: float | None = None


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the client accepts it (every browser does)."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_gzip(site: Path) -> Iterator[str]:
    """Serve ``site`` compressed on a free loopback port; yield its base URL."""

    def handler(*args: Any, **kwargs: Any) -> _Gzip:
        return _Gzip(*args, directory=str(site), **kwargs)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def static_elements(site: Path) -> list[tuple[int, str]]:
    """Elements (start tags) of every HTML page of the site, largest first."""
    sizes = [
        (len(TAG.findall(path.read_bytes())), str(path.relative_to(site).parent) + "/")
        for path in site.rglob("index.html")
    ]
    return sorted(sizes, reverse=True)


def page_kinds(site: Path) -> list[tuple[str, str]]:
    """One page of each kind, ``(kind, path)``: the largest of its kind by elements."""
    sizes = {path: n for n, path in static_elements(site)}

    def largest(pattern: str) -> str | None:
        found = [p for p in sizes if re.fullmatch(pattern, p)]
        return max(found, key=lambda p: (sizes[p], p)) if found else None

    kinds = [
        ("home", r"\./"),
        ("reading page", r"sources/[^/]+/"),
        ("editorial page", r"sources/[^/]+/editorial/"),
        ("timeline index", r"timeline/"),
        ("timeline year", r"timeline/\d{4}(-\d+)?/"),
        ("timeline of a source", r"timeline/(?!\d{4})[^/]+/"),
        ("persons index", r"persons/"),
        ("person page", r"persons/[^/]+/"),
        ("works cited", r"works-cited/"),
        ("glossary", r"glossary/"),
    ]
    out = [(kind, largest(pattern)) for kind, pattern in kinds]
    cwihp = "sources/mao-indochina-war/"
    if cwihp in sizes:
        out.insert(1, ("reading page (CWIHP)", cwihp))
    seen: set[str] = set()
    pages = []
    for kind, path in out:
        if path is not None and path not in seen:
            seen.add(path)
            pages.append((kind, "" if path == "./" else path))
    return pages


_OBSERVE = """
window.__perf = {longtasks: [], cls: 0};
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__perf.longtasks.push(e.duration);
}).observe({type: "longtask", buffered: true});
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value;
}).observe({type: "layout-shift", buffered: true});
"""


def _chromium_once(browser: Any, url: str) -> tuple[int, int, int, list[float], float]:
    """Bytes, requests, DOM elements, long tasks and CLS of one cold load of ``url``."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(_OBSERVE)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    sizes: dict[str, float] = {}
    cdp.on(
        "Network.loadingFinished",
        lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]),
    )
    page.goto(url, wait_until="load", timeout=180_000)
    page.wait_for_timeout(2000)  # late scripts and their long tasks
    dom = int(page.evaluate("document.getElementsByTagName('*').length"))
    perf = page.evaluate("window.__perf")
    context.close()
    return (
        int(sum(sizes.values())),
        len(sizes),
        dom,
        list(perf["longtasks"]),
        float(perf["cls"]),
    )


def lighthouse(url: str, preset: str) -> tuple[float, float] | None:
    """Lighthouse's performance score (0–100) and total blocking time (ms), or None."""
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        return None
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--only-categories=performance",
        "--output=json",
        "--output-path=stdout",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=300, check=False
        )
        report = json.loads(done.stdout)
        score = report["categories"]["performance"]["score"]
        tbt = report["audits"]["total-blocking-time"]["numericValue"]
    except (subprocess.TimeoutExpired, json.JSONDecodeError, KeyError, TypeError):
        return None
    if score is None:
        return None
    return float(score) * 100, float(tbt)


def measure(site: Path, *, runs: int = 3, with_lighthouse: bool = True) -> list[PageFigures]:
    """Figures for one page of each kind of the built ``site`` (medians of ``runs`` loads)."""
    from playwright.sync_api import sync_playwright

    figures: list[PageFigures] = []
    with serve_gzip(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for kind, path in page_kinds(site):
            url = f"{base}/{path}"
            samples = [_chromium_once(browser, url) for _ in range(runs)]
            tbt = [sum(max(0.0, d - 50) for d in s[3]) for s in samples]
            mobile = desktop = None
            if with_lighthouse and kind in LIGHTHOUSE_KINDS:
                mobile = lighthouse(url, "mobile")
                desktop = lighthouse(url, "desktop")
            figures.append(
                PageFigures(
                    kind=kind,
                    path="/" + path,
                    kib_gzip=statistics.median(s[0] for s in samples) / 1024,
                    requests=int(statistics.median(s[1] for s in samples)),
                    dom=int(statistics.median(s[2] for s in samples)),
                    long_tasks=int(statistics.median(len(s[3]) for s in samples)),
                    tbt_ms=statistics.median(tbt),
                    cls=statistics.median(s[4] for s in samples),
                    lighthouse_mobile=mobile[0] if mobile else None,
                    lighthouse_desktop=desktop[0] if desktop else None,
                    lighthouse_tbt_ms=mobile[1] if mobile else None,
                )
            )
        browser.close()
    return figures


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def report(scale: int, site: Path, figures: Sequence[PageFigures]) -> list[str]:
    """The Markdown table of the figures of one corpus size."""
    largest = static_elements(site)[:1]
    lines = [
        f"**Reader side at {scale}×** (headless Chromium, phone viewport, CPU slowed "
        f"{THROTTLE}×, cold cache, site served gzip-compressed on loopback; medians):",
        "",
        "| Page | kB (gzip) | Requests | DOM elements | Long tasks | TBT (ms) | CLS "
        "| Lighthouse mobile | Lighthouse desktop | Lighthouse TBT mobile (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        lines.append(
            f"| {f.kind} `{f.path}` | {f.kib_gzip:.0f} | {f.requests} | {f.dom:,} "
            f"| {f.long_tasks} | {f.tbt_ms:.0f} | {f.cls:.3f} | {_score(f.lighthouse_mobile)} "
            f"| {_score(f.lighthouse_desktop)} | {_score(f.lighthouse_tbt_ms)} |"
        )
    if largest:
        count, path = largest[0]
        lines += [
            "",
            f"Largest page of the {scale}× site by elements in its HTML: `/{path}` "
            f"({count:,} elements before scripts run).",
        ]
    return lines
