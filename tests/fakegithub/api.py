"""Stateful handlers for the REST operations the fake models, keyed by OpenAPI operationId."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from . import spec
from .render import JSONDict, Renderer
from .state import (
    MAX_BODY,
    MAX_LABEL_DESCRIPTION,
    MAX_LABEL_NAME,
    MAX_STATUS_DESCRIPTION,
    Comment,
    Issue,
    Label,
    PullInfo,
    RepoState,
    Status,
    User,
    now,
)

MAX_TITLE = 256
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 30
_COLOR = re.compile(r"^[0-9a-fA-F]{6}$")


class ApiError(Exception):
    """An error response in GitHub's shape; ``violation`` marks requests GitHub rejects as invalid."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[JSONDict] | None = None,
        violation: bool = False,
        docs_url: str = "https://docs.github.com/rest",
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors
        self.violation = violation
        self.docs_url = docs_url

    def body(self) -> JSONDict:
        out: JSONDict = {"message": self.message}
        if self.errors is not None:
            out["errors"] = self.errors
        out["documentation_url"] = self.docs_url
        out["status"] = str(self.status)
        return out


def not_found(message: str = "Not Found") -> ApiError:
    return ApiError(404, message)


def invalid(resource: str, field_name: str, message: str, *, code: str = "custom", violation: bool = True) -> ApiError:
    """422 Validation Failed; by default a violation (input GitHub refuses: too long, blank, malformed)."""
    error = {"resource": resource, "code": code, "field": field_name, "message": message}
    return ApiError(422, "Validation Failed", errors=[error], violation=violation)


@dataclass
class Call:
    """One request that matched an operation: decoded path params, query and parsed JSON body."""

    match: spec.Match
    path: str
    query_pairs: list[tuple[str, str]]
    body: Any = None

    @property
    def query(self) -> dict[str, str]:
        return dict(self.query_pairs)

    def number(self, name: str) -> int:
        return int(self.match.params[name])

    def field(self, name: str, default: Any = None) -> Any:
        return self.body.get(name, default) if isinstance(self.body, dict) else default


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Call], Reply]


def check_length(resource: str, field_name: str, value: str | None, limit: int) -> None:
    if value is not None and len(value) > limit:
        raise invalid(resource, field_name, f"{field_name} is too long (maximum is {limit} characters)")


def _since(call: Call) -> datetime | None:
    raw = call.query.get("since")
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as exc:
        message = f"Invalid request.\n\nFor 'since', {raw!r} is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SSZ)"
        raise ApiError(422, message, violation=True) from exc


def _after(stamp: str, since: datetime | None) -> bool:
    return since is None or datetime.fromisoformat(stamp.replace("Z", "+00:00")) >= since


