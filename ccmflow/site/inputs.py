"""Input pages: per document and window, how many inputs, from whom, on time or late; the summary and compilation."""

from __future__ import annotations

from collections import Counter

from ccmflow.core.categories import category_label
from ccmflow.inputs.compile import render_html as compilation_html
from ccmflow.inputs.summary import Entry, Summary
from ccmflow.repo.inputref import FETCH_HINT
from ccmflow.site.charts import bar_chart
from ccmflow.site.data import DocumentData, SiteData, WindowInputs
from ccmflow.site.html import h

# HTML (a link to the page on sending input); nothing in it comes from the repository.
NONE_YET_HTML = ("Delegations send input by the form on GitHub, by e-mail or by a pull request (see "
                 '<a href="../send.html">How to send input</a>). Each input is recorded with the delegations it '
                 "speaks for and the time it was received; inputs appear here at the next build of this site.")


def compilation_path(doc: str, window: str) -> str:
    return f"inputs/{doc}.{window}.compilation.html"


def overview(site: SiteData) -> str:
    rows, bars = [], []
    for data in site.documents:
        total = sum(w.summary.total for w in data.inputs)
        bars.append((data.document.title, total))
        windows = ", ".join(h(w.window.title) for w in data.inputs) or "none yet"
        rows.append(f'<tr><th scope="row"><a href="{h(data.document.id)}.html">{h(data.document.title)}</a></th>'
                    f"<td>{total}</td><td>{windows}</td></tr>")
    chart = bar_chart("inputs-by-document", "Inputs per document", bars) if any(v for _, v in bars) else ""
    empty = "" if chart else f'<p class="empty">No inputs have been received yet. {NONE_YET_HTML}</p>'
    return "\n".join([
        "<h1>Inputs</h1>",
        '<p class="lede">Written input from States Parties, signatory and observer States, international '
        "organisations and civil society, per document.</p>", empty, chart,
        '<div class="scroll"><table><caption>Inputs per document</caption><thead><tr><th scope="col">Document</th>'
        f'<th scope="col">Inputs</th><th scope="col">Windows with input</th></tr></thead><tbody>{"".join(rows)}'
        "</tbody></table></div>"])


def document_inputs(site: SiteData, data: DocumentData) -> str:
    doc = data.document
    head = [f"<h1>Inputs: {h(doc.title)}</h1>",
            f'<p class="meta"><a href="../documents/{h(doc.id)}.html">current text</a> · '
            f'<a href="../versions/{h(doc.id)}.html">versions</a></p>']
    if not data.inputs:
        return "\n".join([*head, f'<p class="empty">No inputs on this document yet. {NONE_YET_HTML} Offline, '
                          f"the site reads them from the refs a maintainer fetches: <code>{h(FETCH_HINT)}</code>."
                          "</p>"])
    return "\n".join([*head, *(_window(doc.id, w, i) for i, w in enumerate(data.inputs))])


def _window(doc: str, found: WindowInputs, index: int) -> str:
    summary = found.summary
    ident = f"w{index}"
    closes = f"closes {h(summary.closes)}" if summary.closes else "deadline to be announced"
    frozen = f"; frozen {h(summary.frozen_at)}" if summary.frozen_at else ""
    sections = [(s.title, len(s.entries)) for s in summary.sections]
    return "\n".join([
        f'<section aria-labelledby="{ident}-h"><h2 id="{ident}-h">{h(found.window.title)}</h2>',
        f'<p class="meta">{closes}{frozen}; {summary.total} input(s), read against <code>{h(found.base)}</code> as '
        f"of {h(summary.generated)}. "
        f'<a href="{h(compilation_path(doc, found.window.id).removeprefix("inputs/"))}">Compilation text</a></p>',
        '<div class="charts">',
        bar_chart(f"{ident}-sections", "Inputs per section", sections),
        bar_chart(f"{ident}-categories", "Inputs by category of stakeholder",
                  [(category_label(c), n) for c, n in summary.by_category]),
        bar_chart(f"{ident}-timing", "Inputs on time and late", [(t.label, n) for t, n in summary.by_timing]),
        "</div>",
        _section_table(summary),
        _summary(summary, ident),
        "</section>"])


