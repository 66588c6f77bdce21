"""The site builder: sources in, generated pages and data files out.

Steps, in order (the one place the order is written down):

1. load and normalise every source (:func:`scripts.sources.load_sources`; each passes the
   conservation check on the way);
2. verify each source against its committed anchor manifest (:mod:`scripts.manifest`) and
   the set of published sources (:mod:`scripts.published`; retired sources get redirects);
3. build every index (:data:`INDEXES`): each returns a :class:`~scripts.pages.Contribution`
   with its pages, data files, spans for the reading texts and editorial sections;
4. render the reading, editorial and witness pages of each source with those spans (and
   write its raw witness and citation files), the home page, and the data page listing every
   data file (:mod:`scripts.datafiles`).
5. write the search index of every passage and index entry (:mod:`scripts.search`;
   its files serve the search box and are not listed on the data page).

On a large edition the indexes of step 3 are built side by side in forked workers, and the
search index and the TEI files (which need only the indexes) are written in workers while the
pages of step 4 are rendered (:func:`_beside`); the output does not depend on it.

MkDocs calls :func:`build` from its hook; the command line calls it for checks.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable, MutableMapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from scripts import citation_formats, manifest, published, search
from scripts.annotate import Span
from scripts.datafiles import render_data_page
from scripts.indexes import glossary, persons, timeline, works
from scripts.pages import Contribution, DataFile, Link, Page
from scripts.render.editorial import render_editorial
from scripts.render.home import render_home
from scripts.render.source_page import render_source, source_url
from scripts.render.witness import render_witness, witness_file
from scripts.rules_catalogue import catalogue
from scripts.sources import Source, load_sources, worker_count
from scripts.tei import tei_file

Index = Callable[[Sequence[Source]], Contribution]

INDEXES: list[Index] = [persons.build, timeline.build, works.build, glossary.build]
"""Every index of the edition, in the order their home-page fragments appear."""

PARALLEL_INDEXES_FROM = 2**20
"""Characters of raw text from which the indexes are built in worker processes: below it
they take about a second together, less than a pool's start and what :mod:`scripts.memo`
spares a rebuild of ``mkdocs serve``."""

def _index_workers(sources: Sequence[Source]) -> int:
    large = sum(len(source.raw) for source in sources) >= PARALLEL_INDEXES_FROM
    return worker_count(len(INDEXES), large)


_TASKS: Sequence[Callable[[], object]] = ()
"""The jobs of :func:`_beside`, for its forked workers."""


def _run_task(number: int) -> object:
    return _TASKS[number]()


class _Beside:
    """Jobs started in forked workers (or run at once when ``workers`` < 2); :meth:`result`
    returns each job's result, in the order the jobs were given."""

    def __init__(self, tasks: Sequence[Callable[[], object]], workers: int) -> None:
        global _TASKS
        self._pool: ProcessPoolExecutor | None = None
        if workers < 2:
            self._done = [task() for task in tasks]
            return
        _TASKS = tasks
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(min(workers, len(tasks)), mp_context=context)
        self._futures = [self._pool.submit(_run_task, n) for n in range(len(tasks))]

    def result(self, number: int) -> object:
        if self._pool is None:
            return self._done[number]
        return self._futures[number].result()

    def close(self) -> None:
        global _TASKS
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        _TASKS = ()


def build_indexes(sources: Sequence[Source], workers: int | None = None) -> list[Contribution]:
    """Every index's contribution, in :data:`INDEXES` order.

    Each index reads the sources alone, so on a large edition they are built side by side in
    ``workers`` forked processes (default: one per core from :data:`PARALLEL_INDEXES_FROM`
    characters of text, or ``EDITION_WORKERS``); the result does not depend on their number.
    """
    count = min(_index_workers(sources) if workers is None else workers, len(INDEXES))
    beside = _Beside([functools.partial(index, sources) for index in INDEXES], count)
    try:
        return [cast(Contribution, beside.result(n)) for n in range(len(INDEXES))]
    finally:
        beside.close()


@dataclass(frozen=True)
class SiteOutput:
    """Everything the pipeline generates for one build."""

    sources: tuple[Source, ...]
    pages: tuple[Page, ...]
    data: tuple[DataFile, ...]
    new_anchors: dict[str, list[str]]


