"""Records of a window's inputs from git: the ledger's and the freeze manifest's facts, read for `make_record`.

One path for every offline reader (the summary, the compilation text, the freeze, the register, the trace and the
redlines): a ref or a ledger entry becomes `Facts`, its versions are read through `GitVersions`, and
`ccmflow.triage.record.make_record` decides the rest.
"""

from __future__ import annotations

from datetime import datetime

from ccmflow.compare.diff import Anchor, DocumentDiff
from ccmflow.core.errors import Finding
from ccmflow.core.model import Registry, Window
from ccmflow.core.record import Entered, Received
from ccmflow.core.submissions import Source
from ccmflow.inputs.examine import Examiner
from ccmflow.read.load import SourceFile
from ccmflow.repo.git import CommitInfo
from ccmflow.repo.inputfiles import input_files_since_base
from ccmflow.repo.inputref import input_name
from ccmflow.repo.ledger import FrozenInput, LedgerEntry
from ccmflow.repo.store import Store
from ccmflow.triage.record import Facts


class GitVersions:
    """An input's versions as `make_record` reads them: from the repository, against one base and document."""

    def __init__(self, store: Store, examiner: Examiner) -> None:
        self.store = store
        self.examiner = examiner
        self._files: dict[str, tuple[SourceFile, ...]] = {}
        self._present: dict[str, bool] = {}  # asked two or three times of each version

    def present(self, sha: str) -> bool:
        found = self._present.get(sha)
        if found is None:
            found = self._present[sha] = self.store.has_commit(sha)
        return found

    def files(self, sha: str) -> tuple[SourceFile, ...]:
        found = self._files.get(sha)
        if found is None:
            found = self._files[sha] = input_files_since_base(self.store, self.examiner.base, sha)
        return found

    def changes(self, sha: str) -> tuple[DocumentDiff | None, tuple[Finding, ...], tuple[Anchor, ...]]:
        examined = self.examiner.examine(sha)
        return examined.diff, examined.findings, examined.anchors


def facts_of(*, document: str, window: Window | None, registry: Registry, now: datetime, ref_name: str,
             number: int | None, head: str | None, entry: LedgerEntry | None, frozen: FrozenInput | None,
             commit: CommitInfo | None) -> Facts:
    """The facts of one input: from the ledger (what GitHub said), the window's manifest, else the commit alone."""
    name = input_name(number) if number is not None else ref_name
    kept = _frozen_version(frozen)
    record = frozen.record if frozen is not None and frozen.sha is not None else None
    late = frozen is not None and frozen.sha is None
    if entry is not None:
        log = entry.log
        return Facts(name=name, number=number, document=document, window=window, title=entry.title,
                     body=entry.body, entered=_entered(registry, entry.author_id, entry.author_login),
                     created=entry.created_at, head=head or entry.head_sha, receipts=log.receipts,
                     acceptance=log.acceptance(registry), confirmed=log.confirmed(registry),
                     frozen=kept, frozen_record=record, frozen_late=late, now=now)
    if frozen is not None:
        return Facts(name=name, number=number, document=document, window=window,
                     title=record.title if record else "", body="",
                     entered=_entered(registry, frozen.author_id, frozen.author_login), created=None,
                     head=head or frozen.latest_sha, frozen=kept, frozen_record=record, frozen_late=late, now=now)
    subject = commit.message.strip().splitlines()[0] if commit is not None and commit.message.strip() else ""
    author = commit.author if commit is not None else "unknown"
    return Facts(name=name, number=number, document=document, window=window, title=subject, body="",
                 entered=Entered(login=author, user_id=None, stakeholder=None, verified=False), created=None,
                 head=head, now=now)


def _entered(registry: Registry, user_id: int, login: str) -> Entered:
    who = registry.by_user_id(user_id)
    return Entered(login=login, user_id=user_id, stakeholder=who.id if who else None, verified=True)


def _frozen_version(frozen: FrozenInput | None) -> Received | None:
    if frozen is None or frozen.sha is None:
        return None
    if frozen.record is not None and frozen.record.version is not None:
        return frozen.record.version
    return Received(sha=frozen.sha, received=frozen.received, source=Source.EVENT if frozen.received else None)
