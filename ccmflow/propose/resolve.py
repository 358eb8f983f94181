"""A paragraph named as a delegate names it in the circulated version ('5', 'Action 12', 'para. 5') or by its id."""

from __future__ import annotations

import re

from ccmflow.core.model import Document, Paragraph, Section

_NOISE = re.compile(r"^(?:paragraph|para\.?|par\.?|§|no\.?|number)\s*", re.IGNORECASE)


class ResolveError(ValueError):
    """The name matches no paragraph; the message says what to write instead."""


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def resolve(document: Document, name: str) -> tuple[Section, Paragraph]:
    """The paragraph `name` designates: its id, or its display number with or without 'paragraph'."""
    wanted = name.strip()
    if not wanted:
        raise ResolveError("no paragraph given: write its number as in the circulated text, e.g. '5' or 'Action 12'")
    found = document.paragraph(wanted)
    if found is None:
        numbers = document.numbers()
        keys = {_normal(wanted), _normal(_NOISE.sub("", wanted))}
        keys.discard("")
        matches = [pid for pid, number in numbers.items() if number and _normal(number) in keys]
        if len(matches) > 1:
            raise ResolveError(f"'{wanted}' names several paragraphs of {document.short_title()}; "
                               "use the paragraph id shown by ccmflow show")
        found = document.paragraph(matches[0]) if matches else None
    if found is None:
        raise ResolveError(f"{document.short_title()} has no paragraph '{wanted}': {_known(document)}")
    section = document.section_of(found.id)
    assert section is not None
    return section, found


def _known(document: Document) -> str:
    numbers = [n for n in document.numbers().values() if n]
    if not numbers:
        return "it has no numbered paragraphs; use a paragraph id"
    shown = ", ".join(f"'{n}'" for n in numbers[:3])
    return f"its paragraphs are numbered {shown} ... '{numbers[-1]}' (write the number as in the circulated text)"


def resolve_section(document: Document, name: str) -> Section:
    """A section by id or by title (case and spacing ignored)."""
    wanted = _normal(name)
    for section in document.sections:
        if section.id == name.strip() or _normal(section.title) == wanted:
            return section
    titles = "; ".join(s.title for s in document.sections)
    raise ResolveError(f"{document.short_title()} has no section '{name.strip()}' (its sections: {titles})")
