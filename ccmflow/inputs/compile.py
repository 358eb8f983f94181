"""The compilation text: under each paragraph every proposed alternative, attributed, beside the clean base text."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from msgspec import Struct

from ccmflow.compare.diff import ChangeKind, Redline, redline
from ccmflow.compare.redline import runs_html
from ccmflow.core.escape import escape
from ccmflow.core.model import Paragraph
from ccmflow.core.status import Verdict, format_instant
from ccmflow.inputs.collect import Input, Inputs
from ccmflow.write.render import CSS, bracketed_html, display_number

_MARK = {Verdict.LATE: Verdict.LATE.label, Verdict.LATE_ACCEPTED: Verdict.LATE_ACCEPTED.label,
         Verdict.UNKNOWN: "unverified"}
_FIELD_NAMES = {"kind": "paragraph type", "indicators": "indicators", "baseline": "baseline", "target": "target",
                "responsible": "responsible", "timeframe": "timeframe", "references": "references"}


class Alternative(Struct, frozen=True):
    """One distinct proposed text, with everyone who proposed it."""

    sponsors: tuple[str, ...]  # "Austria", "Kenya (late)"
    inputs: tuple[str, ...]
    paragraph: Paragraph
    fields: tuple[str, ...]  # fields that differ from the base paragraph (all, for a new paragraph)
    redline: Redline


class Row(Struct, frozen=True):
    """A paragraph of the base text with the proposals on it, or (clean None) a proposed new paragraph."""

    id: str
    number: str
    clean: Paragraph | None
    alternatives: tuple[Alternative, ...] = ()
    deletion: tuple[str, ...] = ()
    moves: tuple[tuple[str, str], ...] = ()  # (sponsor, where to)
    reasons: tuple[tuple[str, str], ...] = ()  # (sponsor, justification) of every proposal on the row


class CompiledSection(Struct, frozen=True):
    """A section of a compilation: each paragraph with the proposals on it, and general remarks."""

    id: str
    title: str
    rows: tuple[Row, ...]
    remarks: tuple[tuple[str, str], ...] = ()  # general remarks on the section: (sponsors, text)


class Compilation(Struct, frozen=True):
    """A compilation text: every proposal on a document attributed under the paragraph it concerns."""

    document: str
    title: str
    window: str | None
    generated: str
    base: str
    inputs: int
    sections: tuple[CompiledSection, ...]
    remarks: tuple[tuple[str, str], ...] = ()  # general remarks on the whole document: (sponsors, text)


def compile_inputs(collected: Inputs) -> Compilation:
    """Every valid input's proposals placed under the base text's paragraphs (invalid inputs are left out)."""
    document = collected.document
    valid = collected.valid
    amend: dict[str, list[tuple[Input, Paragraph]]] = {}
    delete: dict[str, list[Input]] = {}
    move: dict[str, list[tuple[Input, str]]] = {}
    insert: dict[tuple[str, str | None], list[tuple[Input, Paragraph]]] = {}
    numbers = document.numbers()
    for item in valid:
        for change in item.diff.changes if item.diff else ():
            if change.change == ChangeKind.REMOVED:
                delete.setdefault(change.id, []).append(item)
            elif change.change == ChangeKind.ADDED and change.new is not None:
                anchor = item.examined.anchor(change.id)
                key = (anchor.section, anchor.after) if anchor else (change.section, None)
                insert.setdefault(key, []).append((item, change.new))
            else:
                if change.change == ChangeKind.MODIFIED and change.new is not None:
                    amend.setdefault(change.id, []).append((item, change.new))
                if change.moved:
                    anchor = item.examined.anchor(change.id)
                    after = anchor.after if anchor else None
                    where = f"to {change.section}" + (f", after {numbers.get(after) or after}" if after else
                                                     ", at its start")
                    move.setdefault(change.id, []).append((item, where))
    sections: list[CompiledSection] = []
    seen = {s.id for s in document.sections}
    for section in document.sections:
        rows = [*_inserted(insert.get((section.id, None), ()))]
        for paragraph in section.paragraphs:
            pid = paragraph.id
            touching = [*(i for i, _ in amend.get(pid, ())), *delete.get(pid, ()), *(i for i, _ in move.get(pid, ()))]
            rows.append(Row(pid, numbers.get(pid, ""), paragraph, _alternatives(paragraph, amend.get(pid, ())),
                            _sponsors(delete.get(pid, ())),
                            tuple((_sponsor(i), where) for i, where in move.get(pid, ())),
                            _reasons(touching, pid)))
            rows.extend(_inserted(insert.get((section.id, pid), ())))
        sections.append(CompiledSection(section.id, section.title, tuple(rows), _remarks(valid, section.id)))
    for sid, _ in insert:
        if sid not in seen:
            seen.add(sid)
            extra = [r for (s, _), items in insert.items() if s == sid for r in _inserted(items)]
            sections.append(CompiledSection(sid, f"New section proposed: {sid}", tuple(extra)))
    zone = collected.workspace.process.conference.timezone
    window = collected.window.title if collected.window else None
    return Compilation(document.id, document.title, window, format_instant(collected.now, zone),
                       collected.base[:10], len(valid), tuple(sections), _remarks(valid, None))


def _remarks(inputs: Iterable[Input], section: str | None) -> tuple[tuple[str, str], ...]:
    """General remarks on one section (None: the whole document), attributed as the proposals are."""
    return tuple((_sponsor(i), r.text) for i in inputs for r in i.record.remarks if r.section == section)


def _reasons(items: Iterable[Input], pid: str) -> tuple[tuple[str, str], ...]:
    """Why each input proposes what it does to paragraph `pid`: its own words for that paragraph, else the
    justification of the whole input (from its record)."""
    found: dict[tuple[str, str], None] = {}
    for item in items:
        said = next((c.justification for c in item.record.changes if pid in c.paragraphs and c.justification),
                    item.record.justification)
        if said:
            found[(_sponsor(item), said)] = None
    return tuple(found)


def _sponsor(item: Input) -> str:
    mark = _MARK.get(item.timing)
    if not item.verified and item.timing is Verdict.UNKNOWN:
        mark = None  # the name says "(unverified)" already
    return f"{item.who} ({mark})" if mark else item.who


def sponsors_text(sponsors: Iterable[str]) -> str:
    """Several inputs' sponsors apart from each other ('Austria; Chile, Mexico'): a joint input's delegations are
    joined by commas, so the inputs are joined by semicolons."""
    return "; ".join(sponsors)


def _sponsors(items: Iterable[Input]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_sponsor(i) for i in items))


def _group(found: Iterable[tuple[Input, Paragraph]]) -> list[tuple[list[Input], Paragraph]]:
    groups: dict[tuple[object, ...], tuple[list[Input], Paragraph]] = {}
    for item, paragraph in found:
        key = tuple(paragraph.content().values())
        groups.setdefault(key, ([], paragraph))[0].append(item)
    return list(groups.values())


def _alternatives(base: Paragraph, found: Sequence[tuple[Input, Paragraph]]) -> tuple[Alternative, ...]:
    out: list[Alternative] = []
    for items, paragraph in _group(found):
        old, new = base.content(), paragraph.content()
        fields = tuple(k for k in new if old[k] != new[k])
        out.append(Alternative(_sponsors(items), tuple(i.name for i in items), paragraph, fields,
                            redline(base.text, paragraph.text)))
    return tuple(out)


def _inserted(found: Iterable[tuple[Input, Paragraph]]) -> list[Row]:
    return [Row(paragraph.id, "new", None, (Alternative(_sponsors(items), tuple(i.name for i in items), paragraph,
                                                     tuple(paragraph.content()), ()),),
                reasons=_reasons(items, paragraph.id))
            for items, paragraph in _group(found)]


# Markdown ---------------------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text from a proposal, inert in a Markdown table cell: one line, whole (the compilation shows all of it)."""
    return escape(" ".join(text.split()), None)


