"""Fixtures of the consolidation tests."""

from __future__ import annotations

from pathlib import Path

import pygit2
import pytest
from consolidationkit import DOC
from gitutil import commit, init_repo, instance_files, tag


@pytest.fixture
def repo(tmp_path: Path) -> pygit2.Repository:
    """The embedded instance committed once on main, the review document's zero draft tagged."""
    repo = init_repo(tmp_path)
    base = commit(repo, instance_files(), "zero drafts")
    tag(repo, f"{DOC}/zero-draft", base)
    return repo
