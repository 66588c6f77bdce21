"""The theme's style sheets cut to the rules the site can use (scripts/render/prune.py)."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.render import prune


def _pruned(sheet: str, pages: list[str], scripts: tuple[str, ...] = (), ours: str = "") -> str:
    words = prune.Vocabulary(prune.needs([sheet]))
    for page in pages:
        words.add_page(page)
    for script in scripts:
        words.add_script(script)
    (out,) = prune.prune([sheet], words, [ours])
    return out.strip()


def test_a_rule_for_a_class_no_page_has_is_dropped_and_the_others_keep_their_order() -> None:
    sheet = ".b{color:red}.gone{color:blue}.a{margin:0}.a .gone,.b{padding:0}"
    out = _pruned(sheet, ['<p class="a b">x</p>'])
    assert out == ".b{color:red}.a{margin:0}.b{padding:0}"


def test_a_class_a_script_names_keeps_its_rules() -> None:
    sheet = ".md-search-result__item{color:red}.never{color:blue}"
    out = _pruned(sheet, ["<p>x</p>"], ('el.className = "md-search-result__item";',))
    assert out == ".md-search-result__item{color:red}"


def test_an_inline_script_of_a_page_counts_but_a_json_block_does_not() -> None:
    sheet = ".set-by-script{color:red}.only-data{color:blue}"
    page = (
        '<script>document.body.classList.add("set-by-script")</script>'
        '<script type="application/json">{"x": "only-data"}</script>'
    )
    assert _pruned(sheet, [page]) == ".set-by-script{color:red}"


def test_element_names_are_judged_and_what_functional_selectors_hold_is_not() -> None:
    sheet = "kbd{color:red}p:not(.nowhere){color:blue}:is(.nowhere,.a) span{margin:0}table{x:1}"
    out = _pruned(sheet, ['<p class="a"><span>x</span></p>'])
    assert out == "p:not(.nowhere){color:blue}:is(.nowhere,.a) span{margin:0}"


def test_an_attribute_value_test_needs_that_value_in_the_markup() -> None:
    sheet = (
        "[data-md-color-primary=indigo]{--p:blue}[data-md-color-primary=red]{--p:red}"
        "[hidden]{display:none}"
    )
    page = '<body data-md-color-primary="indigo"><p>x</p></body>'
    out = _pruned(sheet, [page], ours="a{color:var(--p)}")
    assert out == "[data-md-color-primary=indigo]{--p:blue}[hidden]{display:none}"


def test_custom_properties_only_dropped_rules_used_are_dropped_following_chains() -> None:
    sheet = (
        ":root{--icon:url(a.svg);--base:1px;--wide:calc(var(--base)*2);--kept:0;--ours:red}"
        ".admonition{mask-image:var(--icon);width:var(--wide)}"
        ".a{margin:var(--kept)}"
    )
    out = _pruned(sheet, ['<p class="a">x</p>'], ours=".x{color:var(--ours)}")
    assert out == ":root{--kept:0;--ours:red}.a{margin:var(--kept)}"


def test_media_blocks_left_empty_go_and_other_at_rules_stay() -> None:
    sheet = (
        "@media screen{.gone{color:red}}@media print{.a{color:red}}"
        "@keyframes spin{0%{opacity:0}to{opacity:1}}"
    )
    out = _pruned(sheet, ['<p class="a">x</p>'])
    assert out == "@media print{.a{color:red}}@keyframes spin{0%{opacity:0}to{opacity:1}}"


def test_served_theme_sheets_are_cut_and_keep_what_the_reading_page_uses(
    site_dir: Path,
) -> None:
    served = sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    assert len(served) == 1
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    original = (theme / served[0].name).read_text("utf-8")
    text = served[0].read_text("utf-8")
    assert len(text) < len(original) * 0.8
    page = (site_dir / "sources" / "mao-indochina-war" / "index.html").read_text("utf-8")
    if "admonition" not in page and "admonition" not in text:
        assert "--md-admonition-icon--note" not in text
    for name in ("md-header", "md-nav__link", "md-typeset", "md-sidebar"):
        assert name in page
        assert re.search(rf"\.{re.escape(name)}[^\w-]", text), name