def _details(proposal: Alternative, new: bool) -> list[tuple[str, str]]:
    """(field name, value) for the fields a proposal sets besides its text; for a new paragraph, those it fills."""
    p = proposal.paragraph
    return [(_FIELD_NAMES.get(f, f), _value(getattr(p, f))) for f in proposal.fields
            if f != "text" and (not new or (getattr(p, f) and f != "kind"))]


def _details_md(proposal: Alternative, new: bool) -> str:
    shown = [f"{name}: {_md(value)}" for name, value in _details(proposal, new)]
    return f" ({'; '.join(shown)})" if shown else ""


def _value(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value) or "none"
    return "none" if value is None else str(value)


def _cell_md(row: Row) -> str:
    if row.clean is None:
        proposal = row.alternatives[0]
        return (f"[New paragraph proposed by {_md(sponsors_text(proposal.sponsors))}: "
                f"{_md(proposal.paragraph.text)}{_details_md(proposal, True)}]")
    parts = [_md(row.clean.text)]
    for n, alt in enumerate(row.alternatives, 1):
        text = _md(alt.paragraph.text) if "text" in alt.fields else "text unchanged"
        parts.append(f"[Alt {n} ({_md(sponsors_text(alt.sponsors))}): {text}{_details_md(alt, False)}]")
    if row.deletion:
        parts.append(f"[Deletion proposed by {_md(sponsors_text(row.deletion))}]")
    parts += [f"[Move proposed by {_md(who)}: {_md(where)}]" for who, where in row.moves]
    parts += [f"*Justification ({_md(who)}):* {_md(why)}" for who, why in row.reasons]
    return "<br><br>".join(parts)


