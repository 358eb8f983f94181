"""How long a delegation waits for the bot: the triage job's own steps, run as the generated workflow runs them.

Run: python benchmarks/bot_latency.py [--runs N] [--python PATH]
Needs PyPI: the install steps download what the locks name, with empty caches, as on a fresh runner. (The tests
never run this script.)

Each round reads .github/workflows/ccmflow-triage.yml, takes the steps of its `triage` job and runs them in order:
- actions/checkout: done with git as that action does it (the `fetch-depth` the workflow gives), from a local
  origin holding this repository (its history, and its working tree as the default branch's tip) and the pull
  request's head as refs/pull/1/head;
- actions/setup-python: a fresh virtual environment of the Python version the workflow names (not timed as the
  action: on a runner that Python comes from a tool cache);
- each `run:` step: its script, unchanged, under `bash -e` as Actions runs it, with the environment the job would
  have (`${{ github.token }}` and `${{ secrets.* }}` filled in, GITHUB_EVENT_PATH and the rest of what Actions
  sets), pip's and uv's caches in empty folders and no pip configuration; each command of a step is timed
  (bash's own trace, with timestamps).
The event is a `pull_request_target` `opened` of a pull request that amends the Review Document, answered by the
local fake of GitHub (tests/fakegithub); CCMFLOW_NOW is the pull request's opening time, so the verdict is the
one the delegation would get (on time).

In the same round, in another fresh environment and checkout, the former install step (pip installing the same
lock, then ccmflow) is timed, and the ratio printed. Rounds alternate which install goes first.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pygit2  # noqa: E402
import pytest  # noqa: E402  (for MonkeyPatch only)
from botkit import AUSTRIA, REVIEW, REVIEW_OLD, World, edit  # noqa: E402
from fakegithub import serve_checked  # noqa: E402
from ruamel.yaml import YAML  # noqa: E402

WORKFLOW = ROOT / ".github" / "workflows" / "ccmflow-triage.yml"
JOB = "triage"
EVENT = "pull_request_target"
OPENED = "2020-05-03T10:00:00Z"  # before the zero draft's deadline (4 May 2020, 23:59:59 in Lausanne)
STATE_KEY = "benchmark-state-key"
# The install step the workflows had before uv: pip installs the lock, then ccmflow.
PIP_INSTALL = ("python -m pip install --require-hashes --only-binary :all: -r .github/ccmflow-requirements.txt\n"
               "python -m pip install --no-deps --no-build-isolation .\n")
INSTALL_TARGET, JOB_TARGET = 0.25, 10.0
# Kept from this machine's environment: how it reaches PyPI (its certificate authorities and proxies), HOME, LANG.
KEPT = {"HOME", "LANG", "TZ", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "PIP_CERT"}
REQUEST_BUDGET = 5  # first triage of an input (README, Measured requests), label colours aside
# What bash reads first (BASH_ENV) so that it traces every command of a step: a timestamp, then the command.
TRACE_SETUP = "PS4='+${{EPOCHREALTIME}} '\nBASH_XTRACEFD={fd}\nset -x\n"
TRACE_LINE = re.compile(r"^\++(\d+\.\d+) (.*)$")


@dataclass
class Timed:
    name: str
    seconds: float
    commands: list[tuple[str, float]] = field(default_factory=list)
    cpu: float = 0.0
    started: float = 0.0  # time.time() when it started


# the world: origin, fake GitHub, event ------------------------------------------------------------------------


def git(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **(env or {})}, check=True,
                          capture_output=True, text=True)
    return done.stdout.strip()


def publish(bare: Path) -> str:
    """A bare origin whose main is this repository: its history, and on top its working tree as one commit."""
    git("init", "-q", "--bare", "--initial-branch=main", str(bare))
    index = {"GIT_INDEX_FILE": str(bare / "benchmark-index"), "GIT_AUTHOR_NAME": "Benchmark",
             "GIT_AUTHOR_EMAIL": "benchmark@example.org", "GIT_COMMITTER_NAME": "Benchmark",
             "GIT_COMMITTER_EMAIL": "benchmark@example.org"}
    git("read-tree", "HEAD", cwd=ROOT, env=index)
    git("add", "-A", cwd=ROOT, env=index)  # tracked and new files, .gitignore respected
    tree = git("write-tree", cwd=ROOT, env=index)
    tip = git("commit-tree", tree, "-p", "HEAD", "-m", "The working tree, as the default branch's tip",
              cwd=ROOT, env=index)
    git("push", "-q", str(bare), f"{tip}:refs/heads/main", cwd=ROOT)
    return tip


@dataclass
class ThisRepository(World):
    """botkit's World, with this repository (not only its documents) as the origin's default branch."""

    def __post_init__(self) -> None:
        self.base_sha = publish(self.tmp / "origin.git")
        self.origin = pygit2.Repository(str(self.tmp / "origin.git"))


# the workflow ---------------------------------------------------------------------------------------------------


def job_steps() -> list[dict[str, Any]]:
    workflow = YAML(typ="safe", pure=True).load(WORKFLOW.read_text("utf-8"))
    steps: list[dict[str, Any]] = workflow["jobs"][JOB]["steps"]
    return steps


def substitute(value: str, expressions: Mapping[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        if match.group(1) not in expressions:
            raise SystemExit(f"{WORKFLOW.name}: the benchmark has no value for ${{{{ {match.group(1)} }}}}")
        return expressions[match.group(1)]

    return re.sub(r"\$\{\{\s*(.+?)\s*\}\}", one, value)


def find_python(version: str, given: str | None) -> str:
    """An interpreter of the version the workflow sets up (setup-python's python-version)."""
    pyenv = sorted((Path.home() / ".pyenv" / "versions").glob(f"{version}.*/bin/python{version}"), reverse=True)
    for candidate in ([given] if given else [shutil.which(f"python{version}"), *map(str, pyenv)]):
        if not candidate:
            continue
        found = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                               capture_output=True, text=True, check=False)
        if found.returncode == 0 and found.stdout.strip() == version:
            return candidate
    raise SystemExit(f"no Python {version} found (the workflow sets it up): pass --python PATH")


