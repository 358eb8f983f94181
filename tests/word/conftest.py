"""Fixtures of the Word tests that read files back: one checkout per module (its tests make only branches, never
commits on main), and the Review Document's circulated .docx with its paragraph numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitutil import instance_checkout
from wordkit import numbered, render


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return instance_checkout(tmp_path_factory.mktemp("word"))


@pytest.fixture(scope="module")
def rendered(checkout: Path) -> bytes:
    return render(checkout, "review-document")


@pytest.fixture(scope="module")
def ids(checkout: Path) -> dict[str, str]:
    """Display number -> paragraph id, in the Review Document."""
    return numbered(checkout, "review-document")
