"""A document file merged as git's merge driver needs it: each side read once, the result proved piece by piece.

The merged text is OURS text with the merged paragraphs spliced in. Reading that result again in full (the
safety check) used to cost as much as reading a side; instead, when only paragraph items changed, every
paragraph item that differs from OURS is read alone (as docpatch reads git's hunks) and must hold exactly
the merged paragraph, while every other line is OURS text, already read. The items read alone also give
the positions the conflict markers need, so a conflict costs no further read. Anything this cannot prove
(metadata or a section changed, a tab, keep-chomping block scalars, CRLF line ends...) is checked by a full
read of the result, as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.fragment import plain_lines, stands_alone
from ccmflow.compare.markers import mark_parsed
from ccmflow.compare.merge import Conflict, ConflictKind, MergeError, merge_documents, read_base, read_side
from ccmflow.compare.protect import AgreedTextChanged, refusal, touched_agreed
from ccmflow.core.agreement import ParagraphStatus
from ccmflow.core.model import Document
from ccmflow.read import schema
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import paragraph_record
from ccmflow.read.yamlsafe import Loaded, Span, YamlError
from ccmflow.read.yamlsafe import load as load_yaml
from ccmflow.write.edit import Spliced, splice_document


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
    theirs, theirs_loaded = read_side(theirs_text, path)
    result = merge_documents(base, ours, theirs)
    if agreed is not None or ours.status == "adopted":
        touched = touched_agreed(ours, result.document, agreed or {}, adopted=ours.status == "adopted")
        if touched:
            raise AgreedTextChanged(refusal(ours.short_title(), touched))
    spliced = splice_document(ours_text, path, result.document, loaded=ours_loaded)
    wanted = {c.paragraph_id for c in result.conflicts if c.kind == ConflictKind.PARAGRAPH}
    whole = all(c.kind == ConflictKind.PARAGRAPH for c in result.conflicts)
    positions = _in_pieces(spliced, result.document, path, wanted) if whole else None
    proved = positions is not None
    if positions is None:
        positions = _in_full(spliced.text, path, result.document)
    text = mark_parsed(positions, theirs_loaded, result.conflicts, size) if result.conflicts else spliced.text
    return MergedFile(text, result.conflicts, proved)


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
    check = schema.definition_check(FileKind.DOCUMENT, "paragraph")
    spans: dict[tuple[str | int, ...], Span] = {}
    keys: dict[tuple[str | int, ...], Span] = {}
    for pid, (chunk, dash, changed) in spliced.chunks.items():
        if not changed and pid not in wanted:
            continue
        start = _only_line_start(text, chunk)
        if start is None or not stands_alone(chunk, dash) or not _closed(text, start + len(chunk), dash):
            return None
        try:
            alone = load_yaml(chunk, path)
        except YamlError:
            return None
        data: Any = alone.data
        si, pi, paragraph = place[pid]
        if not (isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict) and check(data[0])
                and paragraph_record(data[0]) == paragraph):
            return None
        prefix: tuple[str | int, ...] = ("sections", si, "paragraphs", pi)
        lines = text.count("\n", 0, start)
        spans.update(_moved(alone.spans, prefix, start, lines))
        keys.update(_moved(alone.key_spans, prefix, start, lines))
    skeleton = {"sections": [{"id": s.id, "paragraphs": [{"id": p.id} for p in s.paragraphs]}
                             for s in target.sections]}
    return Loaded(path, text, skeleton, spans, keys)


def _only_line_start(text: str, chunk: str) -> int | None:
    """Where `chunk` stands in `text`, when it stands there once and from the start of a line."""
    start = text.find(chunk)
    if start < 0 or (start and text[start - 1] != "\n") or text.find(chunk, start + 1) >= 0:
        return None
    return start


def _closed(text: str, end: int, dash: int) -> bool:
    """Whether the next line with content after `end` is indented no deeper than the item's dash."""
    for line in text[end:].split("\n"):
        body = line.lstrip(" ")
        if body and not body.startswith("#"):
            return len(line) - len(body) <= dash
    return True


def _moved(found: dict[tuple[str | int, ...], Span], prefix: tuple[str | int, ...], offset: int,
           lines: int) -> dict[tuple[str | int, ...], Span]:
    """Spans of a piece read alone (paths under its item 0) as spans in the whole text."""
    return {(*prefix, *path[1:]): Span(s.line + lines, s.column, s.start + offset, s.end + offset, s.end_line + lines)
            for path, s in found.items() if path and path[0] == 0}
