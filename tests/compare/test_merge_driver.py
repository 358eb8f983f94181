"""The merge driver through the real `git` command line: git merge and git rebase use it."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from mergekit import DOC, TEXTS, changed, document

from ccmflow.compare.mergefile import merge_file
from ccmflow.main import main


class Git:
    """The git CLI in one repository, isolated from the user's configuration."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {**os.environ, "HOME": str(root.parent), "GIT_CONFIG_NOSYSTEM": "1",
                    "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
                    "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def __call__(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True,
                              check=False)
        if check and done.returncode:
            raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def commit_file(self, path: str, text: str, message: str) -> None:
        self.write(path, text)
        self("add", path)
        self("commit", "-q", "-m", message)

    def read(self, path: str = DOC) -> str:
        return (self.root / path).read_text(encoding="utf-8")


@pytest.fixture
def git(tmp_path: Path) -> Git:
    root = tmp_path / "repo"
    root.mkdir()
    g = Git(root)
    g("init", "-q", "-b", "main")
    command = f"{shlex.quote(sys.executable)} -m ccmflow.main"
    assert main(["merge-driver", "--install", "--command", command, "-C", str(root)]) == 0
    g.write("documents/process.yaml", "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n")
    g.write(DOC, document())
    g("add", "-A")
    g("commit", "-q", "-m", "zero draft")
    return g


def branches(git: Git, ours: str, theirs: str) -> None:
    """Branch 'theirs' from main with THEIRS text, then OURS text on main."""
    git("checkout", "-q", "-b", "theirs")
    git.commit_file(DOC, theirs, "theirs")
    git("checkout", "-q", "main")
    git.commit_file(DOC, ours, "ours")


def test_install_writes_attributes_and_local_config(git: Git) -> None:
    attributes = (git.root / ".gitattributes").read_text()
    assert "documents/*.yaml merge=ccmflow" in attributes
    assert "merge-driver %O %A %B %P" in git("config", "merge.ccmflow.driver").stdout
    assert main(["merge-driver", "--install", "-C", str(git.root), "--command",
                 git("config", "merge.ccmflow.driver").stdout.split(" merge-driver")[0]]) == 0
    assert (git.root / ".gitattributes").read_text() == attributes  # idempotent


