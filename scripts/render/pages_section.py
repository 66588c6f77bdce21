"""The editorial page's section "How pages were determined": the evidence and each claim."""

from __future__ import annotations

from scripts.apparatus.pages import PageClaim, PageEvidence
from scripts.render.escape import md_cell, md_inline

EXPLANATION = (
    "A paragraph is cited on the pages the witness's own evidence allows, and on no other: "
    "page numbers printed at the head or foot of a page, the page the printed contents give "
    "for each heading, page breaks whose number is lost, and the order of the text. Every "
    "place in the text lies at or after the latest page the evidence gives before it (one "
    "page later for each break since) and at or before the earliest page the evidence gives "
    "after it. A page is cited plainly only when numbers printed in the witness fix it; "
    "otherwise it is in square brackets, and a range (pp. [4–6]) means the paragraph lies "
    "somewhere within those pages. “ff.” means no evidence bounds the last page. Where the "
    "evidence contradicts itself, no page is given."
)


def _runs(claims: dict[int, PageClaim]) -> list[tuple[int, int, PageClaim]]:
    """Consecutive paragraphs with the same claim, as (first, last, claim)."""
    runs: list[tuple[int, int, PageClaim]] = []
    for n in sorted(claims):
        claim = claims[n]
        if runs and runs[-1][1] == n - 1 and runs[-1][2] == claim:
            runs[-1] = (runs[-1][0], n, claim)
        else:
            runs.append((n, n, claim))
    return runs


def _paragraphs(first: int, last: int) -> str:
    if first == last:
        return f"[¶{first}](index.md#p{first})"
    return f"[¶{first}](index.md#p{first})–[{last}](index.md#p{last})"


def pages_section(evidence: PageEvidence, paragraphs: int) -> list[str]:
    """Markdown lines of the section, for a source whose pages are evidenced or not."""
    lines = ["## How pages were determined", ""]
    if not evidence.evidence:
        lines += [
            "The witness carries no page numbers, page breaks or printed contents, so no "
            "paragraph is cited by page: cite the paragraph number.",
            "",
        ]
        return lines
    lines += [EXPLANATION, "", "The evidence of this witness, in reading order:", ""]
    lines += [f"- {md_inline(item)}" for item in evidence.evidence]
    lines.append("")
    if evidence.contradictions:
        lines += ["Where the evidence disagrees:", ""]
        lines += [f"- {md_inline(item)}" for item in evidence.contradictions]
        lines.append("")
    cited = len(evidence.claims)
    lines += [
        f"Paragraphs cited with a page: {cited} of {paragraphs}.",
        "",
        "| Paragraphs | Cited as | Evidence |",
        "|---|---|---|",
    ]
    for first, last, claim in _runs(evidence.claims):
        lines.append(
            f"| {_paragraphs(first, last)} | {md_cell(claim.cite())} | "
            f"{md_cell('; '.join(claim.evidence))} |"
        )
    lines.append("")
    return lines
