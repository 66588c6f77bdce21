"""A synthetic large source for the benchmark: does the build stay linear in a source's size?

The edition's sources are 50–100 kB; an editor may add a book. :func:`large_capture` makes
a raw web capture of any size from the project's own capture (the body repeated, its note
references left out of the copies so that every note keeps one reference), and
:func:`measure` builds the project with it in place of the original, at each size, in a child
process: wall time, CPU time and peak memory of ``mkdocs build --strict`` (the PDFs are
measured on their own, see :mod:`scripts.bench_build`), and the pipeline's own stages.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from scripts import bench_build

_NOTES_HEADING = "Footnotes"
"""The line of a web capture where the notes begin."""
_LABEL_END = re.compile(r"^Print publication year:")
"""The last line of the capture's label block; the body starts after it."""
_NOTE_REFERENCE = re.compile(r"Footnote \d+")


def large_capture(raw: str, size: int) -> str:
    """A web capture of at least ``size`` characters: ``raw`` with its body repeated.

    The first copy of the body is the original (so every published anchor of the source
    stays where it is); later copies lose their note references.
    """
    lines = raw.split("\n")
    try:
        end = lines.index(_NOTES_HEADING)
        start = next(i for i, line in enumerate(lines[:end]) if _LABEL_END.match(line)) + 1
    except (ValueError, StopIteration):
        raise ValueError("not a web capture with a label block and footnotes") from None
    copy = [_NOTE_REFERENCE.sub("", line) for line in lines[start:end]]
    body = lines[:end]
    length = len(raw)
    step = sum(len(line) + 1 for line in copy)
    while length < size:
        body += copy
        length += step
    return "\n".join(body + lines[end:])


def large_project(destination: Path, slug: str, size: int) -> Path:
    """A copy of the project whose source ``slug`` is a large capture of ``size`` characters."""
    project = bench_build.copy_project(destination)
    raw = project / "sources" / slug / "source.txt"
    raw.write_text(large_capture(raw.read_text(encoding="utf-8"), size), encoding="utf-8")
    return project


def measure(sizes_mib: Sequence[float], slug: str = "third-indochina-war") -> list[str]:
    """Build the project with a large source of each size; the report lines."""
    lines = [
        f"**A large source** (the web capture `{slug}` with its body repeated up to the size; "
        "one build each, PDFs not rendered):",
        "",
        "| Source size (MiB) | Paragraphs | Wall (s) | CPU (s) | CPU per MiB (s) "
        "| Peak memory (MiB) |",
        "|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        for size in sizes_mib:
            folder = Path(tmp) / f"{size:g}"
            project = large_project(folder / "project", slug, int(size * 2**20))
            raw = (project / "sources" / slug / "source.txt").read_text(encoding="utf-8")
            run = bench_build.mkdocs_build(project, project / "mkdocs.yml", folder / "site")
            html = (folder / "site" / "sources" / slug / "index.html").read_text(encoding="utf-8")
            paragraphs = len(re.findall(r'<p class="para" id="p\d+"', html))
            mib = len(raw.encode("utf-8")) / 2**20
            lines.append(
                f"| {mib:.1f} | {paragraphs} | {run.seconds:.1f} | {run.cpu:.1f} "
                f"| {run.cpu / mib:.1f} | {run.peak_mib:.0f} |"
            )
    return lines
