"""Every normaliser error names a line (empty input used to stop the build naming the file
only); in the CIA study an asterisk without its note, and a note without its asterisk, are
text, listed for review, and conservation holds."""

from __future__ import annotations

import pytest

from scripts import conserve
from scripts.errors import SourceError
from scripts.model import Document, NoteRef, Paragraph
from scripts.normalise import NORMALISERS
from tests.conftest import ROOT

ESAU = (ROOT / "sources" / "esau-17" / "source.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("raw", ["", "\n\n \n", "word"])
@pytest.mark.parametrize("name", sorted(NORMALISERS))
def test_input_with_no_text_is_refused_at_a_line(name: str, raw: str) -> None:
    with pytest.raises(SourceError) as caught:
        NORMALISERS[name](raw)
    assert caught.value.line is not None and caught.value.line >= 1


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _refs(doc: Document) -> list[tuple[str, int]]:
    return [
        (node.key, node.line)
        for run in doc.inline_runs()
        for node in run
        if isinstance(node, NoteRef)
    ]


def test_an_asterisk_without_its_note_is_kept_as_text_and_listed() -> None:
    needle = "in October 1959,"
    raw = ESAU.replace(needle, needle + "*", 1)
    plain = NORMALISERS["ocr-staff-study"](ESAU)
    doc = NORMALISERS["ocr-staff-study"](raw)
    assert conserve.check(raw, doc) == []  # the asterisk is neither lost nor doubled
    assert _refs(doc) == _refs(plain) and doc.notes == plain.notes  # the notes keep their marks
    assert any(needle + "*" in b.text for b in doc.body if isinstance(b, Paragraph))
    assert [(u.text, u.line) for u in doc.unclassified] == [("*", _line_of(raw, needle))]


def test_an_asterisk_note_without_its_reference_is_kept_as_text_and_listed() -> None:
    needle = "within North Vietnam.*"
    raw = ESAU.replace(needle, needle[:-1], 1)
    plain = NORMALISERS["ocr-staff-study"](ESAU)
    doc = NORMALISERS["ocr-staff-study"](raw)
    assert conserve.check(raw, doc) == []  # the note's words are neither lost nor doubled
    lost = plain.notes[0]
    assert [n.text for n in doc.notes] == [n.text for n in plain.notes[1:]]
    assert _refs(doc) == [(f"s{n}", line) for n, (_, line) in enumerate(_refs(plain)[1:], 1)]
    texts = [b.text for b in doc.body if isinstance(b, Paragraph)]
    cut = next(t for t in texts if "Le Duan declared in September that" in t)
    assert cut in [b.text for b in plain.body if isinstance(b, Paragraph)]  # still one sentence
    after = texts[texts.index(cut) + 1]
    assert after == "*" + lost.text  # the note's words as text, after the paragraph it cut
    line = _line_of(raw, "*However, North Vietnam")
    assert [(u.text, u.line) for u in doc.unclassified] == [(after, line)]
