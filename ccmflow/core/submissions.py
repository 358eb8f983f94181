"""The submission log: every head SHA seen for an input, with the time GitHub received it.

The bot keeps it as a hidden block at the very end of its own status comment. Only that last block counts
(`decode` is anchored to the end of the body: nothing the visible text says can be read as the log), and
with a key (the workflow's secret) the block carries an HMAC-SHA256 over its content, so a block the bot did
not write is no log at all. What a log records is still checked where it is used: an acceptance counts only
when its author holds the `accept-late` role in the base branch's registry (`acceptance`), and receipts
dated before the pull request was opened are dropped (`since`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol

from ccmflow.core.model import Registry
from ccmflow.core.roles import Role

PINS = "windows"  # extra key: the window each document was first judged in, as JSON (written by triage)
_BLOCK = re.compile(r"<!-- ccmflow:log ([A-Za-z0-9+/=]+)(?: hmac-sha256=([0-9a-f]{64}))? -->\s*\Z")
_SHA = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")
_MAX_BLOCK = 20_000  # bytes of JSON; triage keeps a log far smaller (see triage.MAX_RECEIPTS)


class Roles(Protocol):
    """Who may do what: the base branch's registry."""

    def may(self, user_id: int, role: str) -> bool: ...


class Source(StrEnum):
    """What set a version's received time: always a time GitHub recorded, never a commit date."""

    PR_CREATED = "pr-created"  # the pull request's creation (its first version)
    EVENT = "event"  # the push event's server time (updated_at of a synchronize)
    BACKFILL = "backfill"  # updated_at read later: an upper bound, for a head whose own run was lost
    TIMELINE = "timeline"  # a head_ref_force_pushed event's created_at on the issue timeline
    ATTESTED = "attested"  # an e-mail's time of receipt the ISU attested (applied when judging, never logged)
    ISSUE_CREATED = "issue-created"  # the issue form's creation (an input the bot opened from it)
    ISSUE_EDITED = "issue-edited"  # an edit of the issue form by its author


@dataclass(frozen=True, slots=True)
class Receipt:
    """One version of an input: its head commit and when GitHub received it (never a commit date)."""

    sha: str
    received: datetime
    source: Source

    def as_json(self) -> dict[str, str]:
        return {"sha": self.sha, "received": self.received.astimezone(UTC).isoformat(), "source": self.source}


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A late input accepted by someone the registry allows to."""

    by_id: int
    by_login: str
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Confirmation:
    """An account of a delegation an input names, confirming that the delegation co-sponsors it."""

    delegation: str
    by_id: int
    by_login: str
    at: datetime


@dataclass(frozen=True, slots=True)
class SubmissionLog:
    """What the bot knows of one input, kept with its status comment as hidden data."""

    number: int
    receipts: tuple[Receipt, ...] = ()
    accepted: Acceptance | None = None
    window: str | None = None  # the window the input was first judged in
    extra: dict[str, str] = field(default_factory=dict)
    cosponsors: tuple[Confirmation, ...] = ()

    def confirmed(self, registry: Registry) -> frozenset[str]:
        """The delegations whose confirmation stands: made by an account the base registry gives them, now."""
        return frozenset(c.delegation for c in self.cosponsors
                         if (s := registry.get(c.delegation)) is not None and any(a.id == c.by_id for a in s.accounts))

    def receipt(self, sha: str) -> Receipt | None:
        return next((r for r in self.receipts if r.sha == sha), None)

    def record(self, sha: str, received: datetime, source: Source) -> SubmissionLog:
        """The log with `sha` added; a SHA seen before keeps the earliest time it has been given.

        Every time recorded is one GitHub set when or after the version arrived (the pull request's creation,
        the push event, a timeline event, the pull request's updated_at when read), so the earliest is the
        nearest to the truth: a version first logged by a run that came late (its own triage run was lost)
        gets its own time back from the first record that knows it.
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

    def since(self, opened: datetime) -> SubmissionLog:
        """The log without what cannot be true of a pull request opened at `opened` (GitHub's time)."""
        receipts = tuple(r for r in self.receipts if r.received >= opened)
        accepted = self.accepted if self.accepted is None or self.accepted.at >= opened else None
        return self if (receipts, accepted) == (self.receipts, self.accepted) else replace(
            self, receipts=receipts, accepted=accepted)

    def pins(self) -> dict[str, str]:
        """The window each document of the input was first judged in (document id -> window id)."""
        try:
            data = json.loads(self.extra.get(PINS, "{}"))
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def last_before(self, deadline: datetime | None) -> Receipt | None:
        """The latest version received by the deadline: the one that counts as on time."""
        if deadline is None:
            return self.receipts[-1] if self.receipts else None
        on_time = [r for r in self.receipts if r.received <= deadline]
        return max(on_time, key=lambda r: r.received) if on_time else None

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"number": self.number, "receipts": [r.as_json() for r in self.receipts]}
        if self.accepted:
            data["accepted"] = {"by_id": self.accepted.by_id, "by_login": self.accepted.by_login,
                                "at": self.accepted.at.astimezone(UTC).isoformat()}
        if self.window:
            data["window"] = self.window
        if self.extra:
            data["extra"] = dict(self.extra)
        if self.cosponsors:
            data["cosponsors"] = [{"delegation": c.delegation, "by_id": c.by_id, "by_login": c.by_login,
                                   "at": c.at.astimezone(UTC).isoformat()} for c in self.cosponsors]
        return data


