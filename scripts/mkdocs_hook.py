"""The MkDocs glue, kept thin: run the pipeline and hand its pages to MkDocs.

- ``on_config``: check the public address (:mod:`scripts.deploy`: a publication build refuses
  the placeholder host), make rebuilds reproducible (``SOURCE_DATE_EPOCH`` from the last commit
  when unset); when the pipeline's code changed, drop its modules so ``mkdocs serve`` picks
  up the edit, and empty the cache of normalised sources; take the build lock and write
  into a fresh folder beside ``site_dir`` (:mod:`scripts.site_swap`); keep the theme's search
  plugin for the header's search box only (its unread index is not built: the edition's own
  is written by :mod:`scripts.search`).
- ``on_files``: run :func:`scripts.site.build` with that cache (a source whose files did not
  change is not normalised again on a rebuild) and add every generated page and data file
  as a virtual file (nothing generated is written into ``docs/``), and the PDF of each source
  (:mod:`scripts.pdf`, cached in ``.cache/pdf`` by the hash of its inputs).
- ``on_config`` / ``on_files``: serve the edition's style sheets as one minified file and its
  scripts minified (:mod:`scripts.render.assets`); the theme's files are left as they are.
- ``on_page_markdown``: mark each page's front-matter ``title`` (plain text) as escaped HTML
  (:func:`scripts.render.escape.title_markup`): MkDocs and Material write a page title
  unescaped into ``<title>``, the header, the navigation and the search index.
- ``on_page_markdown`` / ``on_page_content``: set the pipeline's HTML-ready runs aside before
  the Markdown conversion and put them back after it (:mod:`scripts.render.ready`), with
  their ids for MkDocs' anchor check: the reading text is not parsed twice for nothing.
- ``on_page_content`` / ``on_post_page``: let go of a generated page's Markdown once it is
  HTML, and of its HTML once the page is written, which MkDocs would keep to the end of the
  build (memory that grew with the corpus).
- ``on_post_build``: for the offline copy, point links at ``index.html`` files
  (:mod:`scripts.offline`); then swap the complete site into
  ``site_dir`` and release the lock.
- ``on_build_error``: drop the half-written folder and release the lock.

Bad input raises :class:`~scripts.errors.EditionError`; it is re-raised as MkDocs'
``PluginError`` so the user sees one line naming file and line, and no traceback.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("mkdocs.hooks.edition")

_BUILD: Any = None
"""The build in progress (:class:`scripts.site_swap.Build`), between on_config and the end."""

PDF_CACHE = ROOT / ".cache" / "pdf"


def _commit_time() -> str | None:
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


_CACHE: dict[str, object] = {}
"""Normalised sources by the hash of their inputs, kept across ``mkdocs serve`` rebuilds."""
_STATE: dict[str, object] = {}
_READY: dict[str, list[str]] = {}
_STYLES: list[str] = []
_THEME: dict[str, Any] = {}
"""The style sheets ``extra_css`` named, which the site serves as one file."""
"""The HTML-ready runs of a page between its Markdown conversion and its content event."""
_LAST_PDFS: dict[str, Any] = {}
"""The PDFs of the previous build of this process, by path (``mkdocs serve``)."""


def _code_stamp() -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file of the pipeline's code."""
    return tuple(
        (str(p), p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted((ROOT / "scripts").rglob("*.py"))
    )


def on_config(config: Any) -> Any:
    from scripts import deploy, offline
    from scripts.errors import EditionError

    try:
        note = deploy.check_site_url(config["site_url"] or "", publish=deploy.publishing())
    except EditionError as err:
        raise PluginError(str(err)) from None
    if note:
        log.info(note)
    if offline.enabled():
        offline.configure(config)
    _idle_theme_search(config)
    try:
        _one_stylesheet(config)
        _palette_script(config)
    except ModuleNotFoundError as err:  # an environment set up before the minifiers existed
        raise _lacking(err, "the site's scripts and style sheets") from None
    if "SOURCE_DATE_EPOCH" not in os.environ:
        os.environ["SOURCE_DATE_EPOCH"] = _commit_time() or "0"
    stamp = _code_stamp()
    if stamp != _STATE.get("code"):
        # Edited code: import it afresh, and forget what the old code computed.
        for name in [m for m in sys.modules if m == "scripts" or m.startswith("scripts.")]:
            if name != __name__:
                del sys.modules[name]
        _CACHE.clear()
        _STATE["code"] = stamp
    from scripts import site_swap

    global _BUILD
    if _BUILD is not None:  # a previous build of this process ended without either event
        site_swap.abandon(_BUILD)
    _BUILD = site_swap.begin(config["site_dir"])
    config["site_dir"] = str(_BUILD.building)
    return config


def _lacking(err: ModuleNotFoundError, what: str, other: str = "") -> PluginError:
    """One line for a package the locked environment has and this one lacks (an environment
    set up before ``uv.lock`` gained it), instead of a traceback."""
    return PluginError(
        f"{what} need {err.name!r}, which this environment lacks: run 'make setup'{other}"
    )


def _one_stylesheet(config: Any) -> None:
    """Pages link one style sheet of the edition's own, written in ``on_files`` from the sheets
    ``extra_css`` names (:mod:`scripts.render.assets`)."""
    from scripts.render import assets

    _STYLES[:] = [str(sheet) for sheet in config["extra_css"]]
    config["extra_css"] = [assets.STYLESHEET]


def _palette_script(config: Any) -> None:
    """The colour-scheme script the header's template writes into every page, minified."""
    from scripts.render import assets

    script = assets.inline_script(assets.PALETTE_SCRIPT.read_text("utf-8"))
    config["extra"]["edition_palette_script"] = script


def _own_assets(files: Files, config: Any) -> None:
    """Minify the edition's scripts and add its one style sheet (not the theme's files)."""
    from scripts.render import assets

    docs = os.path.join(config["docs_dir"], "")  # absolute, as MkDocs gives it
    for file in files:
        own = file.generated_by is not None or (file.abs_src_path or "").startswith(docs)
        if own and file.src_uri.startswith("assets/") and file.src_uri.endswith(".js"):
            file.content_string = assets.script(file.content_string)
    sheets = []
    for name in _STYLES:
        sheet = files.get_file_from_path(name)
        if sheet is None:
            raise PluginError(f"mkdocs.yml: extra_css names {name!r}, which the site does not have")
        sheets.append((name, sheet.content_string))
    files.append(File.generated(config, assets.STYLESHEET, content=assets.stylesheet(sheets)))


def _idle_theme_search(config: Any) -> None:
    """Keep the theme's search plugin for the header's search box only.

    The box is drawn only while ``material/search`` is configured and enabled, but the plugin's
    index (an HTML parse of every page, about a tenth of a build) is never read: the edition
    writes its own (:mod:`scripts.search`). Its per-page and end-of-build events are taken out of
    the event lists, so that work is not done; its configuration step still runs.
    """
    plugin = config["plugins"].get("material/search")
    if plugin is None:
        return
    events = config["plugins"].events
    for name in ("page_context", "post_build"):
        events[name] = [m for m in events[name] if getattr(m, "__self__", None) is not plugin]


def on_startup(*, command: str, dirty: bool) -> None:
    _STATE["command"] = command
    _STATE["dirty"] = dirty


def _pdf_enabled() -> bool:
    """False when ``EDITION_PDF=0``: no PDFs and no links to them (the benchmark measures the
    PDFs on their own)."""
    return os.environ.get("EDITION_PDF", "1") != "0"


def _pdfs(sources: Any, site_url: str) -> list[Any]:
    """The PDFs to publish: rendered (or taken from the cache) on a build; in a rebuild of
    ``mkdocs serve`` only cached ones, else the one of the previous build (a stale preview is
    logged; ``make build`` renders it afresh), so that a rebuild stays quick. A source with
    neither (added while serving) is rendered."""
    if not _pdf_enabled():
        return []
    from scripts.pdf.build import build_pdfs
    from scripts.pdf.document import pdf_path

    epoch = int(os.environ["SOURCE_DATE_EPOCH"])
    rebuild = _STATE.get("command") == "serve" and bool(_LAST_PDFS)
    pdfs = build_pdfs(
        sources, site_url=site_url, epoch=epoch, cache_dir=PDF_CACHE, render=not rebuild
    )
    fresh = {pdf.path for pdf in pdfs}
    for source in sources:
        path = pdf_path(source)
        if path in fresh:
            continue
        if path in _LAST_PDFS:
            log.info("%s: the PDF is from before your edit (make build renders it afresh)", path)
            pdfs.append(_LAST_PDFS[path])
        else:
            pdfs += build_pdfs([source], site_url=site_url, epoch=epoch, cache_dir=PDF_CACHE)
    _LAST_PDFS.update((pdf.path, pdf) for pdf in pdfs)
    return pdfs


def on_files(files: Files, config: Any) -> Files:
    from scripts import offline
    from scripts.errors import EditionError
    from scripts.site import build

    site_url = config["site_url"] or ""
    try:
        output = build(ROOT, site_url=site_url, cache=_CACHE, pdf=_pdf_enabled())
        pdfs = _pdfs(output.sources, site_url)
    except EditionError as err:
        raise PluginError(str(err)) from None
    except ModuleNotFoundError as err:  # an environment set up before the PDFs existed
        raise _lacking(err, "the PDFs", " (or build without PDFs: EDITION_PDF=0)") from None
    for pdf in pdfs:
        files.append(File.generated(config, pdf.path, content=pdf.content))
    for page in output.pages:
        files.append(File.generated(config, page.path, content=page.content))
    for data in output.data:
        files.append(File.generated(config, data.path, content=data.content.encode("utf-8")))
    if offline.enabled():
        try:
            files.append(File.generated(config, offline.SHIM_URL, content=offline.shim()))
        except FileNotFoundError as err:
            raise PluginError(str(err)) from None
    _own_assets(files, config)
    _theme_sheets(files, config)
    return files


def _theme_sheets(files: Files, config: Any) -> None:
    """Note the theme's style sheets, which :func:`_prune_theme_sheets` cuts to the rules
    the site can use once every page is written, and start the vocabulary of the pages."""
    from scripts.render import prune

    docs = os.path.join(config["docs_dir"], "")
    sheets = {
        file.dest_uri: file.abs_src_path
        for file in files
        if file.generated_by is None
        and file.abs_src_path
        and not file.abs_src_path.startswith(docs)
        and re.fullmatch(r"assets/stylesheets/[^/]+\.css", file.src_uri)
    }
    texts = {dest: Path(src).read_text("utf-8") for dest, src in sorted(sheets.items())}
    _THEME.clear()
    _THEME.update(
        sheets=texts, sources=sheets, pages=set(), words=prune.Vocabulary(prune.needs(list(texts.values())))
    )


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    from scripts.render import ready
    from scripts.render.escape import title_markup

    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = title_markup(page.meta["title"])
    markdown, runs = ready.set_aside(markdown)
    if runs:
        _READY[page.file.src_uri] = runs
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    from scripts.render import ready

    _release_markdown(page)
    runs = _READY.pop(page.file.src_uri, None)
    if not runs:
        return html
    # The ids of the set-aside HTML, for MkDocs' check of links to anchors of this page.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | ready.anchor_ids(runs)
    return ready.restore(html, runs)


def _release_markdown(page: Any) -> None:
    """Let go of a page's Markdown once it is HTML (and of the generated file that held it).

    MkDocs converts every page before it writes the first one, and keeps each page's Markdown
    (``page.markdown`` and the generated file's content) to the end: on an edition of 300
    sources, hundreds of megabytes nothing reads again. Nothing does after this event (the
    theme's search plugin, which would, is idle: :func:`_idle_theme_search`).
    """
    page.markdown = ""  # not None: MkDocs reads a None Markdown as "no title yet"
    if page.file.generated_by is not None:
        page.file.content_bytes = b""


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Let go of a page's HTML once it is written into its template (MkDocs keeps every
    page's to the end of the build; only the page's own template reads it); note what the
    page's markup uses of the theme's style sheets."""
    page.content = None
    if _THEME:
        _THEME["words"].add_page(output)
        _THEME["pages"].add(page.file.dest_uri)
    return output


def _prune_theme_sheets(site_dir: Path) -> None:
    """Write the theme's style sheets cut to the rules the built site can use
    (:mod:`scripts.render.prune`). A dirty build (``--dirty``) writes only some pages, so it
    cannot know what the others use: it serves the theme's sheets whole."""
    from scripts.render import assets, prune

    if not _THEME:
        return
    sheets, sources = _THEME["sheets"], _THEME["sources"]
    if _STATE.get("dirty"):
        for dest, src in sources.items():
            (site_dir / dest).write_bytes(Path(src).read_bytes())
        return
    words = _THEME["words"]
    for path in sorted(site_dir.rglob("*.html")):  # pages of no Markdown file (404.html)
        if path.relative_to(site_dir).as_posix() not in _THEME["pages"]:
            words.add_page(path.read_text("utf-8", errors="replace"))
    for path in sorted((site_dir / "assets" / "javascripts").rglob("*.js")):
        words.add_script(path.read_text("utf-8", errors="replace"))
    ours = [(site_dir / assets.STYLESHEET).read_text("utf-8")]
    for dest, text in zip(sheets, prune.prune(list(sheets.values()), words, ours), strict=True):
        (site_dir / dest).write_text(text, "utf-8")


@event_priority(-200)  # after the theme's search and offline plugins (0 and -100)
def on_post_build(config: Any) -> None:
    from scripts import offline, site_swap

    global _BUILD
    site_dir = Path(config["site_dir"])
    _prune_theme_sheets(site_dir)
    if offline.enabled():
        offline.link_files(site_dir)
    if _BUILD is not None:
        build, _BUILD = _BUILD, None
        config["site_dir"] = str(build.final)
        site_swap.finish(build)


def on_build_error(error: Exception) -> None:
    from scripts import site_swap

    global _BUILD
    if _BUILD is not None:
        build, _BUILD = _BUILD, None
        site_swap.abandon(build)
