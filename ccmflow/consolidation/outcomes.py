"""Which inputs a window had, and what became of each in a consolidated version (the default dispositions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from ccmflow.consolidation.dispositions import Disposition, Outcome
from ccmflow.consolidation.inputmerge import Merged, Taken, present
from ccmflow.core.inputfile import InputFile, InputKind
from ccmflow.core.model import Document, Registry, number_name
from ccmflow.read.inputfile import parse_input
from ccmflow.repo.git import Commit, Oid, Repository, commit_of, find_commit, has_ref, merge_base, ref_names
from ccmflow.repo.inputfiles import input_files_since_base
from ccmflow.repo.inputref import input_name, pull_number, pull_ref, ref_commit
from ccmflow.repo.ledger import read_ledger, read_manifest
from ccmflow.repo.treeedit import blob_id
from ccmflow.triage.credit import attest_log, attested_time, may_speak_for

_MAX_LISTED = 6


@dataclass(frozen=True, slots=True, kw_only=True)
class WindowInput:
    """An input made to the window, whether or not it is taken."""

    name: str
    number: int | None
    title: str = ""
    stakeholder: str | None = None
    late: bool = False  # no version arrived by the deadline
    accepted: bool = False  # late, and the presidency accepted it (by someone who holds accept-late now)
    invalid: str = ""  # what is wrong with the version that counts, when it does not pass validation
    joint: tuple[str, ...] = ()  # the other delegations credited by the input's record
    remark: bool = False  # a general remark only: nothing to incorporate

    @property
    def excluded(self) -> bool:
        """Late and not accepted: not to be considered for the next version."""
        return self.late and not self.accepted


def _touches(repo: Repository, base: Commit, head: Oid, path: str) -> bool:
    """Whether the commit changes the file at `path` relative to its merge base with `base`."""
    found = merge_base(repo, base.id, head)
    if found is None:
        return False
    return blob_id(commit_of(repo, found).tree, path) != blob_id(commit_of(repo, head).tree, path)


def window_inputs(repo: Repository, base: Commit, document: Document, window: str | None,
                  registry: Registry, closes: datetime | None = None) -> list[WindowInput]:
    """Every input of the window: the freeze manifest's (on time), then the ledger's and refs/pull/* touching DOC.

    The manifest holds only inputs with an on-time version; inputs the ledger or refs add beside it are late and
    still get a disposition, so none is lost. Before the freeze, an input the ledger logged only after
    `closes` is late too. An input closed without being merged (withdrawn) is left out.
    """
    ledger = read_ledger(repo)
    manifest = read_manifest(repo, window) if window else None
    listed: dict[int, WindowInput] = {}
    for entry in manifest.inputs if manifest is not None else ():
        record = ledger.get(entry.number)
        listed[entry.number] = WindowInput(
            name=input_name(entry.number), number=entry.number, title=record.title if record else "",
            stakeholder=entry.stakeholder, late=entry.sha is None,
            accepted=record is not None and record.log.acceptance(registry) is not None)
    late = manifest is not None
    for record in ledger.inputs:
        if record.state == "closed" or record.number in listed:
            continue
        head = _head(repo, record.number, record.head_sha)
        records = _records(repo, base, head, document.id) if head is not None else ()
        if record.log.window is None:  # never logged to a window: in it when its head changes DOC
            wanted = head is not None and (bool(records) or _touches(repo, base, head, document.path))
        else:
            wanted = record.log.window == window
        if wanted:
            stakeholder = registry.by_user_id(record.author_id)
            # Credit and time as triage and the summary judge them: the records' delegations only when the
            # author may speak for them, an attested time only from the record-input role.
            named = tuple(dict.fromkeys(d for r in records for d in r.on_behalf_of))
            credited = list(named) if may_speak_for(registry, record.author_id, named) else []
            own = stakeholder.id if stakeholder else None
            received, _ = attested_time(records, registry, record.author_id, record.created_at)
            log = attest_log(record.log, received)
            on_time = closes is None or log.last_before(closes) is not None or not log.receipts
            remark = (bool(records) and all(r.kind == InputKind.REMARK for r in records) and head is not None
                      and not _touches(repo, base, head, document.path))
            listed[record.number] = WindowInput(
                name=input_name(record.number), number=record.number, title=record.title,
                stakeholder=credited[0] if credited else own, late=late or not on_time,
                accepted=record.log.acceptance(registry) is not None, joint=tuple(credited[1:]), remark=remark)
    for ref in ref_names(repo):
        number = pull_number(ref)
        if number is None or number in listed or ledger.get(number) is not None:
            continue
        if _touches(repo, base, ref_commit(repo, ref), document.path):
            listed[number] = WindowInput(name=input_name(number), number=number, late=late)
    return [listed[n] for n in sorted(listed)]


def _records(repo: Repository, base: Commit, head: Oid, document: str) -> tuple[InputFile, ...]:
    """The input records the commit adds for `document` (documents/inputs/DOC/), valid ones only."""
    records = (parse_input(f)[0] for f in input_files_since_base(repo, base, head))
    return tuple(r for r in records if r is not None and r.document == document)


def _head(repo: Repository, number: int, sha: str) -> Oid | None:
    if has_ref(repo, pull_ref(number)):
        return ref_commit(repo, pull_ref(number))
    commit = find_commit(repo, sha)
    return commit.id if commit is not None else None


def _labels(pids: Sequence[str], numbers: dict[str, str]) -> str:
    names = [number_name(numbers[p]) if numbers.get(p) else p for p in pids]
    shown = ", ".join(names[:_MAX_LISTED])
    return shown + (f" and {len(names) - _MAX_LISTED} more" if len(names) > _MAX_LISTED else "")


def dispose(merged: Merged, version_name: str, listed: Sequence[WindowInput],
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
        outcome, reason, pids, by = _outcome(taken, later, final, numbers, version_name, order)
        w = info.get(taken.input.name)
        if w is not None and w.excluded:
            reason += f" {LATE_TAKEN}"
        ordered = tuple(p for p in order if p in pids)
        result.append(Disposition(input=taken.input.name, outcome=outcome, reason=reason, paragraphs=ordered,
                                  title=w.title if w else "", stakeholder=w.stakeholder if w else None,
                                  superseded_by=by, joint=w.joint if w else ()))
    names = {t.input.name for t in merged.taken}
    carried = cosponsored or {}
    for w in listed:
        if w.name in names:
            continue
        if w.remark:
            result.append(Disposition(input=w.name, outcome=Outcome.NOTED,
                                      reason="A general remark: noted by the Presidency.", paragraphs=(),
                                      title=w.title, stakeholder=w.stakeholder, joint=w.joint))
            continue
        if w.name in carried and not w.excluded:
            by = carried[w.name]
            reason = (f"Incorporated in the {version_name.lower()}: the same text was proposed by "
                      f"{' and '.join(by)}.")
            credited = tuple(p.id for _, p in final.walk() if w.name in p.derived_from)
            result.append(Disposition(input=w.name, outcome=Outcome.INCORPORATED, reason=reason, paragraphs=credited,
                                      title=w.title, stakeholder=w.stakeholder, superseded_by=by, joint=w.joint))
            continue
        result.append(Disposition(input=w.name, outcome=Outcome.NOT_RETAINED, reason=_left_out(w, version_name.lower()),
                                  paragraphs=(), title=w.title, stakeholder=w.stakeholder, joint=w.joint))
    return sorted(result, key=lambda d: (d.number is None, d.number or 0, d.input))


LATE_TAKEN = ("It was received after the deadline and the presidency has not accepted it late "
              "(`/ccmflow accept-late` on its pull request records that).")


def _left_out(w: WindowInput, version: str) -> str:
    """Why an input not taken is not in the version: late, invalid, or the presidency's choice."""
    if w.excluded:
        reason = f"Received after the deadline; not considered for the {version}."
    elif w.late:
        reason = f"Received after the deadline and accepted late; not taken into the {version}."
    else:
        reason = f"Not taken into the {version}."
    if w.invalid:
        reason += f" Its text does not pass validation ({w.invalid}), so it could not be merged as it stands."
    return reason


def _clash(taken: Taken, numbers: dict[str, str]) -> str:
    if not taken.conflicts:
        return ""
    where = _labels([c.paragraph_id for c in taken.conflicts], numbers)
    if not taken.conflicting_with:
        return f" It conflicted with later edits of {where} on the base branch, which were kept."
    others = " and ".join(taken.conflicting_with)
    return f" It conflicted with {others} on {where}; the text of {others} was kept."


def _outcome(taken: Taken, later: Sequence[Taken], final: Document, numbers: dict[str, str],
             version: str, order: Sequence[str]) -> tuple[Outcome, str, set[str], tuple[str, ...]]:
    changed = set(taken.changes)
    if not changed:
        return Outcome.NOT_RETAINED, f"Proposes no change to the text of {final.title}.", set(), ()
    kept = present(final, taken)
    existing = {p for p in changed if final.paragraph(p) is not None}
    clash = _clash(taken, numbers)
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
