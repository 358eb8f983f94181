"""The consolidation summary as data: per section, every input touching it, overlaps and co-sponsored proposals."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from msgspec import Struct

from ccmflow.compare.diff import Anchor, ChangeKind, ParagraphChange
from ccmflow.core.categories import OUTSIDE_REGISTRY
from ccmflow.core.inputfile import InputKind
from ccmflow.core.model import Document, Paragraph, paragraph_label
from ccmflow.core.record import InputRecord
from ccmflow.core.status import Verdict, format_instant
from ccmflow.core.submissions import Source
from ccmflow.inputs.collect import Input, Inputs
from ccmflow.repo.inputref import FETCH_HINT

# Every verdict an input can have, in the order the counts show them.
TIMINGS = (Verdict.ON_TIME, Verdict.EARLY, Verdict.NO_DEADLINE, Verdict.LATE_ACCEPTED, Verdict.LATE,
           Verdict.NO_WINDOW, Verdict.UNKNOWN)
AMEND, INSERT, DELETE, MOVE = InputKind.AMEND, InputKind.INSERT, InputKind.DELETE, InputKind.MOVE


class Entry(Struct, frozen=True):
    """One input's changes within one section."""

    input: str
    number: int | None
    delegation: str
    category: str
    verified: bool
    title: str
    amends: tuple[str, ...]  # "12 (pk3x9q2a)"
    inserts: tuple[str, ...]
    deletes: tuple[str, ...]
    moves: tuple[str, ...]
    timing: Verdict
    received: str | None  # when the version that counts was received, said for a person (with an attestation)
    later: str | None  # a newer version that does not count, said for a person
    justification: str  # why, in the delegation's words
    stale: str | None  # why the input needs a rebase onto the current text
    proposed: tuple[str, ...] = ()  # named as co-sponsors without confirming: never credited
    channel: str = "github"
    remarks: tuple[str, ...] = ()  # what it remarks on in the section (a section's title, or a paragraph)


class Overlap(Struct, frozen=True):
    """A paragraph of the base text touched by more than one input."""

    id: str
    paragraph: str
    inputs: tuple[str, ...]
    proposals: int  # distinct proposals among those inputs


class CoSponsored(Struct, frozen=True):
    """One proposal made identically by several inputs."""

    kind: InputKind  # amend | insert | delete | move
    target: str  # the paragraph it applies to, or where an insertion goes
    inputs: tuple[str, ...]
    delegations: tuple[str, ...]
    text: str  # what the proposal does: the words it inserts and deletes, or the new paragraph quoted


class GeneralRemark(Struct, frozen=True):
    """Views on a section or the whole document, with no text change: attributed and timed like any input."""

    input: str
    delegation: str
    timing: Verdict
    text: str


class SectionSummary(Struct, frozen=True):
    """The inputs on one section of a document, with the overlaps among them and joint proposals."""

    id: str
    title: str
    entries: tuple[Entry, ...]
    overlaps: tuple[Overlap, ...]
    cosponsored: tuple[CoSponsored, ...]
    remarks: tuple[GeneralRemark, ...] = ()


class Invalid(Struct, frozen=True):
    """An input left out of the sections because it does not pass validation."""

    input: str
    delegation: str
    title: str
    timing: Verdict
    problems: tuple[str, ...]


class Summary(Struct, frozen=True):
    """A consolidation summary: the inputs to a document in a window, section by section."""

    document: str
    title: str
    window: str | None
    window_title: str | None
    closes: str | None  # for a person, conference time and UTC
    frozen_at: str | None
    generated: str
    base: str
    total: int
    sections: tuple[SectionSummary, ...]
    by_category: tuple[tuple[str, int], ...]
    by_timing: tuple[tuple[Verdict, int], ...]
    invalid: tuple[Invalid, ...]
    stale: tuple[tuple[str, str], ...]  # (input, reason)
    notes: tuple[str, ...]
    compilation: str | None = None  # where the compilation text is, when published
    remarks: tuple[GeneralRemark, ...] = ()  # general remarks on the whole document

    def as_json(self) -> dict[str, object]:
        return {
            "document": self.document, "title": self.title, "window": self.window,
            "window_title": self.window_title, "closes": self.closes, "frozen_at": self.frozen_at,
            "generated": self.generated, "base": self.base, "total": self.total,
            "by_category": dict(self.by_category), "by_timing": dict(self.by_timing),
            "sections": [{"id": s.id, "title": s.title, "inputs": [_entry_json(e) for e in s.entries],
                          "overlaps": [{"id": o.id, "paragraph": o.paragraph, "inputs": list(o.inputs),
                                        "proposals": o.proposals} for o in s.overlaps],
                          "cosponsored": [{"kind": c.kind, "target": c.target, "inputs": list(c.inputs),
                                           "delegations": list(c.delegations), "text": c.text}
                                          for c in s.cosponsored],
                          "general_remarks": [_remark_json(r) for r in s.remarks]} for s in self.sections],
            "general_remarks": [_remark_json(r) for r in self.remarks],
            "invalid": [{"input": i.input, "delegation": i.delegation, "title": i.title, "timing": i.timing,
                         "problems": list(i.problems)} for i in self.invalid],
            "stale": [{"input": n, "reason": r} for n, r in self.stale],
            "notes": list(self.notes), "compilation": self.compilation,
        }


