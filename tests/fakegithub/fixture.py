"""Pytest fixtures serving a FakeGitHub per test and failing the test on any API violation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .server import FakeGitHub


def serve_checked(**options: Any) -> Iterator[FakeGitHub]:
    """Run a FakeGitHub for the duration of a test; at teardown, fail if the client broke GitHub's API."""
    with FakeGitHub(**options) as fake:
        yield fake
    problems = [*fake.violations, *(f"fake answered off-schema: {e}" for e in fake.response_errors)]
    if problems:
        pytest.fail("requests GitHub would reject (FakeGitHub.violations):\n  " + "\n  ".join(problems))


def fake_github_fixture(name: str = "fake_github", **options: Any) -> Callable[..., Iterator[FakeGitHub]]:
    """Build a fixture called ``name`` whose FakeGitHub gets ``options`` (owner, repo, actor_login, ...)."""

    def fixture() -> Iterator[FakeGitHub]:
        yield from serve_checked(**options)

    fixture.__name__ = name
    return pytest.fixture(name=name)(fixture)


fake_github = fake_github_fixture()
