"""Personal names as their bearers write them: which words are the family name.

Chinese, Vietnamese, Khmer and Korean names are written family name first (``Zhou Enlai``,
``Lê Duẩn``); scholars who publish in Western order are not (``Qiang Zhai``,
``Lien-Hang T. Nguyen``). Nothing in a name says which order it is in, so the curated data
says it explicitly: ``family:`` on every person of ``sources/persons.yml`` and every person
contributor of a ``meta.yml``; ``sources/works-names.yml`` for names only the notes cite.

:class:`NameParts` is what every output reads: BibTeX and RIS (``Yang, Kuisong``), CSL-JSON
(``family``/``given``), Highwire tags, schema.org, and the sort keys of the person index and
works cited.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NameParts:
    """A personal name split into family and given names, in the order it is written."""

    name: str
    """The name as written (``Yang Kuisong``, ``Qiang Zhai``)."""
    family: str | None
    """The family name (``Yang``, ``Zhai``); None for a name without one (``U Nu``)."""
    given: str
    """The rest of the name (``Kuisong``, ``Qiang``); empty when there is no family name."""
    family_first: bool
    """True when the name is written family name first."""

    @property
    def inverted(self) -> str:
        """The form reference managers read unambiguously: ``Yang, Kuisong``; else the name."""
        if self.family is None or not self.given:
            return self.name
        return f"{self.family}, {self.given}"

    def csl(self) -> dict[str, str]:
        """A CSL-JSON name: ``family``/``given``, or ``literal`` without a family name."""
        if self.family is None:
            return {"literal": self.name}
        if not self.given:
            return {"family": self.family}
        return {"family": self.family, "given": self.given}

    @property
    def sort_key(self) -> str:
        """What an index files the name under: family name, then given name."""
        if self.family is None:
            return self.name
        return f"{self.family} {self.given}".strip()


def family_error(name: str, family: str) -> str | None:
    """Why ``family`` cannot be the family name of ``name`` (None if it can).

    The family name must be the first word(s) or the last word(s) of the name as written.
    """
    words, parts = name.split(), family.split()
    if not parts:
        return "family name is empty (write ~ for a name without a family name)"
    if len(parts) >= len(words) and words != parts:
        return f"family name {family!r} is not part of the name {name!r}"
    if words[: len(parts)] == parts or words[-len(parts) :] == parts:
        return None
    return (
        f"family name {family!r} is neither the first nor the last word(s) of {name!r}; "
        "write it exactly as in the name"
    )


def split_name(name: str, family: str | None) -> NameParts:
    """A name split by its curated family name (checked with :func:`family_error` on load)."""
    if family is None:
        return NameParts(name, None, "", False)
    words, parts = name.split(), family.split()
    if words == parts:
        return NameParts(name, family, "", False)
    if words[: len(parts)] == parts:
        return NameParts(name, family, " ".join(words[len(parts) :]), True)
    return NameParts(name, family, " ".join(words[: len(words) - len(parts)]), False)


def western(name: str) -> NameParts:
    """A name with no curated order, read in Western order: the last word is the family name."""
    words = name.split()
    if len(words) < 2:
        return NameParts(name, None, "", False)
    return split_name(name, words[-1])