def _remark_json(remark: GeneralRemark) -> dict[str, object]:
    return {"input": remark.input, "delegation": remark.delegation, "timing": remark.timing, "text": remark.text}


def general_remarks(inputs: Sequence[Input], section: str | None) -> tuple[GeneralRemark, ...]:
    """The general remarks of `inputs` on one section (None: on the whole document)."""
    return tuple(GeneralRemark(i.name, i.who, i.timing, r.text) for i in inputs for r in i.record.remarks
                 if r.section == section)


def _entry_json(entry: Entry) -> dict[str, object]:
    return {"input": entry.input, "number": entry.number, "delegation": entry.delegation,
            "category": entry.category, "verified": entry.verified, "title": entry.title,
            "amends": list(entry.amends), "inserts": list(entry.inserts), "deletes": list(entry.deletes),
            "moves": list(entry.moves), "timing": entry.timing, "received": entry.received,
            "later": entry.later, "justification": entry.justification, "stale": entry.stale,
            "proposed": list(entry.proposed), "channel": entry.channel, "remarks": list(entry.remarks)}


def build(collected: Inputs, compilation: str | None = None) -> Summary:
    """The summary of collected inputs; `compilation` says where the compilation text is published."""
    document = collected.document
    labels = _Labels(document)
    stale = {i.name: _stale(i, labels) for i in collected.inputs if i.examined.stale}
    zone = collected.workspace.process.conference.timezone
    valid = collected.valid
    shown = {i.name for i in valid}
    touching, remarks = _by_section(valid)  # one pass over the inputs, not one per section
    timing = _Timing(zone)
    sections = tuple(s for s in (_section(sid, title, touching.get(sid, ()), remarks.get(sid, ()), labels, timing,
                                          stale)
                                 for sid, title in _section_order(document, valid)) if s.entries or s.remarks)
    window = collected.window
    manifest = collected.manifest
    invalid = tuple(Invalid(i.name, i.who, i.title, i.timing, i.record.problems or ("the document does not parse",))
                    for i in collected.inputs if i.invalid)
    return Summary(
        document.id, document.title, window.id if window else None, window.title if window else None,
        format_instant(window.closes, zone) if window and window.closes else None,
        format_instant(manifest.frozen_at, zone) if manifest else None,
        format_instant(collected.now, zone), collected.base[:10], len(collected.inputs), sections,
        _categories(collected), _timings(collected.inputs), invalid,
        tuple((name, reason) for name, reason in sorted(stale.items()) if name in shown),
        _notes(collected), compilation, general_remarks(valid, None))


class _Labels:
    """Paragraph labels as the base text numbers them; paragraphs the base lacks keep the input's number."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.numbers = document.numbers()

    def of(self, pid: str, fallback: str | None = None) -> str:
        number = self.numbers.get(pid, fallback or "")
        return paragraph_label(number, pid)

    def new(self, pid: str, anchor: Anchor | None) -> str:
        """A paragraph the base lacks, by where it would go: 'new (pq...) after 18 (pletsoan)'."""
        if anchor is None:
            return f"new ({pid})"
        if anchor.after is None:
            return f"new ({pid}) first in the section"
        return f"new ({pid}) after {self.of(anchor.after)}"


class _Timing:
    """When each input's version that counts, and a later one, were received, said once per input: an input on
    several sections has an entry in each."""

    def __init__(self, zone: str) -> None:
        self.zone = zone
        self._said: dict[int, tuple[str | None, str | None]] = {}

    def of(self, record: InputRecord) -> tuple[str | None, str | None]:
        """(receipt(record, zone), later(record, zone))."""
        said = self._said.get(id(record))  # the records outlive the summary's making: an id stays theirs
        if said is None:
            said = self._said[id(record)] = (receipt(record, self.zone), later(record, self.zone))
        return said


def _stale(item: Input, labels: _Labels) -> str:
    """'14 (pk3x9q2a) deleted; 15 (pq...) rewritten', numbered as the input's own base numbered them."""
    numbers = {c.id: c.old_number for c in item.diff.changes} if item.diff else {}
    return "; ".join(f"{labels.of(pid, numbers.get(pid))} {reason} since the input was made"
                     for pid, reason in item.examined.stale)


