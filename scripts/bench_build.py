"""The build side of the benchmark (:mod:`scripts.bench` runs it).

All on throw-away copies of the project:

1. the pipeline's stages in-process, timed by wrapping the functions :func:`scripts.site.build`
   calls (normalisers, assembly, conservation, manifests, indexes, renderers);
2. ``mkdocs build --strict`` of the project as it is (with the hook), several runs;
3. the same generated Markdown through a plain ``mkdocs build`` without the hook, for the
   hook's overhead;
4. a rebuild in ``mkdocs serve`` after one source's files changed (CPU of the server
   process between the change and the end of the rebuild);
5. a synthetic corpus of 1x, 10x and 100x the sources (copies under new slugs): build time,
   peak memory of the build process, site size and search-index size; each site built is
   handed to the caller (the reader-side measurements) before it is deleted.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ["mkdocs.yml", "docs", "overrides", "scripts", "sources"]

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Run:
    """One ``mkdocs build`` in a child process."""

    seconds: float
    """Wall-clock time."""
    cpu: float
    """User and system CPU time of the build process: less disturbed by other load."""
    peak_mib: float
    """Peak resident memory of the build process (``ru_maxrss`` from ``wait4``)."""


def copy_project(destination: Path) -> Path:
    """Copy what a build reads into ``destination`` (no .git, caches or earlier output)."""
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, destination / name, ignore=ignore)
        elif source.is_file():
            destination.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def _env() -> dict[str, str]:
    # The PDFs are measured on their own (pdf_renders): a build that rendered them would time
    # WeasyPrint, not the pipeline, and the synthetic copies would each render three.
    # Compiled modules are kept, as `make build` keeps them (see the Makefile).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="0", EDITION_PDF="0")


def mkdocs_build(project: Path, config: Path, site: Path) -> Run:
    """Run ``mkdocs build --strict`` in a child process; its time and peak memory."""
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    command += ["-f", str(config), "-d", str(site)]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, env=_env(), stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"mkdocs build failed in {project}:\n{errors.read().decode()}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@contextmanager
def _stage_timers(totals: dict[str, float]) -> Iterator[None]:
    """Wrap the functions :func:`scripts.site.build` calls so that each adds to ``totals``."""
    import scripts.conserve
    import scripts.manifest
    import scripts.site
    import scripts.sources
    from scripts.normalise import NORMALISERS

    def timed(stage: str, function: F) -> F:
        @wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[stage] += time.perf_counter() - start

        return wrapper  # type: ignore[return-value]

    patches: list[tuple[Any, str, Any]] = [
        (scripts.site, "load_sources", "load"),
        (scripts.sources, "assemble", "assemble and conserve"),
        (scripts.conserve, "check", "assemble and conserve"),
        (scripts.manifest, "verify", "anchor manifests"),
        (scripts.site, "render_source", "render"),
        (scripts.site, "render_editorial", "render"),
        (scripts.site, "render_home", "render"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    saved_normalisers = dict(NORMALISERS)
    saved_indexes = list(scripts.site.INDEXES)
    try:
        for owner, name, stage in patches:
            setattr(owner, name, timed(stage, getattr(owner, name)))
        for key, function in saved_normalisers.items():
            NORMALISERS[key] = timed("normalise", function)
        scripts.site.INDEXES[:] = [timed("indexes", index) for index in saved_indexes]
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)
        NORMALISERS.update(saved_normalisers)
        scripts.site.INDEXES[:] = saved_indexes


def pipeline_stages(root: Path, runs: int) -> dict[str, list[float]]:
    """Seconds per stage of :func:`scripts.site.build`, one list entry per run."""
    from scripts.site import build

    samples: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        totals: dict[str, float] = defaultdict(float)
        with _stage_timers(totals):
            start = time.perf_counter()
            build(root)
            whole = time.perf_counter() - start
        # load_sources includes normalising, assembling and conserving: keep only reading.
        totals["load"] -= totals["normalise"] + totals["assemble and conserve"]
        totals["whole pipeline"] = whole
        for stage, seconds in totals.items():
            samples[stage].append(seconds)
    return samples


def _load_config(path: Path) -> dict[str, Any]:
    """``mkdocs.yml`` as data, its ``!ENV`` tags resolved as MkDocs resolves them."""
    from mkdocs.utils.yaml import get_yaml_loader

    with path.open(encoding="utf-8") as stream:
        data: dict[str, Any] = yaml.load(stream, Loader=get_yaml_loader())
    return data


def plain_project(root: Path, destination: Path) -> Path:
    """The generated Markdown as an ordinary MkDocs project without the hook; its config."""
    from scripts.site import build

    output = build(root)
    docs = destination / "docs"
    shutil.copytree(root / "docs", docs)
    for page in output.pages:
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page.content, encoding="utf-8")
    for data in output.data:
        (docs / data.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / data.path).write_text(data.content, encoding="utf-8")
    config = _load_config(root / "mkdocs.yml")
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["docs_dir"] = str(docs)
    if "custom_dir" in config.get("theme", {}):
        config["theme"]["custom_dir"] = str(root / config["theme"]["custom_dir"])
    path = destination / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def synthetic_project(destination: Path, copies: int) -> Path:
    """The project with every source copied ``copies`` times under new slugs (no fixed nav)."""
    project = copy_project(destination)
    sources = project / "sources"
    originals = sorted(p.parent for p in sources.glob("*/meta.yml"))
    for number in range(2, copies + 1):
        for folder in originals:
            slug = f"{folder.name}-copy{number}"
            shutil.copytree(folder, sources / slug)
            meta = (sources / slug / "meta.yml").read_text(encoding="utf-8")
            meta = meta.replace(f"slug: {folder.name}\n", f"slug: {slug}\n", 1)
            (sources / slug / "meta.yml").write_text(meta, encoding="utf-8")
    # The nav of mkdocs.yml lists the real sources only: the copies are reached from the home
    # page and the indexes, as the sources of a large edition would be (a navigation listing
    # every source would put all of them into every page).
    config = project / "mkdocs.yml"
    data = _load_config(config)
    data.pop("watch", None)
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def _size_mib(folder: Path, pattern: str = "*") -> float:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file()) / 2**20


def _median_spread(values: Sequence[float], scale: float = 1.0, digits: int = 2) -> str:
    middle = statistics.median(values) * scale
    if len(values) == 1:
        return f"{middle:.{digits}f}"
    return (
        f"{middle:.{digits}f} ({min(values) * scale:.{digits}f}–{max(values) * scale:.{digits}f})"
    )


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a running process so far (from ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve_rebuilds(project: Path, runs: int) -> list[tuple[float, float]]:
    """``(seconds MkDocs reports, CPU seconds)`` of ``runs`` rebuilds of ``mkdocs serve``,
    each after a change to the files of one source (a comment appended to its ``meta.yml``)."""
    import queue
    import socket
    import threading

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "-a",
        f"127.0.0.1:{port}",
    ]
    child = subprocess.Popen(
        command,
        cwd=project,
        env=_env(),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert child.stderr is not None
    stream = child.stderr

    def pump() -> None:
        for line in stream:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()

    def built(timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if child.poll() is not None:
                    raise SystemExit("mkdocs serve stopped") from None
                continue
            if "Documentation built in" in line:
                return float(line.split("built in", 1)[1].split()[0])
            if "ERROR" in line or "Aborted" in line:
                raise SystemExit(f"mkdocs serve: {line}")
        raise SystemExit("mkdocs serve: no rebuild within the time allowed")

    meta = sorted((project / "sources").glob("*/meta.yml"))[0]
    results = []
    try:
        built(600)  # the first build
        time.sleep(2)
        for run in range(runs):
            before = _cpu_seconds(child.pid)
            with meta.open("a", encoding="utf-8") as stream_out:
                stream_out.write(f"# touched by the benchmark ({run})\n")
            seconds = built(600)
            time.sleep(1)  # the server settles (reloading browsers)
            results.append((seconds, _cpu_seconds(child.pid) - before))
    finally:
        child.terminate()
        child.wait(30)
    return results


def pdf_renders(root: Path) -> list[tuple[str, float, int, int]]:
    """``(slug, seconds, pages, bytes)`` of rendering each source's PDF afresh, in-process."""
    import io

    from pypdf import PdfReader  # the PDFs' objects sit in compressed streams

    from scripts.pdf.build import build_pdfs
    from scripts.sources import load_sources

    out = []
    for source in load_sources(root):
        start = time.perf_counter()
        (pdf,) = build_pdfs([source], site_url="", epoch=0, cache_dir=None)
        seconds = time.perf_counter() - start
        pages = len(PdfReader(io.BytesIO(pdf.content)).pages)
        out.append((source.meta.slug, seconds, pages, len(pdf.content)))
    return out


