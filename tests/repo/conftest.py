"""Fixtures the repo layer's test modules share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygit2
import pytest
from pygit2.enums import ConfigLevel


@pytest.fixture
def no_user_config(tmp_path: Path) -> Iterator[None]:
    """No global, XDG or system git configuration: only a repository's own .git/config can name a user."""
    levels = (ConfigLevel.GLOBAL, ConfigLevel.XDG, ConfigLevel.SYSTEM)
    saved = {level: pygit2.settings.search_path[level] for level in levels}
    for level in levels:
        pygit2.settings.search_path[level] = str(tmp_path / "no-config")
    yield
    for level, value in saved.items():
        pygit2.settings.search_path[level] = value
