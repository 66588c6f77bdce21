"""Hard-wrapped lines: joining them, and the word evidence that decides a line-end hyphen.

A typescript's OCR keeps the typist's line breaks, and a word divided at a line end keeps
its hyphen (``signifi-`` / ``cantly``). Joining the lines of a paragraph is no change of the
text (:func:`join_lines` puts one space between them); whether a line-end hyphen is the
typist's division of one word or the hyphen of a compound is decided by
:func:`dehyphenate` from evidence — English word frequencies (:mod:`wordfreq`) and the
witness's own vocabulary (:class:`Lexicon`) — and recorded as an emendation by the caller.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from scripts.normalise.english import zipf

# A word a normal English reader knows: frequency of at least once per million words.
KNOWN = 3.0
# A fragment: rarer than once per ten million words, and not a word of the text.
FRAGMENT = 2.0


def join_lines(lines: Iterable[str]) -> str:
    """The lines of one paragraph as one run of text: stripped, one space between them."""
    return " ".join(line.strip() for line in lines if line.strip())


SPACED_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])")
"""A hyphen followed by a space inside a compound (``Marxism- Leninism``)."""


class Lexicon:
    """Word statistics of one witness: standalone words and hyphenated forms, lower-cased;
    and, as the PDF layout asks for them, every run of letters as printed and every
    hyphenated form of any number of parts (a space after a hyphen closed)."""

    def __init__(self, text: str) -> None:
        self.words = Counter(w.lower() for w in re.findall(r"(?<![\w-])[A-Za-z]+(?![\w-])", text))
        self.hyphenated = Counter(
            w.lower() for w in re.findall(r"(?<![\w-])[A-Za-z]+-[A-Za-z]+(?![\w-])", text)
        )
        # Case kept: a restored hyphen must give exactly a form the text prints.
        self.hyphenated_as_printed = Counter(
            re.findall(r"(?<![\w-])[A-Za-z]+-[A-Za-z]+(?![\w-])", text)
        )
        self.bigrams = Counter(
            m.group().lower() for m in re.finditer(r"(?<![\w-])[A-Za-z]+ [A-Za-z]+", text)
        )
        self.printed = Counter(re.findall(r"[A-Za-z]+", text))
        closed = SPACED_HYPHEN.sub("-", text)
        self.compounds = Counter(
            m.group(0).lower() for m in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)+", closed)
        )

    def is_word(self, word: str) -> bool:
        """A known English word, or a word the text uses on its own at least twice."""
        lower = word.lower()
        return zipf(lower) >= KNOWN or self.words[lower] >= 2

    @functools.cached_property
    def _not_in_capitals(self) -> frozenset[str]:
        """Every word (lower-cased) the witness prints at least once not in capitals."""
        return frozenset(w.lower() for w in self.printed if not w.isupper())

    def is_word_of_the_text(self, word: str) -> bool:
        """A known English word, or a word the text uses on its own at least twice and at
        least once not in capitals (``Adenauer``, ``adenauer``): a code, a cryptonym or a
        form's label that the text prints only in capitals (``ACQ``) is no evidence of a
        word."""
        return self.is_word(word) and (
            zipf(word.lower()) >= KNOWN or word.lower() in self._not_in_capitals
        )

    def occurs(self, word: str) -> bool:
        """True when the witness prints the word (as written, case kept) anywhere."""
        return self.printed[word] > 0

    def is_fragment(self, word: str) -> bool:
        """Rare in English and never standing alone elsewhere in the text."""
        lower = word.lower()
        return zipf(lower) < FRAGMENT and self.words[lower] <= 1


def dehyphenate(first: str, second: str, lex: Lexicon) -> str | None:
    """The printed form of ``first- second`` (a hyphen at a line end), or None to leave it.

    A hyphenated form the witness prints elsewhere more often than the joined word keeps
    its hyphen (``re-christened``); otherwise the parts are joined where the joined word is
    an English word or a word of the text (``signifi- cantly`` → ``significantly``).
    """
    joined = first + second
    if lex.hyphenated[f"{first}-{second}".lower()] > lex.words[joined.lower()]:
        return f"{first}-{second}"
    if lex.is_word(joined):
        return joined
    return None
