"""In-memory state of the one repository the fake serves: labels, issues/PRs, comments, statuses."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gitrefs import GitRefs

MAX_BODY = 65536
MAX_LABEL_NAME = 50
MAX_LABEL_DESCRIPTION = 100
MAX_STATUS_DESCRIPTION = 140
DEFAULT_LABEL_COLOR = "ededed"


def now() -> str:
    """GitHub's timestamp format: UTC, second precision, ``Z`` suffix."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class User:
    login: str
    id: int
    type: str = "User"


@dataclass
class Label:
    id: int
    name: str
    color: str
    description: str | None
    default: bool = False


@dataclass
class Comment:
    id: int
    issue_number: int
    body: str
    user: User
    created_at: str
    updated_at: str
    author_association: str = "NONE"


@dataclass
class PullInfo:
    head_sha: str
    head_ref: str
    base_ref: str
    base_sha: str
    fork: bool = False
    draft: bool = False
    merged: bool = False
    merged_at: str | None = None
    merge_commit_sha: str | None = None
    maintainer_can_modify: bool = False


@dataclass
class Issue:
    """An issue; a pull request is an issue with ``pull`` set (they share numbers, labels, comments)."""

    number: int
    id: int
    title: str
    body: str | None
    user: User
    created_at: str
    updated_at: str
    state: str = "open"
    state_reason: str | None = None
    closed_at: str | None = None
    closed_by: User | None = None
    labels: list[Label] = field(default_factory=list)
    author_association: str = "NONE"
    pull: PullInfo | None = None
    locked: bool = False


@dataclass
class Status:
    id: int
    sha: str
    state: str
    context: str
    description: str | None
    target_url: str | None
    creator: User
    created_at: str
    updated_at: str


@dataclass
class TimelineEvent:
    """An event on an issue's timeline with the common issue-event shape (e.g. head_ref_force_pushed)."""

    id: int
    issue_number: int
    event: str
    actor: User
    created_at: str
    commit_id: str | None = None


@dataclass
class Workflow:
    """A workflow file of the repository, and the pull request activities it runs on (none: other events)."""

    id: int
    path: str  # .github/workflows/<file>
    name: str
    pull_request_types: tuple[str, ...] = ()


@dataclass
class WorkflowRun:
    """A run GitHub created for an event: it exists, with its head commit and time, whatever became of it."""

    id: int
    workflow_id: int
    run_number: int
    event: str
    head_sha: str
    head_branch: str
    fork_of: Issue | None  # the pull request whose fork the head lives in; None: this repository
    actor: User
    created_at: str
    display_title: str
    status: str = "completed"
    conclusion: str | None = "skipped"


