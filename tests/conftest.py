"""Fixtures shared by every folder of tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from botkit import World
from fakegithub import FakeGitHub, fake_github, serve_checked

__all__ = ["FakeGitHub", "fake_github"]


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """The bot's world: a real origin and Actions checkout of the embedded instance, a fake GitHub checked against
    GitHub's description, and no GITHUB_ or CCMFLOW_ variable from the shell running the tests."""
    for fake in serve_checked():
        for key in [k for k in os.environ if k.startswith(("GITHUB_", "CCMFLOW_"))]:
            monkeypatch.delenv(key)
        yield World(tmp_path, fake, monkeypatch)
