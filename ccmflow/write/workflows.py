"""Render the GitHub Actions workflows and the pull request template that run ccmflow in a repository."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from ccmflow.core.issueform import CONFIG_PATH, FORM_PATH
from ccmflow.read.kinds import FileKind

WORKFLOWS_DIR = ".github/workflows"
PR_TEMPLATE_PATH = ".github/pull_request_template.md"
# The hash-pinned locks every job installs from, package data rendered beside the workflows and regenerated with
# `python tools/relock.py` (see README, Development): uv, installed by pip as one wheel named by URL and hash, then
# ccmflow's dependencies and build backend, installed by uv.
LOCK_PATH = ".github/ccmflow-requirements.txt"
UV_LOCK_PATH = ".github/ccmflow-uv-requirements.txt"
LOCK_TEMPLATES = {LOCK_PATH: "ccmflow-requirements.txt", UV_LOCK_PATH: "uv-requirements.txt"}

# What every job that runs ccmflow installs, line by line, before it runs it (the last line names the package).
INSTALL_UV = ("python -m pip install --disable-pip-version-check --no-cache-dir --require-hashes --no-deps "
              f"--only-binary :all: -r {UV_LOCK_PATH}")
# --no-deps: the lock is complete (compiled with every dependency), so uv resolves nothing and reads no wheel's
# metadata; it only checks each wheel against its hashes.
INSTALL_LOCK = f"python -m uv pip install --no-config --require-hashes --only-binary :all: --no-deps -r {LOCK_PATH}"
INSTALL_PACKAGE = "python -m uv pip install --no-config --no-deps --no-build-isolation "

# The templated things: what the install gets as ccmflow's package, and the name of the default branch.
PLACEHOLDER = "@CCMFLOW_PACKAGE_SPEC@"
BRANCH_PLACEHOLDER = "@DEFAULT_BRANCH@"

# The spec is pasted, unquoted, into a `run:` line of a YAML file that bash
# executes, so it may only use characters that mean nothing to any of them:
# this is the set shlex.quote leaves unquoted (letters, digits, _ @ % + = : , . / -).
# That rules out whitespace and newlines (a new YAML key or a second shell
# command), quotes, # (YAML/shell comment), $ { } (shell expansion and ${{ }}
# Actions expressions), ; | & ` ( ) (command chaining), < > (redirection, so
# `ccmflow>=0.1` is refused: pin with == or a git SHA instead), * ? [ ] ~ !
# (globbing, tilde and history expansion). A leading "-" is refused too, so the
# spec cannot become a pip option such as --index-url=<somewhere else>.
_SAFE_SPEC = re.compile(r"[A-Za-z0-9_@%+=:,./][A-Za-z0-9_@%+=:,./-]*")
_MAX_SPEC_LENGTH = 300
# A branch name goes into a `branches:` filter, where * ? + [ ] ! are glob syntax and a leading ! negates:
# only names git accepts made of letters, digits and . _ / -, so the filter names exactly one branch.
_SAFE_BRANCH = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_./-]*[A-Za-z0-9_])?")


def workflow_names() -> list[str]:
    """The workflow templates, by file name: every .yml under ccmflow/templates/workflows (a new one is rendered
    with no change here)."""
    folder = files("ccmflow").joinpath("templates", "workflows")
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".yml"))


def _template(*parts: str) -> str:
    return files("ccmflow").joinpath("templates", *parts).read_text(encoding="utf-8")


def check_package_spec(package_spec: str) -> str:
    """Return package_spec if it is safe to paste into a workflow's run: line, else raise ValueError."""
    if not package_spec or len(package_spec) > _MAX_SPEC_LENGTH:
        raise ValueError(f"package spec must be 1 to {_MAX_SPEC_LENGTH} characters: {package_spec!r}")
    if _SAFE_SPEC.fullmatch(package_spec) is None:
        raise ValueError(
            "package spec may only contain letters, digits and _ @ % + = : , . / - (and may not start "
            f"with -), so that it cannot inject YAML, shell or ${{{{ }}}} expressions: {package_spec!r}"
        )
    return package_spec


def check_branch(branch: str) -> str:
    """Return branch if it names exactly one branch in a workflow's `branches:` filter, else raise ValueError."""
    if len(branch) > 200 or _SAFE_BRANCH.fullmatch(branch) is None or ".." in branch or "//" in branch \
            or branch.endswith(".lock"):
        raise ValueError(f"the default branch must be a plain branch name (letters, digits and . _ / -): {branch!r}")
    return branch


def render_workflows(package_spec: str, *, default_branch: str = "main") -> dict[str, str]:
    """Map each workflow's repository-relative path to its text, installing ccmflow from package_spec.

    package_spec is what the install gets: "." to run the checked-out repository's own code, "ccmflow==0.1.0",
    or "git+https://...@<sha>". default_branch is the repository's default branch: the only one whose pull
    requests and pushes start a job (see README, Installing the bot).
    """
    spec, branch = check_package_spec(package_spec), check_branch(default_branch)
    rendered: dict[str, str] = {}
    for name in workflow_names():
        text = _template("workflows", name)
        # Each job that runs ccmflow installs it itself (jobs share no files): the three lines once per such job.
        jobs = _jobs_running_ccmflow(text)
        if any(text.count(line) != jobs for line in (INSTALL_UV, INSTALL_LOCK, INSTALL_PACKAGE + PLACEHOLDER)) \
                or text.count(PLACEHOLDER) != jobs:
            raise RuntimeError(f"template {name} must install uv, the lock and ccmflow ({PLACEHOLDER}) once in "
                               "every job that runs ccmflow, and in no other")
        rendered[f"{WORKFLOWS_DIR}/{name}"] = text.replace(PLACEHOLDER, spec).replace(BRANCH_PLACEHOLDER, branch)
    return rendered


