"""Who an input is credited to, and whether its attested time of receipt is honoured: from its input records.

A record may name several delegations (a joint input). The author must be a registered member of at least one
of them, or hold the record-input role (the ISU entering an e-mail); otherwise the records are set aside and
the input is credited to the author's own delegation, as any pull request is. A `received` time is honoured
only when the author holds record-input in the base registry and the time is not later than the pull request's
creation: nobody else can move an input's time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from ccmflow.core.errors import Finding
from ccmflow.core.inputfile import RECORD_ROLE, InputFile
from ccmflow.core.model import Registry, Stakeholder, Workspace
from ccmflow.core.submissions import Receipt, Source, SubmissionLog
from ccmflow.read.inputfile import check_input, parse_input
from ccmflow.read.load import SourceFile


@dataclass(frozen=True, slots=True)
class Credit:
    """What an input's records say, once checked against the base registry and the author."""

    records: tuple[InputFile, ...]  # the valid records, in path order
    delegations: tuple[Stakeholder, ...]  # everyone credited (empty: credit the author's own delegation)
    findings: tuple[Finding, ...]
    attested: datetime | None = None  # the honoured time of receipt
    attestation_note: str = ""  # why a `received` time was not honoured, for the status comment

    def for_document(self, document: str) -> tuple[InputFile, ...]:
        return tuple(r for r in self.records if r.document == document)


def credit(files: Iterable[SourceFile], base: Workspace, author_id: int | None,
           created: datetime | None) -> Credit:
    """The credit of an input by `author_id` (None: unknown, offline) opened at `created` (GitHub's time)."""
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
    if not records:
        return Credit((), (), tuple(findings))
    ids = list(dict.fromkeys(d for r in records for d in r.on_behalf_of))
    delegations = tuple(s for d in ids if (s := base.registry.get(d)) is not None)
    if author_id is not None and not _may_speak_for(base, author_id, delegations):
        names = ", ".join(s.name for s in delegations)
        findings.append(Finding(records[0].path, 1, 1, f"on_behalf_of: the author's account is not registered for "
                                f"{names}", "make the input from an account of one of these delegations, or ask "
                                "the Implementation Support Unit to enter it"))
        return Credit(tuple(records), (), tuple(findings))
    attested, note = attested_time(records, base.registry, author_id, created)
    return Credit(tuple(records), delegations, tuple(findings), attested, note)


def _may_speak_for(base: Workspace, author_id: int, delegations: tuple[Stakeholder, ...]) -> bool:
    return may_speak_for(base.registry, author_id, tuple(s.id for s in delegations))


def may_speak_for(registry: Registry, author_id: int, delegations: tuple[str, ...]) -> bool:
    """The rule for every input made on others' behalf: the account is registered for one of the delegations
    named (by registry id), or holds record-input (the ISU entering what it received)."""
    if registry.may(author_id, RECORD_ROLE):
        return True
    return any(a.id == author_id for d in delegations if (s := registry.get(d)) is not None for a in s.accounts)


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


def attest_log(log: SubmissionLog, attested: datetime | None) -> SubmissionLog:
    """The log as judged: an honoured attested time dates the input's first version (later pushes keep theirs).

    Only verdicts use it; the hidden log keeps GitHub's times, so a run without the attestation (it is
    re-checked every time) goes back to them.
    """
    if attested is None or not log.receipts or log.receipts[0].received <= attested:
        return log
    first = log.receipts[0]
    return replace(log, receipts=(Receipt(first.sha, attested, Source.ATTESTED), *log.receipts[1:]))
