"""``edition new-source``: a source folder, a meta.yml skeleton the build refuses, and a report
whose figures are the model's."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from scripts.errors import EditionError
from scripts.meta import SourceMeta, load_meta
from scripts.newsource import main, sequences
from scripts.sources import normalise_witness, read_raw
from tests.conftest import ROOT

SEEDS = sorted(p.parent.name for p in (ROOT / "sources").glob("*/meta.yml"))


def _seed(slug: str) -> tuple[Path, str]:
    meta = load_meta(ROOT / "sources" / slug / "meta.yml", display=slug)
    return ROOT / "sources" / slug / meta.file, meta.normaliser


def _project(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir(parents=True)
    return tmp_path


def _figure(report: str, label: str) -> str:
    match = re.search(rf"^  {label}:\s+(.*)$", report, re.M)
    assert match, (label, report)
    return match.group(1)


@pytest.mark.parametrize("slug", SEEDS)
def test_report_on_a_copy_of_each_seed_gives_the_models_figures(
    slug: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw_path, layout = _seed(slug)
    copy = tmp_path / f"delivered{raw_path.suffix}"
    copy.write_bytes(raw_path.read_bytes())
    root = _project(tmp_path / "project")
    assert main([str(copy), "--layout", layout, "--slug", "new-text", "--root", str(root)]) == 0
    report = capsys.readouterr().out
    doc = normalise_witness(read_raw(copy, "x"), layout, display="x")

    numbered = list(doc.paragraphs())
    assert _figure(report, "paragraphs").startswith(f"{len(numbered)} numbered")
    headings = [b for b in doc.blocks() if type(b).__name__ == "Heading"]
    assert _figure(report, "headings") == str(len(headings))
    breaks = doc.page_breaks()
    labelled = [b for b in breaks if b.label]
    assert _figure(report, "page numbers").startswith(
        f"{len(breaks)} page breaks, {len(labelled)} numbered"
    )
    present = sum(1 for n in doc.notes if n.present)
    assert _figure(report, "notes").startswith(f"{len(doc.notes)} ({present} with text")
    assert _figure(report, "removals") == str(len(doc.removals))
    assert _figure(report, "emendations") == str(len(doc.emendations()))
    rules = Counter(e.rule for e in doc.emendations())
    for rule, count in rules.items():
        assert f"      {count} × {rule}\n" in report
    reasons = Counter((r.category, r.reason) for r in doc.removals)
    for (category, reason), count in reasons.items():
        assert f"      {count} × {category}: {reason}\n" in report
    assert _figure(report, "sic") == str(len(doc.sics()))

    folder = root / "sources" / "new-text"
    assert (folder / f"source{raw_path.suffix}").read_bytes() == raw_path.read_bytes()
    assert "TODO" in (folder / "meta.yml").read_text(encoding="utf-8")


def test_report_shows_each_page_numbering_sequence_apart() -> None:
    """An annex that numbers its pages from 1 again (labels ``s2-N``) and roman front pages
    are sequences of their own in the report."""
    from scripts.newsource import _run

    runs = sequences(["iii", "iv", "1", "2", "3", "s2-1", "s2-2"])
    assert [_run(r) for r in runs] == ["iii–iv (2 pages)", "1–3 (3 pages)", "1–2 (2 pages)"]


def _skeleton(tmp_path: Path) -> Path:
    raw_path, layout = _seed("third-indochina-war")
    root = _project(tmp_path)
    assert main([str(raw_path), "--layout", layout, "--slug", "draft", "--root", str(root)]) == 0
    return root / "sources" / "draft" / "meta.yml"


def test_the_skeleton_is_refused_at_its_first_todo_until_filled_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = _skeleton(tmp_path)
    text = meta.read_text(encoding="utf-8")
    with pytest.raises(EditionError, match="still a TODO") as err:
        load_meta(meta, display="meta.yml")
    assert err.value.line is not None
    assert "TODO" in text.split("\n")[err.value.line - 1]
    filled = (
        text.replace("kind: TODO", "kind: chapter")
        .replace('issued: "TODO: date of publication, YYYY[-MM[-DD]]"', 'issued: "2024"')
        .replace('name: "TODO: the name as the source prints it"', "name: Ang Cheng Guan")
        .replace('family: "TODO: the family name, exactly as written in the name"', "family: Ang")
    )
    filled = re.sub(r'"TODO: ([^"]*)"', r'"\1"', filled)
    meta.write_text(filled, encoding="utf-8")
    assert isinstance(load_meta(meta, display="meta.yml"), SourceMeta)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["--layout", "no-such-layout", "--slug", "x"],
            r"unknown layout 'no-such-layout' \(known: .*web-capture",
        ),
        (["--layout", "web-capture", "--slug", "taken"], "sources/taken: exists already"),
        (["--layout", "web-capture", "--slug", "Bad Slug"], "is not a slug"),
    ],
)
def test_refusals_print_one_line_and_create_nothing(
    args: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw_path, _ = _seed("third-indochina-war")
    root = _project(tmp_path)
    (root / "sources" / "taken").mkdir()
    assert main([str(raw_path), *args, "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert re.search(words, err) and err.count("\n") == 1, err
    assert sorted(p.name for p in (root / "sources").iterdir()) == ["taken"]


def test_missing_file_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    missing = tmp_path / "nowhere.txt"
    assert main([str(missing), "--layout", "web-capture", "--slug", "x", "--root", str(root)]) == 1
    assert capsys.readouterr().err == f"error: {missing}: no such file\n"
    assert not (root / "sources" / "x").exists()


def test_a_text_the_layout_cannot_read_is_refused_at_its_line_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    paywall = ROOT / "tests" / "normalise" / "captures" / "paywall-chapter.txt"
    assert main([str(paywall), "--layout", "web-capture", "--slug", "x", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert re.fullmatch(
        rf"error: {re.escape(str(paywall))}:\d+: the capture holds no chapter text.*\n", err
    )
    assert not (root / "sources" / "x").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["-m", "scripts.cli", "--root", "{root}", "new-source"],
        ["-m", "scripts.newsource", "--root", "{root}"],
    ],
)
def test_the_command_runs_as_edition_new_source_and_as_a_module(
    command: list[str], tmp_path: Path
) -> None:
    raw_path, layout = _seed("mao-indochina-war")
    root = _project(tmp_path)
    args = [part.format(root=root) for part in command]
    result = subprocess.run(
        [sys.executable, *args, str(raw_path), "--layout", layout, "--slug", "cli-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "page numbers:" in result.stdout
    assert (root / "sources" / "cli-test" / "meta.yml").is_file()
