"""The home page: where the process stands, the next deadline, the timeline, meetings and documents."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from ccmflow.core.model import Milestone, Process
from ccmflow.core.status import Phase, WindowPhase, format_delta, format_instant, opens_when, phase
from ccmflow.site.data import SiteData
from ccmflow.site.html import h, json_script
from ccmflow.site.languages import document_path

_STATE = {WindowPhase.OPEN: "open", WindowPhase.CLOSED: "closed", WindowPhase.UPCOMING: "not yet open"}


def home(site: SiteData) -> str:
    process = site.workspace.process
    conference = process.conference
    current = phase(process, site.at)
    titles = {d.document.id: d.document.title for d in site.documents}
    dates = f"{conference.start.day} to {conference.end.day} {conference.end:%B %Y}" \
        if conference.start != conference.end else f"{conference.start.day} {conference.start:%B %Y}"
    return "\n".join([
        f"<h1>{h(conference.name)}</h1>",
        f'<p class="lede">{h(conference.venue)}, {h(dates)}. Conference time is {h(conference.timezone)}.</p>',
        f'<p class="phase">Where the process stands as of {h(format_instant(site.at, conference.timezone))}: '
        f"<strong>{h(current.label)}</strong>.</p>",
        _countdown(site),
        _documents(site),
        _windows(process, site.at, titles),
        _timeline(process, current, titles),
        _meetings(process, titles),
    ])


def _deadlines(process: Process) -> list[dict[str, str]]:
    """Every announced deadline in closing order, in UTC, for the page's script."""
    closing = sorted(((w.closes, w) for w in process.windows if w.closes is not None), key=lambda c: c[0])
    return [{"id": w.id, "title": w.title, "document": w.document, "closes": closes.astimezone(UTC).isoformat()}
            for closes, w in closing]


def _countdown(site: SiteData) -> str:
    """The next deadline as of the build, which the page's script keeps current in the visitor's clock."""
    process = site.workspace.process
    zone = process.conference.timezone
    upcoming = [w for w in process.windows if w.closes is not None and w.closes > site.at]
    if upcoming:
        window = min(upcoming, key=lambda w: w.closes or site.at)
        assert window.closes is not None
        static = (f'<p class="next-title">{h(window.title)}</p>'
                  f'<p>Closes <span class="when-conf">{h(format_instant(window.closes, zone))}</span>, '
                  f'in <span class="left">{h(format_delta(window.closes - site.at))}</span>.</p>')
    else:
        static = '<p class="next-title">No deadline is coming: every announced window has closed.</p>'
    return (f'<section class="countdown" aria-labelledby="next-h" id="countdown" data-zone="{h(zone)}" '
            f'data-built="{h(site.at.astimezone(UTC).isoformat())}">'
            f'<h2 id="next-h">Next deadline</h2><div class="next" aria-live="polite">{static}</div>'
            f"{json_script('deadlines', _deadlines(process))}</section>")


def _documents(site: SiteData) -> str:
    process = site.workspace.process
    cards = []
    for data in site.documents:
        doc = data.document
        symbol = f'<p class="symbol">{h(doc.symbol_at())}</p>' if doc.symbol_at() and data.circulated else ""
        paragraphs = sum(1 for _ in doc.walk())
        stage = (f"{h(process.version_name(doc.version))} · {h(doc.status.capitalize())} · {paragraphs} paragraphs"
                 if data.circulated else '<span class="notyet">Not circulated yet</span>')
        cards.append(
            f'<li class="card"><h3><a href="{h(document_path(doc.id))}">{h(doc.title)}</a></h3>{symbol}'
            f"<p>{stage}</p>"
            f'<p class="links"><a href="inputs/{h(doc.id)}.html">Inputs</a> · '
            f'<a href="versions/{h(doc.id)}.html">Versions</a> · <a href="trace/{h(doc.id)}.html">Trace</a></p></li>')
    return ('<section aria-labelledby="docs-h"><h2 id="docs-h">Documents</h2>'
            f'<ul class="cards">{"".join(cards)}</ul></section>')


