"""A document file merged as git's merge driver needs it: each side read once, the result proved piece by piece.

The merged text is OURS text with the merged paragraphs spliced in. Reading that result again in full (the
safety check) used to cost as much as reading a side; instead, when only paragraph items changed, every
paragraph item that differs from OURS is read alone (as docpatch reads git's hunks) and must hold exactly
the merged paragraph, while every other line is OURS text, already read. The items read alone also give
the positions the conflict markers need, so a conflict costs no further read. Anything this cannot prove
(metadata or a section changed, a tab, keep-chomping block scalars, CRLF line ends...) is checked by a full
read of the result, as before.

THEIRS text gives nothing but the other side of conflict markers, so it is read without the positions of every
node: only its mappings' spans are kept, which say where each paragraph item's lines are; a conflicting
paragraph's item is read again alone for its positions (or, when that cannot be proved, THEIRS in full).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.fragment import plain_lines, stands_alone
from ccmflow.compare.markers import mark_parsed
from ccmflow.compare.merge import (
    Conflict,
    ConflictKind,
    MergeError,
    merge_documents,
    read_base,
    read_outline,
    read_side,
)
from ccmflow.core.model import Document, Paragraph
from ccmflow.read import schema
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import paragraph_record
from ccmflow.read.yamlsafe import Loaded, Span, YamlError
from ccmflow.read.yamlsafe import load as load_yaml
from ccmflow.write.edit import Spliced, splice_document

# Paragraph statuses and their rules (ccmflow.core.agreement, .compare.protect) are imported only by a merge that
# has statuses to respect.
if typing.TYPE_CHECKING:
    from ccmflow.core.agreement import ParagraphStatus

NodePath = tuple[str | int, ...]
Spans = dict[NodePath, Span]
_DASH = re.compile(r" *- +")  # what stands before a list item's first key on its '-' line


class MergedFile(Struct, frozen=True):
    """The text to hand git (conflicts marked in it when there are any) and the conflicts."""

    text: str
    conflicts: tuple[Conflict, ...]
    proved_in_pieces: bool  # False: the result was read again in full


def merge_file(base_text: str | None, ours_text: str, theirs_text: str, path: str, size: int = 7,
               agreed: Mapping[str, ParagraphStatus] | None = None) -> MergedFile:
    """Merge three texts of a document file, reading each once; MergeError when a side is not a document.

    `agreed`: the paragraph statuses recorded for the document; a merge that would change agreed (or, OURS being
    adopted, any) text of OURS raises AgreedTextChanged instead, naming the paragraphs."""
    base = read_base(base_text, path) if base_text and base_text.strip() else None
    ours, ours_loaded = read_side(ours_text, path)
    # THEIRS text places nothing but the other side of conflict markers: it is read with the spans of its
    # mappings only, and the items of conflicting paragraphs are read again alone when there are any.
    theirs, theirs_outline = read_outline(theirs_text, path)
    result = merge_documents(base, ours, theirs)
    if agreed is not None or ours.status == "adopted":
        from ccmflow.compare.protect import AgreedTextChanged, refusal, touched_agreed

        touched = touched_agreed(ours, result.document, agreed or {}, adopted=ours.status == "adopted")
        if touched:
            raise AgreedTextChanged(refusal(ours.short_title(), touched))
    spliced = splice_document(ours_text, path, result.document, loaded=ours_loaded, record=ours)
    wanted = {c.paragraph_id for c in result.conflicts if c.kind == ConflictKind.PARAGRAPH}
    whole = all(c.kind == ConflictKind.PARAGRAPH for c in result.conflicts)
    positions = _in_pieces(spliced, result.document, path, wanted) if whole else None
    proved = positions is not None
    if positions is None:
        positions = _in_full(spliced.text, path, result.document)
    if not result.conflicts:
        return MergedFile(spliced.text, (), proved)
    theirs_loaded = _theirs_in_pieces(theirs_outline, theirs, wanted) if whole else None
    if theirs_loaded is None:
        theirs_loaded = read_side(theirs_text, path)[1]
    return MergedFile(mark_parsed(positions, theirs_loaded, result.conflicts, size), result.conflicts, proved)


def _in_full(text: str, path: str, target: Document) -> Loaded:
    record, loaded = read_side(text, path)
    if replace(record, path=target.path) != target:
        raise MergeError("the merged text does not read back as the merged document")
    return loaded


def _in_pieces(spliced: Spliced, target: Document, path: str, wanted: set[str]) -> Loaded | None:
    """Positions of the paragraphs read alone, each proved to hold its merged paragraph; None: read in full."""
    text = spliced.text
    if not spliced.only_paragraphs or not plain_lines(text):
        return None
    place = {p.id: (si, pi, p) for si, s in enumerate(target.sections) for pi, p in enumerate(s.paragraphs)}
    if place.keys() != spliced.chunks.keys():
        return None
    spans: Spans = {}
    keys: Spans = {}
    counted = (0, 0)  # (offset, lines before it): the chunks come in text order, so lines are counted once
    for pid, (chunk, dash, changed) in spliced.chunks.items():
        if not changed and pid not in wanted:
            continue
        start = _only_line_start(text, chunk)
        if start is None or not stands_alone(chunk, dash) or not _closed(text, start + len(chunk), dash):
            return None
        since = counted if start >= counted[0] else (0, 0)
        counted = (start, since[1] + text.count("\n", since[0], start))
        si, pi, paragraph = place[pid]
        found = _alone(chunk, paragraph, ("sections", si, "paragraphs", pi), start, counted[1], path)
        if found is None:
            return None
        spans.update(found[0])
        keys.update(found[1])
    skeleton = {"sections": [{"id": s.id, "paragraphs": [{"id": p.id} for p in s.paragraphs]}
                             for s in target.sections]}
    return Loaded(path, text, skeleton, spans, keys)


def _theirs_in_pieces(outline: Loaded, theirs: Document, wanted: set[str]) -> Loaded | None:
    """THEIRS' positions of the conflicting paragraphs, each item read alone and proved to hold the paragraph
    (`outline` has the spans of THEIRS' mappings, which say where each item's lines are); None: read in full."""
    text = outline.text
    if not plain_lines(text):
        return None
    spans: Spans = {}
    keys: Spans = {}
    for si, section in enumerate(theirs.sections):
        for pi, paragraph in enumerate(section.paragraphs):
            if paragraph.id not in wanted:
                continue
            found = _item_alone(outline, ("sections", si, "paragraphs", pi), paragraph)
            if found is None:
                return None
            spans.update(found[0])
            keys.update(found[1])
    return Loaded(outline.path, text, outline.data, spans, keys)


def _item_alone(outline: Loaded, where: NodePath, paragraph: Paragraph) -> tuple[Spans, Spans] | None:
    """A block list item's spans, from its lines read alone: from its '- ' line to the line where the parser
    found its mapping's end (the next token: trailing blank lines and comments read alone as nothing)."""
    text = outline.text
    span = outline.spans.get(where)
    if span is None or text.startswith("{", span.start):
        return None
    start = text.rfind("\n", 0, span.start) + 1
    lead = text[start:span.start]
    if _DASH.fullmatch(lead) is None:
        return None  # the '-' on a line of its own, or the item on the line of its list's key
    stop = len(text) if span.end >= len(text) else text.rfind("\n", 0, span.end) + 1
    piece = text[start:stop]
    if not stands_alone(piece, lead.index("-")):
        return None
    return _alone(piece, paragraph, where, start, span.line - 1, outline.path)


