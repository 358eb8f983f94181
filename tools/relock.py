"""Regenerate the hash-pinned locks the workflows install from, then render .github/ again.

Run: python tools/relock.py [--upgrade]   (needs PyPI; uv compiles the locks)

- ccmflow/templates/ccmflow-requirements.txt: pyproject.toml's dependencies and its build backend
  (ccmflow/templates/build-requirements.in), for the Python the workflows set up, on the runners' platform;
- ccmflow/templates/uv-requirements.txt: uv itself (ccmflow/templates/uv-requirements.in), as the one wheel the
  runners take, named by URL and hash so that pip installs it without reading PyPI's index.

Pins already in a lock are kept while they still satisfy pyproject.toml (a new dependency adds its own pins and
changes no others); --upgrade moves every pin to the newest release. uv is the one this script runs with
(`python -m uv`), installed first from the uv lock when it is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "ccmflow" / "templates"
LOCK = TEMPLATES / "ccmflow-requirements.txt"
LOCK_INPUTS = ["pyproject.toml", "ccmflow/templates/build-requirements.in"]
UV_LOCK, UV_INPUT = TEMPLATES / "uv-requirements.txt", TEMPLATES / "uv-requirements.in"
PLATFORM = "x86_64-manylinux_2_28"  # GitHub's ubuntu-latest runners, which every workflow runs on
COMMAND = "python tools/relock.py"


def runner_python() -> str:
    """The Python version every workflow sets up (actions/setup-python's python-version), which must be one."""
    found = {m for path in (TEMPLATES / "workflows").glob("*.yml")
             for m in re.findall(r'python-version: "(\d+\.\d+)"', path.read_text("utf-8"))}
    if len(found) != 1:
        raise SystemExit(f"the workflow templates must set up one Python version, not {sorted(found) or 'none'}")
    return found.pop()


def uv(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "uv", *args], cwd=ROOT, check=True)


def compile_args(python: str, upgrade: bool) -> list[str]:
    return ["pip", "compile", "--no-config", "--no-python-downloads", "--quiet", "--python-version", python,
            "--python-platform", PLATFORM, "--custom-compile-command", COMMAND, *(["--upgrade"] if upgrade else [])]


def lock_uv(python: str, upgrade: bool) -> None:
    """uv as `uv @ <wheel URL> --hash=sha256:<hash>`: pylock.toml names the one wheel the runners take."""
    with tempfile.TemporaryDirectory() as tmp:
        pylock = Path(tmp) / "pylock.toml"
        previous = _pinned(UV_LOCK)
        constraints = Path(tmp) / "keep.txt"
        constraints.write_text(f"uv=={previous}\n" if previous and not upgrade else "", "utf-8")
        uv(*compile_args(python, upgrade), str(UV_INPUT), "-c", str(constraints), "-o", str(pylock))
        (package,) = (p for p in tomllib.loads(pylock.read_text("utf-8"))["packages"] if p["name"] == "uv")
        wheels = package.get("wheels", [])
        if len(wheels) != 1:
            raise SystemExit(f"expected one uv wheel for {PLATFORM}, found {len(wheels)}: {wheels}")
        url, digest = wheels[0]["url"], wheels[0]["hashes"]["sha256"]
    UV_LOCK.write_text(f"{header(python)}# Regenerate with: {COMMAND}\nuv @ {url} \\\n    --hash=sha256:{digest}\n",
                       "utf-8")


def header(python: str) -> str:
    """The first line of each lock: what it was compiled for (a test checks it against the workflows)."""
    return f"# For Python {python} on {PLATFORM}: the Python every workflow sets up, on GitHub's runners.\n"


def _pinned(lock: Path) -> str | None:
    """The uv version a lock pins, read from its wheel's file name (kept unless --upgrade)."""
    found = re.search(r"/uv-([0-9][^-/]*)-", lock.read_text("utf-8")) if lock.is_file() else None
    return found.group(1) if found else None


def lock_dependencies(python: str, upgrade: bool) -> None:
    uv(*compile_args(python, upgrade), *LOCK_INPUTS, "--generate-hashes", "-o", str(LOCK.relative_to(ROOT)))
    LOCK.write_text(header(python) + LOCK.read_text("utf-8"), "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upgrade", action="store_true", help="move every pin to the newest release")
    args = parser.parse_args()
    if importlib.util.find_spec("uv") is None:
        print(f"installing uv from {UV_LOCK.relative_to(ROOT)} (hash-checked)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--require-hashes", "--no-deps", "--only-binary",
                        ":all:", "-r", str(UV_LOCK)], check=True)
    python = runner_python()
    lock_uv(python, args.upgrade)
    lock_dependencies(python, args.upgrade)
    subprocess.run([sys.executable, "-m", "ccmflow.write.workflows", ".", "."], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
