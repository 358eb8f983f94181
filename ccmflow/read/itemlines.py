"""Paragraph items in the block layout the documents keep, read line by line without libyaml.

docpatch reads the paragraph items a hunk touches as a YAML fragment, once or twice for every input of a summary.
Nearly all are in the layout the documents are written in: each key on its own line, a text folded with `>-`,
a list one item a line, every value plain or double-quoted on one line. There the data is plain to see, and this
reads it with a few string operations per line, several times faster than libyaml's event stream. Anything else
(a comment, a blank line, another indentation or scalar style, a character libyaml reads otherwise) gives None,
and the caller reads the lines with libyaml as before. Whatever this accepts, libyaml reads the same
(tests/read/test_itemlines.py compares the two).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ccmflow.read.yamlsafe import reads_as_text

_KEY = re.compile(r"  ([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?")
# What a line may hold for libyaml to read it as written: no control character (a tab included), no line break
# other than '\n', no surrogate, byte order mark or non-character.
_FOREIGN = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`.+~=<")  # a plain scalar starting with one is left to libyaml
_FOLDED = ">-"

Rows = Sequence[str]


def read_items(lines: Sequence[str], indent: int) -> list[dict[str, Any]] | None:
    """The items of whole lines holding a YAML block sequence at column `indent` (each line with its line end),
    as libyaml reads them, when every line is in the documents' layout; None otherwise."""
    if not lines or _foreign("".join(lines)):
        return None
    pad = " " * indent
    rows: list[str] = []
    for line in lines:  # a blank line, or one only spaces long, is read as no key, item or text, and refused
        if not line.startswith(pad):
            return None
        rows.append(line[indent:-1] if line[-1:] == "\n" else line[indent:])
    items: list[dict[str, Any]] = []
    at = 0
    while at < len(rows):
        if not rows[at].startswith("- "):
            return None
        item, at = _mapping(rows, at, "  " + rows[at][2:])
        if item is None:
            return None
        items.append(item)
    return items


def _foreign(text: str) -> bool:
    """Whether the text holds a character libyaml does not read as itself (_FOREIGN)."""
    if text.isascii():  # the usual case, at C speed: printable ASCII and line ends only
        return not text.replace("\n", "").isprintable()
    return _FOREIGN.search(text) is not None


def _mapping(rows: Rows, at: int, first: str) -> tuple[dict[str, Any] | None, int]:
    """The mapping whose keys stand at column 2 from row `at` (whose text is `first`), and the row after it."""
    found: dict[str, Any] = {}
    row = first
    while True:
        match = _KEY.fullmatch(row)
        if match is None or match[1] in found:
            return None, at
        rest = match[2]
        value: str | list[str] | None
        if rest is None:
            value, at = _sequence(rows, at + 1, 4)
        elif rest == _FOLDED:
            value, at = _folded(rows, at + 1, 4)
        else:
            value, at = _inline(rest), at + 1
        if value is None:
            return None, at
        found[match[1]] = value
        if at == len(rows) or rows[at].startswith("- "):
            return found, at
        row = rows[at]


def _sequence(rows: Rows, at: int, column: int) -> tuple[list[str] | None, int]:
    """The block sequence of scalars whose dashes stand at `column`, from row `at`; None when it has no item."""
    dash = " " * column + "- "
    found: list[str] = []
    while at < len(rows) and rows[at].startswith(dash):
        rest = rows[at][column + 2:]
        if rest == _FOLDED:
            value, at = _folded(rows, at + 1, column + 2)
        else:
            value, at = _inline(rest), at + 1
        if value is None:
            return None, at
        found.append(value)
    return (found or None), at


def _folded(rows: Rows, at: int, column: int) -> tuple[str | None, int]:
    """A `>-` scalar's text: its lines, all at `column` with no space at either end, joined by single spaces."""
    pad = " " * column
    found: list[str] = []
    while at < len(rows) and rows[at].startswith(pad) and rows[at][column:column + 1] not in ("", " "):
        if rows[at].endswith(" "):
            return None, at  # trailing spaces: left to libyaml
        found.append(rows[at][column:])
        at += 1
    return (" ".join(found) if found else None), at


def _inline(text: str) -> str | None:
    """A one-line double-quoted scalar with nothing to unescape, or a plain scalar reading as text."""
    if text[:1] == '"':
        body = text[1:-1]
        return body if len(text) > 1 and text[-1] == '"' and '"' not in body and "\\" not in body else None
    if not text or text[0] in _INDICATORS or text != text.strip(" ") or text[-1] == ":" or ": " in text \
            or " #" in text:
        return None
    return text if reads_as_text(text) else None
