"""Where things are in a parsed file (node ends, the lines each list item owns) and splicing text there."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from msgspec import Struct

from ccmflow.core.errors import FatalError
from ccmflow.read.yamlsafe import Loaded, Path

Splice = tuple[int, int, str]
_ITEM_LEAD = re.compile(r" *- +")  # what stands before a list item's node on its '-' line
_DASH_ALONE = re.compile(r"-(\s+#.*)?")  # a '-' with its node on the lines below
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
Entry = tuple[str, int | None]  # a list item's text, and its index in the old list when it keeps its place


class EditError(FatalError):
    """The edit cannot be made: unknown ids, an invalid result, or a file shape that cannot be spliced."""


class InternalEditError(EditError):
    """The spliced text would not hold the requested document: a bug, so nothing may be written."""


class Item(Struct, frozen=True):
    """The whole lines a list item owns: comments right above it, its content, comments indented under it."""

    start: int
    end: int
    dash: int  # column of its '-'


class Layout(Struct, frozen=True):
    """Where a document's paragraph items stand in its text, and the blank lines between them."""

    items: tuple[Item, ...]
    gaps: tuple[str, ...]  # gaps[i]: the blank lines between item i-1 and item i

    def region(self) -> tuple[int, int]:
        return self.items[0].start, self.items[-1].end

    def typical(self, default: str) -> str:
        common = Counter(self.gaps[1:]).most_common(1)
        return common[0][0] if common else default


class Positions:
    """Positions in one parsed file: lines, where each node ends, which lines each list item owns."""

    def __init__(self, loaded: Loaded) -> None:
        self.text = loaded.text
        self.data: Any = loaded.data
        self.spans = loaded.spans
        self.keys = loaded.key_spans
        self.starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        self._ends: dict[Path, int] = {}
        self._layouts: dict[Path, Layout] = {}

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
        found = self._ends.get(path)
        return self._end_of(path, self.node(path)) if found is None else found

    def _end_of(self, path: Path, node: Any) -> int:
        """end(path) of a node already at hand (children are: no walk from the top to each)."""
        found = self._ends.get(path)
        if found is None:
            found = self._ends[path] = self._end(path, node)
        return found

    def _end(self, path: Path, node: Any) -> int:
        span = self.spans[path]
        if isinstance(node, dict | list) and not self.flow(path):
            # libyaml ends a block collection at the next token, often lines further: use its children.
            return self._children_end(path, node, span.start)
        if span.end <= span.start:
            return -1
        if self.text[span.start] not in "|>":
            return span.end
        header = _BLOCK_HEADER.match(self.text, span.start, span.start + 4)
        if header is not None and "+" in header.group():
            return span.end - 1 if self.text[span.end - 1] == "\n" else span.end
        # A block scalar's span takes in the blank lines after it; they are not content.
        content = self.text[span.start:span.end].rstrip()
        return self.line_end(span.start + len(content) - 1)

    def _children_end(self, path: Path, node: dict[str, Any] | list[Any], default: int) -> int:
        """Where the last child ends: children stand in text order, so only the last ones need looking at."""
        if isinstance(node, dict):  # a block mapping has a key at least ({} is flow)
            key = next(reversed(node))
            last = (*path, key)
            return max(self._end_of(last, node[key]), self.keys[last].end)  # an empty value ends at -1, its key not
        ends = (self._end_of((*path, index), node[index]) for index in reversed(range(len(node))))
        return next((end for end in ends if end >= 0), -1 if node else default)

    def last_line(self, path: Path) -> int:
        end = self.end(path)
        return self._line_ending_at(end) if end > 0 else self.keys[path].line - 1

    def _line_ending_at(self, end: int) -> int:
        """The last line of a node that ends at `end`: the line its line break ends, when `end` is at one (a text
        that keeps its last blank lines, `|+`, ends on the blank line, after the break of the line above)."""
        return self.line(end if self.text[end:end + 1] == "\n" else end - 1)

    def item(self, path: Path, floor: int) -> Item:
        """The lines the list item at `path` owns; `floor` is the first line it may take."""
        dash_line, dash = self._dash(path, floor)
        top, line = dash_line, dash_line - 1
        while line >= floor and self.kind(line) != "other":
            top = line if self.kind(line) == "comment" else top
            line -= 1
        last = self._line_ending_at(self.end(path))
        while self.kind(last + 1) == "comment" and self.indent(last + 1) > dash:
            last += 1
        return Item(self.starts[top], self.line_start(last + 1), dash)

    def _dash(self, path: Path, floor: int) -> tuple[int, int]:
        """The line of a list item's '-' and the column it stands at."""
        start = self.spans[path].start
        line = self.line(start)
        before = self.text[self.starts[line]:start]
        if _ITEM_LEAD.fullmatch(before):
            return line, before.index("-")
        while not before.strip() and line > floor:
            line -= 1
            stripped = self.line_text(line).strip()
            if _DASH_ALONE.fullmatch(stripped):
                return line, self.line_text(line).index("-")
            if stripped and not stripped.startswith("#"):
                break
        raise EditError(f"line {line + 1}: cannot find the '-' of this list item")

    def layout(self, path: Path) -> Layout:
        """The owned lines of each item of the non-empty block list at `path`."""
        if path not in self._layouts:
            floor = self.keys[path].line  # the line after the key (lines are 1-based in spans)
            items: list[Item] = []
            for index in range(len(self.node(path))):
                items.append(self.item((*path, index), floor))
                floor = self.line(items[-1].end)
            gaps = ("", *(self.text[a.end:b.start] for a, b in pairwise(items)))
            self._layouts[path] = Layout(tuple(items), gaps)
        return self._layouts[path]

    def first_dash(self, path: Path) -> int:
        """The column of the first '-' of the non-empty block list at `path`, without laying out the rest."""
        if path in self._layouts:
            return self._layouts[path].items[0].dash
        first = (*path, 0)
        start = self.spans[first].start
        before = self.text[self.text.rfind("\n", 0, start) + 1:start]
        if _ITEM_LEAD.fullmatch(before):  # the usual '- item' line: no need to find its line number
            return before.index("-")
        return self._dash(first, self.keys[path].line)[1]

    def block_list(self, path: Path) -> bool:
        node = self.node(path)
        return isinstance(node, list) and bool(node) and not self.flow(path)


def apply(text: str, start: int, end: int, splices: Iterable[Splice]) -> str:
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


def shift(chunk: str, delta: int) -> str:
    """Re-indent whole lines by `delta` columns, so an item fits in a list indented differently."""
    if delta == 0:
        return chunk
    lines = chunk.split("\n")
    if delta > 0:
        return "\n".join(" " * delta + line if line else line for line in lines)
    return "\n".join(line[min(-delta, len(line) - len(line.lstrip(" "))):] for line in lines)


def assemble(gaps: Sequence[str], entries: Sequence[Entry], gap: str) -> str:
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
