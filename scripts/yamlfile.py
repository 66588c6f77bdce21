"""Curated YAML, loaded safely and validated by schema with errors that name file and line.

PyYAML's ``SafeLoader`` reads the file; while composing we keep the line of every
mapping key and sequence item, so a schema error found later by pydantic can be
reported at the line where the offending value stands.

Curated data is plain text, so the loader is stricter than YAML itself, each refusal a
``file:line`` message before any value is built:

- anchors and aliases (``&a``, ``*a``) are refused while composing, before anything is
  expanded: curated data has no use for them, and an "alias bomb" of a few lines would
  otherwise cost gigabytes;
- unquoted dates (``issued: 1962-05-01``) stay text: the schemas check them as real
  calendar dates (:mod:`scripts.caldate`) instead of PyYAML's timestamp constructor,
  which throws on ``1962-13-45``;
- integers longer than :data:`MAX_INT_DIGITS` digits are refused (Python refuses to
  convert more than 4,300 digits with a ``ValueError``);
- duplicate keys are refused (a silent overwrite would lose data).
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from scripts.errors import EditionError

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


MAX_INT_DIGITS = 18
"""The longest integer curated data may hold (an ``order``, a count), in digits."""

TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that refuses aliases, long integers and duplicate keys, and reads
    unquoted dates as text."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        """Refuse an alias or an anchor before PyYAML resolves or expands it."""
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None,
                None,
                "YAML anchors and aliases (&name, *name) are not allowed in curated data",
                event.start_mark,
            )
        return super().compose_node(parent, index)


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_int(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    digits = sum(character.isdigit() for character in str(node.value))
    if digits > MAX_INT_DIGITS:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"an integer of {digits} digits (at most {MAX_INT_DIGITS}); quote it if it is text",
            node.start_mark,
        )
    return loader.construct_yaml_int(node)


_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _construct_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor(TIMESTAMP, _construct_text)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first on line {seen[key] + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _lines(node: yaml.Node, loc: Loc, out: dict[Loc, int]) -> None:
    out[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[(*loc, key)] = key_node.start_mark.line + 1
            _lines(value_node, (*loc, key), out)
            out[(*loc, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*loc, index), out)


def load_yaml(path: Path, *, display: str | None = None) -> tuple[Any, dict[Loc, int]]:
    """Load one YAML file; return its data and the line of every key and item.

    Raises :class:`EditionError` naming the file and line for unreadable bytes,
    YAML syntax errors and duplicate keys.
    """
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EditionError(name, None, "file not found") from None
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise EditionError(name, line, "not valid UTF-8 text") from None
    data, lines = _parse(name, text)
    # The same file is read by several steps of one build (persons.yml by the person index,
    # the citation forms and the works index): parse once, hand each caller its own copy.
    return copy.deepcopy(data), dict(lines)


@functools.lru_cache(maxsize=64)
def _parse(name: str, text: str) -> tuple[Any, dict[Loc, int]]:
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "invalid YAML"
        raise EditionError(
            name, mark.line + 1 if mark else None, f"invalid YAML: {problem}"
        ) from None
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    if node is not None:
        _lines(node, (), lines)
    return data, lines


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of ``loc`` or of its nearest enclosing key that has one."""
    while loc:
        found = lines.get(loc)
        if found is not None:
            return found
        loc = loc[:-1]
    return lines.get(())


def validate(model: type[M], data: Any, lines: dict[Loc, int], *, path: str, at: Loc = ()) -> M:
    """Validate ``data`` against a pydantic model; report the first error at its line."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc: Loc = (*at, *first["loc"])
        field = ".".join(str(part) for part in first["loc"]) or "document"
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown field"
        message = message.removeprefix("Value error, ")
        raise EditionError(path, line_of(lines, loc), f"{field}: {message}") from None
