"""Fixtures of the consolidation tests."""

from __future__ import annotations

from pathlib import Path

import pygit2
import pytest
from consolidationkit import DOC
from gitutil import zero_drafts


@pytest.fixture
def repo(tmp_path: Path) -> pygit2.Repository:
    """The embedded instance committed once on main, the review document's zero draft tagged."""
    return zero_drafts(tmp_path, DOC)
