"""Hostile and broken input through the real pipeline: shown literally, or refused clearly.

Every case builds a throw-away project (:mod:`tests.hostile.project`) with
:func:`scripts.site.build`; a subset also runs ``mkdocs build --strict`` and the ``edition``
command as subprocesses, where a traceback would show.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.errors import EditionError
from scripts.site import SiteOutput, build
from tests.hostile.cases import ACCEPTED, BENIGN, PAYLOADS, PLACEMENTS, REFUSED, Refused
from tests.hostile.project import BASE_SOURCE, SLUG, Html, make_project, read_html, to_html

FOLDER = f"sources/{SLUG}"


def _page(output: SiteOutput, name: str) -> Html:
    path = f"{FOLDER}/{name}"
    page = next(p for p in output.pages if p.path == path)
    return read_html(to_html(page.content))


def _build_with(source: str | bytes | None, tmp: Path) -> SiteOutput:
    return build(make_project(tmp / "project", source=source))


@functools.cache
def _baseline(placement: str) -> Html:
    page, mutate = PLACEMENTS[placement]
    with tempfile.TemporaryDirectory() as tmp:
        return _page(_build_with(mutate(BENIGN), Path(tmp)), page)


def _masked(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("placement", sorted(PLACEMENTS))
@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_markup_in_a_source_is_shown_literally_and_injects_nothing(
    name: str, placement: str, tmp_path: Path
) -> None:
    """The page equals the baseline page in elements and attributes; its text is the
    baseline's text with the payload, character for character, in place of the benign words."""
    payload = PAYLOADS[name]
    page, mutate = PLACEMENTS[placement]
    shown = _page(_build_with(mutate(payload), tmp_path), page)
    baseline = _baseline(placement)
    assert Counter(shown.tags) == Counter(baseline.tags), "elements differ from the baseline"
    assert Counter(shown.attributes) == Counter(baseline.attributes), "attributes differ"
    assert len(shown.scripts) == len(baseline.scripts)
    assert not any("<script" in body for body in shown.scripts), "a script element in a script"
    assert _words(payload) in shown.text
    # Counts (of tokens, removals) differ with the payload's length: numbers are compared as "#".
    expected = baseline.text.replace(BENIGN, _words(payload))
    assert _masked(shown.text) == _masked(expected), "text lost or changed"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_malformed_input_stops_the_build_with_one_message_naming_file_and_line(
    name: str, tmp_path: Path
) -> None:
    case: Refused = REFUSED[name]
    root = make_project(tmp_path / "project", source=case.source, meta=case.meta)
    with pytest.raises(EditionError) as caught:
        build(root)
    error = caught.value
    assert error.path == f"{FOLDER}/{case.file}", str(error)
    if case.line is not None:
        assert error.line == case.line, str(error)
    assert re.search(case.words, error.message), str(error)
    assert "\n" not in str(error) and "Traceback" not in str(error)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_same_words_in_other_bytes_build_the_same_reading_text(name: str, tmp_path: Path) -> None:
    """Line ends, a byte-order mark and trailing blanks change no word of the reading text."""
    expected = _page(_build_with(BASE_SOURCE, tmp_path / "base"), "index.md")
    shown = _page(_build_with(ACCEPTED[name], tmp_path / "case"), "index.md")
    assert shown.text == expected.text
    assert Counter(shown.tags) == Counter(expected.tags)


def test_the_corpus_holds_at_least_fifty_cases() -> None:
    assert len(PAYLOADS) * len(PLACEMENTS) + len(REFUSED) + len(ACCEPTED) >= 50


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"},
    )


CLI_CASES = ["reference-with-no-note", "invalid-yaml", "invalid-utf8", "unknown-normaliser"]


@pytest.mark.parametrize("name", CLI_CASES)
def test_edition_check_prints_one_line_and_no_traceback(name: str, tmp_path: Path) -> None:
    case = REFUSED[name]
    root = make_project(tmp_path / "project", source=case.source, meta=case.meta)
    result = _run(["-m", "scripts.cli", "--root", str(root), "check"], cwd=root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"error: {FOLDER}/{case.file}"), result.stderr


@pytest.mark.parametrize("name", ["reference-with-no-note", "unknown-field"])
def test_mkdocs_build_refuses_bad_input_with_the_message_and_no_traceback(
    name: str, tmp_path: Path
) -> None:
    case = REFUSED[name]
    root = make_project(tmp_path / "project", source=case.source, meta=case.meta)
    result = _run(["-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")], root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    where = f"{FOLDER}/{case.file}:{case.line}" if case.line else f"{FOLDER}/{case.file}"
    assert where in result.stderr, result.stderr


def test_mkdocs_build_shows_every_payload_literally(tmp_path: Path) -> None:
    """One real strict build with every payload as its own paragraph of the reading text."""
    sentences = [f"The delegation noted {p} in its report." for p in PAYLOADS.values()]
    lines = [line for s in sentences for line in ("", s)]
    source = "\n".join([*BASE_SOURCE.split("\n")[:29], *lines, *BASE_SOURCE.split("\n")[29:]])
    root = make_project(tmp_path / "project", source=source)
    site = tmp_path / "site"
    result = _run(["-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], root)
    assert result.returncode == 0, result.stderr
    shown = read_html((site / FOLDER.removeprefix("/") / "index.html").read_text(encoding="utf-8"))
    for payload in PAYLOADS.values():
        assert _words(payload) in shown.text, payload
    assert not any('alert("hostile")' in body for body in shown.scripts)
    assert "onerror" not in shown.attributes and "markdown" not in shown.attributes


_PRINTABLE = st.text(
    alphabet=st.sampled_from([chr(c) for c in range(0x20, 0x7F)] + list("–—“”‘’…«»§¶†‡°×·")),
    min_size=1,
    max_size=60,
).filter(
    # Two capitals in a row may spell an abbreviation of the glossary ("UN"), which the edition
    # marks up on purpose: that is annotation, not injected markup.
    lambda s: s.strip() and not re.search(r"Footnote \d", s) and not re.search(r"[A-Z]{2}", s)
)


@pytest.mark.parametrize("placement", sorted(PLACEMENTS))
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(payload=_PRINTABLE)
def test_any_printable_text_is_shown_literally(
    placement: str, payload: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Generated text of ASCII punctuation and typographic marks, in every placement."""
    page, mutate = PLACEMENTS[placement]
    shown = _page(_build_with(mutate(payload), tmp_path_factory.mktemp("case")), page)
    baseline = _baseline(placement)
    assert Counter(shown.tags) == Counter(baseline.tags), "elements differ from the baseline"
    assert _words(payload) in shown.text


def test_a_symbolic_link_out_of_the_source_folder_is_refused(tmp_path: Path) -> None:
    """``file:`` is resolved: a link inside the folder that points elsewhere is refused."""
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(BASE_SOURCE, encoding="utf-8")
    root = make_project(tmp_path / "project", source=None)
    (root / FOLDER / "source.txt").symlink_to(outside)
    with pytest.raises(EditionError) as caught:
        build(root)
    assert caught.value.path == f"{FOLDER}/meta.yml"
    assert "outside the source folder" in caught.value.message
    assert str(tmp_path) not in str(caught.value)


def test_the_editorial_page_names_the_raw_file_relative_to_the_repository(tmp_path: Path) -> None:
    output = _build_with(BASE_SOURCE, tmp_path)
    page = next(p for p in output.pages if p.path == f"{FOLDER}/editorial.md")
    assert str(tmp_path) not in page.content
    assert f"{FOLDER}/source.txt" in read_html(to_html(page.content)).text
