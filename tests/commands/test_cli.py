"""The core CLI end to end: exit codes, JSON output, reads at revisions, init for another treaty body."""

from __future__ import annotations

import json
from pathlib import Path

import pygit2
import pytest
from roots import REPO_ROOT as ROOT

from ccmflow.main import main

PACKAGE = ("--package", "git+https://github.com/example/ccmflow@0123456789abcdef0123456789abcdef01234567")


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def instance(instance: Path) -> Path:
    """The checkout of the embedded instance, the review document's zero draft tagged."""
    repo = pygit2.Repository(str(instance))
    repo.references.create("refs/tags/review-document/zero-draft", repo.head.target)
    return instance


def _commit(repo: pygit2.Repository, message: str) -> pygit2.Oid:
    repo.index.add_all()
    repo.index.write()
    sig = pygit2.Signature("Test", "test@example.org", 1588000000, 0)
    parents = [] if repo.head_is_unborn else [repo.head.target]
    return repo.create_commit("HEAD", sig, sig, message, repo.index.write_tree(), parents)


def test_validate_embedded_instance(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "validate", "-C", str(ROOT))
    assert code == 0 and data["ok"] and data["findings"] == []


def test_validate_reports_every_problem_with_file_line_and_fix(instance: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = instance / "documents" / "political-declaration.yaml"
    text = path.read_text()
    text = text.replace("kind: operative", "kind: operational", 1)
    text = text.replace("  status: draft", "  status: draft\n  colour: blue", 1)
    path.write_text(text)
    code, data = run_json(capsys, "validate", str(instance))
    assert code == 1
    messages = {f["message"]: f for f in data["findings"]}
    assert len(messages) == 2
    kind = next(f for m, f in messages.items() if "'operational'" in m)
    assert kind["file"].endswith("political-declaration.yaml")
    assert text.splitlines()[kind["line"] - 1].strip() == "kind: operational"
    assert "operative" in kind["hint"]
    colour = next(f for m, f in messages.items() if "colour" in m)
    assert text.splitlines()[colour["line"] - 1].strip() == "colour: blue"


def test_validate_text_output_names_file_and_line(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = instance / "documents" / "stakeholders.yaml"
    path.write_text(path.read_text().replace("category: civil-society", "category: ngo", 1))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "stakeholders.yaml:" in out and "'ngo' is not allowed" in out and "civil-society" in out


def test_validate_at_revision_ignores_the_work_tree(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (instance / "documents" / "process.yaml").write_text("conference: [broken")
    code, data = run_json(capsys, "validate", "-C", str(instance), "--rev", "HEAD")
    assert code == 0 and data["ok"]


def test_status_at_the_deadline_second(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "status", "-C", str(ROOT), "--at", "2020-05-04T21:59:59Z")
    assert code == 0
    review = next(w for w in data["windows"] if w["id"] == "review-zero-draft-input")
    assert review["state"] == "open" and review["seconds_left"] == 0
    code, data = run_json(capsys, "status", "-C", str(ROOT), "--at", "2020-05-04T22:00:00Z")
    review = next(w for w in data["windows"] if w["id"] == "review-zero-draft-input")
    assert review["state"] == "closed"
    assert any(m["approximate"] and m["when"] == "mid-May 2020 (approximate)" for m in data["milestones"])


def test_status_on_3_may_does_not_list_the_declaration_as_open(capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # table cells on one line each
    code, data = run_json(capsys, "status", "-C", str(ROOT), "--at", "2020-05-03")
    assert code == 0
    assert data["phase"] == "open for input: Written input on the zero draft of the Review Document"
    states = {w["id"]: (w["state"], w["opens_display"]) for w in data["windows"]}
    assert states["declaration-input"] == ("upcoming", "opens early August 2020 (approximate)")
    assert states["review-zero-draft-input"] == ("open", "opens on 15 April 2020, 00:00:00 CEST (14 April 2020, "
                                                         "22:00:00 UTC)")
    assert [w["id"] for w in data["windows"] if w["state"] == "open"] == ["review-zero-draft-input"]
    assert main(["status", "-C", str(ROOT), "--at", "2020-05-03"]) == 0
    shown = capsys.readouterr().out
    assert "opens on 9 June 2020, 00:00:00 CEST (8 June 2020, 22:00:00 UTC)" in shown
    assert "opens early August 2020 (approximate)" in shown


def test_status_on_the_day_of_a_meeting_shows_it_as_today(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    code, data = run_json(capsys, "status", "-C", str(ROOT), "--at", "2020-06-08")
    assert code == 0
    assert data["today_milestones"] == ["first-preparatory-meeting"]
    assert data["next_milestone"] == "action-plan-deadline"
    meeting = next(m for m in data["milestones"] if m["id"] == "first-preparatory-meeting")
    assert meeting["today"] and "informal working paper" in meeting["purpose"]
    assert meeting["documents"] == [{"document": "review-document", "version": "consolidated"},
                                    {"document": "lausanne-action-plan", "version": "working-paper"}]
    assert main(["status", "-C", str(ROOT), "--at", "2020-06-08T10:00"]) == 0
    shown = capsys.readouterr().out
    assert "Today: First preparatory meeting" in shown
    assert "First preparatory meeting ◀ today" in shown
    assert "Deadline for written input to the Lausanne Action Plan ◀ next" in shown
    assert "Documents: Lausanne Review Document (Consolidated version); Lausanne Action Plan 2021-2025 (Informal " \
        "working paper)" in shown


def test_status_reads_conference_time_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "status", "-C", str(ROOT), "--at", "2020-05-04T23:59:59")
    assert code == 0
    assert data["at"] == "2020-05-04T23:59:59+02:00"


def test_status_uses_ccmflow_now(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-24T10:00:00+01:00")
    _, data = run_json(capsys, "status", "-C", str(ROOT))
    assert data["phase"] == "2RC in session"


def test_show_numbers_actions_and_paragraphs(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "show", "lausanne-action-plan", "-C", str(ROOT))
    assert code == 0
    numbers = [p["number"] for s in data["sections"] for p in s["paragraphs"] if p["kind"] == "action"]
    assert numbers == [f"Action {n}" for n in range(1, len(numbers) + 1)]
    assert len(numbers) >= 45


def test_show_by_path_and_unnumbered_preamble(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "show", str(ROOT / "documents" / "political-declaration.yaml"))
    assert code == 0
    preamble, commitments = data["sections"]
    assert {p["number"] for p in preamble["paragraphs"]} == {""}
    assert commitments["paragraphs"][0]["number"] == "1"


def test_show_unknown_document_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "no-such-document", "-C", str(ROOT)]) == 2
    assert "review-document" in capsys.readouterr().err


def test_diff_between_a_version_tag_and_head(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = instance / "documents" / "review-document.yaml"
    text = path.read_text()
    assert "  version: zero-draft" in text
    path.write_text(text.replace("  version: zero-draft", "  version: consolidated", 1))
    _commit(pygit2.Repository(str(instance)), "Consolidated")
    code, data = run_json(capsys, "diff", "review-document", "zero-draft", "HEAD", "-C", str(instance))
    assert code == 0
    assert data["meta"] == {"version": ["zero-draft", "consolidated"]}


def test_diff_text_marks_deletions_and_insertions_without_colour(instance: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = instance / "documents" / "review-document.yaml"
    text = path.read_text()
    assert "primary international instrument" in text
    path.write_text(text.replace("primary international instrument", "main instrument", 1))
    _commit(pygit2.Repository(str(instance)), "Edit")
    assert main(["diff", "review-document", "zero-draft", "HEAD", "--format", "text", "-C", str(instance)]) == 0
    out = capsys.readouterr().out
    assert "the [-primary international-]{+main+} instrument" in out


def test_diff_unknown_revision_is_a_usage_error(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "review-document", "nope", "HEAD", "-C", str(instance)]) == 2
    assert "unknown revision 'nope'" in capsys.readouterr().err


def test_new_id_is_fresh(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "new-id", "-n", "5", "-C", str(ROOT))
    assert code == 0
    existing = "".join(p.read_text() for p in (ROOT / "documents").glob("*.yaml"))
    assert len(set(data["ids"])) == 5
    assert all(f"id: {i}" not in existing for i in data["ids"])


def test_render_html_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lap.html"
    assert main(["render", "lausanne-action-plan", "--format", "html", "-o", str(out), "-C", str(ROOT)]) == 0
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert "Action 50" in html
    assert main(["render", "review-document", "--format", "md", "-C", str(ROOT)]) == 0
    assert "Universalization" in capsys.readouterr().out


def test_init_creates_a_valid_repository_for_another_treaty(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "atp"
    code, _ = run_json(capsys, "init", str(target), "--conference", "Review Conference of the \"Example\" Treaty",
                          "--short-name", "ERC: 1", "--timezone", "America/New_York", "--start", "2027-03-01",
                          "--presidency-id", "583231", *PACKAGE)
    assert code == 0
    assert main(["validate", str(target)]) == 0
    repo = pygit2.Repository(str(target))
    assert not repo.head_is_unborn and repo.head.shorthand == "main"
    workflows = sorted(p.name for p in (target / ".github" / "workflows").glob("*.yml"))
    assert workflows and PACKAGE[1] in (target / ".github" / "workflows" / workflows[0]).read_text()
    assert "ccmflow-issues.yml" in workflows
    # The issue form offers the new repository's own document, and its reader finds it there.
    form = (target / ".github" / "ISSUE_TEMPLATE" / "propose-input.yml").read_text()
    assert '- "Outcome document of the ERC: 1"' in form
    assert (target / ".github" / "ISSUE_TEMPLATE" / "config.yml").is_file()
    # The support unit's placeholder account may enter e-mailed input and attest its time, once its real id
    # replaces the placeholder; so may the Presidency, for input it received itself.
    from ccmflow.core.roles import Role
    from ccmflow.read.directory import directory_workspace

    workspace, _ = directory_workspace(target)
    assert workspace is not None
    isu = workspace.registry.get("isu")
    assert isu is not None and [a.id for a in isu.accounts] == [0] and Role.RECORD_INPUT in isu.roles
    assert Role.RECORD_INPUT in workspace.registry.get("presidency").roles  # type: ignore[union-attr]
    capsys.readouterr()
    _, status = run_json(capsys, "status", "-C", str(target), "--at", "2027-03-01T12:00")
    assert status["at"].endswith("-05:00")


def test_init_refuses_a_non_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    assert main(["init", str(tmp_path / "x"), *PACKAGE]) == 2
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"


def test_schemas_beside_the_documents_match_the_package() -> None:
    """Editors validate against documents/schemas/; they must be the schemas ccmflow itself uses."""
    for packaged in (ROOT / "ccmflow" / "schemas").glob("*.schema.json"):
        assert (ROOT / "documents" / "schemas" / packaged.name).read_text() == packaged.read_text(), packaged.name


def test_init_installs_the_structural_merge_driver(tmp_path: Path) -> None:
    target = tmp_path / "body"
    assert main(["init", str(target), *PACKAGE]) == 0
    repo = pygit2.Repository(str(target))
    attributes = repo.revparse_single("HEAD:.gitattributes").data.decode()
    assert "documents/*.yaml merge=ccmflow" in attributes
    assert repo.config["merge.ccmflow.driver"] == "ccmflow merge-driver %O %A %B %P"
    assert (target / "documents" / "schemas" / "dispositions.schema.json").is_file()


def test_init_requires_a_package_spec_that_installs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # ccmflow is on no package index: a default `ccmflow==VERSION` would install nothing on the runners.
    assert main(["init", str(tmp_path / "new")]) == 2
    assert "init needs --package" in capsys.readouterr().err and not (tmp_path / "new").exists()
    assert main(["init", str(tmp_path / "new"), "--package", "x; curl evil"]) == 2
    assert not (tmp_path / "new").exists()


def test_init_in_a_clone_of_a_new_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "clone"
    repo = pygit2.init_repository(str(target), initial_head="main")
    (target / "README.md").write_text("# Our process\n")
    _commit(repo, "Initial commit")
    code, data = run_json(capsys, "init", str(target), *PACKAGE)
    assert code == 0 and data["tags"] == ["outcome-document/zero-draft"]
    head = repo.revparse_single("HEAD").peel(pygit2.Commit)
    assert [p.message for p in head.parents] == ["Initial commit"]  # on top of the clone's history
    assert (target / "README.md").read_text() == "# Our process\n"
    assert (target / "documents" / "process.yaml").is_file()
    empty = tmp_path / "empty-clone"
    pygit2.init_repository(str(empty), initial_head="main")
    assert main(["init", str(empty), *PACKAGE]) == 0


def test_init_tags_its_documents_so_diff_against_the_first_version_works(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "body"
    assert main(["init", str(target), *PACKAGE]) == 0
    capsys.readouterr()
    code, data = run_json(capsys, "diff", "outcome-document", "zero-draft", "HEAD", "-C", str(target))
    assert code == 0 and data["changes"] == []


def test_a_version_without_a_tag_is_read_at_its_first_commit(instance: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    repo = pygit2.Repository(str(instance))
    repo.references.delete("refs/tags/review-document/zero-draft")  # a clone without the demo's tags
    first = str(repo.head.target)
    path = instance / "documents" / "review-document.yaml"
    text = path.read_text()
    path.write_text(text.replace("primary international instrument", "main instrument", 1)
                    .replace("  version: zero-draft", "  version: consolidated", 1))
    _commit(repo, "Consolidated")
    assert main(["diff", "review-document", "zero-draft", "HEAD", "-C", str(instance), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["meta"] == {"version": ["zero-draft", "consolidated"]}
    assert f"git tag review-document/zero-draft {first[:10]}" in err
    assert main(["diff", "review-document", "final", "HEAD", "-C", str(instance)]) == 2
    assert "ccmflow release review-document final" in capsys.readouterr().err


def test_validate_flags_the_placeholder_account_init_writes(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "body"
    assert main(["init", str(target), *PACKAGE]) == 0
    assert "replace the placeholder accounts" in capsys.readouterr().out
    code, data = run_json(capsys, "validate", "-C", str(target))
    assert code == 1
    presidency, isu = data["findings"]  # the presidency's and the support unit's: both placeholders, both named
    lines = (target / "documents" / "stakeholders.yaml").read_text().splitlines()
    for finding, login in ((presidency, "presidency-account"), (isu, "isu-account")):
        assert finding["file"] == "documents/stakeholders.yaml" and "placeholder" in finding["message"]
        assert lines[finding["line"] - 1].strip().startswith("- id: 0")
        assert f"gh api users/{login} --jq .id" in finding["hint"]


def _break(instance: Path, name: str = "political-declaration") -> None:
    path = instance / "documents" / f"{name}.yaml"
    path.write_text(path.read_text().replace("kind: operative", "kind: operational", 1))


def test_one_broken_document_does_not_hide_the_others(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _break(instance)
    code, data = run_json(capsys, "show", "review-document", "-C", str(instance))
    assert code == 0 and data["id"] == "review-document"
    assert main(["status", "-C", str(instance), "--at", "2020-05-04T12:00", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["phase"] and "political-declaration.yaml" in err and "ccmflow validate" in err
    # The broken one itself still says what is wrong with it, and only that.
    code, data = run_json(capsys, "show", "political-declaration", "-C", str(instance))
    assert code == 1 and {f["file"] for f in data["findings"]} == {"documents/political-declaration.yaml"}


def test_errors_under_json_are_json(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "diff", "review-document", "nope", "HEAD", "-C", str(instance))
    assert code == 2 and data["ok"] is False and "unknown revision 'nope'" in data["error"]


def test_new_id_counts(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["new-id", "-n", "0", "-C", str(ROOT)])
    assert stopped.value.code == 2 and "from 1 to" in capsys.readouterr().err
    code, data = run_json(capsys, "new-id", "-n", "3000", "-C", str(ROOT))
    assert code == 0 and len(set(data["ids"])) == 3000


def test_new_id_is_linear_in_the_count(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Counted, not timed: how many ids the "taken" sets handed to new_id hold in all. Quadratic work would
    # copy every id made so far for each new one (about n*n/2 for n ids).
    from ccmflow.write import edit

    seen: list[object] = []  # the sets themselves, kept alive so that no two can share an id()
    original = edit.new_id

    def counting(taken: object) -> str:
        seen.append(taken)
        return original(taken)  # type: ignore[arg-type]

    monkeypatch.setattr(edit, "new_id", counting)  # the command imports it when it runs
    assert main(["new-id", "-n", "500", "-C", str(ROOT)]) == 0
    assert len(capsys.readouterr().out.split()) == 500
    assert len({id(taken) for taken in seen}) == 1  # one set of taken ids, grown in place, never copied


def test_demo_takes_a_folder_to_run_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "demo", "-C", str(tmp_path), "--out", "here")
    assert code == 0 and Path(data["out"]).resolve() == (tmp_path / "here").resolve()
    assert (tmp_path / "here" / "summary" / "review-document.md").is_file()
