"""A throw-away edition project holding one source, for running the real pipeline on bad input.

:func:`make_project` copies what a build reads (``mkdocs.yml``, ``docs/``, ``overrides/``,
``scripts/``) into a temporary folder and writes ``sources/<slug>/`` from the small real
capture in ``base/`` or from a mutation of it, beside a copy of the curated authority files
(``sources/*.yml``). :func:`to_html` turns a generated page into
HTML with the Markdown extensions of ``mkdocs.yml``, as MkDocs would; :func:`read_html`
parses it with ``html.parser`` into its element names and its visible text.
"""

from __future__ import annotations

import functools
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from tests.conftest import ROOT

BASE = Path(__file__).with_name("base")
SLUG = "hostile-case"
BASE_SOURCE = (BASE / "source.txt").read_text(encoding="utf-8")
BASE_META = (BASE / "meta.yml").read_text(encoding="utf-8")
COPIED = ["mkdocs.yml", "docs", "overrides", "scripts"]


def make_project(
    folder: Path,
    *,
    source: str | bytes | None = BASE_SOURCE,
    meta: str | bytes = BASE_META,
    slug: str = SLUG,
) -> Path:
    """A project at ``folder`` with one source; ``source=None`` writes no raw file."""
    for name in COPIED:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, folder / name)
    where = folder / "sources" / slug
    where.mkdir(parents=True)
    for curated in sorted((ROOT / "sources").glob("*.yml")):  # persons, glossary... authorities
        shutil.copy2(curated, folder / "sources" / curated.name)
    for name, content in (("meta.yml", meta), ("source.txt", source)):
        if isinstance(content, str):
            (where / name).write_bytes(content.encode("utf-8"))
        elif isinstance(content, bytes):
            (where / name).write_bytes(content)
    return folder


@functools.cache
def _markdown_config() -> tuple[list[str], dict[str, dict[str, object]]]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def to_html(page_markdown: str) -> str:
    """The HTML MkDocs makes of a generated page (front matter dropped), without the theme."""
    body, _meta = get_data(page_markdown)
    extensions, configs = _markdown_config()
    return markdown.markdown(body, extensions=extensions, extension_configs=configs)


@dataclass
class _Reader(HTMLParser):
    tags: list[str] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    _skip: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            self.scripts.append(data)
        else:
            self.text.append(data)


@dataclass(frozen=True)
class Html:
    """What a page holds: its element names, attribute names, script bodies and visible text."""

    tags: list[str]
    attributes: list[str]
    scripts: list[str]
    text: str


def read_html(html: str) -> Html:
    """Parse HTML with the standard library's parser; text is whitespace-normalised."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return Html(
        reader.tags, reader.attributes, reader.scripts, " ".join("".join(reader.text).split())
    )
