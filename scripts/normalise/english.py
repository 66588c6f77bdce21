"""English word evidence shared by the normalisers' word repairs, and the shape of a repair."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """English frequency of a word or phrase on the Zipf scale (0 unknown, 7 very common)."""
    return float(zipf_frequency(word, "en"))


@dataclass(frozen=True)
class Repair:
    """A proposed emendation: raw characters ``text[start:end]`` printed as ``printed``."""

    start: int
    end: int
    printed: str
    rule: str
