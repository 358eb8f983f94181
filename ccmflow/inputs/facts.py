"""What git knows about each input ref, read in one pass before anything is judged.

collect.py reads these facts for every candidate ref first (through ccmflow.repo: heads, ledger and manifest
entries, the input records the head changes since its merge base, which on-time commits are present, commit
subjects and authors), then judges timing and authorship on this plain data, then reads the diffs of the
versions that count (examine.py), then assembles the inputs. Nothing here judges.
"""

from __future__ import annotations

from dataclasses import dataclass

from ccmflow.read.load import SourceFile
from ccmflow.repo.git import Commit, Repository, commit_of, find_commit
from ccmflow.repo.inputfiles import input_files_since_base
from ccmflow.repo.ledger import FrozenInput, LedgerEntry


@dataclass(frozen=True, slots=True)
class CommitFacts:
    """A commit's subject line and author name, for an input the ledger does not know."""

    subject: str
    author: str


@dataclass(frozen=True, slots=True, kw_only=True)
class InputFacts:
    """One candidate ref as git and the ledger have it."""

    ref: str
    head: str | None  # the ref's commit (None: only the freeze ref is left)
    number: int | None
    record: LedgerEntry | None
    frozen: FrozenInput | None
    input_files: tuple[SourceFile, ...]  # input records changed at the current head since its merge base
    present: frozenset[str]  # which commits a timing verdict may pick are in the repository
    commits: dict[str, CommitFacts]  # subject and author of the commits that may count, when the ledger is silent

    @property
    def current(self) -> str | None:
        return self.head or (self.frozen.latest_sha if self.frozen is not None else None)


def read_facts(repo: Repository, base: Commit, ref: str, head: str | None, number: int | None,
               record: LedgerEntry | None, frozen: FrozenInput | None) -> InputFacts:
    """Every git fact collect's judgement of one input needs."""
    current = head or (frozen.latest_sha if frozen is not None else None)
    candidates = {r.sha for r in record.log.receipts} if record is not None else set()
    if frozen is not None and frozen.sha is not None:
        candidates.add(frozen.sha)
    commits: dict[str, CommitFacts] = {}
    if record is None:
        for sha in {s for s in (head, current, frozen.sha if frozen else None) if s} | candidates:
            if find_commit(repo, sha) is not None:
                commits[sha] = _commit_facts(repo, sha)
    return InputFacts(ref=ref, head=head, number=number, record=record, frozen=frozen,
                      input_files=input_files_since_base(repo, base, current),
                      present=frozenset(s for s in candidates if find_commit(repo, s) is not None), commits=commits)


def _commit_facts(repo: Repository, sha: str) -> CommitFacts:
    commit = commit_of(repo, sha)
    message: str = commit.message
    return CommitFacts(message.strip().splitlines()[0] if message.strip() else "",
                       commit.author.name or commit.author.email or "unknown")
