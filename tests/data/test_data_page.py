"""The data page lists every machine-readable file of the build, and is linked where readers look."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.datafiles import FILES_LISTED, KINDS, check_described, kind_of, render_data_page
from scripts.errors import EditionError
from scripts.pages import DataFile
from scripts.render.escape import md_inline

DATA_SUFFIXES = {".json", ".csv", ".bib", ".ris", ".xml", ".txt"}


def test_a_data_file_without_a_catalogue_entry_stops_the_build() -> None:
    with pytest.raises(EditionError, match="not described"):
        check_described([DataFile("data/new-export.parquet", "")])


def test_catalogue_patterns_do_not_overlap_for_the_files_they_describe() -> None:
    assert kind_of("sources/esau-17/esau-17-witness.txt") is not None
    assert kind_of("sources/esau-17/esau-17.xml") is not None
    assert len({k.pattern for k in KINDS}) == len(KINDS)


def test_a_kind_with_many_files_links_a_few_and_counts_the_rest_by_their_pattern() -> None:
    # An edition of 300 sources: one TEI file each, and one persons index.
    files = [DataFile(f"sources/s{i:03}/s{i:03}.xml", "") for i in range(300)]
    files.append(DataFile("data/persons.json", "[]"))
    page = render_data_page(files).content
    linked = [line for line in page.splitlines() if line.startswith("- [s")]
    names = [md_inline(f"s{i:03}.xml") for i in range(FILES_LISTED)]
    assert linked == [f"- [{name}](../sources/s{i:03}/s{i:03}.xml)" for i, name in enumerate(names)]
    assert (
        f"- and {300 - FILES_LISTED} more, named like `sources/*/*.xml`: each source's "
        "reading page links its own"
    ) in page
    assert f"- [{md_inline('persons.json')}](../data/persons.json)" in page


def test_a_kind_with_one_file_more_than_the_limit_links_them_all() -> None:
    files = [DataFile(f"sources/s{i}/s{i}.bib", "") for i in range(FILES_LISTED + 1)]
    page = render_data_page(files).content
    assert sum(line.startswith("- [s") for line in page.splitlines()) == FILES_LISTED + 1
    assert "more, named like" not in page


def test_the_data_page_links_every_data_file_of_the_site(site_dir: Path) -> None:
    page = (site_dir / "data" / "index.html").read_text("utf-8")
    published = [
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*")
        if p.suffix in DATA_SUFFIXES
        and p.parts[len(site_dir.parts)] in ("data", "sources")
        and p.name != "sitemap.xml"
    ]
    assert len(published) >= 10
    for path in published:
        href = path.removeprefix("data/") if path.startswith("data/") else "../" + path
        assert f'href="{href}"' in page, f"the data page does not list {path}"
    assert "CC BY 4.0" in page


@pytest.mark.parametrize("page", ["index.html", "how-to-cite/index.html"])
def test_home_and_how_to_cite_link_to_the_data_page(site_dir: Path, page: str) -> None:
    html = (site_dir / page).read_text("utf-8")
    assert 'href="data/"' in html or 'href="../data/"' in html
