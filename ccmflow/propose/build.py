"""One proposal made into files: the document edited structurally, and the input's own record beside it."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core.inputfile import CHANGE_KINDS, Change, Channel, InputFile, InputKind, PositionKind, input_path
from ccmflow.core.model import Document, Paragraph, Workspace, number_name
from ccmflow.propose.resolve import ResolveError, resolve, resolve_section
from ccmflow.write.edit import ID_ALPHABET, EditError, Editor, derived_id, new_id
from ccmflow.write.inputemit import dump_input

# An inserted action must stay measurable (the schema asks for one indicator): this one says none is proposed
# yet, so the file stays valid and the Presidency sees what is missing.
INDICATOR_PLACEHOLDER = "To be defined"


class ProposalError(ValueError):
    """The proposal cannot be made; the message says exactly what to fix."""


class Edit(Struct, frozen=True):
    """One change of a proposal that makes several: amend or delete `paragraph`, or insert a new one after it.

    Insertions after the same paragraph follow each other: the second goes after the first new paragraph.
    """

    kind: InputKind  # one of CHANGE_KINDS
    paragraph: str
    text: str | None = None  # amend, insert
    justification: str | None = None


class Proposal(Struct, frozen=True):
    """What a delegation asks for, as it names things: the paragraph by its display number or id."""

    document: str
    kind: InputKind
    on_behalf_of: tuple[str, ...]
    paragraph: str | None = None  # amend, delete: the paragraph; insert: the one it follows; remark: optional
    text: str | None = None  # amend, insert
    remark: str | None = None
    section: str | None = None  # remark: a section by id or title, when no paragraph is named
    justification: str | None = None
    channel: Channel = Channel.GITHUB
    received: datetime | None = None
    reference: str | None = None
    issue: int | None = None
    edits: tuple[Edit, ...] = ()  # kind CHANGES: the changes, in the order they are made
    position: PositionKind | None = None  # kind POSITION: an explanation of position or a reservation
    cites: tuple[str, ...] = ()  # kind POSITION: the paragraphs it is about, named as delegates name them


class Built(Struct, frozen=True):
    """The files to commit (repository path -> text), the record, and a line saying what it does."""

    record: InputFile
    files: Mapping[str, str]
    summary: str


def with_edits(template: Proposal, edits: tuple[Edit, ...]) -> Proposal:
    """The proposal that makes `edits` for `template`'s delegations: one edit is a proposal of its own kind (the
    very record a single `ccmflow propose` makes), several make one input of kind CHANGES."""
    if len(edits) == 1:
        edit = edits[0]
        return replace(template, kind=edit.kind, paragraph=edit.paragraph, text=edit.text,
                       justification=edit.justification, edits=())
    return replace(template, kind=InputKind.CHANGES, paragraph=None, text=None, justification=None, edits=edits)


def fresh_input_id(proposal: Proposal) -> str:
    """An input id nobody else will pick: the first delegation, the kind and a nonce. (An issue form's input is
    named after its issue by the bot.)"""
    nonce = "".join(secrets.choice(ID_ALPHABET) for _ in range(6))
    return f"{proposal.on_behalf_of[0] if proposal.on_behalf_of else 'input'}-{proposal.kind}-{nonce}"


def build(workspace: Workspace, document_text: str, proposal: Proposal, input_id: str) -> Built:
    """The change `proposal` asks for on `document_text` (the document's file at the base), and its record."""
    document = workspace.document(proposal.document)
    if document is None:
        raise ProposalError(f"no document '{proposal.document}' (known: {', '.join(sorted(workspace.documents))})")
    check_delegations(workspace, proposal.on_behalf_of)
    try:
        return _build(workspace, document, document_text, proposal, input_id)
    except (ResolveError, EditError) as exc:
        raise ProposalError(str(exc)) from None


def check_delegations(workspace: Workspace, delegations: tuple[str, ...]) -> None:
    if not delegations:
        raise ProposalError("say on whose behalf the input is made (a delegation id from the registry)")
    unknown = [d for d in delegations if workspace.registry.get(d) is None]
    if unknown:
        raise ProposalError(f"not in the registry: {', '.join(unknown)} (use the delegations' ids from "
                            f"{workspace.registry.path})")


def _text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ProposalError(f"the {what} is empty: give the text")
    return text


def _build(workspace: Workspace, document: Document, document_text: str, proposal: Proposal,
           input_id: str) -> Built:
    editor = Editor(document_text, document.path)
    draft = _Draft(document)
    kind = proposal.kind
    pid: str | None = None
    remark: str | None = None
    section_id: str | None = None
    changes: tuple[Change, ...] = ()
    cited: tuple[str, ...] = ()
    if kind == InputKind.REMARK:
        remark = _text(proposal.remark, "remark")
        if proposal.paragraph:
            section, paragraph = resolve(document, proposal.paragraph)
            pid, section_id = paragraph.id, section.id
        elif proposal.section:
            section_id = resolve_section(document, proposal.section).id
        about = document.section(section_id) if section_id else None
        where = f"section '{about.title}'" if about is not None else "the whole document"
        summary = f"general remark on {where} of {document.short_title()}"
    elif kind == InputKind.POSITION:
        remark, cited, summary = _position(document, proposal)
    elif kind == InputKind.CHANGES:
        changes, summary = _several(workspace, document, draft, proposal.edits, _seed(proposal, input_id))
    else:
        if not proposal.paragraph:
            raise ProposalError("name the paragraph as in the circulated text, e.g. '5' or 'Action 12'")
        taken = _taken(workspace)
        pid, what = _apply(document, draft, Edit(kind, proposal.paragraph, proposal.text), {}, taken,
                           _seed(proposal, input_id))
        summary = f"{what} of {document.short_title()}"
    if draft.changed:
        editor.write(draft.document())
    record = InputFile(
        id=input_id, document=document.id, kind=kind, on_behalf_of=proposal.on_behalf_of,
        path=input_path(document.id, input_id), paragraph=pid, section=section_id,
        remark=remark,
        justification=(proposal.justification or "").strip() or None, channel=proposal.channel,
        received=proposal.received, reference=(proposal.reference or "").strip() or None, issue=proposal.issue,
        changes=changes, position=proposal.position if kind == InputKind.POSITION else None, paragraphs=cited)
    files = {record.path: dump_input(record)}
    if editor.text != document_text:
        files[document.path] = editor.text
    return Built(record, MappingProxyType(files), summary)


def _position(document: Document, proposal: Proposal) -> tuple[str, tuple[str, ...], str]:
    """A position on the record: its statement, the ids of the paragraphs it cites (each must exist), a summary.
    Given once the document is adopted; it changes no text."""
    if document.status != "adopted":
        raise ProposalError(f"{document.short_title()} is not adopted yet: explanations of position and "
                            "reservations are given on the adopted text")
    if not proposal.cites:
        raise ProposalError("cite the paragraphs the position is about, as in the adopted text, e.g. '5'")
    cited = tuple(dict.fromkeys(resolve(document, name)[1].id for name in proposal.cites))
    kind = proposal.position or PositionKind.EXPLANATION
    return _text(proposal.remark, kind.label), cited, f"{kind.label} on {document.short_title()}"


def _taken(workspace: Workspace) -> set[str]:
    return {p.id for d in workspace.documents.values() for _, p in d.walk()}


def _seed(proposal: Proposal, input_id: str) -> str | None:
    """New paragraph ids of an issue form's input are drawn from its id: the bot rebuilds the input from the
    issue on every edit, and an edit that changes nothing must make the same commit (no new version)."""
    return input_id if proposal.issue is not None else None


class _Draft:
    """The document as the edits so far leave it, kept as what changed: the file is written once, at the end.

    Writing the file after every edit (as Editor's steps do) reads the whole text again each time, so a Word
    file with a thousand new paragraphs cost a thousand reads of a growing file; here an edit costs the same
    whatever the number of edits, and the document is put together in one pass.
    """

    def __init__(self, base: Document) -> None:
        self.base = base
        self.numbers = base.numbers()
        self.section_ids = {p.id: s.id for s, p in base.walk()}
        self.amended: dict[str, Paragraph] = {}
        self.deleted: set[str] = set()
        self.following: dict[str, list[Paragraph]] = {}  # new paragraphs right after a paragraph, nearest first
        self.new: set[str] = set()

    @property
    def changed(self) -> bool:
        return bool(self.amended or self.deleted or self.new)

    def _present(self, pid: str) -> None:
        if pid in self.deleted or (pid not in self.new and pid not in self.section_ids):
            raise EditError(f"no paragraph '{pid}' in {self.base.path}")

    def set_text(self, paragraph: Paragraph, text: str) -> None:
        self._present(paragraph.id)
        self.amended[paragraph.id] = replace(self.amended.get(paragraph.id, paragraph), text=text)

    def delete(self, pid: str) -> None:
        self._present(pid)
        self.deleted.add(pid)

    def insert(self, section_id: str, after: str, paragraph: Paragraph) -> None:
        """`paragraph` (its id drawn outside every id taken) right after `after`."""
        if after in self.deleted or (after not in self.new and self.section_ids.get(after) != section_id):
            raise EditError(f"paragraph '{after}' is not in section '{section_id}'")
        self.following.setdefault(after, []).insert(0, paragraph)
        self.new.add(paragraph.id)

    def document(self) -> Document:
        return replace(self.base, sections=tuple(
            replace(s, paragraphs=tuple(self._walk(s.paragraphs))) for s in self.base.sections))

    def _walk(self, paragraphs: tuple[Paragraph, ...]) -> list[Paragraph]:
        out: list[Paragraph] = []
        stack = list(reversed(paragraphs))
        while stack:
            paragraph = stack.pop()
            if paragraph.id not in self.deleted:
                out.append(self.amended.get(paragraph.id, paragraph))
            stack.extend(reversed(self.following.get(paragraph.id, ())))
        return out


def _several(workspace: Workspace, document: Document, draft: _Draft,
             edits: tuple[Edit, ...], seed: str | None = None) -> tuple[tuple[Change, ...], str]:
    """Each edit in turn, as the same number of single proposals would make them one after the other."""
    if len(edits) < 2:
        raise ProposalError("an input of several changes needs at least two (one change is a proposal of its kind)")
    taken = _taken(workspace)
    chained: dict[str, str] = {}  # paragraph -> the last new paragraph inserted after it
    changes: list[Change] = []
    whats: list[str] = []
    for edit in edits:
        if edit.kind not in CHANGE_KINDS:
            raise ProposalError(f"'{edit.kind}' is not a change to a paragraph (amend, insert or delete)")
        pid, what = _apply(document, draft, edit, chained, taken, seed and f"{seed}:{len(changes)}")
        changes.append(Change(edit.kind, pid, (edit.justification or "").strip() or None))
        whats.append(what)
    return tuple(changes), f"{len(changes)} changes to {document.short_title()}: {'; '.join(whats)}"


def _apply(document: Document, draft: _Draft, edit: Edit, chained: dict[str, str],
           taken: set[str], seed: str | None = None) -> tuple[str, str]:
    """Make one amendment, insertion or deletion; the paragraph it records, and what it did."""
    section, paragraph = resolve(document, edit.paragraph)
    pid = paragraph.id
    named = f"{number_name(draft.numbers.get(pid, ''))} ({pid})"
    if edit.kind == InputKind.AMEND:
        text = _text(edit.text, "proposed text")
        if text == paragraph.text:
            raise ProposalError(f"the proposed text is the current text of {named}: change it, or make a remark")
        draft.set_text(paragraph, text)
        return pid, f"amendment to {named}"
    if edit.kind == InputKind.INSERT:
        after = chained.get(pid, pid)
        new = _new_paragraph(taken, paragraph, _text(edit.text, "proposed text"), seed)
        draft.insert(section.id, after, new)
        taken.add(new.id)
        chained[pid] = new.id
        return after, f"new paragraph {new.id} after {named if after == pid else after}"
    draft.delete(pid)
    return pid, f"deletion of {named}"


def _new_paragraph(taken: set[str], after: Paragraph, text: str, seed: str | None = None) -> Paragraph:
    indicators = (INDICATOR_PLACEHOLDER,) if after.kind == "action" else ()
    pid = derived_id(seed, taken) if seed is not None else new_id(taken)
    return Paragraph(id=pid, kind=after.kind, text=text, indicators=indicators)
