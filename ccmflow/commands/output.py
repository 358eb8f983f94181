"""Terminal and JSON output shared by the subcommands."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.text import Text

from ccmflow.compare.diff import Redline
from ccmflow.core.errors import Finding


def console(stderr: bool = False) -> Console:
    # Wide enough that file:line:column messages are never folded mid-path in CI logs.
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def report_findings(findings: Iterable[Finding], as_json: bool = False) -> None:
    items = list(findings)
    if as_json:
        emit_json({"ok": not items, "findings": [f.as_json() for f in items]})
        return
    out = console()
    for finding in items:
        line = Text()
        line.append(f"{finding.file}:{finding.line}:{finding.column}", style="bold")
        line.append(f": {finding.message}")
        out.print(line)
        if finding.hint:
            out.print(Text(f"    fix: {finding.hint}", style="dim"))
    noun = "problem" if len(items) == 1 else "problems"
    out.print(Text(f"{len(items)} {noun} found", style="bold red"))


def redline_text(runs: Redline) -> Text:
    """A redline for the terminal: deletions struck through in red, insertions underlined in green."""
    text = Text()
    for op, chunk in runs:
        style = {"-": "red strike", "+": "green underline"}.get(op, "")
        text.append(chunk, style=style)
    return text
