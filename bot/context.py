"""What a handler works with: settings from the Actions environment, the GitHub client, the base checkout."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from msgspec import Struct, field

from ccmflow.core.model import Workspace
from ccmflow.core.submissions import SubmissionLog, decode
from ccmflow.repo.fetch import fetch
from ccmflow.repo.store import Store
from ccmflow.triage.messages import STATUS_MARKER

from .client import CommentInfo, GitHub, PullInfo, mine


class Settings(Struct, frozen=True):
    repository: str  # owner/name
    api_url: str
    token: str
    workspace: Path  # a checkout of the base branch: the only source of the timeline, registry and labels
    login: str  # the bot's own login: its comments are matched by marker AND author
    now: datetime
    dry_run: bool = False
    # The key the submission log is signed with (the workflow's CCMFLOW_STATE_KEY secret); None: unsigned.
    state_key: bytes | None = None


class Context(Struct):
    settings: Settings
    event: str  # the event's name; handlers get its parsed record (bot.events) as an argument
    client: GitHub
    _store: Store | None = None
    _open: list[PullInfo] | None = None
    _fetched: tuple[str | None] | None = None
    # The log each status comment holds once this run triaged its pull request (written, or found unchanged).
    logged: dict[int, SubmissionLog] = field(default_factory=dict)
    # What the run could not do as it should, for the job log's warnings (a permission missing, say).
    warnings: list[str] = field(default_factory=list)

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def open_pulls(self) -> list[PullInfo]:
        """The open pull requests, listed once per run however many behaviours ask (ceil(N/100) requests)."""
        if self._open is None:
            self._open = self.client.open_pulls()
        return self._open

    def fetch(self) -> str | None:
        """Inputs and ccmflow refs from origin, fetched once per run (see ccmflow.repo.fetch); why not, else None."""
        if self._fetched is None:
            self._fetched = (fetch(self.store, self.settings.token),)
        return self._fetched[0]

    def status_log(self, number: int) -> SubmissionLog | None:
        """The log in the bot's own status comment on `number`: as this run left it, else read from GitHub."""
        if number in self.logged:
            return self.logged[number]
        logs = status_logs(self.client.comments(number), self.settings, number)
        return logs[0] if logs else None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.settings.workspace)
        return self._store

    def base_commit(self) -> str:
        """The checked-out base commit's id: PR content is compared against it, never run."""
        return self.store.commit("HEAD").id

    def base(self) -> Workspace:
        """Timeline, registry and documents at the base commit; invalid ones stop the run with their findings."""
        return self.store.require("HEAD")


def status_logs(comments: Iterable[CommentInfo], settings: Settings, number: int) -> list[SubmissionLog]:
    """The submission logs of the bot's own status comments on `number`, oldest comment first.

    The one way the bot reads its hidden state: only from comments its own account wrote, only from the block
    that ends the body, signed with the state key when one is set, and about this pull request.
    """
    found = (decode(c.body, settings.state_key, number) for c in mine(comments, settings.login, STATUS_MARKER))
    return [log for log in found if log is not None]
