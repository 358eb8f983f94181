"""Paragraph status kept in git as `refs/ccmflow/status/<document>`: one JSON file, one commit per change.

Like the inputs ledger, the ref lives outside the protected default branch, so the bot (after a command) and
`ccmflow mark` can both write it; its commit history is the audit trail of who set what, and when.
"""

from __future__ import annotations

from collections.abc import Sequence

from ccmflow.compare.protect import Touch, refusal, touched_agreed
from ccmflow.core.agreement import ParagraphStatus, StatusBook, StatusEntry, book_from_json, statuses
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document
from ccmflow.repo.ledger import _read_json, _write_json
from ccmflow.repo.store import Store

STATUS_FILE = "status.json"
STATUS_REFS = "+refs/ccmflow/status/*:refs/ccmflow/status/*"  # what the bot fetches before it judges agreed text


def status_ref(document: str) -> str:
    return f"refs/ccmflow/status/{document}"


def read_status(store: Store, document: str) -> StatusBook:
    try:
        return book_from_json(document, _read_json(store, status_ref(document), STATUS_FILE))
    except (KeyError, ValueError) as exc:  # a file that is not JSON stops in _read_json, naming the ref
        raise FatalError(f"{status_ref(document)} does not read as a status record ({exc}); fetch it again "
                         "from origin") from None


def record_status(store: Store, document: str, entries: Sequence[StatusEntry]) -> StatusBook:
    """Append `entries` to the document's status record, in one commit that says what changed."""
    book = read_status(store, document).with_entries(entries)
    what = ", ".join(f"{e.paragraph} {e.status.value}" for e in entries[:5])
    more = f" and {len(entries) - 5} more" if len(entries) > 5 else ""
    who = entries[0].by_login if entries else "ccmflow"
    _write_json(store, status_ref(document), STATUS_FILE, book.as_json(),
                f"Status of {document}: {what}{more} (by {who})\n")
    return book


def agreed_statuses(store: Store, document: Document) -> dict[str, ParagraphStatus]:
    """Each paragraph's status as this repository records it (the base's record: a pull request cannot write it)."""
    return statuses(read_status(store, document.id), ((p.id, p.text) for _, p in document.walk()))


def protected_touches(store: Store, base: Document | None, new: Document | None) -> tuple[Touch, ...]:
    """The agreed or adopted paragraphs of `base` that `new` changes; every path asks this one question."""
    if base is None:
        return ()
    # An adopted text is protected whole, whatever a record says.
    return touched_agreed(base, new, agreed_statuses(store, base), adopted=base.status == "adopted")


def refuse_agreed_changes(store: Store, base: Document | None, new: Document | None) -> None:
    """Stop (FatalError) when `new` changes agreed text of `base`, naming each paragraph."""
    touches = protected_touches(store, base, new)
    if touches and base is not None:
        raise FatalError(refusal(base.short_title(), touches))
