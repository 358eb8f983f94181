"""A small router: handlers keyed by (event, action), and /ccmflow commands by word."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from msgspec import Struct, field

from .payload import PayloadError

if TYPE_CHECKING:
    from .context import Context

E = TypeVar("E")


class Verb(StrEnum):
    HANDLED = "handled"
    IGNORED = "ignored"


class Result(Struct, frozen=True):
    """What one handler did, as one line for the job log."""

    verb: Verb
    text: str
    wrote: bool = False  # whether the handler changed anything on GitHub (a re-run of an unchanged input: no)

    def line(self, where: str) -> str:
        return f"{where}: {self.verb}: {self.text}"


def handled(text: str, wrote: bool = True) -> Result:
    return Result(Verb.HANDLED, text, wrote)


def ignored(reason: str) -> Result:
    return Result(Verb.IGNORED, reason)


# A handler gets the event's record (bot.events): the one its (event, action) parses to.
Handler = Callable[["Context", Any], Result]
CommandHandler = Callable[["Context", "Command"], Result]


class Command(Struct, frozen=True):
    """A `/ccmflow <word> [args]` comment: who said it, where and when (times GitHub set)."""

    word: str
    args: tuple[str, ...]
    number: int
    on_pull_request: bool
    user_id: int
    login: str
    comment_id: int
    created_at: datetime  # GitHub's time for the comment


PRIMARY, FOLLOW_UP = "primary", "follow-up"
PHASES = (PRIMARY, FOLLOW_UP)


class Router(Struct):
    routes: dict[tuple[str, str | None], list[Handler]] = field(default_factory=dict)
    follow_ups: dict[tuple[str, str | None], list[Handler]] = field(default_factory=dict)
    commands: dict[str, CommandHandler] = field(default_factory=dict)

    def on(self, event: str, action: str | None, handler: Callable[[Context, E], Result]) -> None:
        """Run `handler` for this event and action (None: events without an action, like push)."""
        self.routes.setdefault((event, action), []).append(handler)

    def after(self, event: str, action: str | None, handler: Callable[[Context, E], Result]) -> None:
        """Run `handler` after the primary ones, to refresh a view derived from them (the summary).

        The workflows run follow-ups as a job of their own: a triage keeps to its request budget, and a burst
        of triages before a deadline queues one refresh, not one per input.
        """
        self.follow_ups.setdefault((event, action), []).append(handler)

    def handlers(self, event: str, action: str | None, phases: tuple[str, ...] = PHASES) -> list[Handler]:
        key = (event, action)
        return [*(self.routes.get(key, ()) if PRIMARY in phases else ()),
                *(self.follow_ups.get(key, ()) if FOLLOW_UP in phases else ())]

    def command(self, word: str, handler: CommandHandler) -> None:
        if word in self.commands:
            raise ValueError(f"the command '{word}' is registered twice")
        self.commands[word] = handler

    def dispatch(self, event: str, action: str | None, parse: Callable[[], object], context: Context,
                 phases: tuple[str, ...] = PHASES) -> list[Result]:
        """Parse the payload only when something handles it; one the bot cannot use is ignored, with why."""
        handlers = self.handlers(event, action, phases)
        if not handlers:
            what = f"{event}/{action}" if action else event
            kind = "behaviour" if phases == PHASES else " or ".join(phases)
            return [ignored(f"the bot has no {kind} for '{what}' events")]
        try:
            record = parse()
        except PayloadError as exc:
            return [ignored(f"the payload is not one the bot can use, nothing was done: {exc}")]
        return [handler(context, record) for handler in handlers]
