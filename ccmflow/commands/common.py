"""Options and look-ups shared by the subcommands: where the repository is, which revision, which document."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ccmflow.core.errors import FatalError, InvalidInput

# Argument parsing imports this module: the library is imported only by the functions that need it.
if TYPE_CHECKING:
    from ccmflow.core.model import Document, Workspace

NOW_ENV = "CCMFLOW_NOW"


def add_common(parser: argparse.ArgumentParser, rev: bool = False) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of tables")
    parser.add_argument("-C", "--repo", default=".", type=Path, metavar="DIR",
                        help="the process repository (default: the current directory)")
    if rev:
        parser.add_argument("--rev", help="read at this commit, branch or tag (default: the files on disk)")


def workspace(repo: Path, rev: str | None) -> Workspace:
    """The checked workspace from the files on disk, or from git at `rev`."""
    from ccmflow.read.directory import directory_workspace

    if rev is not None:
        from ccmflow.repo.store import Store

        return Store(repo).require(rev)
    top = find_top(repo)
    found, findings = directory_workspace(top)
    if found is None:
        raise InvalidInput(findings)
    return found


def readable_workspace(repo: Path, rev: str | None, wanted: str | None = None) -> Workspace:
    """The workspace, or, when some files have problems, what can be read of it: the timeline, the registry and
    every document that is valid on its own, with a warning on stderr. One broken document must not hide the
    others from `status` and `show`; a broken timeline or registry (or the `wanted` document) still stops."""
    from types import MappingProxyType

    from ccmflow.core.model import Document, Process, Registry, Workspace
    from ccmflow.read import rules
    from ccmflow.read.directory import directory_files
    from ccmflow.read.load import parse

    if rev is not None:
        from ccmflow.repo.store import Store


        snap = Store(repo).snapshot(rev)
        files, refused = list(snap.files), list(snap.refused)
    else:
        files, refused = directory_files(find_top(repo))
    parsed = [parse(f) for f in files]
    found, findings = rules.check(parsed)
    findings = refused + findings
    if found is not None and not refused:
        return found
    process = next((p.record for p in parsed if isinstance(p.record, Process)), None)
    registry = next((p.record for p in parsed if isinstance(p.record, Registry)), None)
    documents = {p.record.id: p.record for p in parsed if isinstance(p.record, Document)}
    broken = {f.file for f in findings}
    if process is None or registry is None or (wanted is not None and wanted not in documents):
        own = [f for f in findings if Path(f.file).stem == wanted]
        raise InvalidInput(own or findings)
    from ccmflow.commands.output import terminal_safe  # rich: only on this path

    sys.stderr.write(terminal_safe(
        f"ccmflow: warning: {len(findings)} problem(s) in {', '.join(sorted(broken))} (`ccmflow validate` lists "
        "them); showing what can be read\n"))
    return Workspace(MappingProxyType(documents), process, registry)


def find_top(start: Path) -> Path:
    """The nearest directory at or above `start` that holds documents/."""
    from ccmflow.read.load import DOCUMENTS_DIR

    start = start.resolve()
    for candidate in (start, *start.parents):
        if (candidate / DOCUMENTS_DIR).is_dir():
            return candidate
    raise FatalError(f"no {DOCUMENTS_DIR}/ folder in {start} or above (run ccmflow init DIR to start one)")


def document(repo: Path, doc: str, rev: str | None) -> tuple[Document, Workspace | None]:
    """A document by id or by path; the workspace too when the whole tree is valid."""
    from ccmflow.core.model import Document, Process
    from ccmflow.read.load import DOCUMENTS_DIR, SourceFile, parse
    from ccmflow.repo.store import Store

    path = Path(doc)
    if doc.endswith((".yaml", ".yml")) and path.is_file():
        parsed = parse(SourceFile(str(path), path.read_bytes()))
        if isinstance(parsed.record, Document):
            return parsed.record, None
        if parsed.findings:
            raise InvalidInput(list(parsed.findings))
        # The timeline or the registry, valid: there is no text to show, and no finding to list.
        what = "the process timeline" if isinstance(parsed.record, Process) else "the registry of stakeholders"
        raise FatalError(f"{path} is {what}, not a document: give a document's id or its file "
                         f"({DOCUMENTS_DIR}/DOC.yaml)")
    if rev is not None:
        store = Store(repo)
        found, _ = store.workspace(rev)
        return store.document(rev, doc), found
    ws = readable_workspace(repo, None, doc if doc in _document_ids(repo) else None)
    found_doc = ws.document(doc)
    if found_doc is None:
        raise FatalError(f"no document '{doc}' (known: {', '.join(sorted(ws.documents))})")
    return found_doc, ws


def _document_ids(repo: Path) -> set[str]:
    """The ids the document files on disk go by (their file names), readable or not."""
    from ccmflow.read.directory import directory_files

    files, _ = directory_files(find_top(repo))
    return {Path(f.path).stem for f in files}


def parse_when(text: str | None, zone: str) -> datetime:
    """An instant from --at or CCMFLOW_NOW; a time without a zone is read in conference time."""
    from ccmflow.core.status import parse_instant

    text = text or os.environ.get(NOW_ENV)
    return parse_instant(text, zone) if text else datetime.now(UTC)
