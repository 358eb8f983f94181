"""Every text the bot posts, written for delegates: plain words, times in conference time and UTC, what comes next."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from ccmflow.compare.diff import ChangeKind
from ccmflow.core.escape import code, escape
from ccmflow.core.inputfile import InputKind
from ccmflow.core.labels import SUMMARY as SUMMARY_LABEL
from ccmflow.core.model import paragraph_label
from ccmflow.core.record import PullState, Received
from ccmflow.core.status import Verdict, format_delta, format_instant, opening, short_instant
from ccmflow.core.submissions import Source

if TYPE_CHECKING:
    from ccmflow.compare.diff import DocumentDiff, ParagraphChange
    from ccmflow.core.errors import Finding
    from ccmflow.core.submissions import Recheck
    from ccmflow.triage.report import DocumentReport, Report

STATUS_MARKER = "<!-- ccmflow:status -->"
# The visible part of the status comment stays under this, leaving room for the hidden log within
# GitHub's 65,536-character limit on a comment.
MAX_VISIBLE = 50_000
MAX_CHANGES = 60
MAX_FINDINGS = 40
MAX_VERSIONS = 15
MAX_PATHS = 20

RULE = (
    "**How deadlines are judged.** What counts is the time GitHub received each version of this input: when the "
    "pull request was opened, or when a change was pushed to it. Dates written on commits are not used. If a "
    "version arrived before the deadline, that version stays on time even when changes are pushed after the "
    "deadline; only those later changes are marked as late. The label `late` is given only when no version "
    "arrived before the deadline."
)

_FIELDS = {"text": "text", "kind": "paragraph type", "indicators": "indicators", "baseline": "baseline",
           "target": "target", "responsible": "responsible actors", "timeframe": "timeframe",
           "references": "references"}


def more(shown: int, total: int, what: str) -> list[str]:
    return [f"- … and {total - shown} more {what}"] if total > shown else []


# --- commit status descriptions (at most 140 characters; the caller caps them) ---------------------------------

def validation_passed(documents: int) -> str:
    return "All files are valid" if documents != 1 else "The document is valid"


def validation_failed(problems: int) -> str:
    noun = "problem" if problems == 1 else "problems"
    return f"{problems} {noun} to fix: see the ccmflow comment on the pull request"


def deadline_status(report: Report) -> str:
    worst = next((d for d in report.documents if d.verdict == report.verdict), None)
    if worst is None:
        return "Not input to a document: no deadline applies"
    closes = worst.window.closes if worst.window else None
    when = short_instant(closes, report.timezone) if closes else ""  # conference time, then UTC
    return {
        Verdict.ON_TIME: f"Received on time (deadline {when})",
        Verdict.EARLY: "Received before the input window opened; kept as input to it",
        Verdict.NO_DEADLINE: "Deadline not announced yet: input accepted",
        Verdict.NO_WINDOW: "No input window for this document in the timeline",
        Verdict.LATE_ACCEPTED: f"Late input accepted by the Presidency ({_accepted_by(report)})",
        Verdict.AMENDED_LATE: f"This version arrived after the deadline ({when}); version "
                              f"{escape(worst.on_time.sha[:7])} was on time" if worst.on_time
                              else "This version arrived after the deadline",
        Verdict.LATE: f"Received after the deadline ({when}); the Presidency decides",
    }[report.verdict]


def _accepted_by(report: Report) -> str:
    accepted = report.log.accepted
    return escape(f"@{accepted.by_login}", 60) if accepted else "the Presidency"


# --- replies to /ccmflow commands -------------------------------------------------------------------------------

def refusal(login: str, command: str, who_may: str) -> str:
    return (f"Thank you, {escape('@' + login, 60)}. The command {code('/ccmflow ' + command, 40)} can only be "
            f"used by {who_may}, as listed in the stakeholder registry, so the bot has not acted on it. If you "
            "think your account should be allowed to use it, please contact the Presidency.")


def summary_answer(login: str) -> str:
    return (f"Thank you, {escape('@' + login, 60)}. The consolidation summaries are up to date: see the issues "
            f"labelled {code(SUMMARY_LABEL)}.")


def not_a_pull_request(login: str, command: str, number: int) -> str:
    """The answer to a command said on an issue, or about a pull request GitHub does not know (any more)."""
    return (f"Thank you, {escape('@' + login, 60)}. The command {code('/ccmflow ' + command, 40)} applies to an "
            f"input's pull request, and #{number} is not a pull request of this repository, so the bot has not acted "
            "on it. Please say it in a comment on the pull request of the input concerned.")


def late_notice(report: Report) -> str:
    """A comment of its own, so that the Presidency is notified (edits of the status comment notify nobody)."""
    who = report.stakeholder.name if report.stakeholder else f"@{report.author_login}"
    mentions = " ".join(f"@{login}" for login in report.presidency)
    what = ("arrived after the deadline" if report.verdict == Verdict.LATE else
            "was changed after the deadline; its on-time version still counts")
    return (f"{mentions}: the input from {escape(who, 120)} in this pull request {what}. It is kept and labelled; "
            "you can accept the late input by commenting `/ccmflow accept-late`. The details are in the bot's "
            "comment above.")


# --- the status comment -----------------------------------------------------------------------------------------

def status_comment(report: Report) -> str:
    parts = [STATUS_MARKER, _greeting(report), _headline(report)]
    if report.documents:
        parts += [_document(report, doc) for doc in report.documents]
    else:
        parts.append("This pull request does not change the text of any document.")
    parts += _notes(report)
    if report.findings or report.unknown_files:
        parts.append(_findings(report.findings, report.unknown_files))
    parts.append(_versions(report))
    parts.append("### What happens next\n" + "\n".join(f"- {line}" for line in _next(report)))
    parts.append(f"<sub>{RULE}</sub>")
    body = "\n\n".join(p for p in parts if p)
    if len(body) > MAX_VISIBLE:
        cut = body.rfind("\n", 0, MAX_VISIBLE - 200)
        body = body[: cut if cut > 0 else MAX_VISIBLE - 200] + (
            "\n\n… (this report is too long to show in full; the rest is left out)")
    return body


def _and(names: Sequence[str]) -> str:
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _greeting(report: Report) -> str:
    who = _and([s.name for s in report.delegations]) or f"@{report.author_login}"
    line = f"## Input from {escape(who, 120)}: pull request #{report.number}"
    if report.proposed:
        line += (f"\n\nProposed co-sponsors, not confirmed: {escape(_and([s.name for s in report.proposed]), 300)}. "
                 "An input speaks for another delegation once an account of that delegation confirms it by "
                 "commenting `/ccmflow co-sponsor` on this pull request.")
    return line


def _headline(report: Report) -> str:
    if report.findings or report.unknown_files:
        return "❌ **There are problems to fix** before this input can be used: they are listed below."
    return {
        Verdict.ON_TIME: "✅ **Received on time.** Thank you for your input.",
        Verdict.EARLY: "✅ **Received.** Thank you for your input.",
        Verdict.NO_DEADLINE: "✅ **Received.** Thank you for your input.",
        Verdict.NO_WINDOW: "ℹ️ **Received.** The timeline has no input window for this document.",
        Verdict.LATE_ACCEPTED: "✅ **Received after the deadline and accepted by the Presidency.**",
        Verdict.AMENDED_LATE: "⚠️ **Received on time, but changed after the deadline.** The changes made after the "
                        "deadline are late.",
        Verdict.LATE: "⚠️ **Received after the deadline.** The input is kept and marked as late.",
    }[report.verdict]


def _document(report: Report, doc: DocumentReport) -> str:
    version = f", {escape(doc.version, 80)}" if doc.version else ""
    lines = [f"### {escape(doc.title, 200)}", f"Document {code(doc.id)}{version}.", ""]
    record = doc.record
    if doc.on_time is not None:
        lines += [f"The version that counts is {code(doc.on_time.sha[:7])}, received "
                  f"{format_instant(doc.on_time.received, report.timezone)}; what it proposes:", ""]
    remarks = record.remarks
    if doc.diff is None:
        lines.append("The changes cannot be shown until the file can be read again (see the problems below).")
    elif not (remarks and not doc.diff.changes and not doc.diff.meta):
        lines += _changes(doc.diff, doc)
    for remark in remarks:
        if remark.kind == InputKind.POSITION:  # on the record: it cites paragraphs of the adopted text
            cited = ", ".join(code(p) for p in remark.paragraphs)
            lines.append(f"- Position on the record (explanation of position or reservation) on {cited}: "
                         f"“{escape(remark.text, 600)}”")
            continue
        about = doc.section_titles.get(remark.section, remark.section) if remark.section else "the whole document"
        lines.append(f"- General remark on {escape(about, 120)}: “{escape(remark.text, 300)}”")
    if record.justification:
        lines.append(f"- Justification: “{escape(record.justification, 600)}”")
    lines += ["", *_deadline(report, doc)]
    return "\n".join(lines)


def _changes(diff: DocumentDiff, doc: DocumentReport) -> list[str]:
    lines: list[str] = []
    if diff.meta:
        lines.append("- Document details changed: " + ", ".join(escape(m, 40) for m in sorted(diff.meta)))
    by_section: dict[str, list[ParagraphChange]] = {}
    for change in diff.changes:
        by_section.setdefault(change.section, []).append(change)
    shown = 0
    for section, changes in by_section.items():
        title = doc.section_titles.get(section, section)
        lines.append(f"- Section **{escape(title, 120)}** ({code(section)}):")
        for change in changes:
            if shown >= MAX_CHANGES:
                break
            lines.append(f"  - {_change(change, doc)}")
            shown += 1
    lines += more(shown, len(diff.changes), "changed paragraphs")
    titles_only = [s for s in diff.sections_touched if s not in by_section]
    if titles_only:
        lines.append("- Section titles changed: " + ", ".join(code(s) for s in titles_only))
    return lines


def _change(change: ParagraphChange, doc: DocumentReport) -> str:
    number = change.new_number or change.old_number or ""
    name = paragraph_label(escape(number, 60), change.id, prose=True, show_id=code)
    if change.change == ChangeKind.ADDED:
        return f"new {name}"
    if change.change == ChangeKind.REMOVED:
        return f"{name} deleted"
    notes: list[str] = []
    if change.fields:
        notes.append(", ".join(escape(_FIELDS.get(f, f), 40) for f in change.fields) + " amended")
    if change.old_section and change.old_section != change.section:
        notes.append(f"moved here from {escape(doc.section_titles.get(change.old_section, change.old_section), 80)}")
    elif change.moved:
        was = f" (was {escape(change.old_number or '', 60)})" if change.old_number != change.new_number else ""
        notes.append("moved" + was)
    return f"{name}: {'; '.join(notes) or 'changed'}"


def _deadline(report: Report, doc: DocumentReport) -> list[str]:
    zone = report.timezone
    window = doc.window
    if window is None:
        return ["**Deadline:** the timeline has no input window for this document. The Presidency will decide "
                "how to treat this input."]
    lines = [f"**Input window:** {escape(window.title, 200)}"]
    if window.closes is None:
        lines.append("**Deadline:** to be announced.")
    else:
        lines.append(f"**Deadline:** {format_instant(window.closes, zone)}")
    lines.append(f"**This version received:** {format_instant(doc.head.received, zone)} ({code(doc.head.sha[:7])})")
    attested = next((v for v in doc.record.versions if v.source == Source.ATTESTED), None)
    if attested is not None and attested.received is not None:
        lines.append(_attestation(report, doc, attested.sha, attested.received))
    lines.append(_verdict_line(report, doc))
    return ["  \n".join(lines)]


def _attestation(report: Report, doc: DocumentReport, sha: str, attested: datetime) -> str:
    """Where an honoured time of receipt came from, and when the input was entered on GitHub."""
    logged = report.log.receipt(sha)
    entered = logged.received if logged is not None else report.now
    who = report.stakeholder.name if report.stakeholder else f"@{report.author_login}"
    return (f"**Received by {escape(str(doc.record.channel), 20)} on** {format_instant(attested, report.timezone)} "
            f"(version {code(sha[:7])}); entered by {escape(who, 120)} on {format_instant(entered, report.timezone)}, "
            "as GitHub recorded it. The time of receipt is attested by an account with the record-input role.")


def _verdict_line(report: Report, doc: DocumentReport) -> str:
    window = doc.window
    assert window is not None
    received = doc.head.received
    if doc.verdict == Verdict.ON_TIME and window.closes == received:
        return "✅ On time: received at the very second of the deadline."
    if doc.verdict == Verdict.ON_TIME and window.closes is not None:
        return f"✅ On time: received {format_delta(window.closes - received)} before the deadline."
    if doc.verdict == Verdict.EARLY and window.opens is not None:
        return (f"✅ Received before the window opened ({format_instant(window.opens, report.timezone)}); "
                "it is kept and counts as input to this window.")
    if doc.verdict == Verdict.EARLY:
        return (f"✅ Received before the window opened ({opening(window, report.timezone)}); it is kept and "
                "counts as input to this window.")
    if doc.verdict == Verdict.NO_DEADLINE:
        return "✅ The deadline has not been announced yet, so this input is on time."
    late_by = format_delta(received - window.closes) if window.closes else ""
    if doc.verdict == Verdict.LATE_ACCEPTED and report.log.accepted is not None:
        accepted = report.log.accepted
        return (f"✅ Received {late_by} after the deadline; accepted by {escape('@' + accepted.by_login, 60)} on "
                f"{format_instant(accepted.at, report.timezone)}.")
    if doc.verdict == Verdict.AMENDED_LATE and doc.on_time is not None:
        return (f"⚠️ The version {code(doc.on_time.sha[:7])} received on "
                f"{format_instant(doc.on_time.received, report.timezone)} was on time and remains the on-time "
                f"input. This later version arrived {late_by} after the deadline: the changes pushed after the "
                "deadline are late.")
    return (f"⚠️ Late: received {late_by} after the deadline, and no version of this input arrived before it. "
            "The input is kept.")


def _notes(report: Report) -> list[str]:
    notes: list[str] = []
    if report.stakeholder is None:
        notes.append(f"ℹ️ The GitHub account {escape('@' + report.author_login, 60)} (number {report.author_id}) is "
                     "not in the stakeholder registry, so the bot cannot tell which delegation this input comes from. "
                     "Please ask the Presidency to add this account number to the registry; the input is kept "
                     "meanwhile.")
    if report.attestation_note:
        notes.append(f"ℹ️ {escape(report.attestation_note, 300)}; the time GitHub recorded stands.")
    if report.protected:
        paths = [code(p) for p in report.protected[:MAX_PATHS]]
        extra = f" and {len(report.protected) - MAX_PATHS} more" if len(report.protected) > MAX_PATHS else ""
        notes.append("🔒 This pull request changes files that are not documents (the timeline, the registry, the "
                     f"repository's settings or other files): {', '.join(paths)}{extra}. Such changes are "
                     "reviewed by the Presidency before anything is merged.")
    if report.unknown_files and not report.findings:
        notes.append("Some files could not be read as documents: "
                     + ", ".join(code(p) for p in report.unknown_files[:MAX_PATHS]))
    recheck = _recheck(report.log.recheck, report.timezone)
    if recheck:
        notes.append(recheck)
    return notes


def _recheck(recheck: Recheck | None, zone: str) -> str:
    if recheck is None:
        return ""
    who = escape(f"@{recheck.by_login}", 60)
    return f"🔁 Checked again at the request of {who} on {format_instant(recheck.at, zone)}."


def _findings(findings: Sequence[Finding], unknown: Sequence[str]) -> str:
    lines = ["### Problems to fix"]
    for index, finding in enumerate(findings[:MAX_FINDINGS], start=1):
        fix = f" **How to fix:** {escape(finding.hint)}" if finding.hint else ""
        lines.append(f"{index}. {code(finding.file)}, line {finding.line}, column {finding.column}: "
                     f"{escape(finding.message)}.{fix}")
    lines += more(min(len(findings), MAX_FINDINGS), len(findings), "problems")
    if unknown and not findings:
        lines += [f"- {code(p)} could not be read as a document" for p in unknown[:MAX_PATHS]]
    lines.append("\nPlease correct the file(s) and push the correction to the same branch: the bot checks again "
                 "automatically. There is no need to open a new pull request.")
    return "\n".join(lines)


def _versions(report: Report) -> str:
    """Every version with its receipt, as the input's record has them (an attested time included)."""
    record = report.documents[0].record if report.documents else None
    versions = record.versions if record is not None else tuple(
        Received(sha=r.sha, received=r.received, source=r.source) for r in report.log.receipts)
    closes = record is not None and record.window is not None and any(
        d.window is not None and d.window.closes is not None for d in report.documents[:1])
    lines = ["<details><summary>Versions received</summary>", "",
             "| Version | Received (conference time, UTC) | |", "|---|---|---|"]
    shown = versions[-MAX_VERSIONS:]
    for version in shown:
        when = format_instant(version.received, report.timezone) if version.received else "not recorded"
        attested = ", attested" if version.source == Source.ATTESTED else ""
        timing = ("after the deadline" if version.late else "before the deadline") if closes else ""
        counts = "; counts" if record is not None and version.sha == record.counted else ""
        lines.append(f"| {code(version.sha[:7])} | {when}{attested} | {timing}{counts} |")
    if len(versions) > len(shown):
        lines.append(f"| … | and {len(versions) - len(shown)} earlier versions | |")
    lines += ["", "</details>"]
    return "\n".join(lines)


