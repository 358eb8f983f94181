"""Installing the structural merge driver: .gitattributes kept as it was otherwise, and only where it can work."""

from __future__ import annotations

from pathlib import Path

import pygit2
import pytest

from ccmflow.core.errors import FatalError
from ccmflow.repo.gitattributes import ATTRIBUTES, install_merge_driver, write_gitattributes


def test_the_merge_lines_are_added_to_what_the_file_says(tmp_path: Path) -> None:
    path = tmp_path / ".gitattributes"
    path.write_text("*.docx binary", "utf-8")  # no line break at the end
    assert write_gitattributes(tmp_path)
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == "*.docx binary" and lines[1].startswith("# Documents merge by paragraph id")
    assert lines[2:] == list(ATTRIBUTES)
    assert not write_gitattributes(tmp_path)  # already there: nothing changes
    # Someone removed one line but kept the comment: only the line comes back.
    path.write_text(path.read_text("utf-8").replace(ATTRIBUTES[1] + "\n", ""), "utf-8")
    assert write_gitattributes(tmp_path)
    assert path.read_text("utf-8").splitlines() == lines


def test_the_driver_is_installed_only_in_a_repository_with_a_working_tree(tmp_path: Path) -> None:
    with pytest.raises(FatalError, match="not inside a git repository"):
        install_merge_driver(tmp_path / "nowhere")
    pygit2.init_repository(str(tmp_path / "bare.git"), bare=True)
    with pytest.raises(FatalError, match=r"a bare repository has no working tree for \.gitattributes"):
        install_merge_driver(tmp_path / "bare.git")
    assert not (tmp_path / "bare.git" / ".gitattributes").exists()
    pygit2.init_repository(str(tmp_path / "clone"))
    assert install_merge_driver(tmp_path / "clone") == (True, True)
    assert install_merge_driver(tmp_path / "clone") == (False, False)
