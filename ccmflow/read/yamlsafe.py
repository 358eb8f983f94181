"""A safe, positioned YAML reader: libyaml's event stream into plain data, refusing risky features."""

from __future__ import annotations

import codecs
import re
from functools import cached_property
from typing import Any, NamedTuple

from _ruamel_yaml import CParser
from msgspec import Struct
from ruamel.yaml import events
from ruamel.yaml.reader import ReaderError

from ccmflow.core.errors import Finding

# Bounds keep a hostile file from costing more than a glance: a 300-paragraph
# document is about 200 KB, so these leave a wide margin for real texts.
MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 24
MAX_NODES = 250_000
# Python's own default limit on converting digits to an int (sys.get_int_max_str_digits), checked here so the
# message is ours and located whatever the interpreter is set to.
MAX_INT_DIGITS = 4300

Path = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
# The first characters of what _NULL, _BOOL, _INT and _FLOAT match ('' stands for the empty scalar).
_MAY_RESOLVE = frozenset(["", *"~nNtTfF+-.0123456789"])
_CORE_TAG = "tag:yaml.org,2002:"
# libyaml reports no tag, or the non-specific '!' of a quoted scalar, for a node that names no tag of its own.
_NO_TAG = (None, "!")
_SCALAR, _ALIAS = events.ScalarEvent, events.AliasEvent
_SEQUENCE_START, _SEQUENCE_END = events.SequenceStartEvent, events.SequenceEndEvent
_MAPPING_START, _MAPPING_END = events.MappingStartEvent, events.MappingEndEvent
# Spans are made with tuple.__new__ directly: a named tuple's own __new__ is a Python function, one frame a node.
_new_span = tuple.__new__


class Span(NamedTuple):
    """Where a node stands: 1-based line and column, plus 0-based character offsets."""

    # A named tuple rather than a record class: a document makes one for every node and key (thousands),
    # and a named tuple is made in less than half the time.

    line: int
    column: int
    start: int
    end: int
    end_line: int


class Loaded(Struct, frozen=True, dict=True):
    """A parsed file: its data, the text it came from and the span of every node by path.

    A file read without positions (`load(..., positions=False)`: a quarter faster) finds them when first asked,
    by reading its text again; so a reader that has nothing to report never pays for them, and one that has
    a finding still names its line."""

    path: str
    text: str
    data: Any
    read_spans: dict[Path, Span] | None = None  # None: read without positions
    read_key_spans: dict[Path, Span] | None = None

    @cached_property
    def _positions(self) -> tuple[dict[Path, Span], dict[Path, Span]]:
        if self.read_spans is not None and self.read_key_spans is not None:
            return self.read_spans, self.read_key_spans
        again = load(self.text, self.path)
        return again.spans, again.key_spans

    @property
    def spans(self) -> dict[Path, Span]:
        return self._positions[0]

    @property
    def key_spans(self) -> dict[Path, Span]:
        return self._positions[1]

    def locate(self, path: Path) -> tuple[int, int]:
        """The line and column of the deepest node on `path` that exists."""
        for depth in range(len(path), -1, -1):
            span = self.spans.get(path[:depth])
            if span is not None:
                return span.line, span.column
        return 1, 1

    def finding(self, path: Path, message: str, hint: str = "") -> Finding:
        line, column = self.locate(path)
        return Finding(self.path, line, column, message, hint)


class YamlError(Exception):
    """The file is not YAML ccmflow accepts; carries the located finding."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding
        super().__init__(str(finding))


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text of a file, or a finding at the first bad byte."""
    if len(raw) > MAX_BYTES:
        raise YamlError(Finding(path, 1, 1, f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit",
                                "split the text or remove what does not belong in a document"))
    # The BOM is stripped by hand: the utf-8-sig codec reports error offsets without it.
    body = raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as libyaml's do; the line up to the bad byte is valid UTF-8.
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8")) + 1
        raise YamlError(Finding(path, line, column, f"invalid UTF-8 byte 0x{body[exc.start]:02x}",
                                "save the file as UTF-8")) from None


