"""Version pages: a document's history, and each version with its redline and the register of its window."""

from __future__ import annotations

from ccmflow.compare.diff import DocumentDiff, ParagraphChange, Redline, diff_documents
from ccmflow.consolidation.dispositions import Register
from ccmflow.core.model import Window
from ccmflow.site.data import DocumentData, SiteData, VersionPoint
from ccmflow.site.html import h
from ccmflow.write.render import display_number


def version_path(doc: str, version: str) -> str:
    return f"versions/{doc}/{version}.html"


def history(site: SiteData, data: DocumentData) -> str:
    doc = data.document
    items = []
    previous: VersionPoint | None = None
    for point in data.versions:
        changed = ""
        if previous is not None:
            diff = diff_documents(previous.document, point.document)
            changed = f" · {len(diff.changes)} paragraph(s) changed since {h(previous.name)}"
        register = data.register_for(point.version)
        inputs = f" · {len(register[1].inputs)} input(s) with a disposition" if register else ""
        where = "tag " if point.tagged else "revision "
        items.append(f'<li><h2><a href="{h(doc.id)}/{h(point.slug)}.html">{h(point.name)}</a></h2>'
                     f'<p class="meta">{h(where)}<code>{h(point.rev)}</code> · {h(point.document.status)}'
                     f"{changed}{inputs}</p></li>")
        previous = point
    return "\n".join([f"<h1>Versions: {h(doc.title)}</h1>",
                      '<p class="lede">From the zero draft to the final text. Each version shows what changed since '
                      "the one before (deletions struck through, insertions underlined) and what became of every "
                      "input of the window that produced it.</p>",
                      f'<ol class="versions">{"".join(items)}</ol>'])


def _runs(runs: Redline) -> str:
    marks = {"-": "del", "+": "ins"}
    return "".join(f"<{marks[op]}>{h(text)}</{marks[op]}>" if op in marks else h(text) for op, text in runs)


def _text(change: ParagraphChange | None, text: str) -> str:
    if change is None:
        return h(text)
    if change.redline:
        return _runs(change.redline)
    if change.change == "added":
        return f"<ins>{h(text)}</ins>"
    if change.change == "removed":
        return f"<del>{h(text)}</del>"
    return h(text)


def _note(change: ParagraphChange | None) -> str:
    if change is None:
        return ""
    what = {"added": "new paragraph", "removed": "deleted"}.get(change.change, "changed")
    if change.moved:
        what = "moved"
    extra = [f for f in change.fields if f != "text"]
    if extra:
        what += "; changed: " + ", ".join(extra)
    if change.old_number and change.new_number and change.old_number != change.new_number:
        what += f"; was {display_number(change.old_number)}"
    return f'<p class="change">{h(what)}</p>'


def redline(diff: DocumentDiff, point: VersionPoint) -> str:
    """The version in full with what changed marked; deleted paragraphs stay where they were."""
    new = point.document
    changes = {c.id: c for c in diff.changes}
    numbers = new.numbers()
    removed: dict[str, list[ParagraphChange]] = {}
    for change in diff.of("removed"):
        removed.setdefault(change.section, []).append(change)
    out = []
    for section in new.sections:
        out.append(f"<h3>{h(section.title)}</h3>")
        for paragraph in section.paragraphs:
            found = changes.get(paragraph.id)
            out.append(f'<div class="para{" changed" if found else ""}" id="{h(paragraph.id)}"><div class="num">'
                       f'{h(display_number(numbers.get(paragraph.id, "")))}</div><div class="body">'
                       f'<p class="text">{_text(found, paragraph.text)}</p>{_note(found)}</div></div>')
        for gone in removed.pop(section.id, []):
            text = gone.old.text if gone.old else ""
            out.append(f'<div class="para changed"><div class="num">({h(gone.old_number or "")})</div>'
                       f'<div class="body"><p class="text">{_text(gone, text)}</p>{_note(gone)}</div></div>')
    return "\n".join(out)


def _register(window: Window, register: Register, doc: str) -> str:
    rows = []
    for d in register.inputs:
        paragraphs = ", ".join(f'<a href="../../documents/{h(doc)}.html#{h(p)}">{h(p)}</a>' for p in d.paragraphs)
        rows.append(f'<tr><th scope="row">{h(d.input)}</th><td>{h(d.stakeholder or "")}</td><td>{h(d.title)}</td>'
                    f'<td>{h(d.outcome.label.lower())}</td><td>{h(d.reason)}</td>'
                    f'<td>{paragraphs or "—"}</td></tr>')
    return ('<section aria-labelledby="register-h"><h2 id="register-h">What became of each input</h2>'
            f'<p class="meta">Disposition register of the window “{h(window.title)}” '
            f"(documents/dispositions/{h(window.id)}.yaml).</p>"
            '<div class="scroll"><table><thead><tr><th scope="col">Input</th><th scope="col">Delegation</th>'
            '<th scope="col">Title</th><th scope="col">Outcome</th><th scope="col">Reason</th>'
            f'<th scope="col">Paragraphs</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')


def version_page(site: SiteData, data: DocumentData, index: int) -> str:
    point = data.versions[index]
    doc = data.document
    previous = data.versions[index - 1] if index else None
    diff = diff_documents(previous.document if previous else None, point.document)
    if previous is None:
        what = "The first version: there is nothing before it to compare with."
        text = redline(diff_documents(point.document, point.document), point)
    else:
        what = (f"Redline against {h(previous.name)}: {len(diff.changes)} paragraph(s) changed. Deletions are "
                "struck through, insertions underlined.")
        text = redline(diff, point)
    found = data.register_for(point.version)
    register = _register(found[0], found[1], doc.id) if found else ""
    return "\n".join([
        f"<h1>{h(point.name)}: {h(doc.title)}</h1>",
        f'<p class="meta"><code>{h(point.rev)}</code> · <a href="../{h(doc.id)}.html">all versions</a></p>',
        register,
        f'<section aria-labelledby="text-h"><h2 id="text-h">Text</h2><p class="note">{what}</p>{text}</section>'])
