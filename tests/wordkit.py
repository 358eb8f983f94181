"""A small OOXML writer that edits a .docx the way Word saves a delegate's work: tracked insertions and
deletions (w:ins, w:del with w:author and w:date), untracked retyping, a new paragraph, a deleted paragraph,
a comment (word/comments.xml, its range and reference), and, for the refusals, a destroyed bookmark."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
AUTHOR = "Kenya delegate"
DATE = "2020-05-04T10:00:00Z"


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