def load(raw: bytes | str, path: str, positions: bool = True, *, mappings: bool = False) -> Loaded:
    """Parse one YAML document into dicts, lists and scalars, with positions (`positions=False`: the same data
    and the same refusals, the spans read only if asked for, see Loaded; and `mappings=True`: the spans of its
    mappings alone, kept as read, a few hundred rather than thousands, enough to find an item's lines)."""
    text = decode(raw, path) if isinstance(raw, bytes) else raw
    if len(text) > MAX_BYTES:
        raise YamlError(Finding(path, 1, 1, f"file is over the {MAX_BYTES:,}-character limit",
                                "split the text or remove what does not belong in a document"))
    return _Builder(text, path, positions, mappings).build()


class _WithPositions(Exception):
    """A reading without positions met what only a reading with positions can report."""


class _Unreadable(ValueError):
    """A plain scalar that reads as a number Python will not convert; the message is for the person."""


def _scalar(event: Any) -> Any:
    value: str = event.value
    if event.style:  # quoted or block: always text
        return value
    if value[:1] not in _MAY_RESOLVE:  # most plain scalars (ids, names): none of the patterns below can match
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        digits = len(value.lstrip("+-"))
        if digits > MAX_INT_DIGITS:
            raise _Unreadable(f"a number of {digits:,} digits is over the {MAX_INT_DIGITS:,}-digit limit")
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def reads_as_text(plain: str) -> bool:
    """Whether a plain scalar reads as its own text (not as null, a bool or a number)."""
    return not (_NULL.match(plain) or plain in _BOOL or _INT.match(plain) or _FLOAT.match(plain))


