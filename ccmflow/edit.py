"""Edits to document files as text splices over node spans, so unchanged lines stay byte-identical."""

from __future__ import annotations

import re
import secrets
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Any

from ccmflow.errors import FatalError
from ccmflow.load import parse_text
from ccmflow.model import DEFAULT_NUMBERING, Document, Paragraph, Section
from ccmflow.yamlsafe import Loaded, Path, YamlError
from ccmflow.yamlsafe import load as load_yaml

WIDTH = 100
MODELINE = "# yaml-language-server: $schema=schemas/document.schema.json"
ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
META_KEYS = ("id", "title", "symbol", "version", "status", "informs", "informed_by", "numbering")
PARAGRAPH_KEYS = ("id", "kind", "text", "indicators", "baseline", "target", "responsible", "timeframe",
                  "references", "derived_from")
LIST_KEYS = frozenset({"informs", "informed_by", "indicators", "responsible", "references", "derived_from"})
# Lists of ids read well as [a, b]; lists of sentences read better one per line.
FLOW_KEYS = frozenset({"informs", "informed_by", "references", "derived_from"})

Value = str | tuple[str, ...] | Mapping[str, str] | None
Splice = tuple[int, int, str]
Entry = tuple[str, int | None]  # a list item's text, and its index in the old list when it keeps its place


class EditError(FatalError):
    """The edit cannot be made: unknown ids, an invalid result, or a file shape that cannot be spliced."""


class InternalEditError(EditError):
    """The spliced text would not hold the requested document: a bug, so nothing may be written."""


# --- scalars --------------------------------------------------------------------------------------

# Characters a plain or block scalar may hold as they are. libyaml (YAML 1.1) also breaks lines at
# U+0085, U+2028 and U+2029, so those, controls and tabs only ever appear escaped in double quotes.
_UNSAFE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})
_BREAKABLE = re.compile("(?<=[^ ]) (?=[^ ])")  # a lone space: a line break there folds back into it
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _plain_ok(value: str, flow: bool = False) -> bool:
    """Whether `value` can stand unquoted and read back as this very string (and no number or bool)."""
    if not value or value != value.strip(" ") or "\n" in value or _UNSAFE.search(value):
        return False
    if value[0] in "-?:,[]{}#&*!|>'\"%@`.+~=<" or value.lower() in _RESERVED:
        return False
    # A number, date or time never holds both a space and two letters in a row: '60 per cent' is text.
    if value[0].isdigit() and not (" " in value and re.search("[A-Za-z]{2}", value)):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    return not (flow and any(c in value for c in ",[]{}:"))


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(c) or (_code(c) if _UNSAFE.match(c) else c) for c in text)