class Api:
    """The modelled operations (FakeGitHub adds rate-limit/get); the rest answer from the description's example."""

    def __init__(self, state: RepoState, render: Renderer, actor: User) -> None:
        self.state = state
        self.render = render
        self.actor = actor

    def handlers(self) -> dict[str, Handler]:
        return {
            "repos/get": lambda call: Reply(200, self.render.repository()),
            "users/get-authenticated": self.get_authenticated_user,
            "repos/get-collaborator-permission-level": self.get_permission,
            **self._issue_handlers(),
            **self._pull_handlers(),
            **self._label_handlers(),
            **self._comment_handlers(),
            **self._status_handlers(),
            "actions/list-workflow-runs": self.list_workflow_runs,
        }

    def _issue_handlers(self) -> dict[str, Handler]:
        return {
            "issues/get": lambda call: Reply(200, self.render.issue(self._issue(call))),
            "issues/update": self.update_issue,
            "issues/create": self.create_issue,
            "issues/list-for-repo": self.list_issues,
            "issues/list-events-for-timeline": self.list_timeline,
        }

    def _pull_handlers(self) -> dict[str, Handler]:
        return {
            "pulls/get": lambda call: Reply(200, self.render.pull(self._pull(call))),
            "pulls/create": self.create_pull,
            "pulls/update": self.update_pull,
            "pulls/list": self.list_pulls,
        }

    def _label_handlers(self) -> dict[str, Handler]:
        return {
            "issues/list-labels-on-issue": self.list_issue_labels,
            "issues/add-labels": self.add_issue_labels,
            "issues/set-labels": self.set_issue_labels,
            "issues/remove-all-labels": self.remove_all_issue_labels,
            "issues/remove-label": self.remove_issue_label,
            "issues/list-labels-for-repo": self.list_labels,
            "issues/create-label": self.create_label,
            "issues/get-label": lambda call: Reply(200, self.render.label(self._label(call))),
            "issues/update-label": self.update_label,
            "issues/delete-label": self.delete_label,
        }

    def _comment_handlers(self) -> dict[str, Handler]:
        return {
            "issues/list-comments": self.list_comments,
            "issues/list-comments-for-repo": self.list_repo_comments,
            "issues/create-comment": self.create_comment,
            "issues/get-comment": lambda call: Reply(200, self.render.comment(self._comment(call))),
            "issues/update-comment": self.update_comment,
            "issues/delete-comment": self.delete_comment,
        }

    def _status_handlers(self) -> dict[str, Handler]:
        return {
            "repos/create-commit-status": self.create_status,
            "repos/list-commit-statuses-for-ref": self.list_statuses,
            "repos/get-combined-status-for-ref": self.combined_status,
            "repos/get-commit": lambda call: Reply(200, self.render.commit(self._sha(call, "ref", 422))),
        }

    # lookups ------------------------------------------------------------------------------------------
    def _issue(self, call: Call) -> Issue:
        issue = self.state.issues.get(call.number("issue_number"))
        if issue is None:
            raise not_found()
        return issue

    def _pull(self, call: Call) -> Issue:
        issue = self.state.issues.get(call.number("pull_number"))
        if issue is None or issue.pull is None:
            raise not_found()
        return issue

    def _label(self, call: Call) -> Label:
        label = self.state.find_label(call.match.params["name"])
        if label is None:
            raise not_found()
        return label

    def _comment(self, call: Call) -> Comment:
        comment = self.state.comments.get(call.number("comment_id"))
        if comment is None:
            raise not_found()
        return comment

    # pagination ---------------------------------------------------------------------------------------
    def paginate(self, call: Call, items: list[Any]) -> Reply:
        """Slice ``items`` like GitHub (per_page ≤ 100) and add its ``Link`` header."""
        per_page = min(max(int(call.query.get("per_page") or DEFAULT_PER_PAGE), 1), MAX_PER_PAGE)
        page = max(int(call.query.get("page") or 1), 1)
        last = max((len(items) + per_page - 1) // per_page, 1)
        reply = Reply(200, items[(page - 1) * per_page : page * per_page])
        rels = []
        if page > 1:
            rels.append(("prev", min(page - 1, last)))
        if page < last:
            rels += [("next", page + 1), ("last", last)]
        if page > 1:
            rels.append(("first", 1))
        if rels:
            reply.headers["Link"] = ", ".join(f'<{self._page_url(call, n)}>; rel="{rel}"' for rel, n in rels)
        return reply

    def _page_url(self, call: Call, page: int) -> str:
        """GitHub links pages through ``/repositories/{id}/...`` and keeps the other query parameters."""
        prefix = f"/repos/{self.state.owner}/{self.state.name}"
        path = call.path
        if path.lower().startswith(prefix.lower()):
            path = f"/repositories/{self.state.id}{path[len(prefix) :]}"
        pairs = [(k, v) for k, v in call.query_pairs if k != "page"] + [("page", str(page))]
        return f"{self.render.api_root}{path}?{urlencode(pairs)}"

    # misc ---------------------------------------------------------------------------------------------
    def get_authenticated_user(self, call: Call) -> Reply:
        raise ApiError(403, "Resource not accessible by integration", docs_url=call.match.operation.docs_url)

    def get_permission(self, call: Call) -> Reply:
        login = call.match.params["username"]
        role = self.state.permissions.get(login.lower(), "read")  # public repository: everyone can read
        return Reply(200, self.render.permission(self._known_user(login), role))

    def _known_user(self, login: str) -> User:
        for user in self._all_users():
            if user.login.lower() == login.lower():
                return user
        return User(login, 10_000_000 + zlib.crc32(login.lower().encode()) % 10_000_000)

    def _all_users(self) -> Iterable[User]:
        yield self.actor
        yield from (i.user for i in self.state.issues.values())
        yield from (c.user for c in self.state.comments.values())

    # issues -------------------------------------------------------------------------------------------
    def _check_issue_text(self, call: Call, resource: str) -> None:
        title = call.field("title")
        check_length(resource, "title", None if title is None else str(title), MAX_TITLE)
        check_length(resource, "body", call.field("body"), MAX_BODY)

    def create_issue(self, call: Call) -> Reply:
        self._check_issue_text(call, "Issue")
        stamp = now()
        issue = Issue(
            number=self.state.next_number(),
            id=self.state.new_id("issue"),
            title=str(call.field("title")),
            body=call.field("body"),
            user=self.actor,
            created_at=stamp,
            updated_at=stamp,
            labels=self._labels_from(call.field("labels") or []),
        )
        self.state.issues[issue.number] = issue
        out = self.render.issue(issue, "issues/create")
        return Reply(201, out, {"Location": out["url"]})

    def update_issue(self, call: Call) -> Reply:
        issue = self._issue(call)
        self._check_issue_text(call, "Issue")
        self._apply_text(issue, call)
        if call.field("labels") is not None:
            issue.labels = self._labels_from(call.field("labels"))
        if call.field("state") is not None:
            self._change_state(issue, call.field("state"), call.field("state_reason"))
        issue.updated_at = now()
        return Reply(200, self.render.issue(issue, "issues/update"))

    def _apply_text(self, issue: Issue, call: Call) -> None:
        if call.field("title") is not None:
            issue.title = str(call.field("title"))
        if isinstance(call.body, dict) and "body" in call.body:
            issue.body = call.body["body"]

    def _change_state(self, issue: Issue, state: str, reason: str | None) -> None:
        if issue.pull and issue.pull.merged and state == "open":
            message = "state cannot be changed. The pull request has been merged."
            raise invalid("PullRequest", "state", message, violation=False)
        self.state.set_state(issue, state, reason, self.actor)

    def _labels_from(self, items: Iterable[Any]) -> list[Label]:
        names = [item["name"] if isinstance(item, dict) else str(item) for item in items]
        for name in names:
            check_length("Label", "name", name, MAX_LABEL_NAME)
        labels: list[Label] = []
        for name in names:
            label = self.state.ensure_label(name)
            if label not in labels:
                labels.append(label)
        return labels

    def list_issues(self, call: Call) -> Reply:
        items = [i for i in self.state.issues.values() if self._issue_filter(call, i)]
        items = self._sorted(call, items)
        return self.paginate(call, [self.render.issue(i, "issues/list-for-repo") for i in items])

    def list_timeline(self, call: Call) -> Reply:
        """The seeded events of one issue or pull request, oldest first; 404 for an issue that does not exist."""
        number = self._issue(call).number
        events = [e for e in self.state.timeline if e.issue_number == number]
        events.sort(key=lambda e: (e.created_at, e.id))
        return self.paginate(call, [self.render.timeline_event(e) for e in events])

    def _issue_filter(self, call: Call, issue: Issue) -> bool:
        q = call.query
        state = q.get("state", "open")
        wanted = {n.strip().lower() for n in q.get("labels", "").split(",") if n.strip()}
        have = {lab.name.lower() for lab in issue.labels}
        return (
            (state == "all" or issue.state == state)
            and wanted <= have
            and (not q.get("creator") or q["creator"].lower() == issue.user.login.lower())
            and q.get("assignee", "none") == "none"  # nothing is ever assigned in the fake
            and q.get("milestone", "none") == "none"  # nor in a milestone
            and _after(issue.updated_at, _since(call))
        )

    def _sorted(self, call: Call, items: list[Issue]) -> list[Issue]:
        sort = call.query.get("sort", "created")
        # issues default to desc; pulls to desc only when sorted by creation (GitHub's documented defaults)
        pulls = call.match.operation.operation_id == "pulls/list"
        default_direction = "asc" if pulls and sort != "created" else "desc"
        descending = call.query.get("direction", default_direction) == "desc"
        return sorted(items, key=self._sort_key(sort), reverse=descending)

    def _sort_key(self, sort: str) -> Callable[[Issue], tuple[Any, int]]:
        if sort == "updated":
            return lambda i: (i.updated_at, i.number)
        if sort in ("comments", "popularity"):
            return lambda i: (self.state.comment_count(i.number), i.number)
        return lambda i: (i.created_at, i.number)  # created, long-running

    # pull requests ------------------------------------------------------------------------------------
    def create_pull(self, call: Call) -> Reply:
        """Open a pull request from a branch of this repository, refusing what GitHub refuses (422)."""
        self._check_issue_text(call, "PullRequest")
        head, base = str(call.field("head") or ""), str(call.field("base") or "")
        if call.field("title") is None and call.field("issue") is None:
            raise invalid("PullRequest", "title", "title is missing", code="missing_field")
        owner, _, branch = head.rpartition(":")
        if owner and owner.lower() != self.state.owner.lower():
            raise invalid("PullRequest", "head", "the fake models no forks", code="invalid", violation=False)
        git = self.state.git
        head_sha = git.branch(branch) if git is not None else None
        base_sha = git.branch(base) if git is not None else None
        if head_sha is None:
            raise invalid("PullRequest", "head", "head is invalid", code="invalid", violation=False)
        if base_sha is None:
            raise invalid("PullRequest", "base", "base is invalid", code="invalid", violation=False)
        if any(i.state == "open" and i.pull.head_ref == branch and i.pull.base_ref == base and not i.pull.fork
               for i in self.state.pulls() if i.pull is not None):
            raise invalid("PullRequest", "head", f"A pull request already exists for {self.state.owner}:{branch}.",
                          violation=False)
        if head_sha == base_sha:
            raise invalid("PullRequest", "head", f"No commits between {base} and {branch}", violation=False)
        stamp = now()
        issue = Issue(number=self.state.next_number(), id=self.state.new_id("issue"), title=str(call.field("title")),
                      body=call.field("body"), user=self.actor, created_at=stamp, updated_at=stamp,
                      pull=PullInfo(head_sha, branch, base, base_sha, draft=bool(call.field("draft")),
                                    maintainer_can_modify=bool(call.field("maintainer_can_modify"))))
        self.state.issues[issue.number] = issue
        assert git is not None
        git.publish_pull(issue.number, head_sha)
        out = self.render.pull(issue, "pulls/create")
        return Reply(201, out, {"Location": out["url"]})

    def update_pull(self, call: Call) -> Reply:
        issue = self._pull(call)
        assert issue.pull is not None
        self._check_issue_text(call, "PullRequest")
        self._apply_text(issue, call)
        if call.field("base") is not None:
            issue.pull.base_ref = call.field("base")
        if call.field("maintainer_can_modify") is not None:
            issue.pull.maintainer_can_modify = bool(call.field("maintainer_can_modify"))
        if call.field("state") is not None:
            self._change_state(issue, call.field("state"), None)
        issue.updated_at = now()
        return Reply(200, self.render.pull(issue, "pulls/update"))

    def list_pulls(self, call: Call) -> Reply:
        items = [i for i in self.state.pulls() if self._pull_filter(call, i)]
        items = self._sorted(call, items)
        return self.paginate(call, [self.render.pull(i, "pulls/list") for i in items])

    def _pull_filter(self, call: Call, issue: Issue) -> bool:
        pull = issue.pull
        assert pull is not None
        q = call.query
        state = q.get("state", "open")
        owner = issue.user.login if pull.fork else self.state.owner
        head_ok = "head" not in q or q["head"] in (f"{owner}:{pull.head_ref}", pull.head_ref)
        return (state == "all" or issue.state == state) and head_ok and q.get("base", pull.base_ref) == pull.base_ref

    # issue labels -------------------------------------------------------------------------------------
    def _label_list(self, issue: Issue) -> list[JSONDict]:
        return [self.render.label(lab) for lab in issue.labels]

    @staticmethod
    def _label_items(body: Any) -> list[Any]:
        """Label names from every accepted body form: ["a"], "a", {"labels": [...]}."""
        if isinstance(body, list):
            return body
        if isinstance(body, str):
            return [body]
        return list(body.get("labels") or []) if isinstance(body, dict) else []

    def list_issue_labels(self, call: Call) -> Reply:
        return self.paginate(call, self._label_list(self._issue(call)))

    def add_issue_labels(self, call: Call) -> Reply:
        issue = self._issue(call)
        for label in self._labels_from(self._label_items(call.body)):
            if label not in issue.labels:
                issue.labels.append(label)
        return Reply(200, self._label_list(issue))

    def set_issue_labels(self, call: Call) -> Reply:
        issue = self._issue(call)
        issue.labels = self._labels_from(self._label_items(call.body))
        return Reply(200, self._label_list(issue))

    def remove_all_issue_labels(self, call: Call) -> Reply:
        self._issue(call).labels = []
        return Reply(204)

    def remove_issue_label(self, call: Call) -> Reply:
        issue = self._issue(call)
        name = call.match.params["name"].lower()
        kept = [lab for lab in issue.labels if lab.name.lower() != name]
        if len(kept) == len(issue.labels):
            raise not_found("Label does not exist")
        issue.labels = kept
        return Reply(200, self._label_list(issue))

    # repository labels --------------------------------------------------------------------------------
    def list_labels(self, call: Call) -> Reply:
        labels = sorted(self.state.labels.values(), key=lambda lab: lab.id)
        return self.paginate(call, [self.render.label(lab) for lab in labels])

    @staticmethod
    def _check_label(name: str | None, color: str | None, description: str | None) -> None:
        check_length("Label", "name", name, MAX_LABEL_NAME)
        check_length("Label", "description", description, MAX_LABEL_DESCRIPTION)
        if color is not None and not _COLOR.match(color):
            raise invalid("Label", "color", "color is invalid", code="invalid")

    def _refuse_duplicate(self, name: str, allowed: Label | None = None) -> None:
        existing = self.state.find_label(name)
        if existing is not None and existing is not allowed:
            raise ApiError(
                422,
                "Validation Failed",
                errors=[{"resource": "Label", "code": "already_exists", "field": "name"}],
                docs_url="https://docs.github.com/rest/issues/labels#create-a-label",
            )

    def create_label(self, call: Call) -> Reply:
        name, color, description = call.field("name"), call.field("color"), call.field("description")
        self._check_label(name, color, description)
        self._refuse_duplicate(name)
        label = self.state.add_label(name, (color or "ededed").lower(), description or None)
        out = self.render.label(label)
        return Reply(201, out, {"Location": out["url"]})

    def update_label(self, call: Call) -> Reply:
        label = self._label(call)
        new_name, color = call.field("new_name"), call.field("color")
        description = call.field("description")
        self._check_label(new_name, color, description)
        if new_name is not None:
            self._refuse_duplicate(new_name, allowed=label)
            self.state.rename_label(label, new_name)
        if color is not None:
            label.color = color.lower()
        if description is not None:
            label.description = description or None
        return Reply(200, self.render.label(label))

    def delete_label(self, call: Call) -> Reply:
        self.state.delete_label(self._label(call))
        return Reply(204)

    # comments -----------------------------------------------------------------------------------------
    @staticmethod
    def _check_comment_body(body: str) -> None:
        if not body.strip():
            raise invalid("IssueComment", "body", "body cannot be blank", code="missing_field")
        check_length("IssueComment", "body", body, MAX_BODY)

    def list_comments(self, call: Call) -> Reply:
        since = _since(call)
        comments = [c for c in self.state.issue_comments(self._issue(call).number) if _after(c.updated_at, since)]
        return self.paginate(call, [self.render.comment(c) for c in comments])

    def list_repo_comments(self, call: Call) -> Reply:
        since = _since(call)
        comments = [c for c in sorted(self.state.comments.values(), key=lambda c: c.id) if _after(c.updated_at, since)]
        if call.query.get("sort") == "updated":
            comments.sort(key=lambda c: (c.updated_at, c.id))
        if call.query.get("direction") == "desc":
            comments.reverse()
        return self.paginate(call, [self.render.comment(c) for c in comments])

    def create_comment(self, call: Call) -> Reply:
        issue = self._issue(call)
        body = call.field("body")
        self._check_comment_body(body)
        stamp = now()
        comment = Comment(self.state.new_id("comment"), issue.number, body, self.actor, stamp, stamp)
        self.state.comments[comment.id] = comment
        issue.updated_at = stamp
        out = self.render.comment(comment)
        return Reply(201, out, {"Location": out["url"]})

    def update_comment(self, call: Call) -> Reply:
        comment = self._comment(call)
        self._check_comment_body(call.field("body"))
        comment.body = call.field("body")
        comment.updated_at = now()
        return Reply(200, self.render.comment(comment))

    def delete_comment(self, call: Call) -> Reply:
        del self.state.comments[self._comment(call).id]
        return Reply(204)

    # workflow runs ------------------------------------------------------------------------------------
    def list_workflow_runs(self, call: Call) -> Reply:
        """A workflow's runs, newest first, filtered as GitHub filters them; 404 for a workflow it does not have."""
        self._require("actions", call)
        workflow = self.state.find_workflow(call.match.params["workflow_id"])
        if workflow is None:
            raise not_found()
        q = call.query
        wanted = {"branch": "head_branch", "event": "event", "head_sha": "head_sha"}
        runs = [r for r in sorted(self.state.runs, key=lambda r: -r.id) if r.workflow_id == workflow.id
                and all(getattr(r, attr) == q[key] for key, attr in wanted.items() if key in q)
                and q.get("status") in (None, r.status, r.conclusion)
                and q.get("actor") in (None, r.actor.login)]
        page = self.paginate(call, [self.render.workflow_run(r) for r in runs])
        page.body = {"total_count": len(runs), "workflow_runs": page.body}
        return page

    def _require(self, permission: str, call: Call) -> None:
        """403 as GitHub answers a job's token that was not given `permission`."""
        allowed = self.state.token_permissions
        if allowed is not None and permission not in allowed:
            raise ApiError(403, "Resource not accessible by integration", docs_url=call.match.operation.docs_url)

    # commit statuses ----------------------------------------------------------------------------------
    def _sha(self, call: Call, param: str, status: int) -> str:
        ref = call.match.params[param]
        sha = self.state.resolve_ref(ref)
        if sha is None:
            raise ApiError(status, f"No commit found for SHA: {ref}")
        return sha

    def create_status(self, call: Call) -> Reply:
        sha = self._sha(call, "sha", 422)
        description = call.field("description")
        check_length("Status", "description", description, MAX_STATUS_DESCRIPTION)
        stamp = now()
        status = Status(
            self.state.new_id("status"),
            sha,
            call.field("state"),
            call.field("context") or "default",
            description,
            call.field("target_url"),
            self.actor,
            stamp,
            stamp,
        )
        self.state.statuses.append(status)
        out = self.render.status(status)
        return Reply(201, out, {"Location": out["url"]})

    def list_statuses(self, call: Call) -> Reply:
        statuses = self.state.statuses_for(self._sha(call, "ref", 404))
        return self.paginate(call, [self.render.status(s, "repos/list-commit-statuses-for-ref") for s in statuses])

    def combined_status(self, call: Call) -> Reply:
        return Reply(200, self.render.combined_status(self._sha(call, "ref", 404)))
