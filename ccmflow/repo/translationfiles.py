"""Translation files on disk or in git at a revision, checked against the documents they translate."""

from __future__ import annotations

from pathlib import Path

import pygit2

from ccmflow.core.errors import Finding
from ccmflow.core.model import Workspace
from ccmflow.core.translations import Translation
from ccmflow.read.directory import directory_translation_files as directory_translation_files
from ccmflow.read.load import SourceFile
from ccmflow.read.translations import TRANSLATIONS_DIR, check_translations, is_translation
from ccmflow.repo.store import Store


def tree_translation_files(store: Store, rev: str) -> list[SourceFile]:
    commit = store._commit(rev)
    try:
        tree = commit.tree[TRANSLATIONS_DIR]
    except KeyError:
        return []
    files = []
    for folder in tree if isinstance(tree, pygit2.Tree) else ():
        if not isinstance(folder, pygit2.Tree):
            continue
        for entry in folder:
            path = f"{TRANSLATIONS_DIR}/{folder.name}/{entry.name}"
            if isinstance(entry, pygit2.Blob) and entry.filemode == pygit2.enums.FileMode.BLOB and is_translation(path):
                files.append(SourceFile(path, entry.data, str(entry.id)))
    return files


def translations(workspace: Workspace, top: Path | None = None, store: Store | None = None,
                 rev: str | None = None) -> tuple[tuple[Translation, ...], list[Finding]]:
    """The translations beside a workspace: from the directory `top`, or from git at `rev`."""
    if store is not None and rev is not None:
        files = tree_translation_files(store, rev)
    else:
        files = directory_translation_files(top or Path("."))
    return check_translations(files, workspace.documents)
