"""Faster scans with the same matches: a regular expression guarded by its possible first letters.

A pattern that begins with an optional part (``(?:the\\s+)?``, ``(?:early|mid|late)?``) defeats
the regex engine's quick scan for a first letter, so ``finditer`` tries the whole pattern at
every position of the text; the date patterns spent most of a large source's index time so.
:func:`guarded` computes, from the parsed pattern, the set of characters a match can begin
with and puts it in front as a lookahead. A lookahead that every match satisfies changes no
match (same spans, same groups); it only lets the engine reject the other positions at once.

The set is computed conservatively: zero-width parts (``\\b``, lookarounds) are looked through,
optional and alternative parts add their first letters, case-insensitive parts keep their
flag. Where a match could begin with any character or be empty, the pattern is returned as
it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser as sre_parse

Flags = int

_CATEGORY = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_WORD: r"\w",
}


class _Open(Exception):
    """A match could begin with (almost) any character: no useful guard."""


def _class(items: list[tuple[object, object]]) -> list[str]:
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            assert isinstance(av, int)
            parts.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            assert isinstance(av, tuple)
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORY:
            parts.append(_CATEGORY[av])
        else:  # a negated class, or a category with no short form
            raise _Open
    return parts


def _first(items: sre_parse.SubPattern | list[tuple[object, object]], flags: Flags) -> tuple[
    dict[bool, set[str]], bool
]:
    """The class parts a match of ``items`` can begin with, by case-insensitivity; and
    whether ``items`` can match the empty string."""
    found: dict[bool, set[str]] = {False: set(), True: set()}
    for op, av in items:
        ignore = bool(flags & re.IGNORECASE)
        if op is sre.LITERAL:
            assert isinstance(av, int)
            found[ignore].add(re.escape(chr(av)))
            return found, False
        if op is sre.IN:
            assert isinstance(av, list)
            found[ignore].update(_class(av))
            return found, False
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the match begins with what follows
        if op is sre.BRANCH:
            assert isinstance(av, tuple)
            nullable = False
            for alternative in av[1]:
                part, empty = _first(alternative, flags)
                found[False] |= part[False]
                found[True] |= part[True]
                nullable |= empty
            if not nullable:
                return found, False
            continue
        if op is sre.SUBPATTERN:
            assert isinstance(av, tuple)
            _, add, remove, sub = av
            part, empty = _first(sub, (flags | add) & ~remove)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            assert isinstance(av, tuple)
            low, _, sub = av
            part, empty = _first(sub, flags)
            empty = empty or low == 0
        else:  # any character, a back-reference, a conditional…
            raise _Open
        found[False] |= part[False]
        found[True] |= part[True]
        if not empty:
            return found, False
    return found, True


def guard(pattern: str, flags: Flags = 0) -> str | None:
    """The lookahead of the characters a match of ``pattern`` can begin with, or None."""
    try:
        parsed = sre_parse.parse(pattern, flags)
        found, empty = _first(parsed, parsed.state.flags)
    except _Open:
        return None
    if empty:
        return None
    alternatives = []
    if found[False]:
        alternatives.append("[" + "".join(sorted(found[False])) + "]")
    if found[True]:
        alternatives.append("(?i:[" + "".join(sorted(found[True])) + "])")
    return "(?=" + "|".join(alternatives) + ")"


def guarded(pattern: str, flags: Flags = 0) -> re.Pattern[str]:
    """``pattern`` compiled with its first-letter guard in front (same matches, same groups)."""
    lookahead = guard(pattern, flags)
    if lookahead is not None:
        try:
            return re.compile(f"{lookahead}(?:{pattern})", flags)
        except re.error:  # global inline flags, which must stay at the very start
            pass
    return re.compile(pattern, flags)
