"""What the bot tells each input once a consolidated version is merged: its disposition, reason and paragraphs."""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct

from ccmflow.consolidation.dispositions import (
    CLOSING,
    Disposition,
    Outcome,
    Register,
)
from ccmflow.core.escape import code, escape
from ccmflow.core.model import Document, number_name

MARKER_PREFIX = "<!-- ccmflow:disposition"
_MAX_LINKS = 20


def marker(register: Register) -> str:
    """One hidden marker per disposition: the window and the version it led to."""
    return f"{MARKER_PREFIX} {register.window} {register.version} -->"


class Notice(Struct, frozen=True):
    """One input's comment, and whether to close it (with GitHub's state_reason)."""

    number: int
    body: str
    marker: str
    close: bool
    state_reason: str | None  # completed | not_planned


def notices(register: Register, document: Document, version_name: str, lines: Mapping[str, int],
            blob_url: str) -> list[Notice]:
    """A notice for every input named pr-<n>; `lines` gives each paragraph's line in the file at `blob_url`."""
    found: list[Notice] = []
    for d in register.inputs:
        if d.number is None:
            continue
        close = d.outcome in CLOSING
        reason = ("not_planned" if d.outcome == Outcome.SUPERSEDED else "completed") if close else None
        found.append(Notice(d.number, body(register, d, document, version_name, lines, blob_url), marker(register),
                            close, reason))
    return found


def body(register: Register, d: Disposition, document: Document, version_name: str, lines: Mapping[str, int],
         blob_url: str) -> str:
    numbers = document.numbers()
    title = escape(document.title, 200)
    outcome = escape(d.outcome.label, 60)
    text = [marker(register), f"**{outcome}** in the {escape(version_name, 100)} of the {title}.", "",
            escape(d.reason, 2000)]
    links = [_link(pid, numbers.get(pid, ""), lines, blob_url) for pid in d.paragraphs[:_MAX_LINKS]]
    if links:
        more = f" and {len(d.paragraphs) - _MAX_LINKS} more" if len(d.paragraphs) > _MAX_LINKS else ""
        text += ["", "Paragraphs: " + ", ".join(links) + more]
    if d.superseded_by:
        text += ["", "Superseded by " + ", ".join(_input(s) for s in d.superseded_by) + "."]
    if d.outcome in CLOSING:
        text += ["", "This pull request is closed: nothing in it remains to be considered for this version."]
    else:
        text += ["", "This pull request stays open; it can be updated for the next version."]
    return "\n".join(text) + "\n"


def _link(pid: str, number: str, lines: Mapping[str, int], blob_url: str) -> str:
    shown = number_name(number)
    line = lines.get(pid)
    target = f"{blob_url}#L{line}" if line else blob_url
    return f"[{escape(shown, 60)}]({target}) ({code(pid)})"


def _input(name: str) -> str:
    digits = name.removeprefix("pr-")
    return f"#{digits}" if digits != name and digits.isdigit() else code(name)
