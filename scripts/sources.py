"""Load the sources of the edition: metadata, raw witness, normalised and checked document.

This is the one place that turns a folder ``sources/<slug>/`` into a :class:`Source`;
every later step (annotation, rendering, indexes) starts from the list it returns.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import MutableMapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from scripts import buildcache, conserve
from scripts.assemble import assemble
from scripts.errors import EditionError, SourceError
from scripts.meta import SourceMeta, load_meta
from scripts.model import Document, Removal
from scripts.normalise import NORMALISERS, typescript
from scripts.normalise.typescript.settings import TypescriptSettings

BOM = "\ufeff"


@dataclass(frozen=True)
class Source:
    """One source of the edition, normalised and verified."""

    meta: SourceMeta
    """Its bibliographic metadata."""
    raw: str
    """The raw witness text as decoded (line ends as delivered)."""
    document: Document
    """The reading text and its apparatus."""
    path: str
    """Path of the raw file for messages, relative to the project root."""


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read_raw(path: Path, display: str) -> str:
    """Decode a raw witness as UTF-8; a byte that is not UTF-8 stops the build at its line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise EditionError(
            display, line, f"not valid UTF-8 (byte 0x{data[err.start]:02x})"
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise EditionError(display, line, "contains a NUL byte: binary data, not a text")
    return text


def normalise_witness(
    raw: str, normaliser: str, *, display: str, settings: TypescriptSettings | None = None
) -> Document:
    """Run a registered normaliser over raw text, then number, link and verify the result.

    ``settings`` are the source's own settings of its layout (``typescript:`` in
    ``meta.yml``), validated with the metadata.
    """
    if normaliser not in NORMALISERS:
        known = ", ".join(sorted(NORMALISERS))
        raise EditionError(display, None, f"unknown normaliser {normaliser!r} (known: {known})")
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    removed_bom = text.startswith(BOM)
    if removed_bom:
        text = text[1:]
    try:
        if settings is not None:
            document = assemble(typescript.normalise(text, settings))
        else:
            document = assemble(NORMALISERS[normaliser](text))
    except SourceError as err:
        raise EditionError(display, err.line, err.message) from None
    if removed_bom:
        bom = Removal(BOM, "byte-order mark at the start of the file", 1, "encoding")
        document = replace(document, removals=(bom, *document.removals))
    problems = conserve.check(raw, document)
    if problems:
        first = next((p.line for p in problems if p.line), None)
        raise EditionError(
            display, first, "conservation check failed: " + conserve.describe(problems)
        )
    return document


def _key_line(path: Path, key: str) -> int | None:
    """The line of a top-level ``key:`` in a YAML file (the file has been read once already)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), None)


def _inside(folder: Path, name: str, meta_path: Path, root: Path) -> Path:
    """``folder/name``, refused unless it stays inside ``folder`` once resolved (``..``,
    absolute paths and symbolic links included): a source reads only its own folder."""
    path = folder / name
    home = folder.resolve()
    if not path.resolve().is_relative_to(home):
        raise EditionError(
            _relative(meta_path, root),
            _key_line(meta_path, "file"),
            f"file: {name!r} is outside the source folder sources/{folder.name}/",
        )
    return folder / path.resolve().relative_to(home)


def load_source(folder: Path, root: Path) -> Source:
    """Load ``folder/meta.yml`` and the raw text it names; normalise and verify it."""
    meta_path = folder / "meta.yml"
    meta = load_meta(meta_path, display=_relative(meta_path, root))
    if meta.slug != folder.name:
        raise EditionError(
            _relative(meta_path, root),
            None,
            f"slug {meta.slug!r} differs from folder {folder.name!r}",
        )
    if meta.normaliser not in NORMALISERS:
        known = ", ".join(sorted(NORMALISERS))
        raise EditionError(
            _relative(meta_path, root),
            None,
            f"unknown normaliser {meta.normaliser!r} (known: {known})",
        )
    raw_path = _inside(folder, meta.file, meta_path, root)
    display = _relative(raw_path, root)
    if not raw_path.is_file():
        raise EditionError(_relative(meta_path, root), None, f"raw text {meta.file!r} not found")
    raw = read_raw(raw_path, display)
    document = normalise_witness(raw, meta.normaliser, display=display, settings=meta.typescript)
    return Source(meta=meta, raw=raw, document=document, path=display)


PARALLEL_FROM = 4
"""Sources to load before a pool of worker processes pays for its start (about 0.1 s)."""


def worker_count(jobs: int, worth_it: bool) -> int:
    """Worker processes for ``jobs`` independent jobs of the build: ``EDITION_WORKERS`` if
    set, else one per core (at most one per job) when a pool is ``worth_it``, else 1."""
    setting = os.environ.get("EDITION_WORKERS", "")
    if setting.isdigit():
        return max(1, int(setting))
    return min(os.cpu_count() or 1, jobs) if worth_it else 1


def _workers(jobs: int) -> int:
    """Worker processes for loading ``jobs`` sources (serial below :data:`PARALLEL_FROM`)."""
    return worker_count(jobs, jobs >= PARALLEL_FROM)


def _load_one(job: tuple[Path, Path]) -> Source:
    return load_source(*job)


def load_sources(
    root: Path,
    *,
    cache: MutableMapping[str, object] | None = None,
    workers: int | None = None,
) -> list[Source]:
    """Every source under ``root/sources``, in their declared order.

    With ``cache`` (kept by the caller between builds), a source whose folder and the code
    are unchanged (:func:`scripts.buildcache.source_key`) is not loaded again. The sources to
    load go to ``workers`` processes (default :func:`_workers`); the result does not depend on
    their number: each source is loaded alone and the list is put in order at the end.
    """
    folders = sorted(p.parent for p in (root / "sources").glob("*/meta.yml"))
    code = buildcache.code_hash() if cache is not None else ""
    keys = [buildcache.source_key(folder, code) if cache is not None else "" for folder in folders]
    found: dict[Path, Source] = {}
    if cache is not None:
        for folder, key in zip(folders, keys, strict=True):
            hit = cache.get(key)
            if isinstance(hit, Source):
                found[folder] = hit
    todo = [folder for folder in folders if folder not in found]
    count = _workers(len(todo)) if workers is None else workers
    if count > 1 and len(todo) > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            loaded = list(pool.map(_load_one, [(folder, root) for folder in todo]))
    else:
        loaded = [load_source(folder, root) for folder in todo]
    found.update(zip(todo, loaded, strict=True))
    if cache is not None:
        for folder, key in zip(folders, keys, strict=True):
            cache[key] = found[folder]
    sources = [found[folder] for folder in folders]
    return sorted(sources, key=lambda s: (s.meta.order, s.meta.slug))
