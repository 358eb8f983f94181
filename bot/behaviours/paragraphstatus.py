"""Paragraph status at the conference: /ccmflow ad-ref, /ccmflow agree and /ccmflow reopen PARAGRAPH.

Obeyed from the Presidency for any paragraph, and from a facilitator for the sections it facilitates, checked by
numeric account id against the base branch's registry; anyone else gets a polite refusal. The entry records
GitHub's time of the comment, and is pushed as refs/ccmflow/status/<document>.
"""

from __future__ import annotations

from ccmflow.conference import messages
from ccmflow.conference.facilitators import WHO_MAY_MARK, may_mark
from ccmflow.conference.mark import MarkRefused, mark, plan, target
from ccmflow.core.agreement import ParagraphStatus
from ccmflow.core.model import Document, Workspace
from ccmflow.propose.resolve import ResolveError, resolve
from ccmflow.repo.fetch import push
from ccmflow.repo.statusref import read_status, status_ref
from ccmflow.triage import messages as triage_messages

from ..context import Context
from ..events import CommandWord
from ..replies import reply
from ..router import Command, Result, Router, handled, ignored

WORDS = {CommandWord.AD_REF: ParagraphStatus.AGREED_AD_REF, CommandWord.AGREE: ParagraphStatus.AGREED,
         CommandWord.REOPEN: ParagraphStatus.OPEN}


def register(router: Router) -> None:
    for word in WORDS:
        router.command(word, set_status)


def _answer(ctx: Context, command: Command, text: str, what: str) -> Result:
    if not reply(ctx, command, text):
        return ignored(f"#{command.number}: '/ccmflow {command.word}' from @{command.login} was already answered")
    return handled(f"#{command.number}: {what}")


def _document(workspace: Workspace, args: tuple[str, ...]) -> tuple[Document | None, str, list[str]]:
    """The document and the paragraph's name: `DOC PARAGRAPH`, or a PARAGRAPH only one document has."""
    if len(args) > 1 and args[0] in workspace.documents:
        return workspace.documents[args[0]], " ".join(args[1:]), []
    name = " ".join(args)
    having: list[str] = []
    for did, document in workspace.documents.items():
        try:
            resolve(document, name)
        except ResolveError:
            continue
        having.append(did)
    found = workspace.documents[having[0]] if len(having) == 1 else None
    return found, name, having


def set_status(ctx: Context, command: Command) -> Result:
    status = WORDS[CommandWord(command.word)]
    workspace = ctx.base()
    said = f"{command.word} {' '.join(command.args)}".strip()
    if not command.args:
        return _answer(ctx, command, messages.cannot(command.login, said, "name the paragraph, e.g. "
                                                     f"/ccmflow {command.word} review-document 5"), "no paragraph")
    document, name, having = _document(workspace, command.args)
    if document is None:
        if len(having) > 1:
            return _answer(ctx, command, messages.which_document(command.login, command.word, name, having),
                           "ambiguous paragraph")
        known = ", ".join(sorted(workspace.documents))
        return _answer(ctx, command, messages.cannot(command.login, said, f"no document has a paragraph '{name}' "
                                                     f"(documents: {known})"), "unknown paragraph")
    try:
        section, _, _ = target(document, name)
    except MarkRefused as exc:
        return _answer(ctx, command, messages.cannot(command.login, said, str(exc)), "unknown paragraph")
    if not may_mark(workspace.registry, command.user_id, section.id):
        return _answer(ctx, command, triage_messages.refusal(command.login, command.word,
                                                             f"{WHO_MAY_MARK} ({section.title})"),
                       f"refused '/ccmflow {command.word}' from @{command.login} (account {command.user_id})")
    problem = ctx.fetch()  # the status record as origin has it now
    if problem is not None:
        return ignored(f"#{command.number}: cannot read the status record: {problem}")
    try:
        if ctx.settings.dry_run:
            plan(document, name, status, read_status(ctx.store, document.id).recorded(target(document, name)[1]))
            return handled(f"#{command.number}: dry run: would record {name} {status}")
        done = mark(ctx.store, document.id, name, status, login=command.login, user_id=command.user_id,
                    at=command.created_at)
    except MarkRefused as exc:
        return _answer(ctx, command, messages.cannot(command.login, said, str(exc)), "refused by the rules")
    if done.entry is not None:
        ref = status_ref(document.id)
        push(ctx.store, ctx.settings.token, [f"{ref}:{ref}"])
    return _answer(ctx, command, messages.marked(command.login, done.sentence(), document.short_title(),
                                                 document.version), done.sentence())
