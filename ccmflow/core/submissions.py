"""The bot's state of one input: one typed record (`SubmissionLog`), written and read in this module only.

The bot keeps it as a hidden block at the very end of its own status comment, and the inputs ledger keeps a copy
for the offline commands. Only that last block counts (`decode` is anchored to the end of the body: nothing the
visible text says can be read as the state), and with a key (the workflow's secret) the block carries an
HMAC-SHA256 over its content, so a block the bot did not write is no state at all. The block is a cache: every
receipt in it is a time GitHub recorded (see `Source`), and the bot reads GitHub's own records again when the
block is lost. What it records is checked again where it is used: an acceptance counts only when its author
holds the `accept-late` role in the base branch's registry (`acceptance`), a co-sponsor's confirmation only
when its author is a registered account of that delegation (`confirmed`), and what is dated before the pull
request was opened is dropped (`since`).

Schema 2 is this record as JSON. Schema 1 (the bot before it) kept the same facts as strings of JSON in a bag
named `extra`; `from_json` reads both, so old comments and old ledgers migrate when they are next read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol, TypeVar

from msgspec import Struct, field
from msgspec.structs import replace

from ccmflow.core.model import Registry
from ccmflow.core.roles import Role

SCHEMA = 2  # the version of the JSON `as_json` writes; schema 1 had no "v" and an `extra` bag of strings
_BLOCK = re.compile(r"<!-- ccmflow:log ([A-Za-z0-9+/=]+)(?: hmac-sha256=([0-9a-f]{64}))? -->\s*\Z")
_SHA = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")
_MAX_BLOCK = 20_000  # bytes of JSON; triage keeps a log far smaller (see triage.MAX_RECEIPTS)
T = TypeVar("T")


class Roles(Protocol):
    """Who may do what: the base branch's registry."""

    def may(self, user_id: int, role: str) -> bool: ...


class Source(StrEnum):
    """What set a version's received time: always a time GitHub recorded, never a commit date."""

    PR_CREATED = "pr-created"  # the pull request's creation (its first version)
    EVENT = "event"  # the push event's server time (updated_at of a synchronize)
    BACKFILL = "backfill"  # updated_at read later: an upper bound, for a head whose own run was lost
    TIMELINE = "timeline"  # a head_ref_force_pushed event's created_at on the issue timeline
    RUN = "run"  # the created_at of a run of the receipts workflow, which GitHub starts on every push
    ATTESTED = "attested"  # an e-mail's time of receipt the ISU attested (applied when judging, never logged)
    ISSUE_CREATED = "issue-created"  # the issue form's creation (an input the bot opened from it)
    ISSUE_EDITED = "issue-edited"  # an edit of the issue form by its author


class Receipt(Struct, frozen=True):
    """One version of an input: its head commit and when GitHub received it (never a commit date)."""

    sha: str
    received: datetime
    source: Source

    def as_json(self) -> dict[str, str]:
        return {"sha": self.sha, "received": self.received.astimezone(UTC).isoformat(), "source": self.source}


class Acceptance(Struct, frozen=True):
    """A late input accepted by someone the registry allows to (`/ccmflow accept-late`)."""

    by_id: int
    by_login: str
    at: datetime


class Confirmation(Struct, frozen=True, kw_only=True):
    """A delegation's consent to be named on an input (`/ccmflow co-sponsor`): who said it, and when (GitHub's)."""

    delegation: str  # the registry id of the delegation confirmed
    by_id: int  # the numeric account id: re-checked against the registry at every use
    by_login: str
    at: datetime


class Recheck(Struct, frozen=True, kw_only=True):
    """Who last asked for a recheck (`/ccmflow recheck`), and when: the status comment says so."""

    by_id: int
    by_login: str
    at: datetime


class IssueOrigin(Struct, frozen=True, kw_only=True):
    """The issue a pull request was made from: its author speaks for the input, and its time opens it.

    Believed only for a pull request the bot itself opened: the pull request's author is the bot, so who the
    delegation is and since when the input exists come from the issue, as GitHub recorded them.
    """

    number: int
    author_id: int
    author_login: str
    created_at: datetime


class Applied(Struct, frozen=True, kw_only=True):
    """What the bot last made true on GitHub, so an unchanged re-run writes nothing."""

    labels: frozenset[str] | None = None  # None: never applied (or not known)
    sha: str | None = None  # the head the statuses below were set on
    statuses: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # context -> (state, description)


