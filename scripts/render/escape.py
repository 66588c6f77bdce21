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

# Exactly the characters a backslash escapes in the Markdown of mkdocs.yml: Python-Markdown's
# ESCAPED_CHARS and the tables extension's "|". A backslash before any other character is
# printed as a backslash ("Publisher\: ..."), so "~ ^ = :" are left alone: no enabled extension
# gives them meaning. Enabling one that does (pymdownx tilde, caret, mark, emoji, def_list)
# adds its characters to ESCAPED_CHARS, and they must then be added here;
# tests/hostile/test_hostile.py renders every such character through the configured Markdown.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def html_text(text: str) -> str:
    """Escape text for an HTML text node or attribute value (quotes included)."""
    return html.escape(text, quote=True)


def md_inline(text: str) -> str:
    """Escape text so Markdown prints it literally, on one line."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(escaped.split())


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar for page front matter (title, description)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(escaped.split()) + '"'
