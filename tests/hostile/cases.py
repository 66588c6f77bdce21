"""The hostile corpus: text a source may hold that Markdown or HTML would read as markup,
and malformed inputs the build must refuse with one clear ``file:line: message``.

Each literal payload is placed (:data:`PLACEMENTS`) where the real small capture in
``base/source.txt`` has a body paragraph, a heading, a note and a removed header block, so
every rendering path (raw HTML paragraphs, Markdown-escaped headings and tables) meets it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.hostile.project import BASE_META, BASE_SOURCE

THOUSAND = " ".join(["Hanoi"] * 170)  # a single line of more than a thousand characters

PAYLOADS: dict[str, str] = {
    "script-element": '<script>alert("hostile")</script>',
    "element-with-class": '<b class="hostile">bold</b> text',
    "img-onerror": "<img src=x onerror=alert(1)>",
    "html-comment": "<!-- hostile comment --> after",
    "entities": "&amp; &lt;b&gt; &#60;script&#62; &copy;",
    "emphasis": "*emphasis* and **strong** and _under_ __score__",
    "link-syntax": "[a link](http://example.org/hostile) and [ref][1]",
    "atx-heading": "# not a heading",
    "bullet-item": "- not a list item",
    "numbered-item": "1. not a numbered item",
    "backticks": "`code span` and ```fence```",
    "table-row": "| a | b | c |",
    "math": "$$ x^2 + y_1 $$ and $z$",
    "emoji": ":smile: and :+1: shortcodes",
    "attr-list": "{: .hostile #injected }",
    "backslashes": r"a \ backslash, \* escaped \\ and \n",
    "blockquote": "> not a quotation",
    "md-in-html": '<div markdown="1">*x*</div>',
    "autolink": "http://example.org/auto and <http://example.org/x>",
    "footnote-syntax": "[^1] and [^note]: not a footnote",
    "admonition": '!!! note "not an admonition"',
    "pymdownx-marks": "~~strike~~ ==mark== ^^ins^^ ++ctrl+alt++",
    "unknown-note-marker": "Footnote A and Footnote ¶",
    "thousand-characters": THOUSAND,
    "processing-instruction": "<?php echo 1; ?>",
    "cdata": "<![CDATA[ raw ]]>",
    "closing-tags": "</p></div></article><p>",
    "javascript-url": "javascript:alert(1)",
    "jinja": "{{ config.site_name }} {% raw %}",
    "bidi-and-zero-width": "a\u202etxt.exe\u202c b\u200dc",
    "setext-underline": "===",
    "quotes-and-ampersand": "\"quoted\" 'single' & <angle>",
}
"""Source text that must be shown literally, by name."""

BENIGN = "plain words here"
"""The payload of the baseline build each hostile build is compared with."""


def _with_lines(text: str, at: int, new: list[str]) -> str:
    lines = text.split("\n")
    lines[at:at] = new
    return "\n".join(lines)


def _append_to_line(text: str, number: int, tail: str) -> str:
    lines = text.split("\n")
    lines[number - 1] += tail
    return "\n".join(lines)


# Line numbers of base/source.txt: 3 is the last chrome line of the header, 28 the first body
# paragraph, 36 note 1.
PLACEMENTS: dict[str, tuple[str, Callable[[str], str]]] = {
    "paragraph": (
        "index.md",
        lambda p: _with_lines(BASE_SOURCE, 29, ["", f"The delegation noted {p} in its report."]),
    ),
    "heading": ("index.md", lambda p: _with_lines(BASE_SOURCE, 29, ["", p])),
    "note": ("index.md", lambda p: _append_to_line(BASE_SOURCE, 36, f" {p}")),
    "removed-header": ("editorial.md", lambda p: _with_lines(BASE_SOURCE, 3, ["", p])),
}
"""Where a payload goes: (the generated page that must show it, the mutation)."""


@dataclass(frozen=True)
class Refused:
    """A malformed input and the error it must give."""

    source: str | bytes | None = BASE_SOURCE
    meta: str | bytes = BASE_META
    file: str = "source.txt"
    """The file the message must name (in ``sources/hostile-case/``)."""
    line: int | None = None
    """The line the message must name; None where no line is meaningful."""
    words: str = ""
    """A regular expression the message must match."""


def _meta(old: str, new: str) -> str:
    assert old in BASE_META, old
    return BASE_META.replace(old, new, 1)


def _meta_line(key: str) -> int:
    return next(i for i, line in enumerate(BASE_META.split("\n"), 1) if line.startswith(key))


REFUSED: dict[str, Refused] = {
    "empty-file": Refused(source="", line=1, words="Summary"),
    "only-blank-lines": Refused(source="\n\n \n\t\n", line=1, words="Summary"),
    "binary-bytes": Refused(source=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", line=1),
    "nul-byte": Refused(source=_with_lines(BASE_SOURCE, 29, ["", "a\x00b"]), line=31, words="NUL"),
    "invalid-utf8": Refused(
        source=_with_lines(BASE_SOURCE, 29, ["", "caf\udce9"]).encode("utf-8", "surrogateescape"),
        line=31,
        words="UTF-8",
    ),
    "latin1-file": Refused(
        source=BASE_SOURCE.replace("–", "-")
        .replace("“", '"')
        .replace("”", '"')
        .replace("‘", "'")
        .replace("’", "'")
        .replace("×", "x")
        .replace("\u00a0", " ")
        .replace("Summary", "Résumé\n\nSummary")
        .encode("latin-1", "replace"),
        line=18,
        words="UTF-8",
    ),
    "reference-with-no-note": Refused(
        source=_append_to_line(BASE_SOURCE, 32, " More.Footnote 9"), line=32, words="Footnote 9"
    ),
    "note-with-no-reference": Refused(
        source=_with_lines(BASE_SOURCE, 39, ["3 A note nothing refers to.", ""]),
        line=40,
        words="note 3",
    ),
    "duplicate-note-number": Refused(
        source=_with_lines(BASE_SOURCE, 39, ["2 The same number again.", ""]),
        line=40,
        words="twice",
    ),
    # An article's "Abstract" opens a capture as a chapter's "Summary" does; another word does not.
    "no-summary-heading": Refused(
        source=BASE_SOURCE.replace("\nSummary\n", "\nOverview\n"), line=1
    ),
    "paywall-page-without-body-text": Refused(
        source="\n".join(
            line
            for number, line in enumerate(BASE_SOURCE.split("\n"), 1)
            if number < 28 or not line.strip() or line == "Footnotes" or line[:1].isdigit()
        ),
        words="the capture holds no chapter text",
    ),
    # The web-capture layout is recognised by exact lines; trailing blanks hide the "Summary"
    # heading, and the build says so rather than guessing.
    "trailing-spaces-and-tabs": Refused(source=BASE_SOURCE.replace("\n", " \t\n"), words="Summary"),
    "unknown-normaliser": Refused(
        meta=_meta("normaliser: web-capture", "normaliser: no-such-layout"),
        file="meta.yml",
        words="unknown normaliser 'no-such-layout'",
    ),
    "invalid-yaml": Refused(
        meta=_meta("title: The Third", "title: [The Third"), file="meta.yml", words="invalid YAML"
    ),
    "unclosed-quote-yaml": Refused(
        meta=_meta('issued: "2024"', 'issued: "2024'), file="meta.yml", words="invalid YAML"
    ),
    "tab-indented-yaml": Refused(
        meta=_meta("  name: Cambridge University Press", "\tname: Cambridge University Press"),
        file="meta.yml",
        words="invalid YAML",
    ),
    "duplicate-key-yaml": Refused(
        meta=BASE_META + "title: Another title\n",
        file="meta.yml",
        line=len(BASE_META.split("\n")),
        words="duplicate key 'title'",
    ),
    "missing-required-field": Refused(
        meta="\n".join(line for line in BASE_META.split("\n") if not line.startswith("title:")),
        file="meta.yml",
        words="title",
    ),
    "unknown-field": Refused(
        meta=_meta("kind: chapter", "kind: chapter\ncolour: red"),
        file="meta.yml",
        line=_meta_line("kind:") + 1,
        words="colour: unknown field",
    ),
    "bad-date": Refused(
        meta=_meta('issued: "2024"', 'issued: "May 2024"'),
        file="meta.yml",
        line=_meta_line("issued:"),
        words="issued",
    ),
    "bad-kind": Refused(
        meta=_meta("kind: chapter", "kind: novel"),
        file="meta.yml",
        line=_meta_line("kind:"),
        words="kind",
    ),
    "bad-slug-pattern": Refused(
        meta=_meta("slug: hostile-case", "slug: Hostile Case!"),
        file="meta.yml",
        line=_meta_line("slug:"),
        words="slug",
    ),
    "slug-folder-mismatch": Refused(
        meta=_meta("slug: hostile-case", "slug: another-slug"), file="meta.yml", words="folder"
    ),
    "raw-file-missing": Refused(source=None, file="meta.yml", words="not found"),
    "raw-file-named-wrong": Refused(
        meta=_meta("file: source.txt", "file: sourse.txt"), file="meta.yml", words="not found"
    ),
    "empty-meta": Refused(meta="", file="meta.yml"),
    "meta-is-a-list": Refused(meta="- slug: hostile-case\n", file="meta.yml"),
    "meta-invalid-utf8": Refused(
        meta=BASE_META.encode("utf-8") + b"edition_note: caf\xe9\n",
        file="meta.yml",
        line=len(BASE_META.split("\n")),
        words="UTF-8",
    ),
    "yaml-python-tag": Refused(
        meta=_meta('issued: "2024"', "issued: !!python/object/apply:os.system ['true']"),
        file="meta.yml",
        line=_meta_line("issued:"),
    ),
    "unquoted-impossible-date": Refused(
        meta=_meta('issued: "2024"', "issued: 1962-13-45"),
        file="meta.yml",
        line=_meta_line("issued:"),
        words="issued: .*no month 13",
    ),
    "quoted-impossible-date": Refused(
        meta=_meta('issued: "2024"', 'issued: "1962-13-45"'),
        file="meta.yml",
        line=_meta_line("issued:"),
        words="no month 13",
    ),
    "thirtieth-of-february": Refused(
        meta=_meta('online: "2025-01-02"', 'online: "2025-02-30"'),
        file="meta.yml",
        line=_meta_line("online:"),
        words="online: .*February 2025 has no day 30",
    ),
    "unquoted-impossible-capture-date": Refused(
        meta=_meta('captured: "2025-04-30"', "captured: 2025-04-31"),
        file="meta.yml",
        line=next(i for i, t in enumerate(BASE_META.split("\n"), 1) if "captured:" in t),
        words="April 2025 has no day 31",
    ),
    "integer-of-5000-digits": Refused(
        meta=_meta("order: 1", "order: " + "9" * 5000),
        file="meta.yml",
        line=_meta_line("order:"),
        words="5000 digits",
    ),
    "yaml-alias-bomb": Refused(
        meta=BASE_META
        + "edition_note: &a0 [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"z{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)),
        file="meta.yml",
        line=len(BASE_META.split("\n")),
        words="anchors and aliases",
    ),
    "file-outside-the-source-folder": Refused(
        meta=_meta("file: source.txt", "file: ../../../elsewhere/x.txt"),
        file="meta.yml",
        line=_meta_line("file:"),
        words="outside the source folder",
    ),
    "file-absolute-path": Refused(
        meta=_meta("file: source.txt", "file: /etc/passwd"),
        file="meta.yml",
        line=_meta_line("file:"),
        words="outside the source folder",
    ),
    "file-in-a-sibling-source": Refused(
        meta=_meta("file: source.txt", "file: ../hostile-case/../other/source.txt"),
        file="meta.yml",
        line=_meta_line("file:"),
        words="outside the source folder",
    ),
    "javascript-url": Refused(
        meta=_meta("order: 1", "order: 1\nurl: 'javascript:alert(4)'"),
        file="meta.yml",
        line=_meta_line("order:") + 1,
        words="url: .*not an http or https URL",
    ),
    "data-url": Refused(
        meta=_meta("order: 1", "order: 1\nurl: 'data:text/html,<script>alert(1)</script>'"),
        file="meta.yml",
        line=_meta_line("order:") + 1,
        words="not an http or https URL",
    ),
}
"""Malformed inputs, by name, with the error each must give."""

ACCEPTED: dict[str, str] = {
    "byte-order-mark": "\ufeff" + BASE_SOURCE,
    "crlf-line-ends": BASE_SOURCE.replace("\n", "\r\n"),
    "cr-line-ends": BASE_SOURCE.replace("\n", "\r"),
    "no-final-newline": BASE_SOURCE.rstrip("\n"),
    "form-feed-between-blocks": BASE_SOURCE.replace("\nVietnam–Cambodia", "\x0c\nVietnam–Cambodia"),
}
"""Inputs that differ from the base in bytes but not in words: the build must accept them."""