class _Numbered(Struct, frozen=True):
    """The pull request a submission log belongs to: its one positional field (msgspec has no KW_ONLY marker)."""

    number: int


class SubmissionLog(_Numbered, frozen=True, kw_only=True):
    """What the bot knows of one input: every version GitHub received, and what it has done about them."""

    receipts: tuple[Receipt, ...] = ()
    accepted: Acceptance | None = None
    cosponsors: tuple[Confirmation, ...] = ()  # consents given with /ccmflow co-sponsor, in the order said
    window: str | None = None  # the window the input was first judged in
    pinned: Mapping[str, str] = field(default_factory=dict)  # document id -> the window it was first judged in
    origin: IssueOrigin | None = None  # the issue form this pull request was made from (the bot's own PRs)
    merge_base: str | None = None  # the merge base the input was last compared with (a merged PR keeps it)
    closed: str | None = None  # the head the bot closed the input at (it closes an input once, at most)
    recheck: Recheck | None = None
    applied: Applied = field(default_factory=Applied)
    noticed: frozenset[str] = frozenset()  # the markers of the notices to the Presidency already delivered
    dated: str | None = None  # the head for which GitHub's own records of the versions were last read
    listed: datetime | None = None  # the ledger's: the pull request's updated_at when this state was last read

    def receipt(self, sha: str) -> Receipt | None:
        return next((r for r in self.receipts if r.sha == sha), None)

    def record(self, sha: str, received: datetime, source: Source) -> SubmissionLog:
        """The log with `sha` added; a SHA seen before keeps the earliest time it has been given.

        Every time recorded is one GitHub set when or after the version arrived (the pull request's creation,
        the push event, a run of the receipts workflow, a timeline event, the pull request's updated_at when
        read), so the earliest is the nearest to the truth: a version first logged by a run that came late (its
        own triage run was lost) gets its own time back from the first record that knows it.
        """
        known = self.receipt(sha)
        if known is not None and known.received <= received:
            return self
        receipt = Receipt(sha, received.astimezone(UTC), source)
        if known is None:
            return replace(self, receipts=(*self.receipts, receipt))
        return replace(self, receipts=tuple(receipt if r.sha == sha else r for r in self.receipts))

    def acceptance(self, roles: Roles) -> Acceptance | None:
        """The recorded acceptance, if its author holds the `accept-late` role now (checked at every verdict)."""
        accepted = self.accepted
        return accepted if accepted is not None and roles.may(accepted.by_id, Role.ACCEPT_LATE) else None

    def confirmed(self, registry: Registry) -> frozenset[str]:
        """The delegations whose consent stands now: confirmed by an account the base registry gives them."""
        found: set[str] = set()
        for confirmation in self.cosponsors:
            stakeholder = registry.get(confirmation.delegation)
            if stakeholder is not None and any(a.id == confirmation.by_id for a in stakeholder.accounts):
                found.add(confirmation.delegation)
        return frozenset(found)

    def confirm(self, confirmation: Confirmation) -> SubmissionLog:
        """The log with a delegation's consent; said again, the first time it was said stands."""
        if any(c.delegation == confirmation.delegation and c.by_id == confirmation.by_id for c in self.cosponsors):
            return self
        return replace(self, cosponsors=(*self.cosponsors, confirmation))

    def since(self, opened: datetime) -> SubmissionLog:
        """The log without what cannot be true of a pull request opened at `opened` (GitHub's time)."""
        receipts = tuple(r for r in self.receipts if r.received >= opened)
        accepted = self.accepted if self.accepted is None or self.accepted.at >= opened else None
        cosponsors = tuple(c for c in self.cosponsors if c.at >= opened)
        if (receipts, accepted, cosponsors) == (self.receipts, self.accepted, self.cosponsors):
            return self
        return replace(self, receipts=receipts, accepted=accepted, cosponsors=cosponsors)

    def pins(self) -> dict[str, str]:
        """The window each document of the input was first judged in (document id -> window id)."""
        return dict(self.pinned)

    def last_before(self, deadline: datetime | None) -> Receipt | None:
        """The latest version received by the deadline: the one that counts as on time."""
        if deadline is None:
            return self.receipts[-1] if self.receipts else None
        on_time = [r for r in self.receipts if r.received <= deadline]
        return max(on_time, key=lambda r: r.received) if on_time else None

    def as_json(self) -> dict[str, object]:
        """Schema 2: plain JSON, what is unset left out."""
        data: dict[str, object] = {"v": SCHEMA, "number": self.number,
                                   "receipts": [r.as_json() for r in self.receipts]}
        optional: dict[str, object] = {
            "accepted": _person(self.accepted) if self.accepted else None,
            "cosponsors": [{"delegation": c.delegation, **_person(c)} for c in self.cosponsors],
            "window": self.window,
            "pins": dict(sorted(self.pinned.items())),
            "origin": _origin_json(self.origin) if self.origin else None,
            "merge_base": self.merge_base,
            "closed": self.closed,
            "recheck": _person(self.recheck) if self.recheck else None,
            "applied": _applied_json(self.applied) if self.applied != Applied() else None,
            "noticed": sorted(self.noticed),
            "dated": self.dated,
            "listed": _time(self.listed) if self.listed else None,
        }
        data.update({key: value for key, value in optional.items() if value})
        return data


