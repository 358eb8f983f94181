"""The `ccmflow` command line: one module per subcommand, one place where errors become exit codes."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ccmflow import __version__
from ccmflow.errors import FatalError, InvalidInput

# Each name is a module ccmflow.commands.<name> with `add_parser(subparsers)` and `run(args) -> int`.
COMMANDS = (
    "validate", "status", "show", "diff", "render", "init", "new_id",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ccmflow", description=__doc__)
    parser.add_argument("--version", action="version", version=f"ccmflow {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"ccmflow.commands.{name}")
        sub = module.add_parser(subparsers)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except InvalidInput as exc:
        from ccmflow.output import report_findings

        report_findings(exc.findings, getattr(args, "json", False))
        return exc.exit_code
    except FatalError as exc:
        print(f"ccmflow: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    raise SystemExit(main())
