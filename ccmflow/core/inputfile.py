"""An input's own record, kept in git beside the change it makes: on whose behalf, how it came, what kind it is.

Every input (a pull request's edit, an issue form, an e-mail the ISU enters, a general remark) may carry one file
`documents/inputs/<document>/<input-id>.yaml`. Offline commands read it from the input's commit, so who is
credited, the channel and the attested time of receipt are data in git, never something only GitHub knows.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from msgspec import Struct

from ccmflow.core.roles import Role

INPUTS_DIR = "documents/inputs"
RECORD_ROLE = Role.RECORD_INPUT  # the registry role whose holders may attest when an input was received


class InputKind(StrEnum):
    """What an input asks for: one vocabulary for the form, `ccmflow propose`, the summary and the register."""

    AMEND = "amend"  # new text for a paragraph
    INSERT = "insert"  # a new paragraph after one
    DELETE = "delete"  # a paragraph removed
    REMARK = "remark"  # views on a section or the whole document: no text change
    MOVE = "move"  # a paragraph moved: read from an input's diff, never declared in an input file
    CHANGES = "changes"  # several of the first three at once (a marked-up Word file): the record lists them
    # An explanation of position or a reservation on an adopted document: cites paragraphs, changes no text.
    POSITION = "position"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {InputKind.AMEND: "amendment", InputKind.INSERT: "new paragraph", InputKind.DELETE: "deletion",
           InputKind.REMARK: "general remark", InputKind.MOVE: "move",
           InputKind.CHANGES: "changes to several paragraphs", InputKind.POSITION: "position on the record"}
# The kinds that change no text: read like remarks wherever inputs are listed.
NO_TEXT_KINDS = (InputKind.REMARK, InputKind.POSITION)


class PositionKind(StrEnum):
    """What a position on the record is, once a document is adopted."""

    EXPLANATION = "explanation"  # an explanation of position
    RESERVATION = "reservation"  # a reservation on the paragraphs cited

    @property
    def label(self) -> str:
        return "explanation of position" if self is PositionKind.EXPLANATION else "reservation"
# What one change of an input of kind CHANGES may be.
CHANGE_KINDS = (InputKind.AMEND, InputKind.INSERT, InputKind.DELETE)


class Channel(StrEnum):
    """How the input reached the process."""

    GITHUB = "github"  # a pull request
    ISSUE_FORM = "issue-form"  # the issue form, turned into a pull request by the bot
    EMAIL = "e-mail"  # sent to the ISU, which entered it


class Change(Struct, frozen=True):
    """One structured change of an input that makes several (kind CHANGES)."""

    kind: InputKind  # one of CHANGE_KINDS
    paragraph: str  # amend, delete: the paragraph; insert: the one the new paragraph follows
    justification: str | None = None


class InputFile(Struct, frozen=True):
    """The metadata of one input (schema input.schema.json)."""

    id: str
    document: str
    kind: InputKind
    on_behalf_of: tuple[str, ...]  # registry ids: every delegation credited (a joint input names several)
    path: str
    paragraph: str | None = None  # amend/delete: the paragraph; insert: the one it follows; remark: optional
    section: str | None = None  # remark: the section it is about (None: the whole document)
    remark: str | None = None
    justification: str | None = None
    channel: Channel = Channel.GITHUB
    received: datetime | None = None  # an attestation: honoured only from an account with RECORD_ROLE
    reference: str | None = None  # e.g. the e-mail's subject and date
    issue: int | None = None  # the issue the form was filed in
    changes: tuple[Change, ...] = ()  # kind CHANGES only: each change, in the order they are made
    position: PositionKind | None = None  # kind POSITION only: an explanation of position or a reservation
    paragraphs: tuple[str, ...] = ()  # kind POSITION only: the paragraph ids it cites


def input_path(document: str, input_id: str) -> str:
    return f"{INPUTS_DIR}/{document}/{input_id}.yaml"


def is_input_path(path: str) -> bool:
    """documents/inputs/<document>/<id>.yaml: exactly one folder deep."""
    rest = path.removeprefix(INPUTS_DIR + "/")
    return rest != path and rest.count("/") == 1 and rest.endswith((".yaml", ".yml"))