def base_env(venv: Path, caches: Path) -> dict[str, str]:
    """What a runner's step sees, without this machine's pip settings, Python flags or caches."""
    kept = {k: v for k, v in os.environ.items() if k in KEPT or k.lower().endswith("_proxy")}
    return {**kept, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "CI": "true",
            "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux", "PIP_CONFIG_FILE": os.devnull,
            "PIP_CACHE_DIR": str(caches / "pip"), "UV_CACHE_DIR": str(caches / "uv"),
            "XDG_CACHE_HOME": str(caches / "xdg")}


def timed_bash(name: str, script: str, cwd: Path, env: Mapping[str, str], scratch: Path) -> Timed:
    """Run a step's script as Actions does (bash -e), each command timed from bash's own trace."""
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "script.sh").write_text(script, "utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(scratch / "trace", "w", encoding="utf-8") as trace:
        (scratch / "trace-setup.sh").write_text(TRACE_SETUP.format(fd=trace.fileno()), "utf-8")
        start = time.time()
        done = subprocess.run(["bash", "-e", str(scratch / "script.sh")], cwd=cwd,
                              env={**env, "BASH_ENV": str(scratch / "trace-setup.sh")}, pass_fds=(trace.fileno(),),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        end = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"step '{name}' failed ({done.returncode}):\n{done.stdout}")
    marks = [(float(m.group(1)), m.group(2)) for line in (scratch / "trace").read_text("utf-8").splitlines()
             if (m := TRACE_LINE.match(line))]
    commands = [(command, (marks[i + 1][0] if i + 1 < len(marks) else end) - at)
                for i, (at, command) in enumerate(marks)]
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    (scratch / "output").write_text(done.stdout, "utf-8")
    return Timed(name, end - start, commands, cpu, start)


def checkout(step: dict[str, Any], origin: Path, target: Path) -> Timed:
    """actions/checkout's git commands for the default ref, at the fetch-depth the step gives (default 1)."""
    depth = int((step.get("with") or {}).get("fetch-depth", 1))
    start = time.perf_counter()
    git("init", "-q", str(target))
    git("remote", "add", "origin", f"file://{origin}", cwd=target)
    if depth == 0:
        git("-c", "protocol.version=2", "fetch", "-q", "--prune", "--no-recurse-submodules", "origin",
            "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*", cwd=target)
    else:
        git("-c", "protocol.version=2", "fetch", "-q", "--no-tags", "--prune", "--no-recurse-submodules",
            f"--depth={depth}", "origin", "+refs/heads/main:refs/remotes/origin/main", cwd=target)
    git("checkout", "-q", "--force", "-B", "main", "refs/remotes/origin/main", cwd=target)
    return Timed(f"checkout (git, fetch-depth {depth})", time.perf_counter() - start)


def fresh_venv(python: str, path: Path) -> Timed:
    start = time.perf_counter()
    subprocess.run([python, "-m", "venv", str(path)], check=True)
    return Timed("a fresh venv (setup-python's Python)", time.perf_counter() - start)


# one round ------------------------------------------------------------------------------------------------------


@dataclass
class Round:
    steps: list[Timed]
    baseline: Timed
    requests: int
    label_colours: int
    bot_lines: list[str]
    load: tuple[float, float]  # the machine's 1-minute load average before and after: other work skews a round
    answered: tuple[float, float]  # when the fake answered the bot's first and last request, from the run's start
    imports: tuple[float, float]  # importing the bot for this event in the job's Python: nothing compiled, compiled

    def step(self, prefix: str) -> Timed:
        return next(s for s in self.steps if s.name.startswith(prefix))

    @property
    def install(self) -> float:
        return self.step("Install").seconds

    @property
    def job(self) -> float:
        return sum(s.seconds for s in self.steps if s.commands)  # the run: steps (install and triage)


def production(world: World, steps: list[dict[str, Any]], python: str, tmp: Path, event_path: Path) -> list[Timed]:
    """The job's steps, in order; python: an interpreter of the version its setup-python step names."""
    work = tmp / "checkout"
    timings: list[Timed] = []
    env: dict[str, str] = {}
    expressions = {"github.token": world.fake.env()["GITHUB_TOKEN"], "secrets.CCMFLOW_STATE_KEY": STATE_KEY}
    for index, step in enumerate(steps):
        uses = str(step.get("uses", ""))
        if uses.startswith("actions/checkout@"):
            timings.append(checkout(step, tmp / "origin.git", work))
        elif uses.startswith("actions/setup-python@"):
            timings.append(fresh_venv(python, tmp / "venv"))
            env = {**base_env(tmp / "venv", tmp / "caches"), **world.fake.env(), "GITHUB_EVENT_NAME": EVENT,
                   "GITHUB_EVENT_PATH": str(event_path), "GITHUB_WORKSPACE": str(work), "GITHUB_REF": "refs/heads/main",
                   "GITHUB_SHA": world.base_sha, "CCMFLOW_NOW": OPENED}
        elif "run" in step:
            step_env = {k: substitute(str(v), expressions) for k, v in (step.get("env") or {}).items()}
            timings.append(timed_bash(step.get("name", f"step {index}"), step["run"], work, {**env, **step_env},
                                      tmp / f"step-{index}"))
        else:
            raise SystemExit(f"{WORKFLOW.name}: no way to run step {step.get('name') or uses!r} here")
    return timings


def baseline(python: str, tmp: Path) -> Timed:
    """The former install step, pip only, in its own fresh environment, caches and checkout."""
    work = tmp / "baseline-checkout"
    git("clone", "-q", f"file://{tmp / 'origin.git'}", str(work))
    fresh_venv(python, tmp / "baseline-venv")
    return timed_bash("pip (the former step)", PIP_INSTALL, work,
                      base_env(tmp / "baseline-venv", tmp / "baseline-caches"), tmp / "baseline-step")


def one_round(number: int, python: str) -> Round:
    steps = job_steps()
    version = str(next(s for s in steps if "setup-python" in str(s.get("uses", "")))["with"]["python-version"])
    interpreter = find_python(version, python if python != "auto" else None)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="ccmflow-latency-") as name:
        tmp = Path(name)
        for fake in serve_checked():  # fails the run, as it fails a test, if the bot asked what GitHub refuses
            monkeypatch = pytest.MonkeyPatch()
            world = ThisRepository(tmp, fake, monkeypatch)
            change = {REVIEW: edit(world.text(REVIEW), REVIEW_OLD, "bringing the total number of States Parties "
                                                                   "to 110")}
            payload = world.open_pr(1, change, at=OPENED, user=AUSTRIA)
            event_path = tmp / "event.json"
            event_path.write_text(json.dumps(payload), "utf-8")
            pip_first = number % 2 == 1
            old = baseline(interpreter, tmp) if pip_first else None
            fake.reset_requests()
            answered = record_answers(fake)
            timings = production(world, steps, interpreter, tmp, event_path)
            requests = list(fake.requests)
            run_start = timings[-1].started
            imports = import_cost(tmp / "venv")
            if old is None:
                old = baseline(interpreter, tmp)
            colours = sum(1 for r in requests if r.method == "PATCH" and "/labels/" in r.path)
            lines = [line for line in (tmp / f"step-{len(steps) - 1}" / "output").read_text("utf-8").splitlines()
                     if line.startswith("ccmflow-bot:")]
        return Round(timings, old, len(requests) - colours, colours, lines, (load, os.getloadavg()[0]),
                     (answered[0] - run_start, answered[-1] - run_start), imports)


