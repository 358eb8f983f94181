"""An input record written as YAML, in the order a person reads it."""

from __future__ import annotations

from datetime import UTC

from ccmflow.core.inputfile import Change, Channel, InputFile
from ccmflow.read.inputfile import MODELINE
from ccmflow.write.yamlemit import key_text, scalar


def dump_input(record: InputFile) -> str:
    """The file documents/inputs/<document>/<id>.yaml for `record`."""
    fields: list[tuple[str, str | list[str] | int | None]] = [
        ("id", record.id), ("document", record.document), ("kind", str(record.kind)),
        ("on_behalf_of", list(record.on_behalf_of)), ("paragraph", record.paragraph), ("section", record.section),
        ("position", str(record.position) if record.position else None),
        ("paragraphs", list(record.paragraphs) or None),
        ("channel", str(record.channel) if record.channel != Channel.GITHUB else None),
        ("received", record.received.astimezone(UTC).isoformat().replace("+00:00", "Z")
         if record.received else None),
        ("reference", record.reference), ("issue", record.issue), ("remark", record.remark),
        ("justification", record.justification)]
    lines = [MODELINE, "input:"]
    for key, value in fields:
        if value is None or value == "":
            continue
        head = f"  {key_text(key)}: "
        if isinstance(value, int):
            lines.append(f"{head}{value}")
        elif isinstance(value, list):
            lines.append(f"  {key_text(key)}:")
            lines.extend(f"    - {scalar(item, 6, 6)}" for item in value)
        else:
            lines.append(head + scalar(value, len(head), 4, block=key in ("remark", "justification")))
    if record.changes:
        lines.append("  changes:")
        lines.extend(line for change in record.changes for line in _change(change))
    return "\n".join(lines) + "\n"


def _change(change: Change) -> list[str]:
    """One item of `changes:`, its keys in the order of a single change's record."""
    lines = [f"    - kind: {change.kind}", f"      paragraph: {scalar(change.paragraph, 17, 8)}"]
    if change.justification:
        lines.append("      justification: " + scalar(change.justification, 21, 8, block=True))
    return lines
