"""The theme's style sheets cut to the rules that can apply to this site.

Material ships one main sheet (23 kB gzip) and one of colour palettes (2 kB) for every feature
and colour it offers; a reading page downloads and parses both before it is drawn. Much of it
can never apply here: admonition, tab and annotation styles and their icons (SVG data URIs),
the palettes of the primary colours the site does not use, and so on.

A rule is kept when every class, element name and ``[attribute=value]`` that one of its
selectors requires occurs in the built site: in the markup of a page, or as a word of one of
its scripts (which add classes and attributes as the reader uses the page: a script that names
a class keeps its rules). What is inside ``:not()``, ``:is()``, ``:where()``, ``:has()`` and
the other functional selectors is not judged (kept), nor are ids and the other attribute tests
(looking for them cost more build time than the bytes they would save). Then the
custom properties that no kept rule, sheet of the edition or script uses are dropped (the
icons of the dropped rules), until none is left to drop.

Nothing is rewritten: a kept rule keeps its selectors (those that can match) and declarations
as the theme wrote them, in the same order, so the cascade is the theme's. The same site gives
the same bytes. ``tinycss2`` (WeasyPrint's CSS parser, kept by the same team) reads the sheets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeAlias

import tinycss2
from tinycss2 import ast

_TAG = re.compile(r"<([a-zA-Z][\w-]*)")
_CLASS = re.compile(r"""class=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_INLINE_SCRIPT = re.compile(
    r"<script(?:\s+type=\"(?:text/javascript|module)\")?>(.*?)</script>", re.S
)
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_VAR = re.compile(r"var\(\s*--([\w-]+)")


class _Rule:
    """A rule of the theme: its selectors and its declarations."""

    def __init__(self, rule: ast.QualifiedRule) -> None:
        self.selectors = _selectors(rule.prelude)
        self.declarations = [
            d
            for d in tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            if isinstance(d, ast.Declaration)
        ]
        self.defines = {d.name[2:] for d in self.declarations if d.name.startswith("--")}
        self.uses = [
            (d.name, set(_VAR.findall(tinycss2.serialize(d.value)))) for d in self.declarations
        ]


@dataclass(frozen=True)
class _Block:
    head: str
    rules: tuple[_Item, ...]


@dataclass(frozen=True)
class _Verbatim:
    text: str


_Item: TypeAlias = "_Rule | _Block | _Verbatim"


@dataclass(frozen=True)
class Needs:
    """The ``[name=value]`` tests the theme's selectors make."""

    pairs: frozenset[tuple[str, str]]


@dataclass
class Vocabulary:
    """What the site's pages and scripts can put on an element (of what the theme asks)."""

    needs: Needs
    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    words: set[str] = field(default_factory=set)

    def add_page(self, html: str) -> None:
        """The element names and classes of one page, the values it gives the attributes the
        theme's selectors test with ``=``, and the words of its own scripts."""
        self.tags.update(name.lower() for name in set(_TAG.findall(html)))
        for value in set(_CLASS.findall(html)):
            self.classes.update("".join(value).split())
        for name in {name for name, _ in self.needs.pairs - self.pairs}:
            for value in set(_values(name).findall(html)):
                self.pairs.add((name, "".join(value)))
        for script in _INLINE_SCRIPT.findall(html):
            self.add_script(script)

    def add_script(self, text: str) -> None:
        """Every word of a script (a class or attribute it may set)."""
        self.words.update(_WORD.findall(text))

    def has(self, known: set[str], name: str) -> bool:
        return name in known or name in self.words

    def has_pair(self, name: str, value: str) -> bool:
        return (name, value) in self.pairs or (name in self.words and value in self.words)


