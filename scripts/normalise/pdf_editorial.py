"""What the editor tells the reader about a PDF extraction: editorial notes built from the
evidence the normaliser found (never fixed prose about a particular witness)."""

from __future__ import annotations

from scripts.model import EditorialNote, Note
from scripts.normalise import pdf_pages
from scripts.normalise.pdf_inlines import Page


def _numbers(notes: list[Note]) -> str:
    """A compact list of note numbers: ``16, 18–20, 22``."""
    values = [int(n.label) for n in notes if n.label.isdigit()]
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def editorial_notes(
    pages: list[Page], notes: list[Note], moved: list[int]
) -> tuple[EditorialNote, ...]:
    """The editorial notes of a PDF extraction: capture, paragraphs, pages, lost notes."""
    kept_number = [n for n in notes if not n.present and n.raw_label]
    lost = [n for n in notes if not n.present and not n.raw_label]
    present = [n for n in notes if n.present]
    out = [
        EditorialNote(
            "Where the capture begins",
            "The text was extracted from the PDF beginning at the Introduction: the title page "
            "and front matter are not in the capture, and the edition begins where it begins.",
        ),
        EditorialNote(
            "Paragraphs and page breaks",
            "The extraction keeps the printed lines but not their indents, and splices each "
            "page's footnotes into the running text after the page's last line, even inside a "
            "sentence or a name. The notes are taken out of the prose and the sentence is "
            "rejoined across the page break. A space at the start of a line marks the first "
            "line of a page, not a paragraph. Paragraphs are rebuilt from the width of the "
            "lines, measured with the metrics of the typeface: a new paragraph begins where a "
            "sentence ends on a line the next word would have fitted on (the last line of a "
            "paragraph), or where the next line begins on an indented line.",
        ),
        pdf_pages.editorial_note(pages),
        EditorialNote(
            "Notes whose text is not in the capture",
            f"The text has references to notes 1–{len(notes)}. The capture keeps the text of "
            f"{len(present)} of them ({_numbers(present)}). Of notes {_numbers(kept_number)} "
            "only the number survives; of notes "
            f"{_numbers(lost)} nothing survives at all. These notes are listed in their place "
            "with a plain statement that their text is not in the capture.",
        ),
    ]
    if moved:
        which = _numbers([n for n in notes if int(n.label) in moved])
        out.append(
            EditorialNote(
                "Note numbers printed after their text",
                f"In the capture the number of note {which} "
                "stands after its text, at the end of the block of notes, while the text follows "
                "the end of the previous note (a short line closing a sentence, then a new "
                "sentence). The text is given to its own number; the sequence of numbers and the "
                "sentence the reference stands in bear this out.",
            )
        )
    return tuple(out)