def _section_order(document: Document, inputs: Sequence[Input]) -> list[tuple[str, str]]:
    order = [(s.id, s.title) for s in document.sections]
    known = {sid for sid, _ in order}
    for item in inputs:
        for change in item.diff.changes if item.diff else ():
            if change.section not in known:
                known.add(change.section)
                order.append((change.section, change.section))
    return order


def _by_section(inputs: Sequence[Input]) -> tuple[dict[str, list[tuple[Input, list[ParagraphChange]]]],
                                                   dict[str, tuple[GeneralRemark, ...]]]:
    """Per section: the inputs that change it (where a paragraph stands now or stood) or remark on it, in order,
    each with its changes there; and the general remarks on it (what general_remarks gives for the section)."""
    touching: dict[str, list[tuple[Input, list[ParagraphChange]]]] = defaultdict(list)
    remarks: dict[str, list[GeneralRemark]] = defaultdict(list)
    for item in inputs:
        own: dict[str, list[ParagraphChange]] = {}
        for change in item.diff.changes if item.diff else ():
            own.setdefault(change.section, []).append(change)
            if change.old_section is not None and change.old_section != change.section:
                own.setdefault(change.old_section, []).append(change)
        for remark in item.record.remarks:
            if remark.section is not None:
                own.setdefault(remark.section, [])
                remarks[remark.section].append(GeneralRemark(item.name, item.who, item.timing, remark.text))
        for sid, changes in own.items():
            touching[sid].append((item, changes))
    return touching, {sid: tuple(found) for sid, found in remarks.items()}


def _section(sid: str, title: str, touching: Sequence[tuple[Input, list[ParagraphChange]]],
             remarks: tuple[GeneralRemark, ...], labels: _Labels, timing: _Timing,
             stale: Mapping[str, str]) -> SectionSummary:
    entries: list[Entry] = []
    proposals: dict[str, list[tuple[Input, tuple[object, ...]]]] = defaultdict(list)
    changed: dict[tuple[str, tuple[object, ...]], ParagraphChange] = {}
    inserted: dict[tuple[object, ...], list[Input]] = defaultdict(list)
    for item, changes in touching:
        entries.append(_entry(item, changes, labels, timing, stale, sid))
        for change in changes:
            if change.change == ChangeKind.ADDED and change.new is not None:
                inserted[(INSERT, *_content(change.new))].append(item)
            elif change.section == sid or change.change == ChangeKind.REMOVED:
                proposal = _proposal(change)
                proposals[change.id].append((item, proposal))
                changed.setdefault((change.id, proposal), change)
    overlaps = tuple(Overlap(pid, labels.of(pid), tuple(i.name for i, _ in found), len({k for _, k in found}))
                     for pid, found in proposals.items() if len({i.name for i, _ in found}) > 1)
    groups: list[CoSponsored] = []
    for pid, found in proposals.items():
        by_key: dict[tuple[object, ...], list[Input]] = defaultdict(list)
        for item, key in found:
            by_key[key].append(item)
        for key, items in by_key.items():
            if len(items) > 1:
                groups.append(_group(InputKind(str(key[0])), labels.of(pid), items, _amendment(changed[pid, key])))
    for key, items in inserted.items():
        if len(items) > 1:
            text = next((str(v) for v in key[1:] if isinstance(v, str) and len(v) > 20), "")
            groups.append(_group(INSERT, "new paragraph", items, f"“{text}”" if text else ""))
    return SectionSummary(sid, title, tuple(entries), overlaps, tuple(groups), remarks)


def _content(paragraph: Paragraph) -> tuple[object, ...]:
    return tuple(paragraph.content().values())


def _proposal(change: ParagraphChange) -> tuple[object, ...]:
    if change.change == ChangeKind.REMOVED:
        return (DELETE,)
    new = change.new
    if change.change == ChangeKind.MOVED or new is None:
        return (MOVE, change.section)
    return (AMEND, *_content(new)) if not change.moved else (AMEND, change.section, *_content(new))


def _group(kind: InputKind, target: str, items: Sequence[Input], text: str) -> CoSponsored:
    return CoSponsored(kind, target, tuple(i.name for i in items), tuple(i.who for i in items), text)


