"""The document file's keys and fresh text for records that have none yet, laid out in a file's style."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from msgspec import Struct

from ccmflow.core.model import DEFAULT_NUMBERING, Document, Paragraph, Section
from ccmflow.write.spans import assemble
from ccmflow.write.yamlemit import WIDTH, key_text, plain_ok, scalar

MODELINE = "# yaml-language-server: $schema=schemas/document.schema.json"
META_KEYS = ("id", "title", "symbol", "version", "status", "informs", "informed_by", "numbering", "symbols",
             "issued", "original", "agenda_item", "submitted_by")
PARAGRAPH_KEYS = ("id", "kind", "text", "indicators", "baseline", "target", "responsible", "timeframe",
                  "references", "derived_from")
LIST_KEYS = frozenset({"informs", "informed_by", "indicators", "responsible", "references", "derived_from"})
# Lists of ids read well as [a, b]; lists of sentences read better one per line.
FLOW_KEYS = frozenset({"informs", "informed_by", "references", "derived_from"})

Value = str | tuple[str, ...] | Mapping[str, str] | None


class Style(Struct, frozen=True):
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


def is_empty(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and len(value) == 0)


def field_value(paragraph: Paragraph, key: str) -> Value:
    value: Value = getattr(paragraph, key)
    return value


def meta_fields(document: Document) -> dict[str, Value]:
    """The `document:` mapping of a record; numbering holds only what differs from the default."""
    numbering = {k: v for k, v in document.numbering.items() if DEFAULT_NUMBERING.get(k) != v}
    return {"id": document.id, "title": document.title, "symbol": document.symbol,
            "version": document.version, "status": document.status, "informs": document.informs,
            "informed_by": document.informed_by, "numbering": numbering or None,
            "symbols": dict(document.symbols) or None, "issued": dict(document.issued) or None,
            "original": document.original, "agenda_item": document.agenda_item,
            "submitted_by": document.submitted_by}


class Emitter:
    """Writes records that have no text yet."""

    def __init__(self, style: Style) -> None:
        self.style = style

    def value(self, key: str, value: Value, col: int, flow: bool | None = None) -> str:
        """What follows `key:` for a key at column `col`: the rest of its line and the lines below."""
        if isinstance(value, str):
            return " " + scalar(value, col + len(key) + 2, col + self.style.scalar, block=key == "text")
        if isinstance(value, tuple):
            return self.sequence(key, value, col, key in self.style.flow if flow is None else flow)
        assert value is not None
        inner = col + self.style.indent
        return "".join(f"\n{' ' * inner}{key_text(k)}: {scalar(v, inner + len(key_text(k)) + 2, inner + 2)}"
                       for k, v in value.items())

    def sequence(self, key: str, items: tuple[str, ...], col: int, flow: bool) -> str:
        if flow and all(plain_ok(item, flow=True) for item in items):
            text = " [" + ", ".join(items) + "]"
            if col + len(key) + 1 + len(text) <= WIDTH:
                return text
        dash = col + self.style.sequence
        return "".join("\n" + self.item(item, dash) for item in items)

    def item(self, value: str, dash: int) -> str:
        return " " * dash + "- " + scalar(value, dash + 2, dash + 2)

    def fields(self, pairs: Iterable[tuple[str, Value]], col: int, dash: int | None = None) -> str:
        """Block mapping lines for the non-empty pairs, the first on a '-' line when `dash` is given."""
        lines = [" " * col + f"{key}:" + self.value(key, value, col) for key, value in pairs
                 if not is_empty(value)]
        if dash is not None:
            lines[0] = " " * dash + "-" + lines[0][dash + 1:]
        return "".join(line + "\n" for line in lines)

    def paragraph(self, paragraph: Paragraph, dash: int) -> str:
        pairs = [(key, field_value(paragraph, key)) for key in PARAGRAPH_KEYS]
        return self.fields(pairs, dash + self.style.item, dash)

    def section(self, section: Section, dash: int, chunk: Callable[[Paragraph, int], str]) -> str:
        """A section; `chunk` gives each paragraph's text, so moved paragraphs keep theirs."""
        col = dash + self.style.item
        head = self.fields([("id", section.id), ("title", section.title)], col, dash)
        if not section.paragraphs:
            return head + " " * col + "paragraphs: []\n"
        entries = [(chunk(p, col + self.style.paragraphs), None) for p in section.paragraphs]
        return head + " " * col + "paragraphs:\n" + assemble((), entries, self.style.paragraph_gap)

    def document(self, document: Document) -> str:
        meta = self.fields(meta_fields(document).items(), self.style.indent)
        entries = [(self.section(s, self.style.sections, self.paragraph), None) for s in document.sections]
        return f"{MODELINE}\ndocument:\n{meta}sections:\n{assemble((), entries, self.style.section_gap)}"
