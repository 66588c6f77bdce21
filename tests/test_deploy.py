"""A real address: EDITION_SITE_URL sets site_url; a publication build refuses the placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from scripts.deploy import PLACEHOLDER_HOST, check_site_url
from scripts.errors import EditionError
from tests.conftest import ROOT, build_site


def test_publication_build_refuses_the_placeholder_host() -> None:
    with pytest.raises(EditionError, match="EDITION_SITE_URL"):
        check_site_url(f"https://{PLACEHOLDER_HOST}/", publish=True)


@pytest.mark.parametrize("url", ["", "file:///tmp/site/", "not a url"])
def test_publication_build_refuses_an_address_that_is_not_public(url: str) -> None:
    with pytest.raises(EditionError):
        check_site_url(url, publish=True)


def test_publication_build_accepts_a_real_address() -> None:
    assert check_site_url("https://edition.example.net/", publish=True) is None


def test_local_build_keeps_the_placeholder_and_says_so() -> None:
    note = check_site_url(f"https://{PLACEHOLDER_HOST}/", publish=False)
    assert note is not None and "EDITION_SITE_URL" in note


def test_environment_variable_sets_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_SITE_URL", "https://edition.example.net/")
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config["site_url"] == "https://edition.example.net/"
    monkeypatch.delenv("EDITION_SITE_URL")
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config["site_url"] == f"https://{PLACEHOLDER_HOST}/"


def test_publish_build_with_the_placeholder_stops_with_one_clear_line(tmp_path: Path) -> None:
    placeholder = f"https://{PLACEHOLDER_HOST}/"
    result = build_site(
        tmp_path / "site", env={"EDITION_PUBLISH": "1", "EDITION_SITE_URL": placeholder}
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "site_url" in line]
    assert len(errors) == 1 and "placeholder host" in errors[0], result.stderr
