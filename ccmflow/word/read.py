"""A circulated .docx read back after a delegation edited it: one change per paragraph, or why it cannot be read.

The file says what it is a rendering of (custom properties: document, exact commit, language). Each paragraph
of the body sits in a bookmark named from its id (ooxml.bookmark_name), so a paragraph is found by its bookmark,
never by its position or its text. Its text is read with every tracked change accepted (insertions kept,
deletions dropped) and compared with the version the file was made from, so tracked and untracked edits count
alike. A paragraph typed after a bookmarked one (inside its section) is a new paragraph after it; a bookmarked
paragraph whose text is all deleted, or whose bookmark went with its paragraph, is a deletion; a Word comment
is the justification of the change to the paragraph it is anchored in. Whatever cannot be placed is a problem,
named, and the caller then makes nothing: so is text Word does not show (visible.py) and a bookmark that is not
where ccmflow put it (marks.py). The package itself is opened within bounds (package.py).
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import docx
from docx.document import Document as WordDocument
from docx.exceptions import PythonDocxError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from msgspec import Struct, field

from ccmflow.core.inputfile import InputKind
from ccmflow.core.languages import WORKING
from ccmflow.core.model import Document, Paragraph, paragraph_label
from ccmflow.propose.build import Edit
from ccmflow.word.document import PROP_COMMIT, PROP_DOCUMENT, PROP_LANGUAGE, STYLE_DETAIL, STYLE_SECTION
from ccmflow.word.marks import bookmark_problems
from ccmflow.word.ooxml import bookmark_name, custom_properties
from ccmflow.word.package import NotReadable, checked_parts, repacked
from ccmflow.word.visible import NOT_TEXT as _NOT_TEXT
from ccmflow.word.visible import Visibility
from ccmflow.word.visible import W as _W
from ccmflow.write.render import Reader, details, display_number, reference

__all__ = ["Made", "NotReadable", "Reading", "accepted_text", "made_from", "open_word", "read_changes"]

_P, _T, _TAB, _BR, _CR = f"{_W}p", f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
# A paragraph whose bookmark is gone but whose text is still this close to one in the file was not deleted:
# the bookmark was destroyed (a copy, another editor), and guessing where it went is what we must not do.
_STILL_THERE = 0.6


class Made(Struct, frozen=True):
    """What the file says it is a rendering of."""

    document: str
    commit: str


class Reading(Struct, frozen=True):
    """The changes the file makes to its version, in document order, and what could not be placed."""

    edits: tuple[Edit, ...]
    problems: tuple[str, ...]


class _Unit(Struct):
    """A bookmarked paragraph of the version as the file has it (pid set), or a paragraph typed after one."""

    pid: str | None
    section: int
    after: str | None  # a new paragraph: the bookmarked paragraph it follows
    text: str = ""
    details: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


@contextmanager
def _readable() -> Iterator[None]:
    """What python-docx raises on a package its makers never meant (a style of no known type, a part of the wrong
    kind where the styles should be) is the file's fault: NotReadable, never a traceback."""
    try:
        yield
    except (OpcError, PythonDocxError, KeyError, ValueError, SyntaxError, AttributeError, TypeError,
            IndexError) as exc:
        raise NotReadable(f"not a Word (.docx) file python-docx can read ({type(exc).__name__}: {exc})") from None


def open_word(data: bytes) -> WordDocument:
    """The file as python-docx reads it, from its parts once each was checked (package.py), or NotReadable."""
    parts = checked_parts(data)
    with _readable():
        word = docx.Document(io.BytesIO(repacked(parts)))
        _style_names(word)  # the styles part is read now, so that a damaged one is refused here
        return word


def made_from(word: WordDocument) -> Made:
    """The document and the exact commit the file was rendered from, or why it cannot be read back."""
    with _readable():
        props = custom_properties(word)
    if not props.get(PROP_DOCUMENT):
        raise NotReadable("ccmflow did not produce this file (it has no ccmflow.document property): only a file "
                          "made by ccmflow render DOC --format docx can be read back")
    if "ccmflow.redline_from" in props or "ccmflow.base" in props:
        raise NotReadable("this file is a redline or a compilation text: read back the circulated document, as "
                          "made by ccmflow render DOC --format docx")
    if props.get(PROP_LANGUAGE, WORKING) != WORKING:
        raise NotReadable(f"this file is the '{props[PROP_LANGUAGE]}' version: only the working language "
                          f"('{WORKING}') is read back")
    if not props.get(PROP_COMMIT):
        raise NotReadable("the file was rendered from files that were not committed, so the exact text it shows "
                          "is unknown: render the document again from a commit and circulate that")
    commit = props[PROP_COMMIT].strip().lower()
    if not _COMMIT.fullmatch(commit):
        raise NotReadable(f"the file's {PROP_COMMIT} property is not a commit id ('{_short(commit)}'): the file was "
                          "altered after ccmflow made it")
    return Made(props[PROP_DOCUMENT], commit)


