"""Load the sources of the edition: metadata, raw witness, normalised and checked document.

This is the one place that turns a folder ``sources/<slug>/`` into a :class:`Source`;
every later step (annotation, rendering, indexes) starts from the list it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from scripts import conserve
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


def load_sources(root: Path) -> list[Source]:
    """Every source under ``root/sources``, in their declared order."""
    folders = sorted(p.parent for p in (root / "sources").glob("*/meta.yml"))
    sources = [load_source(folder, root) for folder in folders]
    return sorted(sources, key=lambda s: (s.meta.order, s.meta.slug))
