"""A new process repository for another treaty body: the template instance written, checked, committed and tagged.

`ccmflow init` asks for the names and dates; everything it then does is here.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from msgspec import Struct

from ccmflow.core.errors import FatalError, InvalidInput
from ccmflow.read import rules
from ccmflow.read.directory import directory_workspace
from ccmflow.read.load import DOCUMENTS_DIR, SourceFile, parse
from ccmflow.read.rules import PLACEHOLDER_ID
from ccmflow.read.schema import SCHEMAS
from ccmflow.repo.git import commit_everything
from ccmflow.repo.gitattributes import configure_merge_driver, write_gitattributes
from ccmflow.repo.store import Store
from ccmflow.repo.versions import version_tag
from ccmflow.write.edit import new_id
from ccmflow.write.workflows import check_branch, check_package_spec, write_files

_NOTE = "  # a placeholder: put the account's numeric id here (gh api users/LOGIN --jq .id)"
# What a new repository may already hold: a clone of a freshly created GitHub repository.
_KEPT = ("readme", "license", "licence", "copying", "contributing", "code_of_conduct", "security", ".gitignore")


class Conference(Struct, frozen=True, kw_only=True):
    """What a new process repository starts from (the placeholder account id where an id is not known yet)."""

    name: str
    short_name: str
    venue: str
    start: date
    end: date | None
    timezone: str
    presidency: str
    presidency_login: str
    presidency_id: int = PLACEHOLDER_ID
    isu_login: str
    isu_id: int = PLACEHOLDER_ID


class Created(Struct, frozen=True, kw_only=True):
    """What `ccmflow init` made: the documents, workflows and tags of a new instance."""

    documents: tuple[str, ...]
    workflows: tuple[str, ...]
    tags: tuple[str, ...]
    package: str
    branch: str  # the default branch the workflows run for
    placeholder: bool  # an account is still the placeholder: validate flags it until it is replaced


def create(target: Path, conference: Conference, package: str | None, branch: str | None = None) -> Created:
    """Write, check, commit and tag a new process repository in `target` (absent, empty or a fresh clone);
    `branch`: the repository's default branch on GitHub (default: the clone's current branch, else main)."""
    check_folder(target)
    spec = package_spec(package)
    default = default_branch(target, branch)
    if conference.presidency_id < 0 or conference.isu_id < 0:
        raise FatalError("--presidency-id is a GitHub user id: a positive number (gh api users/LOGIN --jq .id)")
    try:
        ZoneInfo(conference.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise FatalError(f"unknown time zone '{conference.timezone}' (use an IANA name like Europe/Vienna)") from None
    # Rendered and checked before anything is written: a refused init leaves the folder as it was.
    texts = _instance_texts(_values(conference))
    _check(texts)
    docs = target / DOCUMENTS_DIR
    (docs / "schemas").mkdir(parents=True)
    _write_instance(docs, texts)
    written = write_files(target, spec, default)
    write_gitattributes(target)
    store, tags = _commit(target)
    configure_merge_driver(store)
    return Created(documents=tuple(sorted(p.name for p in docs.glob("*.yaml"))),
                   workflows=tuple(sorted(str(p) for p in written)), tags=tuple(tags), package=spec, branch=default,
                   placeholder=PLACEHOLDER_ID in (conference.presidency_id, conference.isu_id))


def _values(c: Conference) -> dict[str, str]:
    end = c.end or c.start
    if end < c.start:
        raise FatalError("--end is before --start")
    quoted = {"CONFERENCE": c.name, "SHORT": c.short_name, "VENUE": c.venue, "PRESIDENCY": c.presidency,
              "PRESIDENCY_LOGIN": c.presidency_login, "ISU_LOGIN": c.isu_login,
              "TITLE": f"Outcome document of the {c.short_name}"}
    # JSON strings are valid YAML double-quoted scalars: no user text can break the file's structure.
    values = {k: json.dumps(v, ensure_ascii=False) for k, v in quoted.items()}
    first = new_id(())
    values.update({"START": c.start.isoformat(), "END": end.isoformat(), "TIMEZONE": c.timezone,
                   "PRESIDENCY_ID": str(c.presidency_id), "ISU_ID": str(c.isu_id), "ID1": first,
                   "ID2": new_id({first}),
                   "PRESIDENCY_NOTE": _NOTE if c.presidency_id == PLACEHOLDER_ID else "",
                   "ISU_NOTE": _NOTE if c.isu_id == PLACEHOLDER_ID else ""})
    return values


def _instance_texts(values: dict[str, str]) -> dict[str, str]:
    """The instance's files (name -> text), the conference's values in the templates' @KEY@ slots."""
    templates = resources.files("ccmflow.templates").joinpath("instance")
    texts = {}
    for name in ("outcome-document.yaml", "process.yaml", "stakeholders.yaml"):
        text = templates.joinpath(name).read_text("utf-8")
        for key, value in values.items():
            text = text.replace(f"@{key}@", value)
        texts[name] = text
    return texts


def _write_instance(docs: Path, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    schemas = resources.files("ccmflow.schemas")
    for name in SCHEMAS:
        (docs / "schemas" / f"{name}.schema.json").write_text(
            schemas.joinpath(f"{name}.schema.json").read_text("utf-8"), encoding="utf-8")


def _check(texts: dict[str, str]) -> None:
    """The files as `validate` would check them once written (a name with a hidden character, say)."""
    _, findings = rules.check(parse(SourceFile(f"{DOCUMENTS_DIR}/{name}", text.encode("utf-8")))
                              for name, text in texts.items())
    if findings:
        raise InvalidInput(findings)


def _commit(target: Path) -> tuple[Store, list[str]]:
    """The first commit (on top of what a clone already holds), each document tagged at its version there, so
    `ccmflow diff DOC zero-draft HEAD` works from the start."""
    made = commit_everything(target, "Start the process repository (ccmflow init)")
    store = Store(target)
    workspace, _ = directory_workspace(target)
    tags: list[str] = []
    for document in workspace.documents.values() if workspace is not None else ():
        tag = version_tag(document.id, document.version)
        store.set_ref(tag, made)
        tags.append(tag.removeprefix("refs/tags/"))
    return store, sorted(tags)


def check_folder(target: Path) -> None:
    """Refuse a folder init would mix its files with."""
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


def default_branch(target: Path, given: str | None) -> str:
    """--default-branch, else the branch a clone of a new GitHub repository is on (its default), else main."""
    branch = given
    if branch is None:
        head = target / ".git" / "HEAD"
        current = head.read_text("utf-8").strip() if head.is_file() else ""
        branch = current.removeprefix("ref: refs/heads/") if current.startswith("ref: refs/heads/") else "main"
    try:
        return check_branch(branch)
    except ValueError as exc:
        raise FatalError(f"--default-branch: {exc}") from None


def package_spec(spec: str | None) -> str:
    """The pip requirement the workflows install ccmflow from: --package, else the git commit pip installed
    this ccmflow from. A version pin would name nothing: ccmflow is not published on a package index."""
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
