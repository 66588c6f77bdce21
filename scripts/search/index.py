"""The search index as static script files, loaded by the browser only when a reader searches.

Layout under ``search/`` (every file a script calling ``editionSearch(name, data)``, so it
loads with a ``<script>`` tag from a web server and from ``file://`` alike):

- ``manifest.js``: the sources (slug, short title), the first key of every key shard, the
  number of passages per text chunk, and the fold table for queries;
- ``k/<n>.js``: key shards. Keys are folded words and pairs of adjacent words (``le duan``),
  sorted; each shard holds a run of them up to about :data:`SHARD_WEIGHT`, so a query loads
  only the shards of its own words. A key's postings are the ids of the passages that contain
  it, ascending, as base-36 gaps joined by commas;
- ``p/<n>.js``: the passages themselves, :data:`CHUNK` per file, in reading order:
  ``[kind, group, href, label, text]``, fetched only for the results shown.

Everything is written in sorted order with fixed separators: the same passages give the same
bytes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence

from scripts.pages import DataFile
from scripts.search.passages import INDEX_GROUP, Kind, Passage
from scripts.search.tokens import fold_table, keys, tokens

SHARD_WEIGHT = 12_000
"""Target weight of a key shard: the bytes of its keys plus a quarter of its postings' bytes,
which compress about four times better than the keys (one very common key may exceed it)."""
CHUNK = 32
"""Passages per text chunk."""
FORMAT = 1
"""Version of the file layout, checked by the browser."""


def _script(name: str, data: object) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"editionSearch({json.dumps(name)},{body});\n"


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_SMALL: list[str] = [a + b for a in ["", *_DIGITS[1:]] for b in _DIGITS]  # 0 .. 36**2 - 1


def _base36(number: int) -> str:
    if number < len(_SMALL):
        return _SMALL[number]
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = _DIGITS[rest] + out
    return out


def encode_postings(ids: Sequence[int]) -> str:
    """Ascending passage ids as base-36 gaps (``[3, 4, 40]`` → ``3,1,10``)."""
    gaps = [b - a for a, b in zip((0, *ids), ids, strict=False)]
    return ",".join([_base36(gap) for gap in gaps])


def _utf16(key: str) -> bytes:
    return key.encode("utf-16-be")  # the order of JavaScript's string comparison


def postings(passages: Sequence[Passage]) -> dict[str, list[int]]:
    """Every key and the ascending ids of the passages that contain it."""
    found: dict[str, list[int]] = defaultdict(list)
    for number, passage in enumerate(passages):
        for key in keys(tokens(passage.text)):
            found[key].append(number)
    return found


def shard(entries: dict[str, str]) -> list[dict[str, str]]:
    """Cut the sorted keys into runs of about :data:`SHARD_WEIGHT`."""
    shards: list[dict[str, str]] = [{}]
    weight = 0
    for key in sorted(entries, key=_utf16):
        if weight >= SHARD_WEIGHT:
            shards.append({})
            weight = 0
        shards[-1][key] = entries[key]
        weight += len(key) + 6 + len(entries[key]) // 4
    return shards


def group_ranges(passages: Sequence[Passage], groups: Sequence[str]) -> list[tuple[int, int]]:
    """For each group, where its passages begin and where its notes begin (its end if none).

    The browser tells a passage's group and kind from these numbers alone, so a query needs
    no text chunk to be ranked, grouped or filtered. The passages must come group by group in
    the order of ``groups``, each group's reading text before its notes.
    """
    ranges: list[tuple[int, int]] = []
    position = 0
    for group in groups:
        start = position
        while position < len(passages) and passages[position].group == group:
            if passages[position].kind is not Kind.NOTE:
                position += 1
                continue
            break
        notes = position
        while position < len(passages) and passages[position].group == group:
            if passages[position].kind is not Kind.NOTE:
                raise ValueError(f"search passages of {group}: text after the notes")
            position += 1
        ranges.append((start, notes))
    if position != len(passages):
        raise ValueError(f"search passage {position} is out of its group's order")
    return ranges


def write(
    passages: Sequence[Passage], titles: dict[str, str], base: str = "search"
) -> list[DataFile]:
    """The files of the search index for ``passages``; ``titles`` maps each slug to its short title."""
    groups = [*titles, INDEX_GROUP]
    entries = {key: encode_postings(ids) for key, ids in postings(passages).items()}
    shards = shard(entries)
    files: list[DataFile] = []
    for number, run in enumerate(shards):
        files.append(DataFile(f"{base}/k/{number}.js", _script(f"k/{number}", run)))
    for start in range(0, len(passages), CHUNK):
        rows = [[p.href, p.label, p.text] for p in passages[start : start + CHUNK]]
        number = start // CHUNK
        files.append(DataFile(f"{base}/p/{number}.js", _script(f"p/{number}", rows)))
    manifest = {
        "format": FORMAT,
        "groups": [
            [slug, titles.get(slug, "Indexes"), start, notes]
            for slug, (start, notes) in zip(groups, group_ranges(passages, groups), strict=True)
        ],
        "shards": [next(iter(run), "") for run in shards],
        "chunk": CHUNK,
        "count": len(passages),
        "fold": fold_table(p.text for p in passages),
    }
    files.insert(0, DataFile(f"{base}/manifest.js", _script("manifest", manifest)))
    return files
