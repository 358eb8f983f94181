"""The six languages of the conference: their codes, which are written right to left, the fonts that cover them.

English is the working language and the source of every translation (ccmflow.core.translations).
"""

from __future__ import annotations

from msgspec import Struct

WORKING = "en"


class Language(Struct, frozen=True):
    """A conference language. Its names and its dates come from CLDR (ccmflow.write.words), never from here."""

    code: str
    rtl: bool = False  # written right to left (CLDR agrees: a test checks it)


LANGUAGES: tuple[Language, ...] = (Language("en"), Language("fr"), Language("es"), Language("ar", rtl=True),
                                   Language("ru"), Language("zh"))
CODES = tuple(lang.code for lang in LANGUAGES)

# Font stacks that between them cover Latin, Arabic, CJK and Cyrillic on the usual systems (Noto and
# DejaVu on Linux, the system fonts on Windows and macOS): a reader never sees empty boxes.
SERIF_FONTS = ('"Noto Serif", Georgia, "Times New Roman", "DejaVu Serif", "Noto Naskh Arabic", "Amiri", '
               '"Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", "Songti SC", serif')
WORD_FONTS = {"ascii": "Times New Roman", "cs": "Arial", "eastAsia": "SimSun"}
"""Word picks a font per script: Latin and Cyrillic (ascii/hAnsi), complex scripts such as Arabic (cs), CJK."""


def language(code: str) -> Language:
    found = next((lang for lang in LANGUAGES if lang.code == code), None)
    if found is None:
        raise KeyError(f"unknown language '{code}' (use one of: {', '.join(CODES)})")
    return found
