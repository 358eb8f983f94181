"""The timeline as pure functions: deadlines in conference time, the boundary second, DST changes, phases."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ccmflow.core.model import Process, Stage, Window
from ccmflow.core.status import (
    Verdict,
    format_delta,
    format_instant,
    judge,
    judge_in,
    opening,
    opens_when,
    phase,
    window_state,
    windows_for,
)
from ccmflow.read.load import parse_text

ZURICH = ZoneInfo("Europe/Zurich")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def process_from(text: str) -> Process:
    parsed = parse_text("documents/process.yaml", text)
    assert isinstance(parsed.record, Process), parsed.findings
    assert parsed.findings == (), parsed.findings
    return parsed.record


def timeline(windows: str, milestones: str = "  - {id: start, title: Start, kind: other, date: '2020-01-01'}\n") -> str:
    return ("conference: {name: Test Conference, venue: Geneva, start: '2020-11-23', end: '2020-11-27', "
            "timezone: Europe/Zurich}\ndeadline_time: '23:59:59'\ndocument_order: [doc]\n"
            "versions: [{id: zero-draft, name: Zero draft}]\n"
            f"windows:\n{windows}milestones:\n{milestones}")


def window(wid: str, closes: str, opens: str = "to be announced") -> str:
    return f"  - {{id: {wid}, document: doc, title: {wid}, closes: '{closes}', opens: '{opens}'}}\n"


# The deadline second --------------------------------------------------------------------------------------------------

def test_a_bare_date_closes_at_the_end_of_that_day_in_conference_time(ccm_process: Process) -> None:
    first = ccm_process.windows[0]
    assert first.closes == datetime(2020, 5, 4, 23, 59, 59, tzinfo=ZURICH) == utc(2020, 5, 4, 21, 59, 59)
    assert first.opens == utc(2020, 4, 14, 22, 0, 0)  # midnight CEST on 15 April, when the zero draft came out
    assert first.late_policy == "flag"


def test_received_at_the_deadline_second_is_on_time_with_nothing_left(ccm_process: Process) -> None:
    timing = judge(ccm_process, "review-document", utc(2020, 5, 4, 21, 59, 59), version="zero-draft")
    assert (timing.verdict, timing.delta, timing.late) == (Verdict.ON_TIME, timedelta(0), False)
    assert timing.window is not None and timing.window.id == "review-zero-draft-input"


def test_one_second_after_the_deadline_is_late_by_one_second(ccm_process: Process) -> None:
    timing = judge(ccm_process, "review-document", utc(2020, 5, 4, 22, 0, 0), version="zero-draft")
    assert (timing.verdict, timing.delta, timing.late) == (Verdict.LATE, timedelta(seconds=1), True)
    assert timing.window is not None and timing.window.id == "review-zero-draft-input"


def test_the_same_instant_in_another_zone_gets_the_same_verdict(ccm_process: Process) -> None:
    new_york = datetime(2020, 5, 4, 17, 59, 59, tzinfo=ZoneInfo("America/New_York"))
    assert judge(ccm_process, "review-document", new_york, version="zero-draft").verdict == Verdict.ON_TIME
    zurich = datetime(2020, 5, 5, 0, 0, 0, tzinfo=ZURICH)
    assert judge(ccm_process, "review-document", zurich, version="zero-draft").delta == timedelta(seconds=1)


def test_before_a_window_opens_is_early_with_the_time_until_it_opens(ccm_process: Process) -> None:
    early = judge(ccm_process, "review-document", utc(2020, 4, 14, 21, 59, 59), version="zero-draft")
    assert (early.verdict, early.delta) == (Verdict.EARLY, timedelta(seconds=1))
    opened = judge(ccm_process, "review-document", utc(2020, 4, 14, 22, 0, 0), version="zero-draft")
    assert (opened.verdict, opened.delta) == (Verdict.ON_TIME, timedelta(days=19, hours=23, minutes=59, seconds=59))


def test_on_time_reports_the_time_left(ccm_process: Process) -> None:
    timing = judge(ccm_process, "lausanne-action-plan", utc(2020, 7, 1, 21, 59, 59))
    assert (timing.verdict, timing.delta) == (Verdict.ON_TIME, timedelta(days=5))
    assert timing.window is not None and timing.window.id == "action-plan-input"


def test_input_before_a_window_s_opening_date_is_set_is_early(ccm_process: Process) -> None:
    # The consolidated Review Document's window opens "mid-May" (approximate): until the date is set, it is not open.
    timing = judge(ccm_process, "review-document", utc(2020, 9, 1), version="consolidated")
    assert (timing.verdict, timing.delta) == (Verdict.EARLY, None)
    assert timing.window is not None and timing.window.closes is None and timing.window.opens is None
    assert timing.window.id == "review-consolidated-input"


def test_without_a_version_a_late_input_falls_into_the_next_window_of_the_document(ccm_process: Process) -> None:
    # After the zero draft's deadline, input on the review document can only be for the consolidated version.
    timing = judge(ccm_process, "review-document", utc(2020, 5, 4, 22, 0, 0))
    window = timing.window.id if timing.window else None
    assert (timing.verdict, window) == (Verdict.EARLY, "review-consolidated-input")
    assert judge(ccm_process, "review-document", utc(2020, 5, 4, 21, 59, 59)).verdict == Verdict.ON_TIME


def test_a_document_without_a_window_gets_no_window(ccm_process: Process) -> None:
    timing = judge(ccm_process, "annual-report", utc(2020, 5, 1))
    assert (timing.verdict, timing.window, timing.delta) == (Verdict.NO_WINDOW, None, None)


def test_judge_in_a_given_window(ccm_process: Process) -> None:
    first, _, _, announced, *_ = ccm_process.windows
    assert judge_in(first, utc(2020, 5, 4, 21, 59, 59)).verdict == Verdict.ON_TIME
    late = judge_in(first, utc(2020, 5, 6, 22, 0, 0))
    assert (late.verdict, late.delta) == (Verdict.LATE, timedelta(days=2, seconds=1))
    assert judge_in(first, utc(2020, 3, 1)).verdict == Verdict.EARLY
    assert judge_in(announced, utc(2021, 1, 1)).verdict == Verdict.EARLY  # its opening date is not set yet


def test_times_without_a_zone_are_refused(ccm_process: Process) -> None:
    with pytest.raises(ValueError, match="time zone"):
        judge(ccm_process, "review-document", datetime(2020, 5, 4, 21, 59, 59))
    with pytest.raises(ValueError, match="time zone"):
        phase(ccm_process, datetime(2020, 5, 4))


def ids(windows: tuple[Window, ...]) -> list[str]:
    return [w.id for w in windows]


def test_a_proposal_on_a_revision_during_the_conference_is_on_time(ccm_process: Process) -> None:
    during = datetime(2020, 11, 25, 17, tzinfo=UTC)
    assert judge(ccm_process, "review-document", during, version="rev-2").verdict == Verdict.ON_TIME
    after = datetime(2020, 11, 28, 9, tzinfo=UTC)
    assert judge(ccm_process, "review-document", after, version="rev-2").verdict == Verdict.LATE


def test_windows_for_a_document_and_version(ccm_process: Process) -> None:
    assert ids(windows_for(ccm_process, "review-document", "zero-draft")) == ["review-zero-draft-input"]
    assert ids(windows_for(ccm_process, "review-document", "consolidated")) == ["review-consolidated-input"]
    every = ["review-zero-draft-input", "review-consolidated-input", "review-negotiation", "review-positions"]
    assert ids(windows_for(ccm_process, "review-document")) == every
    # Every revision issued at the conference takes proposals in the negotiation window.
    assert ids(windows_for(ccm_process, "review-document", "rev-1")) == ["review-negotiation"]
    assert ids(windows_for(ccm_process, "review-document", "rev-12")) == ["review-negotiation"]
    assert ids(windows_for(ccm_process, "review-document", "second-draft")) == every  # no window for that version: all
    assert ids(windows_for(ccm_process, "review-document", "final")) == ["review-positions"]  # once adopted
    assert ids(windows_for(ccm_process, "lausanne-action-plan", "working-paper")) == ["action-plan-input"]
    assert windows_for(ccm_process, "annual-report") == ()


# Daylight saving time -------------------------------------------------------------------------------------------------

def test_deadlines_around_the_spring_change_are_the_right_instants() -> None:
    # 2020-03-29: at 02:00 CET clocks go forward to 03:00 CEST.
    process = process_from(timeline(
        window("before", "2020-03-29T01:59:59")
        + window("after", "2020-03-29T03:00")
        + window("day", "2020-03-29", opens="2020-03-28")))
    before, after, day = process.windows
    assert before.closes == utc(2020, 3, 29, 0, 59, 59)
    assert after.closes == utc(2020, 3, 29, 1, 0, 0)
    assert day.closes == utc(2020, 3, 29, 21, 59, 59)
    # The hour that does not exist is not counted: one second of wall clock, one second of real time.
    assert after.closes - before.closes == timedelta(seconds=1)
    assert day.opens == utc(2020, 3, 27, 23, 0, 0)
    assert format_instant(day.closes, "Europe/Zurich") == "29 March 2020, 23:59:59 CEST (21:59:59 UTC)"
    assert format_instant(before.closes, "Europe/Zurich") == "29 March 2020, 01:59:59 CET (00:59:59 UTC)"
    assert judge_in(day, utc(2020, 3, 29, 21, 59, 59)).verdict == Verdict.ON_TIME
    assert judge_in(day, utc(2020, 3, 29, 22, 0, 0)).delta == timedelta(seconds=1)
    # From midnight CET on the 28th to the last second of the 29th (CEST) is an hour short of two days.
    assert day.opens is not None and day.closes is not None
    assert judge_in(day, day.opens).delta == timedelta(hours=47, seconds=-1)
    assert day.closes - day.opens == timedelta(hours=47, seconds=-1)
    # A time given in conference time (as `--at` reads one) is subtracted as an instant, not by wall clock.
    assert judge_in(day, datetime(2020, 3, 28, 12, 0, tzinfo=ZURICH)).delta == timedelta(hours=35, seconds=-1)
    assert {w.closes.tzinfo for w in process.windows} == {UTC}  # type: ignore[union-attr]


def test_deadlines_around_the_autumn_change_are_the_right_instants() -> None:
    # 2020-10-25: at 03:00 CEST clocks go back to 02:00 CET.
    process = process_from(timeline(
        window("eve", "2020-10-24")
        + window("before", "2020-10-25T01:59:59")
        + window("after", "2020-10-25T03:00")
        + window("day", "2020-10-25", opens="2020-10-24")))
    eve, before, after, day = process.windows
    assert eve.closes == utc(2020, 10, 24, 21, 59, 59)
    assert before.closes == utc(2020, 10, 24, 23, 59, 59)
    assert after.closes == utc(2020, 10, 25, 2, 0, 0)
    assert day.closes == utc(2020, 10, 25, 22, 59, 59)
    # The repeated hour is counted twice: the 25th has 25 hours.
    assert day.opens is not None and day.closes - day.opens == timedelta(hours=49, seconds=-1)
    assert after.closes - before.closes == timedelta(hours=2, seconds=1)
    assert format_instant(day.closes, "Europe/Zurich") == "25 October 2020, 23:59:59 CET (22:59:59 UTC)"
    assert format_instant(eve.closes, "Europe/Zurich") == "24 October 2020, 23:59:59 CEST (21:59:59 UTC)"
    late = judge_in(day, utc(2020, 10, 25, 23, 0, 0))
    assert (late.verdict, late.delta) == (Verdict.LATE, timedelta(seconds=1))


@pytest.mark.parametrize("when, words", [
    ("2020-03-29T02:30", "2020-03-29 02:30 does not exist in Europe/Zurich (clocks go forward)"),
    ("2020-03-29T02:00", "2020-03-29 02:00 does not exist in Europe/Zurich (clocks go forward)"),
    ("2020-10-25T02:30", "2020-10-25 02:30 happens twice in Europe/Zurich (clocks go back)"),
    ("2020-10-25T02:00", "2020-10-25 02:00 happens twice in Europe/Zurich (clocks go back)"),
])
def test_a_wall_clock_time_that_dst_skips_or_repeats_is_a_finding(when: str, words: str) -> None:
    parsed = parse_text("documents/process.yaml", timeline(window("w", when)))
    assert [f.message for f in parsed.findings] == [words]
    assert parsed.findings[0].line == 6  # the window's line


@pytest.mark.parametrize("when", ["2020-03-29T01:59", "2020-03-29T03:00", "2020-10-25T01:59", "2020-10-25T03:00"])
def test_times_next_to_a_dst_change_are_fine(when: str) -> None:
    assert parse_text("documents/process.yaml", timeline(window("w", when))).findings == ()


# Showing instants and durations -----------------------------------------------------------------------------------

def test_format_instant_shows_conference_time_then_utc() -> None:
    assert format_instant(utc(2020, 5, 4, 21, 59, 59), "Europe/Zurich") == "4 May 2020, 23:59:59 CEST (21:59:59 UTC)"
    assert format_instant(utc(2020, 5, 4, 22, 30), "Europe/Zurich") == \
        "5 May 2020, 00:30:00 CEST (4 May 2020, 22:30:00 UTC)"
    assert format_instant(utc(2020, 1, 10, 12), "Europe/Zurich") == "10 January 2020, 13:00:00 CET (12:00:00 UTC)"
    assert format_instant(utc(2020, 5, 4, 21, 59, 59), "UTC") == "4 May 2020, 21:59:59 UTC (21:59:59 UTC)"


@pytest.mark.parametrize("delta, shown", [
    (timedelta(0), "0 seconds"),
    (timedelta(milliseconds=900), "less than a second"),
    (timedelta(milliseconds=-1), "less than a second"),
    (timedelta(seconds=1), "1 second"),
    (timedelta(seconds=61), "1 minute 1 second"),
    (timedelta(hours=2, seconds=5), "2 hours"),
    (timedelta(days=3, hours=4, minutes=5), "3 days 4 hours"),
    (timedelta(days=1, minutes=5), "1 day"),
    (timedelta(seconds=-90), "1 minute 30 seconds"),
])
def test_format_delta(delta: timedelta, shown: str) -> None:
    assert format_delta(delta) == shown


# Phases -----------------------------------------------------------------------------------------------------------

def test_milestones_of_the_ccm_timeline_are_in_order(ccm_process: Process) -> None:
    bounds = [m.bounds() for m in ccm_process.milestones]
    assert all(a[0] <= b[1] for a, b in itertools.pairwise(bounds))
    approximate = [m.when() for m in ccm_process.milestones if m.approximate]
    assert approximate == ["mid-May 2020 (approximate)", "early August 2020 (approximate)",
                           "early August 2020 (approximate)", "early October 2020 (approximate)"]
    assert ccm_process.milestones[-1].when() == "23 November 2020 to 27 November 2020"


@pytest.mark.parametrize("now, last, upcoming", [
    (utc(2020, 3, 1, 12), None, "review-zero-draft-circulated"),
    (utc(2020, 5, 3, 21, 59, 59), "review-zero-draft-circulated", "review-zero-draft-deadline"),
    (utc(2020, 5, 4, 21, 59, 59), "review-zero-draft-circulated", "review-consolidated-circulated"),  # on its day
    (utc(2020, 5, 4, 22, 0, 0), "review-zero-draft-deadline", "review-consolidated-circulated"),
    (utc(2020, 5, 15, 12), "review-zero-draft-deadline", "review-consolidated-circulated"),  # within "mid-May"
    (utc(2020, 5, 20, 21, 59, 59), "review-zero-draft-deadline", "review-consolidated-circulated"),
    (utc(2020, 5, 20, 22, 0, 0), "review-consolidated-circulated", "first-preparatory-meeting"),
    (utc(2020, 11, 22, 12), "declaration-draft-circulated", "review-conference"),
    (utc(2020, 11, 25, 12), "declaration-draft-circulated", None),  # in session: today, not next
    (utc(2020, 12, 1), "review-conference", None),
])
def test_last_and_next_milestone_in_conference_time(ccm_process: Process, now: datetime, last: str | None,
                                                    upcoming: str | None) -> None:
    current = phase(ccm_process, now)
    assert (current.last.id if current.last else None, current.next.id if current.next else None) == (last, upcoming)


def test_phase_labels(ccm_process: Process) -> None:
    assert phase(ccm_process, utc(2020, 3, 1)).label == "preparation: no input window open"
    assert phase(ccm_process, utc(2020, 6, 20)).label == "open for input: Written input to the Lausanne Action Plan"
    assert phase(ccm_process, utc(2020, 10, 1)).label == "preparation: no input window open"
    assert phase(ccm_process, utc(2020, 11, 22, 22, 59, 59)).label == "preparation: no input window open"
    assert phase(ccm_process, utc(2020, 11, 22, 23, 0, 0)).label == "2RC in session"  # midnight in Lausanne
    assert phase(ccm_process, utc(2020, 11, 27, 22, 59, 59)).label == "2RC in session"
    assert phase(ccm_process, utc(2020, 11, 27, 23, 0, 0)).label == "concluded"


def test_open_windows_and_time_left(ccm_process: Process) -> None:
    current = phase(ccm_process, utc(2020, 5, 1, 21, 59, 59))
    states = {w.window.id: (w.state, w.remaining) for w in current.windows}
    assert states == {
        "review-zero-draft-input": ("open", timedelta(days=3)),
        "action-plan-input": ("upcoming", timedelta(days=66)),
        "declaration-input": ("upcoming", timedelta(days=147)),
        "review-consolidated-input": ("upcoming", None),
        "declaration-first-draft-comments": ("upcoming", None),
        **{f"{d}-negotiation": ("upcoming", timedelta(days=210, hours=1)) for d in ("review", "action-plan",
                                                                                   "declaration")},
        **{f"{d}-positions": ("upcoming", timedelta(days=224, hours=1)) for d in ("review", "action-plan",
                                                                                 "declaration")},
    }
    assert [w.window.id for w in current.open_windows()] == ["review-zero-draft-input"]


def test_window_states_at_their_boundaries(ccm_process: Process) -> None:
    first = ccm_process.windows[0]
    assert window_state(first, utc(2020, 4, 14, 21, 59, 59)).state == "upcoming"
    assert window_state(first, utc(2020, 4, 14, 21, 59, 59)).remaining == timedelta(days=20)
    assert window_state(first, utc(2020, 4, 14, 22)).state == "open"
    assert window_state(first, utc(2020, 5, 4, 21, 59, 59)).remaining == timedelta(0)
    assert (window_state(first, utc(2020, 5, 4, 22)).state, window_state(first, utc(2020, 5, 4, 22)).remaining) == (
        "closed", None)


def test_a_window_with_an_opening_date_but_no_deadline_yet() -> None:
    process = process_from(timeline("  - {id: w, document: doc, title: w, opens: '2020-06-01', "
                                    "closes: to be announced}\n"))
    [only] = process.windows
    assert window_state(only, utc(2020, 5, 31, 21, 59, 59)).state == "upcoming"
    assert (window_state(only, utc(2020, 6, 1)).state, window_state(only, utc(2020, 6, 1)).remaining) == ("open", None)
    assert judge_in(only, utc(2020, 5, 31, 21, 59, 59)).verdict == Verdict.EARLY
    assert judge_in(only, utc(2020, 6, 1)).verdict == Verdict.NO_DEADLINE


# Opening dates (the concept note's timeline) ----------------------------------------------------------------------

def test_on_3_may_only_the_review_document_is_open_for_input(ccm_process: Process) -> None:
    current = phase(ccm_process, datetime(2020, 5, 3, 12, tzinfo=ZURICH))
    assert [w.window.id for w in current.open_windows()] == ["review-zero-draft-input"]
    assert current.label == "open for input: Written input on the zero draft of the Review Document"
    assert {w.window.id: w.state for w in current.windows}["declaration-input"] == "upcoming"


def test_the_ccm_windows_open_as_the_concept_note_says(ccm_process: Process) -> None:
    review, plan, declaration, consolidated, comments, *_ = ccm_process.windows
    assert review.opens == datetime(2020, 4, 15, tzinfo=ZURICH)
    # Input on the Action Plan follows the first preparatory meeting of 8 June: from the start of the next day.
    assert plan.opens == datetime(2020, 6, 9, tzinfo=ZURICH) and plan.version == "working-paper"
    assert window_state(plan, datetime(2020, 6, 8, 23, 59, 59, tzinfo=ZURICH)).state == "upcoming"
    assert window_state(plan, datetime(2020, 6, 9, tzinfo=ZURICH)).state == "open"
    # The Declaration's window opens with its elements, known only as "early August": not open until the date is set.
    assert declaration.opens is None and str(declaration.opens_about) == "early August 2020"
    assert declaration.version == "elements" and declaration.closes == datetime(2020, 9, 25, 23, 59, 59, tzinfo=ZURICH)
    assert window_state(declaration, utc(2020, 8, 20)).state == "upcoming"
    assert window_state(declaration, utc(2020, 9, 26)).state == "closed"
    assert (comments.version, str(comments.opens_about), comments.closes) == ("first-draft", "early October 2020", None)
    assert consolidated.opens is None and str(consolidated.opens_about) == "mid-May 2020"


def test_a_window_says_when_it_opens_never_that_it_is_open(ccm_process: Process) -> None:
    review, plan, declaration, *_ = ccm_process.windows
    zone = ccm_process.conference.timezone
    assert opening(review, zone) == "opens on 15 April 2020, 00:00:00 CEST (14 April 2020, 22:00:00 UTC)"
    assert opening(plan, zone) == "opens on 9 June 2020, 00:00:00 CEST (8 June 2020, 22:00:00 UTC)"
    assert opening(declaration, zone) == "opens early August 2020 (approximate)"
    assert opens_when(declaration, zone) == "early August 2020 (approximate)"
    unset = process_from(timeline(window("w", "2020-06-30"))).windows[0]
    assert (opening(unset, zone), opens_when(unset, zone)) == ("opening date to be announced", "to be announced")


def test_a_window_whose_opening_is_not_announced_is_not_open_until_it_closes() -> None:
    [only] = process_from(timeline(window("w", "2020-06-30"))).windows
    assert (only.opens, only.opens_about) == (None, None)
    assert window_state(only, utc(2000, 1, 1)).state == "upcoming"
    assert window_state(only, utc(2020, 6, 30, 21, 59, 59)).state == "upcoming"
    assert window_state(only, utc(2020, 6, 30, 22)).state == "closed"
    assert (judge_in(only, utc(2020, 6, 1)).verdict, judge_in(only, utc(2020, 6, 1)).delta) == (Verdict.EARLY, None)
    assert judge_in(only, utc(2020, 7, 1)).verdict == Verdict.LATE


def test_a_milestone_on_its_own_day_is_today_not_next(ccm_process: Process) -> None:
    on_the_day = phase(ccm_process, datetime(2020, 6, 8, 9, tzinfo=ZURICH))
    assert [m.id for m in on_the_day.today] == ["first-preparatory-meeting"]
    assert on_the_day.next is not None and on_the_day.next.id == "action-plan-deadline"
    eve = phase(ccm_process, datetime(2020, 6, 7, 23, 59, 59, tzinfo=ZURICH))
    assert eve.today == () and eve.next is not None and eve.next.id == "first-preparatory-meeting"
    # Within "mid-May" an approximate milestone is still to come, never "today".
    mid_may = phase(ccm_process, datetime(2020, 5, 15, 12, tzinfo=ZURICH))
    assert mid_may.today == () and mid_may.next is not None and mid_may.next.id == "review-consolidated-circulated"
    in_session = phase(ccm_process, datetime(2020, 11, 27, 12, tzinfo=ZURICH))
    assert [m.id for m in in_session.today] == ["review-conference"] and in_session.next is None


def test_meetings_carry_their_purpose_and_the_documents_they_discuss(ccm_process: Process) -> None:
    meeting = next(m for m in ccm_process.milestones if m.id == "first-preparatory-meeting")
    assert meeting.purpose is not None and "informal working" in meeting.purpose
    assert meeting.documents == (Stage("review-document", "consolidated"),
                                 Stage("lausanne-action-plan", "working-paper"))
    titles = {"lausanne-action-plan": "Lausanne Action Plan"}
    assert ccm_process.stage_name(meeting.documents[1], titles) == "Lausanne Action Plan (Informal working paper)"
    assert ccm_process.stage_name(Stage("lausanne-action-plan"), titles) == "Lausanne Action Plan"


def test_each_document_goes_through_its_own_stages(ccm_process: Process) -> None:
    def stages(did: str) -> list[tuple[str, str]]:
        return [(v.id, v.kind) for v in ccm_process.versions_of(did)]

    assert stages("review-document") == [("zero-draft", "draft"), ("consolidated", "draft"), ("first-draft", "draft"),
                                         ("final", "final")]
    # The note has a zero draft only for the Review Document: the Action Plan starts as an informal working paper,
    # the Declaration as elements.
    assert stages("lausanne-action-plan")[:2] == [("working-paper", "working-paper"), ("first-draft", "draft")]
    assert stages("political-declaration")[:2] == [("elements", "elements"), ("first-draft", "draft")]
