"""Escaping of source text for Markdown and HTML: nothing in a source becomes markup.

Reading texts are written as raw HTML blocks inside the generated Markdown, so their text
only needs HTML escaping (``html_text``). Text that must go through Markdown (headings,
which feed the table of contents and the search index, and index pages) is escaped with
``md_inline``: HTML-significant characters become entities and every character that
Python-Markdown or the enabled pymdown extensions treat as syntax is backslash-escaped.
"""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

# Exactly the characters Python-Markdown's backslash escapes (its ESCAPED_CHARS, less ``>``,
# which is written as an entity): escaping any other character would print the backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def html_text(text: str) -> str:
    """Escape text for an HTML text node or attribute value (quotes included)."""
    return html.escape(text, quote=True)


_MD_ATTR = re.compile(r"[&<>\"'\\`*_{}\[\]()#+\-.!:|~=^$]")


def md_attr(text: str) -> str:
    """Escape text for an attribute value of inline HTML inside Markdown.

    Python-Markdown reads its inline syntax (links, emphasis) before it recognises inline
    HTML, so an attribute value of an inline element is written with every character that
    syntax uses as a numeric character reference; the browser reads the same value.
    """
    return _MD_ATTR.sub(lambda m: f"&#{ord(m.group())};", text)


def md_inline(text: str) -> str:
    """Escape text so Markdown prints it literally, on one line."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(escaped.split())


def md_cell(text: str) -> str:
    """Escape text for a cell of a Markdown table (``|`` is escaped too)."""
    return md_inline(text).replace("|", "\\|")


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar for page front matter (title, description)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(escaped.split()) + '"'


def css_string(text: str) -> str:
    """A double-quoted CSS string literal, safe inside a ``<style>`` element.

    Every character that could end the string, the rule or the element (quotes, backslash,
    angle brackets, ampersand, controls) is written as a CSS hex escape.
    """
    out = []
    for char in " ".join(text.split()):
        if char in "\\\"'<>&{}" or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def title_markup(text: str) -> Markup:
    """A page title (plain text from front matter) as HTML for the theme.

    MkDocs treats a page title as HTML and Material writes it unescaped into ``<title>``, the
    header, the navigation and the search index; ``Markup`` keeps Jinja's ``| e`` from
    escaping it a second time.
    """
    return Markup(html.escape(str(text), quote=True))


_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data: object, *, indent: int | None = None) -> str:
    """JSON for the body of a ``<script>`` element (JSON-LD, page data).

    ``<``, ``>`` and ``&`` are written as JSON escapes, so no string can end the element
    (``</script>``) or switch the HTML parser into its escaped states (``<!--``).
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent)
    return text.translate(_SCRIPT_UNSAFE)