def record_answers(fake: Any) -> list[float]:
    """The time.time() at which the fake answers each request (its own log keeps no times)."""
    stamps: list[float] = []
    handle = fake.handle

    def timed(*args: Any, **kwargs: Any) -> Any:
        reply = handle(*args, **kwargs)
        stamps.append(time.time())
        return reply

    fake.handle = timed
    return stamps


def import_cost(venv: Path) -> tuple[float, float]:
    """After the round: importing what a pull_request_target run imports, first with nothing compiled (as on a
    fresh runner: uv installs no bytecode), then again with the bytecode that first import wrote."""
    for cache in (venv / "lib").glob("python3*/site-packages/**/__pycache__"):
        if "/site-packages/pip/" not in str(cache):
            shutil.rmtree(cache, ignore_errors=True)
    code = ("from ccmflow.bot.main import behaviours_for, build_router\n"
            "build_router(behaviours_for('pull_request_target', ('primary',)))\n")
    seconds = []
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run([str(venv / "bin" / "python"), "-P", "-c", code], check=True, cwd=venv,
                       env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")})
        seconds.append(time.perf_counter() - start)
    return seconds[0], seconds[1]


# report ---------------------------------------------------------------------------------------------------------


def short(command: str) -> str:
    return command if len(command) <= 96 else command[:60] + " … " + command[-33:]


def print_round(number: int, result: Round) -> None:
    first = "pip first" if number % 2 == 1 else "uv first"
    print(f"\nround {number + 1} ({first}; load average {result.load[0]:.1f} before, {result.load[1]:.1f} after)")
    for step in result.steps:
        cpu = f"   (cpu {step.cpu:.2f} s)" if step.commands else ""
        print(f"  {step.seconds:7.2f} s  {step.name}{cpu}")
        for command, seconds in step.commands:
            print(f"  {seconds:9.2f} s  {short(command)}")
    print(f"  {result.baseline.seconds:7.2f} s  {result.baseline.name}")
    for command, seconds in result.baseline.commands:
        print(f"  {seconds:9.2f} s  {short(command)}")
    for line in result.bot_lines:
        print(f"             {line}")
    first, last = result.answered
    print(f"             the run's first GitHub request answered at +{first:.2f} s, its last at +{last:.2f} s; "
          f"importing the bot: {result.imports[0]:.2f} s with nothing compiled, {result.imports[1]:.2f} s compiled")
    print(f"             GitHub requests: {result.requests} (budget {REQUEST_BUDGET}), and {result.label_colours} "
          "label colours set once per repository")


def pip_lock_seconds(result: Round) -> float:
    return result.baseline.commands[0][1]


def summary(results: list[Round]) -> bool:
    def spread(values: list[float], unit: str = " s") -> str:
        rounds = ", ".join(f"{v:.2f}" for v in values)
        return f"median {statistics.median(values):.2f}{unit} (rounds: {rounds})"

    ratios = [r.install / pip_lock_seconds(r) for r in results]
    jobs = [r.job for r in results]
    print("\nsummary (medians of the rounds; each ratio is taken within one round)")
    print(f"  install step (uv)                     {spread([r.install for r in results])}")
    print(f"  pip installing the same lock          {spread([pip_lock_seconds(r) for r in results])}")
    print(f"  former install step (pip, + ccmflow)  {spread([r.baseline.seconds for r in results])}")
    print(f"  install / pip's lock                  {spread(ratios, 'x')}   target <= {INSTALL_TARGET}x")
    print(f"  install / former install step         {spread([r.install / r.baseline.seconds for r in results], 'x')}")
    print(f"  triage run (ccmflow-bot)              {spread([r.steps[-1].seconds for r in results])}")
    print(f"  the job's own steps (install + run)   {spread(jobs)}   target < {JOB_TARGET:.0f} s")
    loads = [load for r in results for load in r.load]
    print(f"  machine: {os.cpu_count()} cores, 1-minute load average {min(loads):.1f} to {max(loads):.1f} during the "
          "rounds; the network to PyPI is part of every install figure")
    ok = (statistics.median(ratios) <= INSTALL_TARGET and statistics.median(jobs) < JOB_TARGET
          and all(r.requests <= REQUEST_BUDGET for r in results))
    print(f"  within the targets (medians; requests in every round): {'yes' if ok else 'NO'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds, alternating which install goes first (5)")
    parser.add_argument("--python", default="auto",
                        help="the interpreter standing for setup-python's (default: python<version> on PATH or "
                             "under ~/.pyenv)")
    args = parser.parse_args()
    print(f"{WORKFLOW.relative_to(ROOT)}, job '{JOB}', on a {EVENT} 'opened' event; installs from PyPI, caches empty")
    results = []
    for number in range(args.runs):
        results.append(one_round(number, args.python))
        print_round(number, results[-1])
    return 0 if summary(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
