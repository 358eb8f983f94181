"""The layout is the data flow: each layer imports only from the layers below it, with one boundary per system."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from roots import REPO_ROOT as ROOT

# Bottom to top. A module may import from its own layer and from any layer listed before it.
LAYERS = ("core", "read", "write", "compare", "repo", "triage", "inputs", "consolidation", "propose", "conference",
          "word", "site", "report", "demo", "commands", "main", "bot")
# The one module tree allowed to import each outside system.
BOUNDARIES = {"pygit2": ("ccmflow.repo",), "github": ("ccmflow.bot.client",)}
# The git boundary: above it a commit is its id, a repository is a Store, and no pygit2 object is ever seen.
REPO = "ccmflow.repo"
GIT = ("pygit2", "_pygit2")  # where pygit2's types live (its C extension, and the package)


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


def _in_repo(module: str) -> bool:
    return _name(module) == REPO or _name(module).startswith(REPO + ".")


def _is_git(hint: object) -> bool:
    """Whether a value or a type hint is, derives from or names a pygit2 type (inside a union, a generic, a
    Callable's arguments)."""
    if isinstance(hint, type) and any(c.__module__.split(".")[0] in GIT for c in hint.__mro__):
        return True
    if isinstance(hint, list):  # a Callable's argument types
        return any(_is_git(a) for a in hint)
    return any(_is_git(a) for a in typing.get_args(hint))


REPO_MODULES = sorted(_name(m) for m, _ in _modules() if _in_repo(m))


def _public(module: ModuleType) -> Iterator[tuple[str, object]]:
    """The functions and classes a module of repo/ defines under a public name."""
    for name, value in vars(module).items():
        if not name.startswith("_") and getattr(value, "__module__", None) == module.__name__:
            yield name, value


def _signatures(module: ModuleType) -> Iterator[tuple[str, dict[str, object]]]:
    """Every public function's and method's type hints (a class's fields and properties included)."""
    for name, value in _public(module):
        if inspect.isfunction(value):
            yield name, typing.get_type_hints(value)
        elif inspect.isclass(value):
            yield name, typing.get_type_hints(value)
            for attr, member in vars(value).items():
                if attr.startswith("_") and attr != "__init__":
                    continue
                function = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
                if inspect.isfunction(function):
                    yield f"{name}.{attr}", typing.get_type_hints(function)


@pytest.mark.parametrize("module", REPO_MODULES)
def test_repo_takes_and_gives_no_git_object(module: str) -> None:
    """What repo/ offers takes and returns plain values: a pygit2 type in a public signature, field or base class,
    or a public alias of one, would hand a git object up."""
    loaded = importlib.import_module(module)
    aliases = [name for name, value in vars(loaded).items()
               if not name.startswith("_") and not inspect.ismodule(value) and (_is_git(value) or _is_git(type(value)))]
    hints = [f"{name} ({param}: {hint})" for name, found in _signatures(loaded) for param, hint in found.items()
             if _is_git(hint)]
    assert not aliases, f"{module} exports pygit2 types under a public name: {aliases}"
    assert not hints, f"{module} takes or returns pygit2 objects in public signatures: {hints}"


def _store_privates() -> set[str]:
    """Store's own members (its repository, its private methods): what only repo/ may reach."""
    tree = ast.parse((ROOT / "ccmflow" / "repo" / "store.py").read_text(encoding="utf-8"))
    store = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Store")
    names = {n.name for n in store.body if isinstance(n, ast.FunctionDef)}
    names |= {n.attr for n in ast.walk(store) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
              and n.value.id == "self"}
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def _reaching(path: Path, privates: set[str]) -> Iterator[str]:
    """What a module outside repo/ takes from it beyond its public, plain surface."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    from_repo: set[str] = set()  # local names of repo/ modules (from ccmflow.repo import prinput)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(REPO):
            for alias in node.names:
                value = getattr(importlib.import_module(node.module or REPO), alias.name)
                if inspect.ismodule(value):
                    from_repo.add(alias.asname or alias.name)
                elif alias.name.startswith("_") or _is_git(value):
                    yield f"line {node.lineno}: imports {alias.name} from {node.module}"
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        owner = ast.unparse(node.value)
        if node.attr == "repo" and owner != "args":  # args.repo: the CLI's -C/--repo folder
            yield f"line {node.lineno}: {owner}.repo (a Store's repository is private)"
        elif node.attr in privates and owner not in ("self", "cls"):
            yield f"line {node.lineno}: {owner}.{node.attr} (Store's own)"
        elif owner in from_repo and node.attr.startswith("_"):
            yield f"line {node.lineno}: {owner}.{node.attr} (repo/'s own)"


def test_nothing_above_repo_reaches_through_the_boundary() -> None:
    """Above repo/ nothing imports a private or pygit2-typed name from it, reaches a Store's repository or private
    members, or a repo/ module's private names: commits are ids, files are read through the Store."""
    privates = _store_privates()
    assert {"_repo", "_commit"} <= privates
    found = [f"{_name(module)} {where}" for module, path in _modules() if not _in_repo(module)
             for where in _reaching(path, privates)]
    assert not found, found
