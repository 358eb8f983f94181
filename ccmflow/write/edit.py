"""Edits to document files as text splices over node spans, so unchanged lines stay byte-identical."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Collection, Sequence
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core.errors import InvalidInput
from ccmflow.core.model import Document, Paragraph, Section
from ccmflow.read.load import document_text, parse_text
from ccmflow.read.yamlsafe import Loaded, YamlError
from ccmflow.read.yamlsafe import load as load_yaml
from ccmflow.write.docemit import LIST_KEYS, MODELINE, PARAGRAPH_KEYS, Emitter, Style
from ccmflow.write.spans import EditError, InternalEditError
from ccmflow.write.splice import Splicer, unique
from ccmflow.write.yamlemit import WIDTH

__all__ = ["ID_ALPHABET", "MODELINE", "WIDTH", "EditError", "Editor", "InternalEditError", "Spliced", "dump_document",
           "new_id", "splice_document", "write_document"]

ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"


class _Frame(Struct, frozen=True):
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


def write_document(old_text: str, path: str, target: Document, *, loaded: Loaded | None = None) -> str:
    """`old_text` changed to hold exactly `target`, touching only the lines of what differs.

    `loaded` may be `old_text` already parsed (`parse_text(path, old_text).loaded`), saving a parse; it is
    used only when it was read from exactly the text spliced here, so a stale one costs time, never correctness.
    """
    text = splice_document(old_text, path, target, loaded=loaded).text
    _verify(text, path, target)
    return text


class Spliced(Struct, frozen=True):
    """Spliced text, not yet checked, and what the splicer did (see Splicer.chunks and only_paragraphs)."""

    text: str
    chunks: dict[str, tuple[str, int, bool]]
    only_paragraphs: bool


def splice_document(old_text: str, path: str, target: Document, *, loaded: Loaded | None = None,
                    record: Document | None = None) -> Spliced:
    """write_document without its check: for a caller that proves the result itself (the merge driver).

    `record`: the document `loaded` holds (read with it); the paragraphs `target` keeps as they are there are
    then copied line for line without comparing their fields. Like `loaded`, it is used only with `loaded`."""
    _check_ids(target)
    frame, body = _Frame.of(old_text)
    if loaded is None or loaded.text != body or loaded.path != path:
        loaded, record = _load(body, path), None
    splicer = Splicer(loaded, record)
    text = frame.restore(splicer.write(target))
    return Spliced(text, splicer.chunks, splicer.only_paragraphs)


def _load(body: str, path: str) -> Loaded:
    try:
        return load_yaml(body, path)
    except YamlError as exc:
        raise EditError(f"cannot edit {path}: {exc.finding}") from None


def dump_document(document: Document) -> str:
    """A brand-new document file in the canonical style, modeline first."""
    _check_ids(document)
    text = Emitter(Style()).document(document)
    _verify(text, document.path or "document.yaml", document)
    return text


def new_id(taken: Collection[str]) -> str:
    """A fresh opaque paragraph id, e.g. 'p3k9x2qa'; never one in `taken`."""
    import secrets  # only a new paragraph needs it, and its imports (random, hmac) cost every merge driver 1 ms

    while True:
        pid = "p" + "".join(secrets.choice(ID_ALPHABET) for _ in range(7))
        if pid not in taken:
            return pid


def derived_id(seed: str, taken: Collection[str]) -> str:
    """A paragraph id drawn from `seed` rather than at random, never one in `taken`: the same seed gives the same
    id, so an input rebuilt from the same request (an issue form edited elsewhere) proposes the same paragraph."""
    drawn = ("p" + "".join(ID_ALPHABET[byte % len(ID_ALPHABET)]
                           for byte in hashlib.sha256(f"{seed}#{attempt}".encode()).digest()[:7])
             for attempt in itertools.count())
    return next(pid for pid in drawn if pid not in taken)


def _check_ids(document: Document) -> None:
    unique([(s.id, None) for s in document.sections], "section")
    unique([(p.id, None) for _, p in document.walk()], "paragraph")


def _verify(text: str, path: str, target: Document) -> None:
    """Never hand back text that does not hold `target`: read it again and compare.

    The full parse goes through the parse cache, so a caller that reads the result again (the merge driver
    does) pays nothing for it.
    """
    record = parse_text(path, text).record
    if isinstance(record, Document) and replace(record, path=target.path) == target:
        return
    canonical = parse_text(path, Emitter(Style()).document(target))
    if canonical.record is None:
        problems = "; ".join(f"{f.message}" + (f" ({f.hint})" if f.hint else "") for f in canonical.findings)
        raise EditError(f"the requested {path} would not be a valid document: {problems}")
    if replace(canonical.record, path=target.path) != target:
        raise EditError(f"the requested {path} cannot be written as a file "
                        "(e.g. its numbering drops a default)")
    raise InternalEditError(f"internal error: the edited text of {path} would not hold the requested "
                            "document; nothing was written")


def _read(text: str, path: str) -> tuple[Document, Loaded]:
    try:
        return document_text(path, text)
    except InvalidInput as exc:
        raise EditError(f"{path} is not a valid document:\n" + "\n".join(map(str, exc.findings))) from None


class Editor:
    """One file's text and record, edited a step at a time; every step goes through write_document."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self._text = text
        self._document, self._loaded = _read(text, path)

    @property
    def document(self) -> Document:
        return self._document

    @property
    def text(self) -> str:
        return self._text

    def write(self, target: Document) -> None:
        self._text = write_document(self._text, self.path, target, loaded=self._loaded)
        # The check in write_document parsed this very text, so this read is a cache hit.
        self._document, self._loaded = _read(self._text, self.path)

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

    def _paragraph(self, pid: str) -> Paragraph:
        paragraph = self._document.paragraph(pid)
        if paragraph is None:
            raise EditError(f"no paragraph '{pid}' in {self.path}")
        return paragraph

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
