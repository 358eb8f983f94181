"""Versions released as tags, the concordance across three of them, and inputs left stale by a new version."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pygit2
import pytest
from consolidationkit import AUSTRIA, CHILE, DOC, P2, P3, P4, P14, PATH, ledger, make_input, text_at
from gitutil import set_ref

from ccmflow.consolidation.consolidate import consolidate
from ccmflow.consolidation.trace import concordance
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Paragraph
from ccmflow.main import main
from ccmflow.repo.release import release
from ccmflow.repo.store import Store
from ccmflow.repo.versions import resolve_version_rev


def adopt(repo: pygit2.Repository, branch: str) -> None:
    """The presidency merges the consolidation pull request (a fast-forward of main here)."""
    set_ref(repo, "refs/heads/main", repo.references[f"refs/heads/{branch}"].target)


@pytest.fixture
def three_versions(repo: pygit2.Repository) -> pygit2.Repository:
    make_input(repo, 1, lambda e: e.set_text(P2, "Austria rewrote paragraph 2."))
    make_input(repo, 2, lambda e: e.insert("introduction", None, Paragraph(id="pchile01", kind="narrative",
                                                                           text="Chile opens the document.")))
    make_input(repo, 4, lambda e: e.set_text(P3, "Proposal on paragraph 3 that is not taken."))
    make_input(repo, 5, lambda e: e.set_text(P4, "Proposal on paragraph 4, which the consolidation deletes."))
    make_input(repo, 6, lambda e: e.set_text(P14, "Proposal on paragraph 14, untouched by the consolidation."))
    ledger(repo, (1, AUSTRIA, "Austria"), (2, CHILE, "Chile"))
    store = Store(repo.workdir)
    done = consolidate(store, DOC, ["pr-1", "pr-2"])
    adopt(repo, done.branch)
    presidency = make_input(repo, None, lambda e: e.delete(P4))
    set_ref(repo, "refs/heads/main", presidency)
    assert release(Store(repo.workdir), DOC, "consolidated").committed is False
    make_input(repo, 3, lambda e: e.set_text(P2, "Austria's text, refined by Chile."))
    ledger(repo, (1, AUSTRIA, "Austria"), (2, CHILE, "Chile"), (3, CHILE, "Chile again"))
    second = consolidate(Store(repo.workdir), DOC, ["3"])
    adopt(repo, second.branch)
    assert release(Store(repo.workdir), DOC, "first-draft").tag == f"{DOC}/first-draft"
    return repo


def test_concordance_across_three_versions(three_versions: pygit2.Repository) -> None:
    trace = concordance(Store(three_versions.workdir), DOC)
    assert [p.version for p in trace.points] == ["zero-draft", "consolidated", "first-draft"]
    row = trace.row(P2)
    assert row is not None
    assert row.numbers == ("2", "3", "3")  # renumbered when Chile's paragraph went in first
    assert row.inputs == ("pr-1", "pr-3") and row.delegations == ("Austria", "Chile")
    chile = trace.row("pchile01")
    assert chile is not None and chile.numbers == (None, "1", "1") and chile.inputs == ("pr-2",)
    gone = trace.row(P4)
    assert gone is not None and gone.numbers == ("4", None, None)
    assert [r.paragraph_id for r in trace.rows][-1] == P4  # deleted paragraphs come last


def test_trace_command_outputs(three_versions: pygit2.Repository, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trace", DOC, "3", "-C", three_versions.workdir, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["paragraph_id"] for p in data["paragraphs"]] == [P2]
    assert data["paragraphs"][0]["numbers"] == {"zero-draft": "2", "consolidated": "3", "first-draft": "3"}
    assert data["texts"]["first-draft"] == "Austria's text, refined by Chile."
    assert main(["trace", DOC, P2, "-C", three_versions.workdir, "--json"]) == 0  # by its id: the same paragraph
    assert json.loads(capsys.readouterr().out) == data
    assert main(["trace", DOC, "--format", "md", "-C", three_versions.workdir]) == 0
    out = capsys.readouterr().out
    assert f"| {P2} | 2 | 3 | 3 | pr-1, pr-3 | Austria, Chile |" in out
    assert f"| {P4} | 4 | — | — |  |  |" in out
    assert main(["trace", DOC, "-C", three_versions.workdir]) == 0
    assert "concordance" in capsys.readouterr().out
    assert main(["trace", DOC, "nope", "-C", three_versions.workdir]) == 2


def test_version_names_resolve_to_tags(three_versions: pygit2.Repository) -> None:
    store = Store(three_versions.workdir)
    assert resolve_version_rev(store, DOC, "zero-draft") == f"refs/tags/{DOC}/zero-draft"
    assert store.document(resolve_version_rev(store, DOC, "consolidated"), DOC).version == "consolidated"
    assert main(["diff", DOC, "zero-draft", "consolidated", "-C", three_versions.workdir, "--json"]) == 0


def test_release_refuses_an_existing_tag_and_unknown_versions(three_versions: pygit2.Repository) -> None:
    with pytest.raises(FatalError, match="exists already"):
        release(Store(three_versions.workdir), DOC, "consolidated")
    with pytest.raises(FatalError, match="not a version"):
        release(Store(three_versions.workdir), DOC, "second-draft")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          env={"HOME": str(root), "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin"}).stdout


def test_release_commits_the_version_and_keeps_the_work_tree_right(repo: pygit2.Repository) -> None:
    root = Path(repo.workdir)
    repo.checkout_head(strategy=pygit2.enums.CheckoutStrategy.FORCE)
    assert main(["release", DOC, "consolidated", "-C", str(root)]) == 0
    assert "version: consolidated" in (root / PATH).read_text()
    assert git(root, "status", "--porcelain") == ""
    assert Store(root).document(f"{DOC}/consolidated", DOC).version == "consolidated"
    assert text_at(repo, "main") == (root / PATH).read_text()
    # A file with uncommitted edits is left alone; the commit and tag are made all the same.
    edited = (root / PATH).read_text().replace("Review Document", "Review Document (edited)", 1)
    (root / PATH).write_text(edited)
    done = release(Store(root), DOC, "first-draft")
    assert done.committed and not done.work_tree
    assert (root / PATH).read_text() == edited
    assert "version: first-draft" in text_at(repo, f"{DOC}/first-draft")
