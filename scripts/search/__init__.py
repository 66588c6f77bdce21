"""Search that finds passages: a static, sharded index built from the model, and its client.

- :mod:`scripts.search.passages`: the passages (paragraphs, headings, notes, index entries);
- :mod:`scripts.search.tokens`: folding and words, shared with the persons index's fold;
- :mod:`scripts.search.index`: the index files under ``search/``, loaded lazily by the browser;
- ``search.js`` and ``search.css`` (beside this file): the reader's side, served from
  ``assets/``; it drives the header search box (``overrides/partials/search.html``);
- :mod:`scripts.search.bench`: bytes, time and size measured for ``make bench``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scripts.pages import DataFile
from scripts.search.index import write
from scripts.search.passages import collect
from scripts.sources import Source

HERE = Path(__file__).parent
ASSETS = {
    "search.js": "assets/javascripts/search.js",
    "search.css": "assets/stylesheets/search.css",
}
"""The reader's side, beside this file, and where the site serves it."""


def build(sources: Sequence[Source], data: Sequence[DataFile]) -> list[DataFile]:
    """The search index of ``sources`` and the published index data, and the client script."""
    found = collect(sources, data)
    titles = {source.meta.slug: source.meta.short_title for source in sources}
    files = write(found, titles)
    for name, path in ASSETS.items():
        files.append(DataFile(path, (HERE / name).read_text(encoding="utf-8")))
    return files

