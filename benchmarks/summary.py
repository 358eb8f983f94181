"""Speed of `ccmflow summary`: 500 input refs against a generated 300-paragraph document (~200 KB).

Run: python benchmarks/summary.py [--refs 500]   (prints a table). Targets: a cold summary within 1.2x of the bare
git work done in the same run, and a warm summary, after one more input arrives, in at most 0.35 s (the whole process:
`python benchmarks/startup.py` measures both as the issue states them).

"Bare git work" is measured two ways, per ref: merge base + tree diff naming the changed files (what
`git diff --name-only $(git merge-base B R) R` does), and merge base + tree diff with the document's patch
(`git diff $(git merge-base B R) R -- documents/x.yaml`: git reads both blobs and diffs their lines). Knowing what
an input changes in a document cannot cost less than the second: the first never opens a blob.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygit2

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent / "tests")]

import gitutil  # noqa: E402
from gen import DOC_ID, dump, generate_document  # noqa: E402

from ccmflow.core.submissions import SubmissionLog  # noqa: E402
from ccmflow.inputs.basecache import cache_file as base_cache_file  # noqa: E402
from ccmflow.inputs.collect import collect  # noqa: E402
from ccmflow.inputs.examine import cache_path  # noqa: E402
from ccmflow.inputs.summary import build  # noqa: E402
from ccmflow.inputs.summary_render import markdown  # noqa: E402
from ccmflow.read import load  # noqa: E402
from ccmflow.read.yamlsafe import load as load_yaml  # noqa: E402
from ccmflow.repo.ledger import Ledger, LedgerEntry, write_ledger  # noqa: E402
from ccmflow.repo.store import Store  # noqa: E402

PATH = f"documents/{DOC_ID}.yaml"
ACCOUNTS = ((27361048, "at-mission-geneva"), (60418273, "cl-mission-geneva"), (31275846, "icrc-weapons-unit"),
            (47039185, "ke-mission-geneva"), (36184025, "mx-mission-geneva"), (19736205, "cmc-stopclustermunitions"))
RECEIVED = "2020-04-20T10:00:00+00:00"


def row(label: str, seconds: float, note: str = "") -> None:
    print(f"  {label:<62} {seconds * 1000:>9.1f} ms  {note}")


def _variant(data: dict[str, Any], rng: random.Random, referenced: set[str], n: int) -> str:
    """One delegation's input: 1 to 3 paragraphs reworded, sometimes one added, deleted or moved."""
    sections = [dict(s, paragraphs=list(s["paragraphs"])) for s in data["sections"]]
    for _ in range(rng.randint(1, 3)):
        section = rng.choice([s for s in sections if s["paragraphs"]])
        at = rng.randrange(len(section["paragraphs"]))
        paragraph = dict(section["paragraphs"][at])
        kind = rng.choices(("reword", "add", "delete", "move"), weights=(70, 15, 10, 5))[0]
        if kind == "reword":
            words = paragraph["text"].split()
            words[rng.randrange(len(words))] = rng.choice(("strengthened", "renewed", "sustained", "enhanced"))
            paragraph["text"] = " ".join(words) + f" (input {n})"
            section["paragraphs"][at] = paragraph
        elif kind == "add":
            section["paragraphs"].insert(at, {"id": f"pin{n:04d}x{at}", "kind": "narrative",
                                              "text": f"A new paragraph proposed by input {n}."})
        elif kind == "delete" and paragraph["id"] not in referenced and len(section["paragraphs"]) > 1:
            section["paragraphs"].pop(at)
        elif kind == "move" and len(section["paragraphs"]) > 2:
            section["paragraphs"].insert(rng.randrange(len(section["paragraphs"])), section["paragraphs"].pop(at))
    return dump(dict(data, sections=sections))


def build_repo(root: Path, refs: int) -> tuple[pygit2.Repository, pygit2.Oid, str, dict[str, Any]]:
    text = generate_document(300)
    data = load_yaml(text, PATH).data
    referenced = {r.partition("#")[2] for s in data["sections"] for p in s["paragraphs"]
                  for r in p.get("references", ())}
    repo = gitutil.init_repo(root)
    base = gitutil.commit(repo, {**gitutil.instance_files(), PATH: text}, "base")
    rng = random.Random(500)
    records = []
    for n in range(1, refs + 1):
        head = gitutil.commit(repo, {PATH: _variant(data, rng, referenced, n)}, f"input {n}", branch=None,
                              parents=[base])
        gitutil.set_ref(repo, f"refs/pull/{n}/head", head)
        records.append(_record(n, str(head)))
    write_ledger(Store(repo.path), Ledger(tuple(records)))
    if shutil.which("git"):  # what `git fetch` leaves: one pack, blobs stored as deltas of each other
        subprocess.run(["git", "-C", str(root), "repack", "-adq"], check=True)
    return repo, base, text, data


def _record(n: int, sha: str) -> LedgerEntry:
    from datetime import datetime

    user_id, login = ACCOUNTS[n % len(ACCOUNTS)]
    received = datetime.fromisoformat(RECEIVED)
    return LedgerEntry(number=n, title=f"Input {n}", body=f"Remarks of input {n}.", author_id=user_id,
                       author_login=login, created_at=received, state="open", head_sha=sha,
                       log=SubmissionLog(n).record(sha, received, "pr-created"))


