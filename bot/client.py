"""The one boundary to GitHub: a small Protocol, its PyGithub implementation, and retries with backoff."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

import github
import requests
from msgspec import Struct, field

from ccmflow.core.errors import FatalError
from ccmflow.core.labels import LabelSpec
from ccmflow.core.record import PullState
from ccmflow.core.submissions import SubmissionLog
from ccmflow.repo.ledger import LedgerEntry
from ccmflow.triage.decide import CommitStatus

from .payload import Fields, PayloadError, describe

T = TypeVar("T")
_SHA = re.compile(r"[0-9a-f]{40}")
# What a request to GitHub can raise; anything else is a bug in the bot and must surface as one.
REQUEST_ERRORS = (github.GithubException, requests.exceptions.RequestException)


class GitHubError(FatalError):
    """GitHub refused a request, or kept failing after every retry."""


class GitHubNotFound(GitHubError):
    """GitHub answered 404: the issue, pull request or comment does not exist (or not in this repository)."""


class GitHubForbidden(GitHubError):
    """GitHub answered 403 (not a rate limit): the job's token lacks a permission the request needs."""


class GitHubUnreachable(GitHubError):
    """GitHub could not be reached (network errors, 5xx) after every retry: the run did not do its work.

    Never turned into an 'ignored' line: a run that could not reach GitHub must not look green.
    """


class PullInfo(Struct, frozen=True):
    """What the bot needs of a pull request, from an event payload or from the API."""

    number: int
    head_sha: str
    author_id: int
    author_login: str
    created_at: datetime
    updated_at: datetime
    state: PullState
    labels: tuple[str, ...]
    html_url: str | None = None
    fresh: bool = False  # read from the API just now (an event payload may predate the bot's last writes)
    title: str = ""
    body: str = ""  # the delegation's general remarks
    head_repo: str | None = None  # owner/name of the head's repository; None when the fork was deleted
    base_ref: str = ""  # the branch it asks to merge into
    head_ref: str = ""  # the branch it comes from (in head_repo)

    def record(self, log: SubmissionLog) -> LedgerEntry:
        """This pull request as the inputs ledger keeps it."""
        return LedgerEntry(number=self.number, title=self.title, body=self.body, author_id=self.author_id,
                           author_login=self.author_login, created_at=self.created_at, state=self.state,
                           head_sha=self.head_sha, log=log)

    @classmethod
    def from_json(cls, data: Any, *, fresh: bool = False, path: str = "") -> PullInfo:
        """A pull request object of a payload or an API answer; PayloadError names any field the bot cannot use."""
        pull = Fields.of(data, path)
        number, head, user = pull.integer("number"), pull.obj("head"), pull.obj("user")
        merged = pull.opt_time("merged_at") is not None or pull.opt_flag("merged")
        state = pull.name("state")
        if state not in (PullState.OPEN, PullState.CLOSED):
            raise PayloadError(pull.where("state"), f"expected 'open' or 'closed', got {describe(state)}")
        head_repo = head.opt_obj("repo")  # null when the fork was deleted
        return cls(number, head.sha("sha"), user.integer("id"), user.name("login"),
                   pull.time("created_at"), pull.time("updated_at"), PullState.MERGED if merged else PullState(state),
                   tuple(label.name("name") for label in pull.objects("labels")), pull.opt_text("html_url"),
                   fresh, pull.opt_text("title") or "", pull.opt_text("body") or "",
                   head_repo.name("full_name") if head_repo is not None else None, pull.obj("base").name("ref"),
                   head.name("ref"))


class HeadEvent(Struct, frozen=True):
    """A head the pull request had, at a time GitHub itself recorded (a timeline event's created_at)."""

    sha: str
    at: datetime


class RunInfo(Struct, frozen=True, kw_only=True):
    """A workflow run as GitHub recorded it: the head commit of the event that started it, and when."""

    head_sha: str
    created_at: datetime  # GitHub's time: when the event created the run (whatever became of the run)
    event: str
    head_repo: str | None  # owner/name; None when the head's repository is gone

    @classmethod
    def from_json(cls, data: Any, path: str = "") -> RunInfo:
        run = Fields.of(data, path)
        repo = run.opt_obj("head_repository")
        return cls(head_sha=run.sha("head_sha"), created_at=run.time("created_at"), event=run.name("event"),
                   head_repo=repo.name("full_name") if repo is not None else None)


class IssueInfo(Struct, frozen=True, kw_only=True):
    """Who opened an issue, and when (GitHub's time)."""

    number: int
    author_id: int
    author_login: str
    created_at: datetime


