"""The redline between two versions as real Word tracked changes: each change authored by the delegations whose
input it came from and dated when the first of those inputs was received (the paragraph's `derived_from`, read
from the inputs' records), else by the Presidency at the new version's date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ccmflow.compare.diff import ChangeKind, DocumentDiff, ParagraphChange
from ccmflow.consolidation.trace import Provenance
from ccmflow.core.model import Conference, Document, Paragraph
from ccmflow.word.document import (
    PROP_COMMIT,
    PROP_DOCUMENT,
    PROP_VERSION,
    STYLE_PARAGRAPH,
    STYLE_UNNUMBERED,
    Origin,
    Writer,
    new_document,
    save,
    write_footer,
    write_header,
)
from ccmflow.word.ooxml import (
    bookmark_name,
    plain,
    set_custom_properties,
    track_paragraph_mark,
    tracked,
    wrap_in_bookmark,
)
from ccmflow.write.header import make_header
from ccmflow.write.render import display_number

NEUTRAL_AUTHOR = "Presidency"


def _body(writer: Writer, change: ParagraphChange | None, paragraph: Paragraph, number: str, author: str,
          when: datetime) -> None:
    made = writer.para(STYLE_PARAGRAPH if number else STYLE_UNNUMBERED)
    if number:
        plain(made, f"{display_number(number)}\t", bold=True, rtl=writer.rtl)
    if change is None or change.change == ChangeKind.MOVED or (
            change.change == ChangeKind.MODIFIED and not change.redline):
        plain(made, paragraph.text, rtl=writer.rtl)
    elif change.change in (ChangeKind.ADDED, ChangeKind.REMOVED):
        kind = "+" if change.change == ChangeKind.ADDED else "-"
        tracked(made, kind, paragraph.text, author, when, writer.ids(), writer.rtl)
        track_paragraph_mark(made, kind, author, when, writer.ids())
    else:
        for op, text in change.redline:
            if op == "=":
                plain(made, text, rtl=writer.rtl)
            else:
                tracked(made, op, text, author, when, writer.ids(), writer.rtl)
    wrap_in_bookmark([made], bookmark_name(paragraph.id), writer.ids())


def redline_docx(diff: DocumentDiff, old: Document, new: Document, when: datetime, new_origin: Origin,
                 old_name: str, provenance: Mapping[str, Provenance] | None = None,
                 conference: Conference | None = None) -> bytes:
    """The new version in full; what changed since the old one as tracked changes, deleted paragraphs in place."""
    word = new_document()
    writer = Writer(word, "en")
    head = make_header(new, conference, new_origin.version)
    write_header(writer, head)
    writer.para(STYLE_UNNUMBERED, f"Changes since {old_name} shown as tracked changes.", italic=True)
    changes = {c.id: c for c in diff.changes}
    numbers = new.numbers()
    removed: dict[str, list[ParagraphChange]] = {}
    for change in diff.of(ChangeKind.REMOVED):
        removed.setdefault(change.section, []).append(change)
    for section in new.sections:
        word.add_heading(section.title, level=1)
        for paragraph in section.paragraphs:
            found = (provenance or {}).get(paragraph.id)
            author = found.names if found is not None else NEUTRAL_AUTHOR
            dated = found.received if found is not None and found.received is not None else when
            _body(writer, changes.get(paragraph.id), paragraph, numbers.get(paragraph.id, ""), author, dated)
        for gone in removed.pop(section.id, []):
            if gone.old is not None:
                _body(writer, gone, gone.old, "", NEUTRAL_AUTHOR, when)
    write_footer(word, head.symbol, "en")
    word.core_properties.title = f"Redline: {new.title}"
    set_custom_properties(word, {PROP_DOCUMENT: new.id, PROP_COMMIT: new_origin.commit or "",
                                 PROP_VERSION: new_origin.version, "ccmflow.redline_from": old_name})
    return save(word)
