"""``edition new-source PATH --layout NAME --slug SLUG``: start a source and judge its reading.

It copies the raw text byte for byte into ``sources/<slug>/``, writes a ``meta.yml``
skeleton whose ``TODO`` values the build refuses until an editor fills them in, normalises
the text once (conservation check included) and prints what the layout recognised:
paragraphs, headings, page numbers and their sequences, notes, removals by reason,
emendations by rule, and the lines it kept without recognising them. The report reads only
the :class:`~scripts.model.Document` a normaliser returns, so it serves every layout.

Nothing is created when the text cannot be normalised: the one-line error says where.
Also reachable as ``python -m scripts.newsource``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.errors import EditionError
from scripts.meta import PLACEHOLDER
from scripts.model import (
    Document,
    Figure,
    Heading,
    Note,
    NoteRef,
    PageBreak,
    Paragraph,
    ParagraphKind,
)
from scripts.normalise import NORMALISERS
from scripts.normalise.shared.pages import sequences
from scripts.sources import normalise_witness, read_raw

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
SHOWN = 12
"""How many headings, reasons or lines the report lists before it says how many more."""


@dataclass(frozen=True)
class Recognition:
    """The figures of one normalised text, as the report prints them."""

    numbered: int
    quotes: int
    unnumbered: int
    headings: list[tuple[int, int, str]]
    """(level, raw line, wording) of every heading, front matter and body."""
    page_breaks: int
    labelled: int
    inferred: int
    sequences: list[list[str]]
    notes: int
    notes_with_text: int
    references: int
    figures: int
    removals: Counter[tuple[str, str]]
    """(category, reason) → how many removals."""
    emendations: Counter[str]
    """rule → how many emendations."""
    sics: int
    unclassified: list[tuple[int, str, str]]
    """(raw line, text, why) of every stretch kept without a recognised role."""


def recognise(document: Document) -> Recognition:
    """Count what a normalised document holds, record by record."""
    paragraphs = [b for b in document.blocks() if isinstance(b, Paragraph)]
    numbered = list(document.paragraphs())
    breaks: list[PageBreak] = document.page_breaks()
    labels = [b.label for b in breaks if b.label]
    runs = [node for run in document.inline_runs() for node in run if isinstance(node, NoteRef)]
    notes: tuple[Note, ...] = document.notes
    return Recognition(
        numbered=len(numbered),
        quotes=sum(1 for p in numbered if p.kind is ParagraphKind.QUOTE),
        unnumbered=len(paragraphs) - len(numbered),
        headings=[(b.level, b.line, b.text) for b in document.blocks() if isinstance(b, Heading)],
        page_breaks=len(breaks),
        labelled=len(labels),
        inferred=sum(1 for b in breaks if b.label and b.inferred),
        sequences=sequences(labels),
        notes=len(notes),
        notes_with_text=sum(1 for n in notes if n.present),
        references=len(runs),
        figures=sum(1 for b in document.blocks() if isinstance(b, Figure)),
        removals=Counter((r.category, r.reason) for r in document.removals),
        emendations=Counter(e.rule for e in document.emendations()),
        sics=len(document.sics()),
        unclassified=[(u.line, u.text, u.why) for u in document.unclassified],
    )


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _more(count: int) -> list[str]:
    return [f"      … and {count - SHOWN} more"] if count > SHOWN else []


def _run(run: list[str]) -> str:
    return run[0] if len(run) == 1 else f"{run[0]}–{run[-1]} ({len(run)} pages)"


def report(found: Recognition) -> list[str]:
    """The recognition report, line by line."""
    lines = [
        f"  paragraphs:   {found.numbered} numbered ({found.quotes} block quotations), "
        f"{found.unnumbered} unnumbered (front matter, lists of cited works)",
        f"  headings:     {len(found.headings)}",
    ]
    lines += [
        f"      line {line}: {'  ' * (level - 1)}{_short(text)}"
        for level, line, text in found.headings[:SHOWN]
    ]
    lines += _more(len(found.headings))
    unnumbered = found.page_breaks - found.labelled
    lines.append(
        f"  page numbers: {found.page_breaks} page breaks, {found.labelled} numbered "
        f"({found.inferred} inferred from the sequence), {unnumbered} without a number"
    )
    if found.sequences:
        shown = ", ".join(_run(run) for run in found.sequences)
        lines.append(f"      {len(found.sequences)} sequence(s): {shown}")
    lines.append(
        f"  notes:        {found.notes} ({found.notes_with_text} with text, "
        f"{found.notes - found.notes_with_text} lost), {found.references} references"
    )
    lines.append(f"  figures:      {found.figures}")
    lines.append(f"  removals:     {sum(found.removals.values())}")
    ordered = sorted(found.removals.items(), key=lambda item: (-item[1], item[0]))
    lines += [f"      {count} × {category}: {reason}" for (category, reason), count in ordered]
    lines.append(f"  emendations:  {sum(found.emendations.values())}")
    lines += [
        f"      {count} × {rule}"
        for rule, count in sorted(found.emendations.items(), key=lambda i: (-i[1], i[0]))
    ]
    lines.append(f"  sic:          {found.sics}")
    lines.append(f"  unclassified: {len(found.unclassified)} (kept as reading text; check them)")
    lines += [
        f"      line {line}: {_short(text)} ({why})"
        for line, text, why in found.unclassified[:SHOWN]
    ]
    lines += _more(len(found.unclassified))
    return lines


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def skeleton(slug: str, layout: str, file: str, delivered_as: str, order: int) -> str:
    """A ``meta.yml`` with every required field; the ``TODO`` values stop the build."""
    todo = PLACEHOLDER
    return "\n".join(
        [
            "# Written by 'edition new-source'. Fill in every TODO: the build refuses this source",
            "# until none is left. Fields and their meaning: scripts/meta.py (SourceMeta).",
            f"slug: {slug}",
            f"normaliser: {layout}",
            f"file: {file}",
            f"order: {order}",
            f"kind: {todo}  # chapter | working-paper | report | article | book",
            f'short_title: "{todo}: a few words for badges and lists"',
            f'title: "{todo}: the title as the source prints it"',
            "authors:  # [] when the source prints none; role: author | translator | editor |",
            "          # issuing office (an office has no family)",
            f'  - name: "{todo}: the name as the source prints it"',
            f'    family: "{todo}: the family name, exactly as written in the name"',
            "    role: author",
            f'issued: "{todo}: date of publication, YYYY[-MM[-DD]]"',
            "provenance:",
            f'  description: "{todo}: how the text reached us, in a sentence or two"',
            f"  delivered_as: {_quoted(delivered_as)}",
            "",
        ]
    )


def _next_order(sources: Path) -> int:
    orders = [
        int(match.group(1))
        for meta in sorted(sources.glob("*/meta.yml"))
        for match in [re.search(r"^order: *(\d+)", meta.read_text(encoding="utf-8"), re.M)]
        if match
    ]
    return max(orders, default=0) + 1


def new_source(path: Path, layout: str, slug: str, root: Path) -> list[str]:
    """Create ``sources/<slug>/`` from the raw text at ``path``; return the report's lines.

    Raises :class:`EditionError` (one line) for a missing file, an unknown layout, a slug
    that is taken or malformed, or a text the layout cannot normalise; nothing is created then.
    """
    if layout not in NORMALISERS:
        known = ", ".join(sorted(NORMALISERS))
        raise EditionError("--layout", None, f"unknown layout {layout!r} (known: {known})")
    if not SLUG.fullmatch(slug):
        raise EditionError(
            "--slug", None, f"{slug!r} is not a slug: lower-case letters and digits joined by '-'"
        )
    folder = root / "sources" / slug
    if folder.exists():
        raise EditionError(
            f"sources/{slug}", None, "exists already: choose another slug (nothing was changed)"
        )
    if not path.is_file():
        raise EditionError(str(path), None, "no such file")
    file = "source" + (path.suffix if path.suffix in {".txt", ".md"} else ".txt")
    display = f"sources/{slug}/{file}"
    raw = read_raw(path, str(path))
    document = normalise_witness(raw, layout, display=str(path))
    folder.mkdir(parents=True)
    shutil.copyfile(path, folder / file)
    order = _next_order(root / "sources")
    meta = skeleton(slug, layout, file, path.name, order)
    (folder / "meta.yml").write_text(meta, encoding="utf-8")
    todos = meta.count(f": {PLACEHOLDER}") + meta.count(f': "{PLACEHOLDER}')
    return [
        f"sources/{slug}/: {file} copied byte for byte from {path}; meta.yml written with "
        f"{todos} TODO values to fill in (the build refuses the source until they are)",
        f"what the layout {layout} recognised in {display}:",
        *report(recognise(document)),
        "next: fill in meta.yml, add the page to nav in mkdocs.yml, run 'make check', then "
        "'make manifest' to publish the anchors",
    ]


def build_parser() -> argparse.ArgumentParser:
    """The arguments of ``edition new-source`` (also ``python -m scripts.newsource``)."""
    parser = argparse.ArgumentParser(
        prog="edition new-source", description=(__doc__ or "").split("\n\n")[0]
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments to ``parser`` (shared with the ``edition`` command)."""
    parser.add_argument("path", help="the raw text, copied byte for byte")
    parser.add_argument(
        "--layout", required=True, help="the layout's normaliser: " + ", ".join(sorted(NORMALISERS))
    )
    parser.add_argument("--slug", required=True, help="the source's slug: sources/<slug>/")


def run(args: argparse.Namespace) -> int:
    """Run the command for parsed arguments; print the report or one error line."""
    root = Path(getattr(args, "root", ".")).resolve()
    try:
        lines = new_source(Path(args.path), args.layout, args.slug, root)
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m scripts.newsource``."""
    parser = build_parser()
    parser.add_argument("--root", default=".", help="project root (default: current directory)")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
