"""`ccmflow init DIR`: start a process repository for another treaty body, ready for the bot."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from ccmflow.commands.common import add_common


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "init", description=__doc__)
    parser.add_argument("dir", type=Path, metavar="DIR",
                        help="the folder to create: absent, empty, or holding only a git repository and files "
                             "such as README, LICENSE or .gitignore (a fresh clone of a new GitHub repository)")
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
    parser.add_argument("--presidency-id", type=int, default=None,
                        help="the presidency's numeric GitHub user id (gh api users/LOGIN --jq .id); without it "
                             "the account is a placeholder (id 0) that validate flags until replaced")
    parser.add_argument("--isu-login", default="isu-account",
                        help="the GitHub login of the account that enters e-mailed input (role record-input)")
    parser.add_argument("--isu-id", type=int, default=None,
                        help="that account's numeric GitHub user id; without it a placeholder (id 0), as above")
    parser.add_argument("--package", default=None,
                        help="how the bot's workflows install ccmflow, as pip takes it: ccmflow is not on PyPI, so "
                             "give a pinned source such as git+https://github.com/ORG/ccmflow@COMMIT (default: "
                             "the git commit this ccmflow was installed from, when pip recorded one)")
    parser.add_argument("--default-branch", default=None,
                        help="the repository's default branch on GitHub, the only one whose pull requests and pushes "
                             "start the bot's jobs (default: the clone's current branch, else main)")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.text import Text

    from ccmflow.commands.output import console, emit_json
    from ccmflow.read.rules import PLACEHOLDER_ID
    from ccmflow.repo.instance import Conference, create

    target: Path = args.dir
    conference = Conference(
        name=args.conference, short_name=args.short_name, venue=args.venue, start=args.start, end=args.end,
        timezone=args.timezone, presidency=args.presidency, presidency_login=args.presidency_login,
        presidency_id=PLACEHOLDER_ID if args.presidency_id is None else args.presidency_id,
        isu_login=args.isu_login, isu_id=PLACEHOLDER_ID if args.isu_id is None else args.isu_id)
    made = create(target, conference, args.package, args.default_branch)
    result = {"created": str(target), "documents": list(made.documents), "workflows": list(made.workflows),
              "tags": list(made.tags), "package": made.package,
              "placeholders": ["documents/stakeholders.yaml: the presidency's account"] if made.placeholder else []}
    if args.json:
        emit_json(result)
        return 0
    out = console()
    # The path is the person's own text: printed as text, never read as markup (the tick alone is styled).
    out.print(Text("✓ ", style="green") + Text(f"created {target} with a commit, tagged {', '.join(made.tags)}"))
    if made.placeholder:
        out.print(f"  first: replace the placeholder accounts (id {PLACEHOLDER_ID}) of the presidency and of "
                  "the support unit (record-input) in documents/stakeholders.yaml with their numeric ids "
                  "(gh api users/LOGIN --jq .id); `ccmflow validate` flags them until then", markup=False)
    out.print("  next: edit documents/process.yaml (dates) and documents/stakeholders.yaml (delegations),")
    out.print(f"        push to GitHub, and protect the {made.branch} branch (see README: installing the bot);",
              markup=False)
    out.print("        add the repository secret CCMFLOW_STATE_KEY (a random value) that signs the bot's log;")
    out.print("        each clone runs `ccmflow merge-driver --install` once for structural merges")
    out.print(f"  the bot's workflows install `{made.package}` and run for pull requests into `{made.branch}` (to "
              f"change either later: python -m ccmflow.write.workflows {target} SPEC BRANCH)", markup=False)
    return 0
