"""The issue form delegations send input through: its fields and choices, named once for the form and its reader.

The form (`.github/ISSUE_TEMPLATE/propose-input.yml`, rendered from ccmflow/templates/ISSUE_TEMPLATE/) uses
these labels; GitHub turns a submitted form into Markdown with one `### <label>` heading per field, and the bot
reads the answers back by the same labels (ccmflow.propose.form).
"""

from __future__ import annotations

from enum import StrEnum

from ccmflow.core.inputfile import InputKind, PositionKind

FORM_PATH = ".github/ISSUE_TEMPLATE/propose-input.yml"
CONFIG_PATH = ".github/ISSUE_TEMPLATE/config.yml"
NO_RESPONSE = "_No response_"  # what GitHub writes for an optional field left empty


class Field(StrEnum):
    """The form's fields, by the label GitHub shows and writes as each answer's heading."""

    DOCUMENT = "Document"
    KIND = "Kind of input"
    PARAGRAPH = "Paragraph"
    TEXT = "Proposed text or remark"
    JUSTIFICATION = "Justification"
    ON_BEHALF_OF = "On whose behalf"


# The kind dropdown's options, as the delegate reads them.
KIND_OPTIONS: dict[InputKind, str] = {
    InputKind.AMEND: "Amend a paragraph",
    InputKind.INSERT: "Insert a new paragraph after a paragraph",
    InputKind.DELETE: "Delete a paragraph",
    InputKind.REMARK: "General remark on a section or the whole document",
}
# Once a document is adopted: positions on the record (input kind `position`), one option per kind of position.
POSITION_OPTIONS: dict[PositionKind, str] = {
    PositionKind.EXPLANATION: "Explanation of position on the adopted text",
    PositionKind.RESERVATION: "Reservation on the adopted text",
}
