"""Speed and memory of `ccmflow propose --from-docx` as the number of new paragraphs in the Word file grows.

Run: python benchmarks/word_import.py [--runs 5]   (about a minute). The Review Document of the embedded instance
is rendered to .docx, and 50, 400 and 1000 new paragraphs are typed into it with Track Changes on (spread after
its paragraphs, as tests/wordkit.py does). Each file is then read back by a whole `ccmflow propose --from-docx`
process, as the ISU runs it, into a branch and a commit: its CPU time (user + system, from os.wait4) and its
peak resident memory, medians of --runs runs, all started with this interpreter.

Linear means that each new paragraph costs the same however many there are. A process has a fixed cost
(starting Python, reading the repository), so the script prints the cost of the paragraphs themselves: the
time per paragraph between 50 and 400 and between 400 and 1000, and their ratio (1 when linear; the import this
replaced, one full rewrite and re-read of the document per change, took 6 s for 400 and over a minute for 1000).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent / "tests")]

from gitutil import instance_checkout  # noqa: E402
from startup import ccmflow  # noqa: E402
from wordkit import Marked, render  # noqa: E402

from ccmflow.repo.store import Store  # noqa: E402
from ccmflow.word.ooxml import bookmark_name  # noqa: E402

SIZES = (50, 400, 1000)
DOC = "review-document"


def marked_file(instance: Path, rendered: bytes, count: int) -> Path:
    """The circulated file with `count` new paragraphs typed after its paragraphs, in turn."""
    pids = [p.id for _, p in Store(instance).require("HEAD").documents[DOC].walk()]
    marked = Marked(rendered)
    for i in range(count):
        marked.insert_after(bookmark_name(pids[i % len(pids)]),
                            f"New paragraph {i}: the States Parties will report on their progress each year.")
    path = instance / "out" / f"new-{count}.docx"
    path.write_bytes(marked.data())
    return path


def import_once(instance: Path, path: Path, run: int) -> tuple[float, float]:
    """CPU seconds and peak resident MiB of one `ccmflow propose --from-docx` process."""
    argv = [*ccmflow(), "propose", "--from-docx", str(path), "--as", "kenya", "--branch",
            f"bench/{path.stem}/{run}", "-C", str(instance)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: with bytecode
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"propose --from-docx failed on {path.name}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        instance = instance_checkout(Path(tmp) / "instance")
        with contextlib.redirect_stdout(io.StringIO()):
            rendered = render(instance, DOC)
        files = {n: marked_file(instance, rendered, n) for n in SIZES}
        import_once(instance, files[SIZES[0]], -1)  # the disk cache and the bytecode
        cpu: dict[int, float] = {}
        rss: dict[int, float] = {}
        for n in SIZES:
            measured = [import_once(instance, files[n], run) for run in range(runs)]
            cpu[n] = statistics.median(m[0] for m in measured)
            rss[n] = statistics.median(m[1] for m in measured)
    print(f"ccmflow propose --from-docx, {DOC} with N new paragraphs: whole processes, medians of {runs} runs\n")
    print(f"  {'N':>5}  {'CPU':>8}  {'peak memory':>11}")
    for n in SIZES:
        print(f"  {n:>5}  {cpu[n]:>6.2f} s  {rss[n]:>7.0f} MiB")
    low, mid, high = SIZES
    first = (cpu[mid] - cpu[low]) / (mid - low)
    second = (cpu[high] - cpu[mid]) / (high - mid)
    print(f"\n  per new paragraph: {first * 1000:.2f} ms from {low} to {mid}, {second * 1000:.2f} ms from {mid} to "
          f"{high}: ratio {second / first:.2f} (linear: 1; quadratic: {(high + mid) / (mid + low):.1f})")


if __name__ == "__main__":
    main()
