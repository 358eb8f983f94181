"""`ccmflow merge-driver O A B P`: git's merge driver for documents (paragraph-id merge; other files by lines).

git runs it as `ccmflow merge-driver %O %A %B %P` for files marked `merge=ccmflow` in .gitattributes: the
merged text replaces A; exit 0 when clean, 1 when a person must resolve conflicts (marked in A, git-style,
naming the paragraph id and number). `ccmflow merge-driver --install` sets it up in an existing clone: the
.gitattributes line is versioned, but git config is local to each clone and is never pushed, so every
clone needs it once (`ccmflow init` does it for new repositories).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from ccmflow.commands.common import add_common
from ccmflow.core.errors import FatalError


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "merge-driver",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, what in (("base", "%%O: the common ancestor's version"), ("ours", "%%A: our version; the result"),
                       ("theirs", "%%B: their version"), ("path", "%%P: the file's path in the repository")):
        parser.add_argument(name, nargs="?", metavar=name.upper(), help=what)
    parser.add_argument("--marker-size", type=int, default=7, help="conflict marker length (git's %%L)")
    parser.add_argument("--install", action="store_true",
                        help="set up this clone: .gitattributes lines and the local git config (not versioned)")
    parser.add_argument("--command", default="ccmflow", help="with --install: how git should run ccmflow")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import emit_json
    from ccmflow.read.load import is_managed, kind_of

    if args.install:
        from ccmflow.repo.gitattributes import install_merge_driver  # pygit2: only to set a clone up

        attributes, config = install_merge_driver(args.repo, args.command)
        if args.json:
            emit_json({"gitattributes_changed": attributes, "config_changed": config})
        else:
            print("merge driver installed" if attributes or config else "merge driver already installed")
            if attributes:
                print("  .gitattributes changed: commit it so every clone merges documents by paragraph id")
        return 0
    if None in (args.base, args.ours, args.theirs):
        raise FatalError("merge-driver needs O A B [P] (git passes them: %O %A %B %P), or --install")
    path = args.path or args.ours
    base, ours, theirs = Path(args.base), Path(args.ours), Path(args.theirs)
    if is_managed(path) and kind_of(path) == "document":
        code = _structural(base, ours, theirs, path, args)
        if code is not None:
            return code
    return _by_lines(base, ours, theirs, path, args.marker_size)


def _structural(base: Path, ours: Path, theirs: Path, path: str, args: argparse.Namespace) -> int | None:
    """The paragraph merge; None when a side is not a valid document (the line merge takes over)."""
    from ccmflow.commands.output import emit_json, terminal_safe
    from ccmflow.compare.merge import MergeError
    from ccmflow.compare.mergefile import merge_file
    from ccmflow.read.yamlsafe import YamlError

    try:
        texts = [p.read_bytes().decode("utf-8") for p in (base, ours, theirs)]
        # Each side is read once; the result is proved to hold the merge (never hand git one that does not).
        merged = merge_file(texts[0], texts[1], texts[2], path, args.marker_size, _agreed(Path(path).stem))
    except (MergeError, YamlError, UnicodeDecodeError):
        return None
    except Exception as exc:  # agreed text the merge would change, or a bug of ours
        return _stopped(exc, path, args.json)
    conflicts = merged.conflicts
    ours.write_bytes(merged.text.encode("utf-8"))
    if args.json:
        emit_json({"path": path, "clean": not conflicts, "conflicts": [c.as_json() for c in conflicts]})
    for conflict in conflicts:
        print(terminal_safe(f"ccmflow: {path}: {conflict}"), file=sys.stderr)
    return 1 if conflicts else 0


def _stopped(exc: Exception, path: str, as_json: bool) -> int | None:
    """A merge that stopped on agreed text (1: a person resolves the file), or on a bug (None: by lines)."""
    from ccmflow.commands.output import emit_json, terminal_safe
    from ccmflow.compare.protect import AgreedTextChanged  # agreed text and its rules: only once a merge touches it

    if isinstance(exc, AgreedTextChanged):
        # OURS is left as it is (its agreed text stands) and git is told a person must resolve the file.
        if as_json:
            emit_json({"path": path, "clean": False, "agreed_text": str(exc)})
        print(terminal_safe(f"ccmflow: {path}: {exc}"), file=sys.stderr)
        return 1
    # A bug of ours must never cost a merge: git's own line merge loses nothing.
    print(terminal_safe(f"ccmflow: {path}: structural merge failed ({exc!r}); merging by lines"), file=sys.stderr)
    return None


def _agreed(document: str) -> dict[str, Any] | None:
    """The statuses recorded for `document` in this clone (refs/ccmflow/status/DOC), read with git itself: the
    driver runs for every merged file, and pygit2 would cost more to import than the merge."""
    try:
        done = subprocess.run(["git", "cat-file", "blob", f"refs/ccmflow/status/{document}:status.json"],
                              capture_output=True, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None  # no record: nothing is agreed yet
    from ccmflow.core.agreement import book_from_json  # statuses and their rules: only when there are some

    book = book_from_json(document, json.loads(done.stdout))
    return {pid: entry.status for pid, entry in book.latest().items()}


def _by_lines(base: Path, ours: Path, theirs: Path, path: str, size: int) -> int:
    """What git would have done without us: `git merge-file`, in place on OURS."""
    from ccmflow.commands.output import terminal_safe

    command = ["git", "merge-file", f"--marker-size={size}", "-L", "ours", "-L", "base", "-L", "theirs",
               str(ours), str(base), str(theirs)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise FatalError(f"cannot run git merge-file for {path}: {exc}") from None
    if done.returncode < 0 or done.returncode > 127:
        raise FatalError(f"git merge-file failed on {path}: {done.stderr.strip()}")
    if done.returncode:
        print(terminal_safe(f"ccmflow: {path}: not a document ccmflow can read, merged by lines with conflicts"),
              file=sys.stderr)
    return 1 if done.returncode else 0
