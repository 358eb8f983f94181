"""The inputs ledger and freeze manifests, kept as git refs so offline commands know what GitHub knew."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cached_property
from typing import TypeVar

import pygit2
from msgspec import Struct

from ccmflow.core.errors import FatalError
from ccmflow.core.record import InputRecord, PullState, record_from_json
from ccmflow.core.submissions import SubmissionLog, from_json
from ccmflow.repo.git import FALLBACK
from ccmflow.repo.store import Store

LEDGER_REF = "refs/ccmflow/ledger"
LEDGER_FILE = "inputs.json"
MANIFEST_FILE = "manifest.json"
# 1: each entry held the on-time head and the author's delegation; 2: each entry also holds the input's record
# (credit, changes, justification, versions, verdict), as judged when the window was frozen.
MANIFEST_SCHEMA = 2


def freeze_ref(window: str, number: int) -> str:
    """Where the on-time head of input `number` is kept once `window` has closed."""
    return f"refs/ccmflow/{window}/pr-{number}"


def manifest_ref(window: str) -> str:
    return f"refs/ccmflow/{window}/manifest"


class LedgerEntry(Struct, frozen=True, kw_only=True):
    """What GitHub told the bot about one pull request; the PR description is the general remarks."""

    number: int
    title: str
    body: str
    author_id: int
    author_login: str
    created_at: datetime
    state: PullState
    head_sha: str
    log: SubmissionLog

    def as_json(self) -> dict[str, object]:
        return {"number": self.number, "title": self.title, "body": self.body, "author_id": self.author_id,
                "author_login": self.author_login, "created_at": self.created_at.astimezone(UTC).isoformat(),
                "state": self.state, "head_sha": self.head_sha, "log": self.log.as_json()}


def _state(raw: object) -> PullState:
    """A logged pull request's state; one this version does not know reads as open (the next sync corrects it)."""
    return _STATES.get(str(raw), PullState.OPEN) if raw is not None else PullState.OPEN


_STATES = {state.value: state for state in PullState}  # a lookup: calling the enum class costs ten times more


def _record(data: dict[str, object]) -> LedgerEntry:
    log = data.get("log")
    return LedgerEntry(number=int(str(data["number"])), title=str(data.get("title", "")),
                       body=str(data.get("body") or ""), author_id=int(str(data["author_id"])),
                       author_login=str(data["author_login"]),
                       created_at=datetime.fromisoformat(str(data["created_at"])),
                       state=_state(data.get("state")), head_sha=str(data["head_sha"]),
                       log=from_json(log) if isinstance(log, dict) else SubmissionLog(
                           int(str(data["number"]))))


class Ledger(Struct, frozen=True, dict=True):
    """The inputs ledger as its git ref records it: what GitHub knew of each input, looked up by number."""

    inputs: tuple[LedgerEntry, ...] = ()

    # The first record of each number, as a scan from the start finds it, indexed once (dict=True keeps it beside
    # the fields, out of equality and repr): a summary asks once per input.
    @cached_property
    def _by_number(self) -> Mapping[int, LedgerEntry]:
        return _first_by_number(self.inputs)

    def get(self, number: int) -> LedgerEntry | None:
        return self._by_number.get(number)

    def with_input(self, record: LedgerEntry) -> Ledger:
        others = tuple(i for i in self.inputs if i.number != record.number)
        return Ledger(tuple(sorted((*others, record), key=lambda i: i.number)))

    def as_json(self) -> dict[str, object]:
        return {"inputs": [i.as_json() for i in self.inputs]}


class FrozenInput(Struct, frozen=True, kw_only=True):
    """One input at the freeze: its on-time head (None when nothing arrived in time) and its latest head.

    `record` is the input's record as judged at the freeze; None in a manifest written before records were kept
    (schema 1): readers then build it again from the frozen head, and the next freeze run writes it.
    """

    number: int
    sha: str | None
    latest_sha: str
    received: datetime | None
    author_id: int
    author_login: str
    stakeholder: str | None
    late: bool
    record: InputRecord | None = None

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "number": self.number, "sha": self.sha, "latest_sha": self.latest_sha,
            "received": self.received.astimezone(UTC).isoformat() if self.received else None,
            "author_id": self.author_id, "author_login": self.author_login,
            "stakeholder": self.stakeholder, "late": self.late}
        if self.record is not None:
            data["record"] = self.record.as_json()
        return data


