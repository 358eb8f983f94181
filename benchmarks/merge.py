"""Speed of the structural merge: two 300-paragraph revisions (~200 KB) of one base, scattered independent edits.

Run: python benchmarks/merge.py   (prints medians; target: a structural merge under 100 ms). Figures: the merge
of parsed documents (the target), the whole text merge as the git merge driver does it (ccmflow/compare/
mergefile.py's merge_file, which the driver calls on the three texts: each side read once, the result spliced
into OURS text and proved paragraph by paragraph; bound by YAML parsing, shown beside it as a count of
parses), and the driver process end to end.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from gen import DOC_ID, generate_document, mutate  # noqa: E402

from ccmflow.compare.merge import merge_documents  # noqa: E402
from ccmflow.compare.mergefile import merge_file  # noqa: E402
from ccmflow.core.model import Document  # noqa: E402
from ccmflow.read.load import parse_text  # noqa: E402

PATH = f"documents/{DOC_ID}.yaml"
RUNS = 15
TARGET_MS = 100.0


def median_ms(action: Callable[[int], object], runs: int = RUNS) -> float:
    action(-1)
    times = []
    for i in range(runs):
        start = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def row(label: str, ms: float, note: str = "") -> None:
    print(f"  {label:<58} {ms:>9.2f} ms  {note}")


def document(text: str) -> Document:
    record = parse_text(PATH, text).record
    assert isinstance(record, Document)
    return record


def main() -> None:
    base = generate_document(paragraphs=300, seed=0)
    ours = mutate(base, seed=11, n_edits=20)
    theirs = mutate(base, seed=12, n_edits=20)
    print(f"Base: 300 paragraphs, {len(base.encode()) / 1000:.0f} KB; OURS and THEIRS: 20 scattered edits each "
          f"(rewordings, insertions, deletions, moves); medians of {RUNS} runs\n")
    b, o, t = document(base), document(ours), document(theirs)
    result = merge_documents(b, o, t)
    print(f"Result: {sum(1 for _ in result.document.walk())} paragraphs, {len(result.conflicts)} conflicts "
          f"({'; '.join(map(str, result.conflicts)) or 'none'})\n")
    pure = median_ms(lambda _: merge_documents(b, o, t))

    def texts(i: int) -> None:
        # A comment makes each run's texts new to the parse cache, so every run parses for real.
        tag = f"# run {i}\n"
        merge_file(base + tag, ours + tag, theirs + tag, PATH)

    whole = median_ms(texts)
    parse_ms = median_ms(lambda i: parse_text(PATH, base + f"# parse {i}\n"))
    proved = merge_file(base, ours, theirs, PATH).proved_in_pieces
    row("structural merge: merge_documents (parsed documents)", pure,
        f"target < {TARGET_MS:.0f} ms: {'met' if pure < TARGET_MS else 'MISSED'}")
    row("text merge: merge_file, as the driver calls it", whole,
        f"read 3, merge, splice, prove {'piece by piece' if proved else 'by a full read'}; "
        f"{whole / parse_ms:.1f} parses' worth")
    row("  of which: one parse of a 300-paragraph file", parse_ms, "(ccmflow.load.parse, uncached)")
    print(f"  {'ccmflow merge-driver process (python start-up included)':<58} {driver_ms(base, ours, theirs):>9.2f} ms")


def driver_ms(base: str, ours: str, theirs: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "O").write_text(base)
        (root / "B").write_text(theirs)
        times = []
        for _ in range(5):
            (root / "A").write_text(ours)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "ccmflow.main", "merge-driver", "O", "A", "B", PATH], cwd=root,
                           check=False, capture_output=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000


if __name__ == "__main__":
    main()
