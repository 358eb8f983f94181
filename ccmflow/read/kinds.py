"""The kinds of file ccmflow reads, each with its JSON Schema of the same name (schemas/<kind>.schema.json)."""

from __future__ import annotations

from enum import StrEnum


class FileKind(StrEnum):
    DOCUMENT = "document"  # documents/<doc-id>.yaml
    PROCESS = "process"  # documents/process.yaml: the timeline
    STAKEHOLDERS = "stakeholders"  # documents/stakeholders.yaml: the registry
    DISPOSITIONS = "dispositions"  # documents/dispositions/<window>.yaml: a register
    TRANSLATION = "translation"  # documents/translations/<lang>/<doc-id>.yaml
    INPUT = "input"  # documents/inputs/<doc-id>/<input-id>.yaml: an input's own file
