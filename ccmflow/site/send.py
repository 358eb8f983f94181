"""The "How to send input" page: the windows open at the site's date, and the ways in (the form on GitHub, e-mail
to the addresses the timeline names, a pull request), built from process.yaml's contacts and channels."""

from __future__ import annotations

from ccmflow.core.model import Channel, Contact, Workspace
from ccmflow.core.roles import Role
from ccmflow.core.status import WindowPhase, format_instant, opening, phase
from ccmflow.site.data import SiteData
from ccmflow.site.html import h
from ccmflow.write.channels import scope

PATH = "send.html"


def send_page(site: SiteData) -> str:
    return "\n".join([
        "<h1>How to send input</h1>",
        '<p class="lede">Delegations send written proposals on the documents while a window is open. Every way in '
        "ends in the same place: one numbered input in the Presidency's summary, credited to the delegations it "
        "speaks for, with the time it was received.</p>",
        _windows(site),
        '<section aria-labelledby="form-h"><h2 id="form-h">1. The form on GitHub</h2>'
        "<p>On the repository's <strong>Issues</strong> page, choose <strong>New issue</strong>, then "
        "<strong>Propose input</strong>: the document, the kind of input, the paragraph by its number as in the "
        "circulated version (5, Action 12), the proposed text or remark, a justification and on whose behalf. "
        "Your input is received when you submit the form, at the time GitHub records.</p></section>",
        _email(site.workspace),
        '<section aria-labelledby="pr-h"><h2 id="pr-h">3. A pull request</h2><p>For those who know git: edit the '
        "document's file under <code>documents/</code> in a branch or a fork and open a pull request. It is "
        "received when GitHub records it.</p></section>",
    ])


def _windows(site: SiteData) -> str:
    zone = site.workspace.process.conference.timezone
    states = phase(site.workspace.process, site.at).windows
    open_now = [f"<li><strong>{h(s.window.title)}</strong>: closes "
                f"{h(format_instant(s.window.closes, zone) if s.window.closes else 'on a date to be announced')}"
                "</li>" for s in states if s.state == WindowPhase.OPEN]
    coming = [f"<li>{h(s.window.title)}: {h(opening(s.window, zone, site.at))}</li>"
              for s in states if s.state == WindowPhase.UPCOMING]
    shown = f"<ul>{''.join(open_now)}</ul>" if open_now else "<p>No input window is open.</p>"
    later = f"<p>Not open yet:</p><ul>{''.join(coming)}</ul>" if coming else ""
    return (f'<section aria-labelledby="open-h"><h2 id="open-h">Open for input as of '
            f"{h(format_instant(site.at, zone))}</h2>{shown}{later}"
            '<p class="note">Deadlines are in conference time, with UTC. What counts is when your input was '
            "received, never a date written on it.</p></section>")


def _address(contact: Contact) -> str:
    return (f'{h(contact.name)}, <a href="mailto:{h(contact.address)}">{h(contact.address)}</a>')


def _channel(channel: Channel, workspace: Workspace, titles: dict[str, str]) -> str:
    copy = "".join(f"<li>Copy to: {_address(c)}</li>" for c in channel.copy)
    limits = scope(channel, workspace.process, titles)
    note = f"<p>{h(channel.note)}</p>" if channel.note else ""
    return (f'<li class="channel" id="{h(channel.id)}"><h3>{h(channel.title)}</h3>'
            + (f'<p class="meta">{h(limits[:1].upper() + limits[1:])}</p>' if limits else "")
            + f"<ul><li>E-mail to: {_address(channel.to)}</li>{copy}</ul>{note}</li>")


def _email(workspace: Workspace) -> str:
    process = workspace.process
    head = '<section aria-labelledby="email-h"><h2 id="email-h">2. By e-mail</h2>'
    if not process.channels:
        return (f"{head}<p>Ask the Implementation Support Unit how to send your input by e-mail; it enters it for "
                "you.</p></section>")
    titles = {did: doc.short_title() for did, doc in workspace.documents.items()}
    items = "".join(_channel(c, workspace, titles) for c in process.channels)
    return (f"{head}<p>Give the same facts as the form: document, kind, paragraph number, proposed text, "
            f'justification and on whose behalf.</p><ul class="channels">{items}</ul>{_recorders(workspace)}'
            "</section>")


def _recorders(workspace: Workspace) -> str:
    """Who enters what it received by e-mail, with the time it received it (the record-input role)."""
    names = []
    for contact in workspace.process.contacts:
        stakeholder = workspace.registry.get(contact.stakeholder) if contact.stakeholder else None
        if stakeholder is not None and Role.RECORD_INPUT in stakeholder.roles:
            names.append(h(contact.name))
    if not names:
        return ""
    return (f"<p>{' and '.join(names)} enter what they receive as an input, with the time they received it: "
            "that time counts for the deadline, not the time it was entered.</p>")