def _jobs_running_ccmflow(text: str) -> int:
    """How many jobs of a workflow template run a ccmflow command (`ccmflow ...` or `ccmflow-bot ...`)."""
    jobs = re.split(r"\n  [A-Za-z0-9_-]+:\n", text.split("\njobs:\n", 1)[-1])
    return sum(1 for job in jobs if re.search(r"run: *\|?\s*ccmflow", job) or re.search(r"\n +ccmflow", job))


def render_pr_template() -> str:
    """Return the pull request template that tells delegations how to submit input."""
    return _template("pull_request_template.md")


# The issue form's document dropdown lists the instance's documents, rendered in place of this line.
OPTIONS_PLACEHOLDER = "@DOCUMENT_OPTIONS@"
# Its description says how to send input by e-mail (process.yaml's channels: ccmflow.write.channels).
CHANNELS_PLACEHOLDER = "@CHANNELS@"
_OPTION_INDENT = " " * 8


def render_issue_form(titles: Sequence[str], channels: Sequence[str] | None = None) -> str:
    """The issue form delegations send input through, its document dropdown listing `titles` in order, its
    description the `channels` lines (`form_lines`; one line each, inside a literal block).

    Each title is written as a JSON string, which YAML reads as a double-quoted scalar: no text in a title can
    change the form's structure.
    """
    from ccmflow.write.channels import form_lines

    if not titles:
        raise ValueError("the issue form needs at least one document to offer")
    options = "\n".join(f"{_OPTION_INDENT}- {json.dumps(title, ensure_ascii=False)}" for title in titles)
    lines = f"\n{_OPTION_INDENT}".join(" ".join(line.split()) for line in (channels or form_lines(None)))
    return (_template("ISSUE_TEMPLATE", "propose-input.yml").replace(OPTIONS_PLACEHOLDER, options)
            .replace(CHANNELS_PLACEHOLDER, lines))


def render_issue_config() -> str:
    return _template("ISSUE_TEMPLATE", "config.yml")


def form_titles(root: Path) -> list[str]:
    """The titles the form offers: the valid documents under root/documents, in the timeline's order."""
    from ccmflow.core.model import Document, Process
    from ccmflow.read.load import DOCUMENTS_DIR, SourceFile, kind_of, parse

    documents: dict[str, Document] = {}
    order: tuple[str, ...] = ()
    for path in sorted((root / DOCUMENTS_DIR).glob("*.yaml")):
        relative = f"{DOCUMENTS_DIR}/{path.name}"
        parsed = parse(SourceFile(relative, path.read_bytes()))
        if isinstance(parsed.record, Document):
            documents[parsed.record.id] = parsed.record
        elif kind_of(relative) == FileKind.PROCESS and isinstance(parsed.record, Process):
            order = parsed.record.document_order
    ranked = sorted(documents.values(), key=lambda d: (d.id not in order, order.index(d.id) if d.id in order else 0,
                                                       d.id))
    return [d.title for d in ranked]


def form_channels(root: Path) -> list[str]:
    """The form's words on e-mail, from root/documents/process.yaml's channels."""
    from ccmflow.core.model import Process
    from ccmflow.read.load import DOCUMENTS_DIR, PROCESS_FILE, SourceFile, parse
    from ccmflow.write.channels import form_lines

    path = root / DOCUMENTS_DIR / PROCESS_FILE
    parsed = parse(SourceFile(f"{DOCUMENTS_DIR}/{PROCESS_FILE}", path.read_bytes())) if path.is_file() else None
    return form_lines(parsed.record if parsed is not None and isinstance(parsed.record, Process) else None)


def render_locks() -> dict[str, str]:
    """The hash-pinned requirements the workflows install before ccmflow (uv; dependencies and build backend)."""
    return {path: _template(name) for path, name in LOCK_TEMPLATES.items()}


def write_files(root: Path, package_spec: str, default_branch: str = "main") -> list[Path]:
    """Write the rendered workflows, their locks, the PR template and the issue form under root; return the paths.

    The form lists the documents found under root/documents: write it again when a document is added.
    """
    outputs = dict(render_workflows(package_spec, default_branch=default_branch))
    outputs.update(render_locks())
    outputs[PR_TEMPLATE_PATH] = render_pr_template()
    outputs[FORM_PATH] = render_issue_form(form_titles(root), form_channels(root))
    outputs[CONFIG_PATH] = render_issue_config()
    written: list[Path] = []
    for relative, text in outputs.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Regenerate: python -m ccmflow.write.workflows [ROOT [PACKAGE_SPEC [DEFAULT_BRANCH]]]
    (defaults: the current directory, ".", main)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    spec = args[1] if len(args) > 1 else "."
    branch = args[2] if len(args) > 2 else "main"
    for path in write_files(root, spec, branch):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
