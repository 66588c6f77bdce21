"""The person index: spans on the reading pages, person pages and data exports.

``build(sources)`` loads ``sources/persons.yml``, finds every mention
(:mod:`scripts.annotate.persons`) and returns a :class:`~scripts.pages.Contribution`:

* spans ``(slug, location) -> Span(kind="person", href="persons/<id>/")`` for every mention,
  in body, headings and notes alike;
* pages ``persons/index.md`` and ``persons/<id>.md``;
* ``data/persons.json`` and ``data/persons.csv`` (body mentions only, one entry per mention);
* an editorial section per source (counts and the false friends set aside) and a home line.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scripts.annotate import Span, runs
from scripts.annotate.fold import fold
from scripts.annotate.persons import Found, Mention, body_counts, find_mentions, tooltip
from scripts.annotate.persons_schema import Authority, Person, load_authority
from scripts.indexes.persons_pages import (
    SourceInfo,
    index_page,
    other_forms,
    person_pages,
    sort_key,
)
from scripts.model import printed_text
from scripts.pages import Contribution, DataFile, Link, Page
from scripts.render.escape import md_inline
from scripts.sources import Source

AUTHORITY = Path(__file__).resolve().parents[2] / "sources" / "persons.yml"
"""The authority file of the project."""
COMPANIONS = 8
"""How many persons named in the same paragraphs a person page lists."""


def _spans(found: Found, persons: dict[str, Person]) -> dict[tuple[str, str], tuple[Span, ...]]:
    grouped: dict[tuple[str, str], list[Span]] = {}
    for m in found.mentions:
        span = Span(m.start, m.end, "person", tooltip(persons[m.person]), f"persons/{m.person}/")
        grouped.setdefault((m.source, m.location), []).append(span)
    return {
        key: tuple(sorted(spans, key=lambda s: s.start)) for key, spans in sorted(grouped.items())
    }


def companions(found: Found, persons: dict[str, Person]) -> dict[str, list[tuple[Person, int]]]:
    """For each person, the persons most often named in the same body paragraphs."""
    together: dict[str, Counter[str]] = {pid: Counter() for pid in persons}
    paragraphs: dict[tuple[str, str], set[str]] = {}
    for m in found.mentions:
        if not m.in_note and m.paragraph is not None:
            paragraphs.setdefault((m.source, m.location), set()).add(m.person)
    for named in paragraphs.values():
        for pid in named:
            together[pid].update(named - {pid})
    return {
        pid: [
            (persons[other], n)
            for other, n in sorted(
                counter.items(), key=lambda kv: (-kv[1], sort_key(persons[kv[0]]))
            )
        ][:COMPANIONS]
        for pid, counter in together.items()
    }


def _data(authority: Authority, found: Found, order: list[str]) -> tuple[DataFile, DataFile]:
    rank = {slug: index for index, slug in enumerate(order)}
    by_person: dict[str, list[Mention]] = {}
    for mention in found.mentions:
        by_person.setdefault(mention.person, []).append(mention)
    records: list[dict[str, Any]] = []
    for person in sorted(authority.persons, key=sort_key):
        mine = sorted(
            by_person.get(person.id, ()),
            key=lambda m: (rank[m.source], m.paragraph or 0, m.location, m.start),
        )
        records.append(
            {
                "id": person.id,
                "name": person.name,
                "variants": other_forms(person),
                "role": person.role,
                "born": person.born,
                "died": person.died,
                "category": person.category,
                "uri": person.uri,
                "mentions": [
                    {"source": m.source, "anchor": m.location, "paragraph": m.paragraph}
                    for m in mine
                    if not m.in_note and m.paragraph is not None
                ],
                "note_mentions": [
                    {"source": m.source, "note": m.location[3:]} for m in mine if m.in_note
                ],
            }
        )
    text = json.dumps(records, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "id",
            "name",
            "variants",
            "role",
            "born",
            "died",
            "category",
            "uri",
            "body_mentions",
            "mentions",
        ]
    )
    for record in records:
        writer.writerow(
            [
                record["id"],
                record["name"],
                " | ".join(record["variants"]),
                record["role"],
                record["born"] or "",
                record["died"] or "",
                record["category"],
                record["uri"] or "",
                len(record["mentions"]),
                " ".join(f"{m['source']}#{m['anchor']}" for m in record["mentions"]),
            ]
        )
    return DataFile("data/persons.json", text), DataFile("data/persons.csv", buffer.getvalue())


def _editorial(slug: str, found: Found, persons: dict[str, Person]) -> str:
    body = [m for m in found.mentions if m.source == slug and not m.in_note and m.paragraph]
    notes = [m for m in found.mentions if m.source == slug and m.in_note]
    named = {m.person for m in body}
    actors = sum(persons[p].category == "actor" for p in named)
    lines = [
        "### Persons\n\n",
        f"The body names {len(named)} persons of the [person index](../../persons/index.md) "
        f"({actors} historical actors, {len(named) - actors} scholars or authors) in "
        f"{len(body)} mentions; the notes add {len(notes)} mentions, listed apart on the "
        "person pages. Names are found in any spelling the authority file records, with or "
        "without diacritics; a surname alone counts only where it is unambiguous in this "
        "source.\n\n",
    ]
    alone = Counter(
        (m.text, persons[m.person].name)
        for m in body
        if fold(m.text) in {fold(form) for form in persons[m.person].short}
    )
    if alone:
        used = ", ".join(
            f"*{md_inline(text)}* ({md_inline(name)}, {count})"
            for (text, name), count in sorted(alone.items(), key=lambda kv: (fold(kv[0][0]), kv[0]))
        )
        lines.append(f"Names used alone and counted in this source: {used}.\n\n")
    unclear = [form for source, form in found.ambiguous if source == slug]
    if unclear:
        forms = ", ".join(f"*{md_inline(form)}*" for form in unclear)
        lines.append(
            f"Forms that could mean several persons in this source, so never counted alone: {forms}.\n\n"
        )
    friends = Counter(
        (f.text, f.rule, persons[f.person].name) for f in found.false_friends if f.source == slug
    )
    if friends:
        lines.append("Matches set aside as not naming the person:\n\n")
        for (text, rule, name), count in sorted(friends.items()):
            why = (
                "a place or doctrine named after"
                if rule == "named-after"
                else "the subject, in a title, of"
            )
            lines.append(f"- “{md_inline(text)}” ×{count}: {why} {md_inline(name)}\n")
        lines.append("\n")
    return "".join(lines)


def build(sources: Sequence[Source], *, authority_path: Path | None = None) -> Contribution:
    """The person index's contribution to the site."""
    path = authority_path or AUTHORITY
    authority = load_authority(path, display="sources/persons.yml")
    persons = authority.by_id()
    found = find_mentions([(s.meta.slug, s.document) for s in sources], authority)
    counts = body_counts(found)
    infos = [
        SourceInfo(
            s.meta.slug,
            s.meta.short_title,
            {loc: printed_text(inl) for loc, inl in runs(s.document)},
        )
        for s in sources
    ]
    mentioned: dict[str, list[Mention]] = {}
    for m in found.mentions:
        mentioned.setdefault(m.person, []).append(m)
    near = companions(found, persons)
    in_notes = {m.person for m in found.mentions if m.in_note or m.paragraph is None}
    pages: list[Page] = [index_page(authority.persons, counts, infos, in_notes)]
    for person in sorted(authority.persons, key=sort_key):
        pages += person_pages(person, mentioned.get(person.id, []), infos, near[person.id])
    total = sum(counts.values())
    home = (
        f"The [index of persons](persons/index.md) lists {len(authority.persons)} persons "
        f"with every one of their {total} mentions in the texts, whatever the spelling.\n"
    )
    slugs = [s.meta.slug for s in sources]
    return Contribution(
        pages=tuple(pages),
        data=_data(authority, found, slugs),
        spans=_spans(found, persons),
        editorial={slug: _editorial(slug, found, persons) for slug in slugs},
        source_links={slug: (Link("Persons named", "persons/index.md"),) for slug in slugs},
        home=home,
    )
