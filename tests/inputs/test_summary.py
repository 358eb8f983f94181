"""The consolidation summary over real repositories: sections, overlaps, co-sponsors, timing, invalid inputs."""

from __future__ import annotations

import io
import json
import re

import pytest
from gitutil import commit, signature
from inputkit import DEADLINE, WINDOW, Edit, Process, append, chain, delete, insert, set_text, utc
from msgspec.structs import replace
from rich.console import Console
from roots import REPO_ROOT

from ccmflow.core.status import Verdict
from ccmflow.inputs.collect import collect
from ccmflow.inputs.compile import compile_inputs, render_markdown
from ccmflow.inputs.summary import Summary, build
from ccmflow.inputs.summary_render import markdown, markdown_parts, renderables
from ccmflow.main import main

AFTER = utc(5, 8)
NEW_TEXT = "Since the First Review Conference, the Convention has kept growing in every region of the world."
OTHER_TEXT = "Since the First Review Conference, States from every region have joined the Convention."


def _summary(proc: Process, **options: object):  # type: ignore[no-untyped-def]
    return build(collect(proc.store, "review-document", now=AFTER, **options))  # type: ignore[arg-type]


def _terminal(summary: Summary) -> str:
    """The summary as `ccmflow summary` prints it in a terminal."""
    out = io.StringIO()
    for item in renderables(summary):
        Console(file=out, width=300).print(item)
    return out.getvalue()


def _move(pid: str, section: str, after: str | None) -> Edit:
    return lambda editor: editor.move(pid, section, after)


def _field(pid: str, key: str, value: list[str]) -> Edit:
    return lambda editor: editor.set_field(pid, key, value)


def test_overlapping_and_cosponsored_proposals(proc: Process) -> None:
    proc.submit(1, "austria", set_text("pkp3nvcv", NEW_TEXT), utc(4, 20), body="Austria's remarks.")
    proc.submit(2, "chile", set_text("pkp3nvcv", NEW_TEXT), utc(4, 21))
    proc.submit(3, "icrc", set_text("pkp3nvcv", OTHER_TEXT), utc(4, 22))
    proc.submit(4, "cmc", insert("victim-assistance", "pnppccgp", "pnewcmc01", "Survivors need funding."), utc(4, 23))
    proc.submit(5, "kenya", insert("victim-assistance", "pnppccgp", "pnewken01", "Survivors need funding."),
                utc(4, 24))
    proc.sync()
    summary = _summary(proc)
    universal = next(s for s in summary.sections if s.id == "universalization")
    assert [e.input for e in universal.entries] == ["pr-1", "pr-2", "pr-3"]
    assert universal.entries[0].amends == ("5 (pkp3nvcv)",)
    assert universal.entries[0].justification == "Austria's remarks."  # the description of its own PR
    (overlap,) = universal.overlaps
    assert overlap.inputs == ("pr-1", "pr-2", "pr-3") and overlap.proposals == 2
    (group,) = universal.cosponsored
    assert group.kind == "amend" and group.delegations == ("Austria", "Chile")
    # The excerpt is the amendment itself, not the start of the paragraph that both texts share.
    assert group.text == f"rewrites it: “{NEW_TEXT}”"
    victims = next(s for s in summary.sections if s.id == "victim-assistance")
    assert victims.entries[0].inserts == ("new (pnewcmc01) after 23 (pnppccgp)",)
    assert [(g.kind, g.inputs) for g in victims.cosponsored] == [("insert", ("pr-4", "pr-5"))]
    assert not victims.overlaps  # new paragraphs have ids of their own
    assert dict(summary.by_category) == {"state-party": 2, "signatory-state": 1, "international-organisation": 1,
                                         "civil-society": 1}
    text = markdown(summary)
    assert "| #1 | Austria (State Party) | `5 (pkp3nvcv)` |" in text
    assert "| State Party | 2 |" in text and "| Civil society | 1 |" in text and "state-party" not in text
    assert "#1, #2, #3 (2 different proposals)" in text
    assert "Amendment to `5 (pkp3nvcv)` by #1 (Austria), #2 (Chile): rewrites it: “Since the First" in text


