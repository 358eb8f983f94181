"""One record per input: every fact of an input, computed once at the version that counts.

An input's delegations, who entered it and how, what it changes, its justification, every version with its
receipt time and that time's source, and the verdict are decided in one place (`ccmflow.triage.record`) and kept
here. Every output (the bot's comment, the summary, the compilation text, the freeze manifest, the register, the
trace, the redlines, Word and the site) reads this record; none works a fact out again. A freeze stores the record
as JSON with a schema version, so what an on-time input said and for whom stays as it was at the deadline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from msgspec import Struct

from ccmflow.core.categories import Category
from ccmflow.core.inputfile import NO_TEXT_KINDS, Channel, InputKind
from ccmflow.core.model import Registry, Stakeholder
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Acceptance, Source


class PullState(StrEnum):
    """Where an input's pull request stands on GitHub."""

    OPEN = "open"
    CLOSED = "closed"  # closed without being merged (withdrawn, or closed by the bot as late)
    MERGED = "merged"


RECORD_SCHEMA = 2  # 1: a freeze manifest's entries held only the on-time head and the author's delegation
COUNTED = (Verdict.ON_TIME, Verdict.EARLY, Verdict.NO_DEADLINE, Verdict.NO_WINDOW, Verdict.LATE_ACCEPTED)


class Received(Struct, frozen=True, kw_only=True):
    """One version of an input: its head commit, when it was received and what says so."""

    sha: str
    received: datetime | None  # None: no time is known here (a ref the ledger does not know)
    source: Source | None
    late: bool = False  # received after its window's deadline


class InputChange(Struct, frozen=True, kw_only=True):
    """One thing the input asks for, at the version that counts."""

    kind: InputKind  # amend, insert, delete, move or remark
    paragraphs: tuple[str, ...] = ()  # the paragraph ids it changes (insert: the new one; remark: the one it is on)
    section: str | None = None  # where it stands (a remark: the section it is about; None: the whole document)
    justification: str = ""  # why, in the delegation's words (a Word comment, the form's field, --justification)
    text: str = ""  # a remark's words


class Entered(Struct, frozen=True, kw_only=True):
    """The account that entered the input on GitHub (the issue's author for a form), as GitHub identified it."""

    login: str
    user_id: int | None  # None: only a commit's author is known (a ref the ledger does not know)
    stakeholder: str | None  # the delegation the registry gives that account
    verified: bool  # the identity comes from GitHub (the ledger), not from a commit


class InputRecord(Struct, frozen=True, kw_only=True):
    """Every fact of one input to one document, at the version that counts."""

    name: str  # pr-12, or a branch's short name
    number: int | None
    document: str
    window: str | None  # the window it was judged in
    title: str
    entered_by: Entered
    delegations: tuple[str, ...]  # registry ids credited, the first leading; () for an unregistered author
    proposed: tuple[str, ...] = ()  # named as co-sponsors in the input, not confirmed by them (never credited)
    channel: Channel = Channel.GITHUB
    reference: str | None = None  # e.g. the e-mail it came in
    changes: tuple[InputChange, ...] = ()
    justification: str = ""
    problems: tuple[str, ...] = ()  # why the version that counts does not pass validation, located
    versions: tuple[Received, ...] = ()  # every version known, in order of receipt
    counted: str | None = None  # the version that counts
    verdict: Verdict = Verdict.UNKNOWN
    accepted: Acceptance | None = None  # the Presidency's acceptance of a late input (re-checked when made)
    note: str = ""  # why the verdict is unknown, when it is
    frozen: bool = False  # read from the window's freeze manifest
    schema: int = RECORD_SCHEMA

    @property
    def version(self) -> Received | None:
        """The version that counts."""
        return next((v for v in self.versions if v.sha == self.counted), None)

    @property
    def received(self) -> datetime | None:
        version = self.version
        return version.received if version is not None else None

    @property
    def source(self) -> Source | None:
        version = self.version
        return version.source if version is not None else None

    @property
    def later(self) -> tuple[Received, ...]:
        """Versions received after the one that counts (late, and not counted unless accepted)."""
        counted = self.received
        if counted is None:
            return ()
        return tuple(v for v in self.versions if v.sha != self.counted and v.received is not None
                     and v.received > counted)

    @property
    def kinds(self) -> tuple[InputKind, ...]:
        return tuple(dict.fromkeys(c.kind for c in self.changes))

    @property
    def remarks(self) -> tuple[InputChange, ...]:
        return tuple(c for c in self.changes if c.kind in NO_TEXT_KINDS)

    @property
    def remark_only(self) -> bool:
        """A general remark and nothing else: there is no text to take into a version."""
        return bool(self.changes) and all(c.kind in NO_TEXT_KINDS for c in self.changes)

    @property
    def invalid(self) -> bool:
        return bool(self.problems)

    @property
    def excluded(self) -> bool:
        """Late and not accepted: not to be considered for the next version."""
        return self.verdict == Verdict.LATE

    def as_json(self) -> dict[str, Any]:
        return {
            "schema": self.schema, "name": self.name, "number": self.number, "document": self.document,
            "window": self.window, "title": self.title,
            "entered_by": {"login": self.entered_by.login, "user_id": self.entered_by.user_id,
                           "stakeholder": self.entered_by.stakeholder, "verified": self.entered_by.verified},
            "delegations": list(self.delegations), "proposed": list(self.proposed), "channel": str(self.channel),
            "reference": self.reference,
            "changes": [{"kind": str(c.kind), "paragraphs": list(c.paragraphs), "section": c.section,
                         "justification": c.justification, "text": c.text} for c in self.changes],
            "justification": self.justification, "problems": list(self.problems),
            "versions": [{"sha": v.sha, "received": _time(v.received), "source": str(v.source) if v.source else None,
                          "late": v.late} for v in self.versions],
            "counted": self.counted, "verdict": str(self.verdict),
            "accepted": None if self.accepted is None else {
                "by_id": self.accepted.by_id, "by_login": self.accepted.by_login, "at": _time(self.accepted.at)},
            "note": self.note,
        }


