"""Hostile curated data: the payloads of the source-text corpus in every curated field.

:func:`hostile_project` writes a throw-away project (:func:`tests.hostile.project.make_project`)
whose ``meta.yml`` and ``sources/persons.yml`` carry every payload of
:data:`tests.hostile.cases.PAYLOADS` in every free-text field a page, an attribute, a meta
tag, JSON-LD or page data is made of. Each payload that could run code calls ``alert`` or
sets nothing at all, so a page on which anything ran shows a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.hostile.cases import PAYLOADS
from tests.hostile.project import BASE_META, make_project

HOSTILE = " ".join(
    value for name, value in sorted(PAYLOADS.items()) if name != "thousand-characters"
)
"""Every payload of the source-text corpus in one string (the long line left out)."""

PERSON_ID = "edwin-martini"
"""A person the small base capture names, whose entry carries the payloads."""

META_FIELDS = [
    ("title",),
    ("short_title",),
    ("container", "title"),
    ("container", "part"),
    ("container", "editors", 0),
    ("attributed", "name"),
    ("attributed", "evidence"),
    ("publisher", "name"),
    ("publisher", "place"),
    ("provenance", "description"),
    ("provenance", "tool"),
    ("edition_note",),
]
"""Every free-text field of ``meta.yml`` the hostile project fills, as a path of keys."""


def _set(data: Any, path: tuple[str | int, ...], value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def hostile_meta(text: str = HOSTILE) -> str:
    """The base ``meta.yml`` with ``text`` in every field of :data:`META_FIELDS`."""
    data = yaml.safe_load(BASE_META)
    for number, path in enumerate(META_FIELDS):
        _set(data, path, f"F{number} {text}")
        if path == ("attributed", "name"):
            # The curated family name must be a word of the name as written: its first word.
            data["attributed"]["family"] = f"F{number}"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def hostile_project(folder: Path, text: str = HOSTILE) -> Path:
    """A project whose curated data carries ``text`` in every free-text field."""
    root = make_project(folder, meta=hostile_meta(text))
    persons = root / "sources" / "persons.yml"
    entries = yaml.safe_load(persons.read_text(encoding="utf-8"))
    for entry in entries:
        for key in ("born", "died"):
            if key in entry:
                entry[key] = str(entry[key])
        if entry["id"] == PERSON_ID:
            entry["variants"] = [entry["name"], *entry.get("variants", [])]
            entry["name"] = f"P1 {text}"
            entry["family"] = "P1"  # a word of the name as written, as persons.yml requires
            entry["role"] = f"P2 {text}"
            entry["uri"] = "https://www.wikidata.org/wiki/Q1?a=1&b=<2>\"'"
    persons.write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=10_000),
        encoding="utf-8",
    )
    return root
