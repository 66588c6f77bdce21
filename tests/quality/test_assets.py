"""The edition's scripts and style sheets as served: minified, the sheets in one file, same behaviour."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.render import assets

ROOT = Path(__file__).resolve().parents[2]


def _extra_css() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    block = re.search(r"^extra_css:\n((?:  - .*\n)+)", text, re.M)
    assert block, "mkdocs.yml has no extra_css list"
    return [str(item) for item in yaml.safe_load(block.group(1))]


def _source_of(served: str) -> Path | None:
    """The file under docs/ or scripts/ that the site serves at ``served``, if it is ours."""
    found = [ROOT / "docs" / served, *ROOT.glob(f"scripts/**/{Path(served).name}")]
    return next((path for path in found if path.is_file()), None)


def test_minified_stylesheet_keeps_each_sheet_in_order_and_drops_only_comments() -> None:
    first = "/* a comment */\n.a  >  .b {\n  width: calc(100% - 2em);\n}\n@media print { .a { display: none; } }\n"
    second = ".b { color: red; }\n"
    out = assets.stylesheet([("one.css", first), ("two.css", second)])
    assert "a comment" not in out
    assert "calc(100% - 2em)" in out  # the spaces calc() needs are kept
    assert out.index("/*! one.css */") < out.index(".a>.b") < out.index("/*! two.css */") < out.index(".b{color:red}")
    assert "@media print{.a{display:none}}" in out


def test_minified_script_keeps_strings_regular_expressions_and_template_literals() -> None:
    source = (
        "// a comment\nvar s = \"a  // b\";\nvar r = /a  b\\/c/g;\n"
        "var t = `x  ${ s }  /* kept */`;\n/* gone */ var q = 4 / 2 / 1;\n"
    )
    out = assets.script(source)
    assert "a comment" not in out and "gone" not in out
    for kept in ('"a  // b"', "/a  b\\/c/g", "`x  ${ s }  /* kept */`", "q=4/2/1"):
        assert kept in out


def test_pages_link_one_edition_stylesheet_made_of_every_extra_css_sheet(site_dir: Path) -> None:
    page = (site_dir / "sources" / "mao-indochina-war" / "index.html").read_text("utf-8")
    sheets = re.findall(r'<link rel="stylesheet" href="\.\./\.\./(assets/stylesheets/[^"]+)"', page)
    own = [sheet for sheet in sheets if not re.search(r"/(main|palette)\.[0-9a-f]+\.min\.css$", sheet)]
    assert own == [assets.STYLESHEET]
    names = _extra_css()
    assert len(names) >= 5
    sources = [_source_of(name) for name in names]
    assert all(sources), names
    expected = assets.stylesheet([(n, p.read_text("utf-8")) for n, p in zip(names, sources, strict=True) if p])
    assert (site_dir / assets.STYLESHEET).read_text("utf-8") == expected


def test_served_scripts_are_the_minified_sources(site_dir: Path) -> None:
    served = sorted((site_dir / "assets" / "javascripts").glob("*.js"))
    own = [path for path in served if _source_of(f"assets/javascripts/{path.name}") is not None]
    assert {path.name for path in own} >= {"edition.js", "diplomatic.js", "search.js", "timeline.js"}
    for path in own:
        source = _source_of(f"assets/javascripts/{path.name}")
        assert source is not None
        text = path.read_text("utf-8")
        assert text == assets.script(source.read_text("utf-8"))
        assert len(text) < len(source.read_text("utf-8"))



def test_pages_drive_the_colour_toggle_with_the_editions_script_not_the_themes_component(
    site_dir: Path,
) -> None:
    """Material's palette component (three restylings of the whole page at load) is not
    mounted: the toggle's form lacks data-md-component="palette"; the edition's script, after
    the header, is there once and minified (no comment, no indentation)."""
    page = (site_dir / "sources" / "mao-indochina-war" / "index.html").read_text("utf-8")
    assert 'data-md-component="palette"' not in page
    assert page.count("<form class=\"md-header__option edition-script-only\" data-edition-palette>") == 1
    scripts = re.findall(r"<script>(window\.__editionPalette=.*?)</script>", page, re.S)
    assert len(scripts) == 1
    assert page.index("data-edition-palette") < page.index(scripts[0]) > page.index('for="__search"')
    assert "/*" not in scripts[0] and "\n  " not in scripts[0]
    assert scripts[0] == assets.inline_script(assets.PALETTE_SCRIPT.read_text("utf-8"))
    assert assets.inline_script("var a = 1; // one\n  var b = 2;") == "var a=1;var b=2;"
