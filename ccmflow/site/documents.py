"""Document pages (the current text, each paragraph anchored by its id) and each document's trace page."""

from __future__ import annotations

from collections.abc import Mapping

from ccmflow.core.model import Document, Paragraph, number_name, paragraph_label
from ccmflow.core.translations import State
from ccmflow.site.data import DocumentData, SiteData
from ccmflow.site.html import h
from ccmflow.site.languages import LanguageVersion, document_path
from ccmflow.write.render import details, display_number, reference

# How a paragraph of a translation that is not (or no longer) its translation is marked, in English.
_STATE_NOTE = {State.MISSING: "not translated yet: the English text", State.OUTDATED: "translation outdated"}


def paragraph_html(doc: Document, paragraph: Paragraph, number: str, others: Mapping[str, Document],
                   trace_href: str | None, state: State | None = None) -> str:
    """One paragraph: its number, text, action details and references, a permanent link and a trace link. In a
    translation (`state`), English shown for want of a translation is marked and set lang="en" dir="ltr"; an
    outdated translation is marked as such."""
    pid = h(paragraph.id)
    name = number_name(number)
    shown_in = ' lang="en" dir="ltr"' if state is State.MISSING else ""
    note = (f' <span class="lang-note {h(state.value)}" lang="en" dir="ltr">[{h(_STATE_NOTE[state])}]</span>'
            if state in _STATE_NOTE else "")
    body = [f'<p class="text"{shown_in}>{h(paragraph.text)}{note}</p>']
    items = [f'<li><span class="label">{h(label)}:</span> {h("; ".join(values))}</li>'
             for label, values in details(paragraph)]
    if items:
        body.append(f'<ul class="details">{"".join(items)}</ul>')
    if paragraph.references:
        links = []
        for ref in paragraph.references:
            target = reference(ref, doc, others)
            links.append(h(target.label) if target.document is None else
                         f'<a href="{h(target.document)}.html#{h(target.anchor or "")}">{h(target.label)}</a>')
        body.append(f'<p class="refs"><span class="label">References:</span> {"; ".join(links)}</p>')
    label = h(paragraph_label(number, paragraph.id, prose=True))
    tools = [f'<a class="pid" href="#{pid}" aria-label="Link to {label}">¶ {pid}</a>']
    if trace_href is not None:
        tools.append(f'<a class="trace" href="{h(trace_href)}#{pid}" aria-label="Trace of {h(name)}: the inputs '
                     f'behind it">trace</a>')
    return (f'<div class="para k-{h(paragraph.kind)}" id="{pid}"><div class="num">{h(display_number(number))}</div>'
            f'<div class="body">{"".join(body)}<p class="tools" lang="en" dir="ltr">{" · ".join(tools)}</p>'
            f"</div></div>")


def sections_html(doc: Document, others: Mapping[str, Document], trace_href: str | None,
                  states: Mapping[str, State] | None = None) -> str:
    numbers = doc.numbers()
    pids = {p.id for _, p in doc.walk()}
    out = []
    for section in doc.sections:
        anchor = "" if section.id in pids else f' id="{h(section.id)}"'
        out.append(f'<section{anchor} aria-labelledby="s-{h(section.id)}"><h2 id="s-{h(section.id)}">'
                   f"{h(section.title)}</h2>")
        out += [paragraph_html(doc, p, numbers[p.id], others, trace_href, (states or {}).get(p.id))
                for p in section.paragraphs]
        out.append("</section>")
    return "\n".join(out)


def _languages(data: DocumentData, current: str) -> str:
    """The language list, shown only when a translation exists; outdated translations are marked."""
    if not data.translations:
        return ""
    entries = [("en", "English", "", False, 0)] + [(t.code, t.name, t.outdated_note, t.outdated, t.untranslated)
                                                    for t in data.translations]
    items = []
    for code, name, note, outdated, untranslated in entries:
        mark = f' <span class="outdated">outdated{": " + h(note) if note else ""}</span>' if outdated else ""
        if untranslated:
            mark += f' <span class="untranslated">{untranslated} not translated yet</span>'
        link = (f'<span aria-current="page">{h(name)}</span>' if code == current else
                f'<a href="{h(document_path(data.document.id, code).removeprefix("documents/"))}" '
                f'lang="{h(code)}" hreflang="{h(code)}">{h(name)}</a>')
        items.append(f"<li>{link}{mark}</li>")
    return f'<nav class="languages" aria-label="Languages" lang="en" dir="ltr"><ul>{"".join(items)}</ul></nav>'


