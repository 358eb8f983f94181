"""Where things are, for test modules at any depth below tests/: the repository's root and its embedded instance."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = REPO_ROOT / "documents"  # the embedded CCM instance
