"""Fixtures shared by every folder of tests; a folder's own conftest.py holds what only its layer uses."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from botkit import World, serve_world
from fakegithub import FakeGitHub, fake_github
from gitutil import instance_checkout
from inputkit import Process as InputProcess
from roots import DOCUMENTS

from ccmflow.core.model import Process, Workspace
from ccmflow.read.directory import directory_workspace
from ccmflow.read.load import parse_text

__all__ = ["FakeGitHub", "fake_github"]


@pytest.fixture(scope="session")
def ccm() -> Workspace:
    """The embedded CCM instance (documents/), read and checked: its documents, process and registry."""
    found, findings = directory_workspace(DOCUMENTS.parent)
    assert found is not None and not findings, findings
    return found


@pytest.fixture(scope="session")
def ccm_process() -> Process:
    """The embedded instance's process.yaml read alone: its timeline as written, before the rules that read the
    other files (a window opened by a document's date of issue keeps its approximate opening)."""
    parsed = parse_text("documents/process.yaml", (DOCUMENTS / "process.yaml").read_text("utf-8"))
    assert isinstance(parsed.record, Process) and parsed.findings == (), parsed.findings
    return parsed.record


@pytest.fixture
def top(tmp_path: Path) -> Path:
    """A copy of the embedded instance to break: tmp_path/documents, no git."""
    shutil.copytree(DOCUMENTS, tmp_path / "documents")
    return tmp_path


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    """A checkout of the embedded instance, committed once on main."""
    return instance_checkout(tmp_path)


@pytest.fixture
def proc(tmp_path: Path) -> InputProcess:
    """A process repository at the zero drafts, to which inputs are submitted as GitHub and the bot would."""
    return InputProcess(tmp_path / "process")


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """The bot's world: a real origin and Actions checkout of the embedded instance, and a fake GitHub."""
    yield from serve_world(tmp_path, monkeypatch)
