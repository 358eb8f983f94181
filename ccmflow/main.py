"""The `ccmflow` command line: one module per subcommand, one place where errors become exit codes."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from ccmflow import __version__

if TYPE_CHECKING:
    from ccmflow.core.errors import FatalError, InvalidInput

# Each name is a module ccmflow.commands.<name> (dashes as underscores) with
# `add_parser(subparsers) -> ArgumentParser` and `run(args) -> int`. The one-line help lives here, so that
# `ccmflow --help` lists every command without importing any of them; a command's module imports only the
# standard library at the top (its add_parser must not import the library), and `run` imports what it needs.
COMMANDS: dict[str, str] = {
    "validate": "check documents, timeline and registry",
    "status": "where the process stands: phase, windows, deadlines",
    "show": "print a document with its computed paragraph numbers",
    "diff": "paragraph redline between two versions",
    "render": "the numbered document as Markdown, HTML or Word",
    "init": "create a new process repository",
    "new-id": "print fresh paragraph ids",
    "merge-driver": "git merge driver merging documents by paragraph id",
    "consolidate": "build the next version of a document from chosen inputs",
    "release": "set a document's version, commit and tag it DOC/VERSION; at the conference, the next revision",
    "mark": "record a paragraph open, agreed ad referendum or agreed",
    "adopt": "adopt a clean, agreed document: tag DOC/adopted",
    "report": "the conference's final report, with the adopted texts as annexes",
    "trace": "concordance of paragraph numbers and inputs across versions",
    "summary": "consolidation summary of the inputs to a document",
    "compile": "compilation text: proposals attributed under each paragraph",
    "freeze": "record the on-time version of every input once a window has closed",
    "demo": "run the whole process offline on the embedded documents",
    "site": "build the public dashboard as a static site",
    "propose": "make an input (amend, insert, delete, remark) on a branch, as the ISU enters an e-mail",
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"ccmflow.commands.{name.replace('-', '_')}")


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen command's module is imported, so one command's imports never slow another."""
    parser = argparse.ArgumentParser(prog="ccmflow", description="Draft a conference's outcome documents in git.")
    parser.add_argument("--version", action="version", version=f"ccmflow {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    if chosen is not None:
        # Only the chosen command's parser: each parser argparse builds costs about half a millisecond, and a
        # command never needs the others' (`ccmflow --help` lists them all).
        module = _module(chosen)
        module.add_parser(subparsers).set_defaults(run=module.run)
        return parser
    for name, what in COMMANDS.items():
        subparsers.add_parser(name, help=what)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # The command is the first argument (`ccmflow --help validate` lists the commands).
    chosen = args_list[0] if args_list and args_list[0] in COMMANDS else None
    parser = build_parser(chosen)
    args = parser.parse_args(args_list)
    # Imported once the arguments are read: `--help` and a usage error stop before any record class is made.
    from ccmflow.core.errors import FatalError, InvalidInput

    try:
        code: int = args.run(args)
    except (InvalidInput, FatalError) as exc:
        return _failed(exc, getattr(args, "json", False))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_gone(0)
    return code


def _failed(exc: InvalidInput | FatalError, as_json: bool) -> int:
    """Why the command stopped (its findings, or one line), reported; its exit code."""
    from ccmflow.commands.output import report_fatal, report_findings
    from ccmflow.core.errors import InvalidInput

    try:
        if isinstance(exc, InvalidInput):
            report_findings(exc.findings, as_json)
        else:
            report_fatal(str(exc), exc.exit_code, as_json)
    except BrokenPipeError:  # the findings were piped into `head`: the command failed all the same
        return _reader_gone(exc.exit_code)
    return exc.exit_code


def _reader_gone(code: int) -> int:
    """Output piped into `head` and the reader went away: not an error of ours. Standard error is closed, so that
    Python's own flush of standard output at exit cannot print a second broken pipe."""
    sys.stderr.close()
    return code


def console() -> int:
    """The `ccmflow` console script: `main`, in a process that ends with the command."""
    # A command builds most of what it holds (modules, records, parsed documents) once and keeps it until it
    # exits, and makes little cyclic garbage: the collector's default, a pass every 700 new objects, walks all
    # of it again and again for nothing (about 5% of a `validate`). As mypy does, collect far less often.
    gc.set_threshold(100_000, 50, 100)
    code = main()
    # All of it lives until the process ends, and Python's teardown runs full collections that would walk it
    # once more (about 7% of a `validate`): frozen, they skip it. The exit is otherwise as usual (atexit
    # handlers, flushed streams, modules finalized); only cyclic garbage left at the very end is not collected.
    gc.freeze()
    return code


if __name__ == "__main__":
    raise SystemExit(console())
