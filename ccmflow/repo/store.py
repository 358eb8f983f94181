"""Reading documents out of git at any revision, without checking anything out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pygit2

from ccmflow.core.errors import FatalError, Finding, InvalidInput
from ccmflow.core.model import Document, Workspace
from ccmflow.read import rules
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import DOCUMENTS_DIR, SourceFile, is_managed, parse

_LINK = pygit2.enums.FileMode.LINK
_SUBMODULE = pygit2.enums.FileMode.COMMIT


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The documents tree at one revision: its files (or why some were refused) and the commit."""

    commit: pygit2.Commit
    files: tuple[SourceFile, ...]
    refused: tuple[Finding, ...]


class Store:
    """A repository seen as a history of workspaces."""

    def __init__(self, path: str | Path = ".", root: str = DOCUMENTS_DIR) -> None:
        found = pygit2.discover_repository(str(path))
        if found is None:
            raise FatalError(f"{path}: not inside a git repository (run 'git init' or use ccmflow init)")
        self.repo = pygit2.Repository(found)
        self.root = root
        self._workspaces: dict[str, tuple[Workspace | None, list[Finding]]] = {}

    def commit(self, rev: str) -> pygit2.Commit:
        """The commit a branch, tag, ref, SHA or expression like HEAD~2 names."""
        try:
            obj = self.repo.revparse_single(rev)
            commit = obj.peel(pygit2.Commit)
        except (KeyError, ValueError, pygit2.GitError, pygit2.InvalidSpecError):
            raise FatalError(f"unknown revision '{rev}' (use a branch, tag, commit or ref that exists)") from None
        assert isinstance(commit, pygit2.Commit)
        return commit

    def _resolve(self, rev: str | pygit2.Oid) -> pygit2.Commit:
        return self.repo[rev].peel(pygit2.Commit) if isinstance(rev, pygit2.Oid) else self.commit(rev)

    def snapshot(self, rev: str | pygit2.Oid) -> Snapshot:
        return tree_snapshot(self.repo, self._resolve(rev), self.root)

    def workspace(self, rev: str | pygit2.Oid) -> tuple[Workspace | None, list[Finding]]:
        """The checked workspace at a revision; cached by the documents tree's id."""
        commit = self._resolve(rev)
        key = tree_key(commit, self.root)
        if key not in self._workspaces:  # look before reading blobs: most refs share their documents tree
            snap = tree_snapshot(self.repo, commit, self.root)
            workspace, findings = rules.check(parse(f) for f in snap.files)
            self._workspaces[key] = (None if snap.refused else workspace, list(snap.refused) + findings)
        return self._workspaces[key]

    def keep_workspace(self, rev: str | pygit2.Oid, workspace: Workspace) -> None:
        """Take `workspace` as the checked workspace at `rev` (one read back from a cache of an earlier run)."""
        self._workspaces[tree_key(self._resolve(rev), self.root)] = (workspace, [])

    def require(self, rev: str | pygit2.Oid) -> Workspace:
        workspace, findings = self.workspace(rev)
        if workspace is None:
            raise InvalidInput(findings)
        return workspace

    def document(self, rev: str | pygit2.Oid, doc: str) -> Document:
        """One document at a revision; only its own file must be valid."""
        snap = self.snapshot(rev)
        for file in snap.files:
            parsed = parse(file)
            if isinstance(parsed.record, Document) and parsed.record.id == doc:
                return parsed.record
            if parsed.kind == FileKind.DOCUMENT and file.path.rsplit("/", 1)[-1].rsplit(".", 1)[0] == doc:
                raise InvalidInput(list(parsed.findings))
        raise FatalError(f"no document '{doc}' at {rev} (documents are the YAML files in {self.root}/)")

    def committed_as(self, path: Path) -> str | None:
        """HEAD's commit when the file at `path` (in the work tree) is byte for byte what HEAD holds; else None
        (an uncommitted edit, a file outside the repository, no commit yet)."""
        if self.repo.head_is_unborn or not path.is_file():
            return None
        head = self.commit("HEAD")
        try:
            rel = path.resolve().relative_to(Path(self.repo.workdir).resolve()).as_posix()
            blob = head.tree[rel]
        except (KeyError, ValueError, TypeError):
            return None
        return str(head.id) if isinstance(blob, pygit2.Blob) and blob.data == path.read_bytes() else None

    def find_document(self, rev: str | pygit2.Oid, doc: str) -> Document | None:
        """One document at a revision, or None when it is not there (or its file is not valid there)."""
        try:
            return self.document(rev, doc)
        except FatalError:
            return None


def tree_key(commit: pygit2.Commit, root: str = DOCUMENTS_DIR) -> str:
    """What a workspace at `commit` depends on: the id of its documents tree."""
    try:
        return str(commit.tree[root].id) if root else str(commit.tree.id)
    except KeyError:
        return f"empty:{commit.id}"


def tree_snapshot(repo: pygit2.Repository, commit: pygit2.Commit, root: str = DOCUMENTS_DIR) -> Snapshot:
    """The managed files of a commit; links and submodules are refused, never followed."""
    files: list[SourceFile] = []
    refused: list[Finding] = []
    try:
        tree = commit.tree[root] if root else commit.tree
    except KeyError:
        return Snapshot(commit, (), ())
    for entry in _entries(tree, root):
        name = entry.name or ""
        path = f"{root}/{name}" if root else name
        if entry.filemode in (_LINK, _SUBMODULE):
            what = "symbolic link" if entry.filemode == _LINK else "submodule"
            refused.append(Finding(path, 1, 1, f"a {what} is not accepted in {root}/",
                                   "replace it with the file's own content"))
        elif is_managed(path, root):
            blob = repo[entry.id]
            if isinstance(blob, pygit2.Blob):
                files.append(SourceFile(path, blob.data, str(entry.id)))
    return Snapshot(commit, tuple(files), tuple(refused))


def _entries(tree: pygit2.Object, root: str) -> Iterator[pygit2.Object]:
    if not isinstance(tree, pygit2.Tree):
        return
    yield from tree
