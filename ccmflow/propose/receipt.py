"""An attested time of receipt, checked before it is recorded: it dates the input, so it must look like one.

The ISU attests when an input arrived outside GitHub (an e-mail's time). Such a time can only be in the past,
and only within the process: the earliest plausible receipt is a month before the first date the process
announces (the first milestone or window opening in process.yaml), so a mistyped year, or 0001-01-01, is caught
whatever the conference. An attested time on a GitHub channel is refused (GitHub's own time counts there), and
an input received outside GitHub without one is entered with a plain warning: the time the pull request is
opened will count.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from ccmflow.core.inputfile import Channel
from ccmflow.core.model import Process
from ccmflow.core.status import format_instant
from ccmflow.propose.build import ProposalError

# How long before the process's first announced date an input may plausibly have been received.
MARGIN = timedelta(days=30)
GITHUB_CHANNELS = (Channel.GITHUB, Channel.ISSUE_FORM)


def earliest_receipt(process: Process) -> datetime:
    """The first date the process announces (a milestone or a window's opening), less MARGIN."""
    zone = ZoneInfo(process.conference.timezone)
    days = [m.bounds()[0] for m in process.milestones]
    days += [w.opens_about.bounds()[0] for w in process.windows if w.opens_about is not None]
    instants = [datetime.combine(day, time(), zone) for day in days]
    instants += [w.opens for w in process.windows if w.opens is not None]
    first = min(instants, default=datetime.combine(process.conference.start, time(), zone))
    return first - MARGIN


def check_receipt(process: Process, channel: Channel, received: datetime | None, now: datetime) -> list[str]:
    """Warnings to show; ProposalError, saying what to fix, for a time of receipt that cannot be right."""
    zone = process.conference.timezone
    if received is None:
        if channel in GITHUB_CHANNELS:
            return []
        return [f"no time of receipt (--received) for an input received by {channel}: the time its pull request "
                "is opened will count as the time it was received. If it arrived earlier, give --received "
                "(e.g. the e-mail's time)"]
    if channel in GITHUB_CHANNELS:
        raise ProposalError(f"--received attests when an input arrived outside GitHub; through {channel}, "
                            "GitHub's own time counts: leave out --received, or give the channel it came by "
                            "(--channel e-mail)")
    if received > now:
        raise ProposalError(f"--received {_shown(received, zone)} is later than now "
                            f"({format_instant(now, zone)}): give the time the input arrived, in conference time "
                            "(e.g. 2020-05-04T18:30) or with its offset")
    earliest = earliest_receipt(process)
    if received < earliest:
        raise ProposalError(f"--received {_shown(received, zone)} is before the process began (its first "
                            f"announced date less {MARGIN.days} days: {format_instant(earliest, zone)}): check the "
                            "date, the year in particular")
    return []


def _shown(instant: datetime, zone: str) -> str:
    """Conference time and UTC; a time in no calendar year of the process as written (zones' rules of year 1
    are the local mean times of the 19th century, and year 1 or 9999 may not move into another zone at all)."""
    if 1900 <= instant.year <= 9000:
        return format_instant(instant, zone)
    return instant.isoformat()