def test_moves_new_first_paragraphs_and_other_fields_are_named(proc: Process) -> None:
    """A paragraph moved to another section shows in both, as a move; a paragraph proposed first in its section
    says so; two delegations moving and rewriting a paragraph alike co-sponsor all of it."""
    proc.submit(1, "austria", _move("pkp3nvcv", "stockpile-destruction", None), utc(4, 20))
    proc.submit(2, "chile", insert("universalization", None, "pnewfirst", "A first paragraph for the section."),
                utc(4, 21))
    both = chain(set_text("plo6mh6s", "Six, rewritten by two."),
                 _field("plo6mh6s", "references", ["review-document#pkp3nvcv"]),
                 _move("plo6mh6s", "transparency", None))
    proc.submit(3, "icrc", both, utc(4, 22))
    proc.submit(4, "cmc", both, utc(4, 23))
    proc.sync()
    summary = _summary(proc)
    sections = {s.id: s for s in summary.sections}
    universal = sections["universalization"]
    assert [(e.input, e.amends, e.moves, e.inserts) for e in universal.entries] == [
        ("pr-1", (), ("5 (pkp3nvcv)",), ()), ("pr-2", (), (), ("new (pnewfirst) first in the section",)),
        ("pr-3", ("6 (plo6mh6s)",), ("6 (plo6mh6s)",), ()), ("pr-4", ("6 (plo6mh6s)",), ("6 (plo6mh6s)",), ())]
    assert [e.input for e in sections["stockpile-destruction"].entries] == ["pr-1"]
    assert [e.input for e in sections["transparency"].entries] == ["pr-3", "pr-4"]
    (group,) = sections["transparency"].cosponsored
    assert group.text == "rewrites it: “Six, rewritten by two.”; changes references; moves it to transparency"
    text = markdown(summary)
    assert "| #1 | Austria (State Party) | `moves 5 (pkp3nvcv)` | — | — |" in text
    assert "`new (pnewfirst) first in the section`" in text
    shown = _terminal(summary)
    assert "overlap on 6 (plo6mh6s): pr-3, pr-4 (1 proposals)" in shown
    assert "co-sponsored amend 6 (plo6mh6s): International Committee of the Red Cross, Cluster Munition Coalition" \
        in shown
    assert "moves 5 (pkp3nvcv)" in shown and "new (pnewfirst) first in the section" in shown


def test_timing_comes_from_the_ledger_never_from_commit_dates(proc: Process) -> None:
    proc.submit(1, "austria", append("pkp3nvcv", "One."), utc(5, 4, 20))
    proc.submit(2, "kenya", delete("pabmu3fk"), utc(5, 5, 9))
    proc.submit(3, "mexico", append("pvs7vs65", "Three."), utc(5, 5, 8))
    proc.accept(3, utc(5, 6))
    proc.submit(4, "chile", append("pc2cyt73", "Four."), utc(4, 30))
    proc.close(4)
    proc.sync()
    # A ref the ledger does not know: its author is unverified and its timing unknown, whatever its date says.
    stray = commit(proc.repo, {"documents/review-document.yaml": proc.text().replace(
        "Victim assistance", "Assistance to victims", 1)}, "mine", branch=None, parents=[proc.base])
    proc.pull(9, str(stray))
    collected = collect(proc.store, "review-document", now=AFTER)
    timing = {i.name: i.timing for i in collected.inputs}
    assert timing == {"pr-1": Verdict.ON_TIME, "pr-2": Verdict.LATE, "pr-3": Verdict.LATE_ACCEPTED,
                      "pr-9": Verdict.UNKNOWN}
    assert collected.withdrawn == ("pr-4",)
    stray_input = next(i for i in collected.inputs if i.name == "pr-9")
    assert not stray_input.verified and stray_input.who == "Test Author (unverified)"
    summary = build(collected)
    assert dict(summary.by_timing) == {Verdict.ON_TIME: 1, Verdict.LATE_ACCEPTED: 1, Verdict.LATE: 1,
                                       Verdict.UNKNOWN: 1}
    assert any("unverified" in note for note in summary.notes)
    assert any("pr-4" in note for note in summary.notes)



def test_inputs_not_shown_are_noted_and_an_unregistered_author_is_named(proc: Process) -> None:
    proc.submit(1, "stranger", append("pkp3nvcv", "From outside the registry."), utc(4, 20))
    proc.submit(2, "chile", append("pc2cyt73", "Not fetched here."), utc(4, 21))
    proc.submit(3, "mexico", append("pvs7vs65", "Judged for the consolidated version."), utc(4, 22))
    old = proc.records[3]
    proc.records[3] = replace(old, log=replace(old.log, pinned={"review-document": "review-consolidated-input"}))
    proc.sync()
    proc.repo.references.delete("refs/pull/2/head")
    summary = _summary(proc)
    assert [e.input for s in summary.sections for e in s.entries] == ["pr-1"]
    assert summary.notes[:2] == (
        "1 open input(s) known to the bot have no local ref (pr-2): run git fetch origin "
        "'+refs/pull/*/head:refs/pull/*/head' 'refs/ccmflow/*:refs/ccmflow/*'",
        "not shown, judged in another window: pr-3")
    row = next(line for line in markdown(summary).splitlines() if line.startswith("| #1 |"))
    assert row.startswith("| #1 | someone-else (unregistered) | `5 (pkp3nvcv)` |")


