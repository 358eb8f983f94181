"""The hash-pinned locks the workflows install from: they match pyproject.toml and every job uses them."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from roots import REPO_ROOT as REPO
from ruamel.yaml import YAML

from ccmflow.main import main
from ccmflow.write.workflows import LOCK_PATH, UV_LOCK_PATH, render_locks, render_workflows

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
BUILD_IN = REPO / "ccmflow" / "templates" / "build-requirements.in"
UV_IN = REPO / "ccmflow" / "templates" / "uv-requirements.in"
REGENERATE = "regenerate with: python tools/relock.py"
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


LOCKS = render_locks()
LOCK = parse_lock(LOCKS[LOCK_PATH])


def _requirements(lines: list[str]) -> list[Requirement]:
    return [Requirement(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]


RUNTIME = _requirements(PYPROJECT["project"]["dependencies"])
BUILD = _requirements(BUILD_IN.read_text("utf-8").splitlines())


@pytest.mark.parametrize("requirement", [*RUNTIME, *BUILD], ids=str)
def test_every_requirement_is_pinned_within_its_specifier_with_a_hash(requirement: Requirement) -> None:
    pinned = LOCK.get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement} is not in the lock: {REGENERATE}"
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


def test_the_locks_target_the_python_the_workflows_set_up() -> None:
    targets = {path: re.match(r"# For Python (\d+\.\d+) on x86_64-manylinux", text) for path, text in LOCKS.items()}
    assert all(targets.values()), f"each lock's first line must say which Python it was compiled for: {targets}"
    (target,) = {m.group(1) for m in targets.values() if m}
    for path, text in render_workflows(".").items():
        for job in YAML(typ="safe", pure=True).load(text)["jobs"].values():
            versions = {str(s["with"]["python-version"]) for s in job["steps"] if "setup-python" in s.get("uses", "")}
            installs = any("pip install" in s.get("run", "") for s in job["steps"])
            assert versions == ({target} if installs else set()), path


@pytest.mark.parametrize("spec", [".", "ccmflow==0.1.0"])
def test_every_job_installs_uv_then_the_lock_with_hashes_then_ccmflow_without_dependencies(spec: str) -> None:
    for path, text in render_workflows(spec).items():
        for name, job in YAML(typ="safe", pure=True).load(text)["jobs"].items():
            runs = [step.get("run", "").strip() for step in job.get("steps", [])]
            installs = [i for i, run in enumerate(runs) if "pip install" in run]
            uses = [i for i, run in enumerate(runs) if run.startswith("ccmflow")]
            assert len(installs) == (1 if uses else 0) and all(installs[0] < i for i in uses), (path, name)
            for i in installs:
                uv, lock, package = runs[i].splitlines()
                assert uv == ("python -m pip install --disable-pip-version-check --no-cache-dir --require-hashes "
                              f"--no-deps --only-binary :all: -r {UV_LOCK_PATH}")
                assert lock == ("python -m uv pip install --no-config --require-hashes --only-binary :all: "
                                f"--no-deps -r {LOCK_PATH}")
                assert package == f"python -m uv pip install --no-config --no-deps --no-build-isolation {spec}"


def test_uv_is_locked_as_one_runner_wheel_by_url_and_hash() -> None:
    """pip installs uv by URL (no index page to read: uv's lists thousands of files) and checks its hash."""
    requirement_lines = [line for line in LOCKS[UV_LOCK_PATH].splitlines() if line and not line.startswith("#")]
    assert len(requirement_lines) == 2, requirement_lines
    match = re.fullmatch(r"uv @ (https://files\.pythonhosted\.org/packages/\S+/([^/\s]+\.whl)) \\",
                         requirement_lines[0])
    assert match, requirement_lines[0]
    assert re.fullmatch(r"    --hash=sha256:[0-9a-f]{64}", requirement_lines[1])
    name, version, _, tags = parse_wheel_filename(match.group(2))
    assert name == "uv"
    (wanted,) = _requirements(UV_IN.read_text("utf-8").splitlines())
    assert SpecifierSet(str(wanted.specifier)).contains(version), (wanted, version)
    platforms = {tag.platform for tag in tags}
    assert any(re.fullmatch(r"manylinux(_2_(\d+)|2014)_x86_64", p) for p in platforms), platforms
    assert all(int(m.group(1)) <= 28 for p in platforms if (m := re.fullmatch(r"manylinux_2_(\d+)_x86_64", p))), \
        "the wheel must run where the lock says: manylinux 2.28 on x86_64 (GitHub's ubuntu-latest runners)"


def test_the_repository_and_a_new_one_carry_the_locks(tmp_path: Path) -> None:
    for path, text in LOCKS.items():
        assert (REPO / path).read_text("utf-8") == text, f"{path}: {REGENERATE}"
    assert main(["init", str(tmp_path / "new"),
                 "--package", "git+https://github.com/example/ccmflow@0123456789abcdef0123456789abcdef01234567"]) == 0
    for path, text in LOCKS.items():
        assert (tmp_path / "new" / path).read_text("utf-8") == text
