"""Normalisers: one pure function per source layout, ``raw text -> Document``.

A source's ``meta.yml`` names its normaliser; :data:`NORMALISERS` maps that name to the
function. To support a new layout, add a module here with a ``normalise(raw: str) ->
Document`` function and register it below; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable

from scripts.model import Document
from scripts.normalise import ocr_staff_study, pdf_text, web_capture

Normaliser = Callable[[str], Document]

NORMALISERS: dict[str, Normaliser] = {
    "pdf-text": pdf_text.normalise,
    "web-capture": web_capture.normalise,
    "ocr-staff-study": ocr_staff_study.normalise,
}
"""Registered normalisers by the name ``meta.yml`` uses."""
