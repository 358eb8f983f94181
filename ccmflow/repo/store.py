"""A repository as the layers above `ccmflow.repo` see it: documents at any revision, commits by id, refs, files.

`Store` is the one handle they hold. Its pygit2 repository is private: every answer is a plain value (a commit id
as `str`, a `CommitInfo`, a file's bytes or text), so nothing above this layer ever holds a git object.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from pathlib import Path

import pygit2
from msgspec import Struct

from ccmflow.core.errors import FatalError, Finding, InvalidInput
from ccmflow.core.model import Document, Workspace
from ccmflow.read import rules
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import DOCUMENTS_DIR, SourceFile, is_managed, parse
from ccmflow.repo.git import (
    _NOT_FOUND,
    CommitInfo,
    _blob_at,
    _commit_of,
    _exact_commit,
    _find_commit,
    _info,
)

_LINK = pygit2.enums.FileMode.LINK
_SUBMODULE = pygit2.enums.FileMode.COMMIT


class Snapshot(Struct, frozen=True):
    """The documents tree at one revision: its files, or why some were refused."""

    files: tuple[SourceFile, ...]
    refused: tuple[Finding, ...]


class Store:
    """A repository seen as a history of workspaces."""

    def __init__(self, path: str | Path = ".", root: str = DOCUMENTS_DIR) -> None:
        found = pygit2.discover_repository(str(path))
        if found is None:
            raise FatalError(f"{path}: not inside a git repository (run 'git init' or use ccmflow init)")
        self._repo = pygit2.Repository(found)
        self.root = root
        self._workspaces: dict[str, tuple[Workspace | None, list[Finding]]] = {}

    # Commits -------------------------------------------------------------------------------------------------

    def commit(self, rev: str) -> CommitInfo:
        """The commit a branch, tag, ref, SHA or expression like HEAD~2 names."""
        return _info(self._commit(rev))

    def find_commit(self, rev: str) -> CommitInfo | None:
        """The commit `rev` names, or None when it names none here (HEAD of a repository without commits)."""
        found = _find_commit(self._repo, rev)
        return _info(found) if found is not None else None

    def has_commit(self, sha: str) -> bool:
        """Whether the commit with exactly this full id is here (never a branch, a tag or an abbreviation)."""
        return _exact_commit(self._repo, sha) is not None

    def merge_base(self, one: str, other: str) -> str | None:
        found = self._repo.merge_base(self._commit(one).id, self._commit(other).id)
        return None if found is None else str(found)

    def descends_from(self, commit: str, ancestor: str) -> bool:
        """Whether `ancestor` is in the history of `commit` (and is not `commit` itself)."""
        return bool(self._repo.descendant_of(self._commit(commit).id, self._commit(ancestor).id))

    def _commit(self, rev: str) -> pygit2.Commit:
        try:
            return _commit_of(self._repo, rev)
        except _NOT_FOUND:
            raise FatalError(f"unknown revision '{rev}' (use a branch, tag, commit or ref that exists)") from None

    # Refs ----------------------------------------------------------------------------------------------------

    def refs(self, pattern: str = "*") -> dict[str, str]:
        """The refs matching `pattern` (fnmatch: refs/pull/*/head), as git lists them, each with the id of the
        commit it names (through an annotated tag); a ref naming no commit is left out."""
        found: dict[str, str] = {}
        matches = re.compile(fnmatch.translate(pattern)).match  # what fnmatchcase does, compiled once
        # The iterator's own references: looking each one up again by name cost as much as the rest (hundreds of
        # pull request refs).
        for ref in self._repo.references.iterator():
            name = ref.name
            if matches(name):
                try:
                    found[name] = str(ref.peel(pygit2.Commit).id)
                except _NOT_FOUND:
                    continue
        return found

    def has_ref(self, name: str) -> bool:
        return name in self._repo.references

    def set_ref(self, name: str, sha: str, force: bool = False) -> None:
        self._repo.references.create(name, pygit2.Oid(hex=sha), force=force)

    # Files at a revision -------------------------------------------------------------------------------------

    def file(self, rev: str, path: str) -> SourceFile | None:
        """The file at `path` at a revision (its bytes and blob id), or None when it is absent or not a file."""
        blob = _blob_at(self._commit(rev), path)
        return SourceFile(path, blob.data, str(blob.id)) if blob is not None else None

    def text(self, rev: str, path: str) -> str | None:
        """A file's text at a revision, or None when it is absent (or not a file)."""
        found = self.file(rev, path)
        return found.raw.decode("utf-8") if found is not None else None

    def names(self, rev: str, folder: str) -> list[str]:
        """The names of the entries directly in `folder` at a revision ([] when there is no such folder)."""
        try:
            tree = self._commit(rev).tree[folder]
        except KeyError:
            return []
        return [str(entry.name) for entry in tree] if isinstance(tree, pygit2.Tree) else []

    def changed_paths(self, old: str, new: str) -> list[tuple[str, str]]:
        """(status, path) for each file that differs between two commits; status is git's letter (A, D, M, R...).

        A deleted file is named by its old path, every other change by its new one.
        """
        return [(d.status_char(), d.old_file.path if d.status_char() == "D" else d.new_file.path)
                for d in self._commit(old).tree.diff_to_tree(self._commit(new).tree).deltas]

    def tree_key(self, rev: str) -> str:
        """What a workspace at `rev` depends on: the id of its documents tree."""
        return _tree_key(self._commit(rev), self.root)

    # The repository ------------------------------------------------------------------------------------------

    @property
    def git_dir(self) -> Path:
        """The repository's git directory, where ccmflow keeps its caches (.git/ccmflow/)."""
        return Path(self._repo.path)

    def user(self) -> str | None:
        """The git user's name as this repository's configuration gives it (None: not set)."""
        try:
            return str(self._repo.config["user.name"])
        except KeyError:
            return None

    def set_user(self, name: str, email: str) -> None:
        """Make `name <email>` the git user of this repository (its own .git/config)."""
        self._repo.config["user.name"] = name
        self._repo.config["user.email"] = email

    # Documents -----------------------------------------------------------------------------------------------

    def snapshot(self, rev: str) -> Snapshot:
        return _snapshot(self._repo, self._commit(rev), self.root)

    def workspace(self, rev: str) -> tuple[Workspace | None, list[Finding]]:
        """The checked workspace at a revision; cached by the documents tree's id."""
        commit = self._commit(rev)
        key = _tree_key(commit, self.root)
        if key not in self._workspaces:  # look before reading blobs: most refs share their documents tree
            snap = _snapshot(self._repo, commit, self.root)
            workspace, findings = rules.check(parse(f) for f in snap.files)
            self._workspaces[key] = (None if snap.refused else workspace, list(snap.refused) + findings)
        return self._workspaces[key]

    def keep_workspace(self, rev: str, workspace: Workspace) -> None:
        """Take `workspace` as the checked workspace at `rev` (one read back from a cache of an earlier run)."""
        self._workspaces[self.tree_key(rev)] = (workspace, [])

    def require(self, rev: str) -> Workspace:
        workspace, findings = self.workspace(rev)
        if workspace is None:
            raise InvalidInput(findings)
        return workspace

    def document(self, rev: str, doc: str) -> Document:
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
        if self._repo.head_is_unborn or self._repo.workdir is None or not path.is_file():
            return None
        head = self._commit("HEAD")
        try:
            rel = path.resolve().relative_to(Path(self._repo.workdir).resolve()).as_posix()
            blob = head.tree[rel]
        except (KeyError, ValueError, TypeError):
            return None
        return str(head.id) if isinstance(blob, pygit2.Blob) and blob.data == path.read_bytes() else None

    def find_document(self, rev: str, doc: str) -> Document | None:
        """One document at a revision, or None when it is not there (or its file is not valid there)."""
        try:
            return self.document(rev, doc)
        except FatalError:
            return None


def _tree_key(commit: pygit2.Commit, root: str = DOCUMENTS_DIR) -> str:
    try:
        return str(commit.tree[root].id) if root else str(commit.tree.id)
    except KeyError:
        return f"empty:{commit.id}"


def _snapshot(repo: pygit2.Repository, commit: pygit2.Commit, root: str = DOCUMENTS_DIR) -> Snapshot:
    """The managed files of a commit; links and submodules are refused, never followed."""
    files: list[SourceFile] = []
    refused: list[Finding] = []
    try:
        tree = commit.tree[root] if root else commit.tree
    except KeyError:
        return Snapshot((), ())
    for entry in _entries(tree):
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
    return Snapshot(tuple(files), tuple(refused))


def _entries(tree: pygit2.Object) -> Iterator[pygit2.Object]:
    if not isinstance(tree, pygit2.Tree):
        return
    yield from tree
