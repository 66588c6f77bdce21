"""Values of curated data (``meta.yml``, ``persons.yml``) that need more than a type.

Each check returns the value or raises :class:`ValueError`; the schemas call them as
pydantic validators, so the message reaches the user as ``file:line: field: message``.

**Dates.** A date is written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and means exactly that precision:
a year, a month of a year, or a day. :func:`check_date` refuses text of another shape and
a day or month that does not exist (``1962-13-45``, ``2025-02-30``), so no impossible date
reaches a citation or a page.

**Links.** A URL becomes a live link on a page, so :func:`check_url` accepts only an
absolute ``http`` or ``https`` URL with a host and no blank or control character: a
``javascript:`` or ``data:`` URL is refused, not escaped.
"""

from __future__ import annotations

import calendar
import re
from urllib.parse import urlsplit

_SHAPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_date(value: object) -> str:
    """``value`` as a date string, or :class:`ValueError` saying what is wrong with it."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("expected a date YYYY, YYYY-MM or YYYY-MM-DD")
    text = str(value)
    shape = _SHAPE.fullmatch(text)
    if shape is None:
        raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = shape.groups()
    if year == "0000":
        raise ValueError(f"{text!r}: there is no year 0")
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{text!r}: there is no month {month}")
    if day is not None and month is not None:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            raise ValueError(f"{text!r}: {calendar.month_name[int(month)]} {year} has no day {day}")
    return text


def check_url(value: object) -> str:
    """``value`` as an absolute http(s) URL, or :class:`ValueError` saying why not."""
    if not isinstance(value, str):
        raise ValueError("expected a URL (http or https)")
    if any(
        character.isspace() or ord(character) < 0x20 or ord(character) == 0x7F
        for character in value
    ):
        raise ValueError(f"{value!r} holds a blank or control character")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"{value!r} is not an http or https URL")
    return value
