"""`ccmflow-bot`: reads the GitHub Actions event, runs the behaviours registered for it, one exit code per run."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ccmflow.core.errors import FatalError, InvalidInput
from ccmflow.core.escape import terminal_safe
from ccmflow.core.status import parse_instant

from . import events
from .client import Backoff, GitHub, PyGithubClient
from .context import Context, Settings
from .payload import describe
from .router import FOLLOW_UP, PHASES, PRIMARY, Router, ignored

# Behaviour modules under bot/, each with `register(router)`; imported lazily, in this order.
BEHAVIOURS = ("triage", "commands", "cosponsor", "retriage", "disposition", "freeze", "summary", "issueform",
              "paragraphstatus")
# The events each one registers for, by phase (a /ccmflow command word is an issue_comment's): a run imports only
# the behaviours of its event and phases, as importing the others costs a fresh runner about 0.1 s.
# tests/bot/test_bot_startup.py checks this table against what each register() does.
_PULL = ("pull_request_target", "pull_request")
HANDLES: dict[str, frozenset[tuple[str, str]]] = {
    "triage": frozenset((event, PRIMARY) for event in _PULL),
    "commands": frozenset({("issue_comment", PRIMARY)}),
    "cosponsor": frozenset({("issue_comment", PRIMARY)}),
    "retriage": frozenset({("push", PRIMARY), ("workflow_dispatch", PRIMARY)}),
    "disposition": frozenset({("push", PRIMARY)}),
    "freeze": frozenset({("schedule", PRIMARY), ("workflow_dispatch", PRIMARY)}),
    "summary": frozenset({("schedule", PRIMARY), ("workflow_dispatch", PRIMARY), ("issue_comment", PRIMARY),
                          ("issue_comment", FOLLOW_UP), *((event, FOLLOW_UP) for event in _PULL)}),
    "issueform": frozenset({("issues", PRIMARY)}),
    "paragraphstatus": frozenset({("issue_comment", PRIMARY)}),
}

DEFAULT_LOGIN = "github-actions[bot]"
WARNING = "::warning::"  # a line GitHub Actions shows as a warning of the run
NO_KEY = ("CCMFLOW_STATE_KEY is not set: the submission log in the bot's comments is not signed (see the README, "
          "'The submission log')")


def behaviours_for(event: str, phases: Sequence[str]) -> tuple[str, ...]:
    """The behaviours that handle `event` in one of `phases`, in BEHAVIOURS' order."""
    return tuple(name for name in BEHAVIOURS if any((event, phase) in HANDLES[name] for phase in phases))


def build_router(behaviours: Sequence[str] = BEHAVIOURS) -> Router:
    router = Router()
    for name in behaviours:
        importlib.import_module(f".behaviours.{name}", __package__).register(router)
    return router


def settings_from(env: Mapping[str, str], dry_run: bool) -> Settings:
    missing = [k for k in ("GITHUB_REPOSITORY", "GITHUB_TOKEN") if not env.get(k)]
    if missing:
        raise FatalError(f"missing {', '.join(missing)} in the environment (the bot runs in a GitHub Actions "
                         "job; see the workflows under .github/workflows/)")
    return Settings(
        repository=env["GITHUB_REPOSITORY"],
        api_url=env.get("GITHUB_API_URL") or "https://api.github.com",
        token=env["GITHUB_TOKEN"],
        workspace=Path(env.get("GITHUB_WORKSPACE") or "."),
        login=env.get("CCMFLOW_BOT_LOGIN") or DEFAULT_LOGIN,
        now=_now(env.get("CCMFLOW_NOW")),
        dry_run=dry_run,
        state_key=(env.get("CCMFLOW_STATE_KEY") or "").encode("utf-8") or None,
    )


def _now(text: str | None) -> datetime:
    # Replays must say which instant they mean: no conference time zone is assumed here.
    return parse_instant(text) if text else datetime.now(UTC)


