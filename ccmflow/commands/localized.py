"""Shared by render, show and status: the `--lang` option, translations at a revision, and what exact version
a rendering is of."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ccmflow.commands.common import find_top
from ccmflow.core.errors import FatalError, InvalidInput
from ccmflow.core.languages import CODES, WORKING

if TYPE_CHECKING:
    from ccmflow.core.model import Document, Workspace
    from ccmflow.core.translations import Localized, Translation


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=CODES, default=WORKING,
                        help="the language to show (translations from documents/translations/; English where a "
                             "paragraph is not translated yet)")


def workspace_translations(args: argparse.Namespace, workspace: Workspace,
                           strict: bool = True) -> tuple[Translation, ...]:
    """The checked translations beside the workspace (from git at --rev, else from the files on disk); not
    `strict`: those that pass, with a warning on stderr for the others."""
    from ccmflow.commands.output import terminal_safe
    from ccmflow.repo.store import Store
    from ccmflow.repo.translationfiles import translations

    rev = getattr(args, "rev", None)
    if rev is not None:
        found, findings = translations(workspace, store=Store(args.repo), rev=rev)
    else:
        found, findings = translations(workspace, top=find_top(args.repo))
    if findings and strict:
        raise InvalidInput(findings)
    if findings:
        files = ", ".join(sorted({f.file for f in findings}))
        print(terminal_safe(f"ccmflow: warning: {len(findings)} problem(s) in {files} (`ccmflow validate` lists "
                            "them); left out"), file=sys.stderr)
    return found


def localized(args: argparse.Namespace, doc: Document, workspace: Workspace | None) -> Localized:
    from ccmflow.core.translations import localize

    if args.lang == WORKING:
        return localize(doc, None, WORKING)
    if workspace is None:
        raise FatalError(f"--lang reads the translations beside a valid documents/ tree: name the document by its id "
                         f"(e.g. {doc.id}), and run ccmflow validate if it is one")
    mine = next((t for t in workspace_translations(args, workspace)
                 if t.document == doc.id and t.lang == args.lang), None)
    return localize(doc, mine, args.lang)


def exact_commit(args: argparse.Namespace, doc: Document) -> str | None:
    """The commit the rendered text is exactly at: --rev's, or HEAD's when the file on disk matches it."""
    from ccmflow.repo.store import Store

    try:
        store = Store(args.repo)
    except FatalError:
        return None
    if args.rev is not None:
        return store.commit(args.rev).id
    path = Path(doc.path)
    return store.committed_as(path if path.is_absolute() else find_top(args.repo) / path)
