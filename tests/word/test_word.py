"""Word out: the .docx files open with python-docx and have the structure a circulated document needs.

Everything is checked by opening the file and reading its XML, never by matching the bytes we wrote."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import docx
import pygit2
import pytest
from docx.oxml.ns import qn
from gitutil import commit, init_repo, instance_files, write_files

from ccmflow.compare.diff import diff_documents
from ccmflow.consolidation.trace import Provenance
from ccmflow.core.model import Document
from ccmflow.main import main
from ccmflow.repo.store import Store
from ccmflow.word.document import PROP_COMMIT, PROP_DOCUMENT, STYLE_PARAGRAPH, STYLE_SYMBOL, Origin
from ccmflow.word.ooxml import BOOKMARK_MAX, bookmark_name, custom_properties
from ccmflow.word.redline import NEUTRAL_AUTHOR, redline_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, pygit2.Repository, pygit2.Oid]:
    path = tmp_path / "repo"
    git = init_repo(path)
    files = instance_files()
    oid = commit(git, files, "documents")
    write_files(path, files)
    git.checkout_head(strategy=pygit2.enums.CheckoutStrategy.FORCE)
    return path, git, oid


def opened(path: Path) -> docx.document.Document:
    return docx.Document(str(path))


def bookmarks(word: docx.document.Document) -> list[str]:
    return [b.get(qn("w:name")) or "" for b in word.element.body.iter(qn("w:bookmarkStart"))]


def test_bookmark_names_are_words_bookmarks() -> None:
    for pid in ("pkp3nvcv", "p-with-dash", "9starts-with-a-digit", "9" + "x" * 39):
        name = bookmark_name(pid)
        assert name[0].isalpha() and len(name) <= BOOKMARK_MAX and " " not in name and "-" not in name
    assert bookmark_name("p-a") != bookmark_name("p-b")


def test_render_docx_has_header_numbers_bookmarks_page_numbers_and_version(
        repo: tuple[Path, pygit2.Repository, pygit2.Oid], capsys: pytest.CaptureFixture[str]) -> None:
    path, _, oid = repo
    out = path / "out" / "review.docx"
    assert main(["render", "review-document", "--format", "docx", "-o", str(out), "-C", str(path)]) == 0
    word = opened(out)
    doc = Store(path).document(oid, "review-document")
    styles = [p.style.name if p.style else "" for p in word.paragraphs]
    texts = [p.text for p in word.paragraphs]
    # Header block: symbol, date of issue and original language, then the conference and the agenda item.
    symbol_lines = [t for t, s in zip(texts, styles, strict=True) if s == STYLE_SYMBOL]
    assert symbol_lines == ["CCM/CONF/2020/WP.1", "15 April 2020", "Original: English"]
    assert "Second Review Conference of the Convention on Cluster Munitions" in texts
    assert any(t.startswith("Item 10 of the provisional agenda") for t in texts)
    assert "Submitted by the President of the Second Review Conference" in texts
    # Numbered paragraphs, one per paragraph of the document, in order, each in its own bookmark.
    numbered = [t for t, s in zip(texts, styles, strict=True) if s == STYLE_PARAGRAPH]
    ids = [p.id for _, p in doc.walk()]
    assert len(numbered) == len(ids) and numbered[4].startswith("5.\t")
    assert bookmarks(word) == [bookmark_name(pid) for pid in ids]
    # Ids are bookmarks, never printed.
    assert not any(pid in t for t in texts for pid in ids)
    # The footer carries a PAGE field; the properties name the document and the exact commit.
    footer = word.sections[0].footer._element
    assert any("PAGE" in (f.get(qn("w:instr")) or "") for f in footer.iter(qn("w:fldSimple")))
    props = custom_properties(word)
    assert props[PROP_DOCUMENT] == "review-document" and props[PROP_COMMIT] == str(oid)
    # References read as numbers and titles, not raw ids.
    assert not any("review-document#" in t for t in texts)


def test_french_and_arabic_renderings(repo: tuple[Path, pygit2.Repository, pygit2.Oid]) -> None:
    path, _, _ = repo
    out = path / "out"
    for lang in ("fr", "ar"):
        for fmt in ("html", "docx"):
            assert main(["render", "political-declaration", "--format", fmt, "--lang", lang,
                         "-o", str(out / f"pd-{lang}.{fmt}"), "-C", str(path)]) == 0
    french = opened(out / "pd-fr.docx")
    assert any(p.text.startswith("Nous, États parties") for p in french.paragraphs)
    arabic = opened(out / "pd-ar.docx")
    first = next(p for p in arabic.paragraphs if p.text.startswith("نحن"))
    assert first._p.pPr is not None and first._p.pPr.find(qn("w:bidi")) is not None
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in first._p.iter(qn("w:r")))
    assert custom_properties(arabic)["ccmflow.language"] == "ar"
    page = (out / "pd-ar.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in page and "Noto Naskh Arabic" in page and "Noto Serif CJK" in page
    # A paragraph with no Arabic yet is shown in English, marked as such for the browser.
    assert 'lang="en" dir="ltr">Welcoming the States' in page
    assert '<html lang="fr" dir="ltr">' in (out / "pd-fr.html").read_text("utf-8")


def _with_input(doc: Document, pid: str, text: str, inputs: tuple[str, ...]) -> Document:
    from msgspec.structs import replace

    sections = tuple(replace(s, paragraphs=tuple(replace(p, text=text, derived_from=inputs) if p.id == pid else p
                                                 for p in s.paragraphs)) for s in doc.sections)
    return replace(doc, sections=sections)


def test_redline_is_word_tracked_changes_authored_by_the_delegations(
        repo: tuple[Path, pygit2.Repository, pygit2.Oid]) -> None:
    path, _, oid = repo
    old = Store(path).document(oid, "review-document")
    pid = "pkp3nvcv"
    new = _with_input(old, pid, old.paragraph(pid).text.replace("[number] States", "twelve States")  # type: ignore[union-attr]
                      , ("pr-1", "pr-2"))
    gone = "plo6mh6s"
    new = _with_input(new, "puaq37yf", "The main challenge remains slow ratification.", ())
    from msgspec.structs import replace

    new = replace(new, sections=tuple(replace(s, paragraphs=tuple(p for p in s.paragraphs if p.id != gone))
                                      for s in new.sections))
    received = datetime(2020, 4, 28, 7, 3, tzinfo=UTC)  # when the first input behind the change was received
    authors = {pid: Provenance("Austria, Chile", received)}
    when = datetime(2020, 5, 20, 9, 0, tzinfo=UTC)
    data = redline_docx(diff_documents(old, new), old, new, when, Origin("abc", "consolidated"), "zero-draft",
                        authors)
    word = docx.Document(io.BytesIO(data))
    body = word.element.body
    by_bookmark: dict[str, list[tuple[str, str, str]]] = {}
    for paragraph in body.iter(qn("w:p")):
        start = paragraph.find(qn("w:bookmarkStart"))
        changes = [(el.tag.removeprefix(W), el.get(qn("w:author")) or "", el.get(qn("w:date")) or "")
                   for el in paragraph if el.tag in (qn("w:ins"), qn("w:del"))]
        if start is not None:
            by_bookmark[start.get(qn("w:name")) or ""] = changes
    assert {(k, a) for k, a, _ in by_bookmark[pid]} == {("del", "Austria, Chile"), ("ins", "Austria, Chile")}
    assert all(d == "2020-04-28T07:03:00Z" for _, _, d in by_bookmark[pid])
    assert {a for _, a, _ in by_bookmark["puaq37yf"]} == {NEUTRAL_AUTHOR}
    assert all(d == "2020-05-20T09:00:00Z" for _, _, d in by_bookmark["puaq37yf"])  # the Presidency's own edit
    # The deleted paragraph stays in place as a deletion, its paragraph mark deleted too.
    assert [k for k, _, _ in by_bookmark[gone]] == ["del"]
    deleted_text = "".join(t.text or "" for t in body.iter(qn("w:delText")))
    assert "Successive Presidencies" in deleted_text
    assert by_bookmark["ph6ip46u"] == []  # unchanged paragraphs carry no change


def test_cli_diff_writes_docx_and_html(repo: tuple[Path, pygit2.Repository, pygit2.Oid],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path, git, oid = repo
    text = (path / "documents" / "review-document.yaml").read_text("utf-8")
    edited = text.replace("Successive Presidencies and the Coordinators", "The Presidencies and the Coordinators")
    second = commit(git, {"documents/review-document.yaml": edited.encode()}, "edit")
    out = path / "redline.docx"
    assert main(["diff", "review-document", str(oid), str(second), "--format", "docx", "-o", str(out),
                 "-C", str(path)]) == 0
    word = opened(out)
    authors = {el.get(qn("w:author")) for el in word.element.body.iter(qn("w:ins"), qn("w:del"))}
    assert authors == {NEUTRAL_AUTHOR}
    assert custom_properties(word)[PROP_COMMIT] == str(second)
    html = path / "redline.html"
    assert main(["diff", "review-document", str(oid), str(second), "--format", "html", "-o", str(html),
                 "-C", str(path)]) == 0
    assert "<del>Successive</del>" in html.read_text("utf-8")


def test_english_edit_makes_translations_outdated(repo: tuple[Path, pygit2.Repository, pygit2.Oid],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path, _, _ = repo
    args = ["status", "--json", "-C", str(path), "--at", "2020-05-04T12:00"]
    assert main(args) == 0
    before = {(c["document"], c["language"]): c for c in json.loads(capsys.readouterr().out)["translations"]}
    assert before[("political-declaration", "fr")]["outdated"] == 0
    assert before[("political-declaration", "fr")]["translated"] == 6
    file = path / "documents" / "political-declaration.yaml"
    file.write_text(file.read_text("utf-8").replace("gathered in Lausanne", "assembled in Lausanne"), "utf-8")
    assert main(args) == 0
    after = {(c["document"], c["language"]): c for c in json.loads(capsys.readouterr().out)["translations"]}
    for lang in ("fr", "ar"):
        assert after[("political-declaration", lang)]["outdated_paragraphs"] == ["ppbblohb"]
        assert after[("political-declaration", lang)]["translated"] == before[("political-declaration", lang)][
            "translated"] - 1


def test_unknown_paragraph_in_a_translation_is_an_error_with_file_and_line(
        repo: tuple[Path, pygit2.Repository, pygit2.Oid], capsys: pytest.CaptureFixture[str]) -> None:
    path, _, _ = repo
    file = path / "documents" / "translations" / "fr" / "political-declaration.yaml"
    file.write_text(file.read_text("utf-8").replace("  pyqbrwfy:", "  pzzzzzzz:"), "utf-8")
    assert main(["validate", "--json", "-C", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert len(findings) == 1
    found = findings[0]
    line = file.read_text("utf-8").splitlines().index("  pzzzzzzz:") + 1
    assert found["file"].endswith("translations/fr/political-declaration.yaml") and found["line"] == line
    assert "pzzzzzzz" in found["message"]


def test_compilation_docx_repeats_its_header_row(tmp_path: Path) -> None:
    from ccmflow.core.model import Paragraph
    from ccmflow.inputs.compile import Compilation, CompiledSection, Row
    from ccmflow.word.compile import compilation_docx

    rows = (Row("pa1", "1", Paragraph(id="pa1", kind="narrative", text="Clean text one.")),
            Row("pa2", "2", Paragraph(id="pa2", kind="narrative", text="Clean text two."), deletion=("Kenya",)))
    compiled = Compilation("d", "Doc", "Window", "today", "abc1234567", 1,
                           (CompiledSection("s", "Section", rows),))
    for only_changed, expected in ((False, 2), (True, 1)):
        word = docx.Document(io.BytesIO(compilation_docx(compiled, only_changed)))
        table = word.tables[0]
        assert table.rows[0]._tr.trPr is not None
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert len(table.rows) - 1 == expected
        cell_text = "\n".join(c.text for r in table.rows for c in r.cells)
        assert cell_text.count("Clean text two.") == 1
        footer = "".join(p.text for p in word.sections[0].footer.paragraphs)
        assert "abc1234567" in footer
        assert not any("abc1234567" in p.text for p in word.paragraphs)
