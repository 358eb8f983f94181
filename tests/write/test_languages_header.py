"""Headers in every language: dates and language names from CLDR (Babel), our few words from ccmflow/words/,
the header lines of a translation file; untranslated paragraphs kept apart and left to right in a right-to-left
file; the compilation's number column narrow in the grid and every row."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from roots import REPO_ROOT as ROOT

from ccmflow.core.languages import LANGUAGES
from ccmflow.main import main
from ccmflow.write.words import catalogue, date_range, language_name, long_date, native_name, right_to_left, word

DECLARATION = "political-declaration"


@pytest.mark.parametrize(("lang", "issued", "original", "venue", "submitted"), [
    ("en", "7 August 2020", "Original: English", "23\u2009–\u200927 November 2020", "Submitted by the President"),
    ("fr", "7 août 2020", "Original\u202f: anglais", "23–27 novembre 2020", "Présenté par le Président"),
    ("ar", "7 أغسطس 2020", "الأصل: الإنجليزية", "23–27 نوفمبر 2020", "مقدَّم من رئيس المؤتمر"),
])
def test_the_header_is_in_the_reader_s_language(lang: str, issued: str, original: str, venue: str, submitted: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("md", "html"):
        assert main(["render", DECLARATION, "--format", fmt, "--lang", lang, "-C", str(ROOT)]) == 0
        out = capsys.readouterr().out
        head = out[:out.index("Préambule" if lang == "fr" else "الديباجة" if lang == "ar" else "Preamble")]
        for text in (issued, original, venue, submitted):
            assert text in head, (fmt, text)
        if lang != "en":
            assert "August" not in head and "Original: English" not in head and "Submitted by" not in head


def test_the_word_header_is_in_the_reader_s_language(tmp_path: Path) -> None:
    target = tmp_path / "ar.docx"
    assert main(["render", DECLARATION, "--format", "docx", "--lang", "ar", "-C", str(ROOT), "-o", str(target)]) == 0
    word = docx.Document(str(target))
    texts = [p.text for p in word.paragraphs]
    assert "7 أغسطس 2020" in texts and "الأصل: الإنجليزية" in texts
    assert not any("August" in t or "Submitted by" in t for t in texts)


def test_dates_and_language_names_come_from_cldr() -> None:
    assert long_date(date(2020, 8, 7), "es") == "7 de agosto de 2020"
    assert long_date(date(2020, 8, 7), "zh") == "2020年8月7日"
    assert date_range(date(2020, 11, 30), date(2020, 12, 4), "ru") == "30 ноября — 4 декабря 2020\u202fг."
    assert date_range(date(2020, 11, 23), date(2020, 11, 27), "zh") == "2020年11月23日\u2009–\u200927日"
    assert language_name("en", "ru") == "английский" and native_name("ar") == "العربية"
    for lang in LANGUAGES:
        assert right_to_left(lang.code) is lang.rtl, lang.code


def test_a_one_day_meeting_reads_as_one_date() -> None:
    assert date_range(date(2020, 9, 4), date(2020, 9, 4), "fr") == "4 septembre 2020"
    assert date_range(date(2020, 9, 4), date(2020, 9, 4)) == "4 September 2020"


def test_a_language_without_a_catalogue_reads_our_english_words() -> None:
    assert catalogue("de") == catalogue("en")
    assert word("de", "original") == word("en", "original") == catalogue("en")["original"]
    assert word("fr", "original") != word("en", "original")


def test_our_catalogue_has_every_word_in_every_language() -> None:
    english = set(catalogue("en"))
    for lang in LANGUAGES:
        assert set(catalogue(lang.code)) == english, lang.code
        assert "{language}" in catalogue(lang.code)["original"]


def test_an_untranslated_paragraph_in_arabic_html_is_marked_and_left_to_right(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", DECLARATION, "--format", "html", "--lang", "ar", "-C", str(ROOT)]) == 0
    page = capsys.readouterr().out
    assert '<html lang="ar" dir="rtl">' in page
    english = page.split('<p class="text" lang="en" dir="ltr">')[1:]
    assert english and all('lang="ar" dir="auto">[لم تترجم بعد]' in p.split("</p>")[0] for p in english)
    assert "الترجمة بحاجة إلى تحديث" not in page  # nothing is outdated: missing is not outdated


def test_an_untranslated_paragraph_in_arabic_word_is_left_to_right_and_english(tmp_path: Path) -> None:
    target = tmp_path / "ar.docx"
    assert main(["render", DECLARATION, "--format", "docx", "--lang", "ar", "-C", str(ROOT), "-o", str(target)]) == 0
    word = docx.Document(str(target))
    marked = [p for p in word.paragraphs if "[لم تترجم بعد]" in p.text]
    translated = [p for p in word.paragraphs if p.text.startswith("نحن")]
    assert marked and translated
    for paragraph in marked:
        assert paragraph._p.pPr is None or paragraph._p.pPr.find(qn("w:bidi")) is None
        text_run = paragraph._p.findall(qn("w:r"))[-2]  # the English text, before the mark
        assert text_run.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is None
        assert text_run.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    assert translated[0]._p.pPr.find(qn("w:bidi")) is not None


def test_status_keeps_not_translated_apart_from_outdated(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--at", "2020-09-01T12:00", "-C", str(ROOT), "--json"]) == 0
    coverage = {(c["document"], c["language"]): c for c in json.loads(capsys.readouterr().out)["translations"]}
    french = coverage[(DECLARATION, "fr")]
    assert french["outdated"] == 0 and french["missing"] > 0 and french["translated"] > 0
    assert main(["status", "--at", "2020-09-01T12:00", "-C", str(ROOT)]) == 0
    table = capsys.readouterr().out.split("Translations", 1)[1]
    assert "not translated yet" in table and "outdated" not in table.split("\n", 1)[1].replace(
        "outdated: the English", "")


def test_the_compilation_number_column_is_narrow_everywhere() -> None:
    from ccmflow.core.model import Paragraph
    from ccmflow.inputs.compile import Compilation, CompiledSection, Row
    from ccmflow.word.compile import compilation_docx

    rows = (Row("pa1", "1", Paragraph(id="pa1", kind="narrative", text="Clean text one.")),)
    compiled = Compilation("d", "Doc", "Window", "today", "abc1234567", 1, (CompiledSection("s", "Section", rows),))
    table = docx.Document(io.BytesIO(compilation_docx(compiled))).tables[0]
    grid = [c.w.twips for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [Cm(1.6).twips, Cm(15).twips]  # without it, LibreOffice gave the number half the page
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    for row in table.rows:  # the header row too
        assert [c.width.twips for c in row.cells] == [Cm(1.6).twips, Cm(15).twips]
