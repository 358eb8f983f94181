"""Self-tests of the local GitHub REST fake, driven through PyGithub and raw HTTP on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import github
import pytest
from github.Repository import Repository

from fakegithub import FakeGitHub, fake_sha, serve_checked

HEAD = fake_sha("head")
ALICE: dict[str, Any] = {"user_login": "alice", "user_id": 1001}


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    # check_responses: every answer must also match GitHub's documented response schema
    yield from serve_checked(check_responses=True)


@pytest.fixture
def gh(fake: FakeGitHub) -> github.Github:
    return fake.client()


@pytest.fixture
def repo(gh: github.Github, fake: FakeGitHub) -> Repository:
    return gh.get_repo(fake.full_name)


def raw(fake: FakeGitHub, method: str, path: str, body: Any = None) -> tuple[int, dict[str, str], Any]:
    """Send one request without PyGithub: (status, lower-cased headers, parsed JSON or None)."""
    url = urlsplit(fake.base_url)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=10)
    try:
        payload = None if body is None else json.dumps(body)
        conn.request(method, url.path + path, payload, {"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, json.loads(data) if data else None
    finally:
        conn.close()


def take_violations(fake: FakeGitHub) -> list[str]:
    """Return and clear the recorded violations (tests that provoke them on purpose)."""
    found = list(fake.violations)
    fake.violations.clear()
    return found


# --- plumbing -----------------------------------------------------------------------------------------------
def test_plain_pygithub_client_reaches_the_fake(fake: FakeGitHub) -> None:
    gh = github.Github(base_url=fake.base_url, auth=github.Auth.Token("t"), retry=None)
    repo = gh.get_repo("ccm-presidency/drafts")
    assert (repo.full_name, repo.id, repo.default_branch) == ("ccm-presidency/drafts", 812_345_678, "main")
    assert fake.base_url.startswith("http://127.0.0.1:") and fake.base_url.endswith("/api/v3")
    assert fake.requests[-1][:2] == ("GET", "/repos/ccm-presidency/drafts")


def test_every_response_carries_json_and_rate_limit_headers(fake: FakeGitHub) -> None:
    status, headers, _ = raw(fake, "GET", "/repos/ccm-presidency/drafts")
    assert status == 200
    assert headers["content-type"] == "application/json; charset=utf-8"
    assert int(headers["x-ratelimit-limit"]) == 1000
    assert int(headers["x-ratelimit-used"]) == 1
    assert int(headers["x-ratelimit-remaining"]) == 999
    assert int(headers["x-ratelimit-reset"]) > time.time()
    status, headers, _ = raw(fake, "GET", "/repos/ccm-presidency/drafts/issues/99")
    assert status == 404 and headers["x-ratelimit-remaining"] == "998"


def test_get_user_is_refused_like_an_actions_token(gh: github.Github, fake: FakeGitHub) -> None:
    with pytest.raises(github.GithubException) as caught:
        _ = gh.get_user().login
    assert caught.value.status == 403
    assert caught.value.data["message"] == "Resource not accessible by integration"
    assert fake.violations == []


def test_rate_limit_endpoint_reports_the_counters(gh: github.Github, fake: FakeGitHub) -> None:
    gh.get_repo(fake.full_name)
    core = gh.get_rate_limit().resources.core
    assert (core.limit, core.remaining, core.used) == (1000, 999, 1)


# --- violations -------------------------------------------------------------------------------------------
def test_unknown_path_is_404_and_a_violation(fake: FakeGitHub) -> None:
    status, _, body = raw(fake, "GET", "/repos/ccm-presidency/drafts/no-such-thing")
    assert status == 404 and body["message"].startswith("Not Found")
    status, _, _ = raw(fake, "POST", "/repos/ccm-presidency/drafts/issues/1")  # path exists, method does not
    assert status == 404
    found = take_violations(fake)
    assert len(found) == 2
    assert "no-such-thing" in found[0]
    assert "documented methods: GET, PATCH" in found[1]


def test_other_repository_is_a_violation(gh: github.Github, fake: FakeGitHub) -> None:
    with pytest.raises(github.UnknownObjectException):
        gh.get_repo("octocat/Hello-World")
    assert "serves only ccm-presidency/drafts" in take_violations(fake)[0]


def test_invalid_status_state_is_422_and_a_violation(repo: Repository, fake: FakeGitHub) -> None:
    commit = repo.get_commit(HEAD)
    with pytest.raises(github.GithubException) as caught:
        commit.create_status("bogus", context="ci")
    assert caught.value.status == 422
    assert caught.value.data["message"].startswith("Invalid request.")
    assert "'bogus' is not one of" in take_violations(fake)[0]
    assert fake.statuses(HEAD) == {}


def test_fixture_teardown_fails_the_test_on_violations() -> None:
    checked = serve_checked()
    fake = next(checked)
    raw(fake, "GET", "/nope")
    with pytest.raises(pytest.fail.Exception, match="GET /nope"):
        next(checked)


def test_requests_outside_api_v3_are_violations(fake: FakeGitHub) -> None:
    url = urlsplit(fake.base_url)
    conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=10)
    conn.request("GET", "/repos/ccm-presidency/drafts")
    assert conn.getresponse().status == 404
    conn.close()
    assert take_violations(fake)


def test_bad_query_values_are_violations(fake: FakeGitHub) -> None:
    status, _, _ = raw(fake, "GET", "/repos/ccm-presidency/drafts/issues?state=bogus")
    assert status == 422
    assert "state" in take_violations(fake)[0]


def test_unmodelled_operations_answer_from_the_example_and_are_recorded(fake: FakeGitHub) -> None:
    status, _, body = raw(fake, "GET", "/repos/ccm-presidency/drafts/branches/main")
    assert status == 200 and body["name"]
    assert body["_links"]["self"].startswith(fake.base_url)  # example URLs point back at the fake
    assert fake.unmodelled == ["GET /repos/{owner}/{repo}/branches/{branch} (repos/get-branch)"]


# --- labels -----------------------------------------------------------------------------------------------
def test_creating_a_label_twice_is_422_already_exists(repo: Repository, fake: FakeGitHub) -> None:
    repo.create_label("needs review", "fbca04", "Waiting for a reviewer")
    with pytest.raises(github.GithubException) as caught:
        repo.create_label("Needs Review", "ffffff")  # names are case-insensitive
    assert caught.value.status == 422
    assert caught.value.data["errors"] == [{"resource": "Label", "code": "already_exists", "field": "name"}]
    assert fake.labels() == {
        "needs review": {"name": "needs review", "color": "fbca04", "description": "Waiting for a reviewer"}
    }
    assert fake.violations == []  # a conflict is a normal answer, not a misuse


def test_label_limits_are_violations(repo: Repository, fake: FakeGitHub) -> None:
    with pytest.raises(github.GithubException) as caught:
        repo.create_label("x" * 51, "ededed")
    assert caught.value.status == 422
    with pytest.raises(github.GithubException):
        repo.create_label("ok", "#ededed")
    assert len(take_violations(fake)) == 2


def test_label_edit_and_delete(repo: Repository, fake: FakeGitHub) -> None:
    fake.add_label("draft", "cccccc")
    number = fake.add_issue(title="t", labels=["draft"], **ALICE)
    label = repo.get_label("DRAFT")
    label.edit("final", "00ff00", "Adopted text")
    assert fake.issue_labels(number) == {"final"}
    repo.get_label("final").delete()
    assert fake.labels() == {} and fake.issue_labels(number) == set()
    with pytest.raises(github.UnknownObjectException):
        repo.get_label("final")


def test_issue_labels_add_remove_set(repo: Repository, fake: FakeGitHub) -> None:
    fake.add_label("bug", "d73a4a", "Something isn't working")
    number = fake.add_issue(title="Paragraph 3", **ALICE)
    issue = repo.get_issue(number)
    issue.add_to_labels("bug", "consensus")  # unknown labels are created, like GitHub does
    assert fake.issue_labels(number) == {"bug", "consensus"}
    assert fake.labels()["consensus"]["color"] == "ededed"
    issue.remove_from_labels("bug")
    assert fake.issue_labels(number) == {"consensus"}
    issue.set_labels("a", "b")
    assert fake.issue_labels(number) == {"a", "b"}
    assert [lab.name for lab in issue.get_labels()] == ["a", "b"]
    with pytest.raises(github.GithubException) as caught:
        issue.remove_from_labels("bug")
    assert caught.value.status == 404
    issue.delete_labels()
    assert fake.issue_labels(number) == set()


def test_documented_label_body_exceptions_are_accepted(fake: FakeGitHub) -> None:
    number = fake.add_issue(title="t", **ALICE)
    path = f"/repos/ccm-presidency/drafts/issues/{number}/labels"
    assert raw(fake, "PUT", path, ["x", "y"])[0] == 200
    assert raw(fake, "POST", path, {"labels": [{"name": "z"}]})[0] == 200
    assert fake.issue_labels(number) == {"x", "y", "z"}
    assert raw(fake, "PUT", path, {"labels": []})[0] == 200
    assert fake.issue_labels(number) == set()
    assert raw(fake, "POST", path, {"labels": 7})[0] == 422
    assert len(take_violations(fake)) == 1


# --- comments ---------------------------------------------------------------------------------------------
def test_comments_create_edit_delete(repo: Repository, fake: FakeGitHub) -> None:
    number = fake.add_pull(title="Draft 2", head_sha=HEAD, head_ref="draft-2", **ALICE)
    fake.add_comment(number, "first!", "bob", 1002)
    comment = repo.get_issue(number).create_comment("bot summary")
    assert comment.user.login == "github-actions[bot]" and comment.user.type == "Bot"
    assert comment.html_url.endswith(f"/ccm-presidency/drafts/pull/{number}#issuecomment-{comment.id}")
    comment.edit("bot summary v2")
    assert [c["body"] for c in fake.comments(number)] == ["first!", "bot summary v2"]
    assert repo.get_issue(number).get_comment(comment.id).body == "bot summary v2"
    comment.delete()
    assert [c["user"]["login"] for c in fake.comments(number)] == ["bob"]
    with pytest.raises(github.UnknownObjectException):
        repo.get_issue(number).get_comment(comment.id)


def test_overlong_and_blank_bodies_are_422_violations(repo: Repository, fake: FakeGitHub) -> None:
    issue = repo.get_issue(fake.add_issue(title="t", **ALICE))
    issue.create_comment("x" * 65_536)  # exactly the limit is fine
    with pytest.raises(github.GithubException) as caught:
        issue.create_comment("x" * 65_537)
    assert caught.value.status == 422
    assert caught.value.data["errors"][0]["message"] == "body is too long (maximum is 65536 characters)"
    with pytest.raises(github.GithubException):
        issue.edit(body="y" * 70_000)
    with pytest.raises(github.GithubException):
        issue.create_comment("   ")
    assert len(take_violations(fake)) == 3
    assert len(fake.comments(issue.number)) == 1


def test_250_comments_paginate_in_order(fake: FakeGitHub) -> None:
    number = fake.add_issue(title="busy", **ALICE)
    for i in range(250):
        fake.add_comment(number, f"comment {i}", "bob", 1002)
    repo = fake.client(per_page=100).get_repo(fake.full_name)
    fake.reset_requests()
    bodies = [c.body for c in repo.get_issue(number).get_comments()]
    assert bodies == [f"comment {i}" for i in range(250)]
    pages = [r.query.get("page", "1") for r in fake.calls("GET", "*/comments")]
    assert pages == ["1", "2", "3"]
    assert repo.get_issue(number).get_comments().totalCount == 250


def test_link_header_is_formatted_like_github(fake: FakeGitHub) -> None:
    number = fake.add_issue(title="busy", **ALICE)
    for i in range(250):
        fake.add_comment(number, f"comment {i}", "bob", 1002)
    base = f"{fake.base_url}/repositories/812345678/issues/{number}/comments"
    _, headers, body = raw(fake, "GET", f"/repos/ccm-presidency/drafts/issues/{number}/comments?per_page=100")
    assert len(body) == 100
    assert headers["link"] == (f'<{base}?per_page=100&page=2>; rel="next", <{base}?per_page=100&page=3>; rel="last"')
    _, headers, body = raw(fake, "GET", f"/repos/ccm-presidency/drafts/issues/{number}/comments?per_page=100&page=3")
    assert len(body) == 50
    assert headers["link"] == (f'<{base}?per_page=100&page=2>; rel="prev", <{base}?per_page=100&page=1>; rel="first"')
    _, headers, _ = raw(fake, "GET", f"/repos/ccm-presidency/drafts/issues/{number}/comments?per_page=500")
    assert 'page=3>; rel="last"' in headers["link"]  # per_page is capped at 100


# --- issues and pull requests -----------------------------------------------------------------------------
def test_issues_and_pulls_share_numbers_and_lists(repo: Repository, fake: FakeGitHub) -> None:
    pr = fake.add_pull(title="Draft", head_sha=HEAD, head_ref="draft", **ALICE)
    issue = repo.create_issue("Question on para 4", body="Why?", labels=["question"])
    assert (pr, issue.number) == (1, 2)
    assert issue.user.login == "github-actions[bot]" and fake.issue_labels(2) == {"question"}
    listed = {i.number: i for i in repo.get_issues(state="all")}
    assert set(listed) == {1, 2}
    assert listed[1].pull_request is not None and listed[2].pull_request is None
    assert [p.number for p in repo.get_pulls(state="all")] == [1]
    assert [i.number for i in repo.get_issues(labels=["question"])] == [2]
    assert [i.number for i in repo.get_issues(creator="alice")] == [1]  # type: ignore[arg-type]


def test_issue_edit_close_and_reopen(repo: Repository, fake: FakeGitHub) -> None:
    issue = repo.get_issue(fake.add_issue(title="t", **ALICE))
    issue.edit(state="closed", state_reason="not_planned", title="t2", labels=["wontfix"])
    data = fake.issue(issue.number)
    assert (data["state"], data["state_reason"], data["title"]) == ("closed", "not_planned", "t2")
    assert data["closed_by"]["login"] == "github-actions[bot]" and data["closed_at"]
    assert fake.issue_labels(issue.number) == {"wontfix"}
    issue.edit(state="open")
    assert (fake.issue(issue.number)["state"], fake.issue(issue.number)["state_reason"]) == ("open", "reopened")
    assert [i.number for i in repo.get_issues(state="closed")] == []


def test_pull_fields_and_set_pull(repo: Repository, fake: FakeGitHub) -> None:
    number = fake.add_pull(
        title="From a fork",
        body="text",
        head_sha=HEAD,
        head_ref="patch-1",
        fork=True,
        user_login="mallory",
        user_id=666,
        created_at="2025-01-02T03:04:05Z",
    )
    pull = repo.get_pull(number)
    assert (pull.head.sha, pull.head.ref, pull.base.ref) == (HEAD, "patch-1", "main")
    assert pull.head.repo.fork and pull.head.repo.full_name == "mallory/drafts"
    assert not pull.base.repo.fork and pull.base.repo.full_name == "ccm-presidency/drafts"
    assert pull.created_at.isoformat() == "2025-01-02T03:04:05+00:00"
    assert (pull.draft, pull.merged, pull.state, pull.user.login) == (False, False, "open", "mallory")
    new_head = fake_sha("head-2")
    fake.set_pull(number, head_sha=new_head)
    assert repo.get_pull(number).head.sha == new_head
    fake.set_pull(number, merged=True)
    merged = repo.get_pull(number)
    assert merged.merged and merged.state == "closed" and merged.merged_at is not None
    assert repo.get_issue(number).pull_request is not None


def test_pull_edit_and_list_filters(repo: Repository, fake: FakeGitHub) -> None:
    first = fake.add_pull(title="one", head_sha=HEAD, head_ref="one", **ALICE)
    second = fake.add_pull(title="two", head_sha=fake_sha("two"), head_ref="two", draft=True, **ALICE)
    repo.get_pull(first).edit(title="one!", state="closed")
    assert [p.number for p in repo.get_pulls()] == [second]
    assert [p.number for p in repo.get_pulls(state="all", sort="created", direction="asc")] == [first, second]
    assert [p.number for p in repo.get_pulls(state="all", head="ccm-presidency:two")] == [second]
    assert fake.pull(first)["title"] == "one!" and fake.pull(second)["draft"] is True
    with pytest.raises(github.UnknownObjectException):
        repo.get_pull(fake.add_issue(title="plain issue", **ALICE))


def test_collaborator_permission(repo: Repository, fake: FakeGitHub) -> None:
    fake.set_permission("chair", "maintain")
    assert repo.get_collaborator_permission("chair") == "write"  # legacy name, as GitHub maps it
    assert repo.get_collaborator_role_name("chair") == "maintain"
    assert repo.get_collaborator_permission("someone") == "read"  # public repository


# --- commit statuses --------------------------------------------------------------------------------------
def test_statuses_newest_per_context_wins(repo: Repository, fake: FakeGitHub) -> None:
    commit = repo.get_commit(HEAD)
    commit.create_status("pending", context="ccmflow/check", description="running")
    commit.create_status("success", target_url="https://example.org/run/1", context="ccmflow/check")
    commit.create_status("failure", context="ccmflow/lint", description="x" * 140)
    assert {c: s["state"] for c, s in fake.statuses(HEAD).items()} == {
        "ccmflow/check": "success",
        "ccmflow/lint": "failure",
    }
    combined = commit.get_combined_status()
    assert (combined.state, combined.total_count, combined.sha) == ("failure", 2, HEAD)
    assert [s.state for s in commit.get_statuses()] == ["failure", "success", "pending"]  # newest first


def test_status_description_over_140_is_422(repo: Repository, fake: FakeGitHub) -> None:
    with pytest.raises(github.GithubException) as caught:
        repo.get_commit(HEAD).create_status("success", description="x" * 141, context="c")
    assert caught.value.status == 422
    assert "maximum is 140" in take_violations(fake)[0]


def test_combined_status_resolves_pull_branches(repo: Repository, fake: FakeGitHub) -> None:
    fake.add_pull(title="p", head_sha=HEAD, head_ref="draft-3", **ALICE)
    fake.add_status(HEAD, "success", "ccmflow/check")
    status, _, body = raw(fake, "GET", "/repos/ccm-presidency/drafts/commits/draft-3/status")
    assert status == 200 and (body["sha"], body["state"]) == (HEAD, "success")
    assert raw(fake, "GET", "/repos/ccm-presidency/drafts/commits/no-such-branch/status")[0] == 404
    assert fake.violations == []


# --- fault injection --------------------------------------------------------------------------------------
def test_injected_502_reaches_pygithub_and_changes_nothing(repo: Repository, fake: FakeGitHub) -> None:
    issue = repo.get_issue(fake.add_issue(title="t", **ALICE))
    fake.fail("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")
    with pytest.raises(github.GithubException) as caught:
        issue.create_comment("hello")
    assert caught.value.status == 502 and caught.value.data["message"] == "Server Error"
    assert fake.comments(issue.number) == [] and fake.pending_faults == 0
    issue.create_comment("hello")  # only `times` requests fail
    assert len(fake.comments(issue.number)) == 1


def test_apply_true_creates_the_comment_although_the_client_saw_502(repo: Repository, fake: FakeGitHub) -> None:
    issue = repo.get_issue(fake.add_issue(title="t", **ALICE))
    fake.fail("POST", "/repos/*/issues/*/comments", status=502, apply=True)
    with pytest.raises(github.GithubException) as caught:
        issue.create_comment("summary")
    assert caught.value.status == 502
    assert [c["body"] for c in fake.comments(issue.number)] == ["summary"]


def test_fail_matches_glob_method_wildcard_and_times(fake: FakeGitHub) -> None:
    fake.fail("*", "/repos/*/labels*", status=500, times=2)
    assert raw(fake, "GET", "/repos/ccm-presidency/drafts/labels")[0] == 500
    assert raw(fake, "POST", "/repos/ccm-presidency/drafts/labels", {"name": "a"})[0] == 500
    assert raw(fake, "GET", "/repos/ccm-presidency/drafts/labels")[0] == 200
    assert fake.labels() == {}


def test_primary_rate_limit(repo: Repository, fake: FakeGitHub) -> None:
    fake.rate_limit("GET", "/repos/{owner}/{repo}/issues/{issue_number}", kind="primary", reset_in=1)
    number = fake.add_issue(title="t", **ALICE)
    with pytest.raises(github.RateLimitExceededException) as caught:
        repo.get_issue(number)
    assert caught.value.status == 403
    assert caught.value.headers is not None
    assert caught.value.headers["x-ratelimit-remaining"] == "0"
    assert 0 <= int(caught.value.headers["x-ratelimit-reset"]) - time.time() <= 2
    assert repo.get_issue(number).number == number


@pytest.mark.parametrize("status", [403, 429])
def test_secondary_rate_limit(fake: FakeGitHub, status: int) -> None:
    fake.rate_limit("POST", "/repos/*/labels", kind="secondary", reset_in=0, status=status)
    code, headers, body = raw(fake, "POST", "/repos/ccm-presidency/drafts/labels", {"name": "a"})
    assert (code, headers["retry-after"]) == (status, "0")
    assert body["message"].startswith("You have exceeded a secondary rate limit")
    assert fake.labels() == {}


def test_secondary_rate_limit_is_recognised_by_pygithub(repo: Repository, fake: FakeGitHub) -> None:
    fake.rate_limit("POST", "/repos/*/labels", kind="secondary", reset_in=0)
    with pytest.raises(github.RateLimitExceededException):
        repo.create_label("a", "ededed")


def test_spending_the_hourly_budget_is_a_violation() -> None:
    checked = serve_checked(rate_limit_total=2)
    fake = next(checked)
    statuses = [raw(fake, "GET", "/repos/ccm-presidency/drafts")[0] for _ in range(3)]
    assert statuses == [200, 200, 403]
    assert "rate limit" in take_violations(fake)[0]
    next(checked, None)


# --- response shapes --------------------------------------------------------------------------------------
def test_every_modelled_operation_answers_in_its_documented_shape(fake: FakeGitHub) -> None:
    pr = fake.add_pull(title="p", head_sha=HEAD, head_ref="draft", fork=True, **ALICE)
    comment = fake.add_comment(pr, "hi", "bob", 1002)
    fake.add_label("bug", "d73a4a")
    r = "/repos/ccm-presidency/drafts"
    calls: list[tuple[str, str, Any, int]] = [
        ("GET", r, None, 200),
        ("GET", "/rate_limit", None, 200),
        ("GET", f"{r}/collaborators/alice/permission", None, 200),
        ("GET", f"{r}/pulls/{pr}", None, 200),
        ("PATCH", f"{r}/pulls/{pr}", {"body": "new"}, 200),
        ("GET", f"{r}/pulls?state=all&sort=updated&direction=asc&per_page=5&page=1", None, 200),
        ("POST", f"{r}/issues", {"title": "i", "labels": ["bug"]}, 201),
        ("GET", f"{r}/issues/{pr}", None, 200),
        ("PATCH", f"{r}/issues/{pr}", {"state": "closed"}, 200),
        ("GET", f"{r}/issues?state=all&labels=bug&creator=github-actions%5Bbot%5D", None, 200),
        ("GET", f"{r}/issues/{pr}/labels", None, 200),
        ("POST", f"{r}/issues/{pr}/labels", {"labels": ["bug"]}, 200),
        ("PUT", f"{r}/issues/{pr}/labels", {"labels": ["bug", "x"]}, 200),
        ("DELETE", f"{r}/issues/{pr}/labels/x", None, 200),
        ("DELETE", f"{r}/issues/{pr}/labels", None, 204),
        ("GET", f"{r}/labels", None, 200),
        ("POST", f"{r}/labels", {"name": "y", "color": "000000", "description": "d"}, 201),
        ("GET", f"{r}/labels/y", None, 200),
        ("PATCH", f"{r}/labels/y", {"new_name": "z"}, 200),
        ("DELETE", f"{r}/labels/z", None, 204),
        ("GET", f"{r}/issues/{pr}/comments", None, 200),
        ("POST", f"{r}/issues/{pr}/comments", {"body": "b"}, 201),
        ("GET", f"{r}/issues/comments?sort=created&direction=desc", None, 200),
        ("GET", f"{r}/issues/comments/{comment}", None, 200),
        ("PATCH", f"{r}/issues/comments/{comment}", {"body": "c"}, 200),
        ("DELETE", f"{r}/issues/comments/{comment}", None, 204),
        ("POST", f"{r}/statuses/{HEAD}", {"state": "success", "target_url": None, "description": None}, 201),
        ("GET", f"{r}/commits/{HEAD}/statuses", None, 200),
        ("GET", f"{r}/statuses/{HEAD}", None, 200),  # legacy route GitHub still serves
        ("GET", f"{r}/commits/{HEAD}/status", None, 200),
        ("GET", f"{r}/commits/{HEAD}", None, 200),
    ]
    for method, path, body, expected in calls:
        assert raw(fake, method, path, body)[0] == expected, (method, path)
    assert fake.response_errors == []
    assert fake.unmodelled == []


def test_a_pull_request_opens_from_a_branch_of_its_git_repository(fake: FakeGitHub, tmp_path: Any) -> None:
    import pygit2

    repo = pygit2.init_repository(str(tmp_path / "origin.git"), bare=True)
    who = pygit2.Signature("t", "t@example.org", 1_577_836_800, 0)
    empty = repo.TreeBuilder().write()
    main = repo.create_commit("refs/heads/main", who, who, "base", empty, [])
    fake.use_git(tmp_path / "origin.git")
    path = f"/repos/{fake.full_name}/pulls"
    body = {"title": "Input", "head": "input/issue-1", "base": "main", "body": "From #1"}
    status, _, answer = raw(fake, "POST", path, body)
    assert status == 422 and answer["errors"][0]["field"] == "head"  # no such branch
    repo.references.create("refs/heads/input/issue-1", main)
    status, _, answer = raw(fake, "POST", path, body)
    assert status == 422 and answer["errors"][0]["message"].startswith("No commits between")
    blob = repo.create_blob(b"text")
    tree = repo.TreeBuilder()
    tree.insert("a.txt", blob, pygit2.enums.FileMode.BLOB)
    head = repo.create_commit(None, who, who, "input", tree.write(), [main])
    repo.references.create("refs/heads/input/issue-1", head, force=True)
    status, _, answer = raw(fake, "POST", path, body)
    assert status == 201 and answer["head"]["sha"] == str(head) and answer["base"]["sha"] == str(main)
    assert str(repo.references["refs/pull/1/head"].target) == str(head)
    status, _, answer = raw(fake, "POST", path, body)
    assert status == 422 and "already exists" in answer["errors"][0]["message"]
    # A push to the branch moves the pull request's head, as GitHub does.
    again = repo.create_commit(None, who, who, "edit", tree.write(), [head])
    repo.references.create("refs/heads/input/issue-1", again, force=True)
    status, _, answer = raw(fake, "GET", f"{path}/1")
    assert status == 200 and answer["head"]["sha"] == str(again)
    assert not fake.violations
