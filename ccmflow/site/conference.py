"""The conference-room page of each document: every paragraph coloured by its status, with a legend and the
status written out beside it (never colour alone), brackets marked in the text and counted per section, and the
last revision issued with its date and time. Statuses are as recorded by the site's moment (refs/ccmflow/status).
"""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct

from ccmflow.conference.attribution import Credited, introduced
from ccmflow.conference.counts import DocumentState, state
from ccmflow.consolidation.trace import authored
from ccmflow.core.agreement import ParagraphStatus, StatusBook
from ccmflow.core.brackets import segments
from ccmflow.core.model import Document, revision_number
from ccmflow.repo.statusref import read_status
from ccmflow.repo.store import Store
from ccmflow.site.data import SiteData
from ccmflow.site.html import h
from ccmflow.write.render import display_number
from ccmflow.write.words import date_and_time, long_date


class Room(Struct, frozen=True):
    """A document as the conference-room page shows it: its text, negotiation state and latest revision."""

    document: Document
    state: DocumentState
    revision: str | None  # 'Rev.2 (CCM/CONF/2020/WP.1/Rev.2), as at 25 November 2020, 18:00'
    credits: dict[str, tuple[Credited, ...]]  # brackets an input introduced, per paragraph


def room_path(doc: str) -> str:
    return f"conference/{doc}.html"


def rooms(store: Store, site: SiteData) -> tuple[Room, ...]:
    """A room per circulated document, with the statuses recorded by the site's moment."""
    found = []
    for data in site.documents:
        if not data.circulated:
            continue
        doc = data.document
        book = read_status(store, doc.id)
        book = StatusBook(doc.id, tuple(e for e in book.entries if e.at <= site.at))
        earlier = [v.document for v in data.versions if v.document.version != doc.version]
        behind = authored(store, site.workspace, doc, base=site.rev, now=site.at)
        found.append(Room(doc, state(doc, book), last_revision(doc),
                          introduced(doc, earlier[-1] if earlier else None, behind)))
    return tuple(found)


def last_revision(doc: Document) -> str | None:
    """The latest revision issued at the conference, else the version the text is at, with its date (and time)."""
    revisions = sorted((n, v) for v in doc.issued if (n := revision_number(v)) is not None)
    version = revisions[-1][1] if revisions else doc.version
    day, at = doc.issued_at(version), doc.issued_time(version)
    if day is None:
        return None
    when = date_and_time(day, at) if at else long_date(day)
    symbol = doc.symbol_at(version)
    name = f"Rev.{revisions[-1][0]}" if revisions else version.replace("-", " ")
    return f"{name}{f' ({symbol})' if symbol else ''}, as at {when}"


def _legend() -> str:
    items = "".join(f'<li><span class="swatch st-{h(s.value)}" aria-hidden="true"></span>{h(s.label)}</li>'
                    for s in ParagraphStatus)
    return f'<ul class="legend" aria-label="Paragraph status">{items}</ul>'


def _text(text: str) -> str:
    return "".join(f'<mark class="bracket">{h(part)}</mark>' if inside else h(part) for part, inside in segments(text))


def room_page(room: Room) -> str:
    doc, found = room.document, room.state
    out = [f"<h1>Conference room: {h(doc.short_title())}</h1>"]
    out.append(f'<p class="lede">Last revision: <strong>{h(room.revision or "none issued")}</strong>. '
               f'{found.brackets} bracket{"" if found.brackets == 1 else "s"} in the text.</p>')
    out.append(_legend())
    rows = "".join(f'<tr><th scope="row"><a href="#s-{h(s.id)}">{h(s.title)}</a></th><td>{s.brackets}</td>'
                   + "".join(f"<td>{s.by_status()[st.value]}</td>" for st in ParagraphStatus) + "</tr>"
                   for s in found.sections)
    heads = "".join(f'<th scope="col">{h(st.label)}</th>' for st in ParagraphStatus)
    out.append('<div class="scroll" tabindex="0"><table class="brackets">'
               "<caption>Brackets and paragraph statuses per section</caption>"
               f'<thead><tr><th scope="col">Section</th><th scope="col">Brackets</th>{heads}</tr></thead>'
               f"<tbody>{rows}</tbody></table></div>")
    texts = {p.id: p.text for _, p in doc.walk()}
    for section in found.sections:
        out.append(f'<section aria-labelledby="s-{h(section.id)}"><h2 id="s-{h(section.id)}">{h(section.title)} '
                   f'<span class="count">({section.brackets} bracket{"" if section.brackets == 1 else "s"})'
                   "</span></h2>")
        for p in section.paragraphs:
            who = ""
            if p.entry is not None:
                recorded = "" if p.entry.status is p.status else f"recorded {p.entry.status.label} "
                who = f" · {h(recorded)}by {h(p.entry.by_login)}, {h(_when(p.entry.at))}"
            credit = "".join(f'<p class="credit">Brackets introduced by the input of {h(c.by)}: '
                             f'<mark class="bracket">{h(c.text)}</mark></p>' for c in room.credits.get(p.id, ()))
            out.append(f'<div class="para room st-{h(p.status.value)}" id="{h(p.id)}" '
                       f'data-status="{h(p.status.value)}"><div class="num">{h(display_number(p.number))}</div>'
                       f'<div class="body"><p class="status-label"><strong>{h(p.status.label)}</strong>{who}'
                       f' <span class="pid">¶ {h(p.id)}</span></p>'
                       f'<p class="text">{_text(texts[p.id])}</p>{credit}</div></div>')
        out.append("</section>")
    return "\n".join(out)


def _when(at: datetime) -> str:
    return at.strftime("%d %b %Y %H:%M UTC")
