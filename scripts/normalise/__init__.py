"""Normalisers: one pure function per source layout, ``raw text -> Document``.

A source's ``meta.yml`` names its normaliser; :data:`NORMALISERS` maps that name to the
function. To support a new layout, add a package here (``scripts/normalise/<layout>/``) with a
``normalise(raw: str) -> Document`` function and register it below; steps shared between
layouts live in :mod:`scripts.normalise.shared`. ``ocr-staff-study`` is the older name of
the ``ocr-typescript`` layout, kept so that existing ``meta.yml`` files keep working.
"""

from __future__ import annotations

from collections.abc import Callable

from scripts.model import Document
from scripts.normalise import pdf_text, typescript, web_capture

Normaliser = Callable[[str], Document]

NORMALISERS: dict[str, Normaliser] = {
    "pdf-text": pdf_text.normalise,
    "web-capture": web_capture.normalise,
    "ocr-typescript": typescript.normalise,
    "ocr-staff-study": typescript.normalise,
}
"""Registered normalisers by the name ``meta.yml`` uses."""
