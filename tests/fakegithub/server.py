"""FakeGitHub: a threaded local HTTP server speaking GitHub's REST API for one repository."""

from __future__ import annotations

import contextlib
import fnmatch
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

from . import spec
from .api import Api, ApiError, Call, Reply
from .render import JSONDict, Renderer
from .seeding import Seeding
from .state import RepoState, User

if TYPE_CHECKING:
    import github

API_PREFIX = "/api/v3"
_LABEL_BODY_OPS = frozenset({"issues/add-labels", "issues/set-labels"})
_SECONDARY_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000."
)
# Routes GitHub still serves that its description omits (PyGithub's Commit.get_statuses() uses this one).
_LEGACY_ALIASES = (("GET", re.compile(r"^(/repos/[^/]+/[^/]+)/statuses/(.+)$"), r"\1/commits/\2/statuses"),)
_RATE_DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api"


class Request(NamedTuple):
    """One request the fake answered (path without ``/api/v3``; query as a dict)."""

    method: str
    path: str
    query: dict[str, str]
    status: int


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def _matches(want_method: str, pattern: str, method: str, path: str, template: str) -> bool:
    """A request matches by method (or "*") and by OpenAPI template or fnmatch glob over its path."""
    return want_method in ("*", method) and (pattern == template or fnmatch.fnmatchcase(path, pattern))


@dataclass
class _Interleave:
    method: str
    pattern: str
    skip: int
    action: Callable[[], None]
    done: bool = False


@dataclass
class _Fault:
    method: str
    pattern: str
    remaining: int
    reply: Callable[[], Reply]
    apply: bool = False

    def matches(self, method: str, path: str, template: str) -> bool:
        return _matches(self.method, self.pattern, method, path, template)


@dataclass
class _RateCounter:
    limit: int
    used: int = 0
    reset: int = field(default_factory=lambda: int(time.time()) + 3600)

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
            "X-RateLimit-Used": str(self.used),
            "X-RateLimit-Resource": "core",
        }


def _error(status: int, message: str, docs_url: str = "https://docs.github.com/rest") -> JSONDict:
    return ApiError(status, message, docs_url=docs_url).body()