def _code(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _fill(words: Sequence[str], first: int, room: int) -> list[str]:
    """Words joined by single spaces into lines of at most `room` (the first `first`) characters."""
    lines: list[str] = []
    line, width = "", first
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line, width = word, room
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _quoted(value: str, column: int, indent: int) -> str:
    """A double-quoted scalar; a lone space may become a line break, which reads back as that space."""
    words = [_escape(word) for word in _BREAKABLE.split(value)]
    words[0] = '"' + words[0]
    words[-1] += '"'
    lines = _fill(words, max(WIDTH - column, 20), max(WIDTH - indent, 20))
    return ("\n" + " " * indent).join(lines)


def _folded(value: str, indent: int) -> str | None:
    """A '>-' block scalar reading back as `value`, or None where folding cannot say it."""
    lines = value.split("\n")
    # '>-' drops trailing line breaks, auto-indentation would swallow a first line's leading
    # spaces, and trailing spaces are invisible and stripped by editors: quote those texts.
    if _UNSAFE.search(value) or not lines[-1] or any(line.endswith(" ") for line in lines):
        return None
    if next(line for line in lines if line).startswith(" "):
        return None
    room = max(WIDTH - indent, 20)
    out: list[str] = []
    previous, empties = "", 0
    for line in lines:
        if not line:
            empties += 1
            continue
        # Between two lines of text a single break folds into a space, so each real break needs
        # an empty line; next to a more-indented line (leading space) breaks are kept as they are.
        if previous and not previous.startswith(" ") and not line.startswith(" "):
            empties += 1
        out += [""] * empties
        out += [line] if line.startswith(" ") else _fill(_BREAKABLE.split(line), room, room)
        previous, empties = line, 0
    return ">-\n" + "\n".join(" " * indent + line if line else "" for line in out)


def _reads_back(rendered: str, value: str) -> bool:
    try:
        return bool(load_yaml(f"k: {rendered}\n", "<scalar>").data == {"k": value})
    except YamlError:
        return False


def _scalar(value: str, column: int, indent: int, block: bool = False) -> str:
    """`value` as YAML starting at `column`, continuation lines at `indent`: plain, quoted or folded."""
    if not block and _plain_ok(value) and column + len(value) <= WIDTH and _reads_back(value, value):
        return value
    quoted = _quoted(value, column, indent)
    if not block and "\n" not in quoted:
        return quoted
    folded = _folded(value, indent)
    if folded is not None and _reads_back(folded, value):
        return folded
    return quoted


def _key(name: str) -> str:
    return name if _plain_ok(name) else _quoted(name, 0, 0)


# --- fresh text in a style ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Style:
    """Layout choices, inferred from a file so that new lines look like their neighbours."""

    indent: int = 2  # keys of a nested mapping, relative to their parent key
    sections: int = 2  # the dashes of the sections, relative to 'sections:'
    paragraphs: int = 2  # the dashes of a section's paragraphs, relative to 'paragraphs:'
    sequence: int = 2  # the dashes of a list of strings, relative to its key
    item: int = 2  # keys of a mapping in a sequence, relative to its dash
    scalar: int = 2  # lines of a block scalar, relative to its key
    paragraph_gap: str = ""  # what separates two paragraphs
    section_gap: str = "\n"  # what separates two sections
    flow: frozenset[str] = FLOW_KEYS  # list keys written [a, b]


def _empty(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and len(value) == 0)


def _field(paragraph: Paragraph, key: str) -> Value:
    value: Value = getattr(paragraph, key)
    return value


def _meta(document: Document) -> dict[str, Value]:
    """The `document:` mapping of a record; numbering holds only what differs from the default."""
    numbering = {k: v for k, v in document.numbering.items() if DEFAULT_NUMBERING.get(k) != v}
    return {"id": document.id, "title": document.title, "symbol": document.symbol,
            "version": document.version, "status": document.status, "informs": document.informs,
            "informed_by": document.informed_by, "numbering": numbering or None}


def _assemble(gaps: Sequence[str], entries: Sequence[Entry], gap: str) -> str:
    """Items in their new order: old neighbours keep the blank lines between them, others get `gap`."""
    out: list[str] = []
    previous: int | None = None
    for position, (chunk, index) in enumerate(entries):
        if position and index is not None and previous is not None and index == previous + 1:
            out.append(gaps[index])
        elif position:
            out.append(gap)
        out.append(chunk)
        previous = index
    return "".join(out)


class _Emitter:
    """Writes records that have no text yet."""

    def __init__(self, style: _Style) -> None:
        self.style = style

    def value(self, key: str, value: Value, col: int, flow: bool | None = None) -> str:
        """What follows `key:` for a key at column `col`: the rest of its line and the lines below."""
        if isinstance(value, str):
            return " " + _scalar(value, col + len(key) + 2, col + self.style.scalar, block=key == "text")
        if isinstance(value, tuple):
            return self.sequence(key, value, col, key in self.style.flow if flow is None else flow)
        assert value is not None
        inner = col + self.style.indent
        return "".join(f"\n{' ' * inner}{_key(k)}: {_scalar(v, inner + len(_key(k)) + 2, inner + 2)}"
                       for k, v in value.items())

    def sequence(self, key: str, items: tuple[str, ...], col: int, flow: bool) -> str:
        if flow and all(_plain_ok(item, flow=True) for item in items):
            text = " [" + ", ".join(items) + "]"
            if col + len(key) + 1 + len(text) <= WIDTH:
                return text
        dash = col + self.style.sequence
        return "".join("\n" + self.item(item, dash) for item in items)

    def item(self, value: str, dash: int) -> str:
        return " " * dash + "- " + _scalar(value, dash + 2, dash + 2)

    def fields(self, pairs: Iterable[tuple[str, Value]], col: int, dash: int | None = None) -> str:
        """Block mapping lines for the non-empty pairs, the first on a '-' line when `dash` is given."""
        lines = [" " * col + f"{key}:" + self.value(key, value, col) for key, value in pairs
                 if not _empty(value)]
        if dash is not None:
            lines[0] = " " * dash + "-" + lines[0][dash + 1:]
        return "".join(line + "\n" for line in lines)

    def paragraph(self, paragraph: Paragraph, dash: int) -> str:
        pairs = [(key, _field(paragraph, key)) for key in PARAGRAPH_KEYS]
        return self.fields(pairs, dash + self.style.item, dash)

    def section(self, section: Section, dash: int, chunk: Callable[[Paragraph, int], str]) -> str:
        """A section; `chunk` gives each paragraph's text, so moved paragraphs keep theirs."""
        col = dash + self.style.item
        head = self.fields([("id", section.id), ("title", section.title)], col, dash)
        if not section.paragraphs:
            return head + " " * col + "paragraphs: []\n"
        entries = [(chunk(p, col + self.style.paragraphs), None) for p in section.paragraphs]
        return head + " " * col + "paragraphs:\n" + _assemble((), entries, self.style.paragraph_gap)

    def document(self, document: Document) -> str:
        meta = self.fields(_meta(document).items(), self.style.indent)
        entries = [(self.section(s, self.style.sections, self.paragraph), None) for s in document.sections]
        return f"{MODELINE}\ndocument:\n{meta}sections:\n{_assemble((), entries, self.style.section_gap)}"


# --- where things are in an existing file ---------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Item:
    """The whole lines a list item owns: comments right above it, its content, comments indented under it."""

    start: int
    end: int
    dash: int  # column of its '-'


@dataclass(frozen=True, slots=True)
class _Layout:
    items: tuple[_Item, ...]
    gaps: tuple[str, ...]  # gaps[i]: the blank lines between item i-1 and item i

    def region(self) -> tuple[int, int]:
        return self.items[0].start, self.items[-1].end

    def typical(self, default: str) -> str:
        common = Counter(self.gaps[1:]).most_common(1)
        return common[0][0] if common else default


class _Source:
    """Positions in one parsed file: lines, where each node ends, which lines each list item owns."""

    def __init__(self, loaded: Loaded) -> None:
        self.text = loaded.text
        self.data: Any = loaded.data
        self.spans = loaded.spans
        self.keys = loaded.key_spans
        self.starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        self._ends: dict[Path, int] = {}
        self._layouts: dict[Path, _Layout] = {}

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def line_start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def line_text(self, line: int) -> str:
        return self.text[self.line_start(line):self.line_start(line + 1)].rstrip("\n")

    def line_end(self, offset: int) -> int:
        found = self.text.find("\n", offset)
        return len(self.text) if found < 0 else found

    def kind(self, line: int) -> str:
        if not 0 <= line < len(self.starts):
            return "other"
        stripped = self.line_text(line).strip()
        return "blank" if not stripped else "comment" if stripped.startswith("#") else "other"

    def indent(self, line: int) -> int:
        text = self.line_text(line)
        return len(text) - len(text.lstrip(" "))

    def node(self, path: Path) -> Any:
        node = self.data
        for part in path:
            node = node[part]
        return node

    def flow(self, path: Path) -> bool:
        start = self.spans[path].start
        return start < len(self.text) and self.text[start] in "[{"

    def column(self, path: Path) -> int:
        """0-based column of the key of the node at `path`."""
        return self.keys[path].column - 1

    def colon(self, path: Path) -> int:
        """Offset just past the ':' after the key of the node at `path`."""
        position = self.keys[path].end
        while self.text[position] in " \t":
            position += 1
        if self.text[position] != ":":
            raise EditError(f"line {self.keys[path].line}: cannot edit a key written in this form")
        return position + 1

    def end(self, path: Path) -> int:
        """Offset just past the last character that belongs to a node; -1 for an empty value."""
        if path not in self._ends:
            self._ends[path] = self._end(path)
        return self._ends[path]

    def _end(self, path: Path) -> int:
        node, span = self.node(path), self.spans[path]
        if isinstance(node, dict | list) and not self.flow(path):
            # libyaml ends a block collection at the next token, often lines further: use its children.
            children = [(*path, k) for k in (node if isinstance(node, dict) else range(len(node)))]
            ends = [self.end(c) for c in children]
            if isinstance(node, dict):
                ends += [self.keys[c].end for c in children]
            return max(ends, default=span.start)
        if span.end <= span.start:
            return -1
        if self.text[span.start] not in "|>":
            return span.end
        header = re.match(r"[|>][-+0-9]*", self.text[span.start:span.start + 4])
        if header is not None and "+" in header.group():
            return span.end - 1 if self.text[span.end - 1] == "\n" else span.end
        # A block scalar's span takes in the blank lines after it; they are not content.
        content = self.text[span.start:span.end].rstrip()
        return self.line_end(span.start + len(content) - 1)

    def last_line(self, path: Path) -> int:
        end = self.end(path)
        return self.line(end - 1) if end > 0 else self.keys[path].line - 1

    def item(self, path: Path, floor: int) -> _Item:
        """The lines the list item at `path` owns; `floor` is the first line it may take."""
        dash_line = self._dash_line(path, floor)
        dash = self.line_text(dash_line).index("-")
        top, line = dash_line, dash_line - 1
        while line >= floor and self.kind(line) != "other":
            top = line if self.kind(line) == "comment" else top
            line -= 1
        last = self.line(self.end(path) - 1)
        while self.kind(last + 1) == "comment" and self.indent(last + 1) > dash:
            last += 1
        return _Item(self.starts[top], self.line_start(last + 1), dash)

    def _dash_line(self, path: Path, floor: int) -> int:
        start = self.spans[path].start
        line = self.line(start)
        before = self.text[self.starts[line]:start]
        if re.fullmatch(r" *- +", before):
            return line
        while not before.strip() and line > floor:
            line -= 1
            stripped = self.line_text(line).strip()
            if re.fullmatch(r"-(\s+#.*)?", stripped):
                return line
            if stripped and not stripped.startswith("#"):
                break
        raise EditError(f"line {line + 1}: cannot find the '-' of this list item")

    def layout(self, path: Path) -> _Layout:
        """The owned lines of each item of the non-empty block list at `path`."""
        if path not in self._layouts:
            floor = self.keys[path].line  # the line after the key (lines are 1-based in spans)
            items: list[_Item] = []
            for index in range(len(self.node(path))):
                items.append(self.item((*path, index), floor))
                floor = self.line(items[-1].end)
            gaps = ("", *(self.text[a.end:b.start] for a, b in pairwise(items)))
            self._layouts[path] = _Layout(tuple(items), gaps)
        return self._layouts[path]

    def block_list(self, path: Path) -> bool:
        node = self.node(path)
        return isinstance(node, list) and bool(node) and not self.flow(path)


def _infer_style(src: _Source) -> _Style:
    sections = src.data["sections"]
    lists = [path for path in [("sections",), *(("sections", i, "paragraphs") for i in range(len(sections)))]
             if src.block_list(path)]
    paragraphs = [p for p in lists if len(p) > 1]
    items = [(*p, 0) for p in lists if isinstance(src.node((*p, 0)), dict) and not src.flow((*p, 0))]
    gaps = Counter(g for p in paragraphs for g in src.layout(p).gaps[1:]).most_common(1)
    return _Style(
        indent=_most_common([src.column((*k,)) - src.column(("document",)) for k in _document_keys(src)], 2),
        sections=_most_common([src.layout(p).items[0].dash - src.column(p) for p in lists if len(p) == 1], 2),
        paragraphs=_most_common([src.layout(p).items[0].dash - src.column(p) for p in paragraphs], 2),
        sequence=_most_common([src.layout(p).items[0].dash - src.column(p) for p in _string_lists(src)], 2),
        item=max(2, _most_common([src.spans[i].column - 1 - src.layout(i[:-1]).items[0].dash
                                  for i in items], 2)),
        scalar=_most_common(_scalar_indents(src), 2),
        paragraph_gap=gaps[0][0] if gaps else "",
        section_gap=src.layout(("sections",)).typical("\n") if ("sections",) in lists else "\n",
        flow=_flow_keys(src))


def _most_common(values: Iterable[int], default: int) -> int:
    common = Counter(v for v in values if v >= 0).most_common(1)
    return common[0][0] if common else default


def _document_keys(src: _Source) -> list[Path]:
    meta = src.data["document"]
    return [] if src.flow(("document",)) else [("document", k) for k in meta]


def _paragraph_paths(src: _Source) -> list[Path]:
    return [("sections", i, "paragraphs", j) for i, s in enumerate(src.data["sections"])
            for j in range(len(s["paragraphs"]))]


def _scalar_indents(src: _Source) -> list[int]:
    """How far the lines of existing block scalars stand in from their keys."""
    found: list[int] = []
    for path in _paragraph_paths(src):
        text = (*path, "text")
        if text in src.spans and src.text[src.spans[text].start:src.spans[text].start + 1] in ("|", ">"):
            line = src.line(src.spans[text].start) + 1
            while src.kind(line) == "blank" and line < len(src.starts) - 1:
                line += 1
            found.append(src.indent(line) - src.column(text))
    return found


def _string_lists(src: _Source) -> list[Path]:
    """The block lists of strings (indicators, references, ...) under the document and paragraphs."""
    found: list[Path] = []
    for path in [("document",), *_paragraph_paths(src)]:
        node = src.node(path)
        keys = sorted(LIST_KEYS & set(node)) if isinstance(node, dict) else []
        found += [(*path, key) for key in keys if src.block_list((*path, key))]
    return found


def _flow_keys(src: _Source) -> frozenset[str]:
    """List keys the file writes as [a, b] more often than as block lists."""
    counts: Counter[tuple[str, bool]] = Counter()
    for path in [("document",), *_paragraph_paths(src)]:
        node = src.node(path)
        for key in LIST_KEYS & set(node if isinstance(node, dict) else ()):
            if isinstance(node[key], list):
                counts[key, src.flow((*path, key))] += 1
    return frozenset(k for k in LIST_KEYS if counts[k, True] > counts[k, False]
                     or (counts[k, True] == counts[k, False] and k in FLOW_KEYS))


# --- splicing ------------------------------------------------------------------------------------

def _apply(text: str, start: int, end: int, splices: Iterable[Splice]) -> str:
    """text[start:end] with the splices (absolute offsets within it) applied."""
    out: list[str] = []
    position = start
    for a, b, new in sorted(splices, key=lambda s: (s[0], s[1])):
        if a < position or b > end:
            raise InternalEditError("internal error: overlapping edits; nothing was written")
        out += [text[position:a], new]
        position = b
    out.append(text[position:end])
    return "".join(out)


def _shift(chunk: str, delta: int) -> str:
    """Re-indent whole lines by `delta` columns, so an item fits in a list indented differently."""
    if delta == 0:
        return chunk
    lines = chunk.split("\n")
    if delta > 0:
        return "\n".join(" " * delta + line if line else line for line in lines)
    return "\n".join(line[min(-delta, len(line) - len(line.lstrip(" "))):] for line in lines)


def _normal(key: str, raw: Any) -> Any:
    """An old value as the record would hold it, to compare with the target."""
    if key in LIST_KEYS:
        return tuple(raw) if isinstance(raw, list) else () if raw is None else raw
    if key == "numbering":
        return dict(raw) if isinstance(raw, dict) else raw
    return raw


class _Splicer:
    """The new text of one file for a target record, reusing every line that need not change."""

    def __init__(self, loaded: Loaded) -> None:
        _check_shape(loaded.data, loaded.path)
        self.src = _Source(loaded)
        self.style = _infer_style(self.src)
        self.emit = _Emitter(self.style)
        sections = self.src.data["sections"]
        self.sections = _unique([(s["id"], i) for i, s in enumerate(sections)], "section")
        self.paragraphs = _unique([(p["id"], (i, j)) for i, s in enumerate(sections)
                                   for j, p in enumerate(s["paragraphs"])], "paragraph")

    def write(self, target: Document) -> str:
        splices = [*self._metadata(target), self._sections(target)]
        return _apply(self.src.text, 0, len(self.src.text), splices)

    def _metadata(self, target: Document) -> list[Splice]:
        path = ("document",)
        raw = self.src.node(path)
        old = {key: _normal(key, raw.get(key)) for key in META_KEYS}
        new = _meta(target)
        numbering = raw.get("numbering")
        effective = dict(DEFAULT_NUMBERING) | (numbering if isinstance(numbering, dict) else {})
        if effective == dict(target.numbering):
            new["numbering"] = old["numbering"]  # same effect: keep however the file says it
        splices = self._mapping(path, META_KEYS, old, new)
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
            return *layout.region(), _assemble(layout.gaps, entries, self.style.section_gap)
        start = self.src.colon(path)
        if self._same_sections(target.sections):
            return start, start, ""
        dash = self.src.column(path) + self.style.sections
        body = _assemble((), [self._section(s, dash) for s in target.sections], self.style.section_gap)
        return self._tail(start, max(self.src.end(path), start), "\n" + body[:-1] if body else " []")

    def _section(self, section: Section, dash: int) -> Entry:
        index = self.sections.get(section.id)
        path: Path = ("sections", -1 if index is None else index)
        if index is not None and self.src.flow(path) and self._same_section(index, section):
            return self._verbatim(path, dash), index
        if index is None or self.src.flow(path):
            return self.emit.section(section, dash, self._moved), None
        raw = self.src.node(path)
        splices = self._mapping(path, ("id", "title"), {"id": raw["id"], "title": raw.get("title")},
                                {"id": section.id, "title": section.title})
        if splices is None:
            return self.emit.section(section, dash, self._moved), None
        inner = self._paragraphs(index, section)
        item = self.src.layout(("sections",)).items[index]
        chunk = _apply(self.src.text, item.start, item.end, [*splices, *([inner] if inner else [])])
        return _shift(chunk, dash - item.dash), index

    def _paragraphs(self, index: int, section: Section) -> Splice | None:
        path = ("sections", index, "paragraphs")
        block = self.src.block_list(path)
        dash = self.src.layout(path).items[0].dash if block else self.src.column(path) + self.style.paragraphs
        entries = [self._paragraph(p, index, dash) for p in section.paragraphs]
        if block and entries:
            layout = self.src.layout(path)
            return *layout.region(), _assemble(layout.gaps, entries, self.style.paragraph_gap)
        start = self.src.colon(path)
        if not block and self._same_paragraphs(index, section):
            return None
        if not entries:
            end = self.src.layout(path).region()[1] - 1 if block else self.src.end(path)
            return start, end, " []"
        body = _assemble((), entries, self.style.paragraph_gap)
        return self._tail(start, max(self.src.end(path), start), "\n" + body[:-1])

    def _moved(self, paragraph: Paragraph, dash: int) -> str:
        return self._paragraph(paragraph, None, dash)[0]

    def _paragraph(self, paragraph: Paragraph, section: int | None, dash: int) -> Entry:
        where = self.paragraphs.get(paragraph.id)
        if where is None:
            return self.emit.paragraph(paragraph, dash), None
        chunk = self._chunk(("sections", where[0], "paragraphs", where[1]), paragraph, dash)
        return chunk, where[1] if where[0] == section else None

    def _chunk(self, path: Path, paragraph: Paragraph, dash: int) -> str:
        """An existing paragraph's own lines with its changed fields spliced in, at `dash`."""
        if self.src.flow(path) and not self.src.flow(path[:-1]) and self._same(path, paragraph):
            return self._verbatim(path, dash)
        if self.src.flow(path[:-1]) or self.src.flow(path):
            return self.emit.paragraph(paragraph, dash)
        raw = self.src.node(path)
        old = {key: _normal(key, raw.get(key)) for key in PARAGRAPH_KEYS}
        new = {key: _field(paragraph, key) for key in PARAGRAPH_KEYS}
        splices = self._mapping(path, PARAGRAPH_KEYS, old, new)
        if splices is None:
            return self.emit.paragraph(paragraph, dash)
        item = self.src.layout(path[:-1]).items[int(path[-1])]
        return _shift(_apply(self.src.text, item.start, item.end, splices), dash - item.dash)

    def _verbatim(self, path: Path, dash: int) -> str:
        """A list item's own lines as they are, moved to `dash`."""
        item = self.src.layout(path[:-1]).items[int(path[-1])]
        return _shift(self.src.text[item.start:item.end], dash - item.dash)

    def _same(self, path: Path, paragraph: Paragraph) -> bool:
        raw = self.src.node(path)
        return all(_normal(key, raw.get(key)) == _field(paragraph, key) for key in PARAGRAPH_KEYS)

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
            elif _empty(value):
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
        return *layout.region(), _assemble(layout.gaps, entries, layout.typical(""))

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
            if previous in raw and not _empty(new[previous]):
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


def _unique(pairs: Sequence[tuple[str, Any]], what: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise EditError(f"{what} id '{key}' occurs twice; fix the file before editing it")
        found[key] = value
    return found


def _check_shape(data: Any, path: str) -> None:
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


# --- public API ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Frame:
    """What is set aside before splicing and put back after: a BOM, CRLF line ends, a last newline."""

    bom: bool
    crlf: bool
    added_newline: bool

    @staticmethod
    def of(text: str) -> tuple[_Frame, str]:
        bom = text.startswith("\ufeff")
        body = text[1:] if bom else text
        crlf = "\r\n" in body and body.count("\r\n") == body.count("\n")
        body = body.replace("\r\n", "\n") if crlf else body
        added = not body.endswith("\n")
        return _Frame(bom, crlf, added), body + "\n" if added else body

    def restore(self, body: str) -> str:
        body = body[:-1] if self.added_newline and body.endswith("\n") else body
        body = body.replace("\n", "\r\n") if self.crlf else body
        return "\ufeff" + body if self.bom else body


def write_document(old_text: str, path: str, target: Document) -> str:
    """`old_text` changed to hold exactly `target`, touching only the lines of what differs."""
    _check_ids(target)
    frame, body = _Frame.of(old_text)
    try:
        loaded = load_yaml(body, path)
    except YamlError as exc:
        raise EditError(f"cannot edit {path}: {exc.finding}") from None
    text = frame.restore(_Splicer(loaded).write(target))
    _verify(text, path, target)
    return text


def dump_document(document: Document) -> str:
    """A brand-new document file in the canonical style, modeline first."""
    _check_ids(document)
    text = _Emitter(_Style()).document(document)
    _verify(text, document.path or "document.yaml", document)
    return text


def new_id(taken: Collection[str]) -> str:
    """A fresh opaque paragraph id, e.g. 'p3k9x2qa'; never one in `taken`."""
    while True:
        pid = "p" + "".join(secrets.choice(ID_ALPHABET) for _ in range(7))
        if pid not in taken:
            return pid


def _check_ids(document: Document) -> None:
    _unique([(s.id, None) for s in document.sections], "section")
    _unique([(p.id, None) for _, p in document.walk()], "paragraph")


def _verify(text: str, path: str, target: Document) -> None:
    """Never hand back text that does not hold `target`: read it again and compare."""
    record = parse_text(path, text).record
    if isinstance(record, Document) and replace(record, path=target.path) == target:
        return
    canonical = parse_text(path, _Emitter(_Style()).document(target))
    if canonical.record is None:
        problems = "; ".join(f"{f.message}" + (f" ({f.hint})" if f.hint else "") for f in canonical.findings)
        raise EditError(f"the requested {path} would not be a valid document: {problems}")
    if replace(canonical.record, path=target.path) != target:
        raise EditError(f"the requested {path} cannot be written as a file "
                        "(e.g. its numbering drops a default)")
    raise InternalEditError(f"internal error: the edited text of {path} would not hold the requested "
                            "document; nothing was written")


def _read(text: str, path: str) -> Document:
    parsed = parse_text(path, text)
    if not isinstance(parsed.record, Document):
        raise EditError(f"{path} is not a valid document:\n" + "\n".join(map(str, parsed.findings)))
    return parsed.record


class Editor:
    """One file's text and record, edited a step at a time; every step goes through write_document."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self._text = text
        self._document = _read(text, path)

    @property
    def document(self) -> Document:
        return self._document

    @property
    def text(self) -> str:
        return self._text

    def write(self, target: Document) -> None:
        self._text = write_document(self._text, self.path, target)
        self._document = _read(self._text, self.path)

    def set_text(self, pid: str, text: str) -> None:
        self.set_field(pid, "text", text)

    def set_field(self, pid: str, key: str, value: str | Sequence[str] | None) -> None:
        if key not in PARAGRAPH_KEYS or key == "id":
            raise EditError(f"'{key}' is not a paragraph field that can be set")
        paragraph = self._paragraph(pid)
        new: Any = (tuple(value or ()) if key in LIST_KEYS else value)
        self._put(replace(paragraph, **{key: new}))

    def insert(self, section_id: str, after: str | None, paragraph: Paragraph) -> None:
        """Add `paragraph` to a section, after paragraph `after` (None: first in the section)."""
        if self._document.paragraph(paragraph.id) is not None:
            raise EditError(f"paragraph id '{paragraph.id}' is already in use")
        self.write(_with(self._document, section_id, after, paragraph))

    def delete(self, pid: str) -> None:
        self._paragraph(pid)
        self.write(_without(self._document, pid))

    def move(self, pid: str, section_id: str, after: str | None) -> None:
        if after == pid:
            raise EditError("a paragraph cannot be moved after itself")
        paragraph = self._paragraph(pid)
        self.write(_with(_without(self._document, pid), section_id, after, paragraph))

    def set_meta(self, key: str, value: str | Sequence[str] | None) -> None:
        if key not in META_KEYS or key == "numbering":
            raise EditError(f"'{key}' is not a document field that can be set")
        new: Any = (tuple(value or ()) if key in LIST_KEYS else value)
        self.write(replace(self._document, **{key: new}))

    def set_section_title(self, section_id: str, title: str) -> None:
        section = self._section(section_id)
        self.write(_put_section(self._document, replace(section, title=title)))

    def add_section(self, section: Section, after: str | None) -> None:
        """Add a section after section `after` (None: first)."""
        sections = list(self._document.sections)
        at = 0 if after is None else sections.index(self._section(after)) + 1
        sections.insert(at, section)
        self.write(replace(self._document, sections=tuple(sections)))

    def remove_section(self, section_id: str) -> None:
        self._section(section_id)
        kept = tuple(s for s in self._document.sections if s.id != section_id)
        self.write(replace(self._document, sections=kept))

    def _paragraph(self, pid: str) -> Paragraph:
        paragraph = self._document.paragraph(pid)
        if paragraph is None:
            raise EditError(f"no paragraph '{pid}' in {self.path}")
        return paragraph

    def _section(self, sid: str) -> Section:
        section = self._document.section(sid)
        if section is None:
            raise EditError(f"no section '{sid}' in {self.path}")
        return section

    def _put(self, paragraph: Paragraph) -> None:
        section = self._document.section_of(paragraph.id)
        assert section is not None
        paragraphs = tuple(paragraph if p.id == paragraph.id else p for p in section.paragraphs)
        self.write(_put_section(self._document, replace(section, paragraphs=paragraphs)))


def _put_section(document: Document, section: Section) -> Document:
    return replace(document, sections=tuple(section if s.id == section.id else s for s in document.sections))


def _with(document: Document, section_id: str, after: str | None, paragraph: Paragraph) -> Document:
    section = document.section(section_id)
    if section is None:
        raise EditError(f"no section '{section_id}'")
    ids = [p.id for p in section.paragraphs]
    if after is not None and after not in ids:
        raise EditError(f"paragraph '{after}' is not in section '{section_id}'")
    at = 0 if after is None else ids.index(after) + 1
    paragraphs = (*section.paragraphs[:at], paragraph, *section.paragraphs[at:])
    return _put_section(document, replace(section, paragraphs=paragraphs))


def _without(document: Document, pid: str) -> Document:
    return replace(document, sections=tuple(
        replace(s, paragraphs=tuple(p for p in s.paragraphs if p.id != pid)) for s in document.sections))
