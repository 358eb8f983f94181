"""Where the process stands at an instant, and whether an input arrived in time: pure functions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

from msgspec import Struct

from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document, Milestone, Process, Window, covers


class Verdict(StrEnum):
    """Where an input stands against its window's deadline: one vocabulary for triage, summaries and registers."""

    ON_TIME = "on-time"
    EARLY = "early"  # before its window opened: kept as input to that window
    NO_DEADLINE = "no-deadline"  # the window's deadline is not announced yet
    NO_WINDOW = "no-window"  # the timeline has no window for this document
    LATE = "late"
    LATE_ACCEPTED = "late-accepted"  # late, and accepted by an account with the accept-late role
    AMENDED_LATE = "amended-late"  # an on-time version exists; this one came after the deadline
    UNKNOWN = "unknown"  # no time GitHub recorded is known here (offline, before the bot logged it)

    @property
    def label(self) -> str:
        """The verdict as people read it."""
        return _LABELS[self]


_LABELS = {Verdict.ON_TIME: "on time", Verdict.EARLY: "early", Verdict.NO_DEADLINE: "no deadline yet",
           Verdict.NO_WINDOW: "no input window", Verdict.LATE: "late", Verdict.LATE_ACCEPTED: "late, accepted",
           Verdict.AMENDED_LATE: "amended after the deadline", Verdict.UNKNOWN: "unknown"}


class WindowPhase(StrEnum):
    """Where a window stands at an instant."""

    UPCOMING = "upcoming"  # not open yet, or its opening date not set
    OPEN = "open"
    CLOSED = "closed"


class WindowState(Struct, frozen=True):
    """An input window as it stands at a moment: upcoming, open or closed, and the time left."""

    window: Window
    state: WindowPhase
    remaining: timedelta | None  # until it closes; None when closed or the deadline is to be announced


class Phase(Struct, frozen=True):
    """Where the process stands at a moment: the last and next milestones and the windows."""

    label: str
    last: Milestone | None
    next: Milestone | None  # the first milestone after today (never one that falls today)
    windows: tuple[WindowState, ...]
    today: tuple[Milestone, ...] = ()  # milestones known to fall on this day, conference time

    def open_windows(self) -> tuple[WindowState, ...]:
        return tuple(w for w in self.windows if w.state == WindowPhase.OPEN)


class Timing(Struct, frozen=True):
    """The verdict on one input: which window, on time or not, and by how much."""

    verdict: Verdict
    window: Window | None
    received: datetime
    delta: timedelta | None  # time left before the deadline, or how late (always >= 0)

    @property
    def late(self) -> bool:
        return self.verdict == Verdict.LATE


