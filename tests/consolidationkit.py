"""Consolidation on a real repository: the embedded instance's zero drafts, inputs made as pull request refs,
and the bot's ledger of them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pygit2
from gitutil import commit, set_ref

from ccmflow.core.submissions import SubmissionLog
from ccmflow.repo.ledger import Ledger, LedgerEntry, write_ledger
from ccmflow.repo.store import Store
from ccmflow.write.edit import Editor

DOC = "review-document"
PATH = f"documents/{DOC}.yaml"
WINDOW = "review-zero-draft-input"
AUSTRIA, CHILE = 27361048, 60418273
P2, P3, P4, P14 = "pold5l7v", "p4sbyqum", "prj66qqb", "pqdqlejd"  # paragraphs 2, 3, 4 and 14 of the zero draft


def text_at(repo: pygit2.Repository, rev: str, path: str = PATH) -> str:
    blob = repo.revparse_single(rev).peel(pygit2.Commit).tree[path]
    return bytes(blob.data).decode()


def make_input(repo: pygit2.Repository, number: int | None, change: Callable[[Editor], None],
               parent: str = "main") -> pygit2.Oid:
    """A commit off `parent` editing the review document; refs/pull/<number>/head points at it."""
    editor = Editor(text_at(repo, parent), PATH)
    change(editor)
    head = commit(repo, {PATH: editor.text}, f"input {number}", branch=None,
                  parents=[repo.revparse_single(parent).peel(pygit2.Commit).id])
    if number is not None:
        set_ref(repo, f"refs/pull/{number}/head", head)
    return head


def ledger(repo: pygit2.Repository, *entries: tuple[int, int, str]) -> None:
    records = [LedgerEntry(number=n, title=title, body="", author_id=author, author_login=f"user{author}",
                           created_at=datetime(2020, 4, n, tzinfo=UTC), state="open",
                           head_sha=str(repo.references[f"refs/pull/{n}/head"].target),
                           log=SubmissionLog(n, window=WINDOW))
               for n, author, title in entries]
    write_ledger(Store(repo.workdir), Ledger(tuple(records)))