class _Builder:
    """Turns the event stream into data; one instance per file."""

    def __init__(self, text: str, path: str, positions: bool = True, mappings: bool = False) -> None:
        self.text = text
        self.path = path
        self.positions = positions  # the span of every node and key
        self.mappings = positions or mappings  # the span of every mapping
        self.spans: dict[Path, Span] = {}
        self.key_spans: dict[Path, Span] = {}
        self.nodes = 0

    def fail(self, mark: Any, message: str, hint: str) -> YamlError:
        return YamlError(Finding(self.path, mark.line + 1, mark.column + 1, message, hint))

    def build(self) -> Loaded:
        parser = CParser(self.text)
        try:
            data = self._stream(parser)
        except _WithPositions:
            return _Builder(self.text, self.path).build()
        except YamlError:
            raise
        except ReaderError as exc:  # a character YAML forbids, found before libyaml sees the text
            before = self.text[: exc.position]
            line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
            character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
            raise YamlError(Finding(self.path, line, column, f"not valid YAML: control character U+{character:04X} "
                                    "is not allowed", "delete the invisible character")) from None
        except Exception as exc:  # libyaml's scanner/parser errors carry a mark
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            problem = getattr(exc, "problem", None) or str(exc)
            started = getattr(exc, "context_mark", None)
            if getattr(exc, "context", None) == "while scanning a simple key" and started is not None:
                # A line of text indented less than the lines before it reads as the start of a key; libyaml
                # gives up lines later, where it stops looking for the colon. The fault is where the key began.
                mark = started
                problem = "this line is read as a key, but no ':' follows (is it indented less than the text above?)"
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            if mark is not None and "\t" in self.text[mark.index: mark.index + 1]:
                # libyaml says "found character that cannot start any token": name the tab.
                raise YamlError(Finding(self.path, line, column, "not valid YAML: a tab character where YAML "
                                        "expects spaces", "indent with spaces, never tabs")) from None
            raise YamlError(Finding(self.path, line, column, f"not valid YAML: {problem}",
                                    "check indentation, quotes and colons on this line")) from None
        if not self.mappings:  # no positions at all: Loaded reads them if asked
            return Loaded(self.path, self.text, data)
        return Loaded(self.path, self.text, data, self.spans, self.key_spans)

    def _stream(self, parser: Any) -> Any:
        parser.get_event()  # stream start
        event = parser.get_event()
        if isinstance(event, events.StreamEndEvent):
            raise self.fail(event.start_mark, "the file is empty", "write the document's content")
        data = self._node(parser, parser.get_event(), (), 0)
        parser.get_event()  # document end
        event = parser.get_event()
        if not isinstance(event, events.StreamEndEvent):
            raise self.fail(event.start_mark, "more than one YAML document in the file",
                            "remove the second '---' and what follows, or move it to its own file")
        return data

    def _node(self, parser: Any, event: Any, path: Path, depth: int) -> Any:
        # Every node passes here (thousands per document), written out rather than called: the usual one, with no
        # anchor, no tag of its own, not too deep and within the count, costs four tests; _refuse looks at the rest.
        self.nodes += 1
        if not (event.anchor is None and depth <= MAX_DEPTH and self.nodes <= MAX_NODES and event.tag in _NO_TAG):
            self._refuse(event, depth)
        if isinstance(event, _SCALAR):
            if self.positions:
                self.spans[path] = _span_of(event, event)
            try:
                return _scalar(event)
            except ValueError as exc:  # a plain scalar that looks like a number Python will not convert
                reason = str(exc) if isinstance(exc, _Unreadable) else "this looks like a number but cannot be read"
                raise self.fail(event.start_mark, reason,
                                "write a shorter number, or put it in quotes to keep it as text") from None
        if isinstance(event, _SEQUENCE_START):
            return self._sequence(parser, event, path, depth)
        if isinstance(event, _MAPPING_START):
            return self._mapping(parser, event, path, depth)
        raise self.fail(event.start_mark, "unexpected YAML content", "check the structure of this line")

    def _refuse(self, event: Any, depth: int) -> None:
        if isinstance(event, _ALIAS):
            raise self.fail(event.start_mark, "YAML aliases (*name) are not allowed",
                            "write the value out in full")
        if event.anchor:
            raise self.fail(event.start_mark, f"YAML anchors (&{event.anchor}) are not allowed",
                            "remove the anchor and write values out in full")
        if event.tag and not _implicit_tag(event):
            raise self.fail(event.start_mark, f"YAML tags ({_shown_tag(event.tag)}) are not allowed",
                            "remove the tag; values are plain text, numbers, lists and mappings")
        if depth > MAX_DEPTH:
            raise self.fail(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels",
                            "flatten the structure; documents need only a few levels")
        if self.nodes > MAX_NODES:
            raise self.fail(event.start_mark, f"more than {MAX_NODES:,} YAML nodes",
                            "split the file; no real document needs this many")

    def _sequence(self, parser: Any, start: Any, path: Path, depth: int) -> list[Any]:
        items: list[Any] = []
        get = parser.get_event
        event = get()
        while not isinstance(event, _SEQUENCE_END):
            items.append(self._node(parser, event, (*path, len(items)), depth + 1))
            event = get()
        if self.positions:
            self.spans[path] = _span_of(start, event)
        return items

    def _mapping(self, parser: Any, start: Any, path: Path, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        keys = self.key_spans if self.positions else None
        get = parser.get_event
        event = get()
        while not isinstance(event, _MAPPING_END):
            self.nodes += 1  # a key is a node too, checked as in _node
            if not (event.anchor is None and depth < MAX_DEPTH and self.nodes <= MAX_NODES and event.tag in _NO_TAG):
                self._refuse(event, depth + 1)
            if not isinstance(event, _SCALAR):
                raise self.fail(event.start_mark, "a mapping key must be plain text",
                                "use a simple name before the colon")
            key = event.value
            at = (*path, key)
            if key in mapping:
                if keys is None:
                    raise _WithPositions  # the message names the first key's line: read again with positions
                raise self.fail(event.start_mark, f"duplicate key '{key}' (first at line {keys[at].line})",
                                "keep one of the two entries")
            if keys is not None:
                keys[at] = _span_of(event, event)
            mapping[key] = self._node(parser, get(), at, depth + 1)
            event = get()
        if self.mappings:
            self.spans[path] = _span_of(start, event)
        return mapping


def _span_of(start: Any, end: Any) -> Span:
    first, last = start.start_mark, end.end_mark
    return _new_span(Span, (first.line + 1, first.column + 1, first.index, last.index, last.line + 1))


def _implicit_tag(event: Any) -> bool:
    # libyaml may report the non-specific tag '!' for quoted scalars: that is no user tag.
    return bool(event.tag == "!")


def _shown_tag(tag: str) -> str:
    # libyaml expands '!!python/object' to 'tag:yaml.org,2002:python/object'; show it as written.
    return "!!" + tag.removeprefix(_CORE_TAG) if tag.startswith(_CORE_TAG) else tag
