"""The command line's speed as a person meets it: whole processes, CPU time, each figure a ratio from one run.

Run: python benchmarks/startup.py [--runs 7] [--refs 500]   (about a minute). Every process is started with
sys.executable, the interpreter that runs ccmflow (the virtual environment's python, not a shim), and its CPU
time (user + system, from os.wait4) is taken as the median of --runs runs. The six figures and their targets:

  1. `ccmflow --help`                                   within 3x of `python -c pass`
  2. `ccmflow validate` on the embedded instance         within 4x of `python -c pass`
  3. `ccmflow render DOC --format html`, 2000 paragraphs against 300: within 8x (linear in the document)
  4. the merge driver on a 300-paragraph document        within 2x of a process that only parses the three files
                                                         with PyYAML's C loader
  5. `ccmflow summary` after one new input (warm)        at most 0.35 s of CPU
  6. cold summary of 500 inputs (in process)             within 1.2x of the bare git work, same run (merge base
                                                         and tree diff with the document's patch, for each ref)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent / "tests")]

from gen import DOC_ID, generate_document, mutate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PATH = f"documents/{DOC_ID}.yaml"
NOW = "2020-05-08T10:00:00+00:00"
WARM_TARGET = 0.35  # seconds of CPU


def ccmflow() -> list[str]:
    """The console script run by this interpreter, as its shebang would; `-m ccmflow.main` when not installed."""
    script = Path(sys.executable).parent / "ccmflow"
    return [sys.executable, str(script)] if script.is_file() else [sys.executable, "-m", "ccmflow.main"]


def cpu(argv: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None,
        before: Callable[[], object] | None = None) -> float:
    """CPU seconds (user + system) of one whole process, its children included."""
    if before is not None:
        before()
    # As an installed package runs: with its bytecode (pip compiles it; PYTHONDONTWRITEBYTECODE, set in some
    # sandboxes, would make every run compile ccmflow's modules from source, about 60 ms more).
    env = {k: v for k, v in (env or os.environ).items() if k != "PYTHONDONTWRITEBYTECODE"}
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited with {process.returncode}")
    return usage.ru_utime + usage.ru_stime


def median_cpu(argv: Sequence[str], runs: int, **kwargs: object) -> float:
    cpu(argv, **kwargs)  # type: ignore[arg-type]  # warm the disk cache and the bytecode
    return statistics.median(cpu(argv, **kwargs) for _ in range(runs))  # type: ignore[arg-type]


def report(label: str, seconds: float, baseline: float, target: float | None, unit: str) -> bool:
    ratio = seconds / baseline
    met = target is None or ratio <= target
    goal = f"target <= {target:g}x" if target is not None else ""
    print(f"  {label:<58} {seconds * 1000:8.1f} ms  {ratio:6.2f}x {unit:<22} {goal} {'' if met else 'MISSED'}")
    return met


def startup(runs: int) -> tuple[bool, float]:
    python = median_cpu([sys.executable, "-c", "pass"], runs)
    print(f"  {'`python -c pass` (' + sys.executable + ')':<58} {python * 1000:8.1f} ms")
    ok = report("1. ccmflow --help", median_cpu([*ccmflow(), "--help"], runs), python, 3, "python -c pass")
    ok &= report("2. ccmflow validate (embedded instance)",
                 median_cpu([*ccmflow(), "validate", "-C", str(ROOT)], runs), python, 4, "python -c pass")
    return ok, python


def render(runs: int, tmp: Path) -> bool:
    small, large = tmp / "small.yaml", tmp / "large.yaml"
    small.write_text(generate_document(300), "utf-8")
    large.write_text(generate_document(2000), "utf-8")
    times = {}
    for path in (small, large):
        times[path] = median_cpu([*ccmflow(), "render", str(path), "--format", "html", "-o", str(tmp / "out.html")],
                                 runs)
    print(f"  {'   ccmflow render 300 paragraphs --format html':<58} {times[small] * 1000:8.1f} ms")
    return report("3. ccmflow render 2000 paragraphs --format html", times[large], times[small], 8,
                  "300 paragraphs")


def merge_driver(runs: int, tmp: Path) -> bool:
    base = generate_document(paragraphs=300, seed=0)
    ours, theirs = mutate(base, seed=11, n_edits=20), mutate(base, seed=12, n_edits=20)
    for name, text in (("O", base), ("B", theirs), ("ours", ours)):
        (tmp / name).write_text(text, "utf-8")
    parse_only = ("import sys, yaml\nfor name in sys.argv[1:]:\n"
                  "    with open(name, 'rb') as f: yaml.load(f, Loader=yaml.CSafeLoader)\n")
    baseline = median_cpu([sys.executable, "-c", parse_only, "O", "ours", "B"], runs, cwd=tmp)
    print(f"  {'   a process parsing the 3 files with PyYAML CSafeLoader':<58} {baseline * 1000:8.1f} ms")
    driver = median_cpu([*ccmflow(), "merge-driver", "O", "A", "B", PATH], runs, cwd=tmp,
                        before=lambda: shutil.copyfile(tmp / "ours", tmp / "A"))
    return report("4. ccmflow merge-driver O A B P (300 paragraphs)", driver, baseline, 2, "PyYAML parse-only")


def summaries(runs: int, refs: int, tmp: Path) -> bool:
    import summary as bench  # benchmarks/summary.py: the 500-input repository

    from ccmflow.repo.store import Store

    root = tmp / "inputs"
    root.mkdir()
    started = time.perf_counter()
    repo, base, text, data = bench.build_repo(root, refs)
    print(f"  ({refs} input refs against a {len(text) // 1024} KB, 300-paragraph document, built in "
          f"{time.perf_counter() - started:.0f} s)")
    # Taken in turns, so that a change in the machine's load between the two series does not skew the ratio.
    gits, colds = [], []
    for _ in range(runs):
        gits.append(_cpu_of(lambda: bench.bare_git(repo, base, patch=True)))
        colds.append(_cpu_of(lambda: bench.cold(root, repo)))
    git, cold = statistics.median(gits), statistics.median(colds)
    print(f"  {'   bare git: merge base + tree diff + patch, each ref':<58} {git * 1000:8.1f} ms")
    ok = report(f"6. cold summary of {refs} inputs (in process)", cold, git, 1.2, "bare git work")
    bench.collect(Store(root), DOC_ID, now=bench._now())  # the cache on disk, as a previous run leaves it
    argv = [*ccmflow(), "summary", DOC_ID, "-C", str(root), "--format", "json"]
    env = {**os.environ, "CCMFLOW_NOW": NOW}
    numbers = iter(range(refs + 1, refs + 100))

    def one_more() -> None:
        n = next(numbers)
        extra = bench.gitutil.commit(repo, {bench.PATH: bench._variant(data, random.Random(n), set(), n)},
                                     f"input {n}", branch=None, parents=[base])
        bench.gitutil.set_ref(repo, f"refs/pull/{n}/head", extra)

    warm = median_cpu(argv, runs, env=env, before=one_more)
    met = warm <= WARM_TARGET
    print(f"  {'5. ccmflow summary after one new input (warm)':<58} {warm * 1000:8.1f} ms  "
          f"{'':<30}target <= {WARM_TARGET * 1000:.0f} ms {'' if met else 'MISSED'}")
    return ok and met


def _cpu_of(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--refs", type=int, default=500)
    args = parser.parse_args()
    print(f"CPU time of whole processes (user + system), medians of {args.runs} runs\n")
    with tempfile.TemporaryDirectory() as tmp:
        ok, _ = startup(args.runs)
        ok &= render(args.runs, Path(tmp))
        ok &= merge_driver(args.runs, Path(tmp))
        ok &= summaries(min(args.runs, 5), args.refs, Path(tmp))
    print("\nall six figures within their targets" if ok else "\nsome figures MISSED their targets")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
