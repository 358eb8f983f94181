"""The documents in a working directory, read from disk without git, for commands run on uncommitted edits.

Apart from ccmflow/repo so that `ccmflow validate` on the files on disk never imports pygit2.
"""

from __future__ import annotations

from pathlib import Path

from ccmflow.core.errors import Finding
from ccmflow.core.inputfile import INPUTS_DIR, is_input_path
from ccmflow.core.model import Workspace
from ccmflow.read import rules
from ccmflow.read.load import DOCUMENTS_DIR, SourceFile, is_managed, parse
from ccmflow.read.translations import TRANSLATIONS_DIR, is_translation


def directory_files(top: Path, root: str = DOCUMENTS_DIR) -> tuple[list[SourceFile], list[Finding]]:
    """The managed files of a working directory, for commands run on uncommitted edits."""
    base = top / root if root else top
    files: list[SourceFile] = []
    refused: list[Finding] = []
    for path in sorted(base.glob("*")):
        rel = f"{root}/{path.name}" if root else path.name
        if path.is_symlink():
            refused.append(Finding(rel, 1, 1, f"a symbolic link is not accepted in {root}/",
                                   "replace it with the file's own content"))
        elif path.is_file() and is_managed(rel, root):
            files.append(SourceFile(rel, path.read_bytes()))
    return files, refused


def directory_workspace(top: Path, root: str = DOCUMENTS_DIR) -> tuple[Workspace | None, list[Finding]]:
    files, refused = directory_files(top, root)
    # Without positions: a checked instance is usually valid, and a finding still reads its line (Loaded).
    workspace, findings = rules.check(parse(f, positions=False) for f in files)
    return (None if refused else workspace), refused + findings


def directory_translation_files(top: Path) -> list[SourceFile]:
    base = top / TRANSLATIONS_DIR
    files = []
    for path in sorted(base.glob("*/*.yaml")) if base.is_dir() else ():
        rel = path.relative_to(top).as_posix()
        if path.is_file() and not path.is_symlink() and is_translation(rel):
            files.append(SourceFile(rel, path.read_bytes()))
    return files


def directory_input_files(top: Path) -> list[SourceFile]:
    """The input records on disk (documents/inputs/<document>/<id>.yaml); links are never followed."""
    base = top / INPUTS_DIR
    files = []
    for path in sorted(base.glob("*/*")) if base.is_dir() else ():
        rel = path.relative_to(top).as_posix()
        if path.is_file() and not path.is_symlink() and is_input_path(rel):
            files.append(SourceFile(rel, path.read_bytes()))
    return files
