"""Merging a consolidated version: the bot tells each input its disposition and closes the finished ones."""

from __future__ import annotations

import pygit2
import pytest
from botkit import AUSTRIA, BOT_LOGIN, REVIEW, World, change, edit
from fakegithub import fake_sha

from ccmflow.consolidation.consolidate import consolidate
from ccmflow.repo.store import Store

ON_TIME = "2020-04-20T10:00:00Z"
LATER = "2020-06-01T10:00:00Z"
P2_OLD = "held in Dubrovnik from 7 to 11 September 2015"
P14_OLD = "Cases in which previously unknown stockpiles"


def open_inputs(w: World) -> None:
    w.open_pr(1, change(w), at=ON_TIME)
    w.open_pr(2, {REVIEW: edit(w.text(REVIEW), P14_OLD, "Instances in which previously unknown stockpiles")},
              at=ON_TIME)
    w.open_pr(3, {REVIEW: edit(w.text(REVIEW), P2_OLD, "held in Dubrovnik in September 2015")}, at=ON_TIME)
    # Input 4 builds on input 1 and rewrites the same words: it supersedes it.
    text = w.text(REVIEW, w.heads[1])
    sha = w.pr_commit(4, {REVIEW: edit(text, "to 110", "to 111 (as of 1 May 2020)")}, parent=w.heads[1])
    w.fake.add_pull(4, title="Input #4", user_login=AUSTRIA[0], user_id=AUSTRIA[1], head_sha=sha,
                    head_ref="input-4", created_at=ON_TIME, updated_at=ON_TIME, base_sha=w.base_sha)


def adopt(w: World, branch: str) -> tuple[str, str]:
    """The presidency merges the consolidation branch (fast-forward); the Actions checkout follows."""
    before = w.base_sha
    oid = w.origin.references[f"refs/heads/{branch}"].target
    w.origin.references["refs/heads/main"].set_target(oid)
    w.base_sha = str(oid)
    w.workspace.remotes["origin"].fetch(["+refs/heads/main:refs/remotes/origin/main"])
    w.workspace.reset(oid, pygit2.enums.ResetMode.HARD)
    return before, str(oid)


def bot_bodies(w: World, number: int) -> list[str]:
    """The bot's disposition comments (triage's status comments aside)."""
    return [c["body"] for c in w.fake.comments(number)
            if c["user"]["login"] == BOT_LOGIN and "ccmflow:disposition" in c["body"]]


def writes(w: World, start: int) -> list[str]:
    return [f"{r.method} {r.path}" for r in w.fake.requests[start:] if r.method != "GET"]


def test_merged_consolidation_comments_and_closes(world: World) -> None:
    open_inputs(world)
    done = consolidate(Store(world.origin.path), "review-document", ["1", "2", "4"])
    outcomes = {d.input: d.outcome for d in done.register.inputs}
    assert outcomes == {"pr-1": "superseded", "pr-2": "incorporated", "pr-3": "not-retained",
                        "pr-4": "incorporated"}
    before, after = adopt(world, done.branch)
    run = world.run("push", world.push_event(before, after), now=LATER)
    assert run.code == 0, run.err
    assert "dispositions: review-zero-draft-input → consolidated" in run.out
    states = {n: world.fake.pull(n)["state"] for n in (1, 2, 3, 4)}
    assert states == {1: "closed", 2: "closed", 3: "open", 4: "closed"}
    (two,) = bot_bodies(world, 2)
    assert "**Incorporated** in the Consolidated version of the Lausanne Review Document" in two
    assert f"/blob/{after}/documents/review-document.yaml#L" in two and "paragraph 14" in two
    line = int(two.split("review-document.yaml#L")[1].split(")")[0])
    assert world.text(REVIEW, after).splitlines()[line - 1].strip() == "- id: pqdqlejd"
    (one,) = bot_bodies(world, 1)
    assert "**Superseded**" in one and "Superseded by #4." in one
    (three,) = bot_bodies(world, 3)
    assert "**Not retained**" in three and "stays open" in three

    # The same push again (a re-run of the job): every comment is found by its marker, nothing is written.
    start = len(world.fake.requests)
    again = world.run("push", world.push_event(before, after), now=LATER)
    assert again.code == 0
    assert [w for w in writes(world, start) if "/issues/" in w or ("/pulls/" in w and "PATCH" in w)] == []
    assert "nothing new" in again.out
    assert [len(bot_bodies(world, n)) for n in (1, 2, 4)] == [1, 1, 1]


def test_register_edited_alone_posts_nothing(world: World) -> None:
    open_inputs(world)
    done = consolidate(Store(world.origin.path), "review-document", ["2"])
    before, after = adopt(world, done.branch)
    assert world.run("push", world.push_event(before, after), now=LATER).code == 0
    register = world.text(done.register_path, after)
    start = len(world.fake.requests)
    fixed = register.replace("Not taken into the consolidated version.", "Taken up in the next draft instead.")
    old, new = world.push_base({done.register_path: fixed.encode()})
    run = world.run("push", world.push_event(old, new), now=LATER)
    assert run.code == 0
    assert "no consolidated version was merged by this push" in run.out
    assert not [w for w in writes(world, start) if "comments" in w]


def test_a_push_whose_history_is_not_available_brings_every_notice_up_to_date(world: World) -> None:
    """Main rewritten (a force push): the commit before it is in no history the checkout has, so every register is
    read again, and each notice links to the new commit; nothing is posted twice, nothing closed again."""
    open_inputs(world)
    done = consolidate(Store(world.origin.path), "review-document", ["1", "2", "4"])
    before, after = adopt(world, done.branch)
    assert world.run("push", world.push_event(before, after), now=LATER).code == 0
    _, rewritten = world.push_base({"README.md": b"# CCM drafts, rewritten\n"})
    start = len(world.fake.requests)
    run = world.run("push", world.push_event(fake_sha("main before the rewrite"), rewritten), now=LATER)
    assert run.code == 0, run.err
    assert "dispositions: review-zero-draft-input → consolidated: #1 updated, #2 updated, #4 updated" in run.out
    assert [len(bot_bodies(world, n)) for n in (1, 2, 3, 4)] == [1, 1, 1, 1]
    (two,) = bot_bodies(world, 2)
    assert f"/blob/{rewritten}/documents/review-document.yaml#L" in two and after not in two
    assert not [w for w in writes(world, start) if w.startswith("PATCH /repos/ccm-presidency/drafts/pulls/")]
    assert world.fake.pull(3)["state"] == "open"


@pytest.mark.parametrize("document", ["review-document", "a-document-nobody-wrote"])
def test_a_register_merged_without_its_version_posts_nothing(world: World, document: str) -> None:
    """The register alone (its document still at the zero draft), or one naming no document of the repository."""
    open_inputs(world)
    done = consolidate(Store(world.origin.path), "review-document", ["2"])
    branch = str(world.origin.references[f"refs/heads/{done.branch}"].target)
    register = world.text(done.register_path, branch).replace("document: review-document", f"document: {document}")
    before, after = world.push_base({done.register_path: register.encode()})
    start = len(world.fake.requests)
    run = world.run("push", world.push_event(before, after), now=LATER)
    assert run.code == 0, run.err
    assert "ignored: dispositions: no consolidated version was merged by this push" in run.out
    assert writes(world, start) == [] and all(bot_bodies(world, n) == [] for n in (1, 2, 3, 4))