def test_an_unverified_author_is_said_once(proc: Process) -> None:
    stray = commit(proc.repo, {"documents/review-document.yaml": proc.text().replace(
        "primary international instrument", "main instrument", 1)}, "mine", branch=None, parents=[proc.base])
    proc.pull(9, str(stray))
    summary = _summary(proc)
    row = next(line for line in markdown(summary).splitlines() if line.startswith("| #9 |"))
    assert row.count("unverified") == 1 and "| ⚠ Test Author (unverified) |" in row
    terminal = io.StringIO()
    for item in renderables(summary):
        Console(file=terminal, width=400).print(item)
    shown = terminal.getvalue()
    assert "Test Author (unverified)" in shown and "(unverified) (unverified)" not in shown
    assert "Unverified" in shown  # the counts by category, as people read them
    compiled = compile_inputs(collect(proc.store, "review-document", now=AFTER))
    sponsors = [s for section in compiled.sections for row in section.rows for a in row.alternatives
                for s in a.sponsors]
    assert sponsors == ["Test Author (unverified)"]


def test_before_the_deadline_every_version_counts(proc: Process) -> None:
    proc.submit(1, "austria", append("pkp3nvcv", "First."), utc(4, 20))
    proc.submit(1, "austria", append("pkp3nvcv", "Second."), utc(4, 25))
    proc.sync()
    (item,) = collect(proc.store, "review-document", now=utc(4, 30)).inputs
    assert item.timing == Verdict.ON_TIME and item.later is None and "Second." in item.diff.changes[0].new.text  # type: ignore


def test_a_change_after_the_deadline_is_late_and_the_on_time_version_counts(proc: Process) -> None:
    first = proc.submit(1, "austria", append("pkp3nvcv", "On time."), utc(5, 4, 20))
    late = proc.submit(1, "austria", append("pkp3nvcv", "Too late."), utc(5, 5, 9))
    proc.sync()
    (item,) = collect(proc.store, "review-document", now=AFTER).inputs
    assert (item.sha, item.timing, item.later) == (first, Verdict.ON_TIME, late)
    assert "On time." in item.diff.changes[0].new.text  # type: ignore[union-attr]
    summary = build(collect(proc.store, "review-document", now=AFTER))
    (entry,) = summary.sections[0].entries
    assert entry.later is not None and "late, not counted" in entry.later
    assert "+ later change (late)" in _terminal(summary)


def test_an_input_on_two_sections_says_its_timing_in_both(proc: Process) -> None:
    proc.submit(1, "austria", chain(append("pkp3nvcv", "On time."), append("pabmu3fk", "Also.")), utc(5, 4, 20))
    proc.submit(1, "austria", chain(append("pkp3nvcv", "Late."), append("pabmu3fk", "Late too.")), utc(5, 5, 9))
    proc.submit(2, "kenya", append("pabmu3fk", "Kenya's."), utc(5, 4, 21))
    proc.sync()
    summary = build(collect(proc.store, "review-document", now=AFTER))
    entries = {(s.id, e.input): e for s in summary.sections for e in s.entries}
    first, second = entries["universalization", "pr-1"], entries["stockpile-destruction", "pr-1"]
    assert first.received == second.received and first.received is not None and "4 May 2020" in first.received
    assert first.later == second.later and first.later is not None and "late, not counted" in first.later
    kenya = entries["stockpile-destruction", "pr-2"]
    assert kenya.received is not None and kenya.received != first.received and kenya.later is None


def test_invalid_inputs_are_listed_apart(proc: Process) -> None:
    broken = proc.text().replace("      - id: pmlwtap6\n        kind: narrative\n",
                                 "      - id: pmlwtap6\n         kind: narrative\n", 1)
    proc.submit(1, "austria", broken, utc(4, 20), title="Broken")
    proc.submit(2, "chile", append("pkp3nvcv", "Fine."), utc(4, 20))
    proc.sync()
    summary = _summary(proc)
    assert [e.input for s in summary.sections for e in s.entries] == ["pr-2"]
    (invalid,) = summary.invalid
    assert invalid.input == "pr-1" and invalid.title == "Broken"
    assert "documents/review-document.yaml:" in invalid.problems[0] and "not valid YAML" in invalid.problems[0]
    assert "## Invalid inputs (1)" in markdown(summary)
    shown = _terminal(summary)
    assert "Invalid inputs (not included above)" in shown and "pr-1" in shown and "not valid YAML" in shown


