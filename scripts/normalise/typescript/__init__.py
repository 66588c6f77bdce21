"""The layout *OCR of a typescript*: one normaliser for its clean and its raw kind.

* The **clean kind** (the edition's CIA staff study): one paragraph per line, YAML front
  matter, a contents page with dot leaders — all three. It is read by :mod:`.staff_study`,
  whose output for the published study is fixed by its anchor manifest.
* Everything else — a raw Tesseract OCR with hard-wrapped lines, line-end hyphens, banners,
  archive lines, a capture wrapper, or a clean OCR without a contents page — is read by
  :mod:`.reader`.

Both use the shared recognisers of :mod:`scripts.normalise.shared` (page numbers, banners,
hard-wrapped lines). ``meta.yml`` names the layout ``ocr-typescript`` (``ocr-staff-study`` is
the older name of the same normaliser); optional settings are in :mod:`.settings`.
"""

from __future__ import annotations

from scripts.model import Document
from scripts.normalise.typescript import reader, staff_study
from scripts.normalise.typescript.settings import TypescriptSettings


def normalise(raw: str, settings: TypescriptSettings | None = None) -> Document:
    """Turn the OCR text of a typescript (clean or raw) into a :class:`Document`."""
    settings = settings or TypescriptSettings()
    mode = reader.paragraph_mode(raw) if settings.paragraphs == "auto" else settings.paragraphs
    clean = mode == "lines" and raw.startswith("---\n") and staff_study.has_contents(raw)
    if clean and settings == TypescriptSettings():
        return staff_study.normalise(raw)
    return reader.normalise(raw, settings, mode)