def bare_git(repo: pygit2.Repository, base: pygit2.Oid, patch: bool) -> float:
    start = time.perf_counter()
    for name in [r for r in repo.references if r.startswith("refs/pull/")]:
        head = repo.references[name].peel(pygit2.Commit)
        merge_base = repo.merge_base(head.id, base)
        diff = repo[merge_base].peel(pygit2.Commit).tree.diff_to_tree(head.tree, context_lines=0)
        for i, delta in enumerate(diff.deltas):
            if patch and delta.new_file.path == PATH:
                sum(len(h.lines) for h in diff[i].hunks)
    return time.perf_counter() - start


def bare_git_shared(repo: pygit2.Repository, base: pygit2.Oid) -> float:
    """The same work with the merge base's blob read once and kept (as the summary does): the tightest floor."""
    start = time.perf_counter()
    kept: dict[pygit2.Oid, pygit2.Blob] = {}
    for name in [r for r in repo.references if r.startswith("refs/pull/")]:
        head = repo.references[name].peel(pygit2.Commit)
        merge_base = repo.merge_base(head.id, base)
        diff = repo[merge_base].peel(pygit2.Commit).tree.diff_to_tree(head.tree, context_lines=0)
        for delta in diff.deltas:
            if delta.new_file.path == PATH:
                old = kept.get(delta.old_file.id) or kept.setdefault(delta.old_file.id, repo[delta.old_file.id])
                patch = old.diff(repo[delta.new_file.id], context_lines=0)
                sum(len(h.lines) for h in patch.hunks)
    return time.perf_counter() - start


def read_blobs(repo: pygit2.Repository) -> float:
    """The floor for anything that looks at the text: every input's document blob read once, nothing else."""
    start = time.perf_counter()
    for name in [r for r in repo.references if r.startswith("refs/pull/")]:
        head = repo.references[name].peel(pygit2.Commit)
        len(repo[head.tree[PATH].id].data)
    return time.perf_counter() - start


def summarise(root: Path) -> float:
    start = time.perf_counter()
    collected = collect(Store(root), DOC_ID, now=_now())
    markdown(build(collected))
    return time.perf_counter() - start


def _now() -> Any:
    from datetime import datetime

    return datetime.fromisoformat("2020-05-08T10:00:00+00:00")


def cold(root: Path, repo: pygit2.Repository) -> float:
    """As a first run in a new process: no parse cache, no summary cache."""
    load._parsed.clear()
    cache_path(Store(root), DOC_ID).unlink(missing_ok=True)
    base_cache_file(Store(root)).unlink(missing_ok=True)
    return summarise(root)


def median(action: Callable[[], float], runs: int) -> float:
    return statistics.median(action() for _ in range(runs))


def cli(root: Path) -> float:
    env = {**os.environ, "CCMFLOW_NOW": "2020-05-08T10:00:00+00:00"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ccmflow.main", "summary", DOC_ID, "-C", str(root), "--format", "json"],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--refs", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        repo, base, text, data = build_repo(root, args.refs)
        print(f"{args.refs} input refs against a {len(text) // 1024} KB, 300-paragraph document "
              f"(set up in {time.perf_counter() - started:.0f} s)\n")
        names = median(lambda: bare_git(repo, base, patch=False), args.runs)
        patch = median(lambda: bare_git(repo, base, patch=True), args.runs)
        shared = median(lambda: bare_git_shared(repo, base), args.runs)
        blobs = median(lambda: read_blobs(repo), args.runs)
        cold_s = median(lambda: cold(root, repo), args.runs)
        collected = collect(Store(root), DOC_ID, now=_now())
        fast = sum(i.examined.fast for i in collected.inputs)
        row("bare git: merge base + tree diff (file names)", names, f"{names / args.refs * 1e6:.0f} µs per ref")
        row("bare git: merge base + tree diff + the document's patch", patch,
            f"{patch / args.refs * 1e6:.0f} µs per ref")
        row("  the same, the merge base's blob read once (as the summary reads it)", shared,
            f"{shared / args.refs * 1e6:.0f} µs per ref")
        row("  for scale: only reading each input's document blob", blobs,
            f"{blobs / names:.0f}x the names-only diff: no reader of the text can get under it")
        row("cold summary (collect + build + Markdown)", cold_s,
            f"{cold_s / patch:.2f}x git with patch (target <= 1.2x); {cold_s / shared:.2f}x with the blob read "
            f"once; {cold_s / names:.0f}x git names only")
        print(f"  {'':<62} {fast} of {len(collected.inputs)} inputs read from git's hunks, the rest parsed whole")
        extra = gitutil.commit(repo, {PATH: _variant(data, random.Random(1), set(), args.refs + 1)}, "one more",
                               branch=None, parents=[base])
        gitutil.set_ref(repo, f"refs/pull/{args.refs + 1}/head", extra)

        def warm() -> float:
            load._parsed.clear()  # a new process parses the base text again
            return summarise(root)

        warm_s = warm()
        row("warm summary after one more input (cache on disk)", warm_s, "target <= 350 ms")
        row("  same, repeated (nothing new)", median(warm, args.runs))
        row("CLI end to end, warm (`ccmflow summary --format json`, new process)", cli(root),
            "includes Python start-up and imports")
        cache = cache_path(Store(root), DOC_ID)
        header = json.loads(cache.read_text().partition("\n")[0])
        print(f"\n  summary cache: {cache.stat().st_size // 1024} KB at .git/ccmflow/{cache.name}; "
              f"version {header['version']}")


if __name__ == "__main__":
    main()