def read_changes(word: WordDocument, base: Document, others: Mapping[str, Document] | None = None) -> Reading:
    """What the edited file changes in `base` (the version it was made from), paragraph by paragraph."""
    with _readable():
        return _read_changes(word, base, others)


def _read_changes(word: WordDocument, base: Document, others: Mapping[str, Document] | None) -> Reading:
    names = {bookmark_name(p.id): p.id for _, p in base.walk()}
    numbers = base.numbers()

    def label(pid: str) -> str:
        return paragraph_label(numbers.get(pid, ""), pid, prose=True)

    problems = bookmark_problems(word.element.body, names, label)
    units = _units(word, base, names, problems)
    seen = Visibility(word)
    _check_seen(seen, units, label, problems)
    comments = _comments(word, seen, problems)
    _attach_comments(word, units, comments, problems)
    return _changes(base, units, Reader(WORKING, None, others), problems)


def _style_names(word: WordDocument) -> dict[str, str]:
    return {s.style_id: s.name for s in word.styles if s.style_id and s.name}


def _units(word: WordDocument, base: Document, names: Mapping[str, str],
           problems: list[str]) -> dict[BaseOxmlElement, _Unit]:
    """Each body paragraph after the header block -> the unit it belongs to (headings belong to none)."""
    styles = _style_names(word)
    numbers = base.numbers()
    section, anchor, owner, open_id = -1, None, None, None
    found: dict[BaseOxmlElement, _Unit] = {}
    for p, marks in _paragraphs(word):
        style = _style(p, styles)
        if style == STYLE_SECTION:
            section, anchor, owner, open_id = section + 1, None, None, None
            _check_heading(p, base, section, problems)
            continue
        if section < 0:
            continue  # the header block: symbol, conference, title
        ours = [(bid, names[n]) for bid, n in marks if n in names]
        if ours:
            open_id, anchor = ours[0]
            owner = found[p] = _Unit(anchor, section, None, _main_text(p, numbers, anchor))
        elif style == STYLE_DETAIL and owner is not None and open_id is not None:
            owner.details.append(accepted_text(p).strip())
            found[p] = owner
        else:
            found[p] = _Unit(None, section, anchor, accepted_text(p).strip())
        if open_id is not None and open_id in _ends(p):
            open_id = None  # what follows the paragraph's own lines is typed after it, whatever its style
    return found


def _check_seen(seen: Visibility, units: Mapping[BaseOxmlElement, _Unit], label: Callable[[str], str],
                problems: list[str]) -> None:
    """Every paragraph read as text (the version's, their details, new ones) must show all its text in Word."""
    met: set[int] = set()  # units whose first paragraph went by: the next ones are its detail lines
    for p, unit in units.items():
        detail = id(unit) in met
        met.add(id(unit))
        unseen = seen.unseen(p)
        if unseen is None:
            continue
        if unit.pid is not None:
            where = label(unit.pid) + (" (a detail line)" if detail else "")
        else:
            where = f"the new paragraph '{_short(unit.text)}'" + (f" after {label(unit.after)}" if unit.after else "")
        shown = f" '{_short(unseen.text)}'" if unseen.text else ""
        problems.append(f"{where}: text{shown} cannot be seen in Word because {unseen.why}; invisible text is not "
                        "read back (delete it, or make it visible, and send the file again)")


def _paragraphs(word: WordDocument) -> Iterator[tuple[BaseOxmlElement, list[tuple[str, str]]]]:
    """Body paragraphs in order with the bookmarks (id, name) that start in them (or just before them)."""
    pending: list[tuple[str, str]] = []
    for child in word.element.body.iterchildren():
        if child.tag == f"{_W}bookmarkStart":
            pending.append((child.get(f"{_W}id") or "", child.get(f"{_W}name") or ""))
        elif child.tag == _P:
            marks = pending + [(b.get(f"{_W}id") or "", b.get(f"{_W}name") or "")
                               for b in child.iter(f"{_W}bookmarkStart")]
            pending = []
            yield child, marks


