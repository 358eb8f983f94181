"""The consolidation summary for people: rich tables in a terminal, Markdown for the tracking issue (in parts)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from msgspec import Struct

from ccmflow.core.categories import OUTSIDE_REGISTRY, category_label
from ccmflow.core.escape import code, escape, printable
from ccmflow.core.status import Verdict
from ccmflow.inputs.summary import CoSponsored, Entry, GeneralRemark, SectionSummary, Summary

# rich is imported by the terminal rendering only: Markdown and JSON never need it.
if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

# GitHub refuses an issue or comment body over 65,536 characters.
MAX_BODY = 65_536
_STYLE = {Verdict.ON_TIME: "green", Verdict.LATE: "red", Verdict.LATE_ACCEPTED: "yellow", Verdict.UNKNOWN: "dim"}
_KIND = {"amend": "Amendment to", "insert": "Insertion of a", "delete": "Deletion of", "move": "Move of"}


class _Block(Struct, frozen=True):
    """Markdown that stays together; when too long it is cut between rows and `head` starts each piece."""

    head: str
    rows: tuple[str, ...] = ()


def markdown(summary: Summary, stamp: bool = True) -> str:
    """The summary as one Markdown text; `stamp` says when it was made (the bot leaves it out: GitHub shows it)."""
    return "\n".join(_text(b) for b in _blocks(summary, stamp))


def markdown_parts(summary: Summary, limit: int = MAX_BODY, stamp: bool = True) -> list[str]:
    """The Markdown cut at block (then row) boundaries into parts of at most `limit` characters."""
    parts: list[str] = []
    current = ""
    for block in _blocks(summary, stamp):
        for piece in _pieces(block, limit):
            joined = f"{current}\n{piece}" if current else piece
            if len(joined) <= limit:
                current = joined
            else:
                parts.append(current)
                current = piece
    parts.append(current)  # the header's block at least: never empty
    return parts


def _text(block: _Block) -> str:
    return "\n".join(x for x in (block.head, *block.rows) if x) + "\n"


def _pieces(block: _Block, limit: int) -> Iterable[str]:
    whole = _text(block)
    if len(whole) <= limit:
        yield whole
        return
    head = block.head if len(block.head) < limit // 2 else block.head[: limit // 2 - 1] + "…"
    rows = [r if len(r) <= limit - len(head) - 2 else r[: limit - len(head) - 3] + "…" for r in block.rows]
    piece: list[str] = []
    size = len(head) + 1
    for row in rows:
        if piece and size + len(row) + 1 > limit:
            yield "\n".join((head, *piece)) + "\n"
            piece, size = [], len(head) + 1
        piece.append(row)
        size += len(row) + 1
    if piece:
        yield "\n".join((head, *piece)) + "\n"


def _blocks(summary: Summary, stamp: bool) -> list[_Block]:
    blocks = [_Block(_header(summary, stamp))]
    blocks.append(_Block("## Counts\n\n| Category | Inputs |\n|---|---:|",
                         tuple(f"| {escape(category_label(c))} | {n} |" for c, n in summary.by_category)))
    blocks.append(_Block("| Timing | Inputs |\n|---|---:|",
                         tuple(f"| {escape(t.label)} | {n} |" for t, n in summary.by_timing)))
    if summary.remarks:
        blocks.append(_Block("## General remarks on the whole document\n",
                             tuple(_remark(r) for r in summary.remarks)))
    for section in summary.sections:
        blocks.extend(_section(section))
    if summary.stale:
        blocks.append(_Block("## Inputs to rebase\n\nThese inputs change text that the current version has "
                             "since deleted or rewritten:\n",
                             tuple(f"- {_ref(n)}: {escape(r)}" for n, r in summary.stale)))
    if summary.invalid:
        blocks.append(_Block(f"## Invalid inputs ({len(summary.invalid)}), not included above\n",
                             tuple(f"- {_ref(i.input)} {escape(i.delegation, 120)}: {escape(i.title, 200)}; "
                                   f"{escape(i.timing.label)}. " + "; ".join(escape(p, 300)
                                                                                     for p in i.problems[:5])
                                   for i in summary.invalid)))
    if summary.notes:
        blocks.append(_Block("## Notes\n", tuple(f"- {escape(n, 2000)}" for n in summary.notes)))
    return blocks


def _header(summary: Summary, stamp: bool) -> str:
    lines = [f"# Consolidation summary: {escape(summary.title, 500)}"]
    if summary.window_title:
        closes = f", closes {escape(summary.closes)}" if summary.closes else ", deadline to be announced"
        lines.append(f"**Window:** {escape(summary.window_title, 300)}{closes}.")
    if summary.frozen_at:
        lines.append(f"**Frozen** at {escape(summary.frozen_at)}: the on-time version of every input is kept; "
                     "later changes are shown as late.")
    updated = f"; updated {escape(summary.generated)}" if stamp else ""
    lines.append(f"**{summary.total} input(s)**, {len(summary.invalid)} invalid. Base text at "
                 f"{code(summary.base)}{updated}.")
    if summary.compilation:
        lines.append(f"**Compilation text:** {summary.compilation}")
    return "\n\n".join(lines) + "\n"


def _ref(name: str) -> str:
    return f"#{name[3:]}" if name.startswith("pr-") and name[3:].isdigit() else code(name)


def _cell(items: Sequence[str]) -> str:
    return "<br>".join(code(i) for i in items) or "—"


def _section(section: SectionSummary) -> list[_Block]:
    head = (f"## {escape(section.title, 200)} ({code(section.id)})\n\n"
            "| Input | Delegation | Amends | Inserts | Deletes | Timing | Justification |\n"
            "|---|---|---|---|---|---|---|")
    blocks = [_Block(head, tuple(_row(e) for e in section.entries))]
    if section.overlaps:
        blocks.append(_Block("**Overlapping proposals** (the same paragraph changed by several inputs):\n",
                             tuple(f"- {code(o.paragraph)}: {', '.join(_ref(i) for i in o.inputs)} "
                                   f"({o.proposals} different proposal{'s' if o.proposals != 1 else ''})"
                                   for o in section.overlaps)))
    if section.cosponsored:
        blocks.append(_Block("**Co-sponsored** (identical proposals from several delegations):\n",
                             tuple(_cosponsored(c) for c in section.cosponsored)))
    if section.remarks:
        blocks.append(_Block("**General remarks** (no text change):\n", tuple(_remark(r) for r in section.remarks)))
    return blocks


def _remark(remark: GeneralRemark) -> str:
    return (f"- {_ref(remark.input)} {escape(remark.delegation, 300)} ({escape(remark.timing.label)}): "
            f"“{escape(remark.text, 2000)}”")


def _row(entry: Entry) -> str:
    amends = [*entry.amends, *(f"moves {m}" for m in entry.moves)]
    timing = escape(entry.timing.label)
    if entry.received:
        timing += f" ({escape(entry.received, 80)})"
    if entry.later:
        timing += f"; {escape(entry.later, 200)}"
    remarks = f"**{escape(entry.title, 200)}**" + (f": {escape(entry.justification, 600)}"
                                                   if entry.justification else "")
    if entry.stale:
        remarks += f" ⚠ needs rebase: {escape(entry.stale, 200)}"
    # An author outside the registry is named "login (unregistered)" or "(unverified)": no category to add.
    who = escape(entry.delegation, 120)
    if entry.category not in OUTSIDE_REGISTRY:
        who += f" ({escape(category_label(entry.category), 60)})"
    elif not entry.verified:
        who = f"⚠ {who}"
    if entry.proposed:
        who += f"; proposed co-sponsors, not confirmed: {escape(', '.join(entry.proposed), 200)}"
    return (f"| {_ref(entry.input)} | {who} | {_cell(amends)} | "
            f"{_cell(entry.inserts)} | {_cell(entry.deletes)} | {timing} | {remarks} |")


def _cosponsored(group: CoSponsored) -> str:
    target = "new paragraph" if group.kind == "insert" else code(group.target)
    who = ", ".join(f"{_ref(i)} ({escape(d, 120)})" for i, d in zip(group.inputs, group.delegations, strict=True))
    quoted = f": {escape(group.text, 600)}" if group.text else ""
    return f"- {escape(_KIND.get(group.kind, group.kind))} {target} by {who}{quoted}"


# Terminal ---------------------------------------------------------------------------------------------------


def renderables(summary: Summary) -> list[RenderableType]:
    """Rich tables for a terminal: counts, then one table per section, then invalid inputs and notes."""
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = [_plain(f"Consolidation summary: {summary.title}", "bold")]
    window = f"{summary.window_title}, closes {summary.closes or 'to be announced'}" if summary.window_title \
        else "no window"
    out.append(Text(f"{window}{'; frozen ' + summary.frozen_at if summary.frozen_at else ''}"))
    out.append(Text(f"{summary.total} input(s), {len(summary.invalid)} invalid; base {summary.base}; "
                    f"as of {summary.generated}", style="dim"))
    counts = Table(title="Inputs", title_justify="left")
    counts.add_column("by category")
    counts.add_column("inputs", justify="right")
    counts.add_column("by timing")
    counts.add_column("inputs", justify="right")
    timings = [(Text(t.label, style=_STYLE.get(t, "")), str(n)) for t, n in summary.by_timing]
    categories = [(Text(category_label(c)), str(n)) for c, n in summary.by_category]
    for row in range(max(len(timings), len(categories))):
        category = categories[row] if row < len(categories) else (Text(""), "")
        timing = timings[row] if row < len(timings) else (Text(""), "")
        counts.add_row(*category, *timing)
    out.append(counts)
    out.extend(_plain(f"general remark on the whole document, {r.input} ({r.delegation}, {r.timing.label}): "
                      f"{r.text}") for r in summary.remarks)
    out.extend(_section_table(s) for s in summary.sections)
    if summary.stale:
        out.append(_plain("Inputs to rebase: " + "; ".join(f"{n} ({r})" for n, r in summary.stale), "yellow"))
    if summary.invalid:
        table = Table(title="Invalid inputs (not included above)", title_justify="left")
        for column in ("input", "delegation", "problems"):
            table.add_column(column)
        for item in summary.invalid:
            table.add_row(_plain(item.input), _plain(item.delegation), _plain("\n".join(item.problems[:5])))
        out.append(table)
    out.extend(_plain(f"note: {n}", "dim") for n in summary.notes)
    return out


def _section_table(section: SectionSummary) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"{section.title} ({section.id})"), title_justify="left", show_lines=False)
    for column in ("input", "delegation", "amends", "inserts", "deletes", "timing", "justification"):
        table.add_column(column, overflow="fold")
    for e in section.entries:
        timing = Text(e.timing.label, style=_STYLE.get(e.timing, ""))
        if e.later:
            timing.append("\n+ later change (late)", style="red")
        remarks = e.title + (f": {e.justification[:200]}" if e.justification else "")
        # Text, never str: a PR's words must not be read as rich markup.
        table.add_row(_plain(e.input), _plain(e.delegation),
                      _plain("\n".join([*e.amends, *(f"moves {m}" for m in e.moves)])),
                      _plain("\n".join(e.inserts)), _plain("\n".join(e.deletes)), timing, _plain(remarks))
    lines: list[RenderableType] = [table]
    for o in section.overlaps:
        lines.append(Text(f"  overlap on {o.paragraph}: {', '.join(o.inputs)} ({o.proposals} proposals)",
                          style="yellow"))
    for c in section.cosponsored:
        lines.append(_plain(f"  co-sponsored {c.kind} {c.target}: {', '.join(c.delegations)}", "cyan"))
    for r in section.remarks:
        lines.append(_plain(f"  general remark, {r.input} ({r.delegation}, {r.timing.label}): {r.text}"))
    return Group(*lines)


def _plain(text: str, style: str = "") -> Text:
    """Untrusted text for the terminal: never markup, and no control characters."""
    # Control characters (ESC above all) that rich lets through to the terminal; PR text must not carry them.
    from rich.text import Text

    return Text(printable(text), style=style)
