"""A submitted issue form read back into a proposal: pure, and every answer treated as a stranger's data.

GitHub writes a submitted form as Markdown: per field `### <label>`, a blank line, the answer (a dropdown's
option as its text; `_No response_` for an optional field left empty). The author may edit the body
afterwards, so sections can be missing, reordered, renamed or repeated: the reader takes what it finds under
the labels it knows and reports every problem at once, each saying exactly what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType

from msgspec import Struct

from ccmflow.core.inputfile import Channel, InputKind, PositionKind
from ccmflow.core.issueform import KIND_OPTIONS, NO_RESPONSE, POSITION_OPTIONS, Field
from ccmflow.core.model import Document, Registry, Workspace
from ccmflow.core.status import Verdict, judge, opening
from ccmflow.propose.build import Proposal
from ccmflow.propose.resolve import ResolveError, resolve, resolve_section
from ccmflow.read import invisible
from ccmflow.triage.credit import may_speak_for

_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_LABELS = {field.value.casefold(): field for field in Field}
_SEPARATORS = re.compile(r"\s*(?:[,;\n]|\band\b)\s*", re.IGNORECASE)
_TRAILING_ID = re.compile(r"\(([a-z0-9][a-z0-9-]*)\)\s*$")
_WHOLE = {"whole document", "the whole document", "whole", "document"}  # a remark on the whole document


class FormAnswers(Struct, frozen=True):
    """The answers found under the form's headings; None for a field left empty or missing."""

    answers: Mapping[Field, str | None]

    def get(self, field: Field) -> str | None:
        return self.answers.get(field)


