"""Installing the structural merge as a git merge driver: `.gitattributes` (versioned) plus local git config."""

from __future__ import annotations

from pathlib import Path

import pygit2

from ccmflow.core.errors import FatalError
from ccmflow.read.load import DOCUMENTS_DIR
from ccmflow.repo.store import Store

DRIVER = "ccmflow"
ATTRIBUTES = (f"{DOCUMENTS_DIR}/*.yaml merge={DRIVER}", f"{DOCUMENTS_DIR}/*.yml merge={DRIVER}")
DRIVER_NAME = "ccmflow: three-way merge of documents by paragraph id"
_HEADER = "# Documents merge by paragraph id (ccmflow merge-driver); needs `ccmflow merge-driver --install` per clone."


def driver_command(command: str = "ccmflow") -> str:
    """The git config value; `command` is how to run ccmflow (e.g. 'python -m ccmflow.main' in a venv)."""
    return f"{command} merge-driver %O %A %B %P"


def write_gitattributes(root: Path) -> bool:
    """Add the merge lines to ROOT/.gitattributes (kept as it is otherwise); True when the file changed."""
    path = root / ".gitattributes"
    text = path.read_text("utf-8") if path.exists() else ""
    present = {line.strip() for line in text.splitlines()}
    missing = [line for line in ATTRIBUTES if line not in present]
    if not missing:
        return False
    if text and not text.endswith("\n"):
        text += "\n"
    if _HEADER not in present:
        missing.insert(0, _HEADER)
    path.write_text(text + "\n".join(missing) + "\n", encoding="utf-8")
    return True


def configure_merge_driver(store: Store, command: str = "ccmflow") -> bool:
    """Set merge.ccmflow.* in the repository's own config (.git/config: not versioned, so once per clone)."""
    return _configure(store._repo, command)


def _configure(repo: pygit2.Repository, command: str) -> bool:
    config = repo.config
    wanted = {f"merge.{DRIVER}.name": DRIVER_NAME, f"merge.{DRIVER}.driver": driver_command(command)}
    changed = False
    for key, value in wanted.items():
        current = config[key] if key in config else None  # noqa: SIM401 (pygit2's Config has no get)
        if current != value:
            config[key] = value
            changed = True
    return changed


def install_merge_driver(repo_path: str | Path, command: str = "ccmflow") -> tuple[bool, bool]:
    """Both halves for the repository at `repo_path`: (attributes changed, config changed)."""
    found = pygit2.discover_repository(str(repo_path))
    if found is None:
        raise FatalError(f"{repo_path}: not inside a git repository")
    repo = pygit2.Repository(found)
    if repo.workdir is None:
        raise FatalError(f"{repo_path}: a bare repository has no working tree for .gitattributes")
    return write_gitattributes(Path(repo.workdir)), _configure(repo, command)
