"""The same inputs give byte-identical output, wherever and however the build runs."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT, build_site

# What a build reads: the project files (no .git, no caches, no earlier output).
PROJECT = ["mkdocs.yml", "docs", "overrides", "scripts", "sources"]


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _commit_time() -> str:
    out = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return out.stdout.strip() or "0"


def test_a_build_elsewhere_with_another_hash_seed_is_byte_identical(
    site_dir: Path, tmp_path: Path
) -> None:
    """A copy of the project in another folder, another PYTHONHASHSEED (so set and dict-of-set
    iteration orders differ) and another working directory give the same bytes in every file,
    the compressed sitemap and the search index included."""
    copy = tmp_path / "elsewhere" / "project"
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.mkdir(exist_ok=True)
            shutil.copy2(source, copy / name)
    env = {
        "PYTHONHASHSEED": "4242",
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", _commit_time()),
    }
    out = tmp_path / "out"
    result = build_site(out, cwd=copy, env=env)
    assert result.returncode == 0, result.stderr
    first, second = _digest(site_dir), _digest(out)
    required_files = ("sitemap.xml", "sitemap.xml.gz", "search/manifest.js", "index.html")
    pdfs = ("sources/esau-17/esau-17.pdf",)  # rendered afresh: the copy has no PDF cache
    for required in required_files + pdfs:
        assert required in first, f"{required} missing from the build"
    changed = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    assert not changed, f"files that differ between the two builds: {changed}"