def _next(report: Report) -> Iterable[str]:
    if report.state == PullState.MERGED:
        yield "This input has been merged. Thank you."
        return
    if report.close or (report.closed_by_bot and report.state == PullState.CLOSED):
        yield ("This pull request is closed because it arrived after the deadline and the timeline says late "
               "input to this window is closed. Nothing is lost: the branch and this record are kept, and the "
               "Presidency can still accept the input by commenting `/ccmflow accept-late`.")
    elif report.state == PullState.CLOSED:
        yield "This pull request is closed. Nothing is lost: its branch and this record are kept."
    if report.findings or report.unknown_files:
        yield "Please fix the problems listed above; the bot checks every new version automatically."
    if report.verdict in (Verdict.LATE, Verdict.AMENDED_LATE) and not report.close:
        mentions = " ".join(f"@{login}" for login in report.presidency)
        yield (f"The Presidency ({mentions}) has been told. It can accept the late input by commenting "
               "`/ccmflow accept-late` on this pull request." if mentions else
               "The Presidency decides whether to accept the late input.")
    open_windows = [d.window for d in report.documents
                    if d.window and d.window.closes and report.now <= d.window.closes]
    if report.state == PullState.OPEN and open_windows:
        closes = min(w.closes for w in open_windows if w.closes)
        yield (f"You can still push changes until the deadline, {format_instant(closes, report.timezone)}. "
               "Changes pushed after it are marked as late.")
    if report.protected:
        yield "The Presidency reviews the changes to files that are not documents."
    kinds = [c.kind for d in report.documents for c in d.record.changes]
    on_record = bool(kinds) and all(k == InputKind.POSITION for k in kinds)
    if report.state == PullState.OPEN and report.verdict != Verdict.LATE and on_record:
        yield "Your position is put on the record: the final report lists it, attributed to your delegation."
    elif report.state == PullState.OPEN and report.verdict != Verdict.LATE:
        yield "The Presidency considers the input when it prepares the next version of the document."
