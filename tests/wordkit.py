"""A small OOXML writer that edits a .docx the way Word saves a delegate's work: tracked insertions and
deletions (w:ins, w:del with w:author and w:date), untracked retyping, a new paragraph, a deleted paragraph,
a comment (word/comments.xml, its range and reference), and, for the refusals, a destroyed bookmark; `Hostile`
adds what an attacker writes (hidden text, bookmarks out of place) and `raw_zip` packages Word never makes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pygit2
from lxml import etree

from ccmflow.main import main
from ccmflow.repo.store import Store

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR = "Kenya delegate"
DATE = "2020-05-04T10:00:00Z"


def render(instance: Path, doc: str, rev: str | None = None) -> bytes:
    """The circulated .docx of a document, as `ccmflow render` makes it (at HEAD, or at `rev`)."""
    out = instance / "out" / f"{doc}.docx"
    assert main(["render", doc, "--format", "docx", "-o", str(out), "-C", str(instance),
                 *(["--rev", rev] if rev else [])]) == 0
    return out.read_bytes()


def numbered(instance: Path, doc: str, rev: str = "HEAD") -> dict[str, str]:
    """Display number -> paragraph id."""
    document = Store(instance).require(rev).documents[doc]
    return {number: pid for pid, number in document.numbers().items()}


def input_branches(instance: Path) -> list[str]:
    return [r for r in pygit2.Repository(str(instance)).references if r.startswith("refs/heads/input/")]


def _el(tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.Element(f"{W}{tag}")
    for key, value in attrs.items():
        element.set(f"{W}{key}", value)
    if text is not None:
        element.text = text
        element.set(XML_SPACE, "preserve")
    return element


def _run(text: str, deleted: bool = False) -> etree._Element:
    run = _el("r")
    run.append(_el("delText" if deleted else "t", text))
    return run


class Marked:
    """A .docx package open for editing; `data()` gives the edited file."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.files = {name: package.read(name) for name in package.namelist()}
        self.root = etree.fromstring(self.files["word/document.xml"])
        self.next_id = 900
        self.comments: list[etree._Element] = []

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def _change(self, tag: str) -> etree._Element:
        return _el(tag, id=self._id(), author=AUTHOR, date=DATE)

    def paragraph(self, bookmark: str) -> etree._Element:
        start = next(b for b in self.root.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == bookmark)
        return start.getparent()

    def _range(self, bookmark: str) -> list[etree._Element]:
        """The paragraphs from the bookmark's start to its end (a paragraph and its detail lines)."""
        first = self.paragraph(bookmark)
        bid = next(b.get(f"{W}id") for b in first.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == bookmark)
        found = [first]
        while not any(e.get(f"{W}id") == bid for e in found[-1].iter(f"{W}bookmarkEnd")):
            found.append(found[-1].getnext())
        return found

    def _text_run(self, p: etree._Element, old: str) -> etree._Element:
        return next(r for r in p.findall(f"{W}r") if old in "".join(t.text or "" for t in r.iter(f"{W}t")))

    def track_replace(self, bookmark: str, old: str, new: str) -> None:
        """Select `old` and type `new` with Track Changes on: the run split around a w:del and a w:ins."""
        p = self.paragraph(bookmark)
        run = self._text_run(p, old)
        text = run.find(f"{W}t").text or ""
        before, after = text.split(old, 1)
        deletion, insertion = self._change("del"), self._change("ins")
        deletion.append(_run(old, deleted=True))
        insertion.append(_run(new))
        at = list(p).index(run)
        p.remove(run)
        for offset, element in enumerate((_run(before), deletion, insertion, _run(after))):
            p.insert(at + offset, element)

    def retype(self, bookmark: str, old: str, new: str) -> None:
        """An edit made with Track Changes off: the text is simply different."""
        text = self._text_run(self.paragraph(bookmark), old).find(f"{W}t")
        text.text = (text.text or "").replace(old, new)

    def insert_after(self, bookmark: str, text: str, style: str = "CCMParagraph") -> None:
        """Enter at the end of the paragraph (after its detail lines) and type, tracked: the paragraph mark and
        the run are insertions, and the new paragraph keeps the style it was typed from."""
        last = self._range(bookmark)[-1]
        p = _el("p")
        props = _el("pPr")
        props.append(_el("pStyle", val=style))
        mark = _el("rPr")
        mark.append(self._change("ins"))
        props.append(mark)
        p.append(props)
        insertion = self._change("ins")
        insertion.append(_run(text))
        p.append(insertion)
        last.addnext(p)

    def delete(self, bookmark: str) -> None:
        """Select the whole paragraph (and its details) and press Delete, tracked."""
        for p in self._range(bookmark):
            for run in p.findall(f"{W}r"):
                deletion = self._change("del")
                run.addprevious(deletion)
                deletion.append(run)
                for t in run.findall(f"{W}t"):
                    t.tag = f"{W}delText"
            props = p.find(f"{W}pPr")
            mark = props.find(f"{W}rPr") if props is not None else None
            if mark is None:
                mark = _el("rPr")
                props.append(mark)
            mark.append(self._change("del"))

    def comment(self, bookmark: str, text: str) -> None:
        """A comment on the paragraph's text: range start and end around it, the reference run after."""
        p = self.paragraph(bookmark)
        cid = str(len(self.comments))
        first = next(e for e in p if e.tag in (f"{W}r", f"{W}ins", f"{W}del"))
        first.addprevious(_el("commentRangeStart", id=cid))
        end = _el("commentRangeEnd", id=cid)
        p.append(end)
        reference = _el("r")
        reference.append(_el("commentReference", id=cid))
        end.addnext(reference)
        made = _el("comment", id=cid, author=AUTHOR, date=DATE, initials="KE")
        for line in text.split("\n"):
            para = _el("p")
            para.append(_run(line))
            made.append(para)
        self.comments.append(made)

    def destroy_bookmark(self, bookmark: str) -> None:
        """What copying the text into another file does: the text stays, the bookmark is gone."""
        start = next(b for b in self.root.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == bookmark)
        bid = start.get(f"{W}id")
        start.getparent().remove(start)
        for end in [e for e in self.root.iter(f"{W}bookmarkEnd") if e.get(f"{W}id") == bid]:
            end.getparent().remove(end)

    def set_property(self, name: str, value: str) -> None:
        custom = etree.fromstring(self.files["docProps/custom.xml"])
        for prop in custom:
            if prop.get("name") == name:
                prop[0].text = value
        self.files["docProps/custom.xml"] = etree.tostring(custom, xml_declaration=True, encoding="UTF-8",
                                                           standalone=True)

    def data(self) -> bytes:
        files = dict(self.files)
        files["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8",
                                                    standalone=True)
        if self.comments:
            root = _el("comments")
            root.extend(self.comments)
            files["word/comments.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)
            rels = files["word/_rels/document.xml.rels"].decode("utf-8")
            files["word/_rels/document.xml.rels"] = rels.replace(
                "</Relationships>",
                f'<Relationship Id="rIdComments1" Type="{COMMENTS_REL}" Target="comments.xml"/></Relationships>'
            ).encode("utf-8")
            types = files["[Content_Types].xml"].decode("utf-8")
            files["[Content_Types].xml"] = types.replace(
                "</Types>", f'<Override PartName="/word/comments.xml" ContentType="{COMMENTS_TYPE}"/></Types>'
            ).encode("utf-8")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name, content in files.items():
                package.writestr(name, content)
        return out.getvalue()


# --- What a hostile sender does to a file: text Word does not show, bookmarks out of place, broken packages. ---


def props(**values: dict[str, str]) -> etree._Element:
    """A w:rPr (or any properties element's children) from tag -> attributes, e.g. props(vanish={})."""
    element = _el("rPr")
    for tag, attrs in values.items():
        element.append(_el(tag, **attrs))
    return element


class Hostile(Marked):
    """Marked, with the edits a hostile sender makes that Word's own editing does not."""

    def add_run(self, bookmark: str, text: str, run_props: etree._Element | None = None,
                drawing: bool = False) -> None:
        """Text typed at the end of a paragraph, with run properties (hidden, white, tiny...), or a drawing (an
        anchored shape, which Word can lay over the text with a white fill)."""
        p = self.paragraph(bookmark)
        run = _el("r")
        if run_props is not None:
            run.append(run_props)
        run.append(_el("drawing") if drawing else _el("t", text))
        last = [e for e in p if e.tag in (f"{W}r", f"{W}ins")][-1]
        last.addnext(run)

    def paragraph_props(self, bookmark: str, tag: str, **attrs: str) -> None:
        """A property of the paragraph itself (w:pPr), e.g. its shading."""
        p = self.paragraph(bookmark)
        p_pr = p.find(f"{W}pPr")
        if p_pr is None:
            p_pr = _el("pPr")
            p.insert(0, p_pr)
        p_pr.append(_el(tag, **attrs))

    def mark_props(self, bookmark: str, run_props: etree._Element) -> None:
        """Properties of the paragraph mark (w:pPr/w:rPr)."""
        p = self.paragraph(bookmark)
        p_pr = p.find(f"{W}pPr")
        if p_pr is None:
            p_pr = _el("pPr")
            p.insert(0, p_pr)
        p_pr.append(run_props)

    def style_props(self, style_id: str, run_props: etree._Element, kind: str = "paragraph") -> None:
        """Run properties given to a style (a new character style when the id is unknown)."""
        styles = etree.fromstring(self.files["word/styles.xml"])
        style = next((s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id), None)
        if style is None:
            style = _el("style", type=kind, styleId=style_id)
            style.append(_el("name", val=style_id))
            styles.append(style)
        existing = style.find(f"{W}rPr")
        if existing is None:
            style.append(run_props)
        else:
            existing.extend(list(run_props))
        self.files["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8",
                                                       standalone=True)

    def _start(self, bookmark: str) -> etree._Element:
        return next(b for b in self.root.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == bookmark)

    def _end(self, bookmark: str) -> etree._Element:
        bid = self._start(bookmark).get(f"{W}id")
        return next(e for e in self.root.iter(f"{W}bookmarkEnd") if e.get(f"{W}id") == bid)

    def copy_bookmark(self, bookmark: str, onto: str) -> None:
        """Paragraph `onto` also carries `bookmark` (a second bookmark of the same name): Word shows nothing."""
        target = self.paragraph(onto)
        bid = self._id()
        target.insert(1, _el("bookmarkStart", id=bid, name=bookmark))
        target.append(_el("bookmarkEnd", id=bid))

    def move_bookmark(self, bookmark: str, onto: str) -> None:
        """The bookmark taken off its paragraph and put on paragraph `onto`, which keeps its own."""
        start, end = self._start(bookmark), self._end(bookmark)
        target = self.paragraph(onto)
        start.getparent().remove(start)
        end.getparent().remove(end)
        target.insert(1, start)
        target.append(end)

    def move_bookmark_end(self, bookmark: str, after: str) -> None:
        """The bookmark's end moved to the end of paragraph `after`: it now spans the paragraphs between."""
        end = self._end(bookmark)
        end.getparent().remove(end)
        self.paragraph(after).append(end)

    def into_table(self, bookmark: str) -> None:
        """The paragraph put in a one-cell table, where it still shows."""
        p = self.paragraph(bookmark)
        table, row, cell = _el("tbl"), _el("tr"), _el("tc")
        p.addprevious(table)
        table.append(row)
        row.append(cell)
        cell.append(p)

    def table_after(self, bookmark: str, text: str) -> None:
        """A one-cell table holding `text`, after the paragraph."""
        table, row, cell, p = _el("tbl"), _el("tr"), _el("tc"), _el("p")
        p.append(_run(text))
        cell.append(p)
        row.append(cell)
        table.append(row)
        self._range(bookmark)[-1].addnext(table)

    def page_background(self, colour: str) -> None:
        background = _el("background", color=colour)
        self.root.insert(0, background)


def raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand: (name, stored data, method (0 stored, 8 deflated), CRC-32, declared size) each, so a
    test can make the headers say what the data is not (a wrong checksum, a size that lies)."""
    import struct

    out = io.BytesIO()
    central = io.BytesIO()
    for name, data, method, crc, size in entries:
        offset = out.tell()
        encoded = name.encode("utf-8")
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size,
                              len(encoded), 0))
        out.write(encoded)
        out.write(data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data),
                                  size, len(encoded), 0, 0, 0, 0, 0, offset))
        central.write(encoded)
    start = out.tell()
    directory = central.getvalue()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), start, 0))
    return out.getvalue()


def deflated(data: bytes) -> bytes:
    """Raw deflate (as in a zip) of `data`."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def deflated_zeros(size: int, chunk: int = 1 << 20) -> tuple[bytes, int]:
    """Raw deflate of `size` zero bytes, and their CRC-32, without holding them: one chunk compressed with a
    full flush gives the same bytes every time, so the stream is that block repeated (2.5 GiB in 2.5 MB)."""
    import zlib

    zeros = bytes(chunk)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    assert again == block
    count = size // chunk
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    return block * count + packer.flush(), crc