class UnusableEvent(Exception):
    """The event file's content is nothing the bot can use: the run ignores it, with why."""


def read_event(env: Mapping[str, str]) -> tuple[str, Any]:
    """The event's name and its payload as JSON; UnusableEvent when the file holds no JSON object.

    The file is GitHub's; whatever it holds (invalid UTF-8, nesting deeper than the parser's recursion,
    numbers too long to convert) becomes one line, never a traceback.
    """
    name, path = env.get("GITHUB_EVENT_NAME"), env.get("GITHUB_EVENT_PATH")
    if not name or not path:
        raise FatalError("missing GITHUB_EVENT_NAME or GITHUB_EVENT_PATH in the environment")
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise FatalError(f"cannot read the event payload {path}: {exc.strerror or exc}") from None
    try:
        payload = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UnusableEvent(f"the event payload is not UTF-8 (byte {exc.start})") from None
    except ValueError as exc:
        raise UnusableEvent(f"the event payload is not valid JSON ({exc})") from None
    except RecursionError:
        raise UnusableEvent("the event payload is nested too deeply to read") from None
    if not isinstance(payload, dict):
        raise UnusableEvent(f"the event payload is not a JSON object but {describe(payload)}")
    return name, payload


def one_line(text: str) -> str:
    """A job-log line: characters that could break it (newlines, controls, lone surrogates) escaped."""
    return terminal_safe(text, one_line=True)


def make_client(settings: Settings, sleep: Callable[[float], None] | None) -> GitHub:
    backoff = Backoff(sleep=sleep) if sleep is not None else Backoff()
    client: GitHub = PyGithubClient(settings.api_url, settings.token, settings.repository, settings.login, backoff)
    if settings.dry_run:
        from .dryrun import DryRunClient

        client = DryRunClient(client)
    return client


def run(env: Mapping[str, str], settings: Settings, phases: tuple[str, ...],
        sleep: Callable[[float], None] | None) -> list[str]:
    """One log line per behaviour that ran, or one saying why the event was ignored; then the run's warnings."""
    try:
        name, payload = read_event(env)
    except UnusableEvent as exc:
        return [ignored(str(exc)).line(env.get("GITHUB_EVENT_NAME") or "event")]
    action = events.action_of(payload)
    router = build_router(behaviours_for(name, phases))
    context = Context(settings, name, make_client(settings, sleep))
    where = f"{name}/{action}" if action else name
    lines = [outcome.line(where) for outcome in router.dispatch(name, action, lambda: events.parse(name, payload),
                                                                 context, phases)]
    return lines + [f"{WARNING}{text}" for text in context.warnings]


def main(argv: Sequence[str] | None = None, *, sleep: Callable[[float], None] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ccmflow-bot", description=__doc__)
    parser.add_argument("--dry-run", action="store_true", help="print the writes instead of making them")
    parser.add_argument("--phase", choices=(*PHASES, "all"), default="all",
                        help="run only the primary handlers (triage, commands) or only the follow-ups that refresh "
                             "derived views (the summary); the workflows run each as its own job (default: all)")
    args = parser.parse_args(argv)
    phases = PHASES if args.phase == "all" else (args.phase,)
    try:
        env = os.environ
        settings = settings_from(env, args.dry_run)
        if settings.state_key is None:
            print(f"{WARNING}ccmflow-bot: {NO_KEY}")
        for line in run(env, settings, phases, sleep):
            warning = line.startswith(WARNING)
            print(f"{WARNING if warning else ''}ccmflow-bot: {one_line(line.removeprefix(WARNING))}")
    except InvalidInput as exc:
        print(f"ccmflow-bot: the base branch's files are not valid, so nothing was triaged:\n{exc}", file=sys.stderr)
        return exc.exit_code
    except FatalError as exc:  # GitHub unreachable included: a run that did nothing must not look green
        print(f"ccmflow-bot: {one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return 0
