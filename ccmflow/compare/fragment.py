"""Whole lines of paragraph items read alone: when a piece of a document's text reads as it reads in its file.

Both the summary's patched documents (docpatch, from git's hunks) and the merge driver's proof in pieces
(mergefile) read paragraph items alone instead of the whole file; this is what decides that they may.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Line breaks other than '\n' (libyaml breaks lines at them, git does not), and block scalars that keep the
# blank lines after them (`|+`, `>2+`): either way git's lines are not libyaml's.
OTHER_BREAKS = "[\r\x85\u2028\u2029]"  # the pattern, for the record and the tests: other_breaks searches faster
_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # what OTHER_BREAKS matches, one by one
_KEEP_CHOMPING = re.compile(r"[|>][1-9]?\+")


def plain_lines(text: str) -> bool:
    """Whether git's lines are libyaml's lines and no block scalar keeps the blank lines after it."""
    # Asked of whole 200 KB texts: `in` is a fast search where a character class scans at regex speed (3.7 ms
    # for both), and most texts hold no '+' at all.
    if "+" in text and _KEEP_CHOMPING.search(text) is not None:
        return False
    return not other_breaks(text)


def other_breaks(text: str) -> bool:
    """Whether the text holds a line break git does not count (OTHER_BREAKS): an ASCII text (a flag, not a scan)
    can hold only '\\r', any other is searched for break by break."""
    return "\r" in text if text.isascii() else any(brk in text for brk in _BREAKS)


def stands_alone(chunk: str, indent: int) -> bool:
    """Whether whole lines holding list items at column `indent` read alone as they read in their file."""
    return plain_lines(chunk) and dedent(chunk.splitlines(keepends=True), indent) is not None


def dedent(lines: Sequence[str], indent: int) -> str | None:
    """The fragment moved left by `indent`, or None when a line would mean something else on its own.

    Less indented comments are allowed only after the last item line. At the left margin only item starts
    and comments may stand: a `---`, `...` or `%` there would be a YAML marker in the fragment, not in the file.
    """
    out: list[str] = []
    pending: list[str] = []  # blank lines and outdented comments, kept only if content follows
    for line in lines:
        body = line.rstrip("\n")
        lead = len(body) - len(body.lstrip(" "))
        if body[lead:lead + 1] == "\t":
            return None
        if not body.strip(" "):
            pending.append(body[indent:] + "\n" if lead >= indent else "\n")
            continue
        if lead < indent:
            if body.lstrip(" ").startswith("#"):
                pending.append("#\n")
                continue
            return None
        if "#\n" in pending:
            return None  # an outdented comment between item lines: let the full parser judge
        moved = body[indent:]
        if lead == indent and not moved.startswith(("- ", "#")):
            return None
        out.extend(pending)
        pending = []
        out.append(moved + ("\n" if line.endswith("\n") else ""))
    if out and not out[0].startswith("- "):
        return None
    return "".join(out)
