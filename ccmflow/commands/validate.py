"""`ccmflow validate [PATH...]`: check files against their schemas and the cross-file rules."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common, find_top
from ccmflow.core.errors import Finding

if TYPE_CHECKING:
    from ccmflow.core.model import Workspace


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders (default: documents/ of the repository)")
    add_common(parser, rev=True)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import emit_json, report_findings, terminal_safe
    from ccmflow.read.load import DOCUMENTS_DIR

    found: Workspace | None = None
    if args.rev is not None:
        from ccmflow.repo.store import Store

        found, findings = Store(args.repo).workspace(args.rev)
        checked = f"{DOCUMENTS_DIR}/ at {args.rev}"
    elif args.paths:
        findings, checked = _check_paths(args.paths)
    else:
        from ccmflow.read.directory import directory_workspace

        found, findings = directory_workspace(find_top(args.repo))
        checked = _shown(find_top(args.repo) / DOCUMENTS_DIR)
    if not findings and found is not None:  # the workspace is read and checked once, then the files that name it
        findings = _translation_findings(args, found) + _input_findings(args, found) + _placeholder_findings(args)
    if args.json:
        emit_json({"ok": not findings, "checked": checked, "findings": [f.as_json() for f in findings]})
    elif findings:
        report_findings(findings)
    else:
        print(terminal_safe(f"✓ {checked}: no problems found"))  # plainly: rich costs more than the check
    return 1 if findings else 0


def _translation_findings(args: argparse.Namespace, found: Workspace) -> list[Finding]:
    """Translation files are checked once the documents they translate are valid (unknown ids are errors)."""
    if args.rev is None:  # from disk, without git
        from ccmflow.read.directory import directory_translation_files
        from ccmflow.read.translations import check_translations

        return check_translations(directory_translation_files(find_top(args.repo)), found.documents)[1]
    from ccmflow.repo.store import Store
    from ccmflow.repo.translationfiles import translations

    return translations(found, store=Store(args.repo), rev=args.rev)[1]


def _placeholder_findings(args: argparse.Namespace) -> list[Finding]:
    """Accounts `ccmflow init` left as placeholders: valid files, but the process is not ready until replaced."""
    from ccmflow.read.load import parse
    from ccmflow.read.rules import placeholders

    if args.rev is not None:
        from ccmflow.repo.store import Store

        files = list(Store(args.repo).snapshot(args.rev).files)
    else:
        from ccmflow.read.directory import directory_files

        files, _ = directory_files(find_top(args.repo))
    return placeholders(parse(f, positions=False) for f in files)


def _input_findings(args: argparse.Namespace, found: Workspace) -> list[Finding]:
    """Input records (documents/inputs/) are checked once the documents and registry they name are valid."""
    from ccmflow.read.inputfile import check_inputs

    if args.rev is None:  # from disk, without git
        from ccmflow.read.directory import directory_input_files

        return check_inputs(directory_input_files(find_top(args.repo)), found)
    from ccmflow.repo.inputfiles import input_files
    from ccmflow.repo.store import Store

    return check_inputs(input_files(Store(args.repo), args.rev), found)


def _check_paths(paths: list[Path]) -> tuple[list[Finding], str]:
    """Each folder is checked as a whole (cross-file rules need it); named files filter what is shown."""
    from ccmflow.read.directory import directory_workspace
    from ccmflow.read.load import DOCUMENTS_DIR

    folders: dict[Path, set[str] | None] = {}
    for path in paths:
        if path.is_dir():
            folder = path / DOCUMENTS_DIR if (path / DOCUMENTS_DIR).is_dir() else path
            folders[folder.resolve()] = None
        elif path.is_file():
            only = folders.setdefault(path.resolve().parent, set())
            if only is not None:
                only.add(path.name)
        else:
            return [Finding(str(path), 1, 1, "no such file or folder", "check the path")], str(path)
    findings: list[Finding] = []
    for folder, only in folders.items():
        _, found = directory_workspace(folder.parent, folder.name)
        findings += [f for f in found if only is None or f.file.rsplit("/", 1)[-1] in only]
    return findings, ", ".join(_shown(p) for p in paths)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
