"""Dates as each locale writes them, from the CLDR data Babel ships."""

from __future__ import annotations

from datetime import date

import babel
from babel.dates import format_date


def babel_locale(code: str) -> babel.Locale:
    """Babel's locale for a locale code of the data (pt-BR, zh-Hant, nb).
    Raises babel.UnknownLocaleError for a code CLDR does not have."""
    return babel.Locale.parse(code, sep="-")


def known_base(code: str) -> str | None:
    """The code with its script or region dropped, as far as Babel needs,
    or None if Babel knows not even the language."""
    parts = code.split("-")
    for end in range(len(parts) - 1, 0, -1):
        candidate = "-".join(parts[:end])
        try:
            babel_locale(candidate)
        except babel.UnknownLocaleError:
            continue
        return candidate
    return None


def long_date(iso: str, code: str) -> str:
    """A YYYY-MM-DD date in the locale's long format: 1 december 2026."""
    return format_date(date.fromisoformat(iso), format="long", locale=babel_locale(code))
