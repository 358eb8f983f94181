"""Characters nobody can see, refused wherever text is read: a treaty text must read as it is written.

A bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069) makes text display in another order than
it is stored, so a reviewer and a signatory can read different words; a zero-width or otherwise invisible
character (U+200B, U+2060-U+2064, U+FEFF, U+180E, U+FFF9-U+FFFB) splits or hides words without a trace.
Neither has a use in the documents, the timeline, the registry, an input record or a form's answers.

The direction marks (U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK) and
the joiners (U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER) are different: text in a script written
right to left needs the marks to place numbers and Latin words, and the joiners to shape its letters. They are
allowed in the translations into such a language (Arabic here) and refused everywhere else, English included.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ccmflow.core.errors import Finding
from ccmflow.core.languages import LANGUAGES

if TYPE_CHECKING:
    from ccmflow.read.yamlsafe import Loaded, Path

# (first, last) code points of each kind, inclusive.
_HIDDEN = ((0x200B, 0x200B), (0x2060, 0x2064), (0xFEFF, 0xFEFF), (0x180E, 0x180E), (0xFFF9, 0xFFFB))
_REORDERING = ((0x202A, 0x202E), (0x2066, 0x2069))  # bidirectional embeddings, overrides and isolates
_RIGHT_TO_LEFT = ((0x200C, 0x200F), (0x061C, 0x061C))  # joiners and direction marks: right-to-left scripts only


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


HIDDEN = _class(_HIDDEN)  # zero width, word joiner, invisible operators, ...
REORDERING = _class(_REORDERING)
RIGHT_TO_LEFT = _class(_RIGHT_TO_LEFT)
_ANY = re.compile(f"[{HIDDEN}{REORDERING}{RIGHT_TO_LEFT}]")
# Each of them alone: `char in text` is a fast search (and nothing at all for ASCII text), where a character
# class scans the text at regex speed; most files have none of them.
_EACH = tuple(chr(c) for a, b in (*_HIDDEN, *_REORDERING, *_RIGHT_TO_LEFT) for c in range(a, b + 1))
_REFUSED = re.compile(f"[{HIDDEN}{REORDERING}]")
MAX_FINDINGS = 20  # per file: the first ones say enough to find the rest
_RTL = frozenset(lang.code for lang in LANGUAGES if lang.rtl)


def refused_in(language: str | None) -> re.Pattern[str]:
    """What may not appear in text of `language` (None: not a translation, so English)."""
    return _REFUSED if language in _RTL else _ANY


def found(text: str, language: str | None = None) -> Iterator[tuple[int, str]]:
    """(offset, character) of every character text of `language` may not hold."""
    if text.isascii() or not any(char in text for char in _EACH):  # the usual case: nothing to report
        return
    for match in refused_in(language).finditer(text):
        yield match.start(), match.group()


def name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'invisible character')}"


def what_it_does(char: str) -> str:
    if re.fullmatch(f"[{REORDERING}]", char):
        return "it changes the order in which the text around it is shown"
    if re.fullmatch(f"[{RIGHT_TO_LEFT}]", char):
        return "it is for scripts written right to left, and is invisible in this text"
    return "it cannot be seen, and splits or hides the words around it"


def findings(path: str, text: str, language: str | None = None) -> list[Finding]:
    """One located finding per refused character of a file's text (comments included), with the fix."""
    out: list[Finding] = []
    for offset, char in found(text, language):
        if len(out) == MAX_FINDINGS:
            break
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        out.append(Finding(path, line, column, f"invisible character {name(char)}: {what_it_does(char)}",
                           f"delete it (most editors do not show it: search for \\u{ord(char):04x}, or retype "
                           "the words around it)"))
    return out


def escaped(loaded: Loaded, language: str | None = None) -> list[Finding]:
    """The same characters written as escapes in a double-quoted scalar ("States\\u200bParties"): the file's text
    shows none of them, its data holds them. One finding per scalar (or key), at its line."""
    if "\\u" not in loaded.text and "\\U" not in loaded.text:  # no other YAML escape writes one of them
        return []
    out: list[Finding] = []
    for at, value in _strings(loaded.data, ()):
        char = next((c for _, c in found(value, language)), None)
        if char is None:
            continue
        if len(out) == MAX_FINDINGS:
            break
        line, column = loaded.locate(at)
        out.append(Finding(loaded.path, line, column, f"invisible character {name(char)}, written as the escape "
                           f"\\u{ord(char):04x}: {what_it_does(char)}", f"delete the \\u{ord(char):04x} escape"))
    return out


def _strings(data: Any, at: Path) -> Iterator[tuple[Path, str]]:
    """Every text of the data, keys included, with the path of its node (a key: its value's)."""
    if isinstance(data, str):
        yield at, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*at, key), key
            yield from _strings(value, (*at, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _strings(item, (*at, index))


def language_of(path: str) -> str | None:
    """The language of a translation file (documents/translations/<lang>/<doc>.yaml); None for any other file."""
    parts = path.split("/")
    return parts[-2] if len(parts) >= 3 and parts[-3] == "translations" else None