class Manifest(Struct, frozen=True, dict=True):
    """A window's freeze manifest: the version of every input that counts, recorded once the deadline passed."""

    window: str
    deadline: datetime
    frozen_at: datetime
    inputs: tuple[FrozenInput, ...]

    @cached_property
    def _by_number(self) -> Mapping[int, FrozenInput]:
        return _first_by_number(self.inputs)

    def get(self, number: int) -> FrozenInput | None:
        return self._by_number.get(number)

    def as_json(self) -> dict[str, object]:
        return {"schema": MANIFEST_SCHEMA, "window": self.window,
                "deadline": self.deadline.astimezone(UTC).isoformat(),
                "frozen_at": self.frozen_at.astimezone(UTC).isoformat(),
                "inputs": [i.as_json() for i in self.inputs]}


_Numbered = TypeVar("_Numbered", LedgerEntry, FrozenInput)


def _first_by_number(items: tuple[_Numbered, ...]) -> dict[int, _Numbered]:
    found: dict[int, _Numbered] = {}
    for item in items:
        found.setdefault(item.number, item)
    return found


def _frozen(data: dict[str, object]) -> FrozenInput:
    received = data.get("received")
    stakeholder = data.get("stakeholder")
    return FrozenInput(number=int(str(data["number"])), sha=str(data["sha"]) if data.get("sha") else None,
                       latest_sha=str(data["latest_sha"]),
                       received=datetime.fromisoformat(str(received)) if received else None,
                       author_id=int(str(data["author_id"])), author_login=str(data["author_login"]),
                       stakeholder=str(stakeholder) if stakeholder else None, late=bool(data.get("late")),
                       record=_frozen_record(data.get("record")))


def _frozen_record(data: object) -> InputRecord | None:
    """A stored record; None for a schema 1 entry or one that does not read (it is then built again)."""
    if not isinstance(data, dict):
        return None
    try:
        return record_from_json(data, frozen=True)
    except (KeyError, TypeError, ValueError):
        return None


def _read_json(store: Store, ref: str, name: str) -> dict[str, object] | None:
    repo = store._repo
    try:
        commit = repo.references[ref].peel(pygit2.Commit)
        blob = repo[commit.tree[name].id]
    except (KeyError, pygit2.GitError):
        return None
    if not isinstance(blob, pygit2.Blob):
        return None
    try:
        data = json.loads(blob.data)
    except ValueError:  # not JSON, or not UTF-8
        raise _unreadable(ref, name) from None
    return data if isinstance(data, dict) else None


def _unreadable(ref: str, name: str) -> FatalError:
    return FatalError(f"{ref} does not read as the record ccmflow wrote there ({name}); fetch it again from origin "
                      f"(git fetch origin '+{ref}:{ref}')")


def _write_json(store: Store, ref: str, name: str, data: dict[str, object], message: str) -> bool:
    """Commit `data` as the only file on `ref`; returns False (and writes nothing) when unchanged."""
    repo = store._repo
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if _read_json(store, ref, name) == json.loads(text):
        return False
    blob = repo.create_blob(text.encode("utf-8"))
    builder = repo.TreeBuilder()
    builder.insert(name, blob, pygit2.enums.FileMode.BLOB)
    tree = builder.write()
    parents = [repo.references[ref].peel(pygit2.Commit).id] if ref in repo.references else []
    signature = pygit2.Signature(*FALLBACK)
    commit = repo.create_commit(None, signature, signature, message, tree, parents)
    repo.references.create(ref, commit, force=True)
    return True


def _items(data: dict[str, object] | None) -> list[dict[str, object]]:
    items = data.get("inputs") if data else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def read_ledger(store: Store) -> Ledger:
    data = _read_json(store, LEDGER_REF, LEDGER_FILE)
    try:
        return Ledger(tuple(_record(i) for i in _items(data)))
    except (KeyError, TypeError, ValueError):
        raise _unreadable(LEDGER_REF, LEDGER_FILE) from None


def write_ledger(store: Store, ledger: Ledger, message: str = "Update inputs ledger") -> bool:
    return _write_json(store, LEDGER_REF, LEDGER_FILE, ledger.as_json(), message)


def read_manifest(store: Store, window: str) -> Manifest | None:
    data = _read_json(store, manifest_ref(window), MANIFEST_FILE)
    if data is None:
        return None
    try:
        return Manifest(str(data["window"]), datetime.fromisoformat(str(data["deadline"])),
                        datetime.fromisoformat(str(data["frozen_at"])),
                        tuple(_frozen(i) for i in _items(data)))
    except (KeyError, TypeError, ValueError):
        raise _unreadable(manifest_ref(window), MANIFEST_FILE) from None


def write_manifest(store: Store, manifest: Manifest) -> bool:
    return _write_json(store, manifest_ref(manifest.window), MANIFEST_FILE, manifest.as_json(),
                       f"Freeze inputs to {manifest.window}")
