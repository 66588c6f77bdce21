"""The font every PDF embeds: DejaVu Serif from Debian's ``fonts-dejavu-core``/``-extra``.

Naming the files (not a family for fontconfig to resolve) means no PDF depends on which
fonts a machine happens to have. DejaVu Serif covers Latin with every Vietnamese diacritic,
Greek and Cyrillic. ``make setup`` installs the packages when they are missing.
"""

from __future__ import annotations

from pathlib import Path

from scripts.errors import EditionError

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FAMILY = "Edition Serif"
"""The family name the print stylesheet uses; bound only to the files below."""

FACES: dict[tuple[str, str], str] = {
    ("normal", "normal"): "DejaVuSerif.ttf",
    ("bold", "normal"): "DejaVuSerif-Bold.ttf",
    ("normal", "italic"): "DejaVuSerif-Italic.ttf",
    ("bold", "italic"): "DejaVuSerif-BoldItalic.ttf",
}
"""(weight, style) → file in :data:`FONT_DIR`."""


def font_files() -> list[Path]:
    """The font files, in a fixed order; one clear error if any is missing."""
    files = [FONT_DIR / name for name in FACES.values()]
    for path in files:
        if not path.is_file():
            raise EditionError(
                str(path),
                None,
                "font missing: install Debian's fonts-dejavu-core and "
                "fonts-dejavu-extra (make setup does it)",
            )
    return files


def font_face_css() -> str:
    """``@font-face`` rules binding :data:`FAMILY` to the files, one per weight and style."""
    rules = []
    for (weight, style), name in FACES.items():
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; '
            f'font-style: {style}; src: url("{(FONT_DIR / name).as_uri()}"); }}'
        )
    return "\n".join(rules) + "\n"
