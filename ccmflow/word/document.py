"""A document as it is circulated, in Word: header block, numbered sections and paragraphs, actions with their
details, page numbers, each paragraph inside a bookmark named from its id, and the exact version in the file's
properties (so an edited copy can be read back against it)."""

from __future__ import annotations

import io
from collections.abc import Mapping

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as WordParagraph
from msgspec import Struct

from ccmflow.core.brackets import segments
from ccmflow.core.languages import WORD_FONTS, WORKING, language
from ccmflow.core.model import Conference, Document, Paragraph
from ccmflow.core.translations import State
from ccmflow.word.ooxml import (
    Ids,
    bookmark_name,
    internal_link,
    page_field,
    plain,
    right_to_left,
    set_custom_properties,
    wrap_in_bookmark,
)
from ccmflow.write.header import Header, make_header
from ccmflow.write.render import Reader, details, display_number, reference
from ccmflow.write.words import word as label

# Custom property names: what the file is a rendering of, exactly.
PROP_DOCUMENT = "ccmflow.document"
PROP_COMMIT = "ccmflow.commit"
PROP_VERSION = "ccmflow.version"
PROP_LANGUAGE = "ccmflow.language"

# Paragraph styles, named so that a reader (or a test) can tell the parts of the document apart.
STYLE_CONFERENCE = "CCM Conference"
STYLE_SYMBOL = "CCM Symbol"
STYLE_AGENDA = "CCM Agenda"
STYLE_TITLE = "CCM Title"
STYLE_SUBMITTED = "CCM Submitted"
STYLE_PARAGRAPH = "CCM Paragraph"
STYLE_UNNUMBERED = "CCM Unnumbered"
STYLE_DETAIL = "CCM Detail"
STYLE_SECTION = "Heading 1"
NUMBER_INDENT = Cm(1.5)


class Origin(Struct, frozen=True):
    """Where the rendered text comes from: the commit it was read at (None: uncommitted files)."""

    commit: str | None
    version: str


def new_document(lang: str = WORKING) -> WordDocument:
    """An empty file with our styles, A4 margins, fonts for every script and the reader's language."""
    word = docx.Document()
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    normal = word.styles["Normal"]
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for key, font in (("ascii", WORD_FONTS["ascii"]), ("hAnsi", WORD_FONTS["ascii"]), ("cs", WORD_FONTS["cs"]),
                      ("eastAsia", WORD_FONTS["eastAsia"])):
        fonts.set(qn(f"w:{key}"), font)
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:bidi"), "ar" if lang == "ar" else lang)
    lang_el.set(qn("w:eastAsia"), "zh" if lang == "zh" else lang)
    rpr.append(lang_el)
    _styles(word)
    return word


def _styles(word: WordDocument) -> None:
    for name, bold, italic, size in ((STYLE_CONFERENCE, True, False, 12), (STYLE_SYMBOL, False, False, 11),
                                     (STYLE_AGENDA, False, True, 11), (STYLE_TITLE, True, False, 15),
                                     (STYLE_SUBMITTED, False, True, 11), (STYLE_PARAGRAPH, False, False, 11),
                                     (STYLE_UNNUMBERED, False, False, 11), (STYLE_DETAIL, False, False, 10)):
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"]
        style.font.bold, style.font.italic, style.font.size = bold, italic, Pt(size)
        style.paragraph_format.space_after = Pt(6)
    numbered = word.styles[STYLE_PARAGRAPH].paragraph_format
    numbered.left_indent, numbered.first_line_indent = NUMBER_INDENT, -NUMBER_INDENT
    word.styles[STYLE_UNNUMBERED].paragraph_format.first_line_indent = NUMBER_INDENT
    word.styles[STYLE_DETAIL].paragraph_format.left_indent = NUMBER_INDENT + Cm(0.5)
    word.styles[STYLE_DETAIL].paragraph_format.space_after = Pt(2)
    word.styles[STYLE_TITLE].paragraph_format.space_before = Pt(12)


class Writer:
    """Adds paragraphs in the reader's direction."""

    def __init__(self, word: WordDocument, lang: str) -> None:
        self.word = word
        self.lang = lang
        self.rtl = language(lang).rtl
        self.ids = Ids()

    def para(self, style: str, text: str = "", bold: bool = False, italic: bool = False,
             english: bool = False) -> WordParagraph:
        """A paragraph in the reader's direction; `english`: English shown for want of a translation, left to
        right whatever the reader's direction."""
        paragraph = self.word.add_paragraph(style=style)
        if self.rtl and not english:
            right_to_left(paragraph)
        if text:
            plain(paragraph, text, bold=bold, italic=italic, rtl=self.rtl)
        return paragraph


