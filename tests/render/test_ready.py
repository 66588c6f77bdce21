"""HTML-ready runs: set aside before Python-Markdown, put back after, the same page."""

from __future__ import annotations

import markdown

from scripts.render.ready import CLOSE, OPEN, anchor_ids, ready, restore, set_aside

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]


def _page() -> str:
    return "\n".join(
        [
            "# Title",
            "",
            "Some *Markdown* with a [link](other.md).",
            "",
            *ready(['<p class="para" id="p1">One &amp; *two*</p>', '<div id="fn:1">x</div>']),
            "## Heading { #h }",
            "",
            *ready(['<div class="witness">\n<div id="L1">a</div>\n<div id="L2">b</div>\n</div>']),
            "Closing paragraph.",
            "",
        ]
    )


def test_a_page_converts_to_the_same_html_with_its_runs_set_aside() -> None:
    page = _page()
    unmarked = page.replace(OPEN + "\n", "").replace("\n" + CLOSE, "")
    whole = markdown.Markdown(extensions=EXTENSIONS).convert(unmarked)
    aside, runs = set_aside(page)
    assert len(runs) == 2 and "witness" not in aside and "*two*" not in aside
    assert restore(markdown.Markdown(extensions=EXTENSIONS).convert(aside), runs) == whole


def test_markdown_syntax_inside_a_run_stays_text() -> None:
    aside, runs = set_aside(_page())
    html = restore(markdown.Markdown(extensions=EXTENSIONS).convert(aside), runs)
    assert "One &amp; *two*" in html and "<em>two</em>" not in html


def test_the_ids_of_the_runs_are_reported_for_the_anchor_check() -> None:
    _, runs = set_aside(_page())
    assert anchor_ids(runs) == {"p1", "fn:1", "L1", "L2"}
    assert anchor_ids(['<a data-id="x" href="#y">z</a>']) == set()


def test_no_blocks_make_no_run_and_a_page_without_runs_is_unchanged() -> None:
    assert ready([]) == []
    assert set_aside("# Title\n\nText.\n") == ("# Title\n\nText.\n", [])
    assert restore("<p>x</p>", []) == "<p>x</p>"
