"""The one escape for text from a stranger (a pull request, an issue, a comment) before the bot posts it.

Whatever comes from a pull request or from a GitHub payload is shown as inert text: it can open no HTML tag
or comment (so none of the bot's hidden markers), mention or notify nobody, make no Markdown link, image,
heading, emphasis or table cell, end no code span, and carries no control character (NUL, ESC, bidirectional
overrides). Every message the bot posts goes through `escape` (prose) or `code` (an id or a path in a code
span); both are built on the same table of what is dangerous.
"""

from __future__ import annotations

import re

# The patterns are kept as text and compiled on first use (re keeps what it compiled): a command uses one or
# two of them, and compiling all six at import cost every `ccmflow` process about 3 ms.

# C0 and C1 controls, DEL, and the invisible characters that reorder or hide text (bidi overrides and
# isolates, zero-width marks and joiners, the BOM): none belongs in a delegate's words as the bot repeats them.
_CONTROL = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
_BREAKS = "[\t\n\r\u2028\u2029]"
# An invisible character (WORD JOINER) that GitHub's mention, reference and autolink patterns do not accept.
_NO_MENTION = "\u2060"
# Prose: HTML and Markdown's special characters as character entities, which render as the character.
_PROSE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "&#96;", "|": "&#124;", "\\": "&#92;", "*": "&#42;",
          "_": "&#95;", "[": "&#91;", "]": "&#93;", "!": "&#33;", "~": "&#126;",
          # GitHub finds mentions and issue references in the rendered text, where an entity such as '&#64;'
          # is '@' again: an invisible character after them breaks the pattern instead.
          "@": "@" + _NO_MENTION, "#": "#" + _NO_MENTION}
_SPECIAL = r"[&<>`|\\*_\[\]!#~@]"
# GitHub links bare addresses (https://..., www....) in prose; an invisible break keeps them plain text.
_AUTOLINK = r"(?i)(?<=[a-z])(?=://)|(?<=\bwww)(?=\.)"
# In a code span entities are shown as typed, so the dangerous characters become look-alikes instead.
_CODE = str.maketrans({"`": "'", "<": "‹", ">": "›", "|": "¦"})


def plain(text: str) -> str:
    """The text on one line, without control or invisible formatting characters."""
    if text.isascii() and text.isprintable():  # the usual case: nothing for either pattern to find
        return text
    return re.sub(_CONTROL, "", re.sub(_BREAKS, " ", text))


def printable(text: str) -> str:
    """The text without control or invisible formatting characters, its line breaks kept (for a terminal)."""
    return re.sub(_CONTROL, "", text.replace("\r\n", "\n"))


def title(text: str, limit: int = 240) -> str:
    """A title GitHub shows as plain text (a pull request's or an issue's): one line, no control characters,
    bounded; no Markdown or HTML escaping, which would show as entities there."""
    return _bounded(plain(text), limit)


def _bounded(text: str, limit: int | None) -> str:
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def escape(text: str, limit: int | None = 300) -> str:
    """Stranger's text for Markdown prose: inert, on one line, at most `limit` characters (None: no limit)."""
    cleaned = _bounded(plain(str(text)), limit)
    # _AUTOLINK tries its look-behinds at every character: ask it only of a text holding what it looks for.
    if "://" in cleaned or "www." in cleaned.lower():
        cleaned = re.sub(_AUTOLINK, _NO_MENTION, cleaned)
    return re.sub(_SPECIAL, lambda m: _PROSE[m.group(0)], cleaned)


def code(text: str, limit: int = 120) -> str:
    """An id, a path or a number shown as code: nothing in it can end the span or look like markup."""
    # No '<' or '>' even in code: the bot's hidden markers are HTML comments found by plain text search.
    return f"`{_bounded(plain(str(text)).translate(_CODE), limit)}`"


# What a terminal may act on rather than show: C0 controls but newline and tab (ESC starts every escape
# sequence: colours, window titles, clearing the screen), DEL, C1 controls (U+009B is a one-character CSI on
# some terminals), and the bidirectional embeddings, overrides and isolates that reorder what is shown (the
# plain direction marks stay: right-to-left text needs them, and they hide nothing).
_UNSAFE = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_UNSAFE_LINE = r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\u2028\u2029]"


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(value: str, *, one_line: bool = False) -> str:
    """`value` with every character a terminal would act on shown as its escape (ESC as `\\x1b`).

    Everything read from a file (or from git, or GitHub) goes through this before it reaches a terminal; the
    console (`console()`, defined in richconsole.py) applies it to all it prints, and plain print() paths call
    it themselves. `one_line` (a job-log line) shows line breaks and tabs as escapes too.
    """
    return re.sub(_UNSAFE_LINE if one_line else _UNSAFE, _escaped, value)


def json_safe(serialised: str) -> str:
    """Serialised JSON with every character a terminal would act on written as a \\u escape (still valid JSON)."""
    return re.sub(_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", serialised)
