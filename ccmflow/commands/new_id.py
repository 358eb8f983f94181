"""`ccmflow new-id [-n N]`: fresh paragraph ids, unused anywhere in the documents."""

from __future__ import annotations

import argparse
from typing import Any

from ccmflow.commands.common import add_common, workspace


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "new-id", description=__doc__)
    parser.add_argument("-n", "--count", type=_count, default=1, help="how many ids (default 1)")
    add_common(parser, rev=True)
    return parser


MAX_COUNT = 100_000


def _count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= count <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"give a number from 1 to {MAX_COUNT}, not {count}")
    return count


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import emit_json
    from ccmflow.write.edit import new_id

    ws = workspace(args.repo, args.rev)
    taken = {p.id for doc in ws.documents.values() for _, p in doc.walk()}
    fresh: list[str] = []
    for _ in range(args.count):
        fresh.append(new_id(taken))
        taken.add(fresh[-1])  # one set, grown as ids are made: linear in the count, not quadratic
    if args.json:
        emit_json({"ids": fresh})
    else:
        print("\n".join(fresh))
    return 0
