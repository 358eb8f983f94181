"""Refresh the vendored GitHub reference data from a newer copy of the shared reference folder.

    python tests/reference/refresh.py [SOURCE] [--full DESCRIPTION]
        SOURCE: default ../shared/reference beside the repository
        DESCRIPTION: GitHub's whole description with every $ref resolved, `generated/api.github.com.deref.json`
            of the npm package @octokit/openapi (built from github.com/github/rest-api-description)

Copies every webhook example payload (the sweep feeds them all through the bot) and the repository-level part of
GitHub's OpenAPI description (what a repository bot may call: the fake refuses anything else), written compactly.
The operations in ADDED are not in the shared subset: they are taken from DESCRIPTION, or kept from the vendored
copy when no DESCRIPTION is given.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SPEC_NAME = "api.github.com.subset.deref.json"
# Organisation, team and branch-protection administration: no bot of ours calls them, and a request there
# should fail against the fake as it would against a token without admin rights.
DROPPED = ("/orgs/", "/protection", "/codespaces")
# Operations the bot calls beyond the shared subset (path -> methods): the runs of the receipts workflow.
ADDED = {"/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs": ("get",)}


def keep(path: str) -> bool:
    return not any(part in path for part in DROPPED)


def added(full: dict[str, Any]) -> dict[str, Any]:
    """The ADDED operations of a whole description."""
    return {path: {method: full["paths"][path][method] for method in methods} for path, methods in ADDED.items()}


def refresh(source: Path, target: Path = HERE, full: Path | None = None) -> None:
    spec = json.loads((source / "github-rest" / SPEC_NAME).read_text(encoding="utf-8"))
    spec["paths"] = {path: item for path, item in spec["paths"].items() if keep(path)}
    if full is not None:
        spec["paths"].update(added(json.loads(full.read_text(encoding="utf-8"))))
    else:
        spec["paths"].update(added(json.loads((target / "github-rest" / "openapi.json").read_text(encoding="utf-8"))))
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
    full = Path(argv[argv.index("--full") + 1]) if "--full" in argv[:-1] else None
    argv = [a for i, a in enumerate(argv) if a != "--full" and (i == 0 or argv[i - 1] != "--full")]
    source = Path(argv[0]) if argv else HERE.parents[2] / "shared" / "reference"
    if not (source / "github-rest" / SPEC_NAME).is_file():
        print(f"refresh: no reference data under {source}", file=sys.stderr)
        return 2
    refresh(source, full=full)
    print(f"refreshed {HERE} from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
