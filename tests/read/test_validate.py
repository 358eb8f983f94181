"""`ccmflow validate`: one broken copy of documents/ per class of error, checked through the library and the CLI.

Each case breaks one thing in a copy of the embedded CCM instance and names the text the finding must point at;
the expected line and column are computed from the broken file, so the cases survive edits of documents/.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from roots import REPO_ROOT as ROOT

from ccmflow.core.errors import Finding, InvalidInput
from ccmflow.core.model import Document, Process
from ccmflow.main import main
from ccmflow.read import yamlsafe
from ccmflow.read.directory import directory_workspace
from ccmflow.read.load import document_outline, document_record, parse_text

LAP, RD, PD = "lausanne-action-plan.yaml", "review-document.yaml", "political-declaration.yaml"
PROCESS, REGISTRY = "process.yaml", "stakeholders.yaml"


@dataclass(frozen=True)
class Break:
    """Replace `old` by `new` once in `file`, and expect one finding at `at` (its `nth` occurrence) in `where`."""

    file: str
    old: str
    new: str
    at: str
    message: tuple[str, ...]
    hint: tuple[str, ...]
    nth: int = 0
    offset: int = 0  # columns from the start of `at` to the character the finding points at
    where: str = ""
    also: tuple[str, ...] = field(default=())  # messages of further findings the break rightly causes

    def apply(self, top: Path) -> None:
        path = top / "documents" / self.file
        text = path.read_text("utf-8")
        assert text.count(self.old) >= 1, f"{self.old!r} no longer in {self.file}: update the case"
        path.write_text(text.replace(self.old, self.new, 1), "utf-8")

    def expected(self, top: Path) -> tuple[str, int, int]:
        name = self.where or self.file
        return (f"documents/{name}", *position(top / "documents" / name, self.at, self.nth, self.offset))


def position(path: Path, needle: str, nth: int = 0, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of `needle` in a file (plus `offset` columns)."""
    text = path.read_text("utf-8")
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1 + offset


def findings(top: Path) -> list[Finding]:
    workspace, found = directory_workspace(top)
    assert (workspace is None) == bool(found)
    return found


def cli(top: Path, capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["validate", "--json", *(paths or [str(top / "documents")])])
    return code, json.loads(capsys.readouterr().out)["findings"]