def _time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _person(who: Acceptance | Confirmation | Recheck) -> dict[str, object]:
    return {"by_id": who.by_id, "by_login": who.by_login, "at": _time(who.at)}


def _origin_json(origin: IssueOrigin) -> dict[str, object]:
    return {"number": origin.number, "author_id": origin.author_id, "author_login": origin.author_login,
            "created_at": _time(origin.created_at)}


def _applied_json(applied: Applied) -> dict[str, object]:
    return {"labels": sorted(applied.labels) if applied.labels is not None else None, "sha": applied.sha,
            "statuses": {k: list(v) for k, v in sorted(applied.statuses.items())}}


# Reading: schema 2, and schema 1 migrated. A field in a shape this bot cannot use is left unset, never a crash.

def _instant(value: object) -> datetime:
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return parsed.astimezone(UTC)


def _lenient(read: Callable[[object], T], raw: object) -> T | None:
    """`read(raw)`, or None when raw is absent or in a shape `read` cannot use."""
    if raw is None:
        return None
    try:
        return read(raw)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _mapping(raw: object) -> Mapping[str, object]:
    if not isinstance(raw, dict):
        raise TypeError(f"expected an object, got {type(raw).__name__}")
    return raw


def _sha(raw: object) -> str:
    if not _SHA.fullmatch(str(raw)):
        raise ValueError(f"{raw!r} is not a commit id")
    return str(raw)


def _receipt(raw: object) -> Receipt:
    data = _mapping(raw)
    return Receipt(_sha(data.get("sha")), _instant(data.get("received")), _source(data.get("source")))


def _source(raw: object) -> Source:
    """A logged source; one this version does not know (a newer bot's) reads as an event's time."""
    return _SOURCES.get(str(raw), Source.EVENT)


_SOURCES = {source.value: source for source in Source}  # a lookup: calling the enum class costs ten times more


def _acceptance(raw: object) -> Acceptance:
    data = _mapping(raw)
    return Acceptance(int(str(data["by_id"])), str(data["by_login"]), _instant(data["at"]))


def _confirmation(raw: object) -> Confirmation:
    data = _mapping(raw)
    return Confirmation(delegation=str(data["delegation"]), by_id=int(str(data["by_id"])),
                        by_login=str(data["by_login"]), at=_instant(data["at"]))


def _recheck(raw: object) -> Recheck:
    data = _mapping(raw)
    return Recheck(by_id=int(str(data["by_id"])), by_login=str(data["by_login"]), at=_instant(data["at"]))


def _origin(raw: object) -> IssueOrigin:
    data = _mapping(raw)
    return IssueOrigin(number=int(str(data["number"])), author_id=int(str(data["author_id"])),
                       author_login=str(data["author_login"]), created_at=_instant(data["created_at"]))


def _applied(raw: object) -> Applied:
    data = _mapping(raw)
    names, statuses = data.get("labels"), data.get("statuses")
    return Applied(labels=frozenset(map(str, names)) if isinstance(names, list) else None,
                   sha=str(data["sha"]) if data.get("sha") else None,
                   statuses={str(k): (str(v[0]), str(v[1])) for k, v in _mapping(statuses).items()
                             if isinstance(v, list) and len(v) == 2} if isinstance(statuses, dict) else {})


