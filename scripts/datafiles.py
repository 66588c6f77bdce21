"""The catalogue of the edition's machine-readable files, and the data page that lists them.

Every data file the build writes (:class:`~scripts.pages.DataFile`) is described here once:
what it is, its format and its fields or schema. The data page (``/data/``) is generated from
the files actually written, so it can neither miss one nor list one that does not exist; a file
with no entry in :data:`KINDS` stops the build (add its entry here when adding an export). A kind
with more than :data:`FILES_LISTED` files (one per source, or per year of the timeline) links
that many and counts the rest, so that the page does not grow with the corpus.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass

from scripts.errors import EditionError
from scripts.indexes.listing import SOURCES_LISTED
from scripts.pages import DataFile, Page
from scripts.render.escape import md_inline

DATA_LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DATA_LICENCE = (
    "The edition's own data (the reading texts' markup, emendations, notes on the witnesses, "
    "the indexes, the TEI encoding and every data file the edition publishes) may be reused under the "
    f"{DATA_LICENCE_NAME} licence: cite the edition and the file. The texts of the sources "
    "themselves remain under their publishers' and authors' rights (the CIA study is a "
    "released United States government document); the raw witnesses are given so that every "
    "editorial claim can be checked, not relicensed."
)
"""The licence statement for the edition's data, printed on the data page and in the TEI."""


@dataclass(frozen=True)
class DataKind:
    """One kind of data file: which paths it covers and what a reuser must know about it."""

    pattern: str
    """Glob over the path under the site root (``sources/*/*.bib``)."""
    title: str
    """What the file is, in a few words."""
    format: str
    """Its format (``JSON``, ``CSV``, ``TEI P5 XML``…)."""
    fields: str
    """Its fields, or the schema it follows."""


KINDS: tuple[DataKind, ...] = (
    DataKind(
        "sources/*/*.xml",
        "The whole edition of one source in TEI P5",
        "TEI P5 XML (valid against TEI-All 4.3.0)",
        "`teiHeader` (publication, licence, bibliographic description and provenance of the "
        "witness, every editorial rule by id); `text` with `div`/`head`, `p n= xml:id=` as on "
        "the site, `pb`, notes at their reference points, `choice` (sic/corr, abbr/expan), "
        "`sic`, `gap reason=\"redacted\"`, `persName ref=`, `date when=`, `fw` for removed "
        "chrome; `standOff` with `listPerson` and `listBibl`.",
    ),
    DataKind(
        "sources/*/*-witness.txt",
        "The raw witness, byte for byte, as the edition received it",
        "UTF-8 text",
        "Lines as delivered; the editorial notes cite them as “raw line N” (the witness page "
        "`/sources/<slug>/witness/` anchors each as `#L<N>`).",
    ),
    DataKind(
        "sources/*/*.bib",
        "Citation of one source",
        "BibTeX",
        "One entry: type, author, title, container, publisher, year, pages, url, note.",
    ),
    DataKind(
        "sources/*/*.ris",
        "Citation of one source",
        "RIS",
        "One record: TY, AU, TI, T2, PB, PY, SP, UR and the like.",
    ),
    DataKind(
        "sources/*/*.csl.json",
        "Citation of one source, for reference managers",
        "CSL-JSON",
        "One Citation Style Language item: `id`, `type`, `author` (`family`, `given`; a "
        "supplied author carries a `note`), `title`, `container-title`, `publisher`, `issued`, "
        "`page`, `URL`, `note`.",
    ),
    DataKind(
        "data/persons.json",
        "The person index",
        "JSON (array of objects)",
        "`id`, `name`, `variants`, `role`, `born`, `died`, `category` (actor or scholar), "
        "`uri`, `mentions` (source, paragraph anchor), `note_mentions` (source, note).",
    ),
    DataKind(
        "data/persons.csv",
        "The person index, one row per person",
        "CSV (UTF-8, header row)",
        "`id`, `name`, `variants`, `role`, `born`, `died`, `category`, `uri`, "
        "`body_mentions` (count), `mentions` (source#anchor list).",
    ),
    DataKind(
        "data/timeline.json",
        "Every dated event in the reading texts",
        "JSON (array of objects)",
        "`date` (ISO 8601, to its precision), `precision`, `end`, `qualifier`, `inferred`, "
        "`date_text` (as printed), `source`, `anchor`, `paragraph`, `text` (the sentence), `event` (the id of the cross-source entry when another source tells the same event, else null).",
    ),
    DataKind(
        "data/timeline.csv",
        "Every dated event in the reading texts",
        "CSV (UTF-8, header row)",
        "The fields of `timeline.json`, one row per event.",
    ),
    DataKind(
        "timeline/*-parts.json",
        "Which page of a long year of the timeline holds each entry (a year of more statements "
        "than fit on one page continues on further pages)",
        "JSON (object)",
        "Entry id (`e-…`, as in the `#e-…` anchors of the year pages) → the page that holds "
        "it (`1954-2`); the old `/timeline/#e-…` addresses are redirected with it.",
    ),
    DataKind(
        "data/works.json",
        "The works cited by the sources",
        "JSON (array of objects)",
        "`id`, `kind`, `authors`, `editors`, `title`, `container`, `place`, `publisher`, "
        "`year`, `pages`, `citation` (as printed), `cited_in` (source, note, pages, form).",
    ),
    DataKind(
        "data/works.csl.json",
        "The works cited by the sources, for reference managers",
        "CSL-JSON",
        "Citation Style Language items (`id`, `type`, `author`, `title`, `container-title`, "
        "`publisher`, `issued`…), importable into Zotero and similar tools.",
    ),
    DataKind(
        "data/glossary.json",
        "The glossary of abbreviations",
        "JSON (object with `terms`)",
        "Per term: `term`, `anchor`, `expansion`, `expanded_in_sources`, `variants`, `note`, "
        "`total`, `sources` (slug, count, first occurrence, where it is spelled out).",
    ),
)