class FakeGitHub(Seeding):
    """GitHub's REST API for one repository, validated against GitHub's own OpenAPI description.

    Unknown operations answer 404 and invalid bodies 422; both are recorded in ``violations``.
    """

    def __init__(
        self,
        owner: str = "ccm-presidency",
        repo: str = "drafts",
        *,
        repo_id: int = 812_345_678,
        owner_id: int = 150_000_001,
        default_branch: str = "main",
        actor_login: str = "github-actions[bot]",
        actor_id: int = 41898282,
        actor_type: str = "Bot",
        rate_limit_total: int = 1000,
        check_responses: bool = False,
    ) -> None:
        self.state = RepoState(owner, repo, repo_id, default_branch, owner_id)
        self.actor = User(actor_login, actor_id, actor_type)
        self.state.actor_login = actor_login
        self.render = Renderer(self.state, f"http://127.0.0.1{API_PREFIX}", "http://127.0.0.1")
        self.requests: list[Request] = []
        self.violations: list[str] = []
        self.unmodelled: list[str] = []
        self.response_errors: list[str] = []
        self.check_responses = check_responses
        self._handlers = {
            **Api(self.state, self.render, self.actor).handlers(),
            "rate-limit/get": self._rate_limit_reply,
        }
        self._rate = _RateCounter(rate_limit_total)
        self._faults: list[_Fault] = []
        self._interleaved: list[_Interleave] = []
        self._lock = threading.RLock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # lifecycle ----------------------------------------------------------------------------------------
    def start(self) -> FakeGitHub:
        if self._server is None:
            self._server = _Server(self)
            root = f"http://127.0.0.1:{self._server.server_address[1]}"
            self.render.api_root, self.render.html_root = root + API_PREFIX, root
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.02,), name="FakeGitHub", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.close_connections()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeGitHub:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>/api/v3``: pass as ``github.Github(base_url=...)``."""
        if self._server is None:
            raise RuntimeError("FakeGitHub is not running: call start() or use it as a context manager")
        return self.render.api_root

    @property
    def full_name(self) -> str:
        return f"{self.state.owner}/{self.state.name}"

    def client(self, **kwargs: Any) -> github.Github:
        """A PyGithub client for this fake, without retries or PyGithub's write throttling (fast tests)."""
        import github

        options: dict[str, Any] = {"retry": None, "seconds_between_requests": None, "seconds_between_writes": None}
        options.update(kwargs)
        return github.Github(base_url=self.base_url, auth=github.Auth.Token("fake-token"), **options)

    def env(self) -> dict[str, str]:
        """The environment variables GitHub Actions would give a job talking to this repository."""
        root = self.render.html_root
        return {
            "GITHUB_API_URL": self.base_url,
            "GITHUB_SERVER_URL": root,
            "GITHUB_REPOSITORY": self.full_name,
            "GITHUB_REPOSITORY_OWNER": self.state.owner,
            "GITHUB_TOKEN": "fake-token",
            "GITHUB_ACTOR": self.actor.login,
        }

    # request handling ---------------------------------------------------------------------------------
    def handle(self, method: str, target: str, body: bytes = b"") -> Response:
        """Answer one request (``target`` = path + query as sent); the HTTP server calls this."""
        with self._lock:
            split = urlsplit(target)
            path, pairs = split.path, parse_qsl(split.query, keep_blank_values=True)
            match: spec.Match | None = None
            try:
                path = self._api_path(method, path)
                match = self._match(method, path)
                reply = self._serve(method, path, pairs, body, match)
            except ApiError as err:
                if err.violation:
                    self._violate(method, path, f"{err.status} {err.message}" + _details(err))
                reply = Reply(err.status, err.body())
            self._check_response(match, reply)
            self.requests.append(Request(method, path, dict(pairs), reply.status))
            return self._encode(reply)

    def _violate(self, method: str, path: str, reason: str) -> None:
        self.violations.append(f"{method} {path}: {reason}")

    def _api_path(self, method: str, path: str) -> str:
        if path != API_PREFIX and not path.startswith(API_PREFIX + "/"):
            raise ApiError(404, "Not Found", violation=True)
        path = path[len(API_PREFIX) :] or "/"
        found = re.match(r"^/repositories/(\d+)(/.*)?$", path)
        if found and int(found.group(1)) == self.state.id:
            path = f"/repos/{self.full_name}{found.group(2) or ''}"
        return path

    def _match(self, method: str, path: str) -> spec.Match:
        match = spec.match(method, _unalias(method, path))
        if match is None:
            others = sorted({m.operation.method for m in spec.templates_for(path)})
            hint = f" (documented methods: {', '.join(others)})" if others else ""
            raise ApiError(404, f"Not Found: no such operation in GitHub's REST description{hint}", violation=True)
        owner, repo = match.params.get("owner"), match.params.get("repo")
        if owner is not None and repo is not None and f"{owner}/{repo}".lower() != self.full_name.lower():
            raise ApiError(404, f"Not Found: the fake serves only {self.full_name}", violation=True)
        return match

    def _serve(self, method: str, path: str, pairs: list[tuple[str, str]], raw: bytes, match: spec.Match) -> Reply:
        op = match.operation
        if op.operation_id != "rate-limit/get":
            self._count_request()
        call = Call(match, path, pairs, self._parse_body(op, raw))
        self._check_query(op, pairs)
        self._run_interleaved(method, path, op.template)
        fault = self._take_fault(method, path, op.template)
        if fault is None:
            return self._run(call)
        if fault.apply:
            self._run_ignoring_reply(method, path, call)
        return fault.reply()

    def _run(self, call: Call) -> Reply:
        self.state.follow_branches()
        op = call.match.operation
        handler = self._handlers.get(op.operation_id)
        if handler is not None:
            return handler(call)
        self.unmodelled.append(f"{op.method} {op.template} ({op.operation_id})")
        status, example = spec.example(op)
        return Reply(status, self.render.localize(example))

    def _run_ignoring_reply(self, method: str, path: str, call: Call) -> None:
        try:
            self._run(call)
        except ApiError as err:
            if err.violation:
                self._violate(method, path, f"{err.status} {err.message}" + _details(err))

    def _count_request(self) -> None:
        self._rate.used += 1
        if self._rate.used > self._rate.limit:
            raise ApiError(
                403,
                "API rate limit exceeded for installation. The fake's budget of "
                f"{self._rate.limit} requests (a GITHUB_TOKEN's hourly limit) is spent.",
                violation=True,
                docs_url=_RATE_DOCS,
            )

    # request validation -------------------------------------------------------------------------------
    def _parse_body(self, op: spec.Operation, raw: bytes) -> Any:
        schema = spec.request_schema(op)
        if not raw.strip():
            if schema is not None and spec.body_required(op):
                raise ApiError(
                    422, "Invalid request.\n\nA JSON request body is required.", violation=True, docs_url=op.docs_url
                )
            return None
        try:
            body = json.loads(raw)
        except ValueError as exc:
            raise ApiError(400, "Problems parsing JSON", violation=True, docs_url=op.docs_url) from exc
        if schema is not None and not _documented_label_exception(op, body):
            errors = spec.request_errors(op, body)
            if errors:
                raise ApiError(422, "Invalid request.\n\n" + "\n".join(errors), violation=True, docs_url=op.docs_url)
        return body

    @staticmethod
    def _check_query(op: spec.Operation, pairs: list[tuple[str, str]]) -> None:
        declared = op.query_parameters()
        for name, value in pairs:
            problem = _query_problem(declared.get(name), value)
            if problem:
                raise ApiError(
                    422, f"Invalid request.\n\nFor '{name}', {problem}", violation=True, docs_url=op.docs_url
                )

    def _check_response(self, match: spec.Match | None, reply: Reply) -> None:
        if not self.check_responses or match is None or reply.body is None:
            return
        if match.operation.operation_id not in self._handlers:
            return  # unmodelled: the answer is GitHub's own example, whatever its flaws
        for error in spec.response_errors(match.operation, reply.status, reply.body):
            self.response_errors.append(f"{match.operation.key} -> {reply.status}: {error}")

    # responses ----------------------------------------------------------------------------------------
    def _encode(self, reply: Reply) -> Response:
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            **self._rate.headers(),
            "X-GitHub-Api-Version-Selected": "2022-11-28",
            "X-GitHub-Media-Type": "github.v3; format=json",
            "X-GitHub-Request-Id": f"FAKE:{len(self.requests) + 1:08X}",
            **reply.headers,
        }
        if reply.status == 204 or reply.body is None:
            headers.pop("Content-Type")
            return Response(reply.status, headers, b"")
        return Response(reply.status, headers, json.dumps(reply.body, ensure_ascii=False).encode("utf-8"))

    def _rate_limit_reply(self, call: Call) -> Reply:
        return Reply(200, self.render.rate_limit(self._rate.limit, self._rate.used, self._rate.reset))

    # fault injection ----------------------------------------------------------------------------------
    def _take_fault(self, method: str, path: str, template: str) -> _Fault | None:
        for fault in self._faults:
            if fault.remaining > 0 and fault.matches(method, path, template):
                fault.remaining -= 1
                return fault
        return None

    def interleave(self, method: str, path_pattern: str, action: Callable[[], None], skip: int = 0) -> None:
        """Run ``action`` just before the (skip+1)-th matching request is served, once: another client's write
        landing between two requests of the one under test (a race, made deterministic)."""
        self._interleaved.append(_Interleave(method.upper(), path_pattern, skip, action))

    def _run_interleaved(self, method: str, path: str, template: str) -> None:
        for hook in self._interleaved:
            if not hook.done and _matches(hook.method, hook.pattern, method, path, template):
                if hook.skip:
                    hook.skip -= 1
                else:
                    hook.done = True
                    hook.action()

    def fail(
        self,
        method: str,
        path_pattern: str,
        status: int = 502,
        times: int = 1,
        apply: bool = False,
        message: str | None = None,
    ) -> None:
        """The next ``times`` requests matching get ``status``; with ``apply`` the write still happens.

        ``path_pattern`` is an OpenAPI template (``/repos/{owner}/{repo}/issues/{issue_number}/comments``)
        or an fnmatch glob over the path without ``/api/v3`` (``/repos/*/issues/*/comments``); ``method``
        may be ``"*"``.
        """
        text = message or ("Server Error" if status in (500, 502) else HTTPStatus(status).phrase)
        body = _error(status, text)
        self._faults.append(_Fault(method.upper(), path_pattern, times, lambda: Reply(status, dict(body)), apply))

    def rate_limit(
        self,
        method: str,
        path_pattern: str,
        times: int = 1,
        kind: str = "primary",
        reset_in: int = 1,
        status: int | None = None,
    ) -> None:
        """The next ``times`` matching requests are rate limited like GitHub (nothing is applied).

        primary: 403, ``x-ratelimit-remaining: 0`` and ``x-ratelimit-reset`` ``reset_in`` s ahead.
        secondary: 403 (or ``status=429``) with ``Retry-After: reset_in``.
        """
        if kind not in ("primary", "secondary"):
            raise ValueError(f"kind must be 'primary' or 'secondary', not {kind!r}")
        make = self._primary_reply if kind == "primary" else self._secondary_reply
        code = status or 403
        self._faults.append(_Fault(method.upper(), path_pattern, times, lambda: make(code, reset_in)))

    def _primary_reply(self, status: int, reset_in: int) -> Reply:
        message = f"API rate limit exceeded for installation ID {self.state.id % 100_000_000}."
        headers = {
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Used": str(self._rate.limit),
            "X-RateLimit-Reset": str(int(time.time()) + reset_in),
        }
        return Reply(status, _error(status, message, _RATE_DOCS), headers)

    def _secondary_reply(self, status: int, reset_in: int) -> Reply:
        docs = _RATE_DOCS + "#about-secondary-rate-limits"
        return Reply(status, _error(status, _SECONDARY_MESSAGE, docs), {"Retry-After": str(reset_in)})

    @property
    def pending_faults(self) -> int:
        """Injected failures that have not fired yet."""
        with self._lock:
            return sum(f.remaining for f in self._faults)

    # inspection of the request log ------------------------------------------------------------------
    def calls(self, method: str = "*", path_pattern: str = "*") -> list[Request]:
        """Recorded requests filtered by method and fnmatch glob over the path."""
        with self._lock:
            return [r for r in self.requests if method in ("*", r.method) and fnmatch.fnmatchcase(r.path, path_pattern)]

    def reset_requests(self) -> None:
        with self._lock:
            self.requests.clear()


