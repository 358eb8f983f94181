"""Terminal and JSON output shared by the subcommands."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ccmflow.core.errors import Finding
from ccmflow.core.escape import json_safe
from ccmflow.core.escape import terminal_safe as terminal_safe  # the one function; re-exported for commands

# rich (about 40 ms to import) is loaded only when something is printed through it: a command that prints a
# plain line or JSON (validate with no findings, the merge driver) never pays for it.
if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ccmflow.compare.diff import Redline



def console(stderr: bool = False) -> Console:
    from ccmflow.commands.richconsole import SafeConsole

    # Wide enough that file:line:column messages are never folded mid-path in CI logs.
    return SafeConsole(terminal_safe, stderr=stderr, highlight=False, soft_wrap=True)


def emit_json(data: Any) -> None:
    import json  # here: a command without --json never needs it

    # JSON escapes C0 itself; C1 and bidi controls are written as \u escapes too, so the output is safe to show.
    sys.stdout.write(json_safe(json.dumps(data, indent=2, ensure_ascii=False, default=str)))
    sys.stdout.write("\n")


def report_fatal(message: str, exit_code: int, as_json: bool = False) -> None:
    """A command that stopped: one line on stderr, or under --json a JSON object on stdout, as its output."""
    if as_json:
        emit_json({"ok": False, "error": message, "exit_code": exit_code})
    else:
        print(terminal_safe(f"ccmflow: {message}"), file=sys.stderr)


def report_findings(findings: Iterable[Finding], as_json: bool = False) -> None:
    from rich.text import Text

    items = list(findings)
    if as_json:
        emit_json({"ok": not items, "findings": [f.as_json() for f in items]})
        return
    out = console()
    for finding in items:
        line = Text()
        # Cleaned here, not only by the console: rich's Text drops a few controls (BEL, BS) without a trace.
        line.append(terminal_safe(f"{finding.file}:{finding.line}:{finding.column}"), style="bold")
        line.append(terminal_safe(f": {finding.message}"))
        out.print(line)
        if finding.hint:
            out.print(Text(terminal_safe(f"    fix: {finding.hint}"), style="dim"))
    noun = "problem" if len(items) == 1 else "problems"
    out.print(Text(f"{len(items)} {noun} found", style="bold red"))


# A Word file is written to a file (-o), or to a pipe where the command allows it: never to a terminal, never in JSON.
BINARY = "a .docx is binary: give -o FILE"


# Plain-text redline markers, as git's word diff writes them: they say what changed without colour, in a log,
# a pipe or an e-mail; on a colour terminal the same text is also struck through or underlined.
DELETED = ("[-", "-]")
INSERTED = ("{+", "+}")


def redline_text(runs: Redline) -> Text:
    """A redline for the terminal: [-deletions-] struck through in red, {+insertions+} underlined in green."""
    from rich.text import Text

    text = Text()
    for op, chunk in runs:
        if op == "-":
            text.append(f"{DELETED[0]}{chunk}{DELETED[1]}", style="red strike")
        elif op == "+":
            text.append(f"{INSERTED[0]}{chunk}{INSERTED[1]}", style="green underline")
        else:
            text.append(chunk)
    return text
