"""The base's workspace, and the line layout of its documents, kept on disk from one summary to the next.

A summary run after one new input arrived would otherwise spend most of its time reading the base again: the
YAML of every file, the schema checks, the cross-file rules (about 70 ms for a 300-paragraph document), and once
more the document with positions for the new input's fast path. Here each file's data, as its parse gave it, is
kept for a documents tree that passed every check, keyed by that tree's id (which fixes every byte of every
file), with the line layout docpatch found in each document. The records are built again from the data (no
YAML, no schema, no rules: they passed), the same records a parse gives. Anything that does not fit is
ignored and the base is read as usual, and so is a file another version of ccmflow wrote (`code_stamp`, which
the examine cache's scope carries too). The file lives in the git directory (.git/ccmflow/base.json): it is
written only by ccmflow, never comes from a pull request, and is JSON.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import ccmflow
from ccmflow.compare import docpatch
from ccmflow.core.model import Document, Process, Registry, Workspace
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import parse, record_from_data
from ccmflow.repo.store import Store

CACHE_VERSION = 1
Layout = list[tuple[int, int, int, int, int]]


@cache
def code_stamp() -> str:
    """Which ccmflow wrote a cache: its version and the newest modification time of its files (an upgrade, or an
    edit in a development checkout, makes every cache read anew; about 150 stats, once a process)."""
    newest = 0
    folders = [Path(ccmflow.__file__).parent]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    folders.append(Path(entry.path))
                elif entry.name.endswith((".py", ".json")):
                    newest = max(newest, entry.stat().st_mtime_ns)
    return f"{ccmflow.__version__}:{newest}"


def cache_file(store: Store) -> Path:
    return store.git_dir / "ccmflow" / "base.json"


class BaseCache:
    """The checked workspace at one base commit, and its documents' layouts; `enabled=False` reads and keeps
    nothing (`--no-cache`)."""

    def __init__(self, store: Store, commit: str, enabled: bool = True) -> None:
        self.store = store
        self.commit = commit  # the base commit's id
        self.path = cache_file(store) if enabled else None
        self.tree = store.tree_key(commit)
        self._entry: dict[str, Any] | None = None  # what the file holds for this tree
        self._dirty = False

    def workspace(self) -> Workspace:
        """What store.require(commit) gives (InvalidInput when the base is not valid), from the cache if there."""
        if self._entry is not None or self.path is None:
            return self.store.require(self.commit)
        entry = self._read()
        kept = _workspace(entry["files"]) if entry is not None else None
        if kept is not None:
            self._entry = entry
            self.store.keep_workspace(self.commit, kept)
            return kept
        workspace = self.store.require(self.commit)
        files = [{"path": f.path, "kind": parsed.kind, "data": parsed.loaded.data}
                 for f in self.store.snapshot(self.commit).files
                 for parsed in (parse(f),) if parsed.loaded is not None]
        self._entry = {"files": files, "layouts": {}}
        self._dirty = True
        return workspace

    def layout(self, tree: str, path: str) -> Layout | None:
        """The layout kept for the document at `path`, when `tree` (a tree key) is the base's documents tree."""
        if self._entry is None or tree != self.tree:
            return None
        found = self._entry["layouts"].get(path)
        return found if isinstance(found, list) else None

    def keep_layout(self, tree: str, path: str, layout: Layout) -> None:
        if self._entry is not None and tree == self.tree and \
                self._entry["layouts"].get(path) != layout:
            self._entry["layouts"][path] = layout
            self._dirty = True

    def save(self) -> None:
        if self.path is None or self._entry is None or not self._dirty:
            return
        data = {"version": CACHE_VERSION, "code": code_stamp(), "tree": self.tree, **self._entry}
        try:  # a cache that cannot be written only costs time
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".base-", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            os.replace(temp, self.path)
            self._dirty = False
        except OSError:
            Path(temp).unlink(missing_ok=True)

    def _read(self) -> dict[str, Any] | None:
        assert self.path is not None  # workspace() reads the file only when there is one
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION or data.get("tree") != self.tree or \
                data.get("code") != code_stamp() or \
                not isinstance(data.get("files"), list) or not isinstance(data.get("layouts"), dict):
            return None
        return {"files": data["files"], "layouts": data["layouts"]}


def _workspace(files: list[Any]) -> Workspace | None:
    """The workspace rules.check assembled from these files' records, or None when a record does not build."""
    documents: dict[str, Document] = {}
    process: Process | None = None
    registry: Registry | None = None
    for file in files:
        if not isinstance(file, dict) or not isinstance(file.get("path"), str):
            return None
        try:
            kind = FileKind(str(file.get("kind")))
        except ValueError:
            return None  # a cache of another version: read the files again
        record = record_from_data(kind, file["path"], file.get("data"))
        if isinstance(record, Document):
            documents[record.id] = record
        elif isinstance(record, Process) and process is None:
            process = record
        elif isinstance(record, Registry) and registry is None:
            registry = record
        else:
            return None
    if process is None or registry is None:
        return None
    return Workspace(MappingProxyType(documents), process, registry)


def index_from_layout(workspace: Workspace, path: str, text: str, layout: Layout) -> docpatch.BaseIndex | None:
    """docpatch's index of the document at `path`, from its kept layout instead of a parse with positions."""
    document = next((d for d in workspace.documents.values() if d.path == path), None)
    if document is None:
        return None
    return docpatch.from_layout(document, text, layout, *references_and_targets(workspace))


def references_and_targets(workspace: Workspace) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Every reference in the workspace, and each document's section and paragraph ids (what docpatch checks)."""
    references = [r for d in workspace.documents.values() for _, p in d.walk() for r in p.references]
    targets = {d.id: frozenset({s.id for s in d.sections} | {p.id for _, p in d.walk()})
               for d in workspace.documents.values()}
    return references, targets
