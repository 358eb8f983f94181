"""The final report as a Word file: the cover with its symbol, the report, the adopted texts as annexes with their
paragraphs numbered and bookmarked as in `ccmflow render`, right to left in Arabic."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from ccmflow.report.content import ReportText
from ccmflow.word.document import (
    STYLE_CONFERENCE,
    STYLE_PARAGRAPH,
    STYLE_SYMBOL,
    STYLE_TITLE,
    Writer,
    new_document,
    save,
    write_footer,
    write_paragraph,
)
from ccmflow.word.ooxml import right_to_left
from ccmflow.write.render import Reader


def report_docx(report: ReportText) -> bytes:
    w = report.w
    word = new_document(report.lang)
    writer = Writer(word, report.lang)
    writer.para(STYLE_SYMBOL, report.symbol, bold=True).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    writer.para(STYLE_CONFERENCE, report.conference)
    writer.para(STYLE_TITLE, report.title)

    def heading(text: str, level: int = 1) -> None:
        made = word.add_heading(text, level=level)
        if writer.rtl:
            right_to_left(made)

    heading(w("report-opening-heading"))
    writer.para(STYLE_PARAGRAPH, report.opening)
    heading(w("report-participation"))
    writer.para(STYLE_PARAGRAPH, w("report-participation-intro"))
    for title, names in report.participation:
        writer.para(STYLE_PARAGRAPH, f"{title}: {'; '.join(names)}")
    heading(w("report-documents"))
    table = word.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, (w("report-symbol"), w("report-document"), w("report-issued")),
                          strict=True):
        cell.text = text
    for listed in report.documents:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = listed.symbol or w("report-no-symbol"), listed.title, listed.issued
    heading(w("report-adoption"))
    for sentence in report.adoptions:
        writer.para(STYLE_PARAGRAPH, sentence)
    heading(w("report-positions"))
    for p in report.positions or ():
        writer.para(STYLE_PARAGRAPH, f"{p.kind}, {p.by} ({p.document}, {p.paragraphs}): {p.text}")
    if not report.positions:
        writer.para(STYLE_PARAGRAPH, w("report-none"))
    for annex in report.annexes:
        word.add_page_break()  # type: ignore[no-untyped-call]
        heading(f"{w('report-annex').format(annex=annex.number)}: {annex.document.title}")
        reader = Reader(report.lang, annex.states, None)
        numbers = annex.document.numbers()
        for section in annex.document.sections:
            heading(section.title, level=2)
            for paragraph in section.paragraphs:
                write_paragraph(writer, annex.document, paragraph, numbers[paragraph.id], reader)
    write_footer(word, report.symbol, report.lang)
    word.core_properties.title = report.title
    word.core_properties.subject = report.symbol
    word.core_properties.language = report.lang
    return save(word)
