"""The raw witness as published data: the file byte for byte, and a page with one anchor per line.

The editorial page cites the witness by line ("raw line 412"); these are the lines of the raw
file as delivered, counted from 1 after the line ends are normalised (CRLF, CR and LF each end a
line), exactly as the normalisers count them. The witness page gives each line the anchor
``#L<N>`` and draws its number by CSS (so a copied passage carries no numbers).
"""

from __future__ import annotations

import re

from scripts.pages import DataFile, Page
from scripts.render.escape import html_text, md_inline, yaml_string
from scripts.render.ready import ready
from scripts.sources import Source

_LINE_END = re.compile(r"\r\n|\r|\n")


def witness_lines(raw: str) -> list[str]:
    """The lines of a raw witness, numbered from 1 by the caller (a final line end adds none)."""
    lines = _LINE_END.split(raw)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def witness_file_name(source: Source) -> str:
    """The name of the raw witness download, beside the reading page (``<slug>-witness.txt``)."""
    return f"{source.meta.slug}-witness.txt"


def witness_file(source: Source) -> DataFile:
    """The raw witness, byte for byte (it was decoded from strict UTF-8 with line ends kept)."""
    return DataFile(f"sources/{source.meta.slug}/{witness_file_name(source)}", source.raw)


def line_anchor(line: int) -> str:
    """The anchor of a raw line on the witness page (``L412``)."""
    return f"L{line}"


def line_link(line: int) -> str:
    """A Markdown link, from a page in ``sources/<slug>/``, to a line of the witness page."""
    return f"[{line}](witness.md#{line_anchor(line)})"


def render_witness(source: Source) -> Page:
    """The Markdown of ``/sources/<slug>/witness/``: the raw text, one anchored line per line
    (two elements a line, the row and its number: the page holds thousands of lines)."""
    meta = source.meta
    rows = []
    for number, text in enumerate(witness_lines(source.raw), start=1):
        anchor = line_anchor(number)
        rows.append(
            f'<div class="wl" id="{anchor}"><a class="wl-n" href="#{anchor}" data-n="{number}" '
            f'aria-label="Line {number}"></a>{html_text(text)}</div>'
        )
    lines = [
        "---",
        f"title: {yaml_string('Raw witness: ' + meta.title)}",
        f"description: {yaml_string('The raw witness of ' + meta.title + ', line by line, as the edition received it.')}",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# Raw witness: {md_inline(meta.title)}",
        "",
        "The text exactly as the edition received it "
        f"({md_inline(meta.provenance.delivered_as or 'as delivered')}), before any change: "
        "each line has its number and an address of its own (`#L<N>`), which the "
        "[editorial notes](editorial.md) cite as “raw line N”. "
        f"[Download the raw witness]({witness_file_name(source)}) (UTF-8, byte for byte). "
        "Back to the [reading text](index.md).",
        "",
        *ready(
            [
                "\n".join(
                    [
                        '<div class="witness" role="region" aria-label="Raw witness, line by line">',
                        *rows,
                        "</div>",
                    ]
                )
            ]
        ),
    ]
    return Page(f"sources/{meta.slug}/witness.md", "\n".join(lines))
