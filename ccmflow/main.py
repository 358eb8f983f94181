"""The `ccmflow` command line: one module per subcommand, one place where errors become exit codes."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from ccmflow import __version__
from ccmflow.core.errors import FatalError, InvalidInput

# Each name is a module ccmflow.commands.<name> (dashes as underscores) with
# `add_parser(subparsers) -> ArgumentParser` and `run(args) -> int`.
COMMANDS = (
    "validate", "status", "show", "diff", "render", "init", "new-id",
    "merge-driver", "consolidate", "release", "trace",
    "summary", "compile", "freeze", "demo", "site",
)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"ccmflow.commands.{name.replace('-', '_')}")


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen command's module is imported, so one command's imports never slow another."""
    parser = argparse.ArgumentParser(prog="ccmflow", description="Draft a conference's outcome documents in git.")
    parser.add_argument("--version", action="version", version=f"ccmflow {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        if chosen is None or name == chosen:
            module = _module(name)
            module.add_parser(subparsers).set_defaults(run=module.run)
        else:
            subparsers.add_parser(name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(chosen if chosen in COMMANDS else None)
    args = parser.parse_args(args_list)
    try:
        code: int = args.run(args)
    except InvalidInput as exc:
        from ccmflow.commands.output import report_findings

        report_findings(exc.findings, getattr(args, "json", False))
        return exc.exit_code
    except FatalError as exc:
        from ccmflow.commands.output import report_fatal

        report_fatal(str(exc), exc.exit_code, getattr(args, "json", False))
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the reader went away: not an error of ours.
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":
    raise SystemExit(main())