@lru_cache(maxsize=64)
def _values(name: str) -> re.Pattern[str]:
    """The values of attribute ``name`` in markup (a word ending in the name, such as
    ``data-type`` for ``type``, only adds values: more rules kept)."""
    return re.compile(re.escape(name) + r"""=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def _selectors(prelude: Sequence[ast.Node]) -> list[list[ast.Node]]:
    """A rule's selector list, split at its top-level commas."""
    out: list[list[ast.Node]] = [[]]
    for node in prelude:
        if isinstance(node, ast.LiteralToken) and node.value == ",":
            out.append([])
        else:
            out[-1].append(node)
    return [s for s in out if s]


def _attribute(block: ast.SquareBracketsBlock) -> tuple[str, str | None] | None:
    """``(name, value)`` of ``[name=value]``, ``(name, None)`` of any other attribute test."""
    parts = [n for n in block.content if not isinstance(n, (ast.WhitespaceToken, ast.Comment))]
    if not parts or not isinstance(parts[0], ast.IdentToken):
        return None
    name = parts[0].lower_value
    if len(parts) == 3 and isinstance(parts[1], ast.LiteralToken) and parts[1].value == "=":
        value = parts[2]
        if isinstance(value, (ast.IdentToken, ast.StringToken)):
            return name, value.value
    return name, None


def _requirements(selector: Sequence[ast.Node]) -> Iterator[tuple[str, str, str | None]]:
    """What an element must have to match ``selector``: ``("class", name, None)``,
    ``("tag", …)``, ``("id", …)``, ``("attr", name, value or None)``."""
    previous: ast.Node | None = None
    for node in selector:
        mark = previous.value if isinstance(previous, ast.LiteralToken) else None
        if isinstance(node, ast.IdentToken) and mark == ".":
            yield "class", node.value, None
        elif isinstance(node, ast.IdentToken) and mark != ":":
            yield "tag", node.lower_value, None
        elif isinstance(node, ast.HashToken) and node.is_identifier:
            yield "id", node.value, None
        elif isinstance(node, ast.SquareBracketsBlock):
            test = _attribute(node)
            if test is not None:
                yield "attr", test[0], test[1]
        previous = node


def _possible(selector: Sequence[ast.Node], words: Vocabulary) -> bool:
    """Whether an element of this site could match ``selector`` (True when unsure: ids and
    attributes tested without a value are not looked for)."""
    for kind, name, value in _requirements(selector):
        if kind == "class" and not words.has(words.classes, name):
            return False
        if kind == "tag" and not words.has(words.tags, name):
            return False
        if kind == "attr" and value is not None and not words.has_pair(name, value):
            return False
    return True


def _items(nodes: Iterable[ast.Node]) -> tuple[_Item, ...]:
    out: list[_Item] = []
    for node in nodes:
        if isinstance(node, ast.QualifiedRule):
            out.append(_Rule(node))
        elif isinstance(node, ast.AtRule) and node.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(node.content or [], True, True)
            out.append(
                _Block(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}", _items(inner))
            )
        elif isinstance(node, ast.AtRule):
            out.append(_Verbatim(tinycss2.serialize([node])))
    return tuple(out)


@lru_cache(maxsize=8)
def _parsed(text: str) -> tuple[_Item, ...]:
    """A theme sheet read once per process (the theme does not change between rebuilds)."""
    return _items(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))


def _walk(items: Iterable[_Item]) -> Iterator[_Rule | _Verbatim]:
    for item in items:
        if isinstance(item, _Block):
            yield from _walk(item.rules)
        else:
            yield item


def needs(sheets: Sequence[str]) -> Needs:
    """The ``[name=value]`` tests of the selectors of ``sheets``."""
    pairs: set[tuple[str, str]] = set()
    for text in sheets:
        for rule in _walk(_parsed(text)):
            if isinstance(rule, _Rule):
                for selector in rule.selectors:
                    for kind, name, value in _requirements(selector):
                        if kind == "attr" and value is not None:
                            pairs.add((name, value))
    return Needs(frozenset(pairs))


def _write(items: Iterable[_Item], words: Vocabulary, drop: set[str]) -> str:
    out = []
    for item in items:
        if isinstance(item, _Rule):
            selectors = [s for s in item.selectors if _possible(s, words)]
            kept = [
                tinycss2.serialize([d]).strip()
                for d in item.declarations
                if not (d.name.startswith("--") and d.name[2:] in drop)
            ]
            if selectors and kept:
                head = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                out.append(f"{head}{{{''.join(kept).rstrip(';')}}}")  # each ends in ";"
        elif isinstance(item, _Block):
            inner = _write(item.rules, words, drop)
            if inner:
                out.append(f"{item.head}{{{inner}}}")
        else:
            out.append(item.text)
    return "".join(out)


def prune(sheets: Sequence[str], words: Vocabulary, others: Sequence[str]) -> list[str]:
    """``sheets`` (the theme's) without the rules no element of the site can match, and
    without the custom properties nothing uses; ``others`` (the edition's own sheets) count
    only as users of custom properties."""
    parsed = [_parsed(text) for text in sheets]
    live: list[_Rule] = []
    fixed: set[str] = set()
    for text in others:
        fixed.update(_VAR.findall(text))
    for rule in (r for items in parsed for r in _walk(items)):
        if isinstance(rule, _Verbatim):
            fixed.update(_VAR.findall(rule.text))
        elif any(_possible(s, words) for s in rule.selectors):
            live.append(rule)
    drop: set[str] = set()
    while True:
        used = set(fixed)
        defined: set[str] = set()
        for rule in live:
            defined |= rule.defines
            for name, names in rule.uses:
                if not (name.startswith("--") and name[2:] in drop):
                    used |= names
        unused = {n for n in defined - drop if n not in used and n not in words.words}
        if not unused:
            break
        drop |= unused
    return [_write(items, words, drop) + "\n" for items in parsed]
