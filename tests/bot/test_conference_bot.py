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