class CommentInfo(Struct, frozen=True):
    id: int
    body: str
    login: str
    user_id: int
    created_at: datetime
    updated_at: datetime


class LabelInfo(Struct, frozen=True):
    name: str
    color: str
    description: str | None


def mine(comments: Iterable[CommentInfo], login: str, marker: str) -> list[CommentInfo]:
    """The bot's own comments carrying `marker`, in GitHub's order (oldest first); anyone else's are never trusted."""
    return [c for c in comments if c.login == login and marker in c.body]


def github_time(value: Any) -> datetime:
    """A timestamp of GitHub's JSON ('2020-05-04T21:59:59Z') as an aware UTC datetime."""
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise FatalError(f"'{value}' is not a timestamp GitHub would send") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class GitHub(Protocol):
    """The few GitHub calls the bot makes; handlers see only this."""

    login: str

    def get_pull(self, number: int) -> PullInfo: ...
    def open_pulls(self) -> list[PullInfo]: ...  # ceil(N/100) requests: everything used is in the list
    def comments(self, number: int) -> list[CommentInfo]: ...
    def head_events(self, number: int) -> list[HeadEvent]: ...  # ceil(E/100) requests for E timeline events
    # The runs of `workflow` (a file name) for pull_request events from `branch`: ceil(R/100) requests.
    def pull_runs(self, workflow: str, branch: str) -> list[RunInfo]: ...
    def get_issue(self, number: int) -> IssueInfo: ...
    def set_labels(self, number: int, names: Sequence[str]) -> list[LabelInfo]: ...
    def update_label(self, spec: LabelSpec) -> None: ...
    def create_status(self, sha: str, status: CommitStatus, target_url: str | None) -> None: ...
    def create_comment(self, number: int, body: str, marker: str) -> CommentInfo: ...
    def edit_comment(self, comment_id: int, body: str) -> None: ...
    def delete_comment(self, comment_id: int) -> None: ...
    def set_state(self, number: int, state: PullState) -> None: ...
    # The consolidation summary's tracking issues: (number, title, body, author login).
    def find_issues(self, label: str) -> list[tuple[int, str, str, str]]: ...
    def create_issue(self, title: str, body: str, labels: Sequence[str]) -> int: ...
    def edit_issue(self, number: int, title: str, body: str) -> None: ...
    # Inputs sent through the issue form: the pull request the bot opens from its branch on the delegation's behalf.
    # Open or closed, the bot's own, from this repository's `branch` into `base`.
    def find_pull(self, branch: str, base: str) -> PullInfo | None: ...
    def create_pull(self, title: str, branch: str, base: str, body: str) -> PullInfo: ...
    def edit_pull(self, number: int, title: str, body: str) -> None: ...


class Backoff(Struct):
    """Bounded retries: exponential for 5xx and network errors; rate limits wait as long as GitHub says."""

    attempts: int = 5
    base: float = 1.0
    cap: float = 120.0  # never wait longer than this at once: a longer rate limit ends the run instead
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time
    waits: list[float] = field(default_factory=list)

    def delay(self, attempt: int, exc: Exception) -> float | None:
        """Seconds to wait before trying again, or None when this error is not worth retrying."""
        status = getattr(exc, "status", None)
        headers = {k.lower(): str(v) for k, v in (getattr(exc, "headers", None) or {}).items()}
        if status is None:
            return self._exponential(attempt) if _network_error(exc) else None
        if status in (403, 429) and _rate_limited(status, headers, exc):
            return self._rate_limit_wait(attempt, headers)
        if status >= 500:
            return self._exponential(attempt)
        return None

    def _exponential(self, attempt: int) -> float:
        return float(min(self.base * 2.0 ** attempt, self.cap))

    def _rate_limit_wait(self, attempt: int, headers: Mapping[str, str]) -> float | None:
        if headers.get("retry-after", "").isdigit():
            wanted = float(headers["retry-after"])
        elif headers.get("x-ratelimit-remaining") == "0" and headers.get("x-ratelimit-reset", "").isdigit():
            wanted = max(float(headers["x-ratelimit-reset"]) - self.clock(), 0.0) + 1.0
        else:
            wanted = max(60.0, self._exponential(attempt))  # GitHub's advice for a secondary limit without headers
        return wanted if wanted <= self.cap else None

    def run(self, what: str, call: Callable[[], T], *, recover: Callable[[], T | None] | None = None,
            retry: bool = True) -> T:
        """`call` until it succeeds, waiting between attempts; the one retry path of every request.

        `recover` runs before each new attempt, for a write whose answer was lost but which may have been made
        all the same: what it returns (not None) is the result. `retry=False` tries once (a write that cannot
        be found again afterwards).
        """
        attempts = self.attempts if retry else 1
        attempt = 0
        while True:  # ends with an answer, or with the error of the last attempt
            if attempt and recover is not None and (done := recover()) is not None:
                return done
            try:
                return call()
            except REQUEST_ERRORS as exc:
                wait = self.delay(attempt, exc)
                if wait is None or attempt >= attempts - 1:
                    raise _failure(what, exc, attempt + 1) from exc
                self.waits.append(wait)
                self.sleep(wait)
            attempt += 1