FILES_LISTED = SOURCES_LISTED
"""Most files of one kind the data page links by name; the others are counted, with the pattern
of their paths (an edition of hundreds of sources would otherwise list thousands of files)."""


def kind_of(path: str) -> DataKind | None:
    """The catalogue entry that describes a data file, or None."""
    return next((kind for kind in KINDS if fnmatch.fnmatchcase(path, kind.pattern)), None)


def check_described(files: Sequence[DataFile]) -> None:
    """Stop the build if a data file has no entry in the catalogue."""
    for data in files:
        if kind_of(data.path) is None:
            raise EditionError(
                "scripts/datafiles.py",
                None,
                f"data file {data.path!r} is not described in KINDS: add an entry for the data page",
            )


def render_data_page(files: Sequence[DataFile]) -> Page:
    """The Markdown of ``/data/``: every data file of the build, grouped by kind, with its fields."""
    check_described(files)
    lines = [
        "---",
        'title: "Data and downloads"',
        'description: "Every machine-readable file of the edition: TEI, JSON, CSV, CSL-JSON, '
        'BibTeX, RIS and the raw witnesses, with their fields and licence."',
        "---",
        "",
        "# Data and downloads",
        "",
        "Everything the edition knows is also published as files for reuse. They are written by "
        "the same build as the pages, so they always agree with them. Each source's files sit "
        "beside its reading page; the indexes are under `/data/`.",
        "",
        "## Licence",
        "",
        md_inline(DATA_LICENCE).replace(
            md_inline(DATA_LICENCE_NAME), f"[{md_inline(DATA_LICENCE_NAME)}]({DATA_LICENCE_URL})"
        ),
        "",
        "## Files",
        "",
    ]
    for kind in KINDS:
        paths = sorted(d.path for d in files if fnmatch.fnmatchcase(d.path, kind.pattern))
        if not paths:
            continue
        lines += [f"### {md_inline(kind.title)} ({md_inline(kind.format)})", ""]
        lines += [f"Fields: {kind.fields}", ""]
        shown = paths if len(paths) <= FILES_LISTED + 1 else paths[:FILES_LISTED]
        lines += [f"- [{md_inline(path.rsplit('/', 1)[-1])}](../{path})" for path in shown]
        if len(shown) < len(paths):
            lines.append(
                f"- and {len(paths) - len(shown)} more, named like `{kind.pattern}`"
                + (": each source's reading page links its own" if kind.pattern.startswith("sources/") else "")
            )
        lines.append("")
    return Page("data/index.md", "\n".join(lines))
