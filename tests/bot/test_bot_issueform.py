"""The issue form end to end: GitHub's `issues` payloads through the entry point, real git, the HTTP fake of GitHub."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pygit2
import pytest
from botkit import AUSTRIA, BOT_LOGIN, FIRST, PRESIDENCY, REVIEW, STRANGER, World, form, load_payload, run_issue

from ccmflow.core.submissions import decode
from ccmflow.read.load import parse_text
from ccmflow.repo.ledger import read_ledger, read_manifest
from ccmflow.repo.store import Store

OPENED = "2020-04-20T10:00:00Z"
INSERT = "Insert a new paragraph after a paragraph"
EDITED = "2020-04-22T09:30:00Z"
TARGET = "pkp3nvcv"  # paragraph 5 of the Review Document
SECOND = "Since the First Review Conference, 111 States have joined the Convention."


def on_branch(w: World, sha: str, path: str) -> str:
    commit = w.origin[sha].peel(pygit2.Commit)
    blob = w.origin[commit.tree[path].id]
    assert isinstance(blob, pygit2.Blob)
    return blob.data.decode("utf-8")


def texts(yaml_text: str) -> dict[str, str]:
    parsed = parse_text(REVIEW, yaml_text)
    assert parsed.record is not None and not parsed.findings
    return {p.id: p.text for _, p in parsed.record.walk()}  # type: ignore[union-attr]


def pulls(w: World) -> list[dict[str, Any]]:
    return [w.fake.pull(i.number) for i in w.fake.state.pulls()]


def form_comments(w: World, number: int) -> list[str]:
    return [c["body"] for c in w.bot_comments(number) if "<!-- ccmflow:issue-form -->" in c["body"]]


def test_a_filled_form_becomes_a_triaged_pull_request_and_an_edit_a_new_version(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    out = run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    assert "pull request #2 opened" in out
    (pull,) = pulls(world)
    assert pull["user"]["login"] == BOT_LOGIN and pull["head"]["ref"] == "input/issue-1"
    assert "#1" in pull["body"] and "Austria" in pull["title"]
    (comment,) = form_comments(world, 1)
    assert "pull request #2" in comment and world.fake.issue(1)["state"] == "open"
    # The document changed structurally: paragraph 5 and nothing else; the input's record beside it.
    head = pull["head"]["sha"]
    before, after = texts(world.text(REVIEW)), texts(on_branch(world, head, REVIEW))
    assert after[TARGET] == FIRST
    assert {k: v for k, v in after.items() if k != TARGET} == {k: v for k, v in before.items() if k != TARGET}
    record = on_branch(world, head, "documents/inputs/review-document/issue-1.yaml")
    assert "channel: issue-form" in record and "austria" in record and "issue: 1" in record
    # Triaged in the same run, with the issue's time and credited to the delegation.
    assert {"doc:review-document", "from:state-party"} <= world.fake.issue_labels(2)
    assert world.fake.statuses(head)["ccmflow/deadline"]["state"] == "success"
    log = decode(world.status_comment(2))
    assert log is not None
    assert [(r.sha, r.received, r.source) for r in log.receipts] == [
        (head, datetime(2020, 4, 20, 10, tzinfo=UTC), "issue-created")]
    assert "Austria" in world.status_comment(2)

    # An edit of the issue: the same pull request, a new head, a new version at the edit's time.
    out = run_issue(world, world.edit_issue(1, form(text=SECOND), at=EDITED), EDITED)
    assert "pull request #2 updated" in out
    (pull,) = pulls(world)
    assert pull["head"]["sha"] != head
    assert texts(on_branch(world, pull["head"]["sha"], REVIEW))[TARGET] == SECOND
    log = decode(world.status_comment(2))
    assert log is not None
    assert [(r.received, r.source) for r in log.receipts] == [
        (datetime(2020, 4, 20, 10, tzinfo=UTC), "issue-created"),
        (datetime(2020, 4, 22, 9, 30, tzinfo=UTC), "issue-edited")]
    assert len(form_comments(world, 1)) == 1 and len(world.bot_comments(2)) == 1
    # The same event again (a re-run): no new version, nothing new posted.
    run_issue(world, world.issue_event("edited", 1), EDITED)
    assert len(decode(world.status_comment(2)).receipts) == 2  # type: ignore[union-attr]
    assert len(pulls(world)) == 1


def test_an_edit_that_changes_nothing_makes_no_new_version_even_for_a_new_paragraph(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    body = form(kind=INSERT, text="A new paragraph proposed through the form.")
    run_issue(world, world.open_issue(body, at=OPENED), OPENED)
    (pull,) = pulls(world)
    head = pull["head"]["sha"]
    # The author edits the issue and saves the same form (GitHub sends `edited`, with a new updated_at).
    out = run_issue(world, world.edit_issue(1, body, at=EDITED), EDITED)
    (pull,) = pulls(world)
    assert pull["head"]["sha"] == head, out  # the new paragraph keeps its id: the same commit, no new version
    log = decode(world.status_comment(2))
    assert log is not None and [r.sha for r in log.receipts] == [head]


def test_an_edit_by_someone_other_than_the_author_changes_nothing(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    (pull,) = pulls(world)
    payload = world.edit_issue(1, form(text=SECOND), at=EDITED)
    payload["sender"].update(login=STRANGER[0], id=STRANGER[1])  # a maintainer, or anyone who may edit issues
    out = run_issue(world, payload, EDITED)
    assert "not by its author" in out
    assert pulls(world)[0]["head"]["sha"] == pull["head"]["sha"]
    log = decode(world.status_comment(2))
    assert log is not None and len(log.receipts) == 1


def test_a_title_edit_by_the_author_does_not_make_another_accounts_text_the_authors(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    (pull,) = pulls(world)
    payload = world.edit_issue(1, form(text=SECOND), at=EDITED)
    payload["sender"].update(login=STRANGER[0], id=STRANGER[1])
    payload["changes"] = {"body": {"from": form()}}
    run_issue(world, payload, EDITED)
    # The author then renames the issue: GitHub says only the title changed, and the body still holds the other
    # account's text.
    retitled = world.issue_event("edited", 1)
    retitled["changes"] = {"title": {"from": "Input"}}
    out = run_issue(world, retitled, "2020-04-23T10:00:00Z")
    assert "only its title was edited" in out
    assert pulls(world)[0]["head"]["sha"] == pull["head"]["sha"]
    log = decode(world.status_comment(2))
    assert log is not None and len(log.receipts) == 1
    # An edit of the body by the author is a new version, as always.
    edited = world.issue_event("edited", 1)
    edited["changes"] = {"body": {"from": form(text=SECOND)}}
    run_issue(world, edited, "2020-04-24T10:00:00Z")
    log = decode(world.status_comment(2))
    assert log is not None and len(log.receipts) == 2


def test_the_ledger_and_the_freeze_credit_the_issue_author_not_the_bot(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    (pull,) = pulls(world)
    result = world.run("schedule", {"schedule": "5 * * * *"}, now="2020-05-06T09:05:00Z")
    assert result.code == 0, result.err
    record = read_ledger(Store(world.origin.path)).get(2)
    assert record is not None and (record.author_id, record.author_login) == (AUSTRIA[1], AUSTRIA[0])
    manifest = read_manifest(Store(world.origin.path), "review-zero-draft-input")
    frozen = manifest.get(2) if manifest is not None else None
    assert frozen is not None and frozen.sha == pull["head"]["sha"] and frozen.stakeholder == "austria"


def test_a_broken_form_gets_one_comment_saying_what_to_fix_and_stays_open(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    payload = world.open_issue(form(paragraph="99", text="_No response_"), at=OPENED)
    out = run_issue(world, payload, OPENED)
    assert "cannot be used (2 to fix)" in out
    (comment,) = form_comments(world, 1)
    assert "Paragraph: Lausanne Review Document has no paragraph '99'" in comment
    assert "Proposed text or remark: empty" in comment
    run_issue(world, payload, OPENED)  # a re-run repeats nothing
    assert len(world.bot_comments(1)) == 1 and world.fake.issue(1)["state"] == "open" and not pulls(world)
    # Fixed by an edit: the pull request is opened then, received at the edit's time; the one comment says so.
    run_issue(world, world.edit_issue(1, form(), at=EDITED), EDITED)
    (comment,) = form_comments(world, 1)
    assert "pull request #2" in comment
    log = decode(world.status_comment(2))
    assert log is not None and [(r.received, r.source) for r in log.receipts] == [
        (datetime(2020, 4, 22, 9, 30, tzinfo=UTC), "issue-edited")]


def test_a_form_before_the_window_opens_or_from_an_unregistered_account_is_answered(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    early = form(document="Lausanne Action Plan 2021-2025", paragraph="Action 1")
    run_issue(world, world.open_issue(early, at=OPENED), OPENED)
    (comment,) = form_comments(world, 1)
    assert "is not open yet" in comment and "9 June 2020" in comment
    run_issue(world, world.open_issue(form(), at=OPENED, user=STRANGER), OPENED)
    (comment,) = form_comments(world, 2)
    assert "not in the registry of delegations" in comment
    run_issue(world, world.open_issue(form(behalf="Chile"), at=OPENED, user=AUSTRIA), OPENED)
    (comment,) = form_comments(world, 3)
    assert "not registered for Chile" in comment
    assert not pulls(world)


def test_an_issue_not_written_with_the_form_is_left_alone(world: World) -> None:
    payload = load_payload("issues", "opened.1.json")
    number = world.fake.add_issue(title="A question", body=payload["issue"]["body"], user_login=AUSTRIA[0],
                                  user_id=AUSTRIA[1], created_at=OPENED, updated_at=OPENED)
    out = run_issue(world, world.issue_event("opened", number), OPENED)
    assert "not written with the input form" in out
    assert not world.bot_comments(number) and not pulls(world)



@pytest.mark.parametrize("state", ["open", "closed"])
def test_a_maintainers_pull_request_from_the_forms_branch_neither_takes_nor_blocks_the_next_edit(
        world: World, state: str) -> None:
    """The form's pull request is the bot's own, from `input/issue-<n>` into the default branch: a maintainer's
    pull request from that branch into another base (say, to try the input on a consolidation branch) is not it."""
    world.fake.use_git(world.tmp / "origin.git")
    run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    (ours,) = pulls(world)
    theirs = world.fake.add_pull(title="Try #1 on the consolidation branch", user_login=PRESIDENCY[0],
                                 user_id=PRESIDENCY[1], head_sha=ours["head"]["sha"], head_ref="input/issue-1",
                                 base_ref="consolidate/review-document", created_at=EDITED)
    world.fake.set_pull(theirs, state=state)
    out = run_issue(world, world.edit_issue(1, form(text=SECOND), at=EDITED), EDITED)
    assert f"pull request #{ours['number']} updated" in out, out
    bots = world.fake.pull(ours["number"])
    assert texts(on_branch(world, bots["head"]["sha"], REVIEW))[TARGET] == SECOND
    assert world.fake.pull(theirs)["title"] == "Try #1 on the consolidation branch"  # not rewritten by the bot
    log = decode(world.status_comment(ours["number"]))
    assert log is not None and [r.source for r in log.receipts] == ["issue-created", "issue-edited"]
    (comment,) = form_comments(world, 1)
    assert f"pull request #{ours['number']}" in comment and f"#{theirs}" not in comment


def test_an_edit_to_another_paragraph_retitles_the_pull_request(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    (pull,) = pulls(world)
    assert "paragraph 5" in pull["title"]
    run_issue(world, world.edit_issue(1, form(paragraph="6", text=SECOND), at=EDITED), EDITED)
    (pull,) = pulls(world)
    assert "paragraph 6" in pull["title"] and "paragraph 5" not in pull["title"]
    assert "paragraph 6" in pull["body"]
    assert texts(on_branch(world, pull["head"]["sha"], REVIEW))["plo6mh6s"] == SECOND


@pytest.mark.parametrize("state", ["closed", "merged"])
def test_an_edit_after_the_pull_request_was_closed_or_merged_is_not_applied(world: World, state: str) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    (pull,) = pulls(world)
    if state == "merged":
        world.fake.set_pull(pull["number"], merged=True)
    else:
        world.fake.set_pull(pull["number"], state="closed")
    out = run_issue(world, world.edit_issue(1, form(text=SECOND), at=EDITED), EDITED)
    assert f"#1: its pull request #{pull['number']} is {state}; the edit was not applied" in out
    (comment,) = form_comments(world, 1)
    assert f"pull request #{pull['number']} with your input is {state}, so this edit was not applied" in comment
    assert pulls(world)[0]["head"]["sha"] == pull["head"]["sha"]
    log = decode(world.status_comment(pull["number"]))
    assert log is not None and len(log.receipts) == 1


def test_a_form_proposing_the_current_text_is_answered_with_what_to_fix(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    current = texts(world.text(REVIEW))[TARGET]
    run_issue(world, world.open_issue(form(text=current), at=OPENED), OPENED)
    (comment,) = form_comments(world, 1)
    assert "the proposed text is the current text of paragraph 5" in comment and "make a remark" in comment
    assert not pulls(world)


@pytest.mark.parametrize("case", ["closed issue", "pull request"])
def test_a_closed_issue_or_a_pull_request_is_not_read_as_a_form(world: World, case: str) -> None:
    payload = world.open_issue(form(), at=OPENED)
    if case == "closed issue":
        payload["issue"]["state"] = "closed"
        why = "#1 is closed: its form is no longer read"
    else:
        payload["issue"]["pull_request"] = {"url": f"{world.fake.base_url}/repos/{world.fake.full_name}/pulls/1"}
        why = "#1 is a pull request, not an issue form"
    out = run_issue(world, payload, OPENED)
    assert f"ignored: {why}" in out
    assert world.fake.requests == []
