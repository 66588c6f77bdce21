"""The person authority file (``sources/persons.yml``): schema and validated loading.

One entry per person, referred to by a stable ASCII id. ``name`` is the preferred form
(Vietnamese with full diacritics, Chinese in pinyin); ``variants`` are the other full forms
the sources use; ``short`` are the forms used alone — a surname (``Mao``, ``Zhou``), or, for
Vietnamese names, the given name by which Vietnamese refer to a person (``Duẩn``, ``Diệm``).
A short form may be shared by several persons; the matcher then decides, source by source,
whether it is unambiguous (see :mod:`scripts.annotate.persons`).

Loading checks, each failure an :class:`~scripts.errors.EditionError` naming file and line:
unknown fields, malformed ids and dates, duplicate ids, and a full form (name or variant)
claimed by two persons or colliding with another person's short form — compared in folded
form, so ``Le Duan`` and ``Lê Duẩn`` are the same claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from scripts.annotate.fold import fold
from scripts.curated_values import check_date, check_url
from scripts.errors import EditionError
from scripts.names import NameParts, family_error, split_name
from scripts.yamlfile import Loc, line_of, load_yaml, validate

PERSON_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Person(BaseModel):
    """One person of the authority file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Stable ASCII slug; the page is /persons/<id>/.")
    name: str = Field(description="Preferred form, as modern scholarship writes it.")
    family: str | None = Field(
        description="The family name as written in ``name`` (its first or last word(s)); "
        "~ for a name without one. Required: nothing in a name says its order."
    )
    variants: tuple[str, ...] = Field(default=(), description="Other full forms the sources use.")
    short: tuple[str, ...] = Field(
        default=(), description="Forms used alone (surname, given name)."
    )
    role: str = Field(description="A short description of who the person was.")
    born: str | None = Field(default=None, description="YYYY or YYYY-MM-DD; only where sure.")
    died: str | None = Field(default=None, description="YYYY or YYYY-MM-DD; only where sure.")
    category: Literal["actor", "scholar"] = Field(description="Historical actor or scholar/author.")
    uri: str | None = Field(
        default=None, description="An authority URI (Wikidata), only if certain."
    )

    @field_validator("id")
    @classmethod
    def _id_is_slug(cls, value: str) -> str:
        if not PERSON_ID.match(value):
            raise ValueError(f"id {value!r} is not an ASCII slug (a-z, 0-9, hyphens)")
        return value

    @field_validator("born", "died", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        # The loader keeps an unquoted 1907-04-07 as text; YAML reads 1907 as an int.
        return None if value is None else check_date(value)

    @field_validator("uri", mode="before")
    @classmethod
    def _uri(cls, value: object) -> object:
        return None if value is None else check_url(value)

    @field_validator("family")
    @classmethod
    def _family_in_name(cls, value: str | None, info: ValidationInfo) -> str | None:
        name = info.data.get("name")
        if value is not None and isinstance(name, str):
            problem = family_error(name, value)
            if problem:
                raise ValueError(problem)
        return value

    @property
    def parts(self) -> NameParts:
        """The preferred name split into family and given names."""
        return split_name(self.name, self.family)

    @field_validator("name", "role")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    @property
    def full_forms(self) -> tuple[str, ...]:
        """The preferred name and every full variant."""
        return (self.name, *self.variants)

    @property
    def years(self) -> str:
        """Life dates as years for a tooltip: ``1907–1986``, ``b. 1931``, or empty."""
        born = self.born[:4] if self.born else ""
        died = self.died[:4] if self.died else ""
        if born and died:
            return f"{born}–{died}"
        if born:
            return f"b. {born}"
        return f"d. {died}" if died else ""


@dataclass(frozen=True)
class Authority:
    """The validated authority file."""

    persons: tuple[Person, ...]
    """Every person, in file order."""
    path: str
    """The file, for messages."""

    def by_id(self) -> dict[str, Person]:
        """Persons by id."""
        return {person.id: person for person in self.persons}


def _check_claims(persons: list[Person], lines: dict[Loc, int], path: str) -> None:
    """Refuse duplicate ids and a full form claimed twice (or shadowing a short form)."""
    ids: dict[str, int] = {}
    full: dict[str, str] = {}
    for index, person in enumerate(persons):
        if person.id in ids:
            raise EditionError(
                path,
                line_of(lines, (index, "id")),
                f"duplicate id {person.id!r} (first used by entry {ids[person.id] + 1})",
            )
        ids[person.id] = index
        for position, form in enumerate(person.full_forms):
            key = fold(form)
            owner = full.get(key)
            if owner is not None and owner != person.id:
                loc: Loc = (index, "name") if position == 0 else (index, "variants", position - 1)
                raise EditionError(
                    path, line_of(lines, loc), f"{form!r} is already a name or variant of {owner!r}"
                )
            full[key] = person.id
    for index, person in enumerate(persons):
        for position, form in enumerate(person.short):
            owner = full.get(fold(form))
            if owner is not None and owner != person.id:
                raise EditionError(
                    path,
                    line_of(lines, (index, "short", position)),
                    f"short form {form!r} is a full name or variant of {owner!r}",
                )


def load_authority(path: Path, *, display: str | None = None) -> Authority:
    """Load and validate the person authority file."""
    name = display or str(path)
    data, lines = load_yaml(path, display=name)
    if not isinstance(data, list):
        raise EditionError(name, line_of(lines, ()), "expected a list of persons")
    persons = [
        validate(Person, item, lines, path=name, at=(index,)) for index, item in enumerate(data)
    ]
    _check_claims(persons, lines, name)
    return Authority(tuple(persons), name)
