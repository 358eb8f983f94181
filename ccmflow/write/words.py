"""The words a rendering prints itself, in the reader's language.

Dates and language names come from CLDR, through Babel. The few words CLDR does not have ("Original:", the
labels of an action's details, "not yet translated") are ours: a small catalogue per language, kept as data in
ccmflow/words/<lang>.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, time
from functools import cache
from importlib import resources
from types import MappingProxyType

from ccmflow.core.languages import WORKING

# CLDR locales per conference language: English dates as the UN writes them, day first ("7 August 2020").
_LOCALE = MappingProxyType({"en": "en_GB"})
_ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")


def locale_of(lang: str) -> str:
    return _LOCALE.get(lang, lang)


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """Our words in one language (English for a language without a catalogue)."""
    found = resources.files("ccmflow").joinpath("words", f"{lang}.json")
    if not found.is_file():
        return catalogue(WORKING) if lang != WORKING else MappingProxyType({})
    data = json.loads(found.read_text("utf-8"))
    return MappingProxyType({k: v for k, v in data.items() if not k.startswith("_")})


def word(lang: str, key: str) -> str:
    """A word of ours in `lang`, else in English."""
    return catalogue(lang).get(key) or catalogue(WORKING)[key]


def language_name(code: str, in_lang: str = WORKING) -> str:
    """A language's name in another language, from CLDR: 'English', 'anglais', 'الإنجليزية'."""
    from babel import Locale

    return str(Locale.parse(locale_of(in_lang)).languages.get(code, code))


def native_name(code: str) -> str:
    """A language's name in itself, as a list of languages shows it: 'Français', 'العربية', '中文'."""
    from babel import Locale

    name = str(Locale.parse(code).get_display_name(code) or code)
    return name[:1].upper() + name[1:]


def right_to_left(code: str) -> bool:
    """Whether CLDR says the language is written right to left."""
    from babel import Locale

    return bool(Locale.parse(code).character_order == "right-to-left")


def long_date(value: date, lang: str = WORKING) -> str:
    """'7 August 2020', '7 août 2020', '7 أغسطس 2020', '2020年8月7日': CLDR's long date."""
    from babel.dates import format_date

    return str(format_date(value, "long", locale=locale_of(lang)))


def date_and_time(value: date, at: time, lang: str = WORKING) -> str:
    """'25 November 2020, 18:00' (a revision's time of issue): CLDR's long date and its short 24-hour time,
    joined as the locale joins a date and a time."""
    from babel import Locale
    from babel.dates import format_time

    locale = Locale.parse(locale_of(lang))
    joined = str(locale.datetime_formats.get("long", "{1}, {0}"))
    clock = str(format_time(at, "HH:mm", locale=locale))
    return joined.replace("{1}", long_date(value, lang)).replace("{0}", clock).replace("'", "")


def date_range(start: date, end: date, lang: str = WORKING) -> str:
    """'23 – 27 November 2020', '23–27 novembre 2020': CLDR's interval for day, month and year, with the month as
    wide as in the locale's long date (ICU widens CLDR's abbreviated patterns so; Chinese keeps '11月')."""
    from babel import Locale
    from babel.dates import format_date

    if start == end:
        return long_date(start, lang)
    locale = Locale.parse(locale_of(lang))
    formats = locale.interval_formats
    skeleton = "yMMMMd" if "yMMMMd" in formats else "yMMMd"
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    parts = formats.get(skeleton, {}).get(field)
    if not parts or len(parts) != 2:
        return f"{long_date(start, lang)} – {long_date(end, lang)}"
    wide = "MMMM" in locale.date_formats["long"].pattern
    return "".join(format_date(day, _ABBREVIATED_MONTH.sub("MMMM", part) if wide else part, locale=locale)
                   for part, day in zip(parts, (start, end), strict=True))


def original(code: str, lang: str = WORKING) -> str:
    """'Original: English', 'Original : anglais': our words around CLDR's name of the language."""
    return word(lang, "original").format(language=language_name(code, lang))