def drew_input(row: Row) -> bool:
    """Whether anyone proposed anything on this row (a new paragraph always counts)."""
    return row.clean is None or bool(row.alternatives or row.deletion or row.moves)


def shown_sections(compiled: Compilation, only_changed: bool) -> list[tuple[CompiledSection, tuple[Row, ...]]]:
    """The sections and rows to print: all of them, or (only_changed) the rows that drew input."""
    found = [(s, tuple(r for r in s.rows if not only_changed or drew_input(r))) for s in compiled.sections]
    return [(s, rows) for s, rows in found if rows or s.remarks]


def footer_line(compiled: Compilation) -> str:
    """What the compilation was made from: a reference for the record, not a heading for readers."""
    return f"Base text at revision {compiled.base}; compiled {compiled.generated}."


def render_markdown(compiled: Compilation, only_changed: bool = False) -> str:
    lines = [f"# Compilation text: {_md(compiled.title)}", ""]
    if compiled.window:
        lines.append(f"*{_md(compiled.window)}*. ")
    lines += [f"{compiled.inputs} valid input(s). Each paragraph of the base text once, with every proposal on it "
              "underneath, attributed; identical proposals are grouped."
              + (" Only the paragraphs that drew input are shown." if only_changed else ""), ""]
    if compiled.remarks:
        lines += ["## General remarks on the whole document", "", *_remarks_md(compiled.remarks), ""]
    for section, rows in shown_sections(compiled, only_changed):
        lines += [f"## {_md(section.title)}", ""]
        if rows:
            lines += ["| No. | Text and proposals |", "|---|---|"]
        for row in rows:
            number = display_number(row.number) if row.number else ""
            lines.append(f"| {_md(number)} | {_cell_md(row)} |")
        if section.remarks:
            lines += ["", "**General remarks**", "", *_remarks_md(section.remarks)]
        lines.append("")
    lines += ["---", "", f"<sub>{_md(footer_line(compiled))}</sub>", ""]
    return "\n".join(lines)


def _remarks_md(remarks: Iterable[tuple[str, str]]) -> list[str]:
    return [f"- {_md(who)}: “{_md(text)}”" for who, text in remarks]


# HTML -------------------------------------------------------------------------------------------------------

