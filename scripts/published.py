"""The set of published sources, and what has been retired on purpose.

``sources/published.tsv`` (written by ``edition manifest --update``, committed) lists every
published source and the number of anchors its manifest held when it was written::

    # slug<TAB>anchors (written by 'edition manifest --update'; review in git diff)
    esau-17<TAB>138

The build stops, naming the line, when a listed source is gone (its folder removed or its
slug renamed), when its manifest ``sources/<slug>/anchors.tsv`` is missing, or when the
manifest holds fewer anchors than recorded (truncated) — unless the source is retired in
``sources/retired.yml``. A source not yet listed is new and allowed.

``sources/retired.yml`` records each decision to retire what was published::

    sources:
      - slug: old-slug
        redirect: new-slug        # the source that replaces it
        reason: renamed to match the series code
    anchors:
      - source: esau-17
        anchor: page-3
        reason: the page label was a misreading of the scan

A retired source keeps its addresses: the build writes a small HTML redirect page at
``/sources/<old>/`` and ``/sources/<old>/editorial/`` pointing to the new source. A retired
anchor may disappear from its source's page (its manifest line is then dropped by the next
``edition manifest --update``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from scripts.errors import EditionError
from scripts.pages import DataFile
from scripts.yamlfile import load_yaml, validate

PUBLISHED = Path("sources") / "published.tsv"
RETIRED = Path("sources") / "retired.yml"
HEADER = "# slug\tanchors (written by 'edition manifest --update'; review in git diff)"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RetiredSource(_Strict):
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    redirect: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Its replacement.")
    reason: str = Field(min_length=1)


class RetiredAnchor(_Strict):
    source: str
    anchor: str = Field(min_length=1)
    reason: str = Field(min_length=1)


class Retired(_Strict):
    """The schema of ``sources/retired.yml``."""

    sources: tuple[RetiredSource, ...] = ()
    anchors: tuple[RetiredAnchor, ...] = ()

    def anchors_of(self, slug: str) -> frozenset[str]:
        """The retired anchors of one source."""
        return frozenset(a.anchor for a in self.anchors if a.source == slug)


@dataclass(frozen=True)
class Listed:
    """One line of ``published.tsv``."""

    slug: str
    anchors: int
    line: int


def load_retired(root: Path) -> Retired:
    """``sources/retired.yml``, or nothing retired if the file does not exist."""
    path = root / RETIRED
    if not path.exists():
        return Retired()
    data, lines = load_yaml(path, display=str(RETIRED))
    return validate(Retired, data if data is not None else {}, lines, path=str(RETIRED))


def read_published(root: Path) -> list[Listed]:
    """The lines of ``published.tsv`` (empty if there is none)."""
    path = root / PUBLISHED
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        raise EditionError(str(PUBLISHED), 1, "starts with a byte-order mark (U+FEFF)")
    out: list[Listed] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[1].isdigit() or len(fields[1]) > 9:
            raise EditionError(str(PUBLISHED), number, "expected 'slug<TAB>number of anchors'")
        if fields[0] in seen:
            raise EditionError(
                str(PUBLISHED),
                number,
                f"{fields[0]} is listed twice (first on line {seen[fields[0]]})",
            )
        seen[fields[0]] = number
        out.append(Listed(fields[0], int(fields[1]), number))
    return out


def write_published(root: Path, counts: dict[str, int]) -> None:
    """Rewrite ``published.tsv`` from the manifests just written (slug → anchors)."""
    lines = [HEADER] + [f"{slug}\t{counts[slug]}" for slug in sorted(counts)]
    (root / PUBLISHED).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _anchor_lines(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    return sum(1 for line in text.split("\n") if line.strip() and not line.startswith("#"))


def check_none_vanished(root: Path, slugs: set[str], retired: Retired) -> None:
    """Stop if a published source is gone (folder removed, slug renamed) and not retired."""
    gone = {r.slug for r in retired.sources}
    for listed in read_published(root):
        if listed.slug not in gone and listed.slug not in slugs:
            raise EditionError(
                str(PUBLISHED),
                listed.line,
                f"published source {listed.slug!r} no longer exists (folder "
                f"sources/{listed.slug}/ removed or "
                "slug renamed): its anchors would break; retire it in sources/retired.yml "
                "with a redirect",
            )


def verify(root: Path, slugs: set[str], retired: Retired) -> None:
    """Stop if a published source vanished or lost its manifest, unless retired."""
    check_none_vanished(root, slugs, retired)
    gone = {r.slug for r in retired.sources}
    for listed in read_published(root):
        if listed.slug in gone:
            continue
        where = f"sources/{listed.slug}/"
        manifest = root / "sources" / listed.slug / "anchors.tsv"
        if not manifest.exists():
            raise EditionError(
                str(PUBLISHED),
                listed.line,
                f"the manifest {where}anchors.tsv of published source {listed.slug!r} is missing",
            )
        if _anchor_lines(manifest) < listed.anchors:
            raise EditionError(
                str(PUBLISHED),
                listed.line,
                f"the manifest {where}anchors.tsv holds {_anchor_lines(manifest)} anchors, "
                f"fewer than the {listed.anchors} published: it was truncated",
            )
    for source in retired.sources:
        if source.redirect not in slugs:
            raise EditionError(
                str(RETIRED), None, f"{source.slug!r} redirects to {source.redirect!r}, no source"
            )


def _redirect_page(target: str) -> str:
    url = html.escape(target, quote=True)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<title>Moved</title>\n<link rel="canonical" href="{url}">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n</head>\n'
        f'<body><p>This source has moved: <a href="{url}">{url}</a>.</p></body>\n</html>\n'
    )


def redirects(retired: Retired) -> list[DataFile]:
    """A redirect page at every address of every retired source."""
    out: list[DataFile] = []
    for source in retired.sources:
        out.append(
            DataFile(f"sources/{source.slug}/index.html", _redirect_page(f"../{source.redirect}/"))
        )
        out.append(
            DataFile(
                f"sources/{source.slug}/editorial/index.html",
                _redirect_page(f"../../{source.redirect}/editorial/"),
            )
        )
    return out