_EXCERPT = 160  # characters of each inserted or deleted run quoted
_RUNS = 4  # inserted or deleted runs quoted, at most


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= _EXCERPT else text[:_EXCERPT - 1] + '…'}”"


def _amendment(change: ParagraphChange) -> str:
    """What an amendment does, for a person: the words it inserts and deletes, not the paragraph's start."""
    kept = sum(len(run) for op, run in change.redline if op == "=")
    new = change.new.text if change.new is not None else ""
    if change.redline and kept < sum(len(run) for op, run in change.redline if op != "="):
        # Mostly rewritten: its scattered runs would read as word salad, so the new text is quoted whole.
        parts = [f"rewrites it: {_quoted(new)}"]
    else:
        runs = [f"{'inserts' if op == '+' else 'deletes'} {_quoted(run)}" for op, run in change.redline
                if op != "=" and run.strip()]
        parts = runs[:_RUNS] + ([f"and {len(runs) - _RUNS} more change(s)"] if len(runs) > _RUNS else [])
    others = [f for f in change.fields if f != "text"]
    if others:
        parts.append(f"changes {', '.join(others)}")
    if change.moved:
        parts.append(f"moves it to {change.section}")
    return "; ".join(parts)


def _entry(item: Input, changes: Sequence[ParagraphChange], labels: _Labels, timing: _Timing,
           stale: Mapping[str, str], section: str) -> Entry:
    kinds: dict[InputKind, list[str]] = {AMEND: [], INSERT: [], DELETE: [], MOVE: []}
    for change in changes:
        if change.change == ChangeKind.ADDED:
            kinds[INSERT].append(labels.new(change.id, item.examined.anchor(change.id)))
        elif change.change == ChangeKind.REMOVED:
            kinds[DELETE].append(labels.of(change.id, change.old_number))
        else:
            if change.change == ChangeKind.MODIFIED:
                kinds[AMEND].append(labels.of(change.id, change.old_number))
            if change.moved:
                kinds[MOVE].append(labels.of(change.id, change.old_number))
    record = item.record
    remarked = tuple(labels.of(c.paragraphs[0]) if c.paragraphs else "the section" for c in record.remarks
                     if c.section == section)
    return Entry(item.name, item.number, item.who, item.category, item.verified, item.title,
                 tuple(kinds[AMEND]), tuple(kinds[INSERT]), tuple(kinds[DELETE]), tuple(kinds[MOVE]), item.timing,
                 *timing.of(record), record.justification, stale.get(item.name),
                 item.proposed, str(record.channel), remarked)


def receipt(record: InputRecord, zone: str) -> str | None:
    """When the version that counts was received, for a person: the attested time says so."""
    received = record.received
    if received is None:
        return None
    when = format_instant(received, zone)
    return f"{when}, by {record.channel}, as attested" if record.source == Source.ATTESTED else when


def later(record: InputRecord, zone: str) -> str | None:
    """The newest version that does not count (received after the one that does), said for a person."""
    newer = record.later
    if not newer or record.verdict == Verdict.LATE:
        return None
    last = newer[-1]
    when = format_instant(last.received, zone) if last.received else "at a time not recorded"
    return f"changed again ({last.sha[:7]}, received {when}): late, not counted"


def _categories(collected: Inputs) -> tuple[tuple[str, int], ...]:
    counts = Counter(i.category for i in collected.inputs)
    order = [s.category for s in collected.workspace.registry.stakeholders]
    ranked = sorted(counts, key=lambda c: (c in OUTSIDE_REGISTRY, order.index(c) if c in order else len(order), c))
    return tuple((c, counts[c]) for c in ranked)


def _timings(inputs: Iterable[Input]) -> tuple[tuple[Verdict, int], ...]:
    counts = Counter(i.timing for i in inputs)
    return tuple((t, counts[t]) for t in TIMINGS if counts[t])


def _notes(collected: Inputs) -> tuple[str, ...]:
    notes: list[str] = []
    if collected.missing:
        notes.append(f"{len(collected.missing)} open input(s) known to the bot have no local ref "
                     f"({', '.join(collected.missing[:20])}): run {FETCH_HINT}")
    if collected.withdrawn:
        notes.append(f"not shown, closed: {', '.join(collected.withdrawn)}")
    if collected.elsewhere:
        notes.append(f"not shown, judged in another window: {', '.join(collected.elsewhere)}")
    notes.extend(f"{i.name}: {i.note}" for i in collected.inputs if i.note)
    if any(not i.verified for i in collected.inputs):
        notes.append("unverified: refs the inputs ledger does not know; the author shown is the commit's, and "
                     "timing is unknown (commit dates are never used)")
    return tuple(notes)

