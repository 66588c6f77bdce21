"""Normaliser for a publisher's web page captured as text (placeholder, being written)."""

from __future__ import annotations

from scripts.model import Document


def normalise(raw: str) -> Document:
    """Placeholder."""
    raise NotImplementedError