def test_inputs_aimed_at_rewritten_text_need_a_rebase(proc: Process) -> None:
    proc.submit(1, "austria", append("pkp3nvcv", "Austria."), utc(4, 20))
    proc.submit(2, "chile", append("pc2cyt73", "Chile."), utc(4, 20))
    proc.sync()
    # The consolidated version lands on main and rewrites paragraph 5.
    text = proc.text().replace("Since the First Review Conference, [number] States",
                               "Since 2015, [number] States", 1)
    commit(proc.repo, {"documents/review-document.yaml": text}, "consolidated version")
    summary = _summary(proc)
    assert summary.stale == (("pr-1", "5 (pkp3nvcv) rewritten since the input was made"),)
    assert "## Inputs to rebase" in markdown(summary)
    assert "Inputs to rebase: pr-1 (5 (pkp3nvcv) rewritten since the input was made)" in _terminal(summary)


def test_branch_refs_and_other_patterns(proc: Process) -> None:
    sha = proc.version(append("pkp3nvcv", "A branch."))
    proc.repo.references.create("refs/heads/input/austria", proc.repo[sha].id)
    collected = collect(proc.store, "review-document", refs="refs/heads/input/*", now=AFTER)
    (item,) = collected.inputs
    assert item.name == "input/austria" and item.timing == Verdict.UNKNOWN and not item.verified
    assert collect(proc.store, "review-document", now=AFTER).inputs == ()


def test_warm_run_reads_the_cache_and_gives_the_same_answer(proc: Process) -> None:
    for n in range(1, 6):
        proc.submit(n, "austria", append("pkp3nvcv", f"Version {n}."), utc(4, 20 + n))
    proc.sync()
    cold = collect(proc.store, "review-document", now=AFTER)
    warm = collect(proc.store, "review-document", now=AFTER)
    assert cold.computed == 5 and warm.computed == 0
    assert cold.inputs == warm.inputs


def test_markdown_is_cut_into_parts_under_the_limit(proc: Process) -> None:
    remarks = "A long explanation. " * 200
    for n in range(1, 31):
        proc.submit(n, "austria", append("pkp3nvcv", f"Variant {n}."), utc(4, 20), body=remarks)
    proc.sync()
    summary = _summary(proc)
    parts = markdown_parts(summary, limit=8_000)
    assert len(parts) > 2 and all(len(p) <= 8_000 for p in parts)
    joined = "\n".join(parts)
    assert all(f"| #{n} |" in joined for n in range(1, 31))
    assert sum("| Input | Delegation |" in p for p in parts) >= 2  # the table header starts each piece
    assert markdown_parts(summary) == [markdown(summary)]