def _ends(p: BaseOxmlElement) -> set[str]:
    return {b.get(f"{_W}id") or "" for b in p.iter(f"{_W}bookmarkEnd")}


def _style(p: BaseOxmlElement, styles: Mapping[str, str]) -> str:
    found = p.find(f"{_W}pPr/{_W}pStyle")
    style_id = found.get(f"{_W}val") if found is not None else None
    return styles.get(style_id or "", style_id or "Normal")


def accepted_text(element: BaseOxmlElement) -> str:
    """The text as it reads with every tracked change accepted."""
    out: list[str] = []
    for child in element:
        tag = child.tag
        if tag in _NOT_TEXT or not isinstance(tag, str):
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        else:
            out.append(accepted_text(child))
    return "".join(out)


def _main_text(p: BaseOxmlElement, numbers: Mapping[str, str], pid: str) -> str:
    """A bookmarked paragraph's text without the display number rendered before it."""
    text = accepted_text(p)
    number = numbers.get(pid, "")
    if number:
        prefix = f"{display_number(number)}\t"
        if text.startswith(prefix):
            text = text[len(prefix):]
        elif "\t" in text[:len(prefix) + 4]:
            text = text.split("\t", 1)[1]  # the number itself was retyped: it is not part of the text
    return text.strip()


def _check_heading(p: BaseOxmlElement, base: Document, index: int, problems: list[str]) -> None:
    text = accepted_text(p).strip()
    if index >= len(base.sections):
        problems.append(f"the heading '{text}' is not a section of the {base.short_title()}: sections cannot be "
                        "added in Word (propose the paragraphs under an existing heading)")
    elif _same(text, base.sections[index].title) is False:
        problems.append(f"the heading of section '{base.sections[index].title}' was changed to '{text}': section "
                        "titles are not read back from Word")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _comments(word: WordDocument, seen: Visibility, problems: list[str]) -> dict[str, str]:
    """Comment id -> its text (paragraphs on lines of their own); a comment with text Word hides is a problem."""
    for rel in word.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            found: dict[str, str] = {}
            for c in root.iter(f"{_W}comment"):
                found[c.get(f"{_W}id") or ""] = text = "\n".join(accepted_text(p) for p in c.iter(_P)).strip()
                unseen = next((u for p in c.iter(_P) if (u := seen.unseen(p)) is not None), None)
                if unseen is not None:
                    problems.append(f"the comment '{_short(text)}' has text that cannot be seen in Word because "
                                    f"{unseen.why}: invisible text is not read back (delete it, or make it visible)")
            return found
    return {}


def _attach_comments(word: WordDocument, units: Mapping[BaseOxmlElement, _Unit],
                     comments: Mapping[str, str], problems: list[str]) -> None:
    """Each comment to the unit of the paragraph its range starts in (or its reference, without a range)."""
    placed: set[str] = set()
    pending: list[str] = []
    for child in word.element.body.iterchildren():
        if child.tag == f"{_W}commentRangeStart":
            pending.append(child.get(f"{_W}id") or "")
            continue
        if child.tag != _P:
            continue
        ids = pending + [c.get(f"{_W}id") or "" for c in child.iter(f"{_W}commentRangeStart")]
        ids += [c.get(f"{_W}id") or "" for c in child.iter(f"{_W}commentReference")]
        pending = []
        for cid in dict.fromkeys(i for i in ids if i in comments and i not in placed):
            placed.add(cid)
            unit = units.get(child)
            if unit is None or (unit.pid is None and not unit.text):
                problems.append(f"the comment '{_short(comments[cid])}' is not on a paragraph of the text (it is "
                                "on a heading, the title block or an empty line): put it on the paragraph it "
                                "justifies")
            elif comments[cid]:
                unit.comments.append(comments[cid])


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."


