"""`ccmflow new-id [-n N]`: fresh paragraph ids, unused anywhere in the documents."""

from __future__ import annotations

import argparse
from typing import Any

from ccmflow.commands.common import add_common, workspace


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "new-id", description=__doc__)
    parser.add_argument("-n", "--count", type=int, default=1, help="how many ids (default 1)")
    add_common(parser, rev=True)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import emit_json
    from ccmflow.write.edit import new_id

    ws = workspace(args.repo, args.rev)
    taken = {p.id for doc in ws.documents.values() for _, p in doc.walk()}
    fresh: list[str] = []
    for _ in range(max(args.count, 0)):
        fresh.append(new_id(taken | set(fresh)))
    if args.json:
        emit_json({"ids": fresh})
    else:
        print("\n".join(fresh))
    return 0
