"""JSON for the fake's state, built on GitHub's documented response examples with our fields overlaid."""

from __future__ import annotations

import base64
import copy
import functools
from typing import Any
from urllib.parse import quote

from . import spec
from .state import Comment, Issue, Label, RepoState, Status, TimelineEvent, User, WorkflowRun

JSONDict = dict[str, Any]

_EXAMPLE_REPO = "octocat/Hello-World"


@functools.cache
def _template(operation_id: str) -> Any:
    """The documented example of an operation (first item when it is a list), parsed once."""
    _, value = spec.example(spec.by_operation_id(operation_id))
    return value[0] if isinstance(value, list) else value


def node_id(kind: str, number: int) -> str:
    return base64.b64encode(f"0{len(kind)}:{kind}{number}".encode()).decode()


class Renderer:
    """Turns state objects into GitHub-shaped JSON whose URLs point back at the fake."""

    def __init__(self, state: RepoState, api_root: str, html_root: str) -> None:
        self.state = state
        self.api_root = api_root  # e.g. http://127.0.0.1:1234/api/v3
        self.html_root = html_root  # e.g. http://127.0.0.1:1234

    # generic ------------------------------------------------------------------------------------------
    @property
    def repo_api(self) -> str:
        return f"{self.api_root}/repos/{self.state.owner}/{self.state.name}"

    @property
    def repo_html(self) -> str:
        return f"{self.html_root}/{self.state.owner}/{self.state.name}"

    def localize(self, value: Any) -> Any:
        """Point every github.com / api.github.com URL (and octocat/Hello-World) at the fake's repo."""
        if isinstance(value, dict):
            return {k: self.localize(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.localize(v) for v in value]
        if isinstance(value, str):
            return self._localize_str(value)
        return value

    def _localize_str(self, text: str) -> str:
        full_name = f"{self.state.owner}/{self.state.name}"
        return (
            text.replace(f"https://api.github.com/repos/{_EXAMPLE_REPO}", self.repo_api)
            .replace(f"https://github.com/{_EXAMPLE_REPO}", self.repo_html)
            .replace("https://api.github.com", self.api_root)
            .replace("https://github.com/", self.html_root + "/")
            .replace(_EXAMPLE_REPO, full_name)
        )

    def example(self, operation_id: str, *keys: str) -> Any:
        """A fresh, localized copy of an operation's example, or of the part under ``keys``."""
        value = _template(operation_id)
        for key in keys:
            value = value[key]
        return self.localize(copy.deepcopy(value))

    # objects ------------------------------------------------------------------------------------------
    def user(self, user: User) -> JSONDict:
        out: JSONDict = self.example("issues/get", "user")
        login = quote(user.login, safe="")
        for key, value in out.items():
            if isinstance(value, str) and "/users/octocat" in value:
                out[key] = value.replace("/users/octocat", f"/users/{login}")
        bot = user.type == "Bot"
        out.update(
            login=user.login,
            id=user.id,
            node_id=node_id("Bot" if bot else "User", user.id),
            avatar_url=f"https://avatars.githubusercontent.com/u/{user.id}?v=4",
            html_url=f"{self.html_root}/apps/{user.login.removesuffix('[bot]')}"
            if bot
            else f"{self.html_root}/{login}",
            type=user.type,
            site_admin=False,
        )
        return out

    def label(self, label: Label) -> JSONDict:
        out: JSONDict = self.example("issues/get-label")
        out.update(
            id=label.id,
            node_id=node_id("Label", label.id),
            url=f"{self.repo_api}/labels/{quote(label.name, safe='')}",
            name=label.name,
            color=label.color,
            description=label.description,
            default=label.default,
        )
        return out

    def issue(self, issue: Issue, operation_id: str = "issues/get") -> JSONDict:
        out: JSONDict = self.example(operation_id)
        api = f"{self.repo_api}/issues/{issue.number}"
        kind = "pull" if issue.pull else "issues"
        out.update(
            id=issue.id,
            node_id=node_id("PullRequest" if issue.pull else "Issue", issue.id),
            url=api,
            repository_url=self.repo_api,
            labels_url=f"{api}/labels{{/name}}",
            comments_url=f"{api}/comments",
            events_url=f"{api}/events",
            html_url=f"{self.repo_html}/{kind}/{issue.number}",
            number=issue.number,
            state=issue.state,
            state_reason=issue.state_reason,
            title=issue.title,
            body=issue.body,
            user=self.user(issue.user),
            labels=[self.label(lab) for lab in issue.labels],
            assignee=None,
            assignees=[],
            milestone=None,
            locked=issue.locked,
            active_lock_reason=None,
            comments=self.state.comment_count(issue.number),
            closed_at=issue.closed_at,
            created_at=issue.created_at,
            updated_at=issue.updated_at,
            closed_by=self.user(issue.closed_by) if issue.closed_by else None,
            author_association=issue.author_association,
        )
        if "timeline_url" in out:
            out["timeline_url"] = f"{api}/timeline"
        self._issue_pull_link(out, issue)
        return out

    def _issue_pull_link(self, out: JSONDict, issue: Issue) -> None:
        if issue.pull is None:
            out.pop("pull_request", None)
            out.pop("draft", None)
            return
        html = f"{self.repo_html}/pull/{issue.number}"
        out["pull_request"] = {
            "url": f"{self.repo_api}/pulls/{issue.number}",
            "html_url": html,
            "diff_url": f"{html}.diff",
            "patch_url": f"{html}.patch",
            "merged_at": issue.pull.merged_at,
        }
        out["draft"] = issue.pull.draft

    def pull(self, issue: Issue, operation_id: str = "pulls/get") -> JSONDict:
        pull = issue.pull
        assert pull is not None
        out: JSONDict = self.example(operation_id)
        api = f"{self.repo_api}/pulls/{issue.number}"
        html = f"{self.repo_html}/pull/{issue.number}"
        out.update(
            url=api,
            id=issue.id,
            node_id=node_id("PullRequest", issue.id),
            html_url=html,
            diff_url=f"{html}.diff",
            patch_url=f"{html}.patch",
            issue_url=f"{self.repo_api}/issues/{issue.number}",
            commits_url=f"{api}/commits",
            review_comments_url=f"{api}/comments",
            comments_url=f"{self.repo_api}/issues/{issue.number}/comments",
            statuses_url=f"{self.repo_api}/statuses/{pull.head_sha}",
            number=issue.number,
            state=issue.state,
            locked=issue.locked,
            title=issue.title,
            user=self.user(issue.user),
            body=issue.body,
            labels=[self.label(lab) for lab in issue.labels],
            milestone=None,
            active_lock_reason=None,
            created_at=issue.created_at,
            updated_at=issue.updated_at,
            closed_at=issue.closed_at,
            merged_at=pull.merged_at,
            merge_commit_sha=pull.merge_commit_sha,
            assignee=None,
            assignees=[],
            requested_reviewers=[],
            requested_teams=[],
            head=self._branch(issue, head=True),
            base=self._branch(issue, head=False),
            author_association=issue.author_association,
            auto_merge=None,
            draft=pull.draft,
        )
        self._pull_links(out, issue)
        self._pull_details(out, issue)
        return out

    def _pull_links(self, out: JSONDict, issue: Issue) -> None:
        assert issue.pull is not None
        api = f"{self.repo_api}/pulls/{issue.number}"
        links = {
            "self": api,
            "html": f"{self.repo_html}/pull/{issue.number}",
            "issue": f"{self.repo_api}/issues/{issue.number}",
            "comments": f"{self.repo_api}/issues/{issue.number}/comments",
            "review_comments": f"{api}/comments",
            "review_comment": f"{self.repo_api}/pulls/comments{{/number}}",
            "commits": f"{api}/commits",
            "statuses": f"{self.repo_api}/statuses/{issue.pull.head_sha}",
        }
        out["_links"] = {name: {"href": href} for name, href in links.items()}

    def _pull_details(self, out: JSONDict, issue: Issue) -> None:
        """Fields only the full pull request (GET /pulls/{n}) has."""
        assert issue.pull is not None
        if "merged" not in out:
            return
        out.update(
            merged=issue.pull.merged,
            mergeable=None if issue.pull.merged or issue.state == "closed" else True,
            rebaseable=None if issue.pull.merged else True,
            mergeable_state="unknown" if issue.state == "closed" else "clean",
            merged_by=None,
            comments=self.state.comment_count(issue.number),
            review_comments=0,
            maintainer_can_modify=issue.pull.maintainer_can_modify,
        )

    def _branch(self, issue: Issue, *, head: bool) -> JSONDict:
        pull = issue.pull
        assert pull is not None
        fork = head and pull.fork
        owner = User(issue.user.login, issue.user.id, issue.user.type) if fork else self._owner_user()
        ref, sha = (pull.head_ref, pull.head_sha) if head else (pull.base_ref, pull.base_sha)
        return {
            "label": f"{owner.login}:{ref}",
            "ref": ref,
            "sha": sha,
            "user": self.user(owner),
            "repo": self.repository(fork_of=issue if fork else None, template="pulls/get"),
        }

    def _owner_user(self) -> User:
        return User(self.state.owner, self.state.owner_id, "Organization")

    def repository(self, *, fork_of: Issue | None = None, template: str = "repos/get") -> JSONDict:
        """The repository, or (``fork_of``) the fork a pull request's head lives in."""
        keys = ("head", "repo") if template == "pulls/get" else ()
        out: JSONDict = self.example(template, *keys)
        owner = fork_of.user if fork_of else self._owner_user()
        repo_id = self.state.id + fork_of.id if fork_of else self.state.id
        full_name = f"{owner.login}/{self.state.name}"
        if fork_of:
            out = _retarget(out, f"{self.state.owner}/{self.state.name}", full_name)
        out.update(
            id=repo_id,
            node_id=node_id("Repository", repo_id),
            name=self.state.name,
            full_name=full_name,
            owner=self.user(owner),
            private=False,
            fork=fork_of is not None,
            default_branch=self.state.default_branch,
        )
        out.setdefault("language", None)  # required by the schema, missing from GitHub's example
        if not fork_of:
            self._repo_counts(out)
        return out

    def _repo_counts(self, out: JSONDict) -> None:
        open_issues = sum(1 for i in self.state.issues.values() if i.state == "open")
        for key in ("open_issues_count", "open_issues"):
            if key in out:
                out[key] = open_issues
        for key in ("template_repository", "parent", "source", "organization"):
            out.pop(key, None)
        if "permissions" in out:
            out["permissions"] = {"admin": False, "maintain": False, "push": True, "triage": True, "pull": True}

    def comment(self, comment: Comment) -> JSONDict:
        out: JSONDict = self.example("issues/get-comment")
        issue = self.state.issues.get(comment.issue_number)
        kind = "pull" if issue and issue.pull else "issues"
        out.update(
            id=comment.id,
            node_id=node_id("IssueComment", comment.id),
            url=f"{self.repo_api}/issues/comments/{comment.id}",
            html_url=f"{self.repo_html}/{kind}/{comment.issue_number}#issuecomment-{comment.id}",
            issue_url=f"{self.repo_api}/issues/{comment.issue_number}",
            body=comment.body,
            user=self.user(comment.user),
            created_at=comment.created_at,
            updated_at=comment.updated_at,
            author_association=comment.author_association,
            performed_via_github_app=None,
        )
        out.pop("pin", None)
        out.pop("minimized", None)
        return out

    def timeline_event(self, event: TimelineEvent) -> JSONDict:
        """An issue event in the common shape the description documents (its first example is one)."""
        out: JSONDict = self.example("issues/list-events-for-timeline")
        for key in ("lock_reason", "label", "rename", "body", "user"):
            out.pop(key, None)
        out.update(
            id=event.id,
            node_id=node_id("IssueEvent", event.id),
            url=f"{self.repo_api}/issues/events/{event.id}",
            actor=self.user(event.actor),
            event=event.event,
            commit_id=event.commit_id,
            commit_url=f"{self.repo_api}/commits/{event.commit_id}" if event.commit_id else None,
            created_at=event.created_at,
            performed_via_github_app=None,
        )
        return out

    def workflow_run(self, run: WorkflowRun) -> JSONDict:
        """A run in the shape the runs listing documents (its example's fields), with our run's facts."""
        out: JSONDict = self.example("actions/list-workflow-runs", "workflow_runs", 0)
        workflow = self.state.workflows[run.workflow_id]
        api = f"{self.repo_api}/actions/runs/{run.id}"
        out.update(
            id=run.id,
            node_id=node_id("WorkflowRun", run.id),
            name=workflow.name,
            head_branch=run.head_branch,
            head_sha=run.head_sha,
            path=workflow.path,
            display_title=run.display_title,
            run_number=run.run_number,
            run_attempt=1,
            event=run.event,
            status=run.status,
            conclusion=run.conclusion,
            workflow_id=workflow.id,
            check_suite_id=run.id + 1,
            check_suite_node_id=node_id("CheckSuite", run.id + 1),
            url=api,
            html_url=f"{self.repo_html}/actions/runs/{run.id}",
            pull_requests=[],  # GitHub lists none for a fork's pull request; the bot never relies on them
            created_at=run.created_at,
            updated_at=run.created_at,
            run_started_at=run.created_at,
            actor=self.user(run.actor),
            triggering_actor=self.user(run.actor),
            jobs_url=f"{api}/jobs",
            logs_url=f"{api}/logs",
            check_suite_url=f"{self.repo_api}/check-suites/{run.id + 1}",
            artifacts_url=f"{api}/artifacts",
            cancel_url=f"{api}/cancel",
            rerun_url=f"{api}/rerun",
            workflow_url=f"{self.repo_api}/actions/workflows/{workflow.id}",
        )
        out["head_commit"].update(id=run.head_sha, tree_id=run.head_sha, timestamp=run.created_at)
        template = out["repository"]
        out["repository"] = _slice(self.repository(), template)
        out["head_repository"] = _slice(self.repository(fork_of=run.fork_of), template)
        return out

    def status(self, status: Status, operation_id: str = "repos/create-commit-status") -> JSONDict:
        out: JSONDict = self.example(operation_id)
        out.update(
            url=f"{self.repo_api}/statuses/{status.sha}",
            avatar_url=f"https://avatars.githubusercontent.com/u/{status.creator.id}?v=4",
            id=status.id,
            node_id=node_id("StatusContext", status.id),
            state=status.state,
            description=status.description,
            target_url=status.target_url,
            context=status.context,
            created_at=status.created_at,
            updated_at=status.updated_at,
        )
        if "creator" in out:
            out["creator"] = self.user(status.creator)
        return out

    def combined_status(self, sha: str) -> JSONDict:
        latest = list(self.state.latest_statuses(sha).values())
        out: JSONDict = self.example("repos/get-combined-status-for-ref")
        out.update(
            state=combined_state([s.state for s in latest]),
            statuses=[self.status(s, "repos/get-combined-status-for-ref") for s in latest],
            sha=sha,
            total_count=len(latest),
            repository=self._minimal_repository(out.get("repository", {})),
            commit_url=f"{self.repo_api}/commits/{sha}",
            url=f"{self.repo_api}/commits/{sha}/status",
        )
        return out

    def _minimal_repository(self, template: JSONDict) -> JSONDict:
        full = self.repository()
        return {key: full.get(key, value) for key, value in template.items()}

    def commit(self, sha: str) -> JSONDict:
        """A commit the fake knows only by SHA: the example's shape, our SHA, no file list."""
        out: JSONDict = self.example("repos/get-commit")
        out.update(
            sha=sha,
            node_id=node_id("Commit", int(sha[:8], 16)),
            url=f"{self.repo_api}/commits/{sha}",
            html_url=f"{self.repo_html}/commit/{sha}",
            comments_url=f"{self.repo_api}/commits/{sha}/comments",
            files=[],
        )
        out["commit"]["url"] = f"{self.repo_api}/git/commits/{sha}"
        return out

    def permission(self, user: User, role: str) -> JSONDict:
        out: JSONDict = self.example("repos/get-collaborator-permission-level")
        legacy = {"maintain": "write", "triage": "read"}.get(role, role)
        out.update(permission=legacy, role_name=role, user=self.user(user))
        out["user"]["permissions"] = _permission_flags(role)
        out["user"]["role_name"] = role
        return out

    def rate_limit(self, limit: int, used: int, reset: int) -> JSONDict:
        out: JSONDict = self.example("rate-limit/get")
        core = {"limit": limit, "used": used, "remaining": max(limit - used, 0), "reset": reset}
        out["resources"]["core"] = dict(core)
        out["rate"] = dict(core)
        return out


_ROLE_ORDER = ("none", "read", "triage", "write", "maintain", "admin")


def _permission_flags(role: str) -> dict[str, bool]:
    rank = _ROLE_ORDER.index(role) if role in _ROLE_ORDER else 1
    names = {"pull": 1, "triage": 2, "push": 3, "maintain": 4, "admin": 5}
    return {name: rank >= needed for name, needed in names.items()}


def combined_state(states: list[str]) -> str:
    """GitHub's combined state: failure if any error/failure, pending if any pending or none, else success."""
    if any(s in ("error", "failure") for s in states):
        return "failure"
    if not states or "pending" in states:
        return "pending"
    return "success"


def _slice(full: JSONDict, template: JSONDict) -> JSONDict:
    """`full` cut down to the keys of a smaller documented shape (a minimal repository)."""
    return {key: full.get(key, value) for key, value in template.items()}


def _retarget(value: Any, old: str, new: str) -> Any:
    if isinstance(value, dict):
        return {k: _retarget(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_retarget(v, old, new) for v in value]
    return value.replace(f"/{old}", f"/{new}") if isinstance(value, str) else value
