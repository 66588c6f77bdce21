"""Per-source settings of the typescript layout (``typescript:`` in a source's ``meta.yml``).

Every field is optional: the defaults read the edition's CIA study and the development
corpus. Give one only where a text is unusual, and say why in a YAML comment.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class TypescriptSettings(BaseModel):
    """What a typescript OCR needs to be told when it departs from the usual forms."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    banner_words: list[str] = Field(
        default_factory=list,
        description="Extra words of the security banners (a code word printed fewer than "
        "three times, a local control marking); a line made only of banner words is removed.",
    )
    page_number: str | None = Field(
        default=None,
        description="A regular expression for the typed page number, matched against a whole "
        "line; its first group is the number (e.g. '\\\\[(\\\\d+)\\\\]').",
    )
    paragraphs: Literal["auto", "lines", "wrapped"] = Field(
        default="auto",
        description="'lines': one paragraph per line (a clean OCR); 'wrapped': hard-wrapped "
        "lines, paragraphs separated by blank lines; 'auto' decides from the text.",
    )

    @field_validator("page_number")
    @classmethod
    def _one_group(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            compiled = re.compile(value)
        except re.error as err:
            raise ValueError(f"not a regular expression: {err}") from None
        if compiled.groups < 1:
            raise ValueError("the pattern needs a group (...) around the number")
        return value

    @field_validator("banner_words")
    @classmethod
    def _words(cls, value: list[str]) -> list[str]:
        for word in value:
            if not re.fullmatch(r"[A-Za-z]{2,}", word):
                raise ValueError(f"{word!r}: a banner word is letters only")
        return value

    def page_pattern(self) -> re.Pattern[str] | None:
        """The compiled page-number pattern, if the source gives one."""
        return re.compile(self.page_number) if self.page_number else None
