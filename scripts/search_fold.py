"""Accent-insensitive search: write Material's search worker with the folding prelude in front.

The prelude (``scripts/assets/search-fold-prelude.js``) folds the indexed documents and the
queries and restores the original letters in the results; ``overrides/main.html`` points
Material at the combined worker. Called by the MkDocs hook after the build.
"""

from __future__ import annotations

from pathlib import Path

PRELUDE = Path(__file__).parent / "assets" / "search-fold-prelude.js"
WORKER_NAME = "search-folded.js"


def write_folded_worker(site_dir: Path) -> Path:
    """Concatenate the prelude and Material's worker into ``assets/javascripts/workers/``."""
    workers = site_dir / "assets" / "javascripts" / "workers"
    material = sorted(p for p in workers.glob("search.*.min.js"))
    if len(material) != 1:
        raise RuntimeError(
            f"expected one Material search worker in {workers}, found {len(material)}"
        )
    text = material[0].read_text(encoding="utf-8")
    text = "\n".join(
        line for line in text.split("\n") if not line.startswith("//# sourceMappingURL")
    )
    target = workers / WORKER_NAME
    target.write_text(PRELUDE.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    return target
