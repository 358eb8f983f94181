"""Triage of stakeholder pull requests: each pull request event triages its input."""

from __future__ import annotations

from ..context import Context
from ..events import PULL_ACTIONS, PullRequestEvent
from ..router import Result, Router
from ..triaging import triage_guarded


def register(router: Router) -> None:
    for event in ("pull_request_target", "pull_request"):
        for action in PULL_ACTIONS:
            router.on(event, action, on_pull_request)


def on_pull_request(ctx: Context, event: PullRequestEvent) -> Result:
    received, source = event.received
    return triage_guarded(ctx, event.pull, received, source, event_time=event.pull.updated_at, before=event.before)