class RepoState:
    """Everything the fake remembers about its single repository."""

    def __init__(self, owner: str, name: str, repo_id: int, default_branch: str, owner_id: int) -> None:
        self.owner = owner
        self.name = name
        self.id = repo_id
        self.owner_id = owner_id
        self.default_branch = default_branch
        self.labels: dict[str, Label] = {}  # key: lower-cased name (GitHub label names are case-insensitive)
        self.issues: dict[int, Issue] = {}
        self.comments: dict[int, Comment] = {}
        self.statuses: list[Status] = []
        self.timeline: list[TimelineEvent] = []  # seeded events; the timeline endpoint lists them per issue
        self.workflows: dict[int, Workflow] = {}
        self.runs: list[WorkflowRun] = []
        # What the token may read and write beyond what every job has; None: everything. A request needing a
        # permission outside it is refused as GitHub refuses a job's token (403).
        self.token_permissions: set[str] | None = None
        self.actor_login = ""  # the token's account: what it does starts no workflow
        self.permissions: dict[str, str] = {}  # lower-cased login -> role name
        self.git: GitRefs | None = None  # the repository's branches, when a test gives the fake one (use_git)
        self._ids = {
            kind: itertools.count(start)
            for kind, start in (
                ("issue", 1_000_001),
                ("comment", 2_000_000_001),
                ("label", 3_000_001),
                ("status", 4_000_000_001),
                ("event", 5_000_000_001),
                ("workflow", 6_000_001),
                ("run", 7_000_000_001),
            )
        }

    def new_id(self, kind: str) -> int:
        return next(self._ids[kind])

    def next_number(self) -> int:
        return max(self.issues, default=0) + 1

    # labels -------------------------------------------------------------------------------------------
    def find_label(self, name: str) -> Label | None:
        return self.labels.get(name.lower())

    def add_label(self, name: str, color: str, description: str | None) -> Label:
        label = Label(self.new_id("label"), name, color, description)
        self.labels[name.lower()] = label
        return label

    def ensure_label(self, name: str) -> Label:
        """GitHub creates unknown labels (grey) when they are applied to an issue."""
        return self.find_label(name) or self.add_label(name, DEFAULT_LABEL_COLOR, None)

    def rename_label(self, label: Label, new_name: str) -> None:
        del self.labels[label.name.lower()]
        label.name = new_name
        self.labels[new_name.lower()] = label

    def delete_label(self, label: Label) -> None:
        del self.labels[label.name.lower()]
        for issue in self.issues.values():
            issue.labels = [lab for lab in issue.labels if lab is not label]

    # issues and comments ------------------------------------------------------------------------------
    def issue_comments(self, number: int) -> list[Comment]:
        return sorted((c for c in self.comments.values() if c.issue_number == number), key=lambda c: c.id)

    def comment_count(self, number: int) -> int:
        return sum(1 for c in self.comments.values() if c.issue_number == number)

    def pulls(self) -> Iterator[Issue]:
        return (i for i in self.issues.values() if i.pull is not None)

    def set_state(self, issue: Issue, state: str, reason: str | None, actor: User) -> None:
        """Open/close like GitHub: closing sets closed_at/closed_by, reopening sets reason ``reopened``."""
        if state == issue.state:
            return
        issue.state = state
        if state == "closed":
            issue.closed_at, issue.closed_by = now(), actor
            issue.state_reason = None if issue.pull else (reason or "completed")
        else:
            issue.closed_at, issue.closed_by = None, None
            issue.state_reason = None if issue.pull else "reopened"

    def follow_branches(self) -> None:
        """Move each open pull request's head to its branch's, as GitHub does when the branch is pushed."""
        if self.git is None:
            return
        for issue in self.pulls():
            assert issue.pull is not None
            if issue.state != "open" or issue.pull.fork:
                continue
            sha = self.git.branch(issue.pull.head_ref)
            if sha is not None and sha != issue.pull.head_sha:
                issue.pull.head_sha = sha
                issue.updated_at = now()
                self.git.publish_pull(issue.number, sha)

    # workflow runs ------------------------------------------------------------------------------------
    def find_workflow(self, key: str) -> Workflow | None:
        """A workflow by its numeric id or its file name, as the API accepts either."""
        for workflow in self.workflows.values():
            if key == str(workflow.id) or key == workflow.path.rsplit("/", 1)[-1]:
                return workflow
        return None

    def pull_request_activity(self, issue: Issue, action: str, at: str) -> None:
        """GitHub starts every workflow that runs on this activity: a run record for each, at the event's time.

        Activity caused with the job's own token (the fake's actor) starts no workflow, as on GitHub.
        """
        pull = issue.pull
        if pull is None or issue.user.login == self.actor_login:
            return
        for workflow in self.workflows.values():
            if action in workflow.pull_request_types:
                number = 1 + sum(1 for r in self.runs if r.workflow_id == workflow.id)
                self.runs.append(WorkflowRun(self.new_id("run"), workflow.id, number, "pull_request", pull.head_sha,
                                             pull.head_ref, issue if pull.fork else None, issue.user, at,
                                             issue.title))

    # statuses -----------------------------------------------------------------------------------------
    def known_shas(self) -> set[str]:
        shas = {s.sha for s in self.statuses}
        for issue in self.pulls():
            assert issue.pull is not None
            shas.update({issue.pull.head_sha, issue.pull.base_sha})
        return shas

    def resolve_ref(self, ref: str) -> str | None:
        """A SHA (full or abbreviated, any hex) or a branch name known from a pull request."""
        ref = ref.removeprefix("refs/").removeprefix("heads/")
        for sha in self.known_shas():
            if len(ref) >= 7 and sha.startswith(ref.lower()):
                return sha
        for issue in sorted(self.pulls(), key=lambda i: -i.number):
            assert issue.pull is not None
            if ref in (issue.pull.head_ref, issue.pull.base_ref):
                return issue.pull.head_sha if ref == issue.pull.head_ref else issue.pull.base_sha
        is_sha = len(ref) == 40 and all(ch in "0123456789abcdef" for ch in ref.lower())
        return ref.lower() if is_sha else None

    def statuses_for(self, sha: str) -> list[Status]:
        """All statuses of ``sha``, newest first (GitHub's order)."""
        return sorted((s for s in self.statuses if s.sha == sha), key=lambda s: -s.id)

    def latest_statuses(self, sha: str) -> dict[str, Status]:
        """Newest status per context (contexts compare case-insensitively)."""
        latest: dict[str, Status] = {}
        for status in self.statuses_for(sha):
            latest.setdefault(status.context.lower(), status)
        return latest
