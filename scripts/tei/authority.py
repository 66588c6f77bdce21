"""Authority data in each TEI file: ``listPerson`` and ``listBibl`` in ``standOff``.

They are taken from the edition's published data (``data/persons.json``, ``data/works.json``),
limited to the persons and works this source mentions, so the TEI file stands on its own and
agrees with the index pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

from scripts.tei.inline import person_id, work_id
from scripts.tei.xml import element, sub

ROLE_ATTRIBUTE = "role"


def _person(parent: etree._Element, record: Mapping[str, Any]) -> None:
    person = sub(parent, "person", xml_id=person_id(str(record["id"])), role=str(record.get("category") or "person"))
    sub(person, "persName", str(record["name"]), type="preferred")
    for variant in record.get("variants") or []:
        sub(person, "persName", str(variant), type="variant")
    if record.get("born"):
        sub(person, "birth", str(record["born"]), when=str(record["born"]))
    if record.get("died"):
        sub(person, "death", str(record["died"]), when=str(record["died"]))
    if record.get("role"):
        sub(person, "occupation", str(record["role"]))
    if record.get("uri"):
        sub(person, "idno", str(record["uri"]), type="URI")


def _work(parent: etree._Element, record: Mapping[str, Any]) -> None:
    bibl = sub(parent, "bibl", xml_id=work_id("#" + str(record["id"])), type=str(record.get("kind") or "work"))
    for name in record.get("authors") or []:
        sub(bibl, "author", str(name))
    for name in record.get("editors") or []:
        sub(bibl, "editor", str(name))
    sub(bibl, "title", str(record.get("title") or ""))
    if record.get("container"):
        sub(bibl, "title", str(record["container"]), level="m")
    if record.get("place"):
        sub(bibl, "pubPlace", str(record["place"]))
    if record.get("publisher"):
        sub(bibl, "publisher", str(record["publisher"]))
    if record.get("year"):
        sub(bibl, "date", str(record["year"]))
    if record.get("citation"):
        sub(bibl, "note", str(record["citation"]), type="citation")


def write_standoff(persons: Iterable[str], works: Iterable[str], data: Mapping[str, str]) -> etree._Element | None:
    """``standOff`` with the persons and works (by id) this source mentions, or None if none."""
    wanted_persons = set(persons)
    wanted_works = set(works)
    standoff = element("standOff")
    if wanted_persons and "data/persons.json" in data:
        records = [r for r in json.loads(data["data/persons.json"]) if person_id(str(r["id"])) in wanted_persons]
        if records:
            lst = sub(standoff, "listPerson")
            for record in sorted(records, key=lambda r: str(r["id"])):
                _person(lst, record)
    if wanted_works and "data/works.json" in data:
        records = [r for r in json.loads(data["data/works.json"]) if work_id("#" + str(r["id"])) in wanted_works]
        if records:
            lst = sub(standoff, "listBibl")
            for record in sorted(records, key=lambda r: str(r["id"])):
                _work(lst, record)
    return standoff if len(standoff) else None
