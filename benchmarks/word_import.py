"""Speed of `ccmflow propose --from-docx` as the number of new paragraphs in the Word file grows.

Run: python benchmarks/word_import.py [--runs 5]   (about a minute). The Review Document of the embedded instance
is rendered to .docx, and 50, 400 and 1000 new paragraphs are typed into it with Track Changes on (spread after
its paragraphs, as tests/wordkit.py does); each file is then read back in process, through the command's entry
point, into a branch and a commit. Figures are medians of --runs runs, all in the same interpreter, with the
peak of Python's allocations (tracemalloc, one more run) beside them. Linear means the time per new paragraph
does not grow with their number: the script prints the ratio of the time per paragraph at 400 and at 1000 to
that at 50 (a fixed cost, reading the repository, is in every figure, so the ratios fall below 1 when linear;
the import this replaces, one full rewrite and re-read of the document per change, gave 2.5x and over 5x).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent / "tests")]

from gitutil import instance_checkout  # noqa: E402
from wordkit import Marked  # noqa: E402

from ccmflow.main import main  # noqa: E402
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


def import_once(instance: Path, path: Path, run: int) -> float:
    argv = ["propose", "--from-docx", str(path), "--as", "kenya", "--branch", f"bench/{path.stem}/{run}",
            "-C", str(instance), "--json"]
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.perf_counter()
        code = main(argv)
        elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"propose --from-docx failed on {path.name} (exit {code})")
    return elapsed


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        instance = instance_checkout(Path(tmp) / "instance")
        out = instance / "out" / f"{DOC}.docx"
        with contextlib.redirect_stdout(io.StringIO()):
            main(["render", DOC, "--format", "docx", "-o", str(out), "-C", str(instance)])
        rendered = out.read_bytes()
        files = {n: marked_file(instance, rendered, n) for n in SIZES}
        import_once(instance, files[SIZES[0]], -1)  # warm: imports and the first parse of the instance
        medians: dict[int, float] = {}
        peaks: dict[int, float] = {}
        for n in SIZES:
            medians[n] = statistics.median(import_once(instance, files[n], run) for run in range(runs))
            tracemalloc.start()
            import_once(instance, files[n], runs)
            peaks[n] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        print(f"propose --from-docx, {DOC} with N new paragraphs; medians of {runs} runs\n")
        print(f"  {'N':>5}  {'total':>9}  {'per paragraph':>13}  {'ratio to N=50':>13}  {'peak (tracemalloc)':>18}")
        first = medians[SIZES[0]] / SIZES[0]
        for n in SIZES:
            per = medians[n] / n
            print(f"  {n:>5}  {medians[n]:>7.2f} s  {per * 1000:>10.2f} ms  {per / first:>12.2f}x  "
                  f"{peaks[n]:>15.1f} MiB")
        print(f"\n  time for {SIZES[2]} against {SIZES[1]}: {medians[SIZES[2]] / medians[SIZES[1]]:.2f}x "
              f"(linear: at most {SIZES[2] / SIZES[1]:.1f}x; quadratic: {(SIZES[2] / SIZES[1]) ** 2:.2f}x)")


if __name__ == "__main__":
    main_()
