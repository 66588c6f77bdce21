"""Broken curated authority data (``sources/persons.yml``) stops ``edition check`` with one
line naming the file and the line of the offending entry, never a traceback.

The indexes read the authority files beside the ``scripts`` package, so each case runs the
command line in a throw-away copy of the project (:func:`tests.hostile.project.make_project`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.project import make_project

PERSON = """
- id: {id}
  name: {name}
  variants: [{variant}]
  role: a test entry
  category: actor
  family: {family}
"""

CASES: dict[str, tuple[str, int, str]] = {
    # (text appended to the real file, line of the appended text that is wrong, message words)
    "variant-claimed-twice": (
        PERSON.format(id="someone-else", name="Someone Else", variant="Le Duan", family="Else"),
        4,
        "already a name or variant of 'le-duan'",
    ),
    "duplicate-id": (
        PERSON.format(id="le-duan", name="Another Person", variant="A. Person", family="Person"),
        2,
        "duplicate id 'le-duan'",
    ),
    "unknown-field": (
        PERSON.format(id="new-person", name="New Person", variant="N. Person", family="Person")
        + "  nickname: Newcomer\n",
        8,
        "unknown field",
    ),
    "impossible-unquoted-birth-date": (
        PERSON.format(id="new-person", name="New Person", variant="N. Person", family="Person")
        + "  born: 1890-02-30\n",
        8,
        "February 1890 has no day 30",
    ),
    "javascript-uri": (
        PERSON.format(id="new-person", name="New Person", variant="N. Person", family="Person")
        + "  uri: 'javascript:alert(4)'\n",
        8,
        "not an http or https URL",
    ),
    "alias-bomb": (
        "- &a0 {id: x, name: X, role: r, category: actor}\n"
        + "".join(f"- &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)),
        1,
        "anchors and aliases",
    ),
    "integer-of-5000-digits": (
        PERSON.format(id="new-person", name="New Person", variant="N. Person", family="Person")
        + "  born: "
        + "1" * 5000
        + "\n",
        8,
        "5000 digits",
    ),
    "unclosed-list": (
        PERSON.format(
            id="new-person", name="New Person", variant="N. Person", family="Person"
        ).replace("]", ""),
        5,
        "invalid YAML",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_person_authority_is_refused_at_its_line(name: str, tmp_path: Path) -> None:
    appended, line, words = CASES[name]
    root = make_project(tmp_path / "project")
    persons = root / "sources" / "persons.yml"
    original = persons.read_text(encoding="utf-8")
    persons.write_text(original.rstrip("\n") + "\n" + appended, encoding="utf-8")
    expected_line = original.rstrip("\n").count("\n") + 1 + line
    result = subprocess.run(
        [sys.executable, "-m", "scripts.cli", "--root", str(root), "check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    message = result.stderr.strip()
    assert "\n" not in message, message
    assert message.startswith(f"error: sources/persons.yml:{expected_line}:"), message
    assert words in message, message