def _windows(process: Process, at: datetime, titles: Mapping[str, str]) -> str:
    zone = process.conference.timezone
    rows = []
    for state in phase(process, at).windows:
        window = state.window
        opens = opens_when(window, zone, at)  # as known then: an issue still to come is not known yet
        closes = format_instant(window.closes, zone) if window.closes else "to be announced"
        name = titles.get(window.document, window.document)
        rows.append(f'<tr class="w-{h(state.state.replace(" ", "-"))}"><th scope="row">{h(window.title)}</th>'
                    f'<td><a href="{h(document_path(window.document))}">{h(name)}</a></td>'
                    f"<td>{h(opens)}</td><td>{h(closes)}</td><td>{h(_STATE.get(state.state, state.state))}</td></tr>")
    return ('<section aria-labelledby="windows-h"><h2 id="windows-h">Input windows</h2>'
            '<div class="scroll"><table><caption>Deadlines in conference time, with UTC</caption>'
            '<thead><tr><th scope="col">Window</th><th scope="col">Document</th><th scope="col">Opens</th>'
            '<th scope="col">Closes</th><th scope="col">State</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></section>')


def _day_bounds(milestone: Milestone, zone: str) -> tuple[str, str]:
    """The first and last instant the milestone can fall in (conference time), for the script to mark it."""
    first, last = milestone.bounds()
    tz = ZoneInfo(zone)
    start = datetime.combine(first, time(0, 0), tz).astimezone(UTC)
    end = datetime.combine(last, time(23, 59, 59), tz).astimezone(UTC)
    return start.isoformat(), end.isoformat()


def _timeline(process: Process, current: Phase, titles: Mapping[str, str]) -> str:
    next_id = current.next.id if current.next else None
    items = []
    for milestone in process.milestones:
        start, end = _day_bounds(milestone, process.conference.timezone)
        approximate = milestone.approximate is not None
        when = f"{milestone.approximate}" if milestone.approximate else milestone.when()
        badge = '<span class="approx">approximate</span>' if approximate else ""
        mark = "today" if milestone in current.today else "next" if milestone.id == next_id else ""
        marker = f'<span class="marker">{mark}</span>' if mark else ""
        about = milestone.document
        document = f' · <a href="{h(document_path(about))}">{h(titles.get(about, about))}</a>' if about else ""
        # The page's script marks "today" only on a milestone known to the day, never on an approximate one.
        exact = "" if approximate else ' data-exact=""'
        items.append(f'<li class="m-{h(milestone.kind)}{" " + mark if mark else ""}"{exact} '
                     f'data-start="{h(start)}" data-end="{h(end)}"><span class="when">{h(when)} {badge}</span>'
                     f'<span class="what">{h(milestone.title)}{marker}</span>'
                     f'<span class="kind">{h(milestone.kind)}{document}</span>{_about(process, milestone, titles)}'
                     "</li>")
    return ('<section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>'
            '<p class="note">Dates the concept note gives only as part of a month are shown as approximate.</p>'
            f'<ol class="timeline">{"".join(items)}</ol></section>')


def _stages(process: Process, milestone: Milestone, titles: Mapping[str, str]) -> str:
    """The documents a milestone discusses or circulates, each linked and named with its stage."""
    return ", ".join(f'<a href="{h(document_path(s.document))}">{h(process.stage_name(s, titles))}</a>'
                     for s in milestone.documents)


def _about(process: Process, milestone: Milestone, titles: Mapping[str, str]) -> str:
    purpose = f"<span>{h(milestone.purpose)}</span>" if milestone.purpose else ""
    stages = f"<span>Documents: {_stages(process, milestone, titles)}</span>" if milestone.documents else ""
    return f'<span class="about">{purpose}{stages}</span>' if purpose or stages else ""


def _meetings(process: Process, titles: Mapping[str, str]) -> str:
    meetings = [m for m in process.milestones if m.kind in ("meeting", "conference")]
    if not meetings:
        return ""
    items = []
    for meeting in meetings:
        purpose = f'<p class="purpose">{h(meeting.purpose)}</p>' if meeting.purpose else ""
        if meeting.documents:
            listed = _stages(process, meeting, titles)
        else:
            # Without a list, a meeting is about the document it names; the conference adopts them all.
            documents = [meeting.document] if meeting.document else list(titles) if meeting.kind == "conference" \
                else []
            listed = ", ".join(f'<a href="{h(document_path(d))}">{h(titles.get(d, d))}</a>' for d in documents)
        items.append(f"<li><h3>{h(meeting.title)}</h3><p>{h(meeting.when())}</p>{purpose}"
                     + (f"<p>Documents: {listed}</p>" if listed else "") + "</li>")
    return (f'<section aria-labelledby="meetings-h"><h2 id="meetings-h">Meetings</h2>'
            f'<ul class="meetings">{"".join(items)}</ul></section>')
