"""Characters nobody can see are refused wherever text is read, with file, line, column and the fix: through
`ccmflow validate` (documents, timeline, registry, input records, translations per their language), the bot
(a pull request's document) and the issue form (one fix-it comment)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from botkit import FIRST, REVIEW, REVIEW_OLD, World, edit, form, run_issue

from ccmflow.main import main

RLO, ZWSP, RLM, ZWJ, FEFF = "\u202e", "\u200b", "\u200f", "\u200d", "\ufeff"
AT = "2020-04-20T10:00:00Z"


def plant(top: Path, name: str, old: str, new: str) -> tuple[int, int]:
    """Replace `old` by `new` once in documents/<name>; the line and column of the first character of `new`."""
    path = top / "documents" / name
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {name}"
    at = text.index(old)
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def findings(top: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["validate", "--json", "-C", str(top)]) == 1
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["findings"]
    return found


CASES = {
    # file, the text to plant the character in, the character
    "bidi override in a document": ("review-document.yaml", REVIEW_OLD, RLO),
    "zero-width space in the timeline": ("process.yaml", "Review Document", ZWSP),
    "byte order mark inside the registry": ("stakeholders.yaml", "Austria", FEFF),
    "right-to-left mark in English": ("lausanne-action-plan.yaml", "Universalization", RLM),
    "joiner in a French translation": ("translations/fr/political-declaration.yaml", "Nous", ZWJ),
    "bidi override in an Arabic translation": ("translations/ar/political-declaration.yaml", "الديباجة", RLO),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_validate_refuses_an_invisible_character_with_file_line_column_and_fix(
        top: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    name, old, char = CASES[case]
    line, column = plant(top, name, old, char + old)
    (finding,) = findings(top, capsys)
    assert (finding["file"], finding["line"], finding["column"]) == (f"documents/{name}", line, column)
    assert f"U+{ord(char):04X}" in str(finding["message"]) and "invisible character" in str(finding["message"])
    assert f"\\u{ord(char):04x}" in str(finding["hint"]) and "delete it" in str(finding["hint"])


def test_a_character_written_as_an_escape_is_refused_at_its_scalar(top: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # In a double-quoted scalar, "\\u200b" is the character itself once read: the text shows none, the data has it.
    line, column = plant(top, "stakeholders.yaml", "Austria", '"Aus\\u200btria"')
    (finding,) = findings(top, capsys)
    assert (finding["file"], finding["line"], finding["column"]) == ("documents/stakeholders.yaml", line, column)
    assert str(finding["message"]).startswith("invisible character U+200B ZERO WIDTH SPACE, written as the escape")
    assert finding["hint"] == "delete the \\u200b escape"


def test_an_arabic_translation_may_write_its_direction_marks_as_escapes(
        top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(top, "translations/ar/political-declaration.yaml", '"الديباجة"', '"\\u200fالديباجة"')
    assert main(["validate", "-C", str(top)]) == 0
    capsys.readouterr()
    plant(top, "translations/ar/political-declaration.yaml", '"\\u200f', '"\\u202e')  # an override: never
    (finding,) = findings(top, capsys)
    assert "U+202E" in str(finding["message"]) and str(finding["file"]).endswith("ar/political-declaration.yaml")


def test_an_arabic_translation_may_use_the_direction_marks_and_joiners_its_script_needs(
        top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(top, "translations/ar/political-declaration.yaml", "الديباجة", f"{RLM}الديباجة{ZWJ}")
    assert main(["validate", "-C", str(top)]) == 0, capsys.readouterr().out


def test_an_input_record_and_every_character_in_a_file_are_checked(
        top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = top / "documents" / "inputs" / "review-document"
    inputs.mkdir(parents=True)
    (inputs / "ok-1.yaml").write_text(
        f"# a comment{RLO} too\ninput:\n  id: ok-1\n  document: review-document\n  kind: remark\n"
        f"  on_behalf_of: [austria]\n  remark: Short{ZWSP}er, please.\n", encoding="utf-8")
    found = findings(top, capsys)
    assert [(f["line"], f["column"]) for f in found] == [(1, 12), (7, 16)]


def test_a_file_full_of_hidden_characters_names_the_first_twenty(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A text pasted from a tool that left a run of zero-width spaces: the first twenty say enough to find the rest."""
    line, column = plant(top, "review-document.yaml", REVIEW_OLD, ZWSP * 25 + REVIEW_OLD)
    found = findings(top, capsys)
    assert [(f["line"], f["column"]) for f in found] == [(line, column + i) for i in range(20)]


def test_a_pull_request_whose_document_hides_a_character_is_invalid_with_line_and_fix(world: World) -> None:
    hidden = edit(world.text(REVIEW), REVIEW_OLD, f"bringing the total number of States{ZWSP} Parties to 111")
    run = world.run("pull_request_target", world.open_pr(1, {REVIEW: hidden}, at=AT), now=AT)
    assert run.code == 0, run.err
    assert "invalid" in world.fake.issue_labels(1)
    body = world.status_comment(1)
    line = hidden.decode().split(ZWSP)[0].count("\n") + 1
    assert f"`documents/review-document.yaml`, line {line}, column " in body
    assert "U+200B ZERO WIDTH SPACE" in body and "delete it" in body
    assert world.statuses(1)["ccmflow/validation"][0] == "failure"


def test_the_issue_form_refuses_hidden_characters_in_one_fix_it_comment(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    body = form(text=f"Since the First {RLO}Review Conference, 110 States have joined.{ZWSP}")
    out = run_issue(world, world.open_issue(body, at=AT), AT)
    assert "the form cannot be used (2 to fix)" in out
    assert not list(world.fake.state.pulls())
    (comment,) = [c["body"] for c in world.bot_comments(1)]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in comment and "U+200B ZERO WIDTH SPACE" in comment
    assert "after “Since the First”" in comment and RLO not in comment and ZWSP not in comment
    # Fixed by an edit: the input goes through.
    out = run_issue(world, world.edit_issue(1, form(text=FIRST), at=AT), AT)
    assert "pull request #2 opened" in out