def document_page(site: SiteData, data: DocumentData, translation: LanguageVersion | None = None) -> str:
    doc = translation.document if translation is not None else data.document
    others = {d.document.id: d.document for d in site.documents}
    process = site.workspace.process
    if not data.circulated:
        return _not_circulated(site, data)
    symbol = f"{doc.symbol_at()} · " if doc.symbol_at() else ""
    outdated = ""
    if translation is not None and translation.outdated:
        outdated = (f'<p class="warning" lang="en" dir="ltr">This translation is outdated: '
                    f'{h(translation.outdated_note or "the English text has changed since it was translated")}. '
                    f'The <a href="{h(data.document.id)}.html">English text</a> is the current one.</p>')
    if translation is not None and translation.untranslated:
        outdated += (f'<p class="note" lang="en" dir="ltr">{translation.untranslated} paragraph(s) are not '
                     "translated yet: they are shown in English, marked as such.</p>")
    return "\n".join([
        f'<p class="kicker" lang="en" dir="ltr">{h(process.conference.short_name or process.conference.name)}</p>',
        f"<h1>{h(doc.title)}</h1>",
        f'<p class="meta" lang="en" dir="ltr">{h(symbol)}{h(process.version_name(doc.version))} · '
        f'{h(doc.status.capitalize())} · <a href="../versions/{h(doc.id)}.html">all versions</a> · '
        f'<a href="../inputs/{h(doc.id)}.html">inputs</a> · <a href="../trace/{h(doc.id)}.html">trace</a></p>',
        _languages(data, translation.code if translation else "en"),
        outdated,
        '<p class="note" lang="en" dir="ltr">Each paragraph keeps its link (¶ and its id) when paragraphs are '
        "inserted or deleted: numbers change, ids do not.</p>",
        sections_html(doc, others, f"../trace/{doc.id}.html", translation.states if translation else None),
    ])


def _not_circulated(site: SiteData, data: DocumentData) -> str:
    """A document not issued yet at the site's date: its title and that it is not circulated, never its text."""
    from ccmflow.core.status import format_instant

    process = site.workspace.process
    first = next(iter(process.versions_of(data.document.id)), None)
    stage = f" Its first stage is the {process.version_name(first.id).lower()}." if first else ""
    return "\n".join([
        f'<p class="kicker">{h(process.conference.short_name or process.conference.name)}</p>',
        f"<h1>{h(data.document.title)}</h1>",
        f'<p class="warning">Not circulated yet as of {h(format_instant(site.at, process.conference.timezone))}: '
        f"no version of this document had been issued.{h(stage)}</p>",
    ])


def trace_page(site: SiteData, data: DocumentData) -> str:
    """The concordance: each paragraph's number in every version, and the inputs and delegations behind it."""
    doc = data.document
    heads = "".join(f'<th scope="col">{h(v.name)}</th>' for v in data.versions)
    rows = []
    for row in data.trace:
        numbers = "".join(f"<td>{h(display_number(n)) if n else ('—' if n is None else 'unnumbered')}</td>"
                          for n in row.numbers)
        current = data.document.paragraph(row.paragraph_id) is not None
        pid = h(row.paragraph_id)
        link = f'<a href="../documents/{h(doc.id)}.html#{pid}">{pid}</a>' if current else f"{pid} (deleted)"
        inputs = ", ".join(h(i) for i in row.inputs) or "—"
        people = ", ".join(h(p) for p in row.delegations) or "—"
        rows.append(f'<tr id="{pid}"><th scope="row">{link}</th>{numbers}<td>{inputs}</td><td>{people}</td></tr>')
    return "\n".join([
        f"<h1>Trace: {h(doc.title)}</h1>",
        '<p class="lede">Each paragraph by its permanent id: its number in every version, and the inputs that '
        "shaped it (the pull requests a consolidated version took it from) with their delegations.</p>",
        '<div class="scroll"><table class="trace"><caption>Concordance across versions</caption><thead><tr>'
        f'<th scope="col">Paragraph id</th>{heads}<th scope="col">Inputs</th><th scope="col">Delegations</th>'
        f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>',
    ])
