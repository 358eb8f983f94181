"""The submission log: every head SHA seen for an input, with the time GitHub received it."""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

PINS = "windows"  # extra key: the window each document was first judged in, as JSON (written by triage)
_BLOCK = re.compile(r"<!-- ccmflow:log ([A-Za-z0-9+/=]+) -->")


@dataclass(frozen=True, slots=True)
class Receipt:
    """One version of an input: its head commit and when GitHub received it (never a commit date)."""

    sha: str
    received: datetime
    source: str  # what set the time: pr-created | event | push | timeline | backfill

    def as_json(self) -> dict[str, str]:
        return {"sha": self.sha, "received": self.received.astimezone(UTC).isoformat(), "source": self.source}


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A late input accepted by someone the registry allows to."""

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

    def receipt(self, sha: str) -> Receipt | None:
        return next((r for r in self.receipts if r.sha == sha), None)

    def record(self, sha: str, received: datetime, source: str) -> SubmissionLog:
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
        return data


def from_json(data: dict[str, object]) -> SubmissionLog:
    raw_receipts = data.get("receipts")
    receipts = tuple(
        Receipt(str(r["sha"]), datetime.fromisoformat(str(r["received"])), str(r.get("source", "event")))
        for r in (raw_receipts if isinstance(raw_receipts, list) else []) if isinstance(r, dict))
    accepted = None
    raw = data.get("accepted")
    if isinstance(raw, dict):
        accepted = Acceptance(int(raw["by_id"]), str(raw["by_login"]), datetime.fromisoformat(str(raw["at"])))
    extra = data.get("extra")
    window = data.get("window")
    return SubmissionLog(int(str(data["number"])), receipts, accepted,
                         str(window) if window else None, dict(extra) if isinstance(extra, dict) else {})


def encode(log: SubmissionLog) -> str:
    """A hidden HTML comment carrying the log; base64 so no text in it can close the comment early."""
    payload = json.dumps(log.as_json(), separators=(",", ":"), sort_keys=True).encode("utf-8")
    return f"<!-- ccmflow:log {base64.b64encode(payload).decode('ascii')} -->"


def decode(body: str) -> SubmissionLog | None:
    """The log hidden in a comment body, or None when there is none or it is damaged."""
    match = _BLOCK.search(body or "")
    if match is None:
        return None
    try:
        data = json.loads(base64.b64decode(match.group(1), validate=True))
        return from_json(data) if isinstance(data, dict) else None
    except (ValueError, KeyError, TypeError):
        return None
