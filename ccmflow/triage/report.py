"""What triage found about one input, as the status comment tells it: records shared by decide and messages."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from msgspec import Struct

from ccmflow.compare.diff import DocumentDiff
from ccmflow.core.errors import Finding
from ccmflow.core.inputfile import InputFile
from ccmflow.core.model import Stakeholder, Window
from ccmflow.core.record import InputRecord, PullState
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Receipt, SubmissionLog


class DocumentReport(Struct, frozen=True, kw_only=True):
    """One document an input touches: what changes, and the verdict on its deadline."""

    id: str
    title: str
    version: str
    diff: DocumentDiff | None  # None when the head's file cannot be read (see the findings)
    section_titles: Mapping[str, str]
    window: Window | None
    verdict: Verdict
    head: Receipt
    on_time: Receipt | None  # the version that counts, when it is not the head (received by the deadline)
    record: InputRecord  # every fact of the input to this document, as every output reads it


class Report(Struct, frozen=True, kw_only=True):
    """Everything the status comment says, for messages.status_comment."""

    number: int
    author_login: str
    author_id: int
    stakeholder: Stakeholder | None
    documents: tuple[DocumentReport, ...]
    unknown_files: tuple[str, ...]
    protected: tuple[str, ...]
    findings: tuple[Finding, ...]
    log: SubmissionLog
    head: Receipt
    timezone: str
    presidency: tuple[str, ...]  # logins that may accept late input, to tell them
    verdict: Verdict
    close: bool
    closed_by_bot: bool
    state: PullState
    now: datetime
    # Who the input is made for, from its record (a joint input names several); empty: the author's own.
    credited: tuple[Stakeholder, ...] = ()
    proposed: tuple[Stakeholder, ...] = ()  # named as co-sponsors, not confirmed by them: never credited
    records: tuple[InputFile, ...] = ()  # the head's valid input files
    attestation_note: str = ""

    @property
    def delegations(self) -> tuple[Stakeholder, ...]:
        """Everyone the input is credited to."""
        return self.credited or ((self.stakeholder,) if self.stakeholder is not None else ())
