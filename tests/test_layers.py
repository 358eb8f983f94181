"""The layout is the data flow: each layer imports only from the layers below it, with one boundary per system."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Bottom to top. A module may import from its own layer and from any layer listed before it.
LAYERS = ("core", "read", "write", "compare", "repo", "triage", "inputs", "consolidation", "propose", "conference",
          "word", "site", "report", "demo", "commands", "main", "bot")
# The one module tree allowed to import each outside system.
BOUNDARIES = {"pygit2": ("ccmflow.repo",), "github": ("ccmflow.bot.client",)}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted((ROOT / "ccmflow").rglob("*.py")):
        yield "ccmflow." + ".".join(path.relative_to(ROOT / "ccmflow").with_suffix("").parts), path
    for path in sorted((ROOT / "bot").rglob("*.py")):
        yield "ccmflow.bot." + ".".join(path.relative_to(ROOT / "bot").with_suffix("").parts), path


def _name(module: str) -> str:
    return module.removesuffix(".__init__")


def _imports(module: str, path: Path) -> Iterator[tuple[int, str]]:
    package = _name(module) if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            yield node.lineno, base
            for alias in node.names:  # `from ccmflow.core import model` imports the module ccmflow.core.model
                yield node.lineno, f"{base}.{alias.name}"


def layer(module: str) -> str | None:
    parts = _name(module).split(".")
    if parts[0] != "ccmflow" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


GRAPH = {_name(m): [(line, target) for line, target in _imports(m, p)] for m, p in _modules()}


def test_the_layers_cover_every_subpackage() -> None:
    packages = {p.name for p in (ROOT / "ccmflow").iterdir() if (p / "__init__.py").is_file()}
    assert packages <= set(LAYERS), f"add {sorted(packages - set(LAYERS))} to LAYERS at its place in the data flow"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_goes_up_a_layer(module: str) -> None:
    mine = layer(module)
    if mine is None:
        return
    upward = [f"line {line}: {target} ({layer(target)})" for line, target in GRAPH[module]
              if (theirs := layer(target)) is not None and LAYERS.index(theirs) > LAYERS.index(mine)]
    assert not upward, f"{module} ({mine}) imports from a layer above it: {upward}"


@pytest.mark.parametrize("system", sorted(BOUNDARIES))
def test_one_boundary_per_outside_system(system: str) -> None:
    allowed = BOUNDARIES[system]
    crossing = sorted(f"{module} line {line}" for module, imports in GRAPH.items() for line, target in imports
                      if target.split(".")[0] == system and not module.startswith(allowed))
    assert not crossing, f"only {allowed} may import {system}: {crossing}"


def test_no_import_cycles() -> None:
    known = set(GRAPH)
    edges = {m: sorted({t for _, t in imports if t in known and t != m}) for m, imports in GRAPH.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (cycle := visit(start)) is not None:
            pytest.fail(f"import cycle: {' -> '.join(cycle)}")


def test_bot_behaviours_never_import_each_other() -> None:
    """Behaviours meet only through the router and the event records; what they share is bot plumbing."""
    behaviours = {m for m in GRAPH if m.startswith("ccmflow.bot.behaviours.")}
    crossing = sorted(f"{module} line {line}: {target}" for module in behaviours for line, target in GRAPH[module]
                      if target.startswith("ccmflow.bot.behaviours.") and target != module
                      and target.rsplit(".", 1)[0] != module)
    assert not crossing, crossing


def test_triage_decides_without_git() -> None:
    """The decision is pure: loading every triage module (and all it imports) loads no pygit2 and nothing of repo/."""
    triage = sorted(m for m in GRAPH if m.startswith("ccmflow.triage."))
    probe = f"import sys\nimport {', '.join(triage)}\nprint(sorted(m for m in sys.modules if m.split('.')[0] == " \
            "'pygit2' or m.startswith('ccmflow.repo')))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", f"importing ccmflow.triage loads {done.stdout.strip()}"
