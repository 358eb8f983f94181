"""Input records (documents/inputs/<document>/<id>.yaml): parsed, schema-checked and checked against the registry."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from ccmflow.core.errors import Finding
from ccmflow.core.inputfile import Change, Channel, InputFile, InputKind, PositionKind, input_path
from ccmflow.core.model import Workspace
from ccmflow.read import schema
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import SourceFile
from ccmflow.read.yamlsafe import Loaded, YamlError
from ccmflow.read.yamlsafe import load as load_yaml

MODELINE = "# yaml-language-server: $schema=../../schemas/input.schema.json"


def parse_input(file: SourceFile) -> tuple[InputFile | None, tuple[Finding, ...]]:
    """The record of one input file, or None with located findings."""
    try:
        loaded = load_yaml(file.raw, file.path, positions=False)  # spans only if a finding asks (Loaded)
    except YamlError as exc:
        return None, (exc.finding,)
    findings = schema.check(FileKind.INPUT, loaded)
    if findings:
        return None, tuple(findings)
    return _record(loaded)


def _record(loaded: Loaded) -> tuple[InputFile | None, tuple[Finding, ...]]:
    data: dict[str, Any] = loaded.data["input"]
    findings: list[Finding] = []
    expected = input_path(data["document"], data["id"])
    if loaded.path != expected:
        findings.append(loaded.finding(("input", "id"), f"this input's file must be {expected}",
                                       "name the file after the input's document and id"))
    received = None
    if "received" in data:
        try:
            received = datetime.fromisoformat(data["received"].replace("Z", "+00:00"))
        except ValueError:
            findings.append(loaded.finding(("input", "received"), f"'{data['received']}' is not a real time",
                                           "use YYYY-MM-DDTHH:MM+HH:MM"))
    if findings:
        return None, tuple(findings)
    return InputFile(
        id=data["id"], document=data["document"], kind=InputKind(data["kind"]),
        on_behalf_of=tuple(data["on_behalf_of"]), path=loaded.path, paragraph=data.get("paragraph"),
        section=data.get("section"), remark=data.get("remark"), justification=data.get("justification"),
        channel=Channel(data.get("channel", Channel.GITHUB)), received=received, reference=data.get("reference"),
        issue=data.get("issue"), changes=tuple(Change(InputKind(c["kind"]), c["paragraph"], c.get("justification"))
                                               for c in data.get("changes", ())),
        position=PositionKind(data["position"]) if "position" in data else None,
        paragraphs=tuple(data.get("paragraphs", ()))), ()


def check_input(record: InputFile, workspace: Workspace) -> list[Finding]:
    """Cross-file rules: the document and every delegation exist; a remark's section and paragraph too."""
    found: list[Finding] = []

    def note(message: str, hint: str) -> None:
        found.append(Finding(record.path, 1, 1, message, hint))

    for sid in record.on_behalf_of:
        if workspace.registry.get(sid) is None:
            note(f"on_behalf_of: '{sid}' is not in the registry ({workspace.registry.path})",
                 "use the id of a registered delegation")
    document = workspace.document(record.document)
    if document is None:
        note(f"document: no document '{record.document}'", f"use one of: {', '.join(sorted(workspace.documents))}")
        return found
    if record.kind == InputKind.REMARK:
        if record.section is not None and document.section(record.section) is None:
            note(f"section: '{record.section}' is not a section of {record.document}",
                 "use a section id of the document, or leave it out for a remark on the whole document")
        if record.paragraph is not None and document.paragraph(record.paragraph) is None:
            note(f"paragraph: '{record.paragraph}' is not a paragraph of {record.document}",
                 "use a paragraph id of the document")
    if record.kind == InputKind.POSITION and document.status != "adopted":
        note(f"kind: a position on the record is given once the {document.short_title()} is adopted (its status is "
             f"{document.status})", "send it after the adoption (explanations of position and reservations are "
             "about the adopted text); until then, propose text or send a remark")
    for pid in record.paragraphs:  # a position on the record cites paragraphs the document has
        if document.paragraph(pid) is None:
            note(f"paragraphs: '{pid}' is not a paragraph of {record.document}",
                 "cite the paragraph ids of the adopted text (ccmflow show DOC lists them)")
    return found


def check_inputs(files: Iterable[SourceFile], workspace: Workspace) -> list[Finding]:
    """Every problem of the input records `files` against the (valid) workspace: schema, file name, references."""
    found: list[Finding] = []
    for file in files:
        record, problems = parse_input(file)
        found += problems
        if record is not None:
            found += check_input(record, workspace)
    return found
