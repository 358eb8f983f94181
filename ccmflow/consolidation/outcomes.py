"""Which inputs a window had, and what became of each in a consolidated version (the default dispositions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from ccmflow.consolidation.dispositions import Disposition, Outcome
from ccmflow.consolidation.inputmerge import Merged, Taken, present
from ccmflow.core.model import Document, number_name
from ccmflow.core.record import InputRecord
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Source
from ccmflow.inputs.collect import collect
from ccmflow.repo.store import Store

_MAX_LISTED = 6


def window_inputs(store: Store, base: str, document: Document, window: str | None,
                  now: datetime) -> tuple[InputRecord, ...]:
    """Every input of the window, with its record: the same records the summary and the freeze read.

    Late inputs are listed with the on-time ones (each gets a disposition, so none is lost); an input closed
    without being merged (withdrawn) is left out.
    """
    collected = collect(store, document.id, window_id=window, base=base, now=now)
    return tuple(i.record for i in collected.inputs)


def _labels(pids: Sequence[str], numbers: dict[str, str]) -> str:
    names = [number_name(numbers[p]) if numbers.get(p) else p for p in pids]
    shown = ", ".join(names[:_MAX_LISTED])
    return shown + (f" and {len(names) - _MAX_LISTED} more" if len(names) > _MAX_LISTED else "")


def dispose(merged: Merged, version_name: str, listed: Sequence[InputRecord],
            cosponsored: Mapping[str, tuple[str, ...]] | None = None) -> list[Disposition]:
    """The default disposition of every input: taken ones by what stands in the result; others not retained,
    unless their whole change stands in it anyway (`cosponsored`: the same text carried by a taken input)."""
    final = merged.document
    numbers = {**merged.base.numbers(), **final.numbers()}
    order = [p.id for _, p in final.walk()]
    standing = set(order)
    order += [p.id for _, p in merged.base.walk() if p.id not in standing]
    info = {w.name: w for w in listed}
    result: list[Disposition] = []
    for index, taken in enumerate(merged.taken):
        later = merged.taken[index + 1:]
        w = info.get(taken.input.name)
        if w is not None and w.remark_only:  # taken or not, a general remark has no text to take: it is noted
            result.append(_disposition(w.name, w, Outcome.NOTED, REMARK_NOTED))
            continue
        outcome, reason, pids, by = _outcome(taken, later, final, numbers, version_name, order)
        if w is not None and w.excluded:
            reason += f" {LATE_TAKEN}"
        ordered = tuple(p for p in order if p in pids)
        result.append(_disposition(taken.input.name, w, outcome, reason, ordered, by))
    names = {t.input.name for t in merged.taken}
    carried = cosponsored or {}
    for w in listed:
        if w.name in names:
            continue
        if w.remark_only:
            result.append(_disposition(w.name, w, Outcome.NOTED, REMARK_NOTED))
            continue
        if w.name in carried and not w.excluded:
            by = carried[w.name]
            reason = (f"Incorporated in the {version_name.lower()}: the same text was proposed by "
                      f"{' and '.join(by)}.")
            credited = tuple(p.id for _, p in final.walk() if w.name in p.derived_from)
            result.append(_disposition(w.name, w, Outcome.INCORPORATED, reason, credited, by))
            continue
        result.append(_disposition(w.name, w, Outcome.NOT_RETAINED, _left_out(w, version_name.lower())))
    return sorted(result, key=lambda d: (d.number is None, d.number or 0, d.input))


REMARK_NOTED = "A general remark: noted by the Presidency."
LATE_TAKEN = ("It was received after the deadline and the presidency has not accepted it late "
              "(`/ccmflow accept-late` on its pull request records that).")


def _disposition(name: str, w: InputRecord | None, outcome: Outcome, reason: str, paragraphs: tuple[str, ...] = (),
                 superseded_by: tuple[str, ...] = ()) -> Disposition:
    """One input's line of the register, credited as its record credits it (the first delegation leading)."""
    if w is None:
        return Disposition(input=name, outcome=outcome, reason=reason, paragraphs=paragraphs,
                           superseded_by=superseded_by)
    received = w.received
    return Disposition(input=name, outcome=outcome, reason=reason, paragraphs=paragraphs, title=w.title,
                       stakeholder=w.delegations[0] if w.delegations else None, superseded_by=superseded_by,
                       joint=w.delegations[1:], proposed=w.proposed,
                       received=received.astimezone(UTC).isoformat() if received is not None else None,
                       received_by=str(w.channel), attested=w.source == Source.ATTESTED, timing=str(w.verdict),
                       kinds=tuple(str(k) for k in w.kinds), justification=w.justification)


def _left_out(w: InputRecord, version: str) -> str:
    """Why an input not taken is not in the version: late, invalid, or the presidency's choice."""
    if w.excluded:
        reason = f"Received after the deadline; not considered for the {version}."
    elif w.verdict == Verdict.LATE_ACCEPTED:
        reason = f"Received after the deadline and accepted late; not taken into the {version}."
    else:
        reason = f"Not taken into the {version}."
    if w.invalid:
        reason += (f" Its text does not pass validation ({w.problems[0]}), so it could not be merged as it "
                   "stands.")
    return reason


def _clash(taken: Taken, numbers: dict[str, str], order: Sequence[str]) -> str:
    """Where the input's change lost a clash, and whose text stands there instead, paragraphs in document order."""
    if not taken.conflicts:
        return ""
    rank = {pid: i for i, pid in enumerate(order)}
    by_winner: dict[tuple[str, ...], list[str]] = {}
    for pid, others in sorted(taken.kept_instead, key=lambda item: rank.get(item[0], len(rank))):
        by_winner.setdefault(others, []).append(pid)
    parts = []
    for others, pids in by_winner.items():
        where = _labels(pids, numbers)
        if others:
            names = " and ".join(others)
            parts.append(f"It conflicted with {names} on {where}; the text of {names} was kept.")
        else:
            parts.append(f"It conflicted with later edits of {where} on the base branch, which were kept.")
    return " " + " ".join(parts)


def _outcome(taken: Taken, later: Sequence[Taken], final: Document, numbers: dict[str, str],
             version: str, order: Sequence[str]) -> tuple[Outcome, str, set[str], tuple[str, ...]]:
    changed = set(taken.changes)
    if not changed:
        return Outcome.NOT_RETAINED, f"Proposes no change to the text of {final.title}.", set(), ()
    kept = present(final, taken)
    existing = {p for p in changed if final.paragraph(p) is not None}
    clash = _clash(taken, numbers, order)
    if kept == changed:
        return Outcome.INCORPORATED, f"Incorporated in the {version.lower()}.", existing, ()
    by = tuple(t.input.name for t in later if changed & set(t.changes))
    if all(any(p in t.changes for t in later) for p in changed):
        return Outcome.SUPERSEDED, f"Superseded by {' and '.join(by)}, which changed the same paragraphs.", existing, by
    lost = changed - kept
    missing = [p for p in order if p in lost] + sorted(lost.difference(order))
    if kept:
        standing = sorted(kept & existing)
        reflected = (f"{_labels(standing, numbers)} {'reflects' if len(standing) == 1 else 'reflect'} it"
                     if standing else "its deletions stand")
        return Outcome.PARTLY, (f"Partly incorporated: {reflected}; the changes to "
                                f"{_labels(missing, numbers)} were not retained.{clash}"), kept & existing, ()
    return Outcome.NOT_RETAINED, f"Not retained in the {version.lower()}.{clash}", set(), ()
