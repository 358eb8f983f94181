"""The new text of a document file for a target record, spliced into the old text line by line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any

from ccmflow.core.model import DEFAULT_NUMBERING, Document, Paragraph, Section
from ccmflow.read.yamlsafe import Loaded, Path
from ccmflow.write.docemit import (
    LIST_KEYS,
    META_KEYS,
    PARAGRAPH_KEYS,
    Emitter,
    Value,
    field_value,
    is_empty,
    meta_fields,
)
from ccmflow.write.editstyle import infer_style
from ccmflow.write.spans import EditError, Entry, Positions, Splice, apply, assemble, shift


def normal(key: str, raw: Any) -> Any:
    """An old value as the record would hold it, to compare with the target."""
    if key in LIST_KEYS:
        return tuple(raw) if isinstance(raw, list) else () if raw is None else raw
    if key in ("numbering", "symbols", "issued"):
        return dict(raw) if isinstance(raw, dict) else raw
    return raw


class Splicer:
    """The new text of one file for a target record, reusing every line that need not change."""

    def __init__(self, loaded: Loaded, record: Document | None = None) -> None:
        check_shape(loaded.data, loaded.path)
        self.record = record  # the document `loaded` holds, when the caller has it: see _kept
        self.src = Positions(loaded)
        self.style = infer_style(self.src)
        self.emit = Emitter(self.style)
        sections = self.src.data["sections"]
        self.sections = unique([(s["id"], i) for i, s in enumerate(sections)], "section")
        self.paragraphs = unique([(p["id"], (i, j)) for i, s in enumerate(sections)
                                  for j, p in enumerate(s["paragraphs"])], "paragraph")
        # What `write` did, for a caller that checks the result piece by piece rather than reading it whole:
        # each paragraph's lines (its own or new, at its dash column) and whether they differ from the old
        # item's; `only_paragraphs` stays True while nothing but paragraph items (and their order) changed.
        self.chunks: dict[str, tuple[str, int, bool]] = {}
        self.only_paragraphs = True

    def write(self, target: Document) -> str:
        splices = [*self._metadata(target), self._sections(target)]
        return apply(self.src.text, 0, len(self.src.text), splices)

    def _metadata(self, target: Document) -> list[Splice]:
        path = ("document",)
        raw = self.src.node(path)
        old = {key: normal(key, raw.get(key)) for key in META_KEYS}
        new = meta_fields(target)
        numbering = raw.get("numbering")
        effective = dict(DEFAULT_NUMBERING) | (numbering if isinstance(numbering, dict) else {})
        if effective == dict(target.numbering):
            new["numbering"] = old["numbering"]  # same effect: keep however the file says it
        splices = self._mapping(path, META_KEYS, old, new)
        self.only_paragraphs &= splices == []
        if splices is not None:
            return splices
        text = "\n" + self.emit.fields(new.items(), self.src.column(path) + self.style.indent)[:-1]
        start = self.src.colon(path)
        return [self._tail(start, max(self.src.end(path), start), text)]

    def _sections(self, target: Document) -> Splice:
        path = ("sections",)
        if self.src.block_list(path):
            layout = self.src.layout(path)
            entries = [self._section(s, layout.items[0].dash) for s in target.sections]
            return *layout.region(), assemble(layout.gaps, entries, self.style.section_gap)
        start = self.src.colon(path)
        if self._same_sections(target.sections):
            return start, start, ""
        self.only_paragraphs = False
        dash = self.src.column(path) + self.style.sections
        body = assemble((), [self._section(s, dash) for s in target.sections], self.style.section_gap)
        return self._tail(start, max(self.src.end(path), start), "\n" + body[:-1] if body else " []")

    def _section(self, section: Section, dash: int) -> Entry:
        index = self.sections.get(section.id)
        path: Path = ("sections", -1 if index is None else index)
        if index is not None and self.src.flow(path) and not self.src.flow(path[:-1]) and \
                self._same_section(index, section):
            return self._verbatim(path, dash), index
        if index is None or self.src.flow(path):
            self.only_paragraphs = False
            return self.emit.section(section, dash, self._moved), None
        raw = self.src.node(path)
        splices = self._mapping(path, ("id", "title"), {"id": raw["id"], "title": raw.get("title")},
                                {"id": section.id, "title": section.title})
        self.only_paragraphs &= splices == [] and self.src.block_list(("sections",)) and (
            dash == self.src.layout(("sections",)).items[index].dash)
        if splices is None:
            return self.emit.section(section, dash, self._moved), None
        inner = self._paragraphs(index, section)
        item = self.src.layout(("sections",)).items[index]
        chunk = apply(self.src.text, item.start, item.end, [*splices, *([inner] if inner else [])])
        return shift(chunk, dash - item.dash), index

    def _paragraphs(self, index: int, section: Section) -> Splice | None:
        path = ("sections", index, "paragraphs")
        block = self.src.block_list(path)
        dash = self.src.layout(path).items[0].dash if block else self.src.column(path) + self.style.paragraphs
        entries = [self._paragraph(p, index, dash) for p in section.paragraphs]
        if block and entries:
            layout = self.src.layout(path)
            return *layout.region(), assemble(layout.gaps, entries, self.style.paragraph_gap)
        self.only_paragraphs = False
        start = self.src.colon(path)
        if not block and self._same_paragraphs(index, section):
            return None
        if not entries:
            end = self.src.layout(path).region()[1] - 1 if block else self.src.end(path)
            return start, end, " []"
        body = assemble((), entries, self.style.paragraph_gap)
        return self._tail(start, max(self.src.end(path), start), "\n" + body[:-1])

    def _moved(self, paragraph: Paragraph, dash: int) -> str:
        return self._paragraph(paragraph, None, dash)[0]

    def _paragraph(self, paragraph: Paragraph, section: int | None, dash: int) -> Entry:
        where = self.paragraphs.get(paragraph.id)
        if where is None:
            chunk = self.emit.paragraph(paragraph, dash)
            self.chunks[paragraph.id] = (chunk, dash, True)
            return chunk, None
        path = ("sections", where[0], "paragraphs", where[1])
        old = None if self.src.flow(path[:-1]) else self.src.layout(path[:-1]).items[where[1]]
        chunk = self._verbatim(path, dash) if old is not None and self._kept(where, paragraph) else \
            self._chunk(path, paragraph, dash)
        self.chunks[paragraph.id] = (chunk, dash, old is None or chunk != self.src.text[old.start:old.end])
        return chunk, where[1] if where[0] == section else None

    def _chunk(self, path: Path, paragraph: Paragraph, dash: int) -> str:
        """An existing paragraph's own lines with its changed fields spliced in, at `dash`."""
        if self.src.flow(path) and not self.src.flow(path[:-1]) and self._same(path, paragraph):
            return self._verbatim(path, dash)
        if self.src.flow(path[:-1]) or self.src.flow(path):
            return self.emit.paragraph(paragraph, dash)
        raw = self.src.node(path)
        old = {key: normal(key, raw.get(key)) for key in PARAGRAPH_KEYS}
        new = {key: field_value(paragraph, key) for key in PARAGRAPH_KEYS}
        splices = self._mapping(path, PARAGRAPH_KEYS, old, new)
        if splices is None:
            return self.emit.paragraph(paragraph, dash)
        item = self.src.layout(path[:-1]).items[int(path[-1])]
        return shift(apply(self.src.text, item.start, item.end, splices), dash - item.dash)

    def _kept(self, where: tuple[int, int], paragraph: Paragraph) -> bool:
        """Whether the file holds `paragraph` as it is at `where`: then no field of its lines would change (most
        paragraphs of a merge are OURS own records, so this is mostly an identity test)."""
        if self.record is None or where[0] >= len(self.record.sections):
            return False
        paragraphs = self.record.sections[where[0]].paragraphs
        old = paragraphs[where[1]] if where[1] < len(paragraphs) else None
        return old is paragraph or old == paragraph

    def _verbatim(self, path: Path, dash: int) -> str:
        """A list item's own lines as they are, moved to `dash`."""
        item = self.src.layout(path[:-1]).items[int(path[-1])]
        return shift(self.src.text[item.start:item.end], dash - item.dash)

    def _same(self, path: Path, paragraph: Paragraph) -> bool:
        raw = self.src.node(path)
        return all(normal(key, raw.get(key)) == field_value(paragraph, key) for key in PARAGRAPH_KEYS)

    def _same_paragraphs(self, index: int, section: Section) -> bool:
        """Whether a section holds the same paragraphs, in order, field by field."""
        path = ("sections", index, "paragraphs")
        return len(self.src.node(path)) == len(section.paragraphs) and all(
            self._same((*path, j), p) for j, p in enumerate(section.paragraphs))

    def _same_section(self, index: int, section: Section) -> bool:
        title = self.src.node(("sections", index)).get("title")
        return bool(title == section.title) and self._same_paragraphs(index, section)

    def _same_sections(self, sections: Sequence[Section]) -> bool:
        raw = self.src.node(("sections",))
        return [s["id"] for s in raw] == [s.id for s in sections] and all(
            self._same_section(i, s) for i, s in enumerate(sections))

    def _mapping(self, path: Path, keys: Sequence[str], old: Mapping[str, Any],
                 new: Mapping[str, Value]) -> list[Splice] | None:
        """Splices turning the block mapping at `path` from `old` to `new`; None to rewrite it whole."""
        changed = [key for key in keys if old[key] != new[key]]
        raw = self.src.node(path)
        if not changed or self.src.flow(path) or not raw:
            return None if changed else []
        col = self.src.column((*path, next(iter(raw))))
        splices: list[Splice] = []
        inserts: dict[int, str] = {}
        for key in changed:
            value = new[key]
            if key not in raw:
                anchor = self._anchor(path, keys, key, new)
                if anchor is None:
                    return None
                line = f"{' ' * col}{key}:{self.emit.value(key, value, col)}\n"
                inserts[anchor] = inserts.get(anchor, "") + line
            elif is_empty(value):
                gone = self._delete((*path, key))
                if gone is None:
                    return None
                splices.append(gone)
            else:
                splices.append(self._value((*path, key), value, col))
        return splices + [(at, at, text) for at, text in inserts.items()]

    def _value(self, path: Path, value: Value, col: int) -> Splice:
        key = str(path[-1])
        old = self.src.node(path)
        if isinstance(value, tuple) and self.src.block_list(path):
            return self._list(path, value)
        flow = True if isinstance(old, list) and self.src.flow(path) else None
        start = self.src.colon(path)
        return self._tail(start, max(self.src.end(path), start), self.emit.value(key, value, col, flow))

    def _list(self, path: Path, value: tuple[str, ...]) -> Splice:
        """Item by item, so that changing one indicator changes only its lines."""
        layout = self.src.layout(path)
        old = [repr(item) for item in self.src.node(path)]
        dash = layout.items[0].dash
        entries: list[Entry] = []
        matcher = SequenceMatcher(None, old, [repr(item) for item in value], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                entries += [(self._verbatim((*path, i), dash), i) for i in range(i1, i2)]
            else:
                entries += [(self.emit.item(item, dash) + "\n", None) for item in value[j1:j2]]
        return *layout.region(), assemble(layout.gaps, entries, layout.typical(""))

    def _tail(self, start: int, end: int, text: str) -> Splice:
        """Replace start:end; a comment after an old value moves to the header line of a block value."""
        line_end = self.src.line_end(end)
        rest = self.src.text[end:line_end]
        if not rest.strip() or not (text.startswith("\n") or text.startswith(" >")):
            return start, end, text
        first, _, below = text.partition("\n")
        return start, line_end, f"{first}{rest}\n{below}"

    def _anchor(self, path: Path, keys: Sequence[str], key: str, new: Mapping[str, Value]) -> int | None:
        """Where a new key goes: after the nearest key before it in `keys` that stays."""
        raw = self.src.node(path)
        for previous in reversed(keys[:keys.index(key)]):
            if previous in raw and not is_empty(new[previous]):
                return self._after((*path, previous))
        return None

    def _after(self, path: Path) -> int:
        """Offset of the line after the lines holding the value at `path`."""
        if self.src.block_list(path):
            return self.src.layout(path).region()[1]
        return self.src.line_start(self.src.last_line(path) + 1)

    def _delete(self, path: Path) -> Splice | None:
        span = self.src.keys[path]
        start = self.src.starts[span.line - 1]
        if self.src.text[start:span.start].strip():
            return None  # the key shares its line with a '-': rewrite the item instead
        return start, self._after(path), ""


def unique(pairs: Sequence[tuple[str, Any]], what: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise EditError(f"{what} id '{key}' occurs twice; fix the file before editing it")
        found[key] = value
    return found


def check_shape(data: Any, path: str) -> None:
    """The skeleton every edit relies on: document mapping, sections with ids, paragraphs with ids."""
    problem = _shape_problem(data)
    if problem:
        raise EditError(f"cannot edit {path}: {problem}")


def _shape_problem(data: Any) -> str:
    if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
        return "no 'document:' mapping"
    if not isinstance(data.get("sections"), list):
        return "no 'sections:' list"
    for i, section in enumerate(data["sections"]):
        if not isinstance(section, dict) or not isinstance(section.get("id"), str):
            return f"section {i + 1} has no id"
        if not isinstance(section.get("paragraphs"), list):
            return f"section '{section['id']}' has no 'paragraphs:' list"
        if not all(isinstance(p, dict) and isinstance(p.get("id"), str) for p in section["paragraphs"]):
            return f"a paragraph in section '{section['id']}' has no id"
    return ""
