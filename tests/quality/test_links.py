"""Every link and anchor of the built site resolves (LinkChecker with its AnchorCheck plugin)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from tests.quality.conftest import html_pages

CONFIG = Path(__file__).with_name("linkcheckerrc")
RUNNER = Path(__file__).with_name("run_linkchecker.py")


def _rows(output: str) -> list[dict[str, str]]:
    # LinkChecker writes "# " comment lines before the header; a row may itself start with "#"
    # (a link to a fragment of the same page), so only the lines before the header are skipped.
    lines = output.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("urlname;")), len(lines))
    body = [line for line in lines[start:] if not line.startswith("# ")]
    return list(csv.DictReader(body, delimiter=";"))


def _page_url(base: str, page: Path, site_dir: Path) -> str:
    relative = page.relative_to(site_dir).as_posix()
    return base + relative.removesuffix("index.html")


def test_every_internal_link_and_anchor_of_the_site_resolves(
    site_dir: Path, unthrottled_site_url: str
) -> None:
    """Broken links are errors and missing anchors are warnings in LinkChecker: both fail."""
    result = subprocess.run(
        [
            sys.executable,
            str(RUNNER),
            "--config",
            str(CONFIG),
            "--no-status",
            "--verbose",
            "--output",
            "csv",
            unthrottled_site_url,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    rows = _rows(result.stdout)
    problems = [row for row in rows if row["valid"] != "True" or row["warningstring"]]
    report = "\n".join(
        f"{row['parentname']}:{row['line']}: {row['urlname']}: {row['result']} {row['warningstring']}"
        for row in problems
    )
    assert not problems, report
    # 0: all fine; 1: broken links or warnings (caught above); 2: LinkChecker itself failed.
    assert result.returncode == 0, result.stderr[-2000:]
    # The crawl reached every page the build wrote (404.html is linked from nowhere).
    checked = {row["url"].split("#")[0] for row in rows}
    pages = {_page_url(unthrottled_site_url, p, site_dir) for p in html_pages(site_dir)}
    unreached = sorted(pages - checked - {unthrottled_site_url + "404.html"})
    assert not unreached, f"pages no link leads to: {unreached}"