def test_untrusted_text_is_made_inert(proc: Process) -> None:
    proc.submit(1, "austria", append("pkp3nvcv", "x"), utc(4, 20),
                title="<img src=x onerror=alert(1)> @everyone | cell [/bold] [link=http://x]",
                body="<!-- hidden -->**bold** `code` \x1b[2J [/]")
    proc.sync()
    summary = _summary(proc)
    text = markdown(summary)
    assert "<img" not in text and "@everyone" not in text and "| cell" not in text
    assert "hidden" not in text
    console = Console(file=io.StringIO(), width=200)
    for item in renderables(summary):
        console.print(item)  # no markup error: PR text is never read as rich markup
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[/bold] [link=http://x]" in shown and "\x1b" not in shown


def test_rich_renderables_and_cli(proc: Process, capsys: pytest.CaptureFixture[str]) -> None:
    proc.submit(1, "austria", set_text("pkp3nvcv", NEW_TEXT), utc(4, 20))
    proc.sync()
    assert len(renderables(_summary(proc))) >= 4
    repo = str(proc.path)
    assert main(["summary", "review-document", "-C", repo, "--at", "2020-05-08", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["window"] == WINDOW and data["sections"][0]["inputs"][0]["timing"] == Verdict.ON_TIME
    assert main(["summary", "review-document", "-C", repo, "--at", "2020-05-08", "--format", "md"]) == 0
    assert "# Consolidation summary" in capsys.readouterr().out
    assert main(["summary", "review-document", "-C", repo, "--at", "2020-05-08"]) == 0
    assert "Universalization" in capsys.readouterr().out
    assert main(["summary", "review-document", "-C", repo, "--window", "nope"]) == 2


def test_deadline_constant_matches_the_process(proc: Process) -> None:
    window = proc.store.require(proc.base).process.window(WINDOW)
    assert window is not None and window.closes == DEADLINE
    assert signature().time  # gitutil's fixed signature: commit dates play no part in timing


def test_every_category_of_the_registry_has_a_name_people_read() -> None:
    from ccmflow.core.categories import OUTSIDE_REGISTRY, Category, category_label

    schema = json.loads((REPO_ROOT / "ccmflow/schemas/stakeholders.schema.json")
                        .read_text("utf-8"))
    ids = schema["properties"]["stakeholders"]["items"]["properties"]["category"]["enum"]
    assert set(ids) | OUTSIDE_REGISTRY == set(Category)
    assert [category_label(c) for c in ("state-party", "civil-society", "implementation-support-unit")] == [
        "State Party", "Civil society", "Implementation Support Unit"]


@pytest.mark.parametrize("command", ["summary", "compile"])
def test_a_clone_without_the_pull_request_refs_says_why_there_is_nothing(
        proc: Process, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "review-document", "-C", str(proc.path), "--at", "2020-05-08"]) == 0
    err = capsys.readouterr().err
    assert "no ref matches refs/pull/*/head" in err and "git clone does not fetch pull requests" in err
    assert "git fetch origin '+refs/pull/*/head:refs/pull/*/head' 'refs/ccmflow/*:refs/ccmflow/*'" in err
    proc.submit(1, "austria", append("pkp3nvcv", "One."), utc(4, 20))
    assert main([command, "review-document", "-C", str(proc.path), "--at", "2020-05-08"]) == 0
    assert "no ref matches" not in capsys.readouterr().err


def test_a_document_no_window_covers_is_summarised_and_compiled_as_such(proc: Process) -> None:
    """The timeline gives the Review Document no input window (yet): its inputs are shown, each 'no input
    window', and neither the summary nor the compilation names a window."""
    text = re.sub(r"  - id: [a-z-]+\n    document: review-document\n(    .*\n)+", "",
                  proc.text("documents/process.yaml"))
    proc.base = commit(proc.repo, {"documents/process.yaml": text}, "the review windows left out")
    proc.submit(1, "austria", append("pkp3nvcv", "One."), utc(4, 20))
    proc.sync()
    collected = collect(proc.store, "review-document", now=AFTER)
    summary = build(collected)
    assert collected.window is None and dict(summary.by_timing) == {Verdict.NO_WINDOW: 1}
    text = markdown(summary)
    assert "**Window:**" not in text and "| no input window | 1 |" in text
    compiled = compile_inputs(collected)
    assert compiled.window is None
    assert render_markdown(compiled).splitlines()[2].startswith("1 valid input(s).")


def test_branches_that_do_not_touch_the_document_are_left_out_and_progress_is_told(proc: Process) -> None:
    sha = proc.version(append("pkp3nvcv", "A branch."))
    proc.repo.references.create("refs/heads/input/austria", proc.repo[sha].id)
    plan = "documents/lausanne-action-plan.yaml"
    other = proc.version(lambda editor: editor.set_text("pc55zbxv", "Promote adherence, always."), path=plan)
    proc.repo.references.create("refs/heads/input/chile", proc.repo[other].id)
    told: list[tuple[int, int]] = []
    collected = collect(proc.store, "review-document", refs="refs/heads/input/*", now=AFTER,
                        progress=lambda done, total: told.append((done, total)))
    assert [i.name for i in collected.inputs] == ["input/austria"] and told == [(1, 2), (2, 2)]


def test_an_input_proposing_a_new_section_is_summarised_under_it(proc: Process) -> None:
    commitments = ("  - id: commitments\n    title: Commitments\n    paragraphs:\n      - id: pnewsect1\n"
                   "        kind: narrative\n        text: The States Parties commit to report each year.\n")
    proc.submit(1, "icrc", proc.text() + commitments, utc(4, 20))
    proc.sync()
    summary = _summary(proc)
    last = summary.sections[-1]
    assert (last.id, last.title) == ("commitments", "commitments")
    assert [(e.input, e.inserts) for e in last.entries] == [("pr-1", ("new (pnewsect1) first in the section",))]


def test_nothing_to_summarise_says_why(proc: Process, capsys: pytest.CaptureFixture[str]) -> None:
    repo = str(proc.path)
    assert main(["summary", "review-document", "-C", repo, "--at", "2020-05-08", "--refs", "refs/heads/input/*"]) == 0
    assert "no input is here: no ref matches refs/heads/input/*" in capsys.readouterr().err
    assert main(["summary", "atlantis", "-C", repo, "--at", "2020-05-08"]) == 2
    assert ("no document 'atlantis' at HEAD (known: lausanne-action-plan, political-declaration, review-document)"
            in capsys.readouterr().err)
