"""Naming inputs (`pr-12`, `12`, a branch) and finding the version of each that counts: frozen, else its head."""

from __future__ import annotations

import re

from msgspec import Struct

from ccmflow.core.errors import FatalError
from ccmflow.repo.ledger import freeze_ref, read_manifest
from ccmflow.repo.store import Store

_NUMBER = re.compile(r"^(?:pr-|#)?([0-9]+)$")
_PULL_REF = re.compile(r"^refs/pull/([0-9]+)/head$")
FETCH_HINT = ("git fetch origin '+refs/pull/*/head:refs/pull/*/head' 'refs/ccmflow/*:refs/ccmflow/*'")


def input_name(number: int) -> str:
    return f"pr-{number}"


def pull_ref(number: int) -> str:
    return f"refs/pull/{number}/head"


def input_number(token: str) -> int | None:
    """12 for 'pr-12', '12', '#12' or 'refs/pull/12/head'; None for anything else."""
    match = _NUMBER.match(token) or _PULL_REF.match(token)
    return int(match.group(1)) if match else None


def pull_number(ref: str) -> int | None:
    """12 for the ref refs/pull/12/head; None for any other ref."""
    match = _PULL_REF.match(ref)
    return int(match.group(1)) if match else None


class InputRef(Struct, frozen=True):
    """Where an input is in git: its name (pr-<n> or a branch's), the ref it came from and the commit."""

    name: str
    number: int | None
    ref: str
    head: str  # the commit's id
    source: str  # frozen | pull | branch


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "input"


def resolve_input(store: Store, token: str, window: str | None = None) -> InputRef:
    """The on-time version of an input: refs/ccmflow/<window>/pr-<n>, else refs/pull/<n>/head, else a revision.

    An input the window's manifest records as having nothing on time is refused: name its ref explicitly
    (refs/pull/<n>/head) to take its late version anyway.
    """
    number = input_number(token)
    if number is not None and not token.startswith("refs/"):
        if window is not None:
            frozen = freeze_ref(window, number)
            if store.has_ref(frozen):
                return InputRef(name=input_name(number), number=number, ref=frozen, head=store.commit(frozen).id,
                                source="frozen")
            manifest = read_manifest(store, window)
            entry = manifest.get(number) if manifest else None
            if entry is not None and entry.sha is None:
                raise FatalError(f"{input_name(number)} has no version received by the deadline of {window} "
                                 f"(take its latest version explicitly as {pull_ref(number)})")
        if store.has_ref(pull_ref(number)):
            return InputRef(name=input_name(number), number=number, ref=pull_ref(number),
                            head=store.commit(pull_ref(number)).id, source="pull")
        raise FatalError(f"input {token}: no {pull_ref(number)} here (fetch the inputs first: {FETCH_HINT})")
    if number is not None:
        return InputRef(name=input_name(number), number=number, ref=token, head=store.commit(token).id,
                        source="pull")
    for ref in (f"refs/heads/{token}", token):
        commit = store.find_commit(ref)
        if commit is not None:
            return InputRef(name=_slug(token), number=None, ref=ref, head=commit.id, source="branch")
    raise FatalError(f"input {token}: not pr-<n>, a number, a branch or a revision that exists here")
