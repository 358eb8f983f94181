"""The numbered document as Markdown, or as one self-contained HTML page readable on paper."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ccmflow.core.model import Document, Paragraph, number_name

# Fields an action carries besides its text, in the order a reader expects them.
DETAILS = (("indicators", "Indicators"), ("baseline", "Baseline"), ("target", "Target"),
           ("responsible", "Responsible"), ("timeframe", "Timeframe"))
_REFERENCE = re.compile(r"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)#([a-z0-9][a-z0-9-]{2,63})")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")

CSS = """
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; color: #111;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
header .process { font-variant: small-caps; letter-spacing: .03em; margin: 0; }
h1 { font-size: 1.55em; margin: .2em 0 .3em; }
.meta { color: #444; margin: 0 0 1.5em; }
h2 { font-size: 1.2em; margin: 1.8em 0 .6em; border-bottom: 1px solid #bbb; break-after: avoid; }
.para { display: grid; grid-template-columns: 5.5em 1fr; column-gap: .6em; margin: .7em 0;
        break-inside: avoid; }
.num { font-weight: bold; text-align: right; }
.text { white-space: pre-wrap; margin: 0; }
.pid { font: .7em ui-monospace, Menlo, Consolas, monospace; color: #777; text-decoration: none;
       margin-left: .5em; white-space: nowrap; }
.details, .refs { font-size: .92em; margin: .3em 0 0; }
.details { padding-left: 1.2em; }
.details ul { margin: 0; padding-left: 1.2em; }
.label { font-style: italic; }
@media print {
  body { max-width: none; margin: 0; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference as shown: its label and, when it is well formed, the document and anchor it points to."""

    label: str
    document: str | None
    anchor: str | None


def display_number(number: str) -> str:
    """'12' reads as '12.'; formats such as 'Action {n}' are shown as they are."""
    return f"{number}." if number.isdigit() else number


def details(paragraph: Paragraph) -> list[tuple[str, tuple[str, ...]]]:
    """The action fields that are set, as (label, values)."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for key, label in DETAILS:
        value = getattr(paragraph, key)
        values: tuple[str, ...] = (value,) if isinstance(value, str) else tuple(value or ())
        if values:
            found.append((label, values))
    return found


def reference(ref: str, doc: Document, others: Mapping[str, Document] | None = None) -> Reference:
    """How a reference reads: a paragraph's number or a section's title when the target is known."""
    match = _REFERENCE.fullmatch(ref)
    if match is None:
        return Reference(ref, None, None)
    did, anchor = match.groups()
    source = doc if did == doc.id else (others or {}).get(did)
    label = ref
    if source is not None:
        section = source.section(anchor)
        found = _label(source, anchor) if source.paragraph(anchor) else section.title if section else ref
        label = found if source is doc else f"{source.title}, {found}"
    return Reference(label, did, anchor)


def _label(doc: Document, pid: str) -> str:
    """'paragraph 12 (pid)' or 'Action 3 (pid)': a bare '12 (pid)' would not say what it is."""
    return f"{number_name(doc.numbers().get(pid, ''))} ({pid})"


def _version(doc: Document, version_name: str | None) -> str:
    return version_name or doc.version


# --- Markdown ------------------------------------------------------------------------------------

def _md(text: str) -> str:
    """Inline Markdown showing `text` literally: no HTML, no emphasis, no links from the YAML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _md_text(text: str) -> str:
    """A paragraph's text on one Markdown line, its own line breaks and indentation kept."""
    def spaces(match: re.Match[str]) -> str:
        return "&nbsp;" * len(match.group())

    return "<br>".join(re.sub(r"^ +| {2,}", spaces, _md(line)) for line in text.split("\n"))


def _md_paragraph(doc: Document, paragraph: Paragraph, number: str,
                  others: Mapping[str, Document] | None) -> list[str]:
    lead = f"**{_md(display_number(number))}** " if number else ""
    lines = [f'<a id="{html.escape(paragraph.id)}"></a>{lead}{_md_text(paragraph.text)} '
             f"<sub>{_md(paragraph.id)}</sub>", ""]
    items = [f"- *{label}:* " + "; ".join(_md(v) for v in values) for label, values in details(paragraph)]
    links = [_md_link(reference(ref, doc, others)) for ref in paragraph.references]
    if links:
        items.append("- *References:* " + "; ".join(links))
    return [*lines, *items, ""] if items else lines


def _md_link(ref: Reference) -> str:
    if ref.document is None:
        return _md(ref.label)
    return f"[{_md(ref.label)}]({ref.document}.md#{ref.anchor})"


def render_markdown(doc: Document, process_title: str | None = None, version_name: str | None = None,
                    others: Mapping[str, Document] | None = None) -> str:
    """The document with display numbers; `others` lets references to other documents show numbers."""
    out = [f"*{_md(process_title)}*", ""] if process_title else []
    out += [f"# {_md(doc.title)}", "", _md(" · ".join(_meta(doc, version_name))), ""]
    numbers = doc.numbers()
    for section in doc.sections:
        out += [f"## {_md(section.title)}", ""]
        for paragraph in section.paragraphs:
            out += _md_paragraph(doc, paragraph, numbers[paragraph.id], others)
    return "\n".join(out).rstrip("\n") + "\n"


def _meta(doc: Document, version_name: str | None) -> list[str]:
    symbol = [doc.symbol] if doc.symbol else []
    return [*symbol, f"Version: {_version(doc, version_name)}", f"Status: {doc.status.capitalize()}"]


# --- HTML ----------------------------------------------------------------------------------------

def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_values(values: tuple[str, ...]) -> str:
    if len(values) == 1:
        return _h(values[0])
    return "<ul>" + "".join(f"<li>{_h(v)}</li>" for v in values) + "</ul>"


def _html_link(ref: Reference) -> str:
    if ref.document is None:
        return _h(ref.label)
    return f'<a href="{_h(ref.document)}.html#{_h(ref.anchor or "")}">{_h(ref.label)}</a>'


def _html_paragraph(doc: Document, paragraph: Paragraph, number: str,
                    others: Mapping[str, Document] | None) -> str:
    pid = _h(paragraph.id)
    body = [f'<p class="text">{_h(paragraph.text)}<a class="pid" href="#{pid}">{pid}</a></p>']
    items = [f'<li><span class="label">{_h(label)}:</span> {_html_values(values)}</li>'
             for label, values in details(paragraph)]
    if items:
        body.append('<ul class="details">' + "".join(items) + "</ul>")
    if paragraph.references:
        links = "; ".join(_html_link(reference(ref, doc, others)) for ref in paragraph.references)
        body.append(f'<p class="refs"><span class="label">References:</span> {links}</p>')
    return (f'<div class="para {_h(paragraph.kind)}" id="{pid}">'
            f'<div class="num">{_h(display_number(number))}</div>'
            f'<div class="body">{"".join(body)}</div></div>')


def _html_sections(doc: Document, others: Mapping[str, Document] | None) -> list[str]:
    numbers = doc.numbers()
    pids = {p.id for _, p in doc.walk()}
    out: list[str] = []
    for section in doc.sections:
        # Paragraph anchors win: a section id that is also a paragraph id gets none.
        anchor = "" if section.id in pids else f' id="{_h(section.id)}"'
        out += [f"<section{anchor}>", f"<h2>{_h(section.title)}</h2>"]
        out += [_html_paragraph(doc, p, numbers[p.id], others) for p in section.paragraphs]
        out.append("</section>")
    return out


def render_html(doc: Document, process_title: str | None = None, version_name: str | None = None,
                others: Mapping[str, Document] | None = None) -> str:
    """One self-contained page: every string from the YAML is escaped, the style is inline."""
    title = f"{doc.title} ({doc.symbol})" if doc.symbol else doc.title
    process = f'<p class="process">{_h(process_title)}</p>' if process_title else ""
    meta = " · ".join(_h(part) for part in _meta(doc, version_name))
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title>", f"<style>\n{CSS}\n</style>", "</head>", "<body>",
        f'<header>{process}<h1>{_h(doc.title)}</h1><p class="meta">{meta}</p></header>',
        "<main>", *_html_sections(doc, others), "</main>", "</body>", "</html>", ""])