def _alone(piece: str, paragraph: Paragraph, where: NodePath, start: int, lines: int,
           path: str) -> tuple[Spans, Spans] | None:
    """The spans and key spans, in the whole text, of a list item's lines (at offset `start`, after `lines`
    lines) read alone; None unless they read as exactly `paragraph`."""
    try:
        alone = load_yaml(piece, path)
    except YamlError:
        return None
    data: Any = alone.data
    check = schema.definition_check(FileKind.DOCUMENT, "paragraph")
    if not (isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict) and check(data[0])
            and paragraph_record(data[0]) == paragraph):
        return None
    return _moved(alone.spans, where, start, lines), _moved(alone.key_spans, where, start, lines)


def _only_line_start(text: str, chunk: str) -> int | None:
    """Where `chunk` stands in `text`, when it stands there once and from the start of a line."""
    start = text.find(chunk)
    if start < 0 or (start and text[start - 1] != "\n") or text.find(chunk, start + 1) >= 0:
        return None
    return start


def _closed(text: str, end: int, dash: int) -> bool:
    """Whether the next line with content after `end` is indented no deeper than the item's dash."""
    while end < len(text):  # line by line: splitting all the rest of the text cost more than the proof
        stop = text.find("\n", end)
        stop = len(text) if stop < 0 else stop
        line = text[end:stop]
        body = line.lstrip(" ")
        if body and not body.startswith("#"):
            return len(line) - len(body) <= dash
        end = stop + 1
    return True


def _moved(found: Spans, prefix: NodePath, offset: int, lines: int) -> Spans:
    """Spans of a piece read alone (paths under its item 0) as spans in the whole text."""
    return {(*prefix, *path[1:]): Span(s.line + lines, s.column, s.start + offset, s.end + offset, s.end_line + lines)
            for path, s in found.items() if path and path[0] == 0}
