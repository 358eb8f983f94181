"""The compilation text in Word: one table per section, each paragraph of the base text once with the proposals
on it underneath, the header row repeated on every page, the revision in the footer."""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document as WordDocument
from docx.shared import Cm

from ccmflow.inputs.compile import Alternative, Compilation, Row, footer_line, shown_sections, sponsors_text
from ccmflow.word.document import (
    PROP_DOCUMENT,
    STYLE_TITLE,
    STYLE_UNNUMBERED,
    Writer,
    new_document,
    save,
    write_footer,
)
from ccmflow.word.ooxml import plain, repeat_header, set_custom_properties
from ccmflow.write.render import display_number


def _proposal_lines(row: Row) -> list[tuple[str, str]]:
    """(who, what) lines under a paragraph, as the HTML compilation shows them."""
    reasons = [(f"Justification ({who})", why) for who, why in row.reasons]
    if row.clean is None:
        alt = row.alternatives[0]
        return [(f"New paragraph proposed by {sponsors_text(alt.sponsors)}", alt.paragraph.text), *reasons]
    lines = [(f"Alt {n} ({sponsors_text(alt.sponsors)})", _text(alt)) for n, alt in enumerate(row.alternatives, 1)]
    if row.deletion:
        lines.append((f"Deletion proposed by {sponsors_text(row.deletion)}", ""))
    lines += [(f"Move proposed by {who}", where) for who, where in row.moves]
    return lines + reasons


def _text(alt: Alternative) -> str:
    return alt.paragraph.text if "text" in alt.fields else "text unchanged"


def compilation_docx(compiled: Compilation, only_changed: bool = False) -> bytes:
    word = new_document()
    writer = Writer(word, "en")
    writer.para(STYLE_TITLE, f"Compilation text: {compiled.title}")
    if compiled.window:
        writer.para(STYLE_UNNUMBERED, f"{compiled.window} · {compiled.inputs} valid input(s)", italic=True)
    if compiled.remarks:
        word.add_heading("General remarks on the whole document", level=1)
        _remarks(writer, compiled.remarks)
    for section, rows in shown_sections(compiled, only_changed):
        word.add_heading(section.title, level=1)
        if rows:
            _table(word, rows)
        if section.remarks:
            word.add_heading("General remarks", level=2)
            _remarks(writer, section.remarks)
    write_footer(word, footer_line(compiled), "en")
    word.core_properties.title = f"Compilation text: {compiled.title}"
    set_custom_properties(word, {PROP_DOCUMENT: compiled.document, "ccmflow.base": compiled.base})
    return save(word)


def _remarks(writer: Writer, remarks: Iterable[tuple[str, str]]) -> None:
    """General remarks as the HTML compilation lists them: who, then their words."""
    for who, text in remarks:
        line = writer.para(STYLE_UNNUMBERED)
        plain(line, who, italic=True)
        plain(line, f": “{text}”")


# The number column stays narrow: set in the grid, on every cell (the header row too) and with a fixed layout, since
# LibreOffice sizes columns from the grid and ignores cell widths (it gave the number half the page).
NUMBER_WIDTH, TEXT_WIDTH = Cm(1.6), Cm(15)


def _table(word: WordDocument, rows: tuple[Row, ...]) -> None:
    table = word.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.autofit = False  # w:tblLayout fixed
    table.columns[0].width, table.columns[1].width = NUMBER_WIDTH, TEXT_WIDTH  # w:tblGrid/w:gridCol
    head = table.rows[0].cells
    head[0].width, head[1].width = NUMBER_WIDTH, TEXT_WIDTH
    head[0].text, head[1].text = "No.", "Text and proposals"
    repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = NUMBER_WIDTH, TEXT_WIDTH
        cells[0].text = display_number(row.number) if row.number and row.clean is not None else ""
        body = cells[1].paragraphs[0]
        if row.clean is not None:
            plain(body, row.clean.text)
        for who, what in _proposal_lines(row):
            line = cells[1].add_paragraph()
            plain(line, f"[{who}", italic=True)
            plain(line, f": {what}]" if what else "]")