_HTML_CSS = CSS.replace("max-width: 46em", "max-width: 80em") + """
table.compilation { border-collapse: collapse; width: 100%; }
.compilation th, .compilation td { border-top: 1px solid #ccc; padding: .5em; vertical-align: top; text-align: left; }
.compilation td.num { width: 4em; }
.compilation thead { display: table-header-group; }
.compilation tr { break-inside: avoid; }
footer.revision { margin-top: 2em; font-size: .8em; color: #555; border-top: 1px solid #ccc; }
@media print { footer.revision { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; } }
.alt, .deletion, .move, .new, .justification { margin: .5em 0 0; }
.justification { color: #333; font-size: .95em; }
.sponsors { font-style: italic; }
del { color: #a00; } ins { color: #060; }
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _details_html(proposal: Alternative, new: bool) -> str:
    return "".join(f'<div class="detail">{_h(name)}: {_h(value)}</div>' for name, value in _details(proposal, new))


def _cell_html(row: Row) -> str:
    if row.clean is None:
        alt = row.alternatives[0]
        return (f'<div class="new">[New paragraph proposed by <span class="sponsors">'
                f'{_h(sponsors_text(alt.sponsors))}</span>: <ins>{_h(alt.paragraph.text)}</ins>'
                f"{_details_html(alt, True)}]</div>")
    parts = [f"<div>{bracketed_html(row.clean.text)}</div>"]  # the paragraph's own brackets marked
    for n, alt in enumerate(row.alternatives, 1):
        text = runs_html(alt.redline) if "text" in alt.fields else "<em>text unchanged</em>"
        parts.append(f'<div class="alt">[<b>Alt {n}</b> (<span class="sponsors">{_h(sponsors_text(alt.sponsors))}'
                     f"</span>): {text}{_details_html(alt, False)}]</div>")
    if row.deletion:
        parts.append(f'<div class="deletion">[Deletion proposed by <span class="sponsors">'
                     f'{_h(sponsors_text(row.deletion))}</span>]</div>')
    parts += [f'<div class="move">[Move proposed by <span class="sponsors">{_h(who)}</span>: {_h(where)}]</div>'
              for who, where in row.moves]
    parts += [f'<div class="justification">Justification (<span class="sponsors">{_h(who)}</span>): {_h(why)}'
              "</div>" for who, why in row.reasons]
    return "".join(parts)


def _remarks_html(remarks: Iterable[tuple[str, str]]) -> str:
    items = "".join(f'<li><span class="sponsors">{_h(who)}</span>: “{_h(text)}”</li>' for who, text in remarks)
    return f'<ul class="remarks">{items}</ul>'


def render_html(compiled: Compilation, only_changed: bool = False) -> str:
    body = [f"<h1>Compilation text: {_h(compiled.title)}</h1>",
            f'<p class="meta">{_h(compiled.window or "")} · {compiled.inputs} valid input(s)'
            + (" · only the paragraphs that drew input" if only_changed else "") + "</p>"]
    if compiled.remarks:
        body += ["<h2>General remarks on the whole document</h2>", _remarks_html(compiled.remarks)]
    for section, rows in shown_sections(compiled, only_changed):
        body += [f"<h2>{_h(section.title)}</h2>", '<table class="compilation">',
                 "<thead><tr><th>No.</th><th>Text and proposals</th></tr></thead>", "<tbody>"]
        for row in rows:
            number = _h(display_number(row.number)) if row.number else ""
            body.append(f'<tr id="{_h(row.id)}"><td class="num">{number}</td>'
                        f'<td class="compiled">{_cell_html(row)}</td></tr>')
        body += ["</tbody>", "</table>"]
        if section.remarks:
            body += ["<h3>General remarks</h3>", _remarks_html(section.remarks)]
    body.append(f'<footer class="revision">{_h(footer_line(compiled))}</footer>')
    return "\n".join(["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
                      '<meta name="viewport" content="width=device-width, initial-scale=1">',
                      f"<title>Compilation text: {_h(compiled.title)}</title>", f"<style>\n{_HTML_CSS}\n</style>",
                      "</head>", "<body>", *body, "</body>", "</html>", ""])
