"""The WordprocessingML python-docx does not write itself: tracked changes (w:ins, w:del with author and date),
bookmarks, page number fields, right-to-left paragraphs, repeated table headers and custom file properties."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from xml.sax.saxutils import escape

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import _Row
from docx.text.paragraph import Paragraph

CUSTOM_PART = "/docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every custom property of an Office file carries.
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
BOOKMARK_MAX = 40


def bookmark_name(pid: str) -> str:
    """A Word bookmark name for a paragraph id: starts with a letter, at most 40 characters, no spaces or dashes.

    Ids that start with a letter map one to one ('-' becomes '_', which ids never use); the rare id that starts
    with a digit and is too long for a prefix gets a hash. Reading back inverts the map over a version's ids.
    """
    name = pid.replace("-", "_")
    if name[:1].isalpha():
        return name[:BOOKMARK_MAX]
    if len(name) < BOOKMARK_MAX:
        return f"p{name}"
    return "h" + hashlib.sha256(pid.encode("utf-8")).hexdigest()[:BOOKMARK_MAX - 1]


class Ids:
    """Word wants every w:ins, w:del and bookmark id unique in the file."""

    def __init__(self) -> None:
        self.next = 0

    def __call__(self) -> str:
        self.next += 1
        return str(self.next)


def _element(tag: str, **attrs: str) -> BaseOxmlElement:
    element: BaseOxmlElement = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def wrap_in_bookmark(paragraphs: list[Paragraph], name: str, bid: str) -> None:
    """A bookmark from the start of the first paragraph to the end of the last (the paragraph and its details)."""
    first, last = paragraphs[0]._p, paragraphs[-1]._p
    first.get_or_add_pPr().addnext(_element("w:bookmarkStart", id=bid, name=name))
    last.append(_element("w:bookmarkEnd", id=bid))


def text_run(text: str, bold: bool = False, italic: bool = False, deleted: bool = False,
             rtl: bool = False, highlight: bool = False) -> BaseOxmlElement:
    """A w:r with its text (w:delText inside a deletion, as Word requires); `highlight`: bracketed text, marked
    as secretariats mark it by hand (yellow)."""
    run = _element("w:r")
    props = _element("w:rPr")
    for flag, tag in ((bold, "w:b"), (italic, "w:i"), (highlight, "w:highlight"), (rtl, "w:rtl")):
        if flag:
            props.append(_element(tag, val="yellow") if tag == "w:highlight" else _element(tag))
    if len(props):
        run.append(props)
    text_el = _element("w:delText" if deleted else "w:t")
    text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_el.text = text
    run.append(text_el)
    return run


def stamp(when: datetime) -> str:
    """w:date is an ISO 8601 instant in UTC, without fractions."""
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def tracked(paragraph: Paragraph, kind: str, text: str, author: str, when: datetime, rid: str,
            rtl: bool = False) -> None:
    """Append `text` to the paragraph as a tracked insertion ('+') or deletion ('-') by `author`."""
    wrapper = _element("w:ins" if kind == "+" else "w:del", id=rid, author=author, date=stamp(when))
    wrapper.append(text_run(text, deleted=kind == "-", rtl=rtl))
    paragraph._p.append(wrapper)


def plain(paragraph: Paragraph, text: str, bold: bool = False, italic: bool = False, rtl: bool = False,
          highlight: bool = False) -> None:
    paragraph._p.append(text_run(text, bold=bold, italic=italic, rtl=rtl, highlight=highlight))


def track_paragraph_mark(paragraph: Paragraph, kind: str, author: str, when: datetime, rid: str) -> None:
    """Mark the paragraph itself as inserted or deleted, so accepting or rejecting removes it whole."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = _element("w:rPr")
        ppr.append(rpr)
    rpr.append(_element("w:ins" if kind == "+" else "w:del", id=rid, author=author, date=stamp(when)))


def page_field(paragraph: Paragraph) -> None:
    """A PAGE field: Word shows the current page number there."""
    field = _element("w:fldSimple", instr=" PAGE ")
    field.append(text_run("1"))
    paragraph._p.append(field)


def right_to_left(paragraph: Paragraph) -> None:
    """w:bidi: the paragraph reads right to left (its runs carry w:rtl)."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.insert(0, _element("w:bidi"))


def repeat_header(row: _Row) -> None:
    """The row is repeated at the top of every printed page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(_element("w:tblHeader"))


def internal_link(paragraph: Paragraph, text: str, anchor: str) -> None:
    """A link to a bookmark in the same file."""
    link = _element("w:hyperlink", anchor=anchor)
    link.append(text_run(text))
    paragraph._p.append(link)


def set_custom_properties(document: WordDocument, values: Mapping[str, str]) -> None:
    """docProps/custom.xml: named string properties any Office application shows under File > Properties."""
    props = "".join(f'<property fmtid="{_FMTID}" pid="{i}" name="{escape(name, {chr(34): "&quot;"})}">'
                    f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
                    for i, (name, value) in enumerate(values.items(), start=2))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{props}</Properties>')
    package = document.part.package
    assert package is not None
    part = Part(PackURI(CUSTOM_PART), CUSTOM_TYPE, xml.encode("utf-8"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def custom_properties(document: WordDocument) -> dict[str, str]:
    """The custom properties of a file (any producer), by name."""
    from docx.oxml.parser import parse_xml

    package = document.part.package
    assert package is not None
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            found: dict[str, str] = {}
            for prop in root.findall(f"{{{_CUSTOM_NS}}}property"):
                value = next(iter(prop), None)
                found[prop.get("name") or ""] = (value.text or "") if value is not None else ""
            return found
    return {}