class FormProblems(ValueError):
    """The form cannot be used as it stands; `problems` says what to fix, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def _field(line: str) -> Field | None:
    found = _HEADING.match(line)
    return _LABELS.get(found.group(1).strip().casefold()) if found else None


def is_form(body: str) -> bool:
    """Whether the body was written by the input form: at least one of its headings is there."""
    return any(_field(line) is not None for line in body.splitlines())


def parse_form(body: str) -> FormAnswers:
    """The answer under each known heading (the first, when one is repeated); other text is kept with its field."""
    found: dict[Field, list[str]] = {}
    current: Field | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        field = _field(line)
        if field is not None:
            current = None if field in found else field
            if current is not None:
                found[current] = []
        elif current is not None:
            found[current].append(line)
    answers: dict[Field, str | None] = {}
    for field, lines in found.items():
        text = "\n".join(lines).strip()
        answers[field] = None if not text or text == NO_RESPONSE else text
    return FormAnswers(MappingProxyType(answers))


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_document(workspace: Workspace, answer: str | None) -> Document | None:
    """The document an answer names: its title as the dropdown offers it, its short title, or its id."""
    if not answer:
        return None
    wanted = _normal(answer)
    trailing = _TRAILING_ID.search(answer)
    for document in workspace.documents.values():
        if wanted in (_normal(document.title), _normal(document.short_title()), document.id.casefold()):
            return document
        if trailing and trailing.group(1) == document.id:
            return document
    return None


def find_kind(answer: str | None) -> InputKind | None:
    if not answer:
        return None
    wanted = _normal(answer)
    for kind, option in KIND_OPTIONS.items():
        if wanted in (_normal(option), kind.value):
            return kind
    return InputKind.POSITION if find_position(answer) is not None else None


def find_position(answer: str | None) -> PositionKind | None:
    """The kind of position an answer of the kind dropdown names, if it names one."""
    wanted = _normal(answer or "")
    return next((k for k, option in POSITION_OPTIONS.items() if wanted in (_normal(option), k.value)), None)


def find_delegations(registry: Registry, answer: str | None) -> tuple[tuple[str, ...], list[str]]:
    """The registry ids an answer names (by id or by name), and the names it does not know."""
    ids: list[str] = []
    unknown: list[str] = []
    for name in (n for n in _SEPARATORS.split(answer or "") if n.strip()):
        wanted = _normal(name)
        match = next((s for s in registry.stakeholders if wanted in (s.id.casefold(), _normal(s.name))), None)
        if match is None:
            unknown.append(name.strip())
        elif match.id not in ids:
            ids.append(match.id)
    return tuple(ids), unknown


class Submission(Struct, frozen=True):
    """Who sent the form and when GitHub received this version of it."""

    issue: int
    author_id: int
    received: datetime


def read_form(answers: FormAnswers, workspace: Workspace, submission: Submission) -> Proposal:
    """The proposal a form makes; FormProblems lists everything that must be fixed first."""
    problems: list[str] = []
    document = find_document(workspace, answers.get(Field.DOCUMENT))
    if document is None:
        titles = "; ".join(d.title for d in workspace.documents.values())
        given = answers.get(Field.DOCUMENT)
        problems.append(f"{Field.DOCUMENT}: " + (f"there is no document '{given}'" if given else "no document chosen")
                        + f"; choose one of: {titles}")
    kind = find_kind(answers.get(Field.KIND))
    if kind is None:
        options = "; ".join([*KIND_OPTIONS.values(), *POSITION_OPTIONS.values()])
        problems.append(f"{Field.KIND}: choose one of: {options}")
    on_behalf = _delegations(workspace.registry, answers.get(Field.ON_BEHALF_OF), submission.author_id, problems)
    _check_characters(answers, problems)
    paragraph, section = (None, None)
    cites: tuple[str, ...] = ()
    if document is not None and kind is not None:
        _check_window(workspace, document, submission.received, problems)
        if kind == InputKind.POSITION:
            cites = _cites(document, answers.get(Field.PARAGRAPH), problems)
        else:
            paragraph, section = _place(document, kind, answers.get(Field.PARAGRAPH), problems)
        _check_text(kind, answers.get(Field.TEXT), problems)
    if problems:
        raise FormProblems(problems)
    assert document is not None and kind is not None
    text = answers.get(Field.TEXT)
    if kind == InputKind.POSITION:
        return Proposal(document=document.id, kind=kind, on_behalf_of=on_behalf, remark=text,
                        position=find_position(answers.get(Field.KIND)), cites=cites,
                        justification=answers.get(Field.JUSTIFICATION), channel=Channel.ISSUE_FORM,
                        issue=submission.issue)
    return Proposal(document=document.id, kind=kind, on_behalf_of=on_behalf, paragraph=paragraph,
                    text=text if kind in (InputKind.AMEND, InputKind.INSERT) else None,
                    remark=text if kind == InputKind.REMARK else None, section=section,
                    justification=answers.get(Field.JUSTIFICATION), channel=Channel.ISSUE_FORM,
                    issue=submission.issue)


def _delegations(registry: Registry, answer: str | None, author_id: int, problems: list[str]) -> tuple[str, ...]:
    ids, unknown = find_delegations(registry, answer)
    if unknown:
        problems.append(f"{Field.ON_BEHALF_OF}: not in the registry: {', '.join(unknown)} (write the delegations' "
                        "names as the registry gives them, separated by commas)")
        return ids
    own = registry.by_user_id(author_id)
    if not ids:
        if own is None:
            problems.append("your GitHub account is not in the registry of delegations: ask the Implementation "
                            "Support Unit to register it, or send the input from your delegation's account")
            return ()
        return (own.id,)
    if not may_speak_for(registry, author_id, ids):
        names = ", ".join(s.name for d in ids if (s := registry.get(d)) is not None)
        problems.append(f"{Field.ON_BEHALF_OF}: your GitHub account is not registered for {names}: name your own "
                        "delegation among them, or ask the Implementation Support Unit to enter the input")
    return ids


def _check_window(workspace: Workspace, document: Document, received: datetime, problems: list[str]) -> None:
    timing = judge(workspace.process, document.id, received, document.version)
    if timing.verdict == Verdict.NO_WINDOW:
        problems.append(f"{Field.DOCUMENT}: the timeline opens no input window for {document.short_title()} yet")
    elif timing.verdict == Verdict.EARLY and timing.window is not None:
        when = opening(timing.window, workspace.process.conference.timezone)
        problems.append(f"{Field.DOCUMENT}: written input to {document.short_title()} is not open yet (it {when}): "
                        "edit this issue once it is open, and your input counts from then")


def _place(document: Document, kind: InputKind, answer: str | None,
           problems: list[str]) -> tuple[str | None, str | None]:
    """The paragraph id (and, for a remark, the section id) the answer names."""
    if kind == InputKind.REMARK:
        if not answer or _normal(answer) in _WHOLE:
            return None, None
        try:
            return resolve(document, answer)[1].id, None
        except ResolveError:
            pass
        try:
            return None, resolve_section(document, answer).id
        except ResolveError as exc:
            problems.append(f"{Field.PARAGRAPH}: '{answer}' is neither a paragraph nor a section: {exc}; or leave "
                            "it empty for a remark on the whole document")
            return None, None
    if not answer:
        what = "the paragraph the new one follows" if kind == InputKind.INSERT else "the paragraph"
        problems.append(f"{Field.PARAGRAPH}: give {what} by its number as in the circulated version, e.g. "
                        "'5' or 'Action 12'")
        return None, None
    try:
        return resolve(document, answer)[1].id, None
    except ResolveError as exc:
        problems.append(f"{Field.PARAGRAPH}: {exc}")
        return None, None


def _check_characters(answers: FormAnswers, problems: list[str]) -> None:
    """Characters nobody can see, or that reorder what is shown, have no place in an answer (see read.invisible)."""
    for field in Field:
        text = answers.get(field) or ""
        for offset, char in list(invisible.found(text))[:3]:
            before = " ".join(text[max(0, offset - 30):offset].split()[-4:])
            where = f" after “{before}”" if before else " at its start"
            problems.append(f"{field}: an invisible character, {invisible.name(char)}, stands{where}: "
                            f"{invisible.what_it_does(char)}. Delete it: most editors do not show it, so retype "
                            "the words around it")


def _cites(document: Document, answer: str | None, problems: list[str]) -> tuple[str, ...]:
    """The paragraphs a position on the record cites ('5, 11'), each one the adopted text has."""
    if document.status != "adopted":
        problems.append(f"{Field.KIND}: {document.short_title()} is not adopted yet: explanations of position and "
                        "reservations are given on the adopted text")
    names = [n.strip() for n in re.split(r"[,;]", answer or "") if n.strip()]
    if not names:
        problems.append(f"{Field.PARAGRAPH}: give the paragraphs the position is about, e.g. '5, 11'")
    found: list[str] = []
    for name in names:
        try:
            found.append(resolve(document, name)[1].id)
        except ResolveError as exc:
            problems.append(f"{Field.PARAGRAPH}: {exc}")
    return tuple(found)


def _check_text(kind: InputKind, text: str | None, problems: list[str]) -> None:
    if kind in (InputKind.AMEND, InputKind.INSERT) and not text:
        problems.append(f"{Field.TEXT}: empty; give the full text you propose for the paragraph")
    elif kind in (InputKind.REMARK, InputKind.POSITION) and not text:
        problems.append(f"{Field.TEXT}: empty; write your " + ("remark" if kind == InputKind.REMARK else "position"))
