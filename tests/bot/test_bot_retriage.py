"""Re-triage of every open input when what triage reads from changes on the base branch, or when run by hand."""

from __future__ import annotations

from botkit import AUSTRIA, World, change, run
from fakegithub import fake_sha

OPENED = "2020-04-20T10:00:00Z"
LATER = "2020-04-21T10:00:00Z"
DECLARATION = "documents/political-declaration.yaml"
DISPATCH = {"inputs": {}, "ref": "refs/heads/main", "repository": {"default_branch": "main"}}


def test_a_document_moved_to_another_file_retriages_the_open_inputs(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at=OPENED), now=OPENED)
    moved = world.text(DECLARATION).encode()
    before, after = world.push_base({DECLARATION: None, "documents/lausanne-declaration.yaml": moved})
    out = run(world, "push", world.push_event(before, after), now=LATER)
    assert "re-triaged 1 open pull requests (documents/lausanne-declaration.yaml changed its id or version)" in out
    assert len(world.bot_comments(1)) == 1


def test_an_input_whose_head_is_gone_is_skipped_and_counted(world: World) -> None:
    """A head pushed over before anything fetched it: the event for its new head triages it."""
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at=OPENED), now=OPENED)
    world.fake.add_pull(2, title="Input #2", user_login=AUSTRIA[0], user_id=AUSTRIA[1], head_sha=fake_sha("gone"),
                        head_ref="input-2", created_at=OPENED, updated_at=OPENED)
    out = run(world, "workflow_dispatch", DISPATCH, now=LATER)
    assert "re-triaged 2 open pull requests (run by hand): " in out
    assert " changed, 1 skipped (head not available)" in out
    assert world.bot_comments(2) == [] and world.fake.issue_labels(2) == set()