def _changes(base: Document, units: Mapping[BaseOxmlElement, _Unit], reader: Reader,
             problems: list[str]) -> Reading:
    """In document order, for each paragraph: its amendment, the new paragraphs after it, its deletion (the
    order in which the same changes can be made one by one with ccmflow propose)."""
    numbers = base.numbers()
    ours = {u.pid: u for u in units.values() if u.pid is not None}
    new = [u for u in units.values() if u.pid is None and u.text]
    after: dict[str, list[_Unit]] = {}
    for fresh in new:
        after.setdefault(fresh.after or "", []).append(fresh)
    _check_order(base, list(ours.values()), problems)
    edits: list[Edit] = []
    if not ours and any(True for _ in base.walk()):
        problems.append("the file has none of the bookmarks ccmflow puts around each paragraph (were they removed, "
                        "or the text copied into another file?): no paragraph can be placed")
    for fresh in new:
        if fresh.after is None:
            problems.append(f"the new paragraph '{_short(fresh.text)}' comes before the first paragraph of its "
                            "section, where it cannot be placed: propose it after a paragraph")
    for section_index, section in enumerate(base.sections):
        for paragraph in section.paragraphs:
            label = paragraph_label(numbers.get(paragraph.id, ""), paragraph.id, prose=True)
            unit = ours.get(paragraph.id)
            own: list[Edit] = []
            if unit is None and _still_there(paragraph, section_index, new):
                problems.append(f"{label} could not be placed: its bookmark is gone but its text is still in the "
                                "file (edit the file ccmflow made, keeping each paragraph's bookmark)")
            elif unit is None:
                own = [Edit(InputKind.DELETE, paragraph.id)]
            else:
                own = _own_change(base, paragraph, unit, label, reader, problems)
            inserts = [Edit(InputKind.INSERT, paragraph.id, u.text, _why(u)) for u in after.get(paragraph.id, ())]
            deleting = bool(own) and own[0].kind == InputKind.DELETE
            edits += inserts + own if deleting else own + inserts
    return Reading(tuple(edits), tuple(problems))


def _why(unit: _Unit) -> str | None:
    return "\n\n".join(unit.comments) or None


def _own_change(base: Document, paragraph: Paragraph, unit: _Unit, label: str, reader: Reader,
                problems: list[str]) -> list[Edit]:
    if unit.text and unit.details != _detail_lines(base, paragraph, reader):
        problems.append(f"the details of {label} (indicators, lead, references...) were edited: only a "
                        "paragraph's text is read back from Word")
    if not unit.text:
        return [Edit(InputKind.DELETE, paragraph.id, justification=_why(unit))]
    if not _same(unit.text, paragraph.text):
        return [Edit(InputKind.AMEND, paragraph.id, unit.text, _why(unit))]
    if unit.comments:
        problems.append(f"the comment '{_short(unit.comments[0])}' is on {label}, which the file does not change: "
                        "a comment is read as the justification of a change (make a remark with ccmflow propose "
                        "--remark)")
    return []


def _still_there(paragraph: Paragraph, section: int, new: list[_Unit]) -> bool:
    for unit in new:
        if unit.section != section:
            continue
        # The cheap upper bounds first: most new paragraphs are nothing like the one whose bookmark is gone.
        matcher = difflib.SequenceMatcher(None, unit.text, paragraph.text)
        if matcher.real_quick_ratio() >= _STILL_THERE and matcher.quick_ratio() >= _STILL_THERE and \
                matcher.ratio() >= _STILL_THERE:
            return True
    return False


def _check_order(base: Document, seen: list[_Unit], problems: list[str]) -> None:
    """A bookmarked paragraph found in another section, or out of order: moves are not read back."""
    numbers = base.numbers()
    present = {u.pid for u in seen}
    expected = [(i, p.id) for i, s in enumerate(base.sections) for p in s.paragraphs if p.id in present]
    for (section, pid), unit in zip(expected, seen, strict=True):
        if unit.pid != pid or unit.section != section:
            label = paragraph_label(numbers.get(unit.pid or "", ""), unit.pid or "", prose=True)
            problems.append(f"{label} is not where the version has it: moving paragraphs is not read back from "
                            "Word (propose the move in a pull request)")
            return


def _detail_lines(doc: Document, paragraph: Paragraph, reader: Reader) -> list[str]:
    """The detail lines document.write_paragraph renders under a paragraph, as text."""
    lines = [f"{reader.detail(name)}: {'; '.join(values)}" for name, values in details(paragraph)]
    if paragraph.references:
        shown = [reference(ref, doc, reader.others, reader.lang).label for ref in paragraph.references]
        lines.append(f"{reader.detail('References')}: {'; '.join(shown)}")
    return lines
