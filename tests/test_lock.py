"""The hash-pinned lock the workflows install from: it matches pyproject.toml and every job uses it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from ruamel.yaml import YAML

from ccmflow.main import main
from ccmflow.write.workflows import LOCK_PATH, render_lock, render_workflows

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
BUILD_IN = REPO / "ccmflow" / "templates" / "build-requirements.in"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)(?:\s*;.*?)?\s*\\?$")
HASH = re.compile(r"^\s+--hash=sha256:[0-9a-f]{64}\s*\\?$")
VIA = re.compile(r"^\s+#\s+(?:via\s+)?(.+?)\s*$")


@dataclass
class Pinned:
    version: str
    hashes: int = 0
    via: tuple[str, ...] = ()


def parse_lock(text: str) -> dict[str, Pinned]:
    """Each pinned package of a pip-compile style lock: version, how many hashes, what requires it."""
    pinned: dict[str, Pinned] = {}
    current: Pinned | None = None
    for line in text.splitlines():
        if match := PIN.match(line):
            current = pinned.setdefault(canonicalize_name(match.group(1)), Pinned(match.group(2)))
        elif current is not None and HASH.match(line):
            current.hashes += 1
        elif current is not None and (match := VIA.match(line)) and match.group(1) != "via":
            current.via = (*current.via, match.group(1))
        elif line.strip() and not line.lstrip().startswith("#"):
            raise AssertionError(f"unexpected line in the lock: {line!r}")
    return pinned


LOCK = parse_lock(render_lock())


def _requirements(lines: list[str]) -> list[Requirement]:
    return [Requirement(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]


RUNTIME = _requirements(PYPROJECT["project"]["dependencies"])
BUILD = _requirements(BUILD_IN.read_text("utf-8").splitlines())


@pytest.mark.parametrize("requirement", [*RUNTIME, *BUILD], ids=str)
def test_every_requirement_is_pinned_within_its_specifier_with_a_hash(requirement: Requirement) -> None:
    pinned = LOCK.get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement} is not in the lock: regenerate it (README, Development)"
    assert requirement.specifier.contains(pinned.version, prereleases=True), (requirement, pinned.version)
    assert pinned.hashes >= 1


def test_every_locked_package_has_a_hash_and_is_required() -> None:
    top = {canonicalize_name(r.name) for r in (*RUNTIME, *BUILD)}
    for name, pinned in LOCK.items():
        assert pinned.hashes >= 1, name
        parents = {canonicalize_name(v) for v in pinned.via if re.fullmatch(r"[A-Za-z0-9._-]+", v)}
        assert name in top or parents & set(LOCK), f"{name} is locked but nothing locked requires it: {pinned.via}"


def test_the_build_requirements_are_pyprojects() -> None:
    assert sorted(map(str, BUILD)) == sorted(PYPROJECT["build-system"]["requires"])


def test_the_lock_targets_the_python_the_workflows_set_up() -> None:
    target = re.search(r"--python-version (\d+\.\d+)", render_lock())
    assert target is not None, "the lock's header must say which Python it was compiled for"
    for path, text in render_workflows(".").items():
        for job in YAML(typ="safe", pure=True).load(text)["jobs"].values():
            versions = {str(s["with"]["python-version"]) for s in job["steps"] if "setup-python" in s.get("uses", "")}
            installs = any("pip install" in s.get("run", "") for s in job["steps"])
            assert versions == ({target.group(1)} if installs else set()), path


def _install_steps(text: str) -> list[str]:
    workflow: dict[str, Any] = YAML(typ="safe", pure=True).load(text)
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
            if "pip install" in step.get("run", "")]


@pytest.mark.parametrize("spec", [".", "ccmflow==0.1.0"])
def test_every_job_installs_the_lock_with_hashes_then_ccmflow_without_dependencies(spec: str) -> None:
    for path, text in render_workflows(spec).items():
        steps = _install_steps(text)
        jobs = YAML(typ="safe", pure=True).load(text)["jobs"].values()
        assert steps or all(job.get("if") is False for job in jobs), path  # the receipts workflow runs no job
        for run in steps:
            first, second = run.strip().splitlines()
            assert first == f"python -m pip install --require-hashes --only-binary :all: -r {LOCK_PATH}"
            assert second == f"python -m pip install --no-deps --no-build-isolation {spec}"


def test_the_repository_and_a_new_one_carry_the_lock(tmp_path: Path) -> None:
    regenerate = "regenerate with: python -m ccmflow.write.workflows . ."
    assert (REPO / LOCK_PATH).read_text("utf-8") == render_lock(), regenerate
    assert main(["init", str(tmp_path / "new"),
                 "--package", "git+https://github.com/example/ccmflow@0123456789abcdef0123456789abcdef01234567"]) == 0
    assert (tmp_path / "new" / LOCK_PATH).read_text("utf-8") == render_lock()
