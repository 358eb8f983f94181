"""The conference week on the command line: brackets, `mark`, `adopt`, the revision series and their headers."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pygit2
import pytest
from gitutil import instance_checkout
from msgspec.structs import replace

from ccmflow.conference.adopt import final_version
from ccmflow.conference.mark import MarkRefused, plan
from ccmflow.conference.revisions import series_base
from ccmflow.core.agreement import ParagraphStatus
from ccmflow.core.brackets import parse, segments
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Workspace
from ccmflow.main import main
from ccmflow.repo.statusref import read_status
from ccmflow.repo.store import Store
from ccmflow.word.document import STYLE_SYMBOL

DOC = "review-document"
PLACEHOLDERS = ["5", "7", "10", "15", "33", "36"]  # the zero draft's paragraphs with [number] in them


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_brackets_pairs_options_nesting_and_unpaired() -> None:
    found = parse("States [shall | should] report [the [five] remaining] stocks] by [2021")
    assert [s.options for s in found.spans] == [("shall", "should"), ("the [five] remaining",), ("five",)]
    assert [s.depth for s in found.spans] == [0, 0, 1]
    assert [p.message for p in found.problems] == [
        "a closing bracket ']' at character 61 has no opening '['",
        "an opening bracket '[' at character 66 is never closed"]
    assert found.count == 5
    marked = [text for text, inside in segments("a [b | c] d") if inside]
    assert marked == ["[b | c]"]


def test_every_bracketed_run_is_highlighted_once() -> None:
    """Nested pairs inside the outer one, pairs side by side, and a pair after a '[' never closed: the unpaired
    bracket is highlighted alone, and the pair after it too (its words are contested all the same)."""
    assert segments("x [a [b] c] y") == [("x ", False), ("[a [b] c]", True), (" y", False)]
    assert segments("[a][b]") == [("[a]", True), ("[b]", True)]
    assert segments("[a [b] c") == [("[", True), ("a ", False), ("[b]", True), (" c", False)]


def test_adopt_refuses_the_zero_draft_and_lists_the_bracketed_paragraphs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "repo")
    assert main(["adopt", DOC, "-C", str(root)]) == 1
    err = capsys.readouterr().err
    for number in PLACEHOLDERS:
        assert f"paragraph {number} (" in err
    assert "paragraph 5 (pkp3nvcv): bracketed, 2 brackets" in err
    assert main(["adopt", DOC, "-C", str(root), "--json"]) == 1
    blockers = _json(capsys)["blockers"]
    assert isinstance(blockers, list)
    assert [b["number"] for b in blockers if b["brackets"]] == PLACEHOLDERS
    assert "adopted" not in {t.split("/")[-1] for t in pygit2.Repository(str(root)).listall_references()}


def _clean(root: Path) -> None:
    """The text as the conference leaves it: every [number] filled in, committed."""
    path = root / "documents" / f"{DOC}.yaml"
    path.write_text(path.read_text("utf-8").replace("[number]", "110"), encoding="utf-8")
    _commit_all(root, "Brackets cleaned")


def _commit_all(root: Path, message: str) -> None:
    repo = pygit2.Repository(str(root))
    repo.index.add_all()
    repo.index.write()
    sig = pygit2.Signature("ISU", "isu@example.org")
    repo.create_commit("HEAD", sig, sig, message, repo.index.write_tree(), [repo.head.target])


def _agree_everything(root: Path) -> None:
    document = Store(root).document("HEAD", DOC)
    for _, paragraph in document.walk():
        assert main(["mark", DOC, paragraph.id, "agreed", "-C", str(root), "--by", "ch-presidency-ccm"]) == 0


def test_adopt_after_agreement_tags_and_records_adopted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "repo")
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-27T16:30")
    _clean(root)
    assert main(["adopt", DOC, "-C", str(root)]) == 1  # clean, but not agreed yet
    assert "paragraph 1 (ph6ip46u): open" in capsys.readouterr().err
    _agree_everything(root)
    assert main(["mark", DOC, "5", "open", "-C", str(root)]) == 0  # reopened: adoption waits for it again
    assert main(["adopt", DOC, "-C", str(root)]) == 1
    assert "paragraph 5 (pkp3nvcv): open" in capsys.readouterr().err
    assert main(["mark", DOC, "5", "agreed", "-C", str(root)]) == 0
    capsys.readouterr()
    assert main(["adopt", DOC, "-C", str(root), "--json"]) == 0
    assert _json(capsys)["issued"] == "2020-11-27T16:30"
    store = Store(root)
    adopted = store.document(f"refs/tags/{DOC}/adopted", DOC)
    assert (adopted.status, adopted.version, adopted.symbol_at()) == ("adopted", "final", "CCM/CONF/2020/3")
    book = read_status(store, DOC)
    assert {book.recorded(p.id).value for _, p in adopted.walk()} == {"adopted"}
    # One commit per change: the record's history is the audit trail.
    git = pygit2.Repository(str(root))
    head = git.references[f"refs/ccmflow/status/{DOC}"].peel(pygit2.Commit)
    assert len(list(git.walk(head.id))) == 43 + 2 + 1
    assert main(["mark", DOC, "5", "open", "-C", str(root)]) == 2
    assert "is adopted: the status of its paragraphs is final" in capsys.readouterr().err
    for argv, message in ((["adopt", DOC], f"{DOC} is adopted already"),
                          (["release", DOC], f"{DOC} is adopted: no revision follows the adopted text")):
        assert main([*argv, "-C", str(root)]) == 2
        assert message in capsys.readouterr().err


def test_mark_says_what_it_recorded_and_refuses_what_it_may_not(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "repo")
    ref = f"refs/ccmflow/status/{DOC}"
    assert main(["mark", DOC, "6", "agreed-ad-ref", "-C", str(root)]) == 0
    assert "review-document: paragraph 6 (plo6mh6s) is now agreed ad referendum (was open)" in capsys.readouterr().out
    head = pygit2.Repository(str(root)).references[ref].target
    assert main(["mark", DOC, "6", "agreed-ad-ref", "-C", str(root)]) == 0
    assert "paragraph 6 (plo6mh6s) is already agreed ad referendum: nothing to record" in capsys.readouterr().out
    assert pygit2.Repository(str(root)).references[ref].target == head  # nothing recorded the second time
    for argv, message in ((["atlantis", "5", "agreed"], "no document 'atlantis' (known: lausanne-action-plan, "
                                                        "political-declaration, review-document)"),
                          ([DOC, "999", "agreed"], "Lausanne Review Document has no paragraph '999'")):
        assert main(["mark", *argv, "-C", str(root)]) == 2
        assert message in capsys.readouterr().err
    # Adopted and bracketed are never recorded by hand, whoever asks the library.
    document = Store(root).document("HEAD", DOC)
    for status, why in ((ParagraphStatus.ADOPTED, "ccmflow adopt DOC adopts the whole text"),
                        (ParagraphStatus.BRACKETED, "a paragraph is bracketed while its text holds a bracket")):
        with pytest.raises(MarkRefused, match=f"^'{status}' is not recorded by hand: {why}$"):
            plan(document, "6", status, ParagraphStatus.OPEN)


def test_revisions_in_session_have_increasing_symbols_and_a_time_in_the_word_header(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "repo")
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-10T10:00")
    assert main(["release", DOC, "-C", str(root)]) == 2  # before the conference: name the version
    assert "revisions are issued during the conference" in capsys.readouterr().err
    symbols = []
    for when in ("2020-11-23T21:00", "2020-11-24T18:00", "2020-11-25T09:45"):
        monkeypatch.setenv("CCMFLOW_NOW", when)
        assert main(["release", DOC, "-C", str(root), "--json"]) == 0
        done = _json(capsys)
        symbols.append(str(done["symbol"]))
        out = tmp_path / f"{done['revision']}.docx"
        assert main(["render", DOC, "--format", "docx", "-o", str(out), "-C", str(root), "--rev",
                     str(done["tag"])]) == 0
        word = docx.Document(str(out))
        lines = [p.text for p in word.paragraphs if p.style is not None and p.style.name == STYLE_SYMBOL]
        day, clock = when.split("T")
        shown = {"23": "23 November 2020", "24": "24 November 2020", "25": "25 November 2020"}[day[-2:]]
        assert lines[:2] == [done["symbol"], f"{shown}, {clock}"]
    assert symbols == [f"CCM/CONF/2020/WP.1/Rev.{n}" for n in (1, 2, 3)]
    tags = pygit2.Repository(str(root)).listall_references()
    assert {f"refs/tags/{DOC}/rev-{n}" for n in (1, 2, 3)} <= set(tags)


def test_what_cannot_be_released_or_adopted_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], ccm: Workspace) -> None:
    root = instance_checkout(tmp_path / "repo")
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-24T12:00")
    known = "(known: lausanne-action-plan, political-declaration, review-document)"
    for argv, message in ((["release", "atlantis"], f"no document 'atlantis' {known}"),
                          (["release", "atlantis", "--kind", "non-paper"], "no document 'atlantis' at HEAD"),
                          (["adopt", "atlantis"], f"no document 'atlantis' {known}")):
        assert main([*argv, "-C", str(root)]) == 2
        assert message in capsys.readouterr().err
    assert main(["report", str(tmp_path / "out"), "-C", str(root)]) == 2
    assert "no document is adopted yet (ccmflow adopt DOC): the report's annexes are the adopted texts" in \
        capsys.readouterr().err
    process = root / "documents" / "process.yaml"
    process.write_text(process.read_text("utf-8").replace("  report_symbol: CCM/CONF/2020/6\n", ""), "utf-8")
    _commit_all(root, "no report symbol yet")
    assert main(["report", str(tmp_path / "out"), "-C", str(root)]) == 2
    assert "the report needs its symbol: set conference: report_symbol: in documents/process.yaml" in \
        capsys.readouterr().err
    review = ccm.documents[DOC]
    with pytest.raises(FatalError, match=f"^{DOC} has no symbol to derive its revisions' symbols from: give it one"):
        series_base(replace(review, symbol=None, symbols={}))
    timeline = replace(ccm.process, versions=tuple(v for v in ccm.process.versions if v.kind != "final"))
    with pytest.raises(FatalError, match=f"^the timeline has no final version for {DOC} "):
        final_version(timeline, DOC)


def test_papers_without_symbol(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "repo")
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-24T12:00")
    for _ in range(2):
        assert main(["release", DOC, "--kind", "facilitators-text", "--title", "Universalization", "-C", str(root),
                     "--json"]) == 0
        assert _json(capsys)["symbol"] is None
    assert main(["release", DOC, "--kind", "non-paper", "-C", str(root)]) == 0
    tags = pygit2.Repository(str(root)).listall_references()
    assert {f"refs/tags/{DOC}/facilitators-text-1", f"refs/tags/{DOC}/facilitators-text-2",
            f"refs/tags/{DOC}/non-paper-1"} <= set(tags)
    assert Store(root).document("HEAD", DOC).version == "zero-draft"  # the text is left as it is


def test_status_counts_brackets_per_section_and_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "repo")
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-24T18:00")
    assert main(["release", DOC, "-C", str(root)]) == 0
    assert main(["mark", DOC, "6", "agreed-ad-ref", "-C", str(root)]) == 0
    capsys.readouterr()
    assert main(["status", DOC, "-C", str(root), "--json"]) == 0
    data = _json(capsys)
    sections = {s["id"]: s for s in data["sections"]}  # type: ignore[attr-defined]
    assert data["brackets"] == 8 and sections["universalization"]["brackets"] == 3
    assert sections["universalization"]["statuses"]["agreed-ad-ref"] == 1
    assert data["statuses"]["bracketed"] == 6  # type: ignore[index]
    assert data["versions"] == [{"version": "rev-1", "symbol": "CCM/CONF/2020/WP.1/Rev.1", "brackets": 8}]
    assert main(["status", DOC, "-C", str(root)]) == 0
    out = capsys.readouterr().out
    assert "8 brackets" in out and "Universalization" in out


def _adopted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = instance_checkout(tmp_path / "repo")
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-24T18:00")
    assert main(["release", DOC, "-C", str(root)]) == 0
    _clean(root)
    _agree_everything(root)
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-27T16:30")
    assert main(["adopt", DOC, "-C", str(root)]) == 0
    return root


def _arabic(root: Path, outdated: str | None = None) -> None:
    """A complete Arabic translation of the adopted Review Document (one paragraph outdated, if named)."""
    from ccmflow.core.translations import source_hash

    document = Store(root).document(f"refs/tags/{DOC}/adopted", DOC)
    lines = ["translation:", f"  document: {DOC}", "  language: ar", "paragraphs:"]
    for _, p in document.walk():
        source = "0" * 16 if p.id == outdated else source_hash(p.text)
        lines += [f"  {p.id}:", f"    text: نص الفقرة {p.id}", f"    source: \"{source}\""]
    path = root / "documents" / "translations" / "ar" / f"{DOC}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    repo = pygit2.Repository(str(root))
    repo.index.add_all()
    repo.index.write()
    sig = pygit2.Signature("Translator", "t@example.org")
    repo.create_commit("HEAD", sig, sig, "Arabic", repo.index.write_tree(), [repo.head.target])


def test_the_reports_annexes_are_the_adopted_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from ccmflow.word.document import STYLE_PARAGRAPH

    root = _adopted(tmp_path, monkeypatch)
    adopted = Store(root).document(f"refs/tags/{DOC}/adopted", DOC)
    numbers = adopted.numbers()
    expected = [f"{numbers[p.id]}.\t{p.text}" for _, p in adopted.walk()]
    capsys.readouterr()
    assert main(["report", "out", "--format", "docx", "-C", str(root), "--json"]) == 0
    (written,) = _json(capsys)["written"]  # type: ignore[misc]
    assert written["symbol"] == "CCM/CONF/2020/6" and written["language"] == "en"
    word = docx.Document(str(written["path"]))
    texts = [p.text for p in word.paragraphs]
    annex = texts.index(next(t for t in texts if t.startswith("Annex 1: ")))
    after = [p.text for p in word.paragraphs[annex:] if p.style is not None and p.style.name == STYLE_PARAGRAPH]
    assert after == expected
    assert word.paragraphs[0].text == "CCM/CONF/2020/6"
    assert any("adopted by consensus the Lausanne Review Document (CCM/CONF/2020/3)" in t for t in texts)
    assert any(t.startswith("CCM/CONF/2020/WP.1/Rev.1") for row in word.tables[0].rows
               for t in [row.cells[0].text])
    assert main(["report", "out", "--format", "md", "-C", str(root)]) == 0
    md = (root / "out" / "report-en.md").read_text("utf-8")
    body = md.split("## Annex 1: ", 1)[1]
    for _, p in adopted.walk():
        assert f'<a id="{p.id}"></a>**{numbers[p.id]}.** {p.text}' in body


def test_the_report_in_arabic_is_right_to_left_and_an_outdated_translation_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from docx.oxml.ns import qn

    root = _adopted(tmp_path, monkeypatch)
    assert main(["report", "out", "--lang", "ar", "-C", str(root)]) == 2
    assert "43 not translated" in capsys.readouterr().err
    _arabic(root, outdated="pkp3nvcv")
    assert main(["report", "out", "--lang", "ar", "-C", str(root)]) == 2
    assert "1 paragraph(s) whose translation is outdated" in capsys.readouterr().err
    _arabic(root)
    capsys.readouterr()
    assert main(["report", "out", "-C", str(root), "--json"]) == 0
    written = {w["language"]: w for w in _json(capsys)["written"]}  # type: ignore[union-attr]
    assert set(written) == {"en", "ar"} and written["ar"]["symbol"] == written["en"]["symbol"]
    word = docx.Document(str(written["ar"]["path"]))
    annexed = [p for p in word.paragraphs if "نص الفقرة" in p.text]
    assert len(annexed) == 43
    assert all(p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in annexed)
    assert word.paragraphs[0].text == "CCM/CONF/2020/6"


def test_a_bracket_an_input_introduced_carries_its_attribution() -> None:
    from msgspec.structs import replace

    from ccmflow.conference.attribution import introduced
    from ccmflow.consolidation.trace import Provenance
    from ccmflow.core.model import Document, Paragraph, Section

    def doc(*texts: str, derived: tuple[str, ...] = ()) -> Document:
        paragraphs = tuple(Paragraph(id=f"p{i:03d}x", kind="operative", text=t, derived_from=derived)
                           for i, t in enumerate(texts))
        return Document("d", "D", "rev-1", "draft", (Section("s", "S", paragraphs),), "documents/d.yaml")

    before = doc("States [number] shall report.", "States shall report.")
    after = replace(doc("States [number] [shall | should] report.", "States [shall | should] report.",
                        derived=("pr-1",)))
    found = introduced(after, before, {"p000x": Provenance("Austria", None), "p001x": Provenance("Austria", None)})
    assert [(c.text, c.by) for c in found["p000x"]] == [("[shall | should]", "Austria")]  # [number] was there
    assert [(c.text, c.by) for c in found["p001x"]] == [("[shall | should]", "Austria")]
    assert introduced(after, before, {}) == {}  # no input behind the paragraph: nobody's name
    kept = doc("Only [number] States.")
    assert introduced(doc("Only [number] States, amended.", derived=("pr-2",)), kept,
                      {"p000x": Provenance("Chile", None)}) == {}  # its only bracket was there before


def test_word_highlights_the_brackets_and_the_compilation_marks_them(tmp_path: Path) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    root = instance_checkout(tmp_path / "repo")
    out = tmp_path / "zero.docx"
    assert main(["render", DOC, "--format", "docx", "-o", str(out), "-C", str(root)]) == 0
    runs = [r for p in docx.Document(str(out)).paragraphs for r in p.runs]
    highlighted = [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert highlighted and set(highlighted) == {"[number]"} and len(highlighted) == 8
    assert not any("[" in r.text for r in runs if r.font.highlight_color != WD_COLOR_INDEX.YELLOW
                   and "square brackets" not in r.text)
