"""Small hand-built documents and authorities for the person tests."""

from __future__ import annotations

from scripts.annotate.persons_schema import Authority, Person
from scripts.assemble import assemble
from scripts.model import Document, Inline, Note, Paragraph, Text


def person(
    pid: str,
    name: str,
    *,
    variants: tuple[str, ...] = (),
    short: tuple[str, ...] = (),
    category: str = "actor",
    born: str | None = None,
    died: str | None = None,
    family: str | None = "",
) -> Person:
    """A person record with a placeholder role."""
    return Person.model_validate(
        {
            "id": pid,
            "name": name,
            # Default: the last word (Western order), as most test names are written.
            "family": name.split()[-1] if family == "" else family,
            "variants": variants,
            "short": short,
            "role": f"role of {name}",
            "category": category,
            "born": born,
            "died": died,
        }
    )


def authority(*persons: Person) -> Authority:
    """An authority of the given persons."""
    return Authority(tuple(persons), "persons.yml")


def document(*paragraphs: str | tuple[Inline, ...], notes: tuple[str, ...] = ()) -> Document:
    """A numbered document: each paragraph a string or a run of inlines; notes keyed 1, 2…"""
    body = tuple(
        Paragraph((Text(p),) if isinstance(p, str) else p, line=i + 1)
        for i, p in enumerate(paragraphs)
    )
    note_records = tuple(
        Note(str(i + 1), str(i + 1), (Text(text),), line=100 + i) for i, text in enumerate(notes)
    )
    return assemble(Document(front=(), body=body, notes=note_records))
