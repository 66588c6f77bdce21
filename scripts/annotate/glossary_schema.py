"""The glossary of abbreviations (``sources/glossary.yml``): schema and loading.

Every entry is validated on load; an unknown field, a duplicate term, a broken pattern or a
term that is also a Roman numeral without a context stops the build with the file and the
line of the offending entry.

``preceded_by`` is a regular expression from curated data, so it must also pass a guard
(:func:`linear_time_problem`) before it is used: no repetition or alternative inside a
repetition (``(a+)+``, ``(a|b)*``) and no backreference, the shapes that make Python's
backtracking engine take exponential time. The matcher applies it to at most 80
characters, so what remains is cheap.
"""

from __future__ import annotations

import re
import re._parser as re_parser  # type: ignore[import-not-found]
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scripts.errors import EditionError
from scripts.yamlfile import load_yaml, validate

ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
"""A Roman numeral (``II``, ``XVIII``, and also ``CC``, ``DC``, ``MD``)."""


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _risky_inside(items: object, under_repeat: bool) -> str | None:
    """Why a parsed pattern may take more than linear time, or None.

    Refused: a repetition inside a repetition or an alternative inside a repetition
    (``(a+)+``, ``(a|a)*``: the classic exponential backtracking), and backreferences.
    """
    for op, arg in items:  # type: ignore[attr-defined]
        name = str(op)
        if name in _REPEATS:
            _low, high, inner = arg
            repeats = high is not None and (high > 1 or str(high) == "MAXREPEAT")
            if under_repeat and repeats:
                return "a repetition inside a repetition"
            found = _risky_inside(inner, under_repeat or repeats)
            if found:
                return found
        elif name == "BRANCH":
            if under_repeat:
                return "alternatives inside a repetition"
            for branch in arg[1]:
                found = _risky_inside(branch, under_repeat)
                if found:
                    return found
        elif name == "SUBPATTERN":
            found = _risky_inside(arg[-1], under_repeat)
            if found:
                return found
        elif name in {"ASSERT", "ASSERT_NOT"}:
            found = _risky_inside(arg[1], under_repeat)
            if found:
                return found
        elif name in {"GROUPREF", "GROUPREF_EXISTS"}:
            return "a backreference"
    return None


def linear_time_problem(pattern: str) -> str | None:
    """Why ``pattern`` (already known to compile) is refused as possibly super-linear, or None."""
    return _risky_inside(re_parser.parse(pattern), False)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GlossaryEntry(_Strict):
    """One abbreviation of the sources and its expansion."""

    term: str = Field(
        pattern=r"^\S+$",
        description="The abbreviation as the sources print it; case-sensitive (US, not us).",
    )
    expansion: str = Field(min_length=1, description="Its full form.")
    expanded_in_sources: bool = Field(
        description="True when a source pairs the abbreviation with its full form; "
        "false when the expansion is the editors'."
    )
    variants: tuple[str, ...] = Field(
        default=(), description="Other printed forms of the same abbreviation (U.S.)."
    )
    note: str | None = Field(None, description="What a reader should know about it.")
    also_a_word: bool = Field(
        False,
        description="The abbreviation spells an ordinary word (US = us): not marked inside "
        "a passage set in capitals.",
    )
    preceded_by: str | None = Field(
        None,
        description="A regular expression the text just before the abbreviation must end with.",
    )

    @field_validator("variants")
    @classmethod
    def _variants_are_tokens(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for variant in value:
            if not variant or any(c.isspace() for c in variant):
                raise ValueError(f"variant {variant!r} must be one word without spaces")
        return value

    @field_validator("preceded_by")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as err:
                raise ValueError(f"not a valid regular expression: {err}") from None
            problem = linear_time_problem(value)
            if problem:
                raise ValueError(
                    f"the pattern holds {problem}, which can take exponential time; "
                    "write it without"
                )
        return value

    @model_validator(mode="after")
    def _roman_numeral_needs_context(self) -> GlossaryEntry:
        # CC, DC, MD are also Roman numerals: without a context they would be marked in
        # "Chapter CC" or a numbered list; the curator must say where they are abbreviations.
        for form in self.forms:
            if ROMAN.match(form) and self.preceded_by is None:
                raise ValueError(
                    f"{form!r} is also a Roman numeral: give 'preceded_by' to say where it "
                    "is an abbreviation"
                )
        return self

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its variants: every printed form that is marked."""
        return (self.term, *self.variants)

    @property
    def anchor(self) -> str:
        """The stable id of the entry on the glossary page (``ccp``, ``1ps``)."""
        return anchor_of(self.term)


class Glossary(_Strict):
    """The whole glossary file."""

    terms: tuple[GlossaryEntry, ...]


def anchor_of(term: str) -> str:
    """The anchor id of a term: lower-cased, every run of other characters a hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def load_glossary(path: Path, *, display: str) -> Glossary:
    """Read and validate the glossary; a duplicate term or form is an error at its line."""
    data, lines = load_yaml(path, display=display)
    glossary = validate(Glossary, data, lines, path=display)
    seen: dict[str, int] = {}
    anchors: dict[str, str] = {}
    for index, entry in enumerate(glossary.terms):
        line = lines.get(("terms", index, "term")) or lines.get(("terms", index))
        for form in entry.forms:
            if form in seen:
                first = seen[form]
                raise EditionError(
                    display, line, f"duplicate term {form!r} (first on line {first})"
                )
            seen[form] = line or 0
        if not entry.anchor:
            raise EditionError(display, line, f"term {entry.term!r} gives no anchor id")
        if entry.anchor in anchors:
            raise EditionError(
                display,
                line,
                f"term {entry.term!r} has the same anchor #{entry.anchor} as {anchors[entry.anchor]!r}",
            )
        anchors[entry.anchor] = entry.term
    return glossary
