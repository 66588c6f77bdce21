"""Escaping of source text for Markdown and HTML: nothing in a source becomes markup.

Reading texts are written as raw HTML blocks inside the generated Markdown, so their text
only needs HTML escaping (``html_text``). Text that must go through Markdown (headings,
which feed the table of contents and the search index, and index pages) is escaped with
``md_inline``: HTML-significant characters become entities and every character that
Python-Markdown or the enabled pymdown extensions treat as syntax is backslash-escaped.
"""

from __future__ import annotations

import html
import re

# Exactly the characters Python-Markdown's backslash escapes (its ESCAPED_CHARS, less ``>``,
# which is written as an entity): escaping any other character would print the backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def html_text(text: str) -> str:
    """Escape text for an HTML text node or attribute value (quotes included)."""
    return html.escape(text, quote=True)


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
