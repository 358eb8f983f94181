"""Speed of the core on a generated 300-paragraph document: parse+validate, diff, reads at 500 refs, hostile input.

Run: python benchmarks/core.py   (prints a table; targets: parse+validate within 3x of PyYAML's C loader on the
same text in the same run, a structural diff of two revisions under 50 ms). Figures are medians of several runs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path

import yaml

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent / "tests")]

import gitutil  # noqa: E402
from gen import DOC_ID, generate_document, mutate  # noqa: E402

from ccmflow.compare.diff import diff_documents  # noqa: E402
from ccmflow.core.model import Document  # noqa: E402
from ccmflow.read import load, rules, schema, yamlsafe  # noqa: E402
from ccmflow.repo.store import Store  # noqa: E402

PATH = f"documents/{DOC_ID}.yaml"
RUNS = 9
REFS = 500
REVISIONS = 100  # distinct texts among the refs' commits: most refs share blobs, as pull requests do


def median_ms(action: Callable[[int], object], runs: int = RUNS) -> float:
    """Median wall time of `action(i)` in milliseconds, after one untimed warm-up call."""
    return interleaved({"": action}, runs)[""]


def interleaved(actions: dict[str, Callable[[int], object]], runs: int = RUNS) -> dict[str, float]:
    """Median times of several actions run in turn, so that a busy machine slows them alike."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for action in actions.values():
        action(-1)
    for i in range(runs):
        for name, action in actions.items():
            start = time.perf_counter()
            action(i)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def row(label: str, ms: float, note: str = "") -> None:
    print(f"  {label:<58} {ms:>10.2f} ms  {note}")


def parse_and_validate(text: str) -> None:
    raw = text.encode("utf-8")
    fresh = count()

    # A distinct cache key per call: every run parses, checks and builds for real, with no hashing added
    # (in a repository the key is the blob id git already has).
    def ours(_: int) -> load.Parsed:
        return load.parse(load.SourceFile(PATH, raw, key=f"bench-{next(fresh)}"))

    base = [load.parse(load.SourceFile(f"documents/{name}", (gitutil.REPO_ROOT / "documents" / name).read_bytes()))
            for name in ("process.yaml", "stakeholders.yaml")]
    timed = interleaved({
        "pyyaml": lambda _: yaml.load(text, Loader=yaml.CSafeLoader),
        "yamlsafe": lambda _: yamlsafe.load(raw, PATH),
        "parse": ours,
        "rules": lambda i: rules.check([ours(i), *base]),
    }, runs=RUNS + 6)
    pyyaml, ours_ms, with_rules = timed["pyyaml"], timed["parse"], timed["rules"]
    loaded = yamlsafe.load(raw, PATH)
    print("Parse + validate (one document; the four timed in turn)")
    row("PyYAML CSafeLoader, load only", pyyaml)
    row("ccmflow.yamlsafe.load (positions, safety checks)", timed["yamlsafe"])
    row("ccmflow.load.parse (YAML + schema + records)", ours_ms, f"{ours_ms / pyyaml:.2f}x PyYAML (target <= 3x)")
    row("  + cross-file rules with process and registry", with_rules, f"{with_rules / pyyaml:.2f}x PyYAML")
    fast = median_ms(lambda _: schema._fast("document")(loaded.data))
    full = median_ms(lambda _: list(schema._full("document").iter_errors(loaded.data)), runs=3)
    row("schema check, fastjsonschema (compiled; the fast gate)", fast)
    row("schema check, jsonschema Draft 2020-12 (all errors)", full, f"{full / fast:.0f}x the compiled check")


def structural_diff(text: str) -> None:
    old = load.parse_text(PATH, text).record
    new = load.parse_text(PATH, mutate(text, seed=1, n_edits=30)).record
    assert isinstance(old, Document) and isinstance(new, Document)
    result = diff_documents(old, new)
    kinds = ", ".join(f"{len(result.of(k))} {k}" for k in ("added", "removed", "modified", "moved"))
    print("Structural diff (two revisions, 30 scattered edits)")
    row("diff_documents", median_ms(lambda _: diff_documents(old, new)), f"target < 50 ms; {kinds}")


def reads_at_refs(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        repo = gitutil.init_repo(Path(tmp))
        base = gitutil.commit(repo, {**gitutil.instance_files(), PATH: text}, "base")
        revisions = [mutate(text, seed=n, n_edits=3) for n in range(REVISIONS)]
        for n in range(REFS):
            head = gitutil.commit(repo, {PATH: revisions[n % REVISIONS]}, f"input {n}", branch=None, parents=[base])
            gitutil.set_ref(repo, f"refs/pull/{n + 1}/head", head)
        refs = [f"refs/pull/{n + 1}/head" for n in range(REFS)]
        print(f"Reading the documents at {REFS} refs ({REVISIONS} distinct revisions of the generated document, "
              "other files shared)")

        def read_all(store: Store) -> float:
            start = time.perf_counter()
            for ref in refs:
                workspace, findings = store.workspace(ref)
                assert workspace is not None, findings[:3]
            return (time.perf_counter() - start) * 1000

        first = read_all(Store(tmp))
        row(f"first pass, {REFS} refs (parse cache filling)", first, f"{first / REFS:.2f} ms per ref")
        again = read_all(Store(tmp))
        row("second pass, new Store (every blob parsed already)", again, f"{again / REFS:.2f} ms per ref")
        store = Store(tmp)
        sample = refs[:50]
        start = time.perf_counter()
        for ref in sample:
            load._parsed.clear()  # what reading would cost without the parse cache
            store._workspaces.clear()
            store.workspace(ref)
        uncached = (time.perf_counter() - start) * 1000 / len(sample)
        row("without the parse cache (50 refs sampled), per ref", uncached, f"~{uncached * REFS / 1000:.1f} s for all")


def hostile() -> None:
    print("Hostile input (rejected, never parsed)")
    big = b"text: " + b"x" * (50 * 1024 * 1024) + b"\n"
    cases = {
        "50 MB file": big,
        "alias bomb (billion laughs)": b"a: &a [x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n",
        "1 MB of nested '['": b"a: " + b"[" * 1_000_000,
        "!!python/object tag": b"a: !!python/object/apply:os.system [echo]\n",
    }
    fresh = count()
    for label, raw in cases.items():
        def reject(_: int, raw: bytes = raw) -> None:
            parsed = load.parse(load.SourceFile(PATH, raw, key=f"hostile-{next(fresh)}"))
            assert parsed.record is None and parsed.findings
        row(label, median_ms(reject, runs=3), str(load.parse(load.SourceFile(PATH, raw)).findings[0].message)[:50])


def main() -> None:
    started = time.perf_counter()
    text = generate_document(paragraphs=300, seed=0)
    print(f"Generated document: 300 paragraphs, {len(text.encode()) / 1000:.0f} KB; medians of {RUNS} runs\n")
    parse_and_validate(text)
    print()
    structural_diff(text)
    print()
    reads_at_refs(text)
    print()
    hostile()
    print(f"\n(total {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
