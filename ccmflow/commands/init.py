"""`ccmflow init DIR`: start a process repository for another treaty body, ready for the bot."""

from __future__ import annotations

import argparse
import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ccmflow import __version__
from ccmflow.commands.common import add_common

if TYPE_CHECKING:
    from ccmflow.repo.git import Repository


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "init", description=__doc__)
    parser.add_argument("dir", type=Path, metavar="DIR", help="the folder to create (must be empty or absent)")
    parser.add_argument("--conference", default="First Review Conference", help="the conference's full name")
    parser.add_argument("--short-name", default="Review Conference", help="a short name, e.g. 2RC")
    parser.add_argument("--venue", default="Geneva, Switzerland")
    parser.add_argument("--start", type=date.fromisoformat, default=date(date.today().year + 1, 11, 23),
                        help="first day, YYYY-MM-DD")
    parser.add_argument("--end", type=date.fromisoformat, default=None, help="last day, YYYY-MM-DD")
    parser.add_argument("--timezone", default="Europe/Zurich", help="IANA time zone of the conference")
    parser.add_argument("--presidency", default="Presidency", help="who holds the presidency")
    parser.add_argument("--presidency-login", default="presidency-account",
                        help="the presidency's GitHub login")
    parser.add_argument("--presidency-id", type=int, default=1, help="the presidency's numeric GitHub user id")
    parser.add_argument("--isu-login", default="isu-account",
                        help="the GitHub login of the account that enters e-mailed input (role record-input)")
    parser.add_argument("--isu-id", type=int, default=2, help="that account's numeric GitHub user id")
    parser.add_argument("--package", default=f"ccmflow=={__version__}",
                        help="how the bot's workflows install ccmflow (a pip requirement)")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import console, emit_json
    from ccmflow.core.errors import FatalError
    from ccmflow.read.load import DOCUMENTS_DIR
    from ccmflow.repo.gitattributes import configure_merge_driver, write_gitattributes
    from ccmflow.write.workflows import write_files

    target: Path = args.dir
    if target.exists() and any(target.iterdir()):
        raise FatalError(f"{target} is not empty: choose a new folder")
    try:
        ZoneInfo(args.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise FatalError(f"unknown time zone '{args.timezone}' (use an IANA name like Europe/Vienna)") from None
    docs = target / DOCUMENTS_DIR
    (docs / "schemas").mkdir(parents=True)
    _write_instance(docs, _values(args))
    written = write_files(target, args.package)
    write_gitattributes(target)
    _check(target)
    configure_merge_driver(_commit(target))
    result = {"created": str(target), "documents": sorted(p.name for p in docs.glob("*.yaml")),
              "workflows": sorted(str(p) for p in written)}
    if args.json:
        emit_json(result)
    else:
        out = console()
        out.print(f"[green]✓[/green] created {target} with a first commit")
        out.print("  next: edit documents/process.yaml (dates) and documents/stakeholders.yaml (delegations, and")
        out.print("        the placeholder accounts of the presidency and of the support unit (record-input)),")
        out.print("        push to GitHub, and protect the main branch (see README: installing the bot);")
        out.print("        add the repository secret CCMFLOW_STATE_KEY (a random value) that signs the bot's log;")
        out.print("        each clone runs `ccmflow merge-driver --install` once for structural merges")
        out.print(f"  the bot's workflows install `{args.package}`; if ccmflow is not published there, run init "
                  "again with --package git+https://HOST/ORG/ccmflow@COMMIT", markup=False)
    return 0


def _values(args: argparse.Namespace) -> dict[str, str]:
    from ccmflow.core.errors import FatalError
    from ccmflow.write.edit import new_id

    end = args.end or args.start
    if end < args.start:
        raise FatalError("--end is before --start")
    quoted = {"CONFERENCE": args.conference, "SHORT": args.short_name, "VENUE": args.venue,
              "PRESIDENCY": args.presidency, "PRESIDENCY_LOGIN": args.presidency_login, "ISU_LOGIN": args.isu_login,
              "TITLE": f"Outcome document of the {args.short_name}"}
    # JSON strings are valid YAML double-quoted scalars: no user text can break the file's structure.
    values = {k: json.dumps(v, ensure_ascii=False) for k, v in quoted.items()}
    first = new_id(())
    values.update({"START": args.start.isoformat(), "END": end.isoformat(), "TIMEZONE": args.timezone,
                   "PRESIDENCY_ID": str(args.presidency_id), "ISU_ID": str(args.isu_id), "ID1": first,
                   "ID2": new_id({first})})
    return values


def _write_instance(docs: Path, values: dict[str, str]) -> None:
    from ccmflow.read.schema import SCHEMAS

    templates = resources.files("ccmflow.templates").joinpath("instance")
    for name in ("outcome-document.yaml", "process.yaml", "stakeholders.yaml"):
        text = templates.joinpath(name).read_text("utf-8")
        for key, value in values.items():
            text = text.replace(f"@{key}@", value)
        (docs / name).write_text(text, encoding="utf-8")
    schemas = resources.files("ccmflow.schemas")
    for name in SCHEMAS:
        (docs / "schemas" / f"{name}.schema.json").write_text(
            schemas.joinpath(f"{name}.schema.json").read_text("utf-8"), encoding="utf-8")


def _check(target: Path) -> None:
    from ccmflow.core.errors import InvalidInput
    from ccmflow.repo.store import directory_workspace

    _, findings = directory_workspace(target)
    if findings:
        raise InvalidInput(findings)


def _commit(target: Path) -> Repository:
    from ccmflow.repo.git import commit_everything

    repo, _ = commit_everything(target, "Start the process repository (ccmflow init)")
    return repo
