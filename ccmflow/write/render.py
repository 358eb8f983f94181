"""The numbered document as Markdown, or as one self-contained HTML page readable on paper."""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Mapping

from msgspec import Struct

from ccmflow.core.brackets import segments
from ccmflow.core.languages import SERIF_FONTS, WORKING, language
from ccmflow.core.model import Conference, Document, Paragraph, Section, number_name
from ccmflow.core.translations import State
from ccmflow.write.header import Header, make_header
from ccmflow.write.words import word as label

# Fields an action carries besides its text, in the order a reader expects them.
DETAILS = (("indicators", "Indicators"), ("baseline", "Baseline"), ("target", "Target"),
           ("responsible", "Responsible"), ("timeframe", "Timeframe"))
_NOTE = {State.OUTDATED: "outdated", State.MISSING: "missing"}
_REFERENCE = re.compile(r"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)#([a-z0-9][a-z0-9-]{2,63})")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")

CSS = """
mark.bracket { background: #fff3b0; color: inherit; }
body { font-family: FONTS; line-height: 1.45; color: #111;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
header .process { font-variant: small-caps; letter-spacing: .03em; margin: 0; }
.docheader { display: grid; grid-template-columns: 1fr auto; column-gap: 2em; border-bottom: 2px solid #111;
             padding-bottom: .6em; margin-bottom: 1.2em; }
.docheader .conference { grid-column: 1; margin: 0; font-weight: bold; }
.docheader .symbolblock { grid-column: 2; grid-row: 1 / span 3; text-align: end; margin: 0; }
.docheader .symbolblock p { margin: 0; }
.docheader .symbol { font-weight: bold; font-size: 1.1em; }
.docheader .venue, .docheader .agenda { grid-column: 1; margin: .2em 0 0; }
.docheader .agenda { font-style: italic; }
.docheader h1, .docheader .submitted, .docheader .meta { grid-column: 1 / span 2; }
.submitted { font-style: italic; margin: 0 0 .4em; }
h1 { font-size: 1.55em; margin: .6em 0 .3em; }
.meta { color: #444; margin: 0 0 .4em; }
h2 { font-size: 1.2em; margin: 1.8em 0 .6em; border-bottom: 1px solid #bbb; break-after: avoid; }
.para { display: grid; grid-template-columns: 5.5em 1fr; column-gap: .6em; margin: .7em 0;
        break-inside: avoid; }
.para.unnumbered { display: block; text-indent: 2em; }
.num { font-weight: bold; text-align: end; }
.lang-note { font-size: .75em; color: #8a5a00; margin-inline-start: .5em; }
.text { white-space: pre-wrap; margin: 0; }
.pid { font: .7em ui-monospace, Menlo, Consolas, monospace; color: #777; text-decoration: none;
       margin-left: .5em; white-space: nowrap; }
.details, .refs { font-size: .92em; margin: .3em 0 0; }
.details { padding-left: 1.2em; }
.details ul { margin: 0; padding-left: 1.2em; }
.label { font-style: italic; }
@page { margin: 2cm; @bottom-center { content: counter(page); } }
@media print {
  body { max-width: none; margin: 0; }
  a { color: inherit; text-decoration: none; }
  .pid { display: none; }
}
""".strip().replace("FONTS", SERIF_FONTS)


class Reference(Struct, frozen=True):
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
    for key, name in DETAILS:
        value = getattr(paragraph, key)
        values: tuple[str, ...] = (value,) if isinstance(value, str) else tuple(value or ())
        if values:
            found.append((name, values))
    return found


def reference(ref: str, doc: Document, others: Mapping[str, Document] | None = None,
              lang: str = WORKING) -> Reference:
    """How a reference reads in the reader's version: 'paragraph 5 of the Lausanne Review Document', a section's
    title, or 'Action 3'; the raw reference only when its target is not known."""
    match = _REFERENCE.fullmatch(ref)
    if match is None:
        return Reference(ref, None, None)
    did, anchor = match.groups()
    source = doc if did == doc.id else (others or {}).get(did)
    found = ref
    if source is not None:
        index = _index(source)
        section = index.sections.get(anchor)
        found = _label(index, anchor, lang) if anchor in index.numbers else section.title if section else ref
        if source is not doc and found != ref:
            found = f"{found} {label(lang, 'of')} {source.short_title()}"
    return Reference(found, did, anchor)


class _Index(Struct, frozen=True):
    """A document's paragraph numbers and sections by id, computed once for all the references to it."""

    document: Document  # held, so that the id the index is filed under stays this document's
    numbers: dict[str, str]  # every paragraph's id ('' when unnumbered)
    sections: dict[str, Section]


_indexes: OrderedDict[int, _Index] = OrderedDict()


