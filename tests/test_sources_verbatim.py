"""Every raw text under sources/ is byte-identical to the seed it was copied from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the project")
@pytest.mark.parametrize(
    "meta_path",
    sorted(Path(__file__).parent.parent.glob("sources/*/meta.yml")),
    ids=lambda p: p.parent.name,
)
def test_raw_text_is_byte_identical_to_a_delivered_seed(meta_path: Path) -> None:
    """The edition's raw witness is the delivered text, byte for byte."""
    from scripts.meta import load_meta

    meta = load_meta(meta_path, display=str(meta_path))
    raw = (meta_path.parent / meta.file).read_bytes()
    seeds = {p.read_bytes(): p.name for p in SEEDS.glob("*") if p.name != "README.md"}
    assert raw in seeds, f"{meta.slug}: {meta.file} differs from every seed in {SEEDS}"