def _rate_limited(status: int, headers: Mapping[str, str], exc: Exception) -> bool:
    message = str(getattr(exc, "data", "") or "").lower()
    return (status == 429 or "retry-after" in headers or headers.get("x-ratelimit-remaining") == "0"
            or "rate limit" in message)


def _network_error(exc: Exception) -> bool:
    return isinstance(exc, requests.exceptions.ConnectionError | requests.exceptions.Timeout)


def _failure(what: str, exc: Exception, attempts: int) -> GitHubError:
    status = getattr(exc, "status", None)
    data = getattr(exc, "data", None)
    message = data.get("message") if isinstance(data, dict) else None
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    if status is None or status >= 500:
        detail = type(exc).__name__ if status is None else f"{status} {message or ''}".strip()
        return GitHubUnreachable(f"could not reach GitHub to {what}: {detail}{tries}")
    detail = f"{status} {message or ''}".strip()
    kind = {404: GitHubNotFound, 403: GitHubForbidden}.get(status, GitHubError)
    return kind(f"GitHub refused to {what}: {detail}{tries}")


def _answer(what: str, read: Callable[[Any], T], data: Any) -> T:
    """An API answer parsed by `read`; one GitHub sends in a shape the bot cannot use stops the run, named."""
    try:
        return read(data)
    except PayloadError as exc:
        raise GitHubError(f"GitHub's answer to '{what}' is not what the bot can use: {exc}") from None


def _fresh_pull(data: Any) -> PullInfo:
    return PullInfo.from_json(data, fresh=True)


def _fresh_pulls(data: Any) -> list[PullInfo]:
    if not isinstance(data, list):
        raise PayloadError("", f"expected a list, got {describe(data)}")
    return [PullInfo.from_json(item, fresh=True, path=f"[{i}]") for i, item in enumerate(data)]


_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="next"')


