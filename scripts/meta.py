"""A source's bibliographic metadata (``sources/<slug>/meta.yml``), validated on load."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scripts.curated_values import check_date, check_url
from scripts.names import NameParts, family_error, split_name
from scripts.normalise.typescript.settings import TypescriptSettings
from scripts.yamlfile import load_yaml, validate

TYPESCRIPT_LAYOUT = ("ocr-typescript", "ocr-staff-study")
"""The names ``meta.yml`` may give the typescript layout (the second is its older name)."""

PLACEHOLDER = "TODO"
"""How a value of a ``meta.yml`` skeleton (``edition new-source``) begins until it is filled in."""


def _no_placeholder(value: object) -> object:
    items = value if isinstance(value, list) else [value]
    if any(isinstance(item, str) and item.strip().startswith(PLACEHOLDER) for item in items):
        raise ValueError(f"still a {PLACEHOLDER} of the skeleton: fill it in")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _filled_in(cls, value: object) -> object:
        """A value left as the skeleton's ``TODO`` placeholder is refused, wherever it is."""
        return _no_placeholder(value)


def _check_family(name: str, family: str | None) -> str | None:
    if family is not None:
        problem = family_error(name, family)
        if problem:
            raise ValueError(problem)
    return family


class Contributor(_Strict):
    name: str = Field(description="Name as the source prints it, in the form to cite.")
    role: Literal["author", "translator", "editor", "issuing office"] = "author"
    family: str | None = Field(
        None,
        description="The family name as written in ``name`` (first or last word(s)); required "
        "for a person, absent for an issuing office.",
    )

    @model_validator(mode="after")
    def _family(self) -> Contributor:
        _check_family(self.name, self.family)
        if self.role == "issuing office" and self.family is not None:
            raise ValueError("an issuing office has no family name: remove 'family'")
        if self.role != "issuing office" and self.family is None:
            raise ValueError(
                f"give the family name of {self.name!r} ('family:'), as written in the name: "
                "nothing in a name says its order"
            )
        return self

    @property
    def parts(self) -> NameParts:
        """The name split into family and given names (an office is one literal name)."""
        return split_name(self.name, self.family)


class Attribution(_Strict):
    name: str = Field(description="The person the work is attributed to, not stated as fact.")
    family: str = Field(description="The family name as written in ``name``.")
    evidence: str = Field(description="Why: where the attribution comes from.")

    @model_validator(mode="after")
    def _family(self) -> Attribution:
        _check_family(self.name, self.family)
        return self

    @property
    def parts(self) -> NameParts:
        """The name split into family and given names."""
        return split_name(self.name, self.family)


class Container(_Strict):
    title: str = Field(description="Title of the book the chapter is part of.")
    volume: str | None = None
    volume_title: str | None = None
    part: str | None = None
    chapter: str | None = None
    editors: list[str] = Field(default_factory=list)


class Series(_Strict):
    title: str
    number: str | None = None


class Publisher(_Strict):
    name: str
    place: str | None = None


class Particular(_Strict):
    label: str = Field(description="What the document prints (e.g. 'Control line').")
    value: str = Field(description="As printed.")


class Provenance(_Strict):
    description: str = Field(description="How the text reached us, in a sentence or two.")
    delivered_as: str | None = None
    captured: str | None = Field(None, description="Date of the capture or OCR (YYYY[-MM[-DD]]).")
    tool: str | None = None

    @field_validator("captured", mode="before")
    @classmethod
    def _is_date(cls, value: object) -> str | None:
        return None if value is None else check_date(value)


class SourceMeta(_Strict):
    """Everything the edition says about one source; rendered in its header and citations."""

    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    normaliser: str
    file: str = Field(description="The raw text, relative to the source folder.")
    kind: Literal["chapter", "working-paper", "report", "article", "book"]
    short_title: str = Field(description="A few words for badges and lists.")
    title: str
    authors: list[Contributor] = Field(default_factory=list)
    attributed: Attribution | None = None
    container: Container | None = None
    series: Series | None = None
    publisher: Publisher | None = None
    issued: str = Field(description="Date of (print) publication, YYYY[-MM[-DD]].")
    online: str | None = Field(None, description="Online publication date, YYYY[-MM[-DD]].")
    pages: str | None = None
    url: str | None = None
    identifier: str | None = None
    particulars: list[Particular] = Field(default_factory=list)
    provenance: Provenance
    edition_note: str | None = Field(None, description="What the reader must know first.")
    order: int = Field(0, description="Position of the source in lists.")
    typescript: TypescriptSettings | None = Field(
        None,
        description="Optional settings of the ocr-typescript layout, only for an unusual text "
        "(extra banner words, a page-number pattern, a paragraph mode).",
    )

    @model_validator(mode="after")
    def _settings_for_layout(self) -> SourceMeta:
        if self.typescript is not None and self.normaliser not in TYPESCRIPT_LAYOUT:
            raise ValueError(
                f"'typescript:' settings belong to the ocr-typescript layout, not to "
                f"{self.normaliser!r}: remove them or change 'normaliser'"
            )
        return self

    @field_validator("issued", "online", mode="before")
    @classmethod
    def _is_date(cls, value: object) -> str | None:
        return None if value is None else check_date(value)

    @field_validator("url", mode="before")
    @classmethod
    def _is_url(cls, value: object) -> str | None:
        return None if value is None else check_url(value)

    def people(self, role: str) -> list[str]:
        """Names of the contributors with ``role``."""
        return [c.name for c in self.authors if c.role == role]

    def contributors(self, role: str) -> list[Contributor]:
        """The contributors with ``role``, in order."""
        return [c for c in self.authors if c.role == role]


def load_meta(path: Path, *, display: str) -> SourceMeta:
    """Read and validate one ``meta.yml``."""
    data, lines = load_yaml(path, display=display)
    return validate(SourceMeta, data, lines, path=display)
