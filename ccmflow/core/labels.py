"""Every label the bot uses, in one place: names, colours, descriptions, and which ones the bot owns."""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct

# GitHub's limits on a label; longer names or descriptions are refused with 422.
MAX_NAME = 50
MAX_DESCRIPTION = 100
# The colour GitHub gives a label it creates on the fly when a missing name is applied to an issue.
GITHUB_DEFAULT_COLOR = "ededed"

LATE = "late"
LATE_ACCEPTED = "late-accepted"
INVALID = "invalid"
PROTECTED = "protected"
UNREGISTERED = "unregistered"
TOUCHES_AGREED = "touches-agreed"  # changes the text of an agreed or adopted paragraph
SUMMARY = "ccmflow:summary"  # the tracking issue of each document's consolidation summary (bot/behaviours/summary.py)

DOC_PREFIX = "doc:"
SECTION_PREFIX = "section:"
FROM_PREFIX = "from:"


class LabelSpec(Struct, frozen=True):
    """A GitHub label the bot keeps: its name, colour and description."""

    name: str
    color: str
    description: str


_FIXED: Mapping[str, LabelSpec] = {
    spec.name: spec for spec in (
        LabelSpec(LATE, "d93f0b", "Received after its input window closed; the Presidency decides"),
        LabelSpec(LATE_ACCEPTED, "0e8a16", "Late input accepted by the Presidency"),
        LabelSpec(INVALID, "b60205", "A file does not pass validation: see the ccmflow comment"),
        LabelSpec(PROTECTED, "5319e7", "Changes the timeline, the registry or files outside the documents"),
        LabelSpec(UNREGISTERED, "fbca04", "The author's GitHub account is not in the stakeholder registry"),
        LabelSpec(TOUCHES_AGREED, "b60205", "Changes agreed or adopted text: refused unless the paragraph is reopened"),
    )
}
_PREFIXED = {DOC_PREFIX: "1d76db", SECTION_PREFIX: "c5def5", FROM_PREFIX: "fef2c0"}


def cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def doc(document_id: str) -> str:
    return cap(DOC_PREFIX + document_id, MAX_NAME)


def section(section_id: str) -> str:
    return cap(SECTION_PREFIX + section_id, MAX_NAME)


def category(name: str) -> str:
    return cap(FROM_PREFIX + name, MAX_NAME)


def owned(name: str) -> bool:
    """Whether the bot manages this label; any other label is left exactly as people set it."""
    lowered = name.lower()
    return lowered in _FIXED or lowered.startswith(tuple(_PREFIXED))


def spec(name: str, titles: Mapping[str, str] | None = None) -> LabelSpec:
    """Colour and description for an owned label; `titles` (by label name) names documents and sections."""
    fixed = _FIXED.get(name)
    if fixed is not None:
        return fixed
    titles = titles or {}
    for prefix, color in _PREFIXED.items():
        if name.startswith(prefix):
            what = {DOC_PREFIX: "Input to the document", SECTION_PREFIX: "Changes the section",
                    FROM_PREFIX: "Submitted by a stakeholder of category"}[prefix]
            shown = titles.get(name, name[len(prefix):])
            return LabelSpec(name, color, cap(f"{what}: {shown}", MAX_DESCRIPTION))
    raise ValueError(f"'{name}' is not a label the bot owns")