def build(
    root: Path,
    *,
    site_url: str = "",
    cache: MutableMapping[str, object] | None = None,
    pdf: bool = True,
) -> SiteOutput:
    """Run the whole pipeline over the project at ``root``; ``site_url`` is the public base URL.

    ``pdf`` False: the pages do not link a PDF of each source (a build without PDFs).

    ``cache``, kept by the caller between builds (the MkDocs hook keeps one across the
    rebuilds of ``mkdocs serve``), spares loading again a source whose inputs did not change.
    """
    sources = load_sources(root, cache=cache)
    retired = published.load_retired(root)
    published.verify(root, {s.meta.slug for s in sources}, retired)
    new_anchors: dict[str, list[str]] = {}
    for source in sources:
        slug = source.meta.slug
        path = manifest.manifest_path(root, slug)
        new_anchors[slug] = manifest.verify(
            source.document, path, str(path.relative_to(root)), retired.anchors_of(slug)
        )
    contributions = build_indexes(sources)
    spans: dict[tuple[str, str], list[Span]] = {}
    links: dict[str, list[Link]] = {}
    editorial: dict[str, dict[str, str]] = {}
    pages: list[Page] = []
    data: list[DataFile] = []
    for number, contribution in enumerate(contributions):
        for key, found in contribution.spans.items():
            spans.setdefault(key, []).extend(found)
        for slug, found_links in contribution.source_links.items():
            links.setdefault(slug, []).extend(found_links)
        for slug, section in contribution.editorial.items():
            editorial.setdefault(slug, {})[str(number)] = section
        pages.extend(contribution.pages)
        data.extend(contribution.data)
    frozen = {key: tuple(value) for key, value in spans.items()}
    rules = catalogue()
    index_data = tuple(data)
    # The search index and the TEI files need only the indexes: on a large edition they are
    # written in workers while this process renders the pages.
    urls = [source_url(source, site_url) for source in sources]
    tasks: list[Callable[[], object]] = [
        functools.partial(search.build, sources, index_data),
        *(
            functools.partial(tei_file, s, frozen, index_data, rules, url=u, site_url=site_url)
            for s, u in zip(sources, urls, strict=True)
        ),
    ]
    beside = _Beside(tasks, _index_workers(sources))
    try:
        _render_sources(
            sources,
            frozen,
            links,
            editorial,
            urls,
            beside,
            (pages, data),
            site_url=site_url,
            pdf=pdf,
        )
        pages.append(render_home(sources, [c.home for c in contributions]))
        pages.append(render_data_page(data))
        data.extend(cast(list[DataFile], beside.result(0)))
    finally:
        beside.close()
    data.extend(published.redirects(retired))  # addresses kept alive, not data for reuse
    return SiteOutput(tuple(sources), tuple(pages), tuple(data), new_anchors)


def _render_sources(
    sources: Sequence[Source],
    frozen: dict[tuple[str, str], tuple[Span, ...]],
    links: dict[str, list[Link]],
    editorial: dict[str, dict[str, str]],
    urls: Sequence[str],
    beside: _Beside,
    out: tuple[list[Page], list[DataFile]],
    *,
    site_url: str,
    pdf: bool,
) -> None:
    """Step 4 for each source: its pages and files, appended to ``out`` (its TEI file is job
    ``1 + n`` of ``beside``)."""
    pages, data = out
    for number, (source, url) in enumerate(zip(sources, urls, strict=True)):
        slug = source.meta.slug
        pages.append(render_source(source, frozen, links.get(slug, []), site_url=site_url, pdf=pdf))
        data.append(
            DataFile(f"sources/{slug}/{slug}.bib", citation_formats.bibtex(source.meta, url))
        )
        data.append(DataFile(f"sources/{slug}/{slug}.ris", citation_formats.ris(source.meta, url)))
        data.append(
            DataFile(f"sources/{slug}/{slug}.csl.json", citation_formats.csl_text(source.meta, url))
        )
        pages.append(render_editorial(source, editorial.get(slug, {}), pdf=pdf))
        pages.append(render_witness(source))
        data.append(witness_file(source))
        data.append(cast(DataFile, beside.result(1 + number)))