CASES: dict[str, Break] = {
    "schema type": Break(LAP, "informs: [political-declaration]", "informs: political-declaration",
                         at="informs:", message=("document.informs", "expected a list, found text"),
                         hint=("write a list",)),
    "schema type (a mapping expected)": Break(
        REGISTRY, "  - id: austria\n", "  - austria\n  - id: austria-bis\n", at="austria\n",
        message=("stakeholders[3]", "expected a mapping, found text"), hint=("key: value",)),
    "enum given a list": Break(LAP, "  status: draft", "  status: [draft]", at="status:",
                               message=("document.status", "expected one value, found a list"),
                               hint=("draft, circulated, adopted",)),
    "unknown key": Break(LAP, "        timeframe: 2021-2025\n",
                         "        timeframe: 2021-2025\n        deadline: soon\n", at="deadline: soon",
                         message=("unknown key 'deadline'",), hint=("remove it", "timeframe")),
    "missing key": Break(LAP, "  - id: universalization\n    title: Universalization\n",
                         "  - id: universalization\n", at="id: universalization",
                         message=("sections[2]", "missing required key 'title'"), hint=("add 'title:' here",)),
    "missing indicators of an action": Break(
        PD, "        kind: operative\n", "        kind: action\n", at="id: plhttx2n",
        message=("missing required key 'indicators'",), hint=("add 'indicators:' here",)),
    "duplicate paragraph id in a document": Break(
        LAP, "id: pnq3iyl6", "id: pg2fmela", at="pg2fmela", nth=1,
        message=("paragraph id 'pg2fmela' is already used at documents/lausanne-action-plan.yaml:",),
        hint=("fresh id", "ccmflow new-id")),
    "duplicate paragraph id across documents": Break(
        PD, "id: ppbblohb", "id: pg2fmela", at="pg2fmela",
        message=("paragraph id 'pg2fmela' is already used at documents/lausanne-action-plan.yaml:",),
        hint=("fresh id",)),
    "duplicate document id": Break(
        PD, "  id: political-declaration", "  id: review-document", where=RD, at="id: review-document", offset=4,
        message=("document id 'review-document' is also used by documents/political-declaration.yaml",),
        hint=("its own id",),
        # Every place that names the Declaration now names an unknown document, and the file now called
        # review-document is at a stage (elements) only the Declaration goes through.
        also=("unknown document 'political-declaration'",) * 2 + ("version 'elements' names unknown document",)
        + ("is for unknown document 'political-declaration'",) * 4  # its two input windows, negotiation, positions
        + ("names unknown document 'political-declaration'",) * 5
        + ("'review-document' does not go through version 'elements'",)),
    "dangling reference: unknown document": Break(
        LAP, '"review-document#puaq37yf"', '"review-doc#puaq37yf"', at='"review-doc#',
        message=("reference 'review-doc#puaq37yf' names unknown document 'review-doc'",),
        hint=("lausanne-action-plan, political-declaration, review-document",)),
    "dangling reference: unknown id": Break(
        PD, '"lausanne-action-plan#psunk3sy"', '"lausanne-action-plan#pzzzzzzz"', at='"lausanne-action-plan#pzz',
        message=("'lausanne-action-plan' has no paragraph or section 'pzzzzzzz'",), hint=("existing paragraph id",)),
    "unknown informs": Break(RD, "informs: [lausanne-action-plan]", "informs: [lausanne-plan]", at="lausanne-plan",
                             message=("unknown document 'lausanne-plan'",), hint=("lausanne-action-plan",)),
    "unknown section": Break(LAP, "  - id: universalization\n", "  - id: universalisation\n", at="universalisation",
                             message=("unknown section 'universalisation'",),
                             hint=("documents/process.yaml", "universalization")),
    "empty text": Break(
        PD, "        text: >-\n          We, the States Parties to the Convention on Cluster Munitions, gathered in "
            "Lausanne for\n          the Second Review Conference of the Convention,\n",
        '        text: " "\n', at='text: " "', message=("sections[1].paragraphs[1].text: empty text",),
        hint=("write the text",)),
    "empty title": Break(LAP, "    title: Universalization", '    title: ""', at='title: ""',
                         message=("sections[2].title: empty text",), hint=("write the text",)),
    "nothing where text is expected": Break(
        LAP, "        timeframe: 2021-2025\n", "        timeframe:\n", at="timeframe:\n",
        message=("timeframe: expected text, found nothing",), hint=("write the text after the colon",)),
    "unknown stakeholder category": Break(
        REGISTRY, "category: state-party", "category: state", at="category: state",
        message=("category: 'state' is not allowed here",), hint=("state-party", "civil-society")),
    "account registered twice": Break(
        REGISTRY, "id: 60418273", "id: 27361048", at="id: 27361048", nth=1, offset=4,
        message=("GitHub account 27361048 is also registered for austria",), hint=("one delegation",)),
    "window closes out of order": Break(
        PROCESS, 'closes: "2020-07-06"', 'closes: "2020-04-06"', at='"2020-04-06"',
        message=("window 'action-plan-input' closes before the window listed above it",),
        hint=("order they close",),
        also=("window 'action-plan-input' opens after it closes",
              "input to 'lausanne-action-plan' closes before input to 'review-document'")),
    "document_order violated": Break(
        PROCESS, "document_order: [review-document, lausanne-action-plan, political-declaration]",
        "document_order: [review-document, political-declaration, lausanne-action-plan]", at='"2020-07-06"',
        message=("input to 'lausanne-action-plan' closes before input to 'political-declaration', which informs it",),
        hint=("move the deadline", "document_order")),
    "window opens after it closes": Break(
        PROCESS, 'opens: "2020-04-15"', 'opens: "2020-06-16"', at='"2020-06-16"',
        message=("window 'review-zero-draft-input' opens after it closes",), hint=("opening or closing date",)),
    "window for an unknown document": Break(
        PROCESS, "    document: political-declaration\n    version", "    document: declaration\n    version",
        at="declaration\n", message=("window 'declaration-input' is for unknown document 'declaration'",),
        hint=("political-declaration",)),
    "unknown version": Break(LAP, "  version: working-paper", "  version: zero", at="zero\n",
                             message=("document version 'zero' is not one of the versions in documents/process.yaml",),
                             hint=("zero-draft",)),
    "window without an opening date": Break(
        PROCESS, '    opens: "2020-06-09"\n', "", at="id: action-plan-input",
        message=("missing required key 'opens'",), hint=("add 'opens:' here",)),
    "window opening approximately after it closes": Break(
        PROCESS, 'closes: "2020-09-25"', 'closes: "2020-07-31"', at='month: "2020-08"',
        message=("window 'declaration-input' opens (early August 2020) after it closes",),
        hint=("opening or closing date",)),
    "window on a stage its document does not go through": Break(
        PROCESS, "    version: working-paper\n    title: Written input",
        "    version: elements\n    title: Written input",
        at="elements\n    title: Written input",
        message=("'lausanne-action-plan' does not go through version 'elements'",),
        hint=("working-paper", "that version's documents")),
    "milestone discussing an unknown document": Break(
        PROCESS, "{document: lausanne-action-plan, version: working-paper}",
        "{document: action-plan, version: working-paper}", at="action-plan, version",
        message=("milestone 'first-preparatory-meeting' names unknown document 'action-plan'",),
        hint=("lausanne-action-plan",)),
    "milestone discussing an unknown version": Break(
        PROCESS, "{document: review-document, version: zero-draft}", "{document: review-document, version: zero}",
        at="zero}", message=("unknown version 'zero'",), hint=("zero-draft",)),
    "version for an unknown document": Break(
        PROCESS, "    documents: [political-declaration]\n", "    documents: [political-declaration, declaration]\n",
        at=", declaration]", offset=2,
        message=("version 'elements' names unknown document 'declaration'",), hint=("political-declaration",)),
    "document at a stage it does not go through": Break(
        LAP, "  version: working-paper", "  version: elements", at="elements\n",
        message=("'lausanne-action-plan' does not go through version 'elements'",), hint=("working-paper",)),
    "thematic coordinator of an unknown section": Break(
        REGISTRY, "coordinates: [universalization]", "coordinates: [universalisation]", at="universalisation",
        message=("unknown section 'universalisation'",), hint=("documents/process.yaml", "universalization")),
    "thematic coordinator of no section": Break(
        REGISTRY, "    coordinates: [universalization]\n", "",
        at="[coordination-committee, thematic-coordinator]\n    accounts",
        message=("'ireland' is a thematic coordinator of no section",), hint=("coordinates:",)),
    "sections coordinated without the role": Break(
        REGISTRY, "    roles: [coordination-committee, thematic-coordinator]\n    coordinates: [universalization]",
        "    roles: [coordination-committee]\n    coordinates: [universalization]", at="[universalization]",
        message=("'ireland' coordinates sections without the thematic-coordinator role",),
        hint=("add thematic-coordinator",)),
    "milestone out of order": Break(
        PROCESS, 'date: "2020-06-08"', 'date: "2020-04-08"', at="id: first-preparatory-meeting",
        message=("milestone 'first-preparatory-meeting' (8 April 2020) comes before 'review-consolidated-circulated' "
                 "(mid-May 2020 (approximate))",), hint=("date order",)),
    "milestone with a date and an approximate date": Break(
        PROCESS, '    date: "2020-06-08"\n', '    date: "2020-06-08"\n    approximate: {month: "2020-06", part: mid}\n',
        at="approximate: {", message=("'date' and 'approximate' cannot be used together",), hint=("keep only one",)),
    "milestone without a date": Break(
        PROCESS, '    date: "2020-06-08"\n', "", at="id: first-preparatory-meeting",
        message=("milestones[4]: missing one of: date, approximate",), hint=("add one of: date, approximate",)),
    "milestone with an approximate date and an end": Break(
        PROCESS, '    approximate:\n      month: "2020-05"\n      part: mid\n',
        '    approximate:\n      month: "2020-05"\n      part: mid\n    end: "2020-05-30"\n', at='end: "2020-05-30"',
        message=("'end' cannot be used with 'approximate'",), hint=("remove 'end'",)),
    "duplicate key": Break(LAP, "  status: draft\n", "  status: draft\n  status: adopted\n", at="status: adopted",
                           message=("duplicate key 'status' (first at line 9)",), hint=("keep one",)),
    "tag": Break(LAP, "  status: draft\n", "  status: !!python/object/apply:os.system [draft]\n", at="!!python",
                 message=("YAML tags (!!python/object/apply:os.system) are not allowed",), hint=("remove the tag",)),
    "anchor": Break(LAP, "  status: draft\n", "  status: &s draft\n", at="&s",
                    message=("YAML anchors (&s) are not allowed",), hint=("write values out in full",)),
    "alias": Break(LAP, "  status: draft\n", "  status: *s\n", at="*s",
                   message=("YAML aliases (*name) are not allowed",), hint=("write the value out in full",)),
    "deep nesting": Break(REGISTRY, "    roles: [accept-late, consolidate, coordination-committee, record-input]",
                          "    roles: " + "[" * 30 + "]" * 30, at="roles: [", offset=7 + 22,
                          message=("nesting deeper than 24 levels",), hint=("flatten",)),
    "multi-document": Break(REGISTRY, "  - id: austria\n", "---\n  - id: austria\n", at="---\n",
                            message=("more than one YAML document in the file",), hint=("remove the second '---'",)),
    "syntax error": Break(LAP, "  status: draft\n", "  status: draft\n   bad: [\n", at="bad:", offset=3,
                          message=("not valid YAML: mapping values are not allowed",), hint=("indentation",)),
    "invalid date": Break(PROCESS, 'start: "2020-11-23"', 'start: "2020-02-30"', at='"2020-02-30"',
                          message=("'2020-02-30' is not a calendar date",), hint=("a real date as YYYY-MM-DD",)),
    "invalid milestone date": Break(PROCESS, 'date: "2020-06-08"', 'date: "2020-06-31"', at='"2020-06-31"',
                                    message=("'2020-06-31' is not a calendar date",), hint=("a real date",)),
    "invalid deadline": Break(PROCESS, 'closes: "2020-07-06"', 'closes: "2020-02-30"', at='"2020-02-30"',
                              message=("'2020-02-30' is not a real date or time",), hint=("YYYY-MM-DD",)),
    "invalid month": Break(PROCESS, 'month: "2020-05"', 'month: "2020-13"', at='"2020-13"',
                           message=("month 13 does not exist",), hint=("01 to 12",)),
    "unknown time zone": Break(PROCESS, "timezone: Europe/Zurich", "timezone: Europe/Lausanne", at="Europe/Lausanne",
                               message=("unknown time zone 'Europe/Lausanne'",), hint=("IANA",)),
    "local time skipped by DST": Break(
        PROCESS, 'opens: "2020-04-15"', 'opens: "2020-03-29T02:30"', at='"2020-03-29T02:30"',
        message=("2020-03-29 02:30 does not exist in Europe/Zurich (clocks go forward)",), hint=("skipped hour",)),
    "local time repeated by DST": Break(
        PROCESS, 'closes: "2020-09-25"', 'closes: "2020-10-25T02:30"', at='"2020-10-25T02:30"',
        message=("2020-10-25 02:30 happens twice in Europe/Zurich (clocks go back)",), hint=("repeated hour",)),
    "a list repeating an entry": Break(
        LAP, "informed_by: [review-document]", "informed_by: [review-document, review-document]",
        at="informed_by:", message=("document.informed_by: the list repeats an entry",),
        hint=("remove the repeated entry",)),
    "an opening date in no accepted form": Break(
        PROCESS, 'opens: "2020-04-15"', "opens: soon", at="opens: soon",
        message=("windows[1].opens: 'soon' is not in any accepted form",), hint=("'to be announced'",)),
    "an approximate opening with a key of its own": Break(
        PROCESS, '      month: "2020-08"\n      part: early\n    closes',
        '      month: "2020-08"\n      part: early\n      day: 7\n    closes', at="day: 7",
        message=("windows[3].opens: unknown key 'day'",), hint=("month, part",)),
    "conference ending before it starts": Break(
        PROCESS, 'end: "2020-11-27"', 'end: "2020-11-20"', at='"2020-11-20"',
        message=("the conference ends before it starts",), hint=("swap or correct",)),
    "window at an unknown version": Break(
        PROCESS, "    version: zero-draft\n", "    version: zero\n", at="zero\n",
        message=("unknown version 'zero'",), hint=("zero-draft", "Rev.N")),
    "a symbol for an unknown version": Break(
        RD, "    zero-draft: CCM/CONF/2020/WP.1\n", "    zero: CCM/CONF/2020/WP.1\n", at="zero: CCM", offset=6,
        message=("symbols: 'zero' is not one of the versions in documents/process.yaml",), hint=("zero-draft",)),
    "a milestone listed twice": Break(
        PROCESS, "  - id: review-zero-draft-circulated\n", "  - id: first-preparatory-meeting\n",
        at="id: first-preparatory-meeting", nth=1, offset=4,
        message=("id 'first-preparatory-meeting' appears twice in milestones",), hint=("its own id",)),
    "a delegation speaking for itself": Break(
        REGISTRY, "  - id: austria\n    name: Austria\n",
        "  - id: austria\n    speaks_for: [austria]\n    name: Austria\n",
        at="austria]", message=("'austria' speaks for itself",), hint=("other registered delegations",)),
    "a delegation speaking for one not registered": Break(
        REGISTRY, "  - id: austria\n    name: Austria\n",
        "  - id: austria\n    speaks_for: [atlantis]\n    name: Austria\n",
        at="atlantis]", message=("'austria' speaks for 'atlantis', which is not in the registry",),
        hint=("other registered delegations",)),
    "a time of issue that is no time of day": Break(
        RD, '    zero-draft: "2020-04-15"', '    zero-draft: "2020-04-15T25:00"', at='"2020-04-15T25:00"',
        message=("'25:00' is not a time of day",), hint=("HH:MM",)),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_error_is_found_with_file_line_column_and_fix(top: Path, case: Break,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    case.apply(top)
    found = findings(top)
    matching = [f for f in found if all(words in f.message for words in case.message)]
    assert len(matching) == 1, [str(f) for f in found]
    finding = matching[0]
    assert (finding.file, finding.line, finding.column) == case.expected(top), str(finding)
    for words in case.hint:
        assert words in finding.hint
    # Nothing else: no cascade of findings caused by the one that is there.
    rest = [f for f in found if f is not finding]
    assert len(rest) == len(case.also), [str(f) for f in rest]
    for other, words in zip(rest, case.also, strict=True):
        assert words in other.message and other.hint
    # The CLI says the same, and exits with status 1.
    code, shown = cli(top, capsys)
    assert code == 1
    assert shown == [f.as_json() for f in found]


def test_the_embedded_instance_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    workspace, found = directory_workspace(ROOT)
    assert found == [] and workspace is not None
    assert set(workspace.documents) == {"review-document", "lausanne-action-plan", "political-declaration"}
    assert main(["validate", str(ROOT / "documents")]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_a_paragraph_without_kind_is_one_finding(top: Path) -> None:
    Break(LAP, "      - id: pg2fmela\n        kind: narrative\n", "      - id: pg2fmela\n", at="", message=(),
          hint=()).apply(top)
    found = findings(top)
    assert [f.message for f in found] == ["sections[1].paragraphs[1]: missing required key 'kind'"]


def test_all_errors_are_reported_at_once(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    CASES["unknown key"].apply(top)
    CASES["unknown stakeholder category"].apply(top)
    CASES["milestone out of order"].apply(top)
    found = findings(top)
    assert sorted((f.file, f.line, f.column) for f in found) == sorted([
        CASES["unknown key"].expected(top), CASES["milestone out of order"].expected(top),
        CASES["unknown stakeholder category"].expected(top)])
    code, shown = cli(top, capsys)
    assert code == 1 and len(shown) == 3


def test_two_errors_in_one_file_are_both_reported_in_line_order(top: Path) -> None:
    CASES["unknown key"].apply(top)
    CASES["enum given a list"].apply(top)
    found = findings(top)
    assert [(f.file, f.line, f.column) for f in found] == [
        CASES["enum given a list"].expected(top), CASES["unknown key"].expected(top)]


def test_text_output_names_file_line_column_and_fix(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES["dangling reference: unknown id"]
    case.apply(top)
    assert main(["validate", str(top / "documents")]) == 1
    out = capsys.readouterr().out
    file, line, column = case.expected(top)
    assert f"{file}:{line}:{column}: reference 'lausanne-action-plan#pzzzzzzz' does not resolve" in out
    assert "    fix: point it at an existing paragraph id or section id" in out
    assert "1 problem found" in out


def test_naming_a_file_shows_only_its_findings(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    CASES["unknown key"].apply(top)
    CASES["unknown stakeholder category"].apply(top)
    code, shown = cli(top, capsys, str(top / "documents" / REGISTRY))
    assert code == 1 and [f["file"] for f in shown] == ["documents/stakeholders.yaml"]
    assert cli(top, capsys, str(top / "documents" / RD)) == (0, [])


def test_a_broken_document_is_one_finding_not_one_per_reference_to_it(top: Path) -> None:
    (top / "documents" / RD).write_text("document: [unclosed\n")
    found = findings(top)
    assert [f.file for f in found] == ["documents/review-document.yaml"], [str(f) for f in found]


def test_bad_utf8_names_the_line_and_column_of_the_bad_byte(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = top / "documents" / RD
    raw = path.read_bytes()
    at = raw.index(b"adopted in Dublin")
    path.write_bytes(raw[:at] + b"ad\xe9" + raw[at:])
    line, column = position(ROOT / "documents" / RD, "adopted in Dublin")
    found = findings(top)
    assert [str(f) for f in found] == [
        f"documents/review-document.yaml:{line}:{column + 2}: invalid UTF-8 byte 0xe9 (fix: save the file as UTF-8)"]
    assert cli(top, capsys)[0] == 1


def test_a_50_mb_file_is_refused_by_the_size_check(top: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = top / "documents" / RD
    with path.open("wb") as out:
        out.write(b"document:\n  title: ")
        out.write(b"x" * (50 * 1024 * 1024))
    size = path.stat().st_size

    real = yamlsafe._Builder

    def guarded(text: str, name: str) -> yamlsafe._Builder:
        assert name != f"documents/{RD}", "an oversized file must be refused before it is parsed"
        return real(text, name)

    monkeypatch.setattr(yamlsafe, "_Builder", guarded)
    found = findings(top)  # how fast: benchmarks/core.py
    assert [str(f) for f in found] == [
        f"documents/review-document.yaml:1:1: file is {size:,} bytes, over the {yamlsafe.MAX_BYTES:,}-byte limit "
        "(fix: split the text or remove what does not belong in a document)"]
    assert cli(top, capsys)[0] == 1


@pytest.mark.parametrize("target", ["/etc/passwd", "review-document.yaml"])
def test_a_symlink_in_documents_is_refused(top: Path, target: str, capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink(target, top / "documents" / "extra.yaml")
    workspace, found = directory_workspace(top)
    assert workspace is None
    assert [str(f) for f in found] == ["documents/extra.yaml:1:1: a symbolic link is not accepted in documents/ "
                                       "(fix: replace it with the file's own content)"]
    assert cli(top, capsys)[0] == 1


def test_a_symlink_replacing_a_managed_file_is_refused(top: Path) -> None:
    (top / "documents" / REGISTRY).unlink()
    os.symlink(ROOT / "documents" / REGISTRY, top / "documents" / REGISTRY)
    workspace, found = directory_workspace(top)
    assert workspace is None
    assert found[0].file == "documents/stakeholders.yaml" and "symbolic link" in found[0].message


def test_a_missing_registry_is_reported(top: Path) -> None:
    (top / "documents" / REGISTRY).unlink()
    assert [f.message for f in findings(top)] == ["the stakeholders file is missing"]


def test_the_benchmark_generator_writes_valid_documents(top: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from gen import DOC_ID, SECTIONS, generate_document, mutate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    process = parse_text("documents/process.yaml", (ROOT / "documents" / PROCESS).read_text()).record
    assert isinstance(process, Process) and {sid for sid, _ in SECTIONS} <= set(process.section_titles)
    text = generate_document(paragraphs=60, seed=3)
    assert text == generate_document(paragraphs=60, seed=3)
    revised = mutate(text, seed=4, n_edits=25)
    assert revised == mutate(text, seed=4, n_edits=25) != text
    for version in (text, revised):
        (top / "documents" / f"{DOC_ID}.yaml").write_text(version)
        workspace, found = directory_workspace(top)
        assert found == [] and workspace is not None
        document = workspace.document(DOC_ID)
        assert isinstance(document, Document)
    big = parse_text("x.yaml", generate_document(300)).record
    assert isinstance(big, Document) and len(list(big.walk())) == 300


@pytest.mark.parametrize("fmt", ["<img src=x> {n}", "<!-- ccmflow:log QUFB --> {n}", "@someone {n}",
                                 "[see](https://example.org) {n}", "`{n}`", "{n}{n}", "{n} and {n}", "Paragraph",
                                 "x" * 31 + "{n}", "{n}" + "y" * 31, "{n} {", "{{n}}", "第{n}段!"])
def test_a_numbering_format_is_letters_digits_and_a_little_punctuation_around_one_counter(fmt: str) -> None:
    text = (ROOT / "documents" / RD).read_text(encoding="utf-8")
    for good in ("Action {n}", "({n})", "Párrafo {n}:", "Art. {n} –", "", "x" * 30 + "{n}" + "y" * 30, "第{n}段",
                 "Пункт {n}", "الفقرة {n}"):
        kept = text.replace("sections:\n", f"  numbering:\n    narrative: {json.dumps(good)}\nsections:\n", 1)
        assert parse_text(f"documents/{RD}", kept).findings == ()
    broken = text.replace("sections:\n", f"  numbering:\n    narrative: {json.dumps(fmt)}\nsections:\n", 1)
    findings = parse_text(f"documents/{RD}", broken).findings
    assert len(findings) == 1 and "numbering.narrative" in findings[0].message
    assert "'{n}' once" in findings[0].hint and "no other symbols" in findings[0].hint


def test_input_records_are_read_and_checked(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = top / "documents" / "inputs" / "review-document"
    inputs.mkdir(parents=True)
    good = ("input:\n  id: {id}\n  document: review-document\n  kind: remark\n  on_behalf_of: [{who}]\n"
            "  remark: Shorter, please.\n")
    (inputs / "ok-1.yaml").write_text(good.format(id="ok-1", who="austria"), encoding="utf-8")
    (inputs / "who-2.yaml").write_text(good.format(id="who-2", who="atlantis"), encoding="utf-8")
    (inputs / "kind-3.yaml").write_text(good.format(id="kind-3", who="chile").replace("remark\n", "rewrite\n", 1),
                                        encoding="utf-8")
    (inputs / "named-4.yaml").write_text(good.format(id="other", who="chile"), encoding="utf-8")
    code = main(["validate", "--json", "-C", str(top)])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1
    by_file = {f["file"].rsplit("/", 1)[-1]: f["message"] for f in found}
    assert set(by_file) == {"who-2.yaml", "kind-3.yaml", "named-4.yaml"}
    assert "'atlantis' is not in the registry" in by_file["who-2.yaml"]
    assert "input.kind" in by_file["kind-3.yaml"]
    assert "must be documents/inputs/review-document/other.yaml" in by_file["named-4.yaml"]


REMARK = ("input:\n  id: {id}\n  document: review-document\n  kind: remark\n  on_behalf_of: [austria]\n"
          "  remark: Shorter, please.\n")
POSITION = ("input:\n  id: {id}\n  document: review-document\n  kind: position\n  position: explanation\n"
            "  paragraphs: [{pid}]\n  on_behalf_of: [austria]\n  remark: Austria joins the consensus.\n")


@pytest.mark.parametrize(("folder", "text", "adopted", "message"), [
    ("review-document", "input: [remark\n", False, "not valid YAML"),
    ("review-document", REMARK + '  channel: e-mail\n  received: "2020-02-30T10:00+01:00"\n', False,
     "'2020-02-30T10:00+01:00' is not a real time"),
    ("review-doc", REMARK.replace("document: review-document", "document: review-doc"), False,
     "document: no document 'review-doc'"),
    ("review-document", REMARK + "  section: nowhere\n", False,
     "section: 'nowhere' is not a section of review-document"),
    ("review-document", POSITION.replace("{pid}", "ph6ip46u"), False,
     "kind: a position on the record is given once the Lausanne Review Document is adopted (its status is draft)"),
    ("review-document", POSITION.replace("{pid}", "pnowhere1"), True,
     "paragraphs: 'pnowhere1' is not a paragraph of review-document"),
])
def test_an_input_record_that_does_not_hold_is_found_with_what_to_fix(top: Path, capsys: pytest.CaptureFixture[str],
                                                                       folder: str, text: str, adopted: bool,
                                                                       message: str) -> None:
    if adopted:
        path = top / "documents" / RD
        path.write_text(path.read_text("utf-8").replace("  status: draft\n", "  status: adopted\n", 1), "utf-8")
    (top / "documents" / "inputs" / folder).mkdir(parents=True)
    (top / "documents" / "inputs" / folder / "input-1.yaml").write_text(text.format(id="input-1"), "utf-8")
    code = main(["validate", "--json", "-C", str(top)])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1
    assert [(f["file"], message in str(f["message"]), bool(f["hint"])) for f in found] == [
        (f"documents/inputs/{folder}/input-1.yaml", True, True)], found


def test_notes_and_links_among_inputs_and_translations_are_not_read(top: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    inputs = top / "documents" / "inputs" / "review-document"
    inputs.mkdir(parents=True)
    (inputs / "README.md").write_text("Inputs received by e-mail.\n", "utf-8")
    (top / "elsewhere.yaml").write_text("input: [not, read]\n", "utf-8")
    (inputs / "linked-1.yaml").symlink_to(top / "elsewhere.yaml")
    (top / "documents" / "translations" / "es").mkdir()
    (top / "documents" / "translations" / "es" / "political-declaration.yaml").symlink_to(top / "elsewhere.yaml")
    assert main(["validate", "--json", "-C", str(top)]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
    (inputs / "broken-2.yaml").write_text("input: [not, valid]\n", "utf-8")  # what a file there would have said
    assert main(["validate", "--json", "-C", str(top)]) == 1


def test_without_a_list_of_sections_in_the_timeline_documents_name_their_own(
        top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    process = top / "documents" / PROCESS
    text = process.read_text("utf-8")
    start = text.index("\nsections:\n") + 1
    end = text.index("\n", text.index("    title: Commitments\n")) + 1  # the list's last entry
    process.write_text(text[:start] + text[end:], "utf-8")
    review = top / "documents" / RD
    review.write_text(review.read_text("utf-8").replace("  - id: transparency\n", "  - id: reporting\n", 1), "utf-8")
    assert cli(top, capsys) == (0, [])


def test_a_record_read_without_positions_is_the_record_and_its_faults_still_name_their_line() -> None:
    text = (ROOT / "documents" / RD).read_text(encoding="utf-8")
    assert document_record(f"documents/{RD}", text) == parse_text(f"documents/{RD}", text).record
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip().startswith("kind: "))
    broken = "\n".join(row.replace("kind: ", "kind: sideways-", 1) if i == line else row
                       for i, row in enumerate(text.splitlines(), 1)) + "\n"
    with pytest.raises(InvalidInput) as raised:
        document_record(f"documents/{RD}", broken)
    assert [f.line for f in raised.value.findings] == [line]
    assert raised.value.findings == list(parse_text(f"documents/{RD}", broken).findings)


def test_an_outline_is_the_record_with_its_mappings_spans_and_its_faults_still_name_their_line() -> None:
    text = (ROOT / "documents" / RD).read_text(encoding="utf-8")
    full = parse_text(f"documents/{RD}", text)
    assert full.loaded is not None
    record, outline = document_outline(f"documents/{RD}", text)
    assert record == full.record and outline.data == full.loaded.data and outline.text == full.loaded.text
    first = ("sections", 0, "paragraphs", 0)
    assert outline.spans[first] == full.loaded.spans[first] and (*first, "text") not in outline.spans
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip().startswith("kind: "))
    broken = "\n".join(row.replace("kind: ", "kind: sideways-", 1) if i == line else row
                       for i, row in enumerate(text.splitlines(), 1)) + "\n"
    with pytest.raises(InvalidInput) as raised:
        document_outline(f"documents/{RD}", broken)
    assert [f.line for f in raised.value.findings] == [line]
