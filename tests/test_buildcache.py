"""Loading sources: the cache across rebuilds, the worker processes, folding once."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from scripts import buildcache
from scripts.annotate.fold import fold, fold_char, fold_with_map
from scripts.errors import EditionError
from scripts.memo import IdentityMemo
from scripts.sources import load_sources
from scripts.tei import tei_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project's sources (the cache test edits one)."""
    folder = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "sources", folder / "sources")
    return folder


def test_an_unchanged_source_comes_from_the_cache_and_a_changed_one_is_loaded_again(
    project: Path,
) -> None:
    cache: dict[str, object] = {}
    first = load_sources(project, cache=cache)
    again = load_sources(project, cache=cache)
    assert all(a is b for a, b in zip(first, again, strict=True))
    meta = project / "sources" / first[0].meta.slug / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    edited = load_sources(project, cache=cache)
    assert edited[0] is not first[0] and edited[0] == first[0]
    assert all(a is b for a, b in zip(first[1:], edited[1:], strict=True))


def test_a_change_to_the_code_empties_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache: dict[str, object] = {}
    first = load_sources(project, cache=cache)
    monkeypatch.setattr(buildcache, "code_hash", lambda: "other code")
    again = load_sources(project, cache=cache)
    assert all(a is not b for a, b in zip(first, again, strict=True))


def test_the_code_hash_follows_the_contents_of_the_code(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    before = buildcache.code_hash(tmp_path)
    (tmp_path / "a.py").write_text("x = 2\n")
    assert buildcache.code_hash(tmp_path) != before


def test_worker_processes_load_the_same_sources_as_one_process() -> None:
    serial = load_sources(ROOT, workers=1)
    parallel = load_sources(ROOT, workers=2)
    assert [s.meta.slug for s in parallel] == [s.meta.slug for s in serial]
    assert parallel == serial


def test_an_error_raised_in_a_worker_process_comes_back_whole() -> None:
    error = pickle.loads(pickle.dumps(EditionError("sources/x/source.txt", 3, "bad")))
    assert isinstance(error, EditionError) and str(error) == "sources/x/source.txt:3: bad"


def test_ascii_folds_to_itself_so_the_fast_path_changes_nothing() -> None:
    assert all(fold_char(chr(c)) == chr(c) for c in range(128))
    text = "Le Duan met Mao in 1965."
    assert fold(text) == text and fold_with_map(text).origin == range(len(text))
    assert fold("Lê Duẩn") == "Le Duan"


def test_identity_memo_computes_once_per_object() -> None:
    memo: IdentityMemo[int] = IdentityMemo(size=2)
    calls: list[int] = []

    def make(value: int) -> int:
        calls.append(value)
        return value

    a, b = [1], [1]
    assert memo.get(a, "k", lambda: make(1)) == 1
    assert memo.get(a, "k", lambda: make(2)) == 1
    assert memo.get(b, "k", lambda: make(3)) == 3  # equal, but another object
    assert calls == [1, 3]


def test_indexes_built_in_worker_processes_are_the_indexes_built_in_one() -> None:
    from scripts.site import build_indexes

    sources = load_sources(ROOT)
    assert build_indexes(sources, workers=2) == build_indexes(sources, workers=1)


def test_a_small_edition_builds_its_indexes_in_one_process_unless_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from scripts import site

    sources = load_sources(ROOT)
    monkeypatch.delenv("EDITION_WORKERS", raising=False)
    assert site._index_workers(sources) == 1  # the three sources are far below the threshold
    monkeypatch.setattr(site, "PARALLEL_INDEXES_FROM", 1)
    assert site._index_workers(sources) == min(os.cpu_count() or 1, len(site.INDEXES))
    monkeypatch.setenv("EDITION_WORKERS", "3")
    assert site._index_workers(sources) == 3


def test_search_and_tei_written_in_workers_beside_the_pages_are_those_written_in_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from scripts import site

    outputs = []
    for workers in ("2", "1"):
        monkeypatch.setenv("EDITION_WORKERS", workers)
        built = site.build(ROOT, pdf=False)
        outputs.append((built.pages, built.data))
    assert outputs[0] == outputs[1]
    paths = {f.path for f in outputs[0][1]}
    assert {tei_path(s.meta.slug) for s in load_sources(ROOT)} <= paths  # TEI files in both
    assert "search/manifest.js" in paths
