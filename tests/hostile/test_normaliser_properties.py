"""Property-based tests of every registered normaliser (hypothesis).

For any text, a normaliser either returns a document that passes the conservation check
(every token of the raw text accounted for) or refuses with :class:`SourceError`, which the
loader reports as ``file:line: message``. Any other exception is a crash, and a conservation
failure means a word was lost or invented: both are bugs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.errors import EditionError
from scripts.normalise import NORMALISERS
from scripts.sources import normalise_witness
from tests.conftest import ROOT
from tests.hostile.cases import PAYLOADS
from tests.hostile.project import BASE_SOURCE

# Lines of every raw text in the project (whatever sources exist) and of the hostile base:
# the material the generated inputs are made of, so they reach past the first layout check.
REAL_LINES = sorted(
    {
        line
        for path in [
            *sorted((ROOT / "sources").glob("*/source.*")),
            Path(__file__).with_name("base") / "source.txt",
        ]
        for line in path.read_text(encoding="utf-8").split("\n")
    }
)
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*/source.*"))]
SEEDS.append(BASE_SOURCE)

_line = st.one_of(
    st.sampled_from(REAL_LINES),
    st.sampled_from(list(PAYLOADS.values())),
    st.text(max_size=60),
    st.sampled_from(
        ["", "Summary", "Footnotes", "Footnote 1", "1 A note.", "- 17 -", "[REDACTED]"]
    ),
)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    """A real raw text with a few lines deleted, duplicated, replaced or inserted."""
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "replace", "append"]))
        if action == "insert":
            lines.insert(at, draw(_line))
        elif lines and at < len(lines):
            if action == "delete":
                del lines[at]
            elif action == "duplicate":
                lines.insert(at, lines[at])
            elif action == "replace":
                lines[at] = draw(_line)
            else:
                lines[at] += draw(st.text(max_size=20))
    return "\n".join(lines)


_raw = st.one_of(st.text(max_size=400), st.lists(_line, max_size=40).map("\n".join), _mutated())


def _check(raw: str, name: str) -> None:
    try:
        normalise_witness(raw, name, display="generated.txt")
    except EditionError as err:
        # A refusal (SourceError) names a line and says why; a conservation failure is a bug.
        assert "conservation check failed" not in err.message, str(err)


# Normalisers with an open conservation bug (minimal input in test_normaliser_bugs.py);
# remove the name once its owner has fixed it.
KNOWN_BUGS: set[str] = set()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason="open conservation bug (see above)"))
        if n in KNOWN_BUGS
        else n
        for n in sorted(NORMALISERS)
    ],
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=_raw)
def test_normaliser_never_crashes_and_conserves_every_token(name: str, raw: str) -> None:
    _check(raw, name)