class PyGithubClient:
    """The Protocol over PyGithub's requester: JSON in, typed records out, every request through `Backoff.run`.

    PyGithub's own retries are off, and its lazy objects are not used: each request is explicit, so a run's
    request count is what the code says and every answer is parsed by the same field readers as the payloads.
    """

    def __init__(self, api_url: str, token: str, repository: str, login: str, backoff: Backoff | None = None) -> None:
        self.login = login
        self.backoff = backoff or Backoff()
        # lazy: building the repository, issue and pull objects costs no request until a field is read.
        self._gh = github.Github(base_url=api_url, auth=github.Auth.Token(token), retry=None, per_page=100,
                                 seconds_between_requests=None, seconds_between_writes=None, lazy=True, timeout=30)
        self._repo = self._gh.get_repo(repository)
        self._owner = repository.split("/", 1)[0]
        self._url = self._repo.url

    def _request(self, method: str, path: str, body: Any = None) -> Any:
        _, data = self._gh.requester.requestJsonAndCheck(method, f"{self._url}{path}", input=body)
        return data

    def _pages(self, what: str, path: str, key: str | None = None) -> list[Any]:
        """Every item of a listing, page by page (ceil(N/100) requests), following GitHub's Link header.

        `key`: the listing is that member of each page's object (`workflow_runs`), not the page itself.
        """
        items: list[Any] = []
        url: str | None = f"{self._url}{path}{'&' if '?' in path else '?'}per_page=100"
        while url is not None:
            headers, data = self.backoff.run(what, partial(self._gh.requester.requestJsonAndCheck, "GET", url))
            if key is not None and isinstance(data, dict):
                data = data.get(key)
            if not isinstance(data, list):
                raise GitHubError(f"GitHub's answer to '{what}' is not what the bot can use: expected a list, "
                                  f"got {describe(data)}")
            items += data
            found = _NEXT.search({str(k).lower(): str(v) for k, v in headers.items()}.get("link", ""))
            url = found.group(1) if found else None
        return items

    def get_pull(self, number: int) -> PullInfo:
        what = f"read pull request #{number}"
        data = self.backoff.run(what, lambda: self._request("GET", f"/pulls/{number}"))
        return _answer(what, _fresh_pull, data)

    def open_pulls(self) -> list[PullInfo]:
        """Every open pull request (ceil(N/100) requests): everything used is in the list."""
        what = "list the open pull requests"
        return _answer(what, _fresh_pulls, self._pages(what, "/pulls?state=open"))

    def comments(self, number: int) -> list[CommentInfo]:
        what = f"list the comments of #{number}"
        return _answer(what, lambda items: [_comment(c, f"[{i}]") for i, c in enumerate(items)],
                       self._pages(what, f"/issues/{number}/comments"))

    def head_events(self, number: int) -> list[HeadEvent]:
        """The heads the issue timeline ties to a time of GitHub's own: its `head_ref_force_pushed` events.

        GitHub's description gives that event the common issue-event shape, without saying whether commit_id
        is the head before or after the push; either way that commit was the pull request's head at the
        event's created_at, which therefore bounds when it arrived. `committed` events carry only the
        commit's author and committer dates, which anyone can write, so they give no time at all.
        """
        found: list[HeadEvent] = []
        for data in self._pages(f"read the timeline of #{number}", f"/issues/{number}/timeline"):
            if not isinstance(data, dict):
                continue
            sha, at = str(data.get("commit_id") or ""), data.get("created_at")
            if data.get("event") == "head_ref_force_pushed" and _SHA.fullmatch(sha) and at:
                with contextlib.suppress(FatalError):  # a timestamp GitHub would not send: no time, no use
                    found.append(HeadEvent(sha, github_time(at)))
        return found

    def pull_runs(self, workflow: str, branch: str) -> list[RunInfo]:
        """The runs of `workflow` started by pull_request events from a branch named `branch` (any repository).

        GitHub creates a run when the event arrives, whatever becomes of it (skipped, cancelled, awaiting a
        maintainer's approval), with the pull request's head commit (for pull_request_target runs it would be
        the base branch's); whose pull request it was is the caller's to check.
        """
        what = f"list the runs of {workflow} for branch {branch}"
        query = f"event=pull_request&branch={quote(branch, safe='')}"
        items = self._pages(what, f"/actions/workflows/{quote(workflow, safe='')}/runs?{query}", "workflow_runs")
        return _answer(what, lambda found: [RunInfo.from_json(r, f"workflow_runs[{i}]") for i, r in enumerate(found)],
                       items)

    def get_issue(self, number: int) -> IssueInfo:
        what = f"read issue #{number}"
        data = self.backoff.run(what, lambda: self._request("GET", f"/issues/{number}"))
        return _answer(what, _issue_info, data)

    def set_labels(self, number: int, names: Sequence[str]) -> list[LabelInfo]:
        data = self.backoff.run(f"set the labels of #{number}",
                                lambda: self._request("PUT", f"/issues/{number}/labels", list(names)))
        return [LabelInfo(str(d["name"]), str(d.get("color", "")), d.get("description")) for d in data or ()]

    def update_label(self, spec: LabelSpec) -> None:
        body = {"new_name": spec.name, "color": spec.color, "description": spec.description}
        self.backoff.run(f"set the colour of label '{spec.name}'",
                         lambda: self._request("PATCH", f"/labels/{quote(spec.name, safe='')}", body))

    def create_status(self, sha: str, status: CommitStatus, target_url: str | None) -> None:
        body: dict[str, str] = {"state": status.state, "description": status.description, "context": status.context}
        if target_url:
            body["target_url"] = target_url
        self.backoff.run(f"set the status {status.context} of {sha[:7]}",
                         lambda: self._request("POST", f"/statuses/{sha}", body))

    def create_comment(self, number: int, body: str, marker: str) -> CommentInfo:
        """Post a comment; if the POST fails, the comment may exist anyway: re-list and keep exactly one."""
        what = f"comment on #{number}"

        def post() -> CommentInfo:
            return _answer(what, _comment, self._request("POST", f"/issues/{number}/comments", {"body": body}))

        def recover() -> CommentInfo | None:
            kept = self.converge(number, marker)
            if kept is not None and kept.body != body:
                self.edit_comment(kept.id, body)
            return kept

        return self.backoff.run(what, post, recover=recover)

    def converge(self, number: int, marker: str) -> CommentInfo | None:
        """Keep the oldest of the bot's comments carrying `marker`, delete the others."""
        found = mine(self.comments(number), self.login, marker)
        for extra in found[1:]:
            self.delete_comment(extra.id)
        return found[0] if found else None

    def edit_comment(self, comment_id: int, body: str) -> None:
        self.backoff.run("update the bot's comment",
                         lambda: self._request("PATCH", f"/issues/comments/{comment_id}", {"body": body}))

    def delete_comment(self, comment_id: int) -> None:
        def delete() -> None:
            with contextlib.suppress(github.UnknownObjectException):  # already gone: that is what we wanted
                self._request("DELETE", f"/issues/comments/{comment_id}")

        self.backoff.run("delete a duplicate comment", delete)

    def set_state(self, number: int, state: PullState) -> None:
        self.backoff.run(f"set #{number} {state}",
                         lambda: self._request("PATCH", f"/pulls/{number}", {"state": state}))

    # For the consolidation summary (bot/behaviours/summary.py) --------------------------------------------------------

    def find_issues(self, label: str) -> list[tuple[int, str, str, str]]:
        what = f"list the open issues labelled {label}"
        items = self._pages(what, f"/issues?state=open&labels={quote(label, safe='')}")
        return _answer(what, lambda found: [_issue(d, f"[{i}]") for i, d in enumerate(found)
                                            if not (isinstance(d, dict) and "pull_request" in d)], items)

    def create_issue(self, title: str, body: str, labels: Sequence[str]) -> int:
        what = "open the tracking issue"
        # Not retried: a failed POST may have created the issue; the next run finds it by its marker.
        data = self.backoff.run(what, lambda: self._request(
            "POST", "/issues", {"title": title, "body": body, "labels": list(labels)}), retry=False)
        return _answer(what, lambda d: Fields.of(d).integer("number"), data)

    def edit_issue(self, number: int, title: str, body: str) -> None:
        self.backoff.run(f"update issue #{number}",
                         lambda: self._request("PATCH", f"/issues/{number}", {"title": title, "body": body}))

    # For inputs sent through the issue form (bot/behaviours/issueform.py) ---------------------------------------------

    def find_pull(self, branch: str, base: str) -> PullInfo | None:
        """The newest pull request, open or closed, that this bot opened from `branch` of this repository into
        `base` (one request): anyone else's from that branch, or one into another base, is not the input's."""
        what = f"find the pull request of branch {branch}"
        head = quote(f"{self._owner}:{branch}", safe=":")
        data = self.backoff.run(what, lambda: self._request(
            "GET", f"/pulls?state=all&head={head}&base={quote(base, safe='')}&per_page=100"))
        found = [p for p in _answer(what, _fresh_pulls, data) if p.author_login == self.login and p.base_ref == base]
        return max(found, key=lambda p: p.number) if found else None

    def create_pull(self, title: str, branch: str, base: str, body: str) -> PullInfo:
        """Open a pull request from `branch`; if the POST's answer is lost, the one it made is found by its branch."""
        what = f"open a pull request from {branch}"
        return self.backoff.run(what, lambda: _answer(what, _fresh_pull, self._request(
            "POST", "/pulls", {"title": title, "head": branch, "base": base, "body": body,
                               "maintainer_can_modify": False})), recover=lambda: self.find_pull(branch, base))

    def edit_pull(self, number: int, title: str, body: str) -> None:
        self.backoff.run(f"update pull request #{number}",
                         lambda: self._request("PATCH", f"/pulls/{number}", {"title": title, "body": body}))


def _comment(data: Any, path: str = "") -> CommentInfo:
    """A comment as GitHub's API gives it."""
    comment = Fields.of(data, path)
    user = comment.obj("user")
    return CommentInfo(comment.integer("id"), comment.opt_text("body") or "", user.name("login"),
                       user.integer("id"), comment.time("created_at"), comment.time("updated_at"))


def _issue_info(data: Any) -> IssueInfo:
    issue = Fields.of(data)
    user = issue.obj("user")
    return IssueInfo(number=issue.integer("number"), author_id=user.integer("id"), author_login=user.name("login"),
                     created_at=issue.time("created_at"))


def _issue(data: Any, path: str) -> tuple[int, str, str, str]:
    """(number, title, body, author's login) of an issue in a listing."""
    issue = Fields.of(data, path)
    return (issue.integer("number"), issue.opt_text("title") or "", issue.opt_text("body") or "",
            issue.obj("user").name("login"))
