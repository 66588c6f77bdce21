"""Builds that cannot corrupt the site folder (:mod:`scripts.site_swap`).

Real ``mkdocs build`` processes in a throw-away project: two at once into the same folder
both finish and leave a whole site; a failing build and a killed build leave the previous
site exactly as it was, and no folder of their own behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.hostile.cases import REFUSED
from tests.hostile.project import SLUG, make_project


def _start(root: Path, site: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=root,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="0"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _snapshot(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def _leftovers(site: Path) -> list[str]:
    return sorted(
        p.name for p in site.parent.iterdir() if ".building-" in p.name or ".old-" in p.name
    )


def test_two_builds_into_one_folder_both_finish_with_a_whole_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    site = tmp_path / "site"
    first, second = _start(root, site), _start(root, site)
    for process in (first, second):
        _out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    assert (site / "sources" / SLUG / "index.html").is_file()
    assert (site / "search" / "manifest.js").is_file()
    assert _leftovers(site) == []


def test_a_failing_build_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    site = tmp_path / "site"
    good = _start(root, site)
    assert good.wait(timeout=600) == 0
    before = _snapshot(site)
    case = REFUSED["reference-with-no-note"]
    assert isinstance(case.source, str)
    (root / "sources" / SLUG / "source.txt").write_text(case.source, encoding="utf-8")
    bad = _start(root, site)
    _out, err = bad.communicate(timeout=600)
    assert bad.returncode != 0 and "Footnote 9" in err
    assert _snapshot(site) == before
    assert _leftovers(site) == []


def test_a_killed_build_leaves_the_previous_site_as_it_was(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    site = tmp_path / "site"
    assert _start(root, site).wait(timeout=600) == 0
    before = _snapshot(site)
    (root / "docs" / "how-to-cite.md").write_text(
        "# Changed\n\nA changed page.\n", encoding="utf-8"
    )
    killed = _start(root, site)
    # Kill it once it is writing its own folder (or when it has finished: either way the
    # site must be a whole site, the old or the new one, never a mixture).
    for _ in range(600):
        if _leftovers(site) or killed.poll() is not None:
            break
        subprocess.run(["sleep", "0.05"], check=True)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=60)
    after = _snapshot(site)
    changed = "A changed page." in after.get("how-to-cite/index.html", b"").decode()
    if not changed:
        assert after == before
    assert (site / "sources" / SLUG / "index.html").is_file()
    again = _start(root, site)
    _out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert _leftovers(site) == []
