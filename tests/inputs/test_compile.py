"""The compilation text: every proposal under its paragraph, attributed, grouped when identical, escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inputkit import Process, append, delete, insert, set_text, utc

from ccmflow.inputs.collect import collect
from ccmflow.inputs.compile import compile_inputs, render_html, render_markdown
from ccmflow.main import main

NEW = "Since the First Review Conference, the Convention has grown in every region."
HOSTILE = "Watch out: <script>alert('x')</script> | @everyone [link](javascript:alert(1))"


@pytest.fixture
def proc(proc: Process) -> Process:
    """The process with six inputs: two identical, one hostile, an insertion, a late deletion, one invalid."""
    proc.submit(1, "austria", set_text("pkp3nvcv", NEW), utc(4, 20))
    proc.submit(2, "chile", set_text("pkp3nvcv", NEW), utc(4, 21))
    proc.submit(3, "icrc", append("pkp3nvcv", HOSTILE), utc(4, 22))
    proc.submit(4, "cmc", insert("victim-assistance", "pnppccgp", "pnewcmc01", "Survivors need funding."),
                utc(4, 23))
    proc.submit(5, "kenya", delete("pabmu3fk"), utc(5, 5, 9))
    proc.submit(6, "mexico", proc.text().replace("        kind: narrative\n", "        kind: [\n", 1), utc(4, 24))
    proc.sync()
    return proc


def _compiled(proc: Process):  # type: ignore[no-untyped-def]
    return compile_inputs(collect(proc.store, "review-document", now=utc(5, 8)))


def test_alternatives_are_grouped_and_attributed(proc: Process) -> None:
    compiled = _compiled(proc)
    assert compiled.inputs == 5  # the invalid input is left out
    universal = next(s for s in compiled.sections if s.id == "universalization")
    row = next(r for r in universal.rows if r.id == "pkp3nvcv")
    assert [a.sponsors for a in row.alternatives] == [("Austria", "Chile"), ("International Committee of the Red "
                                                                            "Cross",)]
    assert row.alternatives[0].paragraph.text == NEW and row.number == "5"
    text = render_markdown(compiled)
    assert "[Alt 1 (Austria; Chile): Since the First Review Conference, the Convention has grown" in text
    assert "[Alt 2 (International Committee of the Red Cross):" in text


def test_insertions_go_where_they_would_stand_and_deletions_are_proposed(proc: Process) -> None:
    compiled = _compiled(proc)
    victims = next(s for s in compiled.sections if s.id == "victim-assistance")
    ids = [r.id for r in victims.rows]
    assert ids[ids.index("pnppccgp") + 1] == "pnewcmc01"
    new_row = victims.rows[ids.index("pnewcmc01")]
    assert new_row.clean is None and new_row.alternatives[0].sponsors == ("Cluster Munition Coalition",)
    stockpiles = next(s for s in compiled.sections if s.id == "stockpile-destruction")
    deleted = next(r for r in stockpiles.rows if r.id == "pabmu3fk")
    assert deleted.deletion == ("Kenya (late)",)
    text = render_markdown(compiled)
    assert "[New paragraph proposed by Cluster Munition Coalition: Survivors need funding.]" in text
    assert "[Deletion proposed by Kenya (late)]" in text


def test_html_shows_each_paragraph_once_and_escapes_everything(proc: Process) -> None:
    page = render_html(_compiled(proc))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'class="clean"' not in page and 'class="compiled"' in page
    assert "<b>Alt 1</b>" in page and "<ins>" in page
    markdown = render_markdown(_compiled(proc))
    assert "<script>" not in markdown and "@everyone" not in markdown
    assert "[link](" not in markdown and "&#91;link&#93;(javascript" in markdown  # escaped: no link is made


def test_cli_writes_html(proc: Process, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "compilation.html"
    assert main(["compile", "review-document", "-C", str(proc.path), "--at", "2020-05-08", "--format", "html",
                 "-o", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["inputs"] == 5
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_moves_other_fields_and_a_new_section_are_compiled(proc: Process) -> None:
    """A move is proposed under the paragraph it moves; a field besides the text is shown with its value; a
    section the base lacks follows the others, its paragraphs as proposed."""
    proc.submit(7, "austria", lambda editor: editor.move("pkp3nvcv", "stockpile-destruction", None), utc(4, 25))
    proc.submit(8, "chile", lambda editor: editor.set_field("plo6mh6s", "references", ["review-document#pkp3nvcv"]),
                utc(4, 25))
    commitments = ("  - id: commitments\n    title: Commitments\n    paragraphs:\n      - id: pnewsect1\n"
                   "        kind: narrative\n        text: The States Parties commit to report each year.\n")
    proc.submit(9, "icrc", proc.text() + commitments, utc(4, 25))
    proc.sync()
    compiled = _compiled(proc)
    assert [s.title for s in compiled.sections][-1] == "New section proposed: commitments"
    assert [r.id for r in compiled.sections[-1].rows] == ["pnewsect1"]
    text = render_markdown(compiled)
    assert "[Move proposed by Austria: to stockpile-destruction, at its start]" in text
    assert "(references: review-document#\u2060pkp3nvcv)" in text
    assert ("## New section proposed: commitments\n\n| No. | Text and proposals |\n|---|---|\n| new | [New paragraph "
            "proposed by International Committee of the Red Cross: The States Parties commit to report each year.]"
            ) in text
