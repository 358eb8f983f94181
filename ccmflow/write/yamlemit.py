"""How one string is written as YAML: plain, double-quoted or folded, always reading back as itself."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ccmflow.read.yamlsafe import YamlError
from ccmflow.read.yamlsafe import load as load_yaml

WIDTH = 100  # the longest line written; a longer value is quoted and broken, or folded

# Characters a plain or block scalar may not hold as they are. libyaml (YAML 1.1) also breaks lines at
# U+0085, U+2028 and U+2029, so those, controls and tabs only ever appear escaped in double quotes; so do
# surrogates, the BOM and the two non-characters. (Written as what is refused, not as the complement of what is
# allowed: the same characters, and compiling it no longer walks sixty thousand of them, 3 ms a process.)
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})
_BREAKABLE = re.compile("(?<=[^ ]) (?=[^ ])")  # a lone space: a line break there folds back into it
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def plain_ok(value: str, flow: bool = False) -> bool:
    """Whether `value` can stand unquoted and read back as this very string (and no number or bool)."""
    if not value or value != value.strip(" ") or "\n" in value or _UNSAFE.search(value):
        return False
    if value[0] in "-?:,[]{}#&*!|>'\"%@`.+~=<" or value.lower() in _RESERVED:
        return False
    # A number, date or time never holds both a space and two letters in a row: '60 per cent' is text.
    if value[0].isdigit() and not (" " in value and re.search("[A-Za-z]{2}", value)):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    return not (flow and any(c in value for c in ",[]{}:"))


def _escape(text: str) -> str:
    # Most words hold nothing to escape (_ESCAPES' keys that _UNSAFE does not match, or _UNSAFE): no look at each
    # character then (and no pattern of its own, which would cost every process its compiling).
    if "\\" not in text and '"' not in text and "\n" not in text and _UNSAFE.search(text) is None:
        return text
    return "".join(_ESCAPES.get(c) or (_code(c) if _UNSAFE.match(c) else c) for c in text)


def _code(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _fill(words: Sequence[str], first: int, room: int) -> list[str]:
    """Words joined by single spaces into lines of at most `room` (the first `first`) characters."""
    lines: list[str] = []
    line, width = "", first
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line, width = word, room
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _quoted(value: str, column: int, indent: int) -> str:
    """A double-quoted scalar; a lone space may become a line break, which reads back as that space."""
    words = [_escape(word) for word in _BREAKABLE.split(value)]
    words[0] = '"' + words[0]
    words[-1] += '"'
    lines = _fill(words, max(WIDTH - column, 20), max(WIDTH - indent, 20))
    return ("\n" + " " * indent).join(lines)


def _folded(value: str, indent: int) -> str | None:
    """A '>-' block scalar reading back as `value`, or None where folding cannot say it."""
    lines = value.split("\n")
    # '>-' drops trailing line breaks, auto-indentation would swallow a first line's leading
    # spaces, and trailing spaces are invisible and stripped by editors: quote those texts.
    if _UNSAFE.search(value) or not lines[-1] or any(line.endswith(" ") for line in lines):
        return None
    if next(line for line in lines if line).startswith(" "):
        return None
    room = max(WIDTH - indent, 20)
    out: list[str] = []
    previous, empties = "", 0
    for line in lines:
        if not line:
            empties += 1
            continue
        # Between two lines of text a single break folds into a space, so each real break needs
        # an empty line; next to a more-indented line (leading space) breaks are kept as they are.
        if previous and not previous.startswith(" ") and not line.startswith(" "):
            empties += 1
        out += [""] * empties
        out += [line] if line.startswith(" ") else _fill(_BREAKABLE.split(line), room, room)
        previous, empties = line, 0
    return ">-\n" + "\n".join(" " * indent + line if line else "" for line in out)


def _reads_back(rendered: str, value: str) -> bool:
    try:
        return bool(load_yaml(f"k: {rendered}\n", "<scalar>", positions=False).data == {"k": value})
    except YamlError:
        return False


def scalar(value: str, column: int, indent: int, block: bool = False) -> str:
    """`value` as YAML starting at `column`, continuation lines at `indent`: plain, quoted or folded."""
    if not block and plain_ok(value) and column + len(value) <= WIDTH and _reads_back(value, value):
        return value
    quoted = "" if block else _quoted(value, column, indent)  # a text is folded when it can be: quoted only if not
    if quoted and "\n" not in quoted:
        return quoted
    folded = _folded(value, indent)
    if folded is not None and _reads_back(folded, value):
        return folded
    return quoted or _quoted(value, column, indent)


def key_text(name: str) -> str:
    return name if plain_ok(name) else _quoted(name, 0, 0)
