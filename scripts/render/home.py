"""The home page: what the edition is, its sources, its indexes."""

from __future__ import annotations

from collections.abc import Sequence

from scripts import citation
from scripts.pages import Page
from scripts.render.escape import md_inline
from scripts.sources import Source

INTRO = """\
This is a digital critical edition of three sources on China, Vietnam and Cambodia between
1949 and 1991: a chapter of *The Cambridge History of the Vietnam War* on the Third Indochina
War, a Cold War International History Project working paper on Mao Zedong and the Indochina
war, and a declassified 1962 CIA staff study of North Vietnam and Sino-Soviet relations.

Each source is given as a clean reading text that keeps every word of the witness. Every
change the edition makes (a repaired word, a restored dash) and everything it removes (web
chrome, running heads, security banners) is listed on the source's editorial page, and the
build proves that nothing was lost. Paragraphs are numbered, printed page numbers are kept in
the margin, and every paragraph can be cited by a stable address that will not change.
"""


def render_home(sources: Sequence[Source], fragments: Sequence[str] = ()) -> Page:
    """The Markdown of the home page."""
    lines = [
        "---",
        'title: "Home"',
        'description: "A digital edition of three sources on China, Vietnam and Cambodia, '
        '1949–1991: faithful, annotated, searchable and citable reading texts."',
        "---",
        "",
        "# China, Vietnam and Cambodia, 1949–1991: a digital edition of three sources",
        "",
        INTRO,
        "## The sources",
        "",
    ]
    for source in sources:
        meta = source.meta
        lines.append(
            f"- [{md_inline(meta.title)}](sources/{meta.slug}/index.md) "
            f"({md_inline(meta.short_title)}). {md_inline(citation.bibliography(meta))} "
            f"[Editorial notes](sources/{meta.slug}/editorial.md)."
        )
    lines.append("")
    lines += [fragment for fragment in fragments if fragment]
    lines += [
        "",
        "See [how to cite](how-to-cite.md) for the citation of a paragraph and the promise that anchors never move.",
        "",
        "Every text and index is also published as data for reuse (TEI P5, JSON, CSV, CSL-JSON, "
        "BibTeX, RIS and the raw witnesses): see [data and downloads](data/index.md).",
        "",
    ]
    return Page("index.md", "\n".join(lines))
