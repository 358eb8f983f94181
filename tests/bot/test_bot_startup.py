"""The bot's start in a fresh runner: a run imports only the behaviours of its event and phase."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

import pytest
from botkit import AUSTRIA, STATE_KEY, World, change
from ccmflow.bot.events import PARSERS
from ccmflow.bot.main import BEHAVIOURS, HANDLES, behaviours_for
from ccmflow.bot.router import FOLLOW_UP, PRIMARY, Router

OPENED = "2020-05-03T10:00:00Z"
# Runs the entry point as the workflow does, then names the behaviour modules the process imported.
ENTRY = ("import sys\nfrom ccmflow.bot.main import main\ncode = main(sys.argv[1:])\n"
         "print('imported:', ' '.join(sorted(m.rsplit('.', 1)[1] for m in sys.modules "
         "if m.startswith('ccmflow.bot.behaviours.'))))\nraise SystemExit(code)\n")


@pytest.mark.parametrize("name", BEHAVIOURS)
def test_the_table_of_events_is_what_each_behaviour_registers(name: str) -> None:
    router = Router()
    importlib.import_module(f"ccmflow.bot.behaviours.{name}").register(router)
    registered = {(event, PRIMARY) for event, _ in router.routes} | {(event, FOLLOW_UP) for event, _ in
                                                                       router.follow_ups}
    if router.commands:  # a command word is answered on an issue_comment
        registered.add(("issue_comment", PRIMARY))
    assert HANDLES[name] == registered
    assert set(HANDLES) == set(BEHAVIOURS)


def test_every_event_a_behaviour_handles_has_its_parser() -> None:
    """The router parses a payload only for an event some behaviour handles: that event must have a parser."""
    handled = {event for pairs in HANDLES.values() for event, _ in pairs}
    assert handled <= set(PARSERS), handled - set(PARSERS)


def test_each_event_gets_the_behaviours_it_had() -> None:
    assert behaviours_for("pull_request_target", (PRIMARY,)) == ("triage",)
    assert behaviours_for("pull_request_target", (FOLLOW_UP,)) == ("summary",)
    assert behaviours_for("issue_comment", (PRIMARY,)) == ("commands", "cosponsor", "summary", "paragraphstatus")
    assert behaviours_for("push", (PRIMARY, FOLLOW_UP)) == ("retriage", "disposition")
    assert behaviours_for("workflow_dispatch", (PRIMARY,)) == ("retriage", "freeze", "summary")
    assert behaviours_for("fork", (PRIMARY, FOLLOW_UP)) == ()


@pytest.mark.parametrize(("phase", "imported"), [("primary", "triage"), ("follow-up", "summary")])
def test_a_pull_request_run_imports_only_its_own_behaviour(world: World, phase: str, imported: str) -> None:
    path = world.tmp / "event.json"
    path.write_text(json.dumps(world.open_pr(1, change(world), at=OPENED, user=AUSTRIA)), encoding="utf-8")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CCMFLOW_"))}, **world.fake.env(),
           "GITHUB_EVENT_NAME": "pull_request_target", "GITHUB_EVENT_PATH": str(path),
           "GITHUB_WORKSPACE": str(world.tmp / "checkout"), "CCMFLOW_NOW": OPENED, "CCMFLOW_STATE_KEY": STATE_KEY}
    done = subprocess.run([sys.executable, "-P", "-c", ENTRY, "--phase", phase], env=env,
                          cwd=world.tmp / "checkout", capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ccmflow-bot: pull_request_target/opened: " in done.stdout
    assert done.stdout.strip().splitlines()[-1] == f"imported: {imported}"


def test_two_behaviours_cannot_answer_one_command_word() -> None:
    router = Router()
    importlib.import_module("ccmflow.bot.behaviours.commands").register(router)
    with pytest.raises(ValueError, match="the command 'accept-late' is registered twice"):
        importlib.import_module("ccmflow.bot.behaviours.commands").register(router)
