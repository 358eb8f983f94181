"""Git-style conflict markers inside a merged document, around exactly the lines that changed two ways."""

from __future__ import annotations

from collections.abc import Sequence

from ccmflow.compare.merge import Conflict, ConflictKind, MergeError
from ccmflow.read.yamlsafe import Loaded

NodePath = tuple[str | int, ...]


def paragraph_path(loaded: Loaded | None, pid: str) -> NodePath | None:
    if loaded is None or not isinstance(loaded.data, dict):
        return None
    for si, section in enumerate(loaded.data.get("sections") or ()):
        for pi, paragraph in enumerate(section.get("paragraphs") or ()):
            if isinstance(paragraph, dict) and paragraph.get("id") == pid:
                return ("sections", si, "paragraphs", pi)
    return None


def _section_path(loaded: Loaded, sid: str) -> NodePath | None:
    """Where a section is in a side read as a document (its data a mapping with a list of sections)."""
    found = (si for si, section in enumerate(loaded.data["sections"]) if section["id"] == sid)
    return next((("sections", si) for si in found), None)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _block_end(text: str, start: int, end: int) -> int:
    """The end of the node's last line, leaving out trailing blank lines and comment lines."""
    lines = text[start:end].split("\n")
    while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()
    stop = start + len("\n".join(lines))
    newline = text.find("\n", stop)
    return len(text) if newline < 0 else newline


def _block(loaded: Loaded, path: NodePath, keyed: bool) -> tuple[int, int, int] | None:
    """(start, end, column) of whole lines holding a node (with its key when `keyed`)."""
    span = loaded.spans.get(path)
    if span is None:
        return None
    first = loaded.key_spans.get(path, span) if keyed else span
    start = _line_start(loaded.text, first.start)
    return start, _block_end(loaded.text, start, span.end), first.column


def _lines(loaded: Loaded, path: NodePath | None, keyed: bool, column: int) -> list[str]:
    """The node's lines, re-indented to `column`, or [] when the node is absent."""
    if path is None:
        return []
    found = _block(loaded, path, keyed)
    if found is None:
        return []
    start, end, own = found
    shift = column - own
    lines = loaded.text[start:end].split("\n")
    if shift >= 0:
        return [" " * shift + line if line.strip() else line for line in lines]
    return [line[min(-shift, len(line) - len(line.lstrip(" "))):] for line in lines]


def _targets(conflict: Conflict, loaded: Loaded) -> list[tuple[NodePath | None, bool]]:
    """Where a conflict stands in a file: node paths, each keyed (a field) or not (a whole list item)."""
    if conflict.kind == ConflictKind.DOCUMENT:
        return [(("document", conflict.paragraph_id), True)]
    if conflict.kind == ConflictKind.SECTION:
        found = _section_path(loaded, conflict.paragraph_id)
        return [((*found, "title") if found else None, True)]
    found = paragraph_path(loaded, conflict.paragraph_id)
    if not conflict.fields:
        return [(found, False)]
    return [((*found, name) if found else None, True) for name in conflict.fields]


def mark_parsed(merged: Loaded, theirs: Loaded, conflicts: Sequence[Conflict], size: int = 7) -> str:
    """Put `<<<<<<< ours` / `=======` / `>>>>>>> theirs` around each conflicting field, naming the paragraph;
    `merged` needs the spans of the conflicting nodes only.

    The result is deliberately not valid YAML, so nothing can commit it by accident; a person keeps one side
    (or writes a third), deletes the marker lines and commits.
    """
    edits = [edit for conflict in conflicts for edit in _edits(merged, theirs, conflict, size)]
    text = merged.text
    for start, end, block in sorted(edits, key=lambda e: e[0], reverse=True):
        text = text[:start] + block + text[end:]
    return text


def _edits(merged: Loaded, theirs: Loaded, conflict: Conflict, size: int) -> list[tuple[int, int, str]]:
    deleted_in_ours = conflict.reason.startswith("deleted in ours")
    what = conflict.label()
    edits: list[tuple[int, int, str]] = []
    for (ours_path, keyed), (theirs_path, _) in zip(_targets(conflict, merged), _targets(conflict, theirs),
                                                    strict=True):
        block = _block(merged, ours_path, keyed) if ours_path else None
        inserted = block is None
        if block is None:
            # The field is absent on OURS side: the marked block goes at the end of the paragraph, or of the
            # metadata. Markers that cannot be placed must not leave a valid file: git's line merge marks it.
            parent = ("document",) if conflict.kind == ConflictKind.DOCUMENT else paragraph_path(
                merged, conflict.paragraph_id)
            outer = _block(merged, parent, False) if parent else None
            if outer is None:
                raise MergeError(f"cannot place the conflict markers of {what}")
            block = (outer[1], outer[1], outer[2])
        start, end, column = block
        current = merged.text[start:end].split("\n") if not inserted else []
        ours_lines, theirs_lines = ([], current) if deleted_in_ours else (
            current, _lines(theirs, theirs_path, keyed, column))
        lines = [f"{'<' * size} ours: {what}: {conflict.reason}", *ours_lines, "=" * size, *theirs_lines,
                 f"{'>' * size} theirs: {what}"]
        edits.append((start, end, ("\n" if inserted else "") + "\n".join(lines)))
    return edits

