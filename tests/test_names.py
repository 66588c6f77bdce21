"""Names as their bearers write them: family names from the curated data, in every record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import citation, citation_formats
from scripts.errors import EditionError
from scripts.meta import SourceMeta, load_meta
from scripts.names import family_error, split_name, western
from tests.conftest import ROOT


def _meta(slug: str) -> SourceMeta:
    return load_meta(ROOT / "sources" / slug / "meta.yml", display=f"sources/{slug}/meta.yml")


def test_family_first_name_is_inverted_with_a_comma() -> None:
    parts = split_name("Yang Kuisong", "Yang")
    assert (parts.family, parts.given, parts.family_first) == ("Yang", "Kuisong", True)
    assert parts.inverted == "Yang, Kuisong"
    assert parts.csl() == {"family": "Yang", "given": "Kuisong"}


def test_western_order_name_is_inverted_by_its_last_word() -> None:
    assert split_name("Lien-Hang T. Nguyen", "Nguyen").inverted == "Nguyen, Lien-Hang T."
    assert western("Qiang Zhai").csl() == {"family": "Zhai", "given": "Qiang"}


def test_name_without_family_name_is_a_literal() -> None:
    assert split_name("U Nu", None).csl() == {"literal": "U Nu"}
    assert split_name("U Nu", None).inverted == "U Nu"


@pytest.mark.parametrize(
    ("name", "family"),
    [("Zhou Enlai", "Zhou Enlai Chen"), ("Zhou Enlai", "Zhou En"), ("A B C", "B")],
)
def test_family_name_must_be_first_or_last_words(name: str, family: str) -> None:
    assert family_error(name, family)


def test_working_paper_records_give_yang_and_zhai_as_family_names() -> None:
    meta = _meta("mao-indochina-war")
    bib = citation_formats.bibtex(meta, "https://x/")
    assert "author = {Yang, Kuisong}" in bib and "translator = {Zhai, Qiang}" in bib
    ris = citation_formats.ris(meta, "https://x/")
    assert "AU  - Yang, Kuisong" in ris.splitlines() and "A4  - Zhai, Qiang" in ris.splitlines()
    assert ("citation_author", "Yang, Kuisong") in citation_formats.highwire(meta, "https://x/")
    (item,) = citation_formats.csl(meta, "https://x/")
    assert item["author"] == [{"family": "Yang", "given": "Kuisong"}]
    assert item["translator"] == [{"family": "Zhai", "given": "Qiang"}]


def test_chapter_editors_in_western_order_keep_it() -> None:
    (item,) = citation_formats.csl(_meta("third-indochina-war"), "https://x/")
    assert item["editor"][0] == {"family": "Nguyen", "given": "Lien-Hang T."}


def test_issuing_office_is_one_braced_name_in_bibtex() -> None:
    meta = _meta("esau-17").model_copy(
        update={"authors": [a for a in _meta("esau-17").authors if a.role == "issuing office"]}
    )
    bib = citation_formats.bibtex(meta, "https://x/")
    assert "author = {{Sino-Soviet Studies Group, Office" in bib


def test_person_contributor_without_family_name_is_refused_at_its_line(tmp_path: Path) -> None:
    text = (ROOT / "sources" / "mao-indochina-war" / "meta.yml").read_text(encoding="utf-8")
    path = tmp_path / "meta.yml"
    path.write_text(text.replace("    family: Zhai\n", ""), encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        load_meta(path, display="meta.yml")
    assert caught.value.line == text.splitlines().index("  - name: Qiang Zhai") + 1
    assert "family" in caught.value.message


def test_supplied_author_is_bracketed_in_the_citation_and_noted_in_the_records() -> None:
    meta = _meta("third-indochina-war")
    assert citation.author_line(meta) == "[Ang Cheng Guan]"
    assert citation.bibliography(meta).startswith("[Ang Cheng Guan]. ")
    note = citation.paragraph_note(meta, paragraph=3, page=None, url="u", accessed="today")
    assert note.startswith("[Ang Cheng Guan], ")
    bib = citation_formats.bibtex(meta, "https://x/")
    assert "author = {Ang, Cheng Guan}" in bib and "note = {Author supplied by the edition" in bib
    ris = citation_formats.ris(meta, "https://x/").splitlines()
    assert "AU  - Ang, Cheng Guan" in ris
    assert any(line.startswith("N1  - Author supplied by the edition") for line in ris)
    (item,) = citation_formats.csl(meta, "https://x/")
    assert item["note"].startswith("Author supplied by the edition")


def test_printed_author_has_no_supplied_note() -> None:
    meta = _meta("mao-indochina-war")
    assert citation.supplied_note(meta) is None
    assert "N1  -" not in citation_formats.ris(meta, "https://x/")


def test_works_cited_csl_gives_zhou_enlai_the_family_name_zhou() -> None:
    from scripts.indexes import works
    from scripts.sources import load_sources

    contribution = works.build(load_sources(ROOT))
    data = {d.path: d.content for d in contribution.data}
    names = [a for item in json.loads(data["data/works.csl.json"]) for a in item.get("author", [])]
    assert {"family": "Zhou", "given": "Enlai"} in names
    assert {"family": "Enlai", "given": "Zhou"} not in names


def test_person_index_sorts_by_family_name() -> None:
    from scripts.annotate.persons_schema import load_authority
    from scripts.indexes.persons_pages import sort_key

    persons = load_authority(ROOT / "sources" / "persons.yml").persons
    ordered = [p.id for p in sorted(persons, key=sort_key)]
    # Henry Kissinger files under K, after Kim Il Sung (family Kim) and before Kong Le.
    assert (
        ordered.index("kim-il-sung") < ordered.index("henry-kissinger") < ordered.index("kong-le")
    )
    # Zhou Enlai under Z, Qiang Zhai under Z too (Zhai before Zhou).
    assert ordered.index("qiang-zhai") < ordered.index("zhou-enlai")
