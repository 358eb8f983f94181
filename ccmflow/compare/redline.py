"""A redline between two versions of a document as one HTML page: deletions struck through, insertions underlined."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Mapping

from ccmflow.compare.diff import ChangeKind, DocumentDiff, ParagraphChange, Redline
from ccmflow.core.brackets import segments
from ccmflow.core.model import Document, paragraph_label
from ccmflow.write.render import CSS, display_number, md_literal

_CSS = CSS + """
.status-changed { outline: 2px solid #0b4f7c; }
.change.status { color: #0b4f7c; }
del { color: #a00; } ins { color: #060; }
.change { margin: .2em 0 0 0; font-size: .85em; color: #555; }
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _text(change: ParagraphChange | None, text: str) -> str:
    if change is None:  # unchanged: its brackets marked, as in every rendering of the text
        return "".join(f'<mark class="bracket">{_h(part)}</mark>' if inside else _h(part)
                       for part, inside in segments(text))
    if change.redline:
        return runs_html(change.redline)
    if change.change == ChangeKind.ADDED:
        return f"<ins>{_h(text)}</ins>"
    if change.change == ChangeKind.REMOVED:
        return f"<del>{_h(text)}</del>"
    return _h(text)


def _note(change: ParagraphChange | None, by: str | None = None) -> str:
    if change is None:
        return ""
    what = {ChangeKind.ADDED: "new paragraph", ChangeKind.REMOVED: "deleted"}.get(change.change, "")
    if change.moved:
        what = f"moved from {change.old_section}" if change.old_section != change.section else "moved"
    extra = [f for f in change.fields if f != "text"]
    if extra:
        what = ", ".join(filter(None, [what, "changed: " + ", ".join(extra)]))
    if change.old_number and change.new_number and change.old_number != change.new_number:
        what = ", ".join(filter(None, [what, f"was {change.old_number}"]))
    if by and change.change != ChangeKind.REMOVED:
        what = "; ".join(filter(None, [what, f"input from {by}"]))
    return f'<div class="change">{_h(what)}</div>' if what else ""


def paragraphs_html(diff: DocumentDiff, new: Document, *, heading: str = "h2",
                    authors: Mapping[str, str] | None = None,
                    statuses: Mapping[str, str] | None = None) -> list[str]:
    """`new` in full with what changed marked, section by section; deleted paragraphs stay where they were.

    `authors` names, per paragraph id, the delegations whose input a change came from; `statuses`, the paragraphs
    whose status changed between the two revisions ('agreed ad referendum → agreed'). Every text is escaped.
    """
    changes = {c.id: c for c in diff.changes}
    numbers = new.numbers()
    removed_by_section: dict[str, list[ParagraphChange]] = {}
    for change in diff.of(ChangeKind.REMOVED):
        removed_by_section.setdefault(change.section, []).append(change)
    out: list[str] = []
    for section in new.sections:
        out.append(f"<{heading}>{_h(section.title)}</{heading}>")
        for paragraph in section.paragraphs:
            found = changes.get(paragraph.id)
            status = (statuses or {}).get(paragraph.id)
            note = _note(found, (authors or {}).get(paragraph.id))
            if status:
                note += f'<div class="change status">status: {_h(status)}</div>'
            out.append(_para(paragraph.id, display_number(numbers.get(paragraph.id, "")),
                             _text(found, paragraph.text), note, found, status is not None))
        for gone in removed_by_section.pop(section.id, []):
            out.append(_para(None, f"({gone.old_number or ''})", _text(gone, gone.old.text if gone.old else ""),
                             _note(gone), gone))
    return out


def _para(pid: str | None, number: str, text: str, note: str, change: ParagraphChange | None,
          status_changed: bool = False) -> str:
    anchor = f' id="{_h(pid)}"' if pid else ""
    kind = ("para changed" if change is not None else "para") + (" status-changed" if status_changed else "")
    return (f'<div class="{kind}"{anchor}><div class="num">{_h(number)}</div>'
            f'<div class="body"><p class="text">{text}</p>{note}</div></div>')


def redline_html(diff: DocumentDiff, old: Document, new: Document, old_name: str, new_name: str,
                 authors: Mapping[str, str] | None = None, statuses: Mapping[str, str] | None = None) -> str:
    """The redline between two versions as one HTML page.

    `authors` names, per paragraph id, the delegations whose input a change came from; `statuses`, the
    paragraphs whose status changed in between."""
    moved = f"; the status of {len(statuses)} paragraph(s) changed" if statuses else ""
    body = [f"<h1>{_h(new.title)}</h1>", f'<p class="meta">Redline: {_h(old_name)} → {_h(new_name)}; '
            f"{len(diff.changes)} paragraph(s) changed{moved}</p>",
            *paragraphs_html(diff, new, authors=authors, statuses=statuses)]
    return "\n".join(["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
                      f"<title>Redline: {_h(new.title)}</title>", f"<style>\n{_CSS}\n</style>", "</head>",
                      "<body>", *body, "</body>", "</html>", ""])


def _is_word_char(char: str) -> bool:
    return bool(char) and not char.isspace() and not unicodedata.category(char).startswith(("P", "S"))


def _is_punct(char: str) -> bool:
    return bool(char) and unicodedata.category(char).startswith(("P", "S"))


def _groups(runs: Redline) -> list[tuple[str, str] | str]:
    """Kept text (a str) and changes ((deleted, inserted)), in order, Markdown-escaped."""
    out: list[tuple[str, str] | str] = []
    for op, chunk in runs:
        text = md_literal(chunk)
        last = out.pop() if out else None
        if op == "=":
            out += [last + text] if isinstance(last, str) else [*([last] if last else []), text]
            continue
        gone, new = last if isinstance(last, tuple) else ("", "")
        out += [last] if isinstance(last, str) else []
        out.append((gone + text, new) if op == "-" else (gone, new + text))
    return out


def _widen(groups: list[tuple[str, str] | str]) -> list[tuple[str, str] | str]:
    """Each change widened to whole words where a marker would stand between a letter and punctuation:
    CommonMark does not read `munitions**, and**` as bold, so it becomes `~~munitions~~**munitions, and**`."""
    out: list[tuple[str, str] | str] = []
    pending = list(groups)
    while pending:
        group = pending.pop(0)
        if isinstance(group, str):
            out.append(group)
            continue
        gone, new = group
        # Changes that touch were joined below, so what precedes a change is kept text (or nothing).
        before = out.pop() if out and isinstance(out[-1], str) else ""
        assert isinstance(before, str)
        first = gone if gone.strip() else new
        if not (gone and not gone.strip()) and _is_word_char(before[-1:]) and _is_punct(first[:1]):
            cut = max(before.rfind(" "), before.rfind("\n")) + 1
            before, word = before[:cut], before[cut:]
            gone, new = word + gone, word + new
        out.append(before)
        while pending:
            after = pending[0]
            if isinstance(after, tuple):  # a change that now touches this one: one change
                gone, new = gone + after[0], new + after[1]
                pending.pop(0)
                continue
            last = new if new.strip() else gone
            if not (_is_punct(last[-1:]) and _is_word_char(after[:1])):
                break
            ends = [at for at in (after.find(" "), after.find("\n")) if at >= 0]
            cut = min(ends) if ends else len(after)
            gone, new = gone + after[:cut], new + after[:cut]
            pending[0] = after[cut:]
            if pending[0]:
                break
            pending.pop(0)
        out.append((gone, new))
    return out


def _marked(text: str, marker: str) -> str:
    """`text` between markers, its leading and trailing spaces kept outside (`** and**` is no emphasis)."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core[0])
    return f"{text[:start]}{marker}{core}{marker}{text[start + len(core):]}"


def redline_markdown(runs: Redline) -> str:
    """A word redline in Markdown: deletions ~~struck~~, insertions **bold**, every marker placed where
    CommonMark and GitHub read it (spaces outside the markers, changes widened to whole words where needed)."""
    parts: list[str] = []
    for group in _widen(_groups(runs)):
        if isinstance(group, str):
            parts.append(group)
        else:
            parts.append(_marked(group[0], "~~") + _marked(group[1], "**"))
    return "".join(parts)


def runs_html(runs: Redline) -> str:
    """A redline for a page: <del> and <ins>, every piece of text escaped (it comes from pull requests)."""
    return "".join({"-": f"<del>{html.escape(c)}</del>", "+": f"<ins>{html.escape(c)}</ins>"}.get(op, html.escape(c))
                   for op, c in runs)


def change_heading(change: ParagraphChange) -> str:
    """One line saying what happened to a paragraph: added, removed, modified or moved, with numbers and id."""
    if change.change == ChangeKind.ADDED:
        return f"Added {paragraph_label(change.new_number or '', change.id)} in {change.section}"
    if change.change == ChangeKind.REMOVED:
        return f"Removed {paragraph_label(change.old_number or '', change.id)} from {change.section}"
    where = f", moved from {change.old_section}" if change.moved and change.old_section != change.section else (
        ", moved" if change.moved else "")
    renumbered = (f"{change.old_number or 'unnumbered'} → {change.new_number or 'unnumbered'}"
                  if change.old_number != change.new_number else change.new_number or "")
    verb = "Modified" if change.change == ChangeKind.MODIFIED else "Moved"
    extra = [f for f in change.fields if f != "text"]
    fields = f" [{', '.join(extra)}]" if extra else ""
    return f"{verb} {paragraph_label(renumbered, change.id)} in {change.section}{where}{fields}"


def diff_markdown(result: DocumentDiff, old: str, new: str, authors: Mapping[str, str] | None = None,
                  statuses: Mapping[str, str] | None = None) -> str:
    """The redline as Markdown; `authors` names, per paragraph id, the delegations whose input a change came from;
    `statuses` (paragraph label -> 'open → agreed'), the paragraphs whose status changed in between."""
    lines = [f"# {result.document}: {old} → {new}", ""]
    lines += [f"- {key}: {before} → {after}" for key, (before, after) in result.meta.items()]
    for change in result.changes:
        lines += ["", f"## {change_heading(change)}", ""]
        if authors and change.id in authors:
            lines += [f"*Proposed by {md_literal(authors[change.id])}*", ""]
        if change.redline:
            lines.append(redline_markdown(change.redline))
        elif change.new is not None and change.change == ChangeKind.ADDED:
            lines.append(_marked(md_literal(change.new.text), "**"))
        elif change.old is not None and change.change == ChangeKind.REMOVED:
            lines.append(_marked(md_literal(change.old.text), "~~"))
    if statuses:
        lines += ["", "## Status changed", ""]
        lines += [f"- {md_literal(label)}: {md_literal(change)}" for label, change in statuses.items()]
    return "\n".join(lines) + "\n"
