"""Who put a bracket in the text: a bracketed span a paragraph did not hold in the previous version came with the
inputs the paragraph derives from, credited as every redline credits them (ccmflow.consolidation.trace); a span
that was already there keeps no input's name (the Presidency's text, or an earlier round's)."""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct

from ccmflow.consolidation.trace import Provenance
from ccmflow.core.brackets import parse
from ccmflow.core.model import Document


class Credited(Struct, frozen=True):
    """A bracketed span of a paragraph and the delegations whose input introduced it."""

    text: str  # the span as it stands, brackets included: '[shall | should]'
    by: str  # the delegations of the inputs that introduced it


def introduced(document: Document, previous: Document | None,
               behind: Mapping[str, Provenance]) -> dict[str, tuple[Credited, ...]]:
    """Per paragraph: its bracketed spans (outermost) that the previous version's paragraph did not hold and that
    came with inputs (the paragraph's provenance)."""
    found: dict[str, tuple[Credited, ...]] = {}
    for _, paragraph in document.walk():
        who = behind.get(paragraph.id)
        if who is None or "[" not in paragraph.text:
            continue
        before = previous.paragraph(paragraph.id) if previous is not None else None
        old = before.text if before is not None else ""
        spans = [paragraph.text[s.start:s.end] for s in parse(paragraph.text).spans if s.depth == 0]
        new = tuple(Credited(span, who.names) for span in spans if span not in old)
        if new:
            found[paragraph.id] = new
    return found
