"""A new process repository: what `init` refuses before writing anything, and where its package comes from."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from ccmflow.core.errors import FatalError, InvalidInput
from ccmflow.repo import instance
from ccmflow.repo.instance import Conference, create, package_spec

PACKAGE = "git+https://github.com/example/ccmflow@" + "0123456789abcdef" * 2 + "01234567"
TREATY = Conference(name="Review Conference of the Example Treaty", short_name="Review Conference",
                    venue="Vienna", start=date(2026, 3, 2), end=date(2026, 3, 6), timezone="Europe/Vienna",
                    presidency="Austria", presidency_login="at-presidency", isu_login="example-isu")


@pytest.mark.parametrize(("change", "message"), [
    ({"presidency_id": -5}, "--presidency-id is a GitHub user id: a positive number"),
    ({"timezone": "Europe/Lausanne"}, "unknown time zone 'Europe/Lausanne' (use an IANA name like Europe/Vienna)"),
    ({"end": date(2026, 3, 1)}, "--end is before --start"),
])
def test_init_refuses_what_it_cannot_use_and_writes_nothing(tmp_path: Path, change: dict[str, Any],
                                                            message: str) -> None:
    target = tmp_path / "body"
    with pytest.raises(FatalError) as refused:
        create(target, replace(TREATY, **change), PACKAGE)
    assert str(refused.value) == message or str(refused.value).startswith(message)
    assert not target.exists()
    assert create(target, TREATY, PACKAGE).documents == ("outcome-document.yaml", "process.yaml", "stakeholders.yaml")


def test_init_refuses_a_file_and_a_worktree(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder\n", "utf-8")
    with pytest.raises(FatalError, match=r"notes\.txt is a file: choose a folder"):
        create(tmp_path / "notes.txt", TREATY, PACKAGE)
    worktree = tmp_path / "worktree"
    worktree.mkdir()
    (worktree / ".git").write_text("gitdir: /elsewhere/.git/worktrees/x\n", "utf-8")
    with pytest.raises(FatalError, match=r"worktree/\.git is not a folder \(a worktree or submodule\)"):
        create(worktree, TREATY, PACKAGE)
    assert [p.name for p in worktree.iterdir()] == [".git"]


def test_a_name_with_a_hidden_character_is_found_before_init_writes_anything(tmp_path: Path) -> None:
    target = tmp_path / "body"
    with pytest.raises(InvalidInput) as refused:
        create(target, replace(TREATY, name="Review Conference\u200b of the Example Treaty"), PACKAGE)
    assert {f.file for f in refused.value.findings} == {"documents/process.yaml"}
    assert all("U+200B" in f.message and f.line > 1 for f in refused.value.findings)
    assert not target.exists()


class _Installed:
    def __init__(self, direct_url: dict[str, Any] | None) -> None:
        self.direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return json.dumps(self.direct_url) if self.direct_url is not None else None


@pytest.mark.parametrize(("direct_url", "expected"), [
    ({"url": "https://github.com/example/ccmflow", "vcs_info": {"vcs": "git", "commit_id": "0123456789abcdef" * 2
                                                                + "01234567"}}, PACKAGE),
    ({"url": "file:///home/me/ccmflow", "vcs_info": {"vcs": "git", "commit_id": "0" * 40}}, None),  # a local clone
    ({"url": "file:///home/me/ccmflow", "dir_info": {"editable": True}}, None),  # pip install -e .
    (None, None),  # installed from a wheel or an index
])
def test_the_workflows_install_ccmflow_from_the_commit_pip_installed_it_from(
        monkeypatch: pytest.MonkeyPatch, direct_url: dict[str, Any] | None, expected: str | None) -> None:
    monkeypatch.setattr(instance.metadata, "distribution", lambda name: _Installed(direct_url))
    if expected is not None:
        assert package_spec(None) == expected
    else:
        with pytest.raises(FatalError, match="init needs --package"):
            package_spec(None)
    assert package_spec(PACKAGE) == PACKAGE  # --package wins


def test_without_its_metadata_ccmflow_asks_for_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> Any:
        raise instance.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(instance.metadata, "distribution", missing)
    with pytest.raises(FatalError, match="init needs --package"):
        package_spec(None)
