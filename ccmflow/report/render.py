"""The final report as Markdown and as one self-contained HTML page (right to left in Arabic)."""

from __future__ import annotations

from ccmflow.core.languages import language
from ccmflow.report.content import ReportText
from ccmflow.site.html import h
from ccmflow.write.render import CSS, html_open, html_sections, markdown_sections, md_literal


def markdown(report: ReportText) -> str:
    w = report.w
    out = [md_literal(report.symbol), "", f"*{md_literal(report.conference)}*", "", f"# {md_literal(report.title)}",
           "", f"## {md_literal(w('report-opening-heading'))}", "", md_literal(report.opening), "",
           f"## {md_literal(w('report-participation'))}", "", md_literal(w("report-participation-intro")), ""]
    for heading, names in report.participation:
        out += [f"**{md_literal(heading)}**: " + "; ".join(md_literal(n) for n in names), ""]
    out += [f"## {md_literal(w('report-documents'))}", "",
            f"| {md_literal(w('report-symbol'))} | {md_literal(w('report-document'))} | "
            f"{md_literal(w('report-issued'))} |", "|---|---|---|"]
    out += [f"| {md_literal(d.symbol or w('report-no-symbol'))} | {md_literal(d.title)} | {md_literal(d.issued)} |"
            for d in report.documents]
    out += ["", f"## {md_literal(w('report-adoption'))}", "", *[f"{md_literal(a)}\n" for a in report.adoptions],
            f"## {md_literal(w('report-positions'))}", ""]
    out += [f"**{md_literal(p.kind)}**, {md_literal(p.by)} ({md_literal(p.document)}, {md_literal(p.paragraphs)}): "
            f"{md_literal(p.text)}\n" for p in report.positions] or [md_literal(w("report-none")), ""]
    for annex in report.annexes:
        out += [f"## {md_literal(w('report-annex').format(annex=annex.number))}: "
                f"{md_literal(annex.document.title)}", "",
                *markdown_sections(annex.document, report.lang, annex.states, level=3)]
    return "\n".join(out).rstrip("\n") + "\n"


def html(report: ReportText) -> str:
    w = report.w
    body = [f'<header class="docheader"><p class="conference process">{h(report.conference)}</p>'
            f'<div class="symbolblock"><p class="symbol" dir="auto">{h(report.symbol)}</p></div>'
            f"<h1>{h(report.title)}</h1></header>", "<main>",
            f"<h2>{h(w('report-opening-heading'))}</h2>", f"<p>{h(report.opening)}</p>",
            f"<h2>{h(w('report-participation'))}</h2>", f"<p>{h(w('report-participation-intro'))}</p>"]
    body += [f"<p><strong>{h(heading)}</strong>: {h('; '.join(names))}</p>" for heading, names in report.participation]
    rows = "".join(f"<tr><td dir=\"auto\">{h(d.symbol or w('report-no-symbol'))}</td><td>{h(d.title)}</td>"
                   f"<td>{h(d.issued)}</td></tr>" for d in report.documents)
    body += [f"<h2>{h(w('report-documents'))}</h2>",
             f"<table><thead><tr><th>{h(w('report-symbol'))}</th><th>{h(w('report-document'))}</th>"
             f"<th>{h(w('report-issued'))}</th></tr></thead><tbody>{rows}</tbody></table>",
             f"<h2>{h(w('report-adoption'))}</h2>", *[f"<p>{h(a)}</p>" for a in report.adoptions],
             f"<h2>{h(w('report-positions'))}</h2>"]
    body += [f'<p class="position"><strong>{h(p.kind)}</strong>, {h(p.by)} ({h(p.document)}, {h(p.paragraphs)}): '
             f"{h(p.text)}</p>" for p in report.positions] or [f"<p>{h(w('report-none'))}</p>"]
    for annex in report.annexes:
        body += [f'<section class="annex" id="annex-{annex.number}">',
                 f"<h2>{h(w('report-annex').format(annex=annex.number))}: {h(annex.document.title)}</h2>",
                 *html_sections(annex.document, report.lang, annex.states), "</section>"]
    title = f"{report.title} ({report.symbol})"
    page = [*html_open(title, report.lang, CSS + "\ntable { border-collapse: collapse; }\n"
                       "td, th { border: 1px solid #bbb; padding: .2em .5em; text-align: start; }"), *body,
            "</main>", "</body>", "</html>", ""]
    assert language(report.lang)  # an unknown language never reaches the page
    return "\n".join(page)