def _aware(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("instants must carry a time zone (received times come from GitHub in UTC)")
    return instant


def window_state(window: Window, now: datetime) -> WindowState:
    now = _aware(now)
    left = None if window.closes is None else window.closes - now
    if window.closes is not None and now > window.closes:
        return WindowState(window, WindowPhase.CLOSED, None)
    # A window whose opening date is not set is not open: a missing date never means "open since always".
    if window.opens is None or now < window.opens:
        return WindowState(window, WindowPhase.UPCOMING, left)
    return WindowState(window, WindowPhase.OPEN, left)


def known_opening(window: Window, at: datetime | None = None) -> datetime | None:
    """When the window opens, as it was known at `at` (default: as known now). A day learnt only when it came
    (the stage's issue, the Presidency's record) was not known before it: the approximate date stood then."""
    if window.opens is None or (window.opened_by is not None and at is not None and _aware(at) < window.opens):
        return None
    return window.opens


def opens_when(window: Window, zone: str, at: datetime | None = None) -> str:
    """When a window opens: the instant, 'early August 2020 (approximate)', or 'to be announced' (as known at
    `at`)."""
    opens = known_opening(window, at)
    if opens is not None:
        return format_instant(opens, zone)
    return f"{window.opens_about} (approximate)" if window.opens_about is not None else "to be announced"


def opening(window: Window, zone: str, at: datetime | None = None) -> str:
    """A window not open yet, as people read it: 'opens on 15 April 2020, ...', 'opens early August 2020 ...'."""
    if known_opening(window, at) is not None:
        return f"opens on {opens_when(window, zone, at)}"
    if window.opens_about is not None:
        return f"opens {opens_when(window, zone, at)}"
    return "opening date to be announced"


def phase(process: Process, now: datetime) -> Phase:
    """The process's phase: the milestones of today, the last and next ones, and every window's state."""
    now = _aware(now)
    zone = ZoneInfo(process.conference.timezone)
    today = now.astimezone(zone).date()
    windows = tuple(window_state(w, now) for w in process.windows)
    last = next((m for m in reversed(process.milestones) if m.bounds()[1] < today), None)
    on_the_day = tuple(m for m in process.milestones if m.exact_on(today))
    upcoming = next((m for m in process.milestones if m.bounds()[1] >= today and m not in on_the_day), None)
    return Phase(_label(process, today, windows), last, upcoming, windows, on_the_day)


def _label(process: Process, today: date, windows: tuple[WindowState, ...]) -> str:
    conf = process.conference
    if conf.start <= today <= conf.end:
        return f"{conf.short_name or conf.name} in session"
    if today > conf.end:
        return "concluded"
    open_now = [w.window.title for w in windows if w.state == WindowPhase.OPEN]
    if open_now:
        return "open for input: " + "; ".join(open_now)
    return "preparation: no input window open"


def circulated_version(document: Document, process: Process, at: datetime) -> str | None:
    """The version of a document in circulation at `at`: its current one, unless that was issued later, then the
    latest earlier stage issued by then; None when none was (the document was not circulated yet). A version
    whose date of issue is not recorded counts as issued: only a recorded date can put it in the future."""
    day = _aware(at).astimezone(ZoneInfo(process.conference.timezone)).date()
    issued = document.issued_at(document.version)
    if issued is None or issued <= day:
        return document.version
    # The latest version issued by then: an earlier stage, or a revision issued at the conference (rev-N), which
    # is no stage of the timeline; dates of issue follow the order of issue, times break a tie within a day.
    earlier = [v for v in document.issued if v != document.version and process.knows_version(v, document.id)
               and (d := document.issued_at(v)) is not None and d <= day]
    return max(earlier, key=lambda v: document.issued[v], default=None)


def windows_for(process: Process, document: str, version: str | None = None) -> tuple[Window, ...]:
    """The windows an input on this document (at this version) can fall in, in closing order."""
    windows = process.windows_for(document)
    matching = tuple(w for w in windows if covers(w.version, version))
    # A version with no window of its own is judged against all the document's windows, so input on it
    # after they closed is flagged late rather than waved through.
    return matching if version is not None and matching else windows


def judge(process: Process, document: str, received: datetime, version: str | None = None) -> Timing:
    """Whether an input received at `received` (a time GitHub set) is on time for its window."""
    received = _aware(received)
    windows = windows_for(process, document, version)
    if not windows:
        return Timing(Verdict.NO_WINDOW, None, received, None)
    # The first window still open at `received` (or with no deadline yet) is the one it falls in; after
    # the last deadline, it is late for the last window.
    current = next((w for w in windows if w.closes is None or received <= w.closes), windows[-1])
    return judge_in(current, received)


def judge_in(window: Window, received: datetime) -> Timing:
    """The verdict against one given window (e.g. the window an input was first judged in)."""
    received = _aware(received)
    if window.opens is None and (window.closes is None or received <= window.closes):
        # Its opening date is not set yet, so whatever comes now comes before it opens.
        return Timing(Verdict.EARLY, window, received, None)
    if window.opens is not None and received < window.opens:
        return Timing(Verdict.EARLY, window, received, window.opens - received)
    if window.closes is None:
        return Timing(Verdict.NO_DEADLINE, window, received, None)
    if received <= window.closes:
        return Timing(Verdict.ON_TIME, window, received, window.closes - received)
    return Timing(Verdict.LATE, window, received, received - window.closes)


def parse_instant(text: str, zone: str | None = None) -> datetime:
    """An ISO 8601 instant; without an offset it is read in `zone` (conference time), or refused if none is given."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise FatalError(f"'{text}' is not a date or time (use e.g. 2020-05-04T18:00+02:00 or "
                         "2020-05-04T16:00:00Z)") from None
    if value.tzinfo is None:
        if zone is None:
            raise FatalError(f"'{text}' needs a time zone (e.g. a trailing Z for UTC)")
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value


@lru_cache(maxsize=1024)  # a summary shows each input's time once per section it touches
def format_instant(instant: datetime, zone: str) -> str:
    """'4 May 2020, 23:59:59 CEST (21:59:59 UTC)': conference time first, then UTC."""
    local = instant.astimezone(ZoneInfo(zone))
    utc = instant.astimezone(UTC)
    same_day = local.date() == utc.date()
    utc_text = f"{utc:%H:%M:%S} UTC" if same_day else f"{utc.day} {utc:%B %Y, %H:%M:%S} UTC"
    return f"{local.day} {local:%B %Y, %H:%M:%S %Z} ({utc_text})"


def short_instant(instant: datetime, zone: str) -> str:
    """'25 Sep 2020 23:59 CEST (21:59 UTC)': conference time and UTC in few characters, for a commit status."""
    local = instant.astimezone(ZoneInfo(zone))
    utc = instant.astimezone(UTC)
    utc_text = f"{utc:%H:%M} UTC" if local.date() == utc.date() else f"{utc.day} {utc:%b %H:%M} UTC"
    return f"{local.day} {local:%b %Y %H:%M %Z} ({utc_text})"


def format_delta(delta: timedelta) -> str:
    """A duration for a person: the two largest units, e.g. '3 days 4 hours', '12 minutes 5 seconds'."""
    seconds = int(abs(delta).total_seconds())
    if seconds == 0 and delta:
        return "less than a second"  # never "0 seconds" for an instant that is not the same one
    units = (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1))
    parts: list[str] = []
    for name, size in units:
        count, seconds = divmod(seconds, size)
        if count or parts:
            parts.append(f"{count} {name}{'' if count == 1 else 's'}")
    # Precision stops at the unit after the largest: "1 day" for a day and five minutes.
    shown = [p for p in parts[:2] if not p.startswith("0 ")] or ["0 seconds"]
    return " ".join(shown)