def write_header(writer: Writer, head: Header) -> None:
    """Symbol block at the far side, then the conference, venue and dates, agenda item, title, submitter."""
    for line in head.symbol_block():
        block = writer.para(STYLE_SYMBOL, line, bold=line == head.symbol)
        block.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        block.paragraph_format.space_after = Pt(0)
    if head.conference:
        writer.para(STYLE_CONFERENCE, head.conference).paragraph_format.space_before = Pt(12)
    if head.venue_dates:
        writer.para(STYLE_AGENDA, head.venue_dates, italic=False)
    if head.agenda_item:
        writer.para(STYLE_AGENDA, head.agenda_item)
    writer.para(STYLE_TITLE, head.title)
    if head.submitted_by:
        writer.para(STYLE_SUBMITTED, head.submitted_by)


def write_footer(word: WordDocument, left: str | None, lang: str) -> None:
    """'Page N' centred in the footer of every page, with the symbol (or revision) before it."""
    footer = word.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if language(lang).rtl:
        right_to_left(paragraph)
    if left:
        plain(paragraph, f"{left}    ")
    plain(paragraph, f"{label(lang, 'page')} ")
    page_field(paragraph)


def _language(paragraph: WordParagraph, code: str) -> None:
    """The language of the paragraph's last run (w:lang), so Word spell-checks and shapes it as such."""
    run = paragraph._p[-1]
    props = run.find(qn("w:rPr"))
    if props is None:
        props = OxmlElement("w:rPr")
        run.insert(0, props)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), code)
    props.append(lang)


def write_paragraph(writer: Writer, doc: Document, paragraph: Paragraph, number: str, reader: Reader) -> None:
    style = STYLE_PARAGRAPH if number else STYLE_UNNUMBERED
    # Not translated yet: the English, left to right and tagged English, even in a right-to-left file.
    english = writer.lang != WORKING and (reader.states or {}).get(paragraph.id) is State.MISSING
    rtl = writer.rtl and not english
    first = writer.para(style, english=english)
    if number:
        plain(first, f"{display_number(number)}\t", bold=True, rtl=rtl)
    for text, bracketed in segments(paragraph.text):  # brackets highlighted, as negotiators mark them
        plain(first, text, rtl=rtl, highlight=bracketed)
    if english:
        _language(first, "en-GB")
    note = reader.note(paragraph.id)
    if note:
        plain(first, f" [{note}]", italic=True, rtl=writer.rtl)
        _language(first, writer.lang)
    made = [first]
    for name, values in details(paragraph):
        detail = writer.para(STYLE_DETAIL)
        plain(detail, f"{reader.detail(name)}: ", italic=True, rtl=writer.rtl)
        plain(detail, "; ".join(values), rtl=writer.rtl)
        made.append(detail)
    if paragraph.references:
        refs = writer.para(STYLE_DETAIL)
        plain(refs, f"{reader.detail('References')}: ", italic=True, rtl=writer.rtl)
        for i, ref in enumerate(paragraph.references):
            shown = reference(ref, doc, reader.others, reader.lang)
            if i:
                plain(refs, "; ")
            if shown.document == doc.id and shown.anchor and doc.paragraph(shown.anchor):
                internal_link(refs, shown.label, bookmark_name(shown.anchor))
            else:
                plain(refs, shown.label, rtl=writer.rtl)
        made.append(refs)
    wrap_in_bookmark(made, bookmark_name(paragraph.id), writer.ids())


def document_docx(doc: Document, origin: Origin, conference: Conference | None = None,
                  version_name: str | None = None, lang: str = WORKING,
                  states: Mapping[str, State] | None = None,
                  others: Mapping[str, Document] | None = None) -> bytes:
    """The .docx bytes of a document (already localized when `lang` is not English)."""
    word = new_document(lang)
    writer = Writer(word, lang)
    head = make_header(doc, conference, version_name, lang)
    write_header(writer, head)
    reader = Reader(lang, states, others)
    numbers = doc.numbers()
    for section in doc.sections:
        heading = word.add_heading(section.title, level=1)
        if writer.rtl:
            right_to_left(heading)
        for paragraph in section.paragraphs:
            write_paragraph(writer, doc, paragraph, numbers[paragraph.id], reader)
    write_footer(word, head.symbol, lang)
    word.core_properties.title = doc.title
    word.core_properties.subject = head.symbol or ""
    word.core_properties.identifier = doc.id
    word.core_properties.version = origin.commit or ""
    word.core_properties.language = lang
    set_custom_properties(word, {PROP_DOCUMENT: doc.id, PROP_COMMIT: origin.commit or "",
                                 PROP_VERSION: origin.version, PROP_LANGUAGE: lang})
    return save(word)


def save(word: WordDocument) -> bytes:
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