def _instant(value: object) -> datetime:
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return parsed.astimezone(UTC)


def _receipt(raw: object) -> Receipt | None:
    """One logged version, or None for an entry that is not one (wrong shapes never crash the bot)."""
    if not isinstance(raw, dict) or not _SHA.fullmatch(str(raw.get("sha"))):
        return None
    try:
        return Receipt(str(raw["sha"]), _instant(raw.get("received")), _source(raw.get("source")))
    except ValueError:
        return None


def from_json(data: dict[str, object]) -> SubmissionLog:
    raw_receipts = data.get("receipts")
    found = (_receipt(r) for r in (raw_receipts if isinstance(raw_receipts, list) else []))
    receipts = tuple(r for r in found if r is not None)
    accepted = None
    raw = data.get("accepted")
    if isinstance(raw, dict):
        accepted = Acceptance(int(str(raw["by_id"])), str(raw["by_login"]), _instant(raw["at"]))
    extra = data.get("extra")
    window = data.get("window")
    raw_cosponsors = data.get("cosponsors")
    cosponsors = tuple(Confirmation(delegation=str(c["delegation"]), by_id=int(str(c["by_id"])),
                                    by_login=str(c["by_login"]), at=_instant(c["at"]))
                       for c in (raw_cosponsors if isinstance(raw_cosponsors, list) else []) if isinstance(c, dict))
    return SubmissionLog(int(str(data["number"])), receipts, accepted, str(window) if window else None,
                         {str(k): str(v) for k, v in extra.items()} if isinstance(extra, dict) else {}, cosponsors)


def _mac(key: bytes, payload: str) -> str:
    return hmac.new(key, f"ccmflow:log {payload}".encode("ascii"), hashlib.sha256).hexdigest()


def encode(log: SubmissionLog, key: bytes | None = None) -> str:
    """A hidden HTML comment carrying the log; base64 so no text in it can close the comment early.

    With `key`, the block ends with an HMAC-SHA256 of its payload, which only a holder of the key can write.
    """
    data = json.dumps(log.as_json(), separators=(",", ":"), sort_keys=True).encode("utf-8")
    payload = base64.b64encode(data).decode("ascii")
    signature = f" hmac-sha256={_mac(key, payload)}" if key else ""
    return f"<!-- ccmflow:log {payload}{signature} -->"


def decode(body: str, key: bytes | None = None, number: int | None = None) -> SubmissionLog | None:
    """The log the comment body ends with, or None when there is none, it is damaged or it cannot be trusted.

    Only a block at the very end counts: the bot writes its log there, after everything else. With `key`,
    a block without a valid signature is no log; with `number`, neither is the log of another input.
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


def _source(raw: object) -> Source:
    """A logged source; one this version does not know (a newer bot's) reads as an event's time."""
    try:
        return Source(str(raw))
    except ValueError:
        return Source.EVENT
