"""Refresh the vendored GitHub reference data from a newer copy of the shared reference folder.

    python tests/reference/refresh.py [SOURCE]    (default: ../shared/reference beside the repository)

Copies every webhook example payload (the sweep feeds them all through the bot) and the repository-level part of
GitHub's OpenAPI description (what a repository bot may call: the fake refuses anything else), written compactly.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC_NAME = "api.github.com.subset.deref.json"
# Organisation, team and branch-protection administration: no bot of ours calls them, and a request there
# should fail against the fake as it would against a token without admin rights.
DROPPED = ("/orgs/", "/protection", "/codespaces")


def keep(path: str) -> bool:
    return not any(part in path for part in DROPPED)


def refresh(source: Path, target: Path = HERE) -> None:
    spec = json.loads((source / "github-rest" / SPEC_NAME).read_text(encoding="utf-8"))
    spec["paths"] = {path: item for path, item in spec["paths"].items() if keep(path)}
    rest = target / "github-rest"
    rest.mkdir(parents=True, exist_ok=True)
    (rest / "openapi.json").write_text(json.dumps(spec, separators=(",", ":"), sort_keys=True) + "\n",
                                       encoding="utf-8")
    shutil.copyfile(source / "github-rest" / "LICENSE", rest / "LICENSE")
    hooks = target / "github-webhooks"
    if hooks.exists():
        shutil.rmtree(hooks)
    shutil.copytree(source / "github-webhooks", hooks)


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else HERE.parents[2] / "shared" / "reference"
    if not (source / "github-rest" / SPEC_NAME).is_file():
        print(f"refresh: no reference data under {source}", file=sys.stderr)
        return 2
    refresh(source)
    print(f"refreshed {HERE} from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
