"""How input reaches the Presidency outside GitHub, in words: one wording of process.yaml's contacts and channels
for every place that tells a delegate (the issue form's description, the site's "How to send input" page)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ccmflow.core.model import Channel, Contact, Process


def contact_text(contact: Contact) -> str:
    """'CCM Implementation Support Unit (ISU), info@cmconvention.org'."""
    return f"{contact.name}, {contact.address}"


def recipients(channel: Channel) -> str:
    """'e-mail to: the ISU, info@...; copy to: the Presidency team, ccm2rc@...'."""
    copy = f"; copy to: {_and(contact_text(c) for c in channel.copy)}" if channel.copy else ""
    return f"e-mail to: {contact_text(channel.to)}{copy}"


def scope(channel: Channel, process: Process, titles: Mapping[str, str]) -> str:
    """What the channel is limited to, in words: its documents and the window it comes before ('' for none)."""
    parts = []
    if channel.documents and titles:
        parts.append("for " + _and(titles.get(d, d) for d in channel.documents))
    window = process.window(channel.until) if channel.until else None
    if window is not None:
        parts.append(f"until {window.title} opens")
    return "; ".join(parts)


def channel_line(channel: Channel, process: Process, titles: Mapping[str, str] | None = None) -> str:
    """One channel as a sentence a delegate reads: what, to whom, with a copy to whom, and what to know."""
    limits = scope(channel, process, titles or {})
    line = f"{channel.title}{f' ({limits})' if limits else ''}: {recipients(channel)}."
    return " ".join(f"{line} {channel.note or ''}".split())


def _and(items: Iterable[str]) -> str:
    names = list(items)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def form_lines(process: Process | None) -> list[str]:
    """The issue form's words on e-mail, one Markdown bullet per channel (none when the timeline names none)."""
    if process is None or not process.channels:
        return ["If you cannot use this form, ask the Implementation Support Unit how to send your input by e-mail."]
    return ["If you cannot use this form, send your input by e-mail:",
            *(f"- {channel_line(c, process)}" for c in process.channels)]