def _pins(raw: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in _mapping(raw).items()}


def _strings(raw: object) -> frozenset[str]:
    if not isinstance(raw, list):
        raise TypeError("expected a list")
    return frozenset(map(str, raw))


def _items(raw: object, read: Callable[[object], T]) -> tuple[T, ...]:
    if not isinstance(raw, list) or not raw:
        return ()
    found = [_lenient(read, item) for item in raw]
    return tuple([item for item in found if item is not None])


def from_json(data: dict[str, object]) -> SubmissionLog:
    """The state as `as_json` wrote it (schema 2), or as the bot before it did (schema 1, migrated).

    KeyError/ValueError/TypeError only when the input's number itself is missing or no number.
    """
    if "v" not in data:
        return _from_schema_1(data)
    return SubmissionLog(
        int(str(data["number"])),
        receipts=_items(data.get("receipts"), _receipt),
        accepted=_lenient(_acceptance, data.get("accepted")),
        cosponsors=_items(data.get("cosponsors"), _confirmation),
        window=str(data["window"]) if data.get("window") else None,
        pinned=_lenient(_pins, data.get("pins")) or {},
        origin=_lenient(_origin, data.get("origin")),
        merge_base=_lenient(_sha, data.get("merge_base")),
        closed=_lenient(_sha, data.get("closed")),
        recheck=_lenient(_recheck, data.get("recheck")),
        applied=_lenient(_applied, data.get("applied")) or Applied(),
        noticed=_lenient(_strings, data.get("noticed")) or frozenset(),
        dated=_lenient(_sha, data.get("dated")),
        listed=_lenient(_instant, data.get("listed")),
    )


# Schema 1: its `extra` bag held these keys, most of them JSON inside a string.
_V1_EXTRA = {"applied": "applied", "merge_base": "merge_base", "noticed": "noticed", "recheck": "recheck",
             "closed": "closed", "issue": "origin", "windows": "pins", "ledger-seen": "listed"}


def _json(raw: object) -> object:
    return json.loads(str(raw))


def _from_schema_1(data: dict[str, object]) -> SubmissionLog:
    raw_extra = data.get("extra")
    extra = raw_extra if isinstance(raw_extra, dict) else {}
    migrated: dict[str, object] = {"v": SCHEMA, **{k: v for k, v in data.items() if k != "extra"}}
    for old, new in _V1_EXTRA.items():
        value = extra.get(old)
        if not isinstance(value, str):
            continue
        # Plain strings (a SHA, a time) were kept as they are; records and lists as JSON inside the string.
        migrated[new] = value if new in ("merge_base", "closed", "listed") else _lenient(_json, value)
    return from_json(migrated)


# The hidden block at the end of the status comment.

def _mac(key: bytes, payload: str) -> str:
    return hmac.new(key, f"ccmflow:log {payload}".encode("ascii"), hashlib.sha256).hexdigest()


def encode(log: SubmissionLog, key: bytes | None = None) -> str:
    """A hidden HTML comment carrying the state; base64 so no text in it can close the comment early.

    With `key`, the block ends with an HMAC-SHA256 of its payload, which only a holder of the key can write.
    """
    data = json.dumps(log.as_json(), separators=(",", ":"), sort_keys=True).encode("utf-8")
    payload = base64.b64encode(data).decode("ascii")
    signature = f" hmac-sha256={_mac(key, payload)}" if key else ""
    return f"<!-- ccmflow:log {payload}{signature} -->"


def decode(body: str, key: bytes | None = None, number: int | None = None) -> SubmissionLog | None:
    """The state the comment body ends with, or None when there is none, it is damaged or cannot be trusted.

    Only a block at the very end counts: the bot writes its state there, after everything else. With `key`,
    a block without a valid signature is no state; with `number`, neither is the state of another input.
    """
    match = _BLOCK.search(body or "")
    if match is None or len(match.group(1)) > _MAX_BLOCK * 4 // 3 + 4:
        return None
    payload, signature = match.group(1), match.group(2)
    if key and (signature is None or not hmac.compare_digest(signature, _mac(key, payload))):
        return None
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
        log = from_json(data) if isinstance(data, dict) else None
    except (ValueError, KeyError, TypeError, binascii.Error, RecursionError):
        return None
    return log if log is not None and (number is None or log.number == number) else None
