"""`ccmflow init DIR`: start a process repository for another treaty body, ready for the bot."""

from __future__ import annotations

import argparse
import json
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ccmflow.commands.common import add_common

if TYPE_CHECKING:
    from ccmflow.repo.git import Repository


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
    from ccmflow.commands.output import console, emit_json
    from ccmflow.core.errors import FatalError
    from ccmflow.read.load import DOCUMENTS_DIR
    from ccmflow.read.rules import PLACEHOLDER_ID
    from ccmflow.repo.gitattributes import configure_merge_driver, write_gitattributes
    from ccmflow.write.workflows import write_files

    target: Path = args.dir
    _check_folder(target)
    package = _package(args.package)
    branch = _default_branch(target, args.default_branch)
    if args.presidency_id is None:
        args.presidency_id = PLACEHOLDER_ID
    if args.isu_id is None:
        args.isu_id = PLACEHOLDER_ID
    if args.presidency_id < 0 or args.isu_id < 0:
        raise FatalError("--presidency-id is a GitHub user id: a positive number (gh api users/LOGIN --jq .id)")
    try:
        ZoneInfo(args.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise FatalError(f"unknown time zone '{args.timezone}' (use an IANA name like Europe/Vienna)") from None
    docs = target / DOCUMENTS_DIR
    (docs / "schemas").mkdir(parents=True)
    _write_instance(docs, _values(args))
    written = write_files(target, package, branch)
    write_gitattributes(target)
    _check(target)
    repo, tags = _commit(target)
    configure_merge_driver(repo)
    placeholder = PLACEHOLDER_ID in (args.presidency_id, args.isu_id)
    result = {"created": str(target), "documents": sorted(p.name for p in docs.glob("*.yaml")),
              "workflows": sorted(str(p) for p in written), "tags": tags, "package": package,
              "placeholders": ["documents/stakeholders.yaml: the presidency's account"] if placeholder else []}
    if args.json:
        emit_json(result)
    else:
        out = console()
        out.print(f"[green]✓[/green] created {target} with a commit, tagged {', '.join(tags)}", markup=False)
        if placeholder:
            out.print(f"  first: replace the placeholder accounts (id {PLACEHOLDER_ID}) of the presidency and of "
                      "the support unit (record-input) in documents/stakeholders.yaml with their numeric ids "
                      "(gh api users/LOGIN --jq .id); `ccmflow validate` flags them until then", markup=False)
        out.print("  next: edit documents/process.yaml (dates) and documents/stakeholders.yaml (delegations),")
        out.print(f"        push to GitHub, and protect the {branch} branch (see README: installing the bot);",
                  markup=False)
        out.print("        add the repository secret CCMFLOW_STATE_KEY (a random value) that signs the bot's log;")
        out.print("        each clone runs `ccmflow merge-driver --install` once for structural merges")
        out.print(f"  the bot's workflows install `{package}` and run for pull requests into `{branch}` (to change "
                  f"either later: python -m ccmflow.write.workflows {target} SPEC BRANCH)", markup=False)
    return 0


_NOTE = "  # a placeholder: put the account's numeric id here (gh api users/LOGIN --jq .id)"


def _values(args: argparse.Namespace) -> dict[str, str]:
    from ccmflow.core.errors import FatalError
    from ccmflow.read.rules import PLACEHOLDER_ID
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
                   "ID2": new_id({first}),
                   "PRESIDENCY_NOTE": _NOTE if args.presidency_id == PLACEHOLDER_ID else "",
                   "ISU_NOTE": _NOTE if args.isu_id == PLACEHOLDER_ID else ""})
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
    from ccmflow.read.directory import directory_workspace

    _, findings = directory_workspace(target)
    if findings:
        raise InvalidInput(findings)


def _commit(target: Path) -> tuple[Repository, list[str]]:
    """The first commit (on top of what a clone already holds), each document tagged at its version there, so
    `ccmflow diff DOC zero-draft HEAD` works from the start."""
    from ccmflow.read.directory import directory_workspace
    from ccmflow.repo.git import commit_everything, set_ref
    from ccmflow.repo.versions import version_tag

    repo, made = commit_everything(target, "Start the process repository (ccmflow init)")
    workspace, _ = directory_workspace(target)
    tags: list[str] = []
    for document in workspace.documents.values() if workspace is not None else ():
        tag = version_tag(document.id, document.version)
        set_ref(repo, tag, made.id)
        tags.append(tag.removeprefix("refs/tags/"))
    return repo, sorted(tags)


# What a new repository may already hold: a clone of a freshly created GitHub repository.
_KEPT = ("readme", "license", "licence", "copying", "contributing", "code_of_conduct", "security", ".gitignore")


def _check_folder(target: Path) -> None:
    from ccmflow.core.errors import FatalError

    if target.exists() and not target.is_dir():
        raise FatalError(f"{target} is a file: choose a folder")
    if not target.exists():
        return
    others = sorted(p.name for p in target.iterdir()
                    if p.name != ".git" and not p.name.lower().startswith(_KEPT))
    if others:
        shown = ", ".join(others[:5]) + (", …" if len(others) > 5 else "")
        raise FatalError(f"{target} holds files init would mix with its own ({shown}): choose a new folder, or "
                         "one holding only a git repository and a README, LICENSE or .gitignore")
    git = target / ".git"
    if git.exists() and not git.is_dir():
        raise FatalError(f"{target}/.git is not a folder (a worktree or submodule): run init in a plain clone")


def _default_branch(target: Path, given: str | None) -> str:
    """--default-branch, else the branch a clone of a new GitHub repository is on (its default), else main."""
    from ccmflow.core.errors import FatalError
    from ccmflow.write.workflows import check_branch

    branch = given
    if branch is None:
        head = target / ".git" / "HEAD"
        current = head.read_text("utf-8").strip() if head.is_file() else ""
        branch = current.removeprefix("ref: refs/heads/") if current.startswith("ref: refs/heads/") else "main"
    try:
        return check_branch(branch)
    except ValueError as exc:
        raise FatalError(f"--default-branch: {exc}") from None


def _package(spec: str | None) -> str:
    """The pip requirement the workflows install ccmflow from: --package, else the git commit pip installed
    this ccmflow from. A version pin would name nothing: ccmflow is not published on a package index."""
    from ccmflow.core.errors import FatalError
    from ccmflow.write.workflows import check_package_spec

    found = spec or _installed_from()
    if found is None:
        raise FatalError("init needs --package: how the bot's workflows install ccmflow, which is not published "
                         "on PyPI. Give a pinned source, e.g. --package git+https://github.com/ORG/ccmflow@COMMIT "
                         "(the full commit SHA). Nothing was written.")
    try:
        return check_package_spec(found)
    except ValueError as exc:
        raise FatalError(f"--package: {exc}") from None


def _installed_from() -> str | None:
    """`git+URL@COMMIT` when pip installed ccmflow from a git repository (PEP 610's direct_url.json)."""
    try:
        raw = metadata.distribution("ccmflow").read_text("direct_url.json")
        data = json.loads(raw) if raw else None
    except (metadata.PackageNotFoundError, ValueError):
        return None
    vcs = data.get("vcs_info") if isinstance(data, dict) else None
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git" or not vcs.get("commit_id"):
        return None
    url = str(data["url"]) if isinstance(data, dict) else ""
    return f"git+{url}@{vcs['commit_id']}" if url.startswith("https://") else None
