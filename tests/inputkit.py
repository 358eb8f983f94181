"""Inputs as git data for the summary, freeze and compile tests: a process repository, PR refs and the ledger."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pygit2
from gitutil import commit, init_repo, instance_files
from msgspec.structs import replace

from ccmflow.core.model import Paragraph
from ccmflow.core.submissions import Acceptance, SubmissionLog
from ccmflow.repo.ledger import Ledger, LedgerEntry, write_ledger
from ccmflow.repo.store import Store
from ccmflow.write.edit import Editor

REVIEW = "documents/review-document.yaml"
WINDOW = "review-zero-draft-input"
DEADLINE = datetime(2020, 5, 4, 21, 59, 59, tzinfo=UTC)
ACCOUNTS = {"austria": (27361048, "at-mission-geneva"), "chile": (60418273, "cl-mission-geneva"),
            "icrc": (31275846, "icrc-weapons-unit"), "kenya": (47039185, "ke-mission-geneva"),
            "mexico": (36184025, "mx-mission-geneva"), "cmc": (19736205, "cmc-stopclustermunitions"),
            "presidency": (48213907, "ch-presidency-ccm"), "stranger": (99999901, "someone-else")}


def utc(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2020, month, day, hour, minute, tzinfo=UTC)


Edit = Callable[[Editor], None]


@dataclass
class Process:
    """A process repository at the zero drafts, with helpers to add inputs the way GitHub and the bot would."""

    path: Path
    repo: pygit2.Repository = field(init=False)
    base: pygit2.Oid = field(init=False)
    records: dict[int, LedgerEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.repo = init_repo(self.path)
        self.base = commit(self.repo, instance_files(), "zero drafts")

    @property
    def store(self) -> Store:
        return Store(self.path)

    def text(self, path: str = REVIEW, rev: pygit2.Oid | None = None) -> str:
        blob = self.repo[self.repo[rev or self.base].peel(pygit2.Commit).tree[path].id]
        assert isinstance(blob, pygit2.Blob)
        return blob.data.decode("utf-8")

    def version(self, edit: Edit | str, parent: pygit2.Oid | None = None, path: str = REVIEW) -> str:
        """A commit with the document edited (or replaced by raw text), on top of `parent` (default: the base)."""
        if isinstance(edit, str):
            text = edit
        else:
            editor = Editor(self.text(path, parent), path)
            edit(editor)
            text = editor.text
        return str(commit(self.repo, {path: text}, "input", branch=None, parents=[parent or self.base]))

    def pull(self, number: int, sha: str) -> None:
        self.repo.references.create(f"refs/pull/{number}/head", pygit2.Oid(hex=sha), force=True)

    def submit(self, number: int, who: str, edit: Edit | str, at: datetime, *, title: str = "",
               body: str = "", parent: pygit2.Oid | None = None) -> str:
        """Open PR `number` (or push a new version to it) as GitHub receives it at `at`; the ledger learns it."""
        sha = self.version(edit, parent)
        self.pull(number, sha)
        old = self.records.get(number)
        user_id, login = ACCOUNTS[who]
        log = (old.log if old else SubmissionLog(number)).record(sha, at, "event" if old else "pr-created")
        self.records[number] = LedgerEntry(number=number, title=title or (old.title if old else f"Input {number}"),
                                           body=body or (old.body if old else ""),
                                           author_id=user_id, author_login=login,
                                           created_at=old.created_at if old else at,
                                           state="open", head_sha=sha, log=log)
        return sha

    def accept(self, number: int, at: datetime) -> None:
        user_id, login = ACCOUNTS["presidency"]
        old = self.records[number]
        self.records[number] = replace(old, log=replace(old.log, accepted=Acceptance(user_id, login, at)))

    def close(self, number: int) -> None:
        self.records[number] = replace(self.records[number], state="closed")

    def sync(self) -> Ledger:
        """Write the ledger as the maintenance job would."""
        ledger = Ledger(tuple(self.records[n] for n in sorted(self.records)))
        write_ledger(self.store, ledger)
        return ledger


def set_text(pid: str, text: str) -> Edit:
    return lambda editor: editor.set_text(pid, text)


def append(pid: str, words: str) -> Edit:
    def edit(editor: Editor) -> None:
        paragraph = editor.document.paragraph(pid)
        assert paragraph is not None
        editor.set_text(pid, paragraph.text + " " + words)
    return edit


def delete(pid: str) -> Edit:
    return lambda editor: editor.delete(pid)


def insert(section: str, after: str | None, pid: str, text: str) -> Edit:
    return lambda editor: editor.insert(section, after, Paragraph(id=pid, kind="narrative", text=text))


def chain(*edits: Edit) -> Edit:
    def edit(editor: Editor) -> None:
        for step in edits:
            step(editor)
    return edit


def names(items: Sequence[object]) -> list[str]:
    return [str(getattr(i, "name", i)) for i in items]
