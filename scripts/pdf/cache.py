"""PDFs kept on disk by the hash of everything that makes them, so unchanged ones are reused.

The key covers the print HTML (the document's content, its citation and the build date),
the stylesheet, the font files, the code of :mod:`scripts.pdf` and WeasyPrint's version: a
change to any of them renders anew. The directory is git-ignored (``.cache/pdf``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path


def key(html: str, css: str, fonts: Iterable[Path], code: Iterable[Path], version: str) -> str:
    """The hex SHA-256 of every input of one PDF."""
    digest = hashlib.sha256()
    for part in (html, css, version):
        data = part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big") + data)
    for path in [*fonts, *code]:
        data = path.read_bytes()
        digest.update(path.name.encode("utf-8") + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def load(directory: Path, name: str) -> bytes | None:
    """The cached PDF under ``name``, or None."""
    try:
        return (directory / f"{name}.pdf").read_bytes()
    except OSError:
        return None


def store(directory: Path, name: str, data: bytes, *, replaces: str = "") -> None:
    """Keep ``data`` under ``name``, dropping older entries whose names start with ``replaces``.

    Written to a temporary file and renamed, so a reader never sees half a file.
    """
    directory.mkdir(parents=True, exist_ok=True)
    if replaces:
        for old in directory.glob(f"{replaces}*.pdf"):
            if old.stem != name:
                old.unlink(missing_ok=True)
    target = directory / f"{name}.pdf"
    temporary = directory / f".{name}.{os.getpid()}.tmp"
    temporary.write_bytes(data)
    temporary.replace(target)