def _unalias(method: str, path: str) -> str:
    for alias_method, pattern, target in _LEGACY_ALIASES:
        if method == alias_method and pattern.match(path):
            return pattern.sub(target, path)
    return path


def _details(err: ApiError) -> str:
    return f" {err.errors}" if err.errors else ""


def _documented_label_exception(op: spec.Operation, body: Any) -> bool:
    """Bodies GitHub accepts for add/set labels beyond the schema: ["a", "b"], "a", {"labels": []}."""
    if op.operation_id not in _LABEL_BODY_OPS:
        return False
    if isinstance(body, list):
        return all(isinstance(item, str) for item in body)
    return isinstance(body, str) or body == {"labels": []}


def _query_problem(schema: dict[str, Any] | None, value: str) -> str | None:
    if schema is None:
        return None  # GitHub ignores undocumented query parameters
    if schema.get("type") == "integer" and not re.fullmatch(r"-?[0-9]+", value):
        return f"{value!r} is not an integer"
    if schema.get("type") == "boolean" and value not in ("true", "false"):
        return f"{value!r} is not a boolean"
    if "enum" in schema and value not in schema["enum"]:
        return f"{value!r} is not one of {schema['enum']}"
    return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeGitHub) -> None:
        self.fake = fake
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def close_connections(self) -> None:
        with self.connections_lock:
            for conn in self.connections:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
            self.connections.clear()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Small replies written in pieces would otherwise wait on delayed ACKs (~40 ms each).
    disable_nagle_algorithm = True
    server_version = "GitHub.com"
    sys_version = ""
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        super().finish()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        response = self._answer(body)
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        self.wfile.write(response.body)

    def _answer(self, body: bytes) -> Response:
        fake = self.server.fake
        try:
            return fake.handle(self.command, self.path, body)
        except Exception as exc:  # a bug in the fake must fail the test, not hang the client
            fake.violations.append(f"{self.command} {self.path}: internal error in FakeGitHub: {exc!r}")
            payload = json.dumps(_error(500, f"FakeGitHub internal error: {exc!r}")).encode()
            return Response(500, {"Content-Type": "application/json; charset=utf-8"}, payload)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        """Silence per-request logging (``requests`` on the fake keeps the record)."""
