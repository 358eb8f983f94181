"""Who an input is credited to, and whether its attested time of receipt is honoured: from its input files.

An input file may name several delegations (a joint input). An input speaks for a delegation only with its
consent: the author's account is one of that delegation's, the registry lets the author's delegation speak for it
(a group's coordinator, `speaks_for`), or an account of that delegation confirmed it (`/ccmflow co-sponsor`). The
others named are proposed co-sponsors, shown as such and never credited. The Implementation Support Unit (the
record-input role) enters what it received by e-mail, so its record speaks for every delegation it names. The
author must belong to at least one delegation named (or hold record-input); otherwise the files are set aside
and the input is credited to the author's own delegation, as any pull request is. A `received` time is honoured
only when the author holds record-input in the base registry and the time is not later than the pull request's
creation: nobody else can move an input's time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from msgspec import Struct

from ccmflow.core.errors import Finding
from ccmflow.core.inputfile import RECORD_ROLE, InputFile
from ccmflow.core.model import Registry, Stakeholder, Workspace
from ccmflow.read.inputfile import check_input, parse_input
from ccmflow.read.load import SourceFile


class Credit(Struct, frozen=True):
    """What an input's files say, once checked against the base registry, the author and the confirmations."""

    records: tuple[InputFile, ...]  # the valid input files, in path order
    delegations: tuple[Stakeholder, ...]  # everyone credited (empty: credit the author's own delegation)
    findings: tuple[Finding, ...]
    attested: datetime | None = None  # the honoured time of receipt
    attestation_note: str = ""  # why a `received` time was not honoured, for the status comment
    proposed: tuple[Stakeholder, ...] = ()  # named as co-sponsors without their consent: shown, never credited

    def for_document(self, document: str) -> tuple[InputFile, ...]:
        return tuple(r for r in self.records if r.document == document)


NO_CREDIT = Credit((), (), ())


def read_files(files: Iterable[SourceFile], base: Workspace) -> tuple[tuple[InputFile, ...], tuple[Finding, ...]]:
    """The valid input files among `files` (in path order), and the problems of the others."""
    records: list[InputFile] = []
    findings: list[Finding] = []
    for file in sorted(files, key=lambda f: f.path):
        record, found = parse_input(file)
        findings.extend(found)
        if record is not None:
            problems = check_input(record, base)
            findings.extend(problems)
            if not problems:
                records.append(record)
    return tuple(records), tuple(findings)


def credit(files: Iterable[SourceFile], base: Workspace, author_id: int | None, created: datetime | None,
           confirmed: Collection[str] = ()) -> Credit:
    """The credit of an input by `author_id` (None: unknown, offline) opened at `created` (GitHub's time);
    `confirmed`: the delegations whose accounts confirmed they co-sponsor it (re-checked by the caller)."""
    records, findings = read_files(files, base)
    if not records:
        return Credit((), (), findings) if findings else NO_CREDIT  # most inputs have no file: one record for all
    ids = list(dict.fromkeys(d for r in records for d in r.on_behalf_of))
    named = tuple(s for d in ids if (s := base.registry.get(d)) is not None)
    if author_id is not None and not may_speak_for(base.registry, author_id, tuple(s.id for s in named)):
        names = ", ".join(s.name for s in named)
        return Credit(records, (), (*findings, Finding(
            records[0].path, 1, 1, f"on_behalf_of: the author's account is not registered for {names}",
            "make the input from an account of one of these delegations, or ask the Implementation Support Unit "
            "to enter it")))
    credited = tuple(s for s in named if author_id is None or consents(base.registry, author_id, s, confirmed))
    proposed = tuple(s for s in named if s not in credited)
    attested, note = attested_time(records, base.registry, author_id, created)
    return Credit(records, credited, findings, attested, note, proposed)


def consents(registry: Registry, author_id: int, delegation: Stakeholder, confirmed: Collection[str]) -> bool:
    """Whether an input by `author_id` speaks for `delegation`: its own, one its delegation may speak for, one that
    confirmed it, or any the support unit names (it enters what it received)."""
    if registry.may(author_id, RECORD_ROLE) or delegation.id in confirmed:
        return True
    if any(a.id == author_id for a in delegation.accounts):
        return True
    own = registry.by_user_id(author_id)
    return own is not None and delegation.id in own.speaks_for


def may_speak_for(registry: Registry, author_id: int, delegations: tuple[str, ...]) -> bool:
    """The rule for every input made on others' behalf: the account belongs to one of the delegations named (by
    registry id), may speak for one of them, or holds record-input (the ISU entering what it received)."""
    if registry.may(author_id, RECORD_ROLE):
        return True
    return any(consents(registry, author_id, s, ()) for d in delegations if (s := registry.get(d)) is not None)


def attested_time(records: Iterable[InputFile], registry: Registry, author_id: int | None,
                  created: datetime | None) -> tuple[datetime | None, str]:
    """The time of receipt the records attest, when it is honoured, else None and why not (for the comment)."""
    times = [r.received for r in records if r.received is not None]
    if not times:
        return None, ""
    received = min(times)
    if author_id is None or created is None:
        return None, "the attested time of receipt is not used: who opened the input is not known here"
    if not registry.may(author_id, RECORD_ROLE):
        return None, (f"the time of receipt in the input's record is ignored: only an account with the "
                      f"{RECORD_ROLE} role may attest one")
    if received > created:
        return None, ("the time of receipt in the input's record is ignored: it is later than the pull request's "
                      "creation")
    return received, ""