def _index(doc: Document) -> _Index:
    """The index of a document; a rendering resolves each reference in constant time, not by a walk."""
    hit = _indexes.get(id(doc))
    if hit is not None and hit.document is doc:
        _indexes.move_to_end(id(doc))
        return hit
    built = _Index(doc, doc.numbers(), {s.id: s for s in reversed(doc.sections)})  # the first of an id wins
    _indexes[id(doc)] = built
    if len(_indexes) > 16:  # the documents of one rendering: a few at a time
        _indexes.popitem(last=False)
    return built


def _label(index: _Index, pid: str, lang: str = WORKING) -> str:
    """'paragraph 12' or 'Action 3': a bare '12' would not say what it is."""
    name = number_name(index.numbers.get(pid, ""))
    return name.replace("paragraph", label(lang, "paragraph"), 1) if name.startswith("paragraph") else name


class Reader(Struct, frozen=True):
    """Who the rendering is for: the language, each paragraph's translation state, the other documents."""

    lang: str = WORKING
    states: Mapping[str, State] | None = None
    others: Mapping[str, Document] | None = None

    def note(self, pid: str) -> str | None:
        """'translation outdated' or 'not yet translated' under a paragraph, in the reader's language."""
        state = (self.states or {}).get(pid)
        return label(self.lang, _NOTE[state]) if self.lang != WORKING and state in _NOTE else None

    def detail(self, name: str) -> str:
        return label(self.lang, name.lower())


def _reader(lang: str, states: Mapping[str, State] | None, others: Mapping[str, Document] | None) -> Reader:
    return Reader(lang, states, others)


# --- Markdown ------------------------------------------------------------------------------------

def md_literal(text: str) -> str:
    """Inline Markdown showing `text` literally: no HTML, no emphasis, no links from the YAML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _md_text(text: str) -> str:
    """A paragraph's text on one Markdown line, its own line breaks and indentation kept."""
    def spaces(match: re.Match[str]) -> str:
        return "&nbsp;" * len(match.group())

    return "<br>".join(re.sub(r"^ +| {2,}", spaces, md_literal(line)) for line in text.split("\n"))


def _md_paragraph(doc: Document, paragraph: Paragraph, number: str, reader: Reader) -> list[str]:
    lead = f"**{md_literal(display_number(number))}** " if number else ""
    note = reader.note(paragraph.id)
    lines = [f'<a id="{html.escape(paragraph.id)}"></a>{lead}{_md_text(paragraph.text)}'
             + (f" *[{md_literal(note)}]*" if note else ""), ""]
    items = [f"- *{md_literal(reader.detail(label_))}:* " + "; ".join(md_literal(v) for v in values)
             for label_, values in details(paragraph)]
    links = [_md_link(reference(ref, doc, reader.others, reader.lang)) for ref in paragraph.references]
    if links:
        items.append(f"- *{md_literal(reader.detail('References'))}:* " + "; ".join(links))
    return [*lines, *items, ""] if items else lines


def _md_link(ref: Reference) -> str:
    if ref.document is None:
        return md_literal(ref.label)
    return f"[{md_literal(ref.label)}]({ref.document}.md#{ref.anchor})"


def _md_header(head: Header) -> list[str]:
    venue = f"  \n{md_literal(head.venue_dates)}" if head.venue_dates else ""
    out = [f"*{md_literal(head.conference)}*" + venue, ""] if head.conference else []
    block = head.symbol_block()
    if block:
        out += ["  \n".join(md_literal(x) for x in block), ""]
    if head.agenda_item:
        out += [f"*{md_literal(head.agenda_item)}*", ""]
    out += [f"# {md_literal(head.title)}", ""]
    if head.submitted_by:
        out += [f"*{md_literal(head.submitted_by)}*", ""]
    return [*out, md_literal(" · ".join(head.meta())), ""]


def render_markdown(doc: Document, process_title: str | None = None, version_name: str | None = None,
                    others: Mapping[str, Document] | None = None, *, conference: Conference | None = None,
                    lang: str = WORKING, states: Mapping[str, State] | None = None) -> str:
    """The document with its header and display numbers; `others` lets references to other documents show
    their numbers; `lang` and `states` say which language the texts are in and which are outdated or missing."""
    out = _md_header(make_header(doc, conference, version_name, lang, process_title))
    out += markdown_sections(doc, lang, states, others)
    return "\n".join(out).rstrip("\n") + "\n"


def markdown_sections(doc: Document, lang: str = WORKING, states: Mapping[str, State] | None = None,
                      others: Mapping[str, Document] | None = None, level: int = 2) -> list[str]:
    """The sections and numbered paragraphs as Markdown lines (a document's body, or a report's annex)."""
    reader = _reader(lang, states, others)
    numbers = doc.numbers()
    out: list[str] = []
    for section in doc.sections:
        out += [f"{'#' * level} {md_literal(section.title)}", ""]
        for paragraph in section.paragraphs:
            out += _md_paragraph(doc, paragraph, numbers[paragraph.id], reader)
    return out


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


