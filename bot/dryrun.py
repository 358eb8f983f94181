"""A GitHub client for --dry-run: reads go to GitHub, writes are printed instead of made."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from ccmflow.core.errors import FatalError
from ccmflow.core.labels import LabelSpec
from ccmflow.core.record import PullState
from ccmflow.triage.decide import CommitStatus

from .client import CommentInfo, GitHub, HeadEvent, IssueInfo, LabelInfo, PullInfo, RunInfo


class DryRunClient:
    def __init__(self, real: GitHub) -> None:
        self.real = real
        self.login = real.login

    def _say(self, text: str) -> None:
        print(f"ccmflow-bot: dry run: would {text}")

    def get_pull(self, number: int) -> PullInfo:
        return self.real.get_pull(number)

    def open_pulls(self) -> list[PullInfo]:
        return self.real.open_pulls()

    def comments(self, number: int) -> list[CommentInfo]:
        return self.real.comments(number)

    def head_events(self, number: int) -> list[HeadEvent]:
        return self.real.head_events(number)

    def pull_runs(self, workflow: str, branch: str) -> list[RunInfo]:
        return self.real.pull_runs(workflow, branch)

    def get_issue(self, number: int) -> IssueInfo:
        return self.real.get_issue(number)

    def set_labels(self, number: int, names: Sequence[str]) -> list[LabelInfo]:
        self._say(f"set the labels of #{number} to: {', '.join(names) or '(none)'}")
        return [LabelInfo(name, "", "(dry run)") for name in names]

    def update_label(self, spec: LabelSpec) -> None:
        self._say(f"set label '{spec.name}' to colour #{spec.color}, '{spec.description}'")

    def create_status(self, sha: str, status: CommitStatus, target_url: str | None) -> None:
        self._say(f"set {status.context} on {sha[:7]} to {status.state}: {status.description}")

    def create_comment(self, number: int, body: str, marker: str) -> CommentInfo:
        self._say(f"comment on #{number}:\n{body}")
        now = datetime.now(UTC)
        return CommentInfo(0, body, self.login, 0, now, now)

    def edit_comment(self, comment_id: int, body: str) -> None:
        self._say(f"update comment {comment_id} to:\n{body}")

    def delete_comment(self, comment_id: int) -> None:
        self._say(f"delete comment {comment_id}")

    def set_state(self, number: int, state: PullState) -> None:
        self._say(f"set #{number} {state}")

    def find_issues(self, label: str) -> list[tuple[int, str, str, str]]:
        return self.real.find_issues(label)

    def create_issue(self, title: str, body: str, labels: Sequence[str]) -> int:
        self._say(f"open issue '{title}' labelled {', '.join(labels)}:\n{body}")
        return 0

    def edit_issue(self, number: int, title: str, body: str) -> None:
        self._say(f"update issue #{number} '{title}' to:\n{body}")

    def find_pull(self, branch: str, base: str) -> PullInfo | None:
        return self.real.find_pull(branch, base)

    def create_pull(self, title: str, branch: str, base: str, body: str) -> PullInfo:
        self._say(f"open a pull request '{title}' from {branch} into {base}:\n{body}")
        raise FatalError(f"a dry run opens no pull request from {branch}, so it has none to triage")

    def edit_pull(self, number: int, title: str, body: str) -> None:
        self._say(f"update pull request #{number} '{title}' to:\n{body}")

