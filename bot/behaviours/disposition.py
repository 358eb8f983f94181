"""After a consolidated version is merged: tell each input its disposition, and close those fully dealt with."""

from __future__ import annotations

from ccmflow.compare.markers import paragraph_path
from ccmflow.consolidation.dispositions import DISPOSITIONS_DIR, is_register, read_register
from ccmflow.consolidation.messages import Notice, notices
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document
from ccmflow.core.record import PullState
from ccmflow.read.load import parse
from ccmflow.repo.store import Store

from ..client import GitHub, mine
from ..context import Context
from ..events import PushEvent
from ..router import Result, Router, handled, ignored


def register(router: Router) -> None:
    router.on("push", None, on_push)


def on_push(ctx: Context, event: PushEvent) -> Result:
    why_not = event.not_to_default_branch()
    if why_not is not None:
        return ignored(f"dispositions: not a push to the base branch: {why_not}")
    after = event.after
    if not ctx.store.has_commit(after):
        return ignored("dispositions: the pushed commit is not in the checkout")
    before = event.before if ctx.store.has_commit(event.before) else None
    html = event.repository.html_url or f"https://github.com/{ctx.settings.repository}"
    done: list[str] = []
    for path in _registers(ctx.store, before, after):
        done += _dispose(ctx, before, after, path, html)
    if not done:
        return ignored("dispositions: no consolidated version was merged by this push")
    return handled("dispositions: " + "; ".join(done))


def _registers(store: Store, before: str | None, after: str) -> list[str]:
    """Registers the push changed; all of them when the history before it is not available."""
    if before is None:
        paths = (f"{DISPOSITIONS_DIR}/{name}" for name in store.names(after, DISPOSITIONS_DIR))
        return [p for p in paths if is_register(p)]
    return sorted({path for status, path in store.changed_paths(before, after)
                   if status != "D" and is_register(path)})


def _document(ctx: Context, commit: str, doc: str) -> Document | None:
    try:
        return ctx.store.document(commit, doc)
    except FatalError:
        return None


def _dispose(ctx: Context, before: str | None, after: str, path: str, html: str) -> list[str]:
    """Post one register's notices when the push also brought its document to the register's version."""
    text = ctx.store.text(after, path)
    if text is None:
        return []
    register = read_register(text, path)
    document = _document(ctx, after, register.document)
    if document is None or document.version != register.version:
        return []
    previous = _document(ctx, before, register.document) if before is not None else None
    if previous is not None and previous.version == register.version:
        return []  # the register alone was edited: the version was merged earlier
    workspace, _ = ctx.store.workspace(after)
    version_name = workspace.process.version_name(register.version) if workspace else register.version
    blob_url = f"{html}/blob/{after}/{document.path}"
    written = [_apply(ctx.client, n) for n in notices(register, document, version_name,
                                                      _lines(ctx.store, after, document), blob_url)]
    return [f"{register.window} → {register.version}: " + (", ".join(w for w in written if w) or "nothing new")]


def _lines(store: Store, commit: str, document: Document) -> dict[str, int]:
    """The line of each paragraph's `id:` in the document's file, for links."""
    file = store.file(commit, document.path)
    # The document was just read from this file: it is there, it parses (load.parse's cache, keyed by its blob id,
    # already holds it), and it holds each of the document's paragraphs.
    assert file is not None
    loaded = parse(file).loaded
    assert loaded is not None
    lines: dict[str, int] = {}
    for _, paragraph in document.walk():
        where = paragraph_path(loaded, paragraph.id)
        assert where is not None
        lines[paragraph.id] = loaded.locate((*where, "id"))[0]
    return lines


def _apply(client: GitHub, notice: Notice) -> str:
    """Comment (once: the marker finds an earlier one) and close if due; what was written, '' for nothing."""
    found = mine(client.comments(notice.number), client.login, notice.marker)
    wrote = []
    if not found:
        client.create_comment(notice.number, notice.body, notice.marker)
        wrote.append("commented")
    elif found[0].body != notice.body:
        client.edit_comment(found[0].id, notice.body)
        wrote.append("updated")
    if notice.close and client.get_pull(notice.number).state == PullState.OPEN:
        # GitHub keeps no state_reason for pull requests; the comment says why it was closed.
        client.set_state(notice.number, PullState.CLOSED)
        wrote.append(f"closed ({notice.state_reason})")
    return f"#{notice.number} {' and '.join(wrote)}" if wrote else ""

