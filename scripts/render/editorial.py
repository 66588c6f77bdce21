"""The editorial page of a source: every emendation, *sic*, removal and the conservation proof."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from scripts import conserve
from scripts.annotate import runs
from scripts.apparatus.pages import page_evidence
from scripts.model import Emendation, NoteRef, PageBreak, Redaction, Sic, Unclassified
from scripts.pages import Page
from scripts.render.escape import md_cell, md_inline, yaml_string
from scripts.render.pages_section import pages_section
from scripts.render.witness import line_link, witness_file_name
from scripts.rules_catalogue import describe_rule
from scripts.sources import Source


def _where(location: str) -> str:
    """A reader's name for a location, linked to it on the reading page."""
    if location.startswith("p"):
        return f"[¶{location[1:]}](index.md#{location})"
    if location.startswith("fn:"):
        return f"[note {md_inline(location[3:])}](index.md#{location})"
    if location.startswith("h:"):
        return f"[heading](index.md#{location[2:]})"
    return "front matter"


def _cell(text: str) -> str:
    return md_cell(text) if text.strip() else "(nothing)"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def unclassified_section(blocks: tuple[Unclassified, ...]) -> list[str]:
    """The section listing the blocks kept as reading text unrecognised; none when there are none.

    Each block is given with the witness line it begins on (linked to the line-by-line
    witness), its text as the source has it and what the normaliser could not decide; every
    string is escaped, so nothing in the witness becomes markup.
    """
    if not blocks:
        return []
    return [
        "## Lines not classified",
        "",
        f"The normaliser kept {len(blocks)} block(s) of the witness as reading text without "
        "recognising what they are (a form's labels, a stamp, a caption, an epigraph?). They "
        "stay in the reading text, each where the witness has it unless the last column says "
        "otherwise, and are listed here so that a reader can judge them.",
        "",
        *_table(
            ["Raw line", "Text", "Why it is listed"],
            [[line_link(u.line), _cell(u.text), _cell(u.why)] for u in blocks],
        ),
    ]


def render_editorial(source: Source, extra: Mapping[str, str] = {}, *, pdf: bool = True) -> Page:
    """The Markdown of ``/sources/<slug>/editorial/``."""
    doc = source.document
    meta = source.meta
    emendations: list[tuple[str, Emendation]] = []
    sics: list[tuple[str, Sic]] = []
    refs = pages = redactions = 0
    for location, inlines in runs(doc):
        for node in inlines:
            if isinstance(node, Emendation):
                emendations.append((location, node))
            elif isinstance(node, Sic):
                sics.append((location, node))
            elif isinstance(node, NoteRef):
                refs += 1
            elif isinstance(node, PageBreak):
                pages += 1
            elif isinstance(node, Redaction):
                redactions += 1
    paragraphs = len(list(doc.paragraphs()))
    absent = [n for n in doc.notes if not n.present]
    raw_tokens = len(conserve.tokens(source.raw))
    removed_tokens = sum(len(conserve.tokens(r.raw)) for r in doc.removals)
    by_rule = Counter(e.rule for _, e in emendations)
    by_category = Counter(r.category for r in doc.removals)

    also = f" (also as a [PDF]({meta.slug}.pdf))" if pdf else ""
    lines = [
        "---",
        f"title: {yaml_string('Editorial notes: ' + meta.title)}",
        f"description: {yaml_string('How the edition made its reading text of ' + meta.title + ': every emendation, removal and check.')}",
        "---",
        "",
        f"# Editorial notes: {md_inline(meta.title)}",
        "",
        f"Back to the [reading text](index.md){also}. Raw witness: <code>{md_inline(source.path)}</code> "
        f"({md_inline(meta.provenance.delivered_as or 'as delivered')}), normalised by the "
        f"`{meta.normaliser}` normaliser. Read it [line by line](witness.md) (every “raw line” "
        f"below links to its line) or [download it byte for byte]({witness_file_name(source)}). "
        f"The whole edition of this source, with every change below, is also published as "
        f"[TEI P5 XML]({meta.slug}.xml).",
        "",
        "## Counts",
        "",
        *_table(
            ["What", "Count"],
            [
                ["Numbered paragraphs", str(paragraphs)],
                ["Note references", str(refs)],
                ["Notes", str(len(doc.notes))],
                ["Notes whose text is not in the capture", str(len(absent))],
                ["Page breaks marked", str(pages)],
                ["Redactions kept", str(redactions)],
                ["Emendations", str(len(emendations))],
                ["Passages marked *sic*", str(len(sics))],
                ["Removals", str(len(doc.removals))],
            ],
        ),
        "## Conservation",
        "",
        f"The build checks that every token of the raw text ({raw_tokens} words and punctuation "
        f"marks) is accounted for: as reading text, as the raw side of an emendation, as a note "
        f"number, page number or redaction mark, or as a recorded removal ({removed_tokens} "
        "tokens). The check passed for this build; a build in which it fails stops with the "
        "place of the first difference.",
        "",
    ]
    for note in doc.editorial_notes:
        lines += [f"## {md_inline(note.title)}", "", md_inline(note.text), ""]
    lines += pages_section(page_evidence(doc), paragraphs)
    lines += ["## Emendations", ""]
    if emendations:
        lines += ["By rule:", ""]
        for rule, count in sorted(by_rule.items()):
            lines.append(f"- **{md_inline(rule)}** ({count}): {md_inline(describe_rule(rule))}")
        lines.append("")
        lines += _table(
            ["Where", "Raw line", "Source has", "Edition prints", "Rule"],
            [
                [_where(loc), line_link(e.line), _cell(e.raw), _cell(e.printed), md_cell(e.rule)]
                for loc, e in emendations
            ],
        )
    else:
        lines += ["None.", ""]
    lines += ["## Passages marked *sic*", ""]
    if sics:
        lines += ["Kept exactly as the source prints them; the reading text marks them *sic*.", ""]
        lines += _table(
            ["Where", "Raw line", "Printed", "Comment"],
            [[_where(loc), line_link(s.line), _cell(s.text), _cell(s.comment)] for loc, s in sics],
        )
    else:
        lines += ["None.", ""]
    if absent:
        lines += ["## List of the notes without text", ""]
        lines += [", ".join(f"[{md_inline(n.label)}](index.md#fn:{n.key})" for n in absent), ""]
    lines += ["## Removals", ""]
    if doc.removals:
        lines += [
            "By category: "
            + "; ".join(f"{md_inline(c)} {n}" for c, n in sorted(by_category.items())),
            "",
        ]
        lines += _table(
            ["Raw line", "Category", "Reason", "Removed text"],
            [
                [line_link(r.line), md_cell(r.category), md_cell(r.reason), _cell(r.raw)]
                for r in doc.removals
            ],
        )
    else:
        lines += ["None.", ""]
    lines += unclassified_section(doc.unclassified)
    if extra:
        lines += ["## From the indexes", ""]
    for slug_section in extra.values():
        lines += [slug_section, ""]
    return Page(f"sources/{meta.slug}/editorial.md", "\n".join(lines))
