"""The search index: words, passages, the shard files and the manifest that points into them."""

from __future__ import annotations

import bisect
import json

import pytest

from scripts.model import Document, Heading, Note, Paragraph, Text
from scripts.pages import DataFile
from scripts.search import ASSETS, HERE
from scripts.search.index import encode_postings, group_ranges, write
from scripts.search.passages import INDEX_GROUP, Kind, Passage, collect
from scripts.search.tokens import fold_table, keys, tokens
from tests.factories import source_of


def _run(*words: str) -> tuple[Text, ...]:
    return (Text(" ".join(words)),)


def _document() -> Document:
    return Document(
        front=(Paragraph(_run("Preface by the editors"), 1, n=None),),
        body=(
            Heading(1, _run("The Geneva Conference"), 2, anchor="the-geneva-conference"),
            Paragraph(_run("Phạm Văn Đồng went to Geneva."), 3, n=1),
            Paragraph(_run("Lê Duẩn stayed in Hanoi."), 4, n=2),
        ),
        notes=(Note("17", "17", _run("Interview with Le Duan, 1979."), 5),),
    )


def _script_data(file: DataFile) -> object:
    return json.loads(file.content[file.content.index(",") + 1 : file.content.rindex(")")])


def test_words_are_folded_like_names_so_d_with_stroke_and_tones_disappear() -> None:
    assert tokens("Phạm Văn Đồng, LÊ DUẨN") == ["pham", "van", "dong", "le", "duan"]


def test_words_split_at_punctuation_and_fold_cyrillic_look_alikes() -> None:
    assert tokens("Vӑn Sino-Soviet Mao’s “line” 1954–1975") == [
        "van", "sino", "soviet", "mao", "s", "line", "1954", "1975",
    ]  # fmt: skip


def test_keys_are_the_words_and_each_pair_of_adjacent_words() -> None:
    assert keys(["le", "duan", "met"]) == {"le", "duan", "met", "le duan", "duan met"}


def test_postings_are_base36_gaps() -> None:
    assert encode_postings([3, 4, 40, 1335, 2631]) == "3,1,10,zz,100"


def test_passages_link_to_their_paragraph_heading_and_note() -> None:
    found = collect([source_of("cia", _document())], [])
    assert [(p.kind, p.href, p.label) for p in found] == [
        (Kind.PARAGRAPH, "sources/cia/", "Front matter"),
        (Kind.HEADING, "sources/cia/#the-geneva-conference", "Heading"),
        (Kind.PARAGRAPH, "sources/cia/#p1", "¶ 1"),
        (Kind.PARAGRAPH, "sources/cia/#p2", "¶ 2"),
        (Kind.NOTE, "sources/cia/#fn:17", "Note 17"),
    ]


def test_index_entries_come_from_the_published_data_files() -> None:
    persons = [{"id": "le-duan", "name": "Lê Duẩn", "variants": ["Le Duan"], "role": "secretary"}]
    works = [{"id": "w-x", "citation": "Ang, Ending the Vietnam War (2004)."}]
    glossary = {"terms": [{"term": "DRV", "anchor": "drv", "expansion": "Democratic Republic"}]}
    data = [
        DataFile("data/persons.json", json.dumps(persons)),
        DataFile("data/works.json", json.dumps(works)),
        DataFile("data/glossary.json", json.dumps(glossary)),
    ]
    found = collect([], data)
    assert [(p.group, p.href, p.text) for p in found] == [
        (INDEX_GROUP, "persons/le-duan/", "Lê Duẩn; Le Duan — secretary"),
        (INDEX_GROUP, "works-cited/#w-x", "Ang, Ending the Vietnam War (2004)."),
        (INDEX_GROUP, "glossary/#drv", "DRV — Democratic Republic"),
    ]


def test_every_key_is_in_the_shard_the_manifest_points_to() -> None:
    found = collect([source_of("cia", _document())], [])
    files = {f.path: f for f in write(found, {"cia": "CIA"})}
    manifest = _script_data(files["search/manifest.js"])
    assert isinstance(manifest, dict)
    firsts = [k.encode("utf-16-be") for k in manifest["shards"]]
    seen = 0
    for number in range(len(firsts)):
        shard = _script_data(files[f"search/k/{number}.js"])
        assert isinstance(shard, dict)
        for key in shard:
            assert bisect.bisect_right(firsts, key.encode("utf-16-be")) - 1 == number, key
            seen += 1
    every = set().union(*(keys(tokens(p.text)) for p in found))
    assert seen == len(every)


def test_the_manifest_tells_each_passage_s_group_and_kind_and_folds_as_the_build() -> None:
    found = collect([source_of("cia", _document())], [])
    manifest = _script_data(write(found, {"cia": "CIA"})[0])
    assert isinstance(manifest, dict)
    assert manifest["groups"] == [["cia", "CIA", 0, 4], [INDEX_GROUP, "Indexes", 5, 5]]
    assert manifest["count"] == 5
    assert manifest["fold"]["Đ"] == "d" and manifest["fold"]["ẩ"] == "a"


def test_the_same_passages_give_the_same_bytes() -> None:
    found = collect([source_of("cia", _document())], [])
    assert write(found, {"cia": "CIA"}) == write(list(found), {"cia": "CIA"})


def test_passages_out_of_group_order_are_refused() -> None:
    note = Passage(Kind.NOTE, "cia", "sources/cia/#fn:1", "Note 1", "a note")
    text = Passage(Kind.PARAGRAPH, "cia", "sources/cia/#p1", "¶ 1", "a paragraph")
    with pytest.raises(ValueError, match="text after the notes"):
        group_ranges([note, text], ["cia", INDEX_GROUP])
    with pytest.raises(ValueError, match="out of its group's order"):
        group_ranges([text], ["other", INDEX_GROUP])


def test_fold_table_lists_the_corpus_letters_that_change_and_the_special_folds() -> None:
    table = fold_table(["Đồng plain ж"])
    assert table["Đ"] == "d" and table["ồ"] == "o" and "ж" not in table
    assert table["đ"] == "d" and table["ł"] == "l" and table["\u0430"] == "a"  # Cyrillic а
    assert "é" not in table  # the browser's own decomposition gives "e"


def test_the_reader_side_inserts_source_text_as_text_never_as_markup() -> None:
    client = (HERE / "search.js").read_text(encoding="utf-8")
    assert "innerHTML" not in client and "insertAdjacentHTML" not in client
    assert set(ASSETS) == {"search.js", "search.css"}