SiteHook = Callable[[int, Path], list[str]]
"""Called with each synthetic corpus size and its built site; returns report lines."""


def measure(
    scales: Sequence[int], runs: int, on_site: SiteHook | None = None
) -> tuple[list[str], list[str]]:
    """Run every build measurement; the report lines, and those ``on_site`` returned."""
    lines: list[str] = []
    extra: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        project = copy_project(work / "project")
        stages = pipeline_stages(project, runs)
        hook = [mkdocs_build(project, project / "mkdocs.yml", work / "site") for _ in range(runs)]
        plain_config = plain_project(project, work / "plain")
        plain = [mkdocs_build(work / "plain", plain_config, work / "site") for _ in range(runs)]
        rebuilds = serve_rebuilds(copy_project(work / "serve"), runs)
        pdfs = pdf_renders(project)
        sources = len(list((project / "sources").glob("*/meta.yml")))

        lines += [
            f"**Pipeline stages** (in-process, {sources} sources, {runs} runs; "
            "milliseconds, median and range):",
            "",
        ]
        lines += ["| Stage | ms |", "|---|---|"]
        order = [
            "load",
            "normalise",
            "assemble and conserve",
            "anchor manifests",
            "indexes",
            "render",
            "whole pipeline",
        ]
        lines += [
            f"| {stage} | {_median_spread(stages.get(stage, [0.0]), 1000, 1)} |" for stage in order
        ]
        hook_s = statistics.median(r.cpu for r in hook)
        plain_s = statistics.median(r.cpu for r in plain)
        lines += ["", f"**Full build** ({runs} runs; seconds, median and range):", ""]
        lines += [
            "| Build | Wall (s) | CPU (s) | Peak memory (MiB) |",
            "|---|---|---|---|",
        ]
        for label, results in (
            ("`mkdocs build --strict` with the hook", hook),
            ("same Markdown, plain `mkdocs build`", plain),
        ):
            lines.append(
                f"| {label} | {_median_spread([r.seconds for r in results])} "
                f"| {_median_spread([r.cpu for r in results])} "
                f"| {statistics.median(r.peak_mib for r in results):.0f} |"
            )
        pdf_seconds = sum(seconds for _, seconds, _, _ in pdfs)
        lines.append(
            f"| the PDFs, rendered afresh (WeasyPrint, in-process; not in the builds above) "
            f"| {pdf_seconds:.1f} | – | – |"
        )
        lines.append(
            f"| rebuild in `mkdocs serve` after one source changed "
            f"| {_median_spread([r[0] for r in rebuilds])} "
            f"| {_median_spread([r[1] for r in rebuilds])} | – |"
        )
        lines += [
            "",
            f"Hook overhead: the hook build takes {hook_s / plain_s:.2f}× the CPU time of the plain one.",
            "",
            "**PDFs** (each rendered afresh; `mkdocs build` takes them from `.cache/pdf` when "
            "nothing that goes into them changed):",
            "",
            "| Source | Seconds | Pages | kB |",
            "|---|---|---|---|",
            *(
                f"| {slug} | {sec:.1f} | {pages} | {size / 1000:.0f} |"
                for slug, sec, pages, size in pdfs
            ),
            "",
        ]

        lines += [
            "**Growth with the corpus** (copies of every source under new slugs, reached from "
            "the home page and the indexes; the navigation lists the three real sources):",
            "",
        ]
        lines += [
            "| Corpus | Sources | Wall (s) | CPU (s) | CPU ÷ 1× CPU | Peak memory (MiB) "
            "| Site (MiB) | Search index (MiB) |",
            "|---|---|---|---|---|---|---|---|",
        ]
        first: float | None = None
        for scale in scales:
            synthetic = synthetic_project(work / f"x{scale}", scale)
            count = len(list((synthetic / "sources").glob("*/meta.yml")))
            repeat = runs if scale < 100 else 1  # the 100x build takes minutes
            site = work / f"site-x{scale}"
            results = [
                mkdocs_build(synthetic, synthetic / "mkdocs.yml", site) for _ in range(repeat)
            ]
            cpu = statistics.median(r.cpu for r in results)
            first = first or cpu
            index = site / "search"
            index_mib = f"{_size_mib(index):.1f}" if index.is_dir() else "–"
            lines.append(
                f"| {scale}× | {count} | {_median_spread([r.seconds for r in results])} "
                f"| {_median_spread([r.cpu for r in results])} | {cpu / first:.1f} "
                f"| {max(r.peak_mib for r in results):.0f} "
                f"| {_size_mib(site):.1f} | {index_mib} |"
            )
            print(lines[-1], file=sys.stderr)
            shutil.rmtree(synthetic)
            if on_site is not None:
                extra += [*on_site(scale, site), ""]
            shutil.rmtree(site)
    return lines, extra
