"""The conference week through the bot: who may record a paragraph's status, and agreed text on pull requests."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pygit2
import pytest
from botkit import AUSTRIA, PRESIDENCY, REVIEW, STRANGER, World, edit

from ccmflow.core.agreement import ParagraphStatus, StatusEntry
from ccmflow.core.model import paragraph_label
from ccmflow.repo.statusref import read_status, record_status, status_ref
from ccmflow.repo.store import Store

NZ = ("nz-disarmament-geneva", 52906317)  # facilitates the introduction and universalization
AT = "2020-11-24T16:00:00Z"
UNIVERSALIZATION = "plo6mh6s"  # paragraph 6, no bracket
STOCKPILES = "pabmu3fk"  # paragraph 11, stockpile destruction (South Africa facilitates it)
PARA_6 = "Successive Presidencies and the Coordinators on universalization pursued bilateral"


def _statuses(world: World) -> dict[str, str]:
    ref = status_ref("review-document")
    if ref not in world.origin.references:
        return {}
    commit = world.origin.references[ref].peel(pygit2.Commit)
    blob = world.origin[commit.tree["status.json"].id]
    assert isinstance(blob, pygit2.Blob)
    return {e["paragraph"]: e["status"] for e in json.loads(blob.data)["entries"]}


def _say(world: World, number: int, text: str, who: tuple[str, int]) -> str:
    if number not in world.fake.state.issues:
        world.fake.add_issue(number, title="Conference room", body="", user_login=PRESIDENCY[0],
                             user_id=PRESIDENCY[1], created_at=AT, updated_at=AT)
    run = world.run("issue_comment", world.comment_event(number, text, who, at=AT), now=AT)
    assert run.code == 0, run.err
    replies = [c["body"] for c in world.bot_comments(number) if "ccmflow:reply" in c["body"]]
    return replies[-1]


@pytest.mark.parametrize(("who", "paragraph", "allowed"), [
    (NZ, "6", True),  # a facilitator, in its own section
    (NZ, "11", False),  # a facilitator, outside its sections
    (AUSTRIA, "6", False),  # a delegation
    (PRESIDENCY, "11", True),  # the Presidency, anywhere
    (STRANGER, "6", False),  # an account the registry does not know
], ids=["facilitator-own-section", "facilitator-elsewhere", "delegation", "presidency", "stranger"])
@pytest.mark.parametrize("word", ["ad-ref", "agree", "reopen"])
def test_who_may_record_a_paragraphs_status(world: World, who: tuple[str, int], paragraph: str, allowed: bool,
                                            word: str) -> None:
    pid = UNIVERSALIZATION if paragraph == "6" else STOCKPILES
    if word == "reopen":  # something to reopen: the Presidency agreed it first
        _say(world, 1, f"/ccmflow agree review-document {paragraph}", PRESIDENCY)
    before = _statuses(world).get(pid)
    answer = _say(world, 1, f"/ccmflow {word} review-document {paragraph}", who)
    expected = {"ad-ref": "agreed-ad-ref", "agree": "agreed", "reopen": "open"}[word]
    if allowed:
        assert _statuses(world)[pid] == expected, answer
        assert f"paragraph {paragraph} ({pid}) is now" in answer
    else:
        assert _statuses(world).get(pid) == before
        assert "can only be used by the Presidency, and the facilitator of the paragraph's section" in answer


def test_the_entry_keeps_who_and_githubs_time(world: World) -> None:
    _say(world, 1, "/ccmflow ad-ref 6", NZ)  # a number several documents have: the bot asks which document
    _say(world, 1, f"/ccmflow ad-ref {UNIVERSALIZATION}", NZ)  # an id names one paragraph of one document
    world.workspace.remotes["origin"].fetch(["+refs/ccmflow/*:refs/ccmflow/*"])
    (entry,) = read_status(Store(world.workspace.path), "review-document").entries
    assert (entry.status, entry.by_login, entry.by_id, entry.at.isoformat(), entry.revision) == (
        ParagraphStatus.AGREED_AD_REF, NZ[0], NZ[1], "2020-11-24T16:00:00+00:00", "zero-draft")


def test_bracketed_text_is_not_agreed(world: World) -> None:
    answer = _say(world, 1, "/ccmflow agree review-document 5", PRESIDENCY)
    assert "still holds 2 brackets" in answer and _statuses(world) == {}


def _agree_in_origin(world: World, pid: str) -> None:
    entry = StatusEntry(paragraph=pid, status=ParagraphStatus.AGREED, by_login=PRESIDENCY[0], by_id=PRESIDENCY[1],
                        at=datetime(2020, 11, 24, 15, tzinfo=UTC), revision="zero-draft")
    record_status(Store(world.origin.path), "review-document", [entry])


def test_a_pull_request_changing_agreed_text_is_labelled_and_named(world: World) -> None:
    _agree_in_origin(world, UNIVERSALIZATION)
    text = world.text(REVIEW)
    change = {REVIEW: edit(text, PARA_6, "Successive Presidencies and the Coordinators pursued bilateral")}
    run = world.run("pull_request_target", world.open_pr(31, change, at=AT), now=AT)
    assert run.code == 0, run.err
    assert "touches-agreed" in world.fake.issue_labels(31)
    body = world.status_comment(31)
    assert f"changes the text of paragraph {paragraph_label('6', UNIVERSALIZATION)}, which is agreed" in body
    assert world.statuses(31)["ccmflow/agreed"][0] == "failure"
    # Another paragraph, not agreed: no label, no status.
    other = {REVIEW: edit(text, "bringing the total number of States Parties to [number]",
                          "bringing the total number of States Parties to 110")}
    run = world.run("pull_request_target", world.open_pr(32, other, at=AT), now=AT)
    assert "touches-agreed" not in world.fake.issue_labels(32) and "ccmflow/agreed" not in world.statuses(32)


@pytest.mark.parametrize(("said", "answer"), [
    ("/ccmflow agree", "has not acted on `/ccmflow agree`: name the paragraph, e.g. /ccmflow agree review-document 5"),
    ("/ccmflow agree 999", "no document has a paragraph '999' (documents: lausanne-action-plan, "
                           "political-declaration, review-document)"),
    ("/ccmflow agree review-document 999", "Lausanne Review Document has no paragraph '999': its paragraphs are "
                                           "numbered '1', '2', '3' ... '43'"),
], ids=["no-paragraph", "no-document-has-it", "not-in-the-document"])
def test_a_paragraph_that_cannot_be_found_is_answered_with_what_to_say(world: World, said: str,
                                                                        answer: str) -> None:
    assert answer in _say(world, 1, said, PRESIDENCY)
    assert _statuses(world) == {}


def test_a_status_the_paragraph_already_has_is_not_recorded_again(world: World) -> None:
    _say(world, 1, f"/ccmflow agree {UNIVERSALIZATION}", NZ)
    recorded = world.origin.references[status_ref("review-document")].target
    again = _say(world, 1, "/ccmflow agree review-document 6", PRESIDENCY)
    assert f"paragraph 6 ({UNIVERSALIZATION}) is already agreed: nothing to record" in again
    assert world.origin.references[status_ref("review-document")].target == recorded


def test_a_command_run_twice_is_answered_once(world: World) -> None:
    _say(world, 1, "/ccmflow ad-ref review-document 6", NZ)
    event = world.comment_event(1, "/ccmflow agree review-document 6", NZ, at=AT)
    runs = [world.run("issue_comment", event, now=AT) for _ in range(2)]
    assert [r.code for r in runs] == [0, 0]
    assert "was already answered" in runs[1].out
    replies = [c["body"] for c in world.bot_comments(1) if f"ccmflow:reply {event['comment']['id']} " in c["body"]]
    assert len(replies) == 1 and "is now agreed (was agreed ad referendum)" in replies[0]
    assert _statuses(world) == {UNIVERSALIZATION: "agreed"}


def test_without_origins_record_nothing_is_recorded(world: World) -> None:
    """The record is read from origin first: from a stale copy, a status would be judged against an old one."""
    world.fake.add_issue(1, title="Conference room", body="", user_login=PRESIDENCY[0], user_id=PRESIDENCY[1])
    world.workspace.remotes.set_url("origin", str(world.tmp / "unreachable.git"))
    run = world.run("issue_comment", world.comment_event(1, "/ccmflow agree review-document 6", NZ, at=AT), now=AT)
    assert run.code == 0, run.err
    assert "ignored: #1: cannot read the status record: could not fetch from origin" in run.out
    assert _statuses(world) == {} and world.bot_comments(1) == []


def test_a_dry_run_records_nothing(world: World) -> None:
    world.fake.add_issue(1, title="Conference room", body="", user_login=PRESIDENCY[0], user_id=PRESIDENCY[1])
    run = world.run("issue_comment", world.comment_event(1, "/ccmflow agree review-document 6", NZ, at=AT), now=AT,
                    dry_run=True)
    assert run.code == 0, run.err
    assert "handled: #1: dry run: would record 6 agreed" in run.out
    assert _statuses(world) == {} and world.bot_comments(1) == []
