"""/ccmflow co-sponsor through the entry point: a delegation's consent to be named on an input, said by one of its
registered accounts, recorded with GitHub's time and the account's numeric id, re-checked against the registry;
anyone else answered once, politely, with nothing recorded."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from botkit import AUSTRIA, STATE_KEY, STRANGER, World, change, form, run_issue, state
from fakegithub import fake_sha

from ccmflow.core.model import Registry
from ccmflow.core.submissions import Confirmation
from ccmflow.read.load import REGISTRY_FILE, parse_text

OPENED = "2020-04-20T10:00:00Z"
SAID = "2020-04-21T08:00:00Z"
GERMANY = ("de-cd-geneva", 42695130)  # registered for Germany
CHILE = ("cl-mission-geneva", 60418273)  # registered for Chile, which the input does not name


def joint_input(w: World) -> int:
    """Austria's input through the form, on behalf of Austria and Germany: the bot's pull request."""
    w.fake.use_git(w.tmp / "origin.git")
    run_issue(w, w.open_issue(form(behalf="Austria, Germany"), at=OPENED), OPENED)
    (pull,) = [i.number for i in w.fake.state.pulls()]
    return pull


def say(w: World, number: int, who: tuple[str, int], at: str = SAID, key: str = STATE_KEY) -> str:
    result = w.run("issue_comment", w.comment_event(number, "/ccmflow co-sponsor", who, at=at), now=at,
                   env={"CCMFLOW_STATE_KEY": key})
    assert result.code == 0, result.err
    return result.out


def registry(w: World) -> Registry:
    record: Any = parse_text(f"documents/{REGISTRY_FILE}", w.text(f"documents/{REGISTRY_FILE}")).record
    assert isinstance(record, Registry)
    return record


def replies(w: World, number: int) -> list[str]:
    return [c["body"] for c in w.bot_comments(number) if "ccmflow:reply" in c["body"]]


def test_a_registered_member_of_a_named_delegation_confirms_it(world: World) -> None:
    number = joint_input(world)
    assert state(world, number).cosponsors == ()
    out = say(world, number, GERMANY)
    assert "confirmed germany as co-sponsor" in out
    log = state(world, number)
    assert log.cosponsors == (Confirmation(delegation="germany", by_id=GERMANY[1], by_login=GERMANY[0],
                                           at=datetime(2020, 4, 21, 8, tzinfo=UTC)),)
    assert log.confirmed(registry(world)) == frozenset({"germany"})
    assert replies(world, number) == []  # the status comment shows the input as it now stands
    say(world, number, GERMANY, at="2020-04-22T08:00:00Z")  # said again: the first consent stands
    assert state(world, number).cosponsors == log.cosponsors


def test_anyone_else_is_answered_once_and_nothing_is_recorded(world: World) -> None:
    number = joint_input(world)
    for who in (CHILE, STRANGER):
        payload = world.comment_event(number, "/ccmflow co-sponsor", who, at=SAID)
        for _ in range(2):  # said once, run twice: answered once
            result = world.run("issue_comment", payload, now=SAID)
            assert result.code == 0, result.err
    assert state(world, number).cosponsors == ()
    answers = replies(world, number)
    assert len(answers) == 2
    assert all("is not registered for any of them" in a and "Austria" in a and "Germany" in a for a in answers)
    assert all("@\u2060" in a for a in answers)  # the login is named, never mentioned


def test_said_on_an_issue_it_is_answered_as_a_command_for_pull_requests(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    issue = world.fake.add_issue(title="A question", body="", user_login=GERMANY[0], user_id=GERMANY[1])
    payload = world.comment_event(issue, "/ccmflow co-sponsor", GERMANY, at=SAID)
    payload["issue"].pop("pull_request")
    result = world.run("issue_comment", payload, now=SAID)
    assert result.code == 0 and "is not one: answered" in result.out


def test_a_consent_survives_a_rotated_key(world: World) -> None:
    number = joint_input(world)
    say(world, number, GERMANY)
    say(world, number, CHILE)  # refused: never replayed either
    result = world.run("workflow_dispatch", {"inputs": {}, "ref": "refs/heads/main",
                                             "repository": {"default_branch": "main"}},
                       now="2020-04-23T08:00:00Z", env={"CCMFLOW_STATE_KEY": "a new key"})
    assert result.code == 0, result.err
    log = state(world, number, "a new key")
    assert [(c.delegation, c.by_id) for c in log.cosponsors] == [("germany", GERMANY[1])]


@pytest.mark.parametrize("record", [None, b"input: [not a record\n"], ids=["no-record", "broken-record"])
def test_an_input_that_names_no_delegation_has_nothing_to_confirm(world: World, record: bytes | None) -> None:
    changes = change(world)
    if record is not None:
        changes["documents/inputs/review-document/austria-1.yaml"] = record
    world.run("pull_request_target", world.open_pr(1, changes, at=OPENED), now=OPENED)
    out = say(world, 1, GERMANY)
    assert "refused '/ccmflow co-sponsor' from @de-cd-geneva" in out
    (answer,) = replies(world, 1)
    assert "this input names no delegation on whose behalf it is made, so there is nothing to confirm" in answer
    assert state(world, 1).cosponsors == ()


def test_said_on_a_pull_request_github_does_not_know_it_is_answered_politely(world: World) -> None:
    issue = world.fake.add_issue(title="A question", body="", user_login=GERMANY[0], user_id=GERMANY[1])
    out = say(world, issue, GERMANY)  # the payload says pull request; GitHub answers 404 for it
    assert f"#{issue}: '/ccmflow co-sponsor' is about a pull request, and #{issue} is not one: answered" in out
    (answer,) = replies(world, issue)
    assert f"#{issue} is not a pull request of this repository" in answer


def test_said_on_an_input_whose_head_is_gone_it_asks_to_be_said_again(world: World) -> None:
    world.fake.add_pull(1, title="Input #1", user_login=AUSTRIA[0], user_id=AUSTRIA[1], head_sha=fake_sha("gone"),
                        head_ref="input-1", created_at=OPENED, updated_at=OPENED)
    out = say(world, 1, GERMANY)
    assert "ignored: #1: its head" in out and "say '/ccmflow co-sponsor' again once its new head is triaged" in out
    assert world.bot_comments(1) == []