def _html_paragraph(doc: Document, paragraph: Paragraph, number: str, reader: Reader) -> str:
    pid = _h(paragraph.id)
    note = reader.note(paragraph.id)
    # An untranslated paragraph shows the English: say so to the browser (lang, direction) and to the reader.
    shown_in = ' lang="en" dir="ltr"' if note and (reader.states or {}).get(paragraph.id) is State.MISSING else ""
    # The mark is in the reader's language, whatever the paragraph's.
    note_html = (f'<span class="lang-note" lang="{_h(reader.lang)}" dir="auto">[{_h(note)}]</span>'
                 if note else "")
    body = [f'<p class="text"{shown_in}>{bracketed_html(paragraph.text)}{note_html}'
            f'<a class="pid" href="#{pid}">{pid}</a></p>']
    items = [f'<li><span class="label">{_h(reader.detail(name))}:</span> {_html_values(values)}</li>'
             for name, values in details(paragraph)]
    if items:
        body.append('<ul class="details">' + "".join(items) + "</ul>")
    if paragraph.references:
        links = "; ".join(_html_link(reference(ref, doc, reader.others, reader.lang)) for ref in paragraph.references)
        body.append(f'<p class="refs"><span class="label">{_h(reader.detail("References"))}:</span> {links}</p>')
    if not number:
        return (f'<div class="para unnumbered {_h(paragraph.kind)}" id="{pid}">'
                f'<div class="body">{"".join(body)}</div></div>')
    return (f'<div class="para {_h(paragraph.kind)}" id="{pid}">'
            f'<div class="num">{_h(display_number(number))}</div>'
            f'<div class="body">{"".join(body)}</div></div>')


def bracketed_html(text: str) -> str:
    """The text escaped, each bracketed span (options and all) in a <mark class="bracket">."""
    return "".join(f'<mark class="bracket">{_h(part)}</mark>' if inside else _h(part)
                   for part, inside in segments(text))


def html_sections(doc: Document, lang: str = WORKING, states: Mapping[str, State] | None = None,
                  others: Mapping[str, Document] | None = None) -> list[str]:
    """The sections and numbered paragraphs as HTML (a document's body, or a report's annex)."""
    return _html_sections(doc, _reader(lang, states, others))


def _html_sections(doc: Document, reader: Reader) -> list[str]:
    numbers = doc.numbers()
    pids = {p.id for _, p in doc.walk()}
    out: list[str] = []
    for section in doc.sections:
        # Paragraph anchors win: a section id that is also a paragraph id gets none.
        anchor = "" if section.id in pids else f' id="{_h(section.id)}"'
        out += [f"<section{anchor}>", f"<h2>{_h(section.title)}</h2>"]
        out += [_html_paragraph(doc, p, numbers[p.id], reader) for p in section.paragraphs]
        out.append("</section>")
    return out


def html_header(head: Header) -> str:
    """The header block: conference, venue and dates, agenda item at left; symbol, date, original at right."""
    parts = ['<header class="docheader">']
    if head.conference:
        parts.append(f'<p class="conference process">{_h(head.conference)}</p>')
    block = head.symbol_block()
    if block:
        lines = "".join(f'<p class="{"symbol" if i == 0 and head.symbol else "line"}" dir="auto">{_h(x)}</p>'
                        for i, x in enumerate(block))
        parts.append(f'<div class="symbolblock">{lines}</div>')
    if head.venue_dates:
        parts.append(f'<p class="venue" dir="auto">{_h(head.venue_dates)}</p>')
    if head.agenda_item:
        parts.append(f'<p class="agenda">{_h(head.agenda_item)}</p>')
    parts.append(f"<h1>{_h(head.title)}</h1>")
    if head.submitted_by:
        parts.append(f'<p class="submitted">{_h(head.submitted_by)}</p>')
    parts.append(f'<p class="meta">{" · ".join(_h(x) for x in head.meta())}</p>')
    return "".join(parts) + "</header>"


def html_open(title: str, lang: str, css: str) -> list[str]:
    """The page's head: language and direction (Arabic reads right to left), inline style."""
    direction = "rtl" if language(lang).rtl else "ltr"
    return ["<!DOCTYPE html>", f'<html lang="{_h(lang)}" dir="{direction}">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_h(title)}</title>", f"<style>\n{css}\n</style>", "</head>", "<body>"]


def render_html(doc: Document, process_title: str | None = None, version_name: str | None = None,
                others: Mapping[str, Document] | None = None, *, conference: Conference | None = None,
                lang: str = WORKING, states: Mapping[str, State] | None = None) -> str:
    """One self-contained page: every string from the YAML is escaped, the style is inline."""
    head = make_header(doc, conference, version_name, lang, process_title)
    title = f"{doc.title} ({head.symbol})" if head.symbol else doc.title
    return "\n".join([*html_open(title, lang, CSS), html_header(head), "<main>",
                      *_html_sections(doc, _reader(lang, states, others)), "</main>", "</body>", "</html>", ""])
