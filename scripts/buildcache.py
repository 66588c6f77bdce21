"""What makes a source's normalised document reusable between builds: the hash of its inputs.

A source's document depends on the files of its folder and on the code of the pipeline, and
on nothing else (normalisers are pure functions of the raw text). :func:`source_key` hashes
both, so an in-process cache (held by the MkDocs hook across ``mkdocs serve`` rebuilds)
returns the same document for unchanged inputs and a new one as soon as a byte of the
source or of the code changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CODE = Path(__file__).resolve().parent
"""The pipeline's code: every ``*.py`` file under ``scripts/``."""


def code_hash(code: Path = CODE) -> str:
    """A hash of every Python file of the pipeline (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(code.rglob("*.py")):
        digest.update(str(path.relative_to(code)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def source_key(folder: Path, code: str) -> str:
    """A hash of the files of a source's folder (names and contents) and of the code."""
    digest = hashlib.sha256(code.encode() + b"\0")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
