"""Word-level OCR repairs for typescripts, each a general rule with its evidence.

An OCR of a typescript breaks words in a few recurring ways: a line-end hyphen kept with
the following space (``Confer- ence``), a stray space inside a word (``deci sion``), a
line-end hyphen dropped between the parts of a compound (``SinoSoviet``), and the hyphen of
``mid-1955`` or of a year range (``1960–1961``) dropped. Each rule below proposes a repair
only with evidence: the general English word list of :mod:`wordfreq` and the word statistics
of the witness itself (a hyphenated form the text prints elsewhere). The errors of the
original typist are a different matter: :func:`find_sics` marks them, never corrects them.

Every repair is returned as a :class:`Repair` span, so the normaliser records it as an
:class:`~scripts.model.Emendation` with its raw form, printed form and rule name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.normalise.english import Repair, zipf
from scripts.normalise.shared.lines import FRAGMENT, KNOWN, Lexicon, dehyphenate

RULES: dict[str, str] = {
    "ocr-hyphen-space": (
        "A line-end hyphen kept by the OCR with a space (Confer- ence) removed where the joined "
        "word is an English word or occurs in the text; a hyphenated compound the text prints "
        "elsewhere keeps its hyphen."
    ),
    "ocr-line-hyphen": (
        "A line-end hyphen kept inside a word (construc-tion) removed where one part is no word "
        "and the joined word is one."
    ),
    "ocr-stray-space": (
        "A space inside a word (deci sion) removed where the joined word is far likelier than the "
        "two parts, by English word frequencies or by its frequency in the text itself."
    ),
    "lost-compound-hyphen": (
        "A hyphen lost at a line end between the parts of a compound (SinoSoviet) restored where "
        "the text itself prints the hyphenated form at least as often."
    ),
    "lost-prefix-hyphen": (
        "The hyphen between a prefix such as mid- and a year (mid1955) restored, as the text "
        "prints it elsewhere (mid-1959)."
    ),
    "lost-year-range-dash": (
        "The dash of a range of two years printed as one number (19601961) restored as an "
        "en dash (1960–1961); the typescript's own ranges, which kept their hyphen, are left "
        "as typed, so the dash also shows where the edition supplied the separator."
    ),
}
"""Every rule name the typescript repairs use, with a one-line description."""

WORD = re.compile(r"[A-Za-z]+")
# The joined word must be this much (Zipf units) likelier than the two words side by side.
MARGIN = 0.5
# A word the text itself uses this often is evidence for a join even against the odds.
FREQUENT_IN_TEXT = 10
YEAR_PREFIXES = ("mid", "early", "late", "pre", "post")


def _hyphen_space(text: str, lex: Lexicon) -> list[Repair]:
    out = []
    for m in re.finditer(r"(?<![\w-])([A-Za-z]+)- ([a-z]+)(?![\w-])", text):
        first, second = m.groups()
        printed = dehyphenate(first, second, lex)
        if printed:
            out.append(Repair(m.start(), m.end(), printed, "ocr-hyphen-space"))
    return out


def _line_hyphen(text: str, lex: Lexicon) -> list[Repair]:
    out = []
    for m in re.finditer(r"(?<![\w-])([A-Za-z]+)-([a-z]+)(?![\w-])", text):
        a, b = m.groups()
        if (lex.is_fragment(a) or lex.is_fragment(b)) and lex.is_word(a + b):
            out.append(Repair(m.start(), m.end(), a + b, "ocr-line-hyphen"))
    return out


def _stray_space(text: str, lex: Lexicon) -> list[Repair]:
    out = []
    for m in re.finditer(r"(?<![\w-])(?=([A-Za-z]+) ([a-z]+)(?![\w-]))", text):
        a, b = m.groups()
        joined = (a + b).lower()
        end = m.start() + len(a) + 1 + len(b)
        likelier = zipf(joined) >= KNOWN and zipf(joined) - zipf(f"{a} {b}".lower()) >= MARGIN
        # The text's own usage: a word it prints often, the pair never elsewhere, and the
        # pair not overwhelmingly more common in English than the joined word.
        usual = (
            lex.words[joined] >= FREQUENT_IN_TEXT
            and lex.bigrams[f"{a} {b}".lower()] <= 1
            and zipf(f"{a} {b}".lower()) - zipf(joined) < 1.0
        )
        if likelier or usual:
            out.append(Repair(m.start(), end, a + b, "ocr-stray-space"))
    return out


def _lost_compound_hyphen(text: str, lex: Lexicon) -> list[Repair]:
    out = []
    for m in re.finditer(r"(?<![\w-])[A-Za-z]{5,}(?![\w-])", text):
        word = m.group()
        lower = word.lower()
        if zipf(lower) >= KNOWN:
            continue
        for cut in range(2, len(word) - 1):
            a, b = word[:cut], word[cut:]
            printed = lex.hyphenated_as_printed[f"{a}-{b}"]
            evidence = printed and printed >= lex.words[lower] - 1
            if evidence and (lex.is_word(a) or zipf(a.lower()) >= FRAGMENT):
                out.append(Repair(m.start(), m.end(), f"{a}-{b}", "lost-compound-hyphen"))
                break
    return out


def _lost_prefix_hyphen(text: str, lex: Lexicon) -> list[Repair]:
    out = []
    for m in re.finditer(r"(?<![\w-])([A-Za-z]+)(1[6-9]\d\d|20\d\d)(?!\w)", text):
        prefix, year = m.groups()
        if prefix.lower() in YEAR_PREFIXES:
            out.append(Repair(m.start(), m.end(), f"{prefix}-{year}", "lost-prefix-hyphen"))
    return out


def _lost_year_range(text: str, lex: Lexicon) -> list[Repair]:
    out = []
    for m in re.finditer(r"(?<![\w-])(1[6-9]\d\d|20\d\d)(1[6-9]\d\d|20\d\d)(?!\w)", text):
        first, second = m.groups()
        if 0 < int(second) - int(first) < 100:
            out.append(Repair(m.start(), m.end(), f"{first}–{second}", "lost-year-range-dash"))
    return out


_RULE_FUNCTIONS = (
    _hyphen_space,
    _line_hyphen,
    _lost_prefix_hyphen,
    _lost_year_range,
    _lost_compound_hyphen,
    _stray_space,
)


def find_repairs(text: str, lex: Lexicon) -> list[Repair]:
    """Every repair the rules propose for a run of text, in order, without overlaps.

    Rules are tried in the order of :data:`_RULE_FUNCTIONS`; a span already claimed by an
    earlier rule (or overlapping one) is left to it.
    """
    chosen: list[Repair] = []
    for rule in _RULE_FUNCTIONS:
        for repair in rule(text, lex):
            if all(repair.end <= r.start or repair.start >= r.end for r in chosen):
                chosen.append(repair)
    return sorted(chosen, key=lambda r: r.start)


@dataclass(frozen=True)
class SicMark:
    """An apparent typing error of the original: ``text[start:end]``, probably for ``intended``."""

    start: int
    end: int
    intended: str


def _edits(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | swaps | replaces | inserts) - {word}


def find_sics(text: str, lex: Lexicon) -> list[SicMark]:
    """Typing errors of the original: a word that is no word, one keystroke from a known one.

    Only lower-case or all-capital words of six letters or more are considered (capitalised
    words are names, whose spelling the edition never judges; short capitals are
    acronyms). The word must be unknown to English (Zipf < 1.0) and used nowhere else in the
    text, and exactly one word one keystroke away must be a common word (Zipf >= 2.0).
    """
    marks = []
    for m in WORD.finditer(text):
        word = m.group()
        if len(word) < 6 or not (word.islower() or word.isupper()):
            continue
        lower = word.lower()
        if zipf(lower) >= 1.0 or lex.words[lower] > 1:
            continue
        near = sorted(w for w in _edits(lower) if zipf(w) >= 2.0)
        if len(near) == 1:
            intended = near[0].upper() if word.isupper() else near[0]
            marks.append(SicMark(m.start(), m.end(), intended))
    return marks
