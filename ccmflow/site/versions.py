"""Version pages: a document's history, and each version with its redline and the register of its window."""

from __future__ import annotations

from ccmflow.compare.diff import DocumentDiff, diff_documents
from ccmflow.compare.redline import paragraphs_html
from ccmflow.consolidation.dispositions import Register
from ccmflow.core.model import Registry, Window
from ccmflow.core.record import names_of
from ccmflow.core.status import Verdict
from ccmflow.site.data import DocumentData, SiteData, VersionPoint
from ccmflow.site.html import h


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


def redline(diff: DocumentDiff, point: VersionPoint) -> str:
    """The version in full with what changed marked; deleted paragraphs stay where they were."""
    return "\n".join(paragraphs_html(diff, point.document, heading="h3"))


def _register(window: Window, register: Register, doc: str, registry: Registry) -> str:
    rows = []
    for d in register.inputs:
        paragraphs = ", ".join(f'<a href="../../documents/{h(doc)}.html#{h(p)}">{h(p)}</a>' for p in d.paragraphs)
        who = ", ".join(names_of(registry, [d.stakeholder, *d.joint] if d.stakeholder else d.joint))
        if d.proposed:
            who += f" (proposed co-sponsors, not confirmed: {', '.join(names_of(registry, d.proposed))})"
        timing = Verdict(d.timing).label if d.timing in set(Verdict) else d.timing
        rows.append(f'<tr><th scope="row">{h(d.input)}</th><td>{h(who)}</td><td>{h(d.title)}</td>'
                    f'<td>{h(timing)}</td><td>{h(d.outcome.label.lower())}</td><td>{h(d.reason)}</td>'
                    f'<td>{paragraphs or "—"}</td></tr>')
    return ('<section aria-labelledby="register-h"><h2 id="register-h">What became of each input</h2>'
            f'<p class="meta">Disposition register of the window “{h(window.title)}” '
            f"(documents/dispositions/{h(window.id)}.yaml).</p>"
            '<div class="scroll"><table><thead><tr><th scope="col">Input</th><th scope="col">Delegation</th>'
            '<th scope="col">Title</th><th scope="col">Timing</th><th scope="col">Outcome</th>'
            '<th scope="col">Reason</th>'
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
    register = _register(found[0], found[1], doc.id, site.workspace.registry) if found else ""
    return "\n".join([
        f"<h1>{h(point.name)}: {h(doc.title)}</h1>",
        f'<p class="meta"><code>{h(point.rev)}</code> · <a href="../{h(doc.id)}.html">all versions</a></p>',
        register,
        f'<section aria-labelledby="text-h"><h2 id="text-h">Text</h2><p class="note">{what}</p>{text}</section>'])
