"""Fixtures of the quality gates: the checkers installed under ``tools/`` and a fast server."""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, serve

TOOLS = ROOT / "tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"


def _tool(path: Path) -> Path:
    if not path.is_file():
        pytest.fail(
            f"{path.relative_to(ROOT)} is missing: run 'make quality-tools' (make test does it)"
        )
    return path


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    """The Nu HTML Checker, from the npm package pinned in tools/package-lock.json."""
    return _tool(VNU_JAR)


@pytest.fixture(scope="session")
def axe_js() -> Path:
    """axe-core, from the npm package pinned in tools/package-lock.json."""
    return _tool(AXE_JS)


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of the built site, in a stable order."""
    return sorted(site_dir.rglob("*.html"))


class _Unthrottled(http.server.SimpleHTTPRequestHandler):
    """Serves the site with the header that lets LinkChecker lift its 10 requests/s limit."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def unthrottled_site_url(site_dir: Path) -> Iterator[str]:
    """The built site on loopback, marked so that LinkChecker does not wait between requests."""
    for url in serve(site_dir, _Unthrottled):
        yield url + "/"