def test_neighbouring_paragraphs_and_a_move_merge_cleanly(git: Git) -> None:
    # Plain git would conflict: OURS moves p003 up while THEIRS rewrites it and rewraps p002.
    ours = document(changed("p002", "Since the First Review Conference, eleven States have joined."),
                    ["p001", "p003", "p002", "p004"])
    theirs_texts = changed("p003", "Stockpile destruction has been completed by most States Parties.")
    theirs = document(theirs_texts).replace(f"          {TEXTS['p002']}",
                                            "          Since the First Review Conference,\n"
                                            "          [number] States have joined the Convention.")
    branches(git, ours, theirs)
    done = git("merge", "--no-edit", "theirs", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    merged = git.read()
    assert merged.index("id: p003") < merged.index("id: p002")
    assert "eleven States have joined" in merged
    assert "has been completed by most" in merged
    assert "[number]" not in merged  # THEIRS only rewrapped p002: OURS rewording stands, no conflict
    assert git("status", "--porcelain").stdout == ""


def test_real_conflict_is_marked_by_paragraph_and_fails(git: Git) -> None:
    branches(git, document(changed("p002", "Ours: twelve States have joined.")),
             document(changed("p002", "Theirs: thirteen States have joined.")))
    done = git("merge", "--no-edit", "theirs", check=False)
    assert done.returncode != 0
    assert "paragraph 2 (p002): changed two ways (text)" in done.stdout + done.stderr
    text = git.read()
    assert "<<<<<<< ours: paragraph 2 (p002): changed two ways (text)" in text
    assert "Ours: twelve" in text and "Theirs: thirteen" in text and ">>>>>>> theirs: paragraph 2 (p002)" in text
    assert "UU " + DOC in git("status", "--porcelain").stdout
    assert main(["validate", str(git.root / DOC)]) == 1  # the marked file is not a valid document


def test_rebase_uses_the_driver(git: Git) -> None:
    git("checkout", "-q", "-b", "feature")
    git.commit_file(DOC, document(changed("p001", "Feature: the States Parties reaffirm."),
                                  ["p001", "p002", "p004", "p003"]), "feature")
    git("checkout", "-q", "main")
    git.commit_file(DOC, document(changed("p004", "Main: clearance remains the main challenge.")), "main edit")
    git("checkout", "-q", "feature")
    done = git("rebase", "main", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    text = git.read()
    assert "Feature: the States Parties" in text and "Main: clearance remains" in text
    assert text.index("id: p004") < text.index("id: p003")


def test_other_files_merge_by_lines(git: Git) -> None:
    git("checkout", "-q", "-b", "theirs")
    git.commit_file("documents/process.yaml", "a: 1\nb: 2\nc: 3\nd: 4\ne: 50\n", "theirs")
    git("checkout", "-q", "main")
    git.commit_file("documents/process.yaml", "a: 10\nb: 2\nc: 3\nd: 4\ne: 5\n", "ours")
    assert git("merge", "--no-edit", "theirs", check=False).returncode == 0
    assert git.read("documents/process.yaml") == "a: 10\nb: 2\nc: 3\nd: 4\ne: 50\n"


def test_invalid_document_falls_back_to_lines(git: Git) -> None:
    broken = document().replace("  status: draft\n", "  status: [unclosed\n")
    branches(git, broken, document(changed("p004", "Theirs changed the last paragraph.")))
    done = git("merge", "--no-edit", "theirs", check=False)
    assert done.returncode == 0, done.stderr
    assert "status: [unclosed" in git.read() and "Theirs changed the last" in git.read()


def test_line_conflict_in_other_files_keeps_both_sides(git: Git) -> None:
    git("checkout", "-q", "-b", "theirs")
    git.commit_file("documents/process.yaml", "a: 2\nb: 2\nc: 3\nd: 4\ne: 5\n", "theirs")
    git("checkout", "-q", "main")
    git.commit_file("documents/process.yaml", "a: 3\nb: 2\nc: 3\nd: 4\ne: 5\n", "ours")
    assert git("merge", "--no-edit", "theirs", check=False).returncode != 0
    text = git.read("documents/process.yaml")
    assert "<<<<<<< ours" in text and "a: 2" in text and "a: 3" in text


def test_markers_for_delete_versus_modify_and_fields() -> None:
    base = document()
    ours = document(order=["p001", "p002", "p004"])  # deletes p003
    theirs = document(changed("p003", "Theirs rewrote the third."))
    merged = merge_file(base, ours, theirs, DOC)
    assert [str(c) for c in merged.conflicts] == ["paragraph 3 (p003): deleted in ours, modified in theirs"]
    marked = merged.text
    block = marked.split("<<<<<<< ours: paragraph 3 (p003): deleted in ours, modified in theirs\n")[1]
    ours_side, theirs_side = block.split("=======\n")
    assert ours_side == ""
    theirs_side, after = theirs_side.split(">>>>>>> theirs: paragraph 3 (p003)\n")
    assert theirs_side == ("      - id: p003\n        kind: narrative\n        text: >-\n"
                           "          Theirs rewrote the third.\n")
    assert after.startswith("      - id: p004")


def test_markers_for_a_field_a_section_title_and_document_metadata() -> None:
    base = document().replace("        kind: narrative\n", "        kind: narrative\n        timeframe: 2021-2025\n", 2)
    ours = base.replace("        timeframe: 2021-2025\n", "", 1).replace("title: Review", "title: Ours").replace(
        "title: Introduction", "title: Intro A")
    theirs = base.replace("timeframe: 2021-2025", "timeframe: 2021-2030", 1).replace(
        "title: Review", "title: Theirs").replace("title: Introduction", "title: Intro B")
    merged = merge_file(base, ours, theirs, DOC)
    assert [str(c) for c in merged.conflicts] == ["paragraph 1 (p001): changed two ways (timeframe)",
                                                  "document title: changed two ways",
                                                  "section introduction: title changed two ways"]
    marked = merged.text
    assert ("<<<<<<< ours: document title: changed two ways\n  title: Ours\n=======\n  title: Theirs\n"
            ">>>>>>> theirs: document title\n") in marked
    assert "=======\n    title: Intro B\n>>>>>>> theirs: section introduction\n" in marked
    # OURS removed the timeframe THEIRS changed: the marked block sits at the end of the paragraph.
    assert ("<<<<<<< ours: paragraph 1 (p001): changed two ways (timeframe)\n=======\n"
            "        timeframe: 2021-2030\n>>>>>>> theirs: paragraph 1 (p001)\n      - id: p002") in marked


def test_a_metadata_field_one_side_removed_and_the_other_changed_is_marked() -> None:
    base = document().replace("  status: draft\n", "  status: draft\n  symbol: CCM/CONF/2020/WP.1\n")
    removed = base.replace("  symbol: CCM/CONF/2020/WP.1\n", "")
    changed_symbol = base.replace("WP.1", "WP.1/Rev.1")
    merged = merge_file(base, removed, changed_symbol, DOC)
    assert [str(c) for c in merged.conflicts] == ["document symbol: changed two ways"]
    # OURS has no symbol: the marked block closes the metadata, THEIRS symbol in it.
    assert ("  status: draft\n<<<<<<< ours: document symbol: changed two ways\n=======\n"
            "  symbol: CCM/CONF/2020/WP.1/Rev.1\n>>>>>>> theirs: document symbol\nsections:\n") in merged.text
    merged = merge_file(base, changed_symbol, removed, DOC)
    assert ("<<<<<<< ours: document symbol: changed two ways\n  symbol: CCM/CONF/2020/WP.1/Rev.1\n=======\n"
            ">>>>>>> theirs: document symbol\n") in merged.text


STOCKPILES = ("  - id: stockpiles\n    title: Stockpiles\n    paragraphs:\n      - id: p005\n"
              "        kind: narrative\n        text: >-\n          Stockpiles are being destroyed.\n")


def test_markers_in_a_later_section_from_a_side_indented_otherwise() -> None:
    base = document() + STOCKPILES
    ours = base.replace("title: Stockpiles", "title: Stockpile destruction")
    # THEIRS writes its second section's keys two columns deeper, as another editor might.
    theirs = document() + ("  -   id: stockpiles\n      title: Stockpiles held\n      paragraphs:\n"
                           "        - id: p005\n          kind: narrative\n          text: >-\n"
                           "            Stockpiles are being destroyed.\n")
    merged = merge_file(base, ours, theirs, DOC)
    assert [str(c) for c in merged.conflicts] == ["section stockpiles: title changed two ways"]
    assert ("<<<<<<< ours: section stockpiles: title changed two ways\n    title: Stockpile destruction\n=======\n"
            "    title: Stockpiles held\n>>>>>>> theirs: section stockpiles\n") in merged.text


def test_markers_for_modify_versus_delete_in_a_later_section() -> None:
    base = document() + STOCKPILES
    ours = base.replace("Stockpiles are being destroyed.", "Stockpiles are destroyed.")
    theirs = document() + "  - id: stockpiles\n    title: Stockpiles\n    paragraphs: []\n"
    merged = merge_file(base, ours, theirs, DOC)
    assert [str(c) for c in merged.conflicts] == ["paragraph 5 (p005): deleted in theirs, modified in ours"]
    assert merged.text.endswith(
        "<<<<<<< ours: paragraph 5 (p005): deleted in theirs, modified in ours\n      - id: p005\n"
        "        kind: narrative\n        text: >-\n          Stockpiles are destroyed.\n=======\n"
        ">>>>>>> theirs: paragraph 5 (p005)\n")
