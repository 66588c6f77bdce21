"""Broken committed files beside the sources: each refused with one ``file:line: message``.

The manifest (``sources/<slug>/anchors.tsv``) with a byte-order mark or a line listed twice,
and an empty ``sources/works-names.yml``, each in a throw-away project built through the
real pipeline (:func:`scripts.site.build` or the ``edition check`` command).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts.errors import EditionError
from scripts.manifest import anchors, manifest_path, write
from scripts.site import build
from scripts.sources import load_sources
from tests.hostile.project import SLUG, make_project


def _with_manifest(tmp_path: Path) -> tuple[Path, Path]:
    root = make_project(tmp_path / "project")
    path = manifest_path(root, SLUG)
    write(path, anchors(load_sources(root)[0].document))
    return root, path


def _refused(root: Path) -> EditionError:
    with pytest.raises(EditionError) as caught:
        build(root)
    assert "\n" not in str(caught.value)
    return caught.value


def test_a_byte_order_mark_in_the_manifest_is_named(tmp_path: Path) -> None:
    root, path = _with_manifest(tmp_path)
    path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    error = _refused(root)
    assert (error.path, error.line) == (f"sources/{SLUG}/anchors.tsv", 1)
    assert "byte-order mark" in error.message


def test_a_manifest_line_listed_twice_is_reported_at_the_second(tmp_path: Path) -> None:
    root, path = _with_manifest(tmp_path)
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([*lines[:3], lines[2], *lines[3:]]), encoding="utf-8")
    error = _refused(root)
    assert (error.path, error.line) == (f"sources/{SLUG}/anchors.tsv", 4)
    assert "listed twice (first on line 3)" in error.message


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "family_first: []\n"])
def test_an_empty_works_names_file_is_refused(tmp_path: Path, text: str) -> None:
    """The indexes read the file beside the ``scripts`` package: run the project's own copy."""
    root = make_project(tmp_path / "project")
    (root / "sources" / "works-names.yml").write_text(text, encoding="utf-8")
    message = _check(root)
    assert message.startswith("error: sources/works-names.yml:1:"), message


def _check(root: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.cli", "--root", str(root), "check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip()


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("(a+)+$", "repetition inside a repetition"),
        ("(?:ab|a)*c", "alternatives inside a repetition"),
        ("(\\\\w)\\\\1 ", "backreference"),
        ("(unclosed", "not a valid regular expression"),
    ],
)
def test_a_glossary_pattern_that_could_hang_the_build_is_refused(
    tmp_path: Path, pattern: str, words: str
) -> None:
    """``(a+)+$`` over the 80 characters before a term would take longer than the universe."""
    root = make_project(tmp_path / "project")
    glossary = root / "sources" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    entry = f'\n  - term: ZZQ\n    expansion: A test term\n    expanded_in_sources: false\n    preceded_by: "{pattern}"\n'
    glossary.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    line = text.rstrip("\n").count("\n") + 6
    message = _check(root)
    assert "\n" not in message and message.startswith(f"error: sources/glossary.yml:{line}:"), (
        message
    )
    assert words in message, message
