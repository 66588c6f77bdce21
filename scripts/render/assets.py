"""The edition's own scripts and style sheets in the form a reader's browser receives them.

A reading page waited for five style sheets of the edition's own (each a request that blocks
the first paint) and received its scripts with their comments. The built site now has:

* one style sheet, :data:`STYLESHEET`, the sheets of ``extra_css`` in their order, each
  minified by ``rcssmin`` (comments and needless white space out; no rule is merged, moved or
  renamed, so the cascade is the one the separate sheets gave);
* every script of the edition minified by ``rjsmin`` (comments and needless white space out;
  nothing is renamed, template literals and regular expressions are kept as written).

The files under ``docs/`` and ``scripts/`` stay as written, and so do their addresses in the
site (a page that links a sheet by name still finds it). Both minifiers are deterministic, so
the same inputs still give the same bytes. Chosen because they are small, well kept and safe:
they only remove what the language ignores (see README, "Page weight").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import rcssmin
import rjsmin

STYLESHEET = "assets/stylesheets/edition.min.css"
"""Where the site serves the edition's style sheets as one file."""


def script(text: str) -> str:
    """``text``, a script, without its comments and needless white space."""
    return str(rjsmin.jsmin(text, keep_bang_comments=False)) + "\n"


PALETTE_SCRIPT = Path(__file__).with_name("palette.js")
"""The script every page runs after its header (overrides/partials/palette-script.html)."""


def inline_script(text: str) -> str:
    """``text``, a script to write into a page, minified (no trailing line break)."""
    return str(rjsmin.jsmin(text, keep_bang_comments=False)).strip()


def stylesheet(sheets: Sequence[tuple[str, str]]) -> str:
    """One style sheet of ``sheets`` (``(name, text)`` in cascade order), each minified.

    A comment naming each sheet is kept before its rules, so that a reader of the served file
    (or a test) can tell where one ends and the next begins.
    """
    parts = [f"/*! {name} */\n{rcssmin.cssmin(text, keep_bang_comments=False)}" for name, text in sheets]
    return "\n".join(parts) + "\n"
