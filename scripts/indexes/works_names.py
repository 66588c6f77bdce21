"""Which cited names are printed family name first: ``sources/works-names.yml``, validated.

Works cited files a name under its last word unless this curated list, or the family name a
person of ``sources/persons.yml`` is given, says the name is printed family name first. A malformed file stops the build with its
file and line.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from scripts.annotate.citation_resolve import fold
from scripts.annotate.persons_schema import load_authority
from scripts.errors import EditionError
from scripts.yamlfile import load_yaml, validate

ROOT = Path(__file__).resolve().parent.parent.parent
NAMES_FILE = ROOT / "sources" / "works-names.yml"
PERSONS_FILE = ROOT / "sources" / "persons.yml"


class NameOrder(BaseModel):
    """The schema of ``sources/works-names.yml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    family_first: list[str] = Field(
        min_length=1,
        description="Names as the notes print them, family name first (Lee Kuan Yew).",
    )


def load_family_first(path: Path = NAMES_FILE, *, display: str | None = None) -> frozenset[str]:
    """The folded names printed family name first; empty if the file does not exist."""
    if not path.exists():
        return frozenset()
    shown = display or (str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path))
    data, lines = load_yaml(path, display=shown)
    if data is None:
        raise EditionError(shown, 1, "empty file: expected 'family_first:' and a list of names")
    order = validate(NameOrder, data, lines, path=shown)
    return frozenset(fold(name).strip() for name in order.family_first)


def persons_family_first(path: Path = PERSONS_FILE) -> frozenset[str]:
    """The folded full forms of every person whose curated family name comes first.

    ``sources/persons.yml`` gives every person's family name; a note citing ``Zhou Enlai``
    is then filed under Zhou without listing him again in ``works-names.yml``.
    """
    if not path.exists():
        return frozenset()
    shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    authority = load_authority(path, display=shown)
    return frozenset(
        fold(form).strip()
        for person in authority.persons
        if person.parts.family_first
        for form in person.full_forms
    )


def family_first_names() -> frozenset[str]:
    """Every name the edition files family name first: ``works-names.yml`` and persons."""
    return load_family_first() | persons_family_first()