def _time(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _instant(value: object) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return parsed.astimezone(UTC)


def _required(value: object) -> datetime:
    found = _instant(value)
    if found is None:
        raise ValueError("a time is missing")
    return found


def record_from_json(data: Mapping[str, Any], *, frozen: bool = False) -> InputRecord:
    """A record written by `as_json`; ValueError, KeyError or TypeError when it is not one (the caller rebuilds)."""
    if int(data["schema"]) != RECORD_SCHEMA:
        raise ValueError(f"record schema {data['schema']} is not {RECORD_SCHEMA}")
    who = data["entered_by"]
    accepted = data.get("accepted")
    return InputRecord(
        name=str(data["name"]), number=None if data["number"] is None else int(data["number"]),
        document=str(data["document"]), window=data["window"], title=str(data["title"]),
        entered_by=Entered(login=str(who["login"]), user_id=who["user_id"], stakeholder=who["stakeholder"],
                           verified=bool(who["verified"])),
        delegations=tuple(map(str, data["delegations"])), proposed=tuple(map(str, data["proposed"])),
        channel=Channel(data["channel"]), reference=data["reference"],
        changes=tuple(InputChange(kind=InputKind(c["kind"]), paragraphs=tuple(map(str, c["paragraphs"])),
                                  section=c["section"], justification=str(c["justification"]), text=str(c["text"]))
                      for c in data["changes"]),
        justification=str(data["justification"]), problems=tuple(map(str, data["problems"])),
        versions=tuple(Received(sha=str(v["sha"]), received=_instant(v["received"]),
                                source=Source(v["source"]) if v["source"] else None, late=bool(v["late"]))
                       for v in data["versions"]),
        counted=data["counted"], verdict=Verdict(data["verdict"]),
        accepted=None if not accepted else Acceptance(int(accepted["by_id"]), str(accepted["by_login"]),
                                                      _required(accepted["at"])),
        note=str(data["note"]), frozen=frozen)


def credited(record: InputRecord, registry: Registry) -> tuple[Stakeholder, ...]:
    """The delegations the record credits, as the registry has them (one it no longer lists is left out)."""
    return tuple(s for d in record.delegations if (s := registry.get(d)) is not None)


def names_of(registry: Registry, ids: Iterable[str]) -> tuple[str, ...]:
    """The names people read for registry ids (an id the registry no longer has, as it is)."""
    return tuple((s.name if (s := registry.get(i)) is not None else i) for i in ids)


def credit_name(record: InputRecord, registry: Registry) -> str:
    """Who the input is from, as people read it: 'Austria, Chile', or an account outside the registry, marked."""
    if record.delegations:
        return ", ".join(names_of(registry, record.delegations))
    who = record.entered_by
    return f"{who.login} (unregistered)" if who.verified else f"{who.login} (unverified)"


def credit_category(record: InputRecord, registry: Registry) -> str:
    """The first credited delegation's category (a joint input is counted once)."""
    found = credited(record, registry)
    if found:
        return found[0].category
    return Category.UNREGISTERED if record.entered_by.verified else Category.UNVERIFIED
