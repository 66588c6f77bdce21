"""Marks of the reading text: a few tab stops per paragraph, titles of cited works in italics."""

from __future__ import annotations

import re

from scripts.annotate import Span
from scripts.annotate.citation_forms import Citation
from scripts.indexes.works import title_span
from scripts.model import NoteRef, PageBreak, Text
from scripts.render.escape import css_string
from scripts.render.inline import render_inlines

TEXT = "Mao met Zhou. Mao and the CCP spoke; the CCP agreed with Mao."


def _at(word: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(word), TEXT)]
    return starts[nth], starts[nth] + len(word)


def _person(word: str, nth: int, href: str) -> Span:
    start, end = _at(word, nth)
    return Span(start, end, "person", f"{word} (title)", href)


def _abbr(nth: int) -> Span:
    start, end = _at("CCP", nth)
    return Span(start, end, "abbr", "Chinese Communist Party")


def test_only_the_first_mention_of_a_person_in_a_paragraph_is_a_link() -> None:
    spans = [_person("Mao", n, "persons/mao/") for n in range(3)]
    html = render_inlines([Text(TEXT)], spans)
    assert html.count('<a class="mention mention--person" href="persons/mao/"') == 1
    # the later mentions keep the same tooltip text as plain marks
    assert html.count('<span class="mention mention--person" title="Mao (title)">') == 2


def test_each_person_gets_a_link_of_their_own() -> None:
    spans = [_person("Mao", 0, "persons/mao/"), _person("Zhou", 0, "persons/zhou/")]
    html = render_inlines([Text(TEXT)], spans)
    assert 'href="persons/mao/"' in html and 'href="persons/zhou/"' in html


def test_only_the_first_use_of_an_abbreviation_in_a_paragraph_is_focusable() -> None:
    html = render_inlines([Text(TEXT)], [_abbr(0), _abbr(1)])
    assert html.count('tabindex="0"') == 1
    assert html.count('<abbr title="Chinese Communist Party"') == 2


def test_a_mention_split_by_a_note_reference_stays_the_first_one() -> None:
    # "Mao" printed as "Ma" + note reference + "o": both halves belong to the first mention.
    ref = NoteRef(label="1", key="1", raw="1", line=1)
    inlines = [Text("Ma"), ref, Text("o met Mao.")]
    spans = [
        Span(0, 3, "person", "Mao", "persons/mao/"),
        Span(8, 11, "person", "Mao", "persons/mao/"),
    ]
    html = render_inlines(inlines, spans)
    assert html.count('<a class="mention mention--person"') == 2  # the two halves of the first
    assert html.count('tabindex="-1"') == 1  # one tab stop for the name
    assert html.count('<span class="mention mention--person"') == 1
    assert html.count("</a>") == 3  # two mention halves and the note reference


def test_each_paragraph_starts_afresh() -> None:
    spans = [_person("Mao", 0, "persons/mao/")]
    first = render_inlines([Text(TEXT)], spans)
    second = render_inlines([Text(TEXT)], spans)
    assert first == second and '<a class="mention' in second


def test_a_title_span_is_set_as_a_cited_title_inside_its_work_link() -> None:
    note = "Chen Jian, Mao's China and the Cold War (Chapel Hill, 2001), 12."
    work = Span(0, len(note) - 1, "work", "Chen, Mao's China", "works-cited/#w-chen")
    title = Span(11, 39, "title", "")
    html = render_inlines([Text(note)], [work, title])
    assert '<cite class="work-title">Mao&#x27;s China and the Cold War</cite>' in html
    assert html.index("<a ") < html.index("<cite") < html.index("</cite>") < html.index("</a>")


def test_title_span_covers_a_book_title_as_printed() -> None:
    text = "Chen Jian, Mao's China and the Cold War (Chapel Hill, 2001)"
    cite = Citation(
        start=5,
        end=5 + len(text),
        text=text,
        form="full",
        kind="book",
        title="Mao's China and the Cold War",
    )
    span = title_span(cite)
    assert span is not None and span.kind == "title"
    assert (span.start, span.end) == (5 + 11, 5 + 39)


def test_title_span_of_an_article_covers_its_journal() -> None:
    text = "Zhai, “Vietnam and China,” China Quarterly 129 (1992)"
    cite = Citation(
        start=0,
        end=len(text),
        text=text,
        form="full",
        kind="article",
        title="Vietnam and China",
        container="China Quarterly",
    )
    span = title_span(cite)
    assert span is not None and text[span.start : span.end] == "China Quarterly"


def test_no_title_span_for_short_forms_archival_items_or_titles_not_printed() -> None:
    short = Citation(start=0, end=10, text="Chen, Mao", form="short", kind="book", title="Mao")
    cable = Citation(
        start=0, end=20, text="Cable, 3 May 1965", form="full", kind="cable", title="Cable"
    )
    absent = Citation(
        start=0, end=20, text="Chen Jian (2001)", form="full", kind="book", title="Mao's China"
    )
    assert title_span(short) is None and title_span(cable) is None and title_span(absent) is None


def test_css_string_cannot_end_its_string_rule_or_style_element() -> None:
    text = 'He said "stop"; } </style><script>x</script> \\ \n end'
    literal = css_string(text)
    assert literal.startswith('"') and literal.endswith('"')
    inner = literal[1:-1]
    for char in "\"'<>{}\n":
        assert char not in inner
    assert "\\" not in inner.replace("\\22 ", "").replace("\\3c ", "").replace("\\3e ", "").replace(
        "\\7d ", ""
    ).replace("\\5c ", "")


def test_only_the_first_use_of_an_abbreviation_on_a_page_is_focusable() -> None:
    reached: set[tuple[str, str]] = set()
    first = render_inlines([Text(TEXT)], [_abbr(0)], reached=reached)
    second = render_inlines([Text(TEXT)], [_abbr(0), _abbr(1)], reached=reached)
    assert first.count('tabindex="0"') == 1
    assert second.count('tabindex="0"') == 0  # reached earlier on the page
    assert second.count('<abbr title="Chinese Communist Party"') == 2  # the tooltip stays


def test_a_page_marker_is_a_link_but_not_a_tab_stop() -> None:
    marker = PageBreak(label="5", raw="- 5 -", line=3)
    html = render_inlines([Text("before "), marker, Text("after")])
    assert 'id="page-5" href="#page-5"' in html
    assert 'tabindex="-1"' in html