def _section_table(summary: Summary) -> str:
    categories = [c for c, _ in summary.by_category]
    timings = [t for t, _ in summary.by_timing]
    head = "".join(f'<th scope="col">{h(category_label(c))}</th>' for c in categories)
    head += "".join(f'<th scope="col">{h(t.label)}</th>' for t in timings)
    rows = []
    for section in summary.sections:
        by_category = Counter(e.category for e in section.entries)
        by_timing = Counter(e.timing for e in section.entries)
        cells = "".join(f"<td>{by_category[c]}</td>" for c in categories)
        cells += "".join(f"<td>{by_timing[t]}</td>" for t in timings)
        rows.append(f'<tr><th scope="row">{h(section.title)}</th><td>{len(section.entries)}</td>{cells}</tr>')
    return ('<div class="scroll"><table class="numbers"><caption>Inputs per section, by category and timing '
            '(an input touching several sections counts in each)</caption><thead><tr><th scope="col">Section</th>'
            f'<th scope="col">Inputs</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _entry(entry: Entry) -> str:
    changes = [("amends", entry.amends), ("inserts", entry.inserts), ("deletes", entry.deletes),
               ("moves", entry.moves), ("remarks on", entry.remarks)]
    what = "; ".join(f"{name} {', '.join(items)}" for name, items in changes if items)
    notes = [n for n in (entry.later, entry.stale) if n]
    if entry.proposed:
        notes.append(f"proposed co-sponsors, not confirmed: {', '.join(entry.proposed)}")
    return (f"<tr><th scope=\"row\">{h(entry.input)}</th><td>{h(entry.delegation)}<br><span class=\"small\">"
            f"{h(category_label(entry.category))}</span></td><td>{h(what)}</td>"
            f'<td class="t-{h(entry.timing)}">{h(entry.timing.label)}'
            f'{"<br><span class=small>" + h(entry.received) + "</span>" if entry.received else ""}</td>'
            f"<td>{h(entry.justification)}</td>"
            f'<td>{"<br>".join(h(n) for n in notes)}</td></tr>')


def _summary(summary: Summary, ident: str) -> str:
    out = [f'<h3 id="{ident}-summary">Consolidation summary</h3>']
    for section in summary.sections:
        out.append(f"<h4>{h(section.title)}</h4>")
        out.append('<div class="scroll"><table><thead><tr><th scope="col">Input</th><th scope="col">Delegation</th>'
                   '<th scope="col">Changes</th><th scope="col">Timing</th>'
                   '<th scope="col">Justification</th><th scope="col">Notes</th></tr></thead>'
                   f'<tbody>{"".join(_entry(e) for e in section.entries)}</tbody></table></div>')
        out += [f"<p>Overlapping proposals on {h(o.paragraph)}: {h(', '.join(o.inputs))} "
                f"({o.proposals} different proposal(s)).</p>" for o in section.overlaps]
        out += [f"<p>Co-sponsored ({h(c.kind)} of {h(c.target)}): {h(', '.join(c.delegations))}.</p>"
                for c in section.cosponsored]
    if summary.invalid:
        items = "".join(f"<li>{h(i.input)} ({h(i.delegation)}): {h('; '.join(i.problems))}</li>"
                        for i in summary.invalid)
        out.append(f"<h4>Not valid (kept, left out of the sections)</h4><ul>{items}</ul>")
    if summary.notes:
        out.append(f'<h4>Notes</h4><ul>{"".join(f"<li>{h(n)}</li>" for n in summary.notes)}</ul>')
    return "\n".join(out)


def compilation_page(found: WindowInputs) -> str:
    """The compilation text as ccmflow compile renders it (its own escaping), inside the site's page."""
    text = compilation_html(found.compilation)
    body = text.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    return f'<div class="compilation-text">{body}</div>'
