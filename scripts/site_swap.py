"""Builds that cannot corrupt the site folder: one build at a time, swapped in when complete.

MkDocs writes straight into ``site_dir`` (it empties it first), so a build that is killed, or
that fails half-way, leaves a half-written site; and two builds into the same folder trip
over each other's files. The MkDocs hook therefore:

1. :func:`begin` (``on_config``): takes an exclusive lock beside the site folder
   (``.<name>.lock``; a second build waits for it, saying so once) and points MkDocs at a
   fresh sibling folder ``.<name>.building-<pid>`` (same file system, so the swap is a
   rename); building folders left by a killed build are removed;
2. :func:`finish` (last ``on_post_build``): if the build logged no warning that
   ``--strict`` will turn into an abort, renames the complete folder to ``site_dir`` (the
   old site is moved aside and removed), then releases the lock;
3. :func:`abandon` (``on_build_error``): removes the building folder and releases the lock;
   the previous site is left as it was.

``mkdocs serve`` builds into its own temporary folder; the same steps apply there, so live
reload keeps working. The lock is an ``fcntl`` lock on an open file: the system releases it
when a process dies, so a killed build never blocks the next one.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.hooks.site_swap")


@dataclass
class Build:
    """One build in progress: where the site goes, where it is written, and its lock."""

    final: Path
    building: Path
    lock: IO[str]


def _lock_path(final: Path) -> Path:
    return final.parent / f".{final.name}.lock"


def _stale(final: Path) -> list[Path]:
    return sorted(final.parent.glob(f".{final.name}.building-*")) + sorted(
        final.parent.glob(f".{final.name}.old-*")
    )


def begin(site_dir: str) -> Build:
    """Lock the site folder (waiting for another build) and return a fresh building folder."""
    final = Path(site_dir).absolute()
    final.parent.mkdir(parents=True, exist_ok=True)
    lock = _lock_path(final).open("a", encoding="utf-8")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log.info("Another build is writing %s; waiting for it to finish", final)
        fcntl.flock(lock, fcntl.LOCK_EX)
    for leftover in _stale(final):  # we hold the lock: nobody else is building here
        shutil.rmtree(leftover, ignore_errors=True)
    building = final.parent / f".{final.name}.building-{os.getpid()}"
    building.mkdir()
    return Build(final, building, lock)


def _warnings_logged() -> bool:
    """Whether MkDocs counted a warning (``--strict`` then aborts after ``on_post_build``)."""
    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    return any(counter.get_counts() for counter in counters)


def finish(build: Build) -> None:
    """Swap the complete site in (unless the build is about to abort); release the lock."""
    try:
        if _warnings_logged():
            shutil.rmtree(build.building, ignore_errors=True)
            return
        old = build.final.parent / f".{build.final.name}.old-{os.getpid()}"
        if build.final.exists():
            build.final.rename(old)
        build.building.rename(build.final)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        _release(build)


def abandon(build: Build) -> None:
    """Drop a failed build's folder and release the lock; the previous site stays."""
    try:
        shutil.rmtree(build.building, ignore_errors=True)
    finally:
        _release(build)


def _release(build: Build) -> None:
    fcntl.flock(build.lock, fcntl.LOCK_UN)
    build.lock.close()
