"""The disposition register: what became of each input of a window, as YAML the presidency can edit."""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import StrEnum

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core.errors import InvalidInput
from ccmflow.read import schema
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import DOCUMENTS_DIR
from ccmflow.read.yamlsafe import YamlError
from ccmflow.read.yamlsafe import load as load_yaml

DISPOSITIONS_DIR = f"{DOCUMENTS_DIR}/dispositions"


class Outcome(StrEnum):
    """What became of an input in a consolidated version: the register's vocabulary."""

    INCORPORATED = "incorporated"
    PARTLY = "partly-incorporated"
    NOT_RETAINED = "not-retained"
    SUPERSEDED = "superseded"
    NOTED = "noted"  # a general remark: no text to incorporate, taken note of

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


CLOSING = frozenset({Outcome.INCORPORATED, Outcome.SUPERSEDED})  # the bot closes these once the version is merged


def register_path(window: str) -> str:
    return f"{DISPOSITIONS_DIR}/{window}.yaml"


def is_register(path: str) -> bool:
    rest = path.removeprefix(f"{DISPOSITIONS_DIR}/")
    return rest != path and "/" not in rest and rest.endswith(".yaml")


class Disposition(Struct, frozen=True, kw_only=True):
    """One input's outcome; `paragraphs` are the ids it led to in the new version."""

    input: str
    outcome: Outcome
    reason: str
    paragraphs: tuple[str, ...] = ()
    title: str = ""
    stakeholder: str | None = None
    superseded_by: tuple[str, ...] = ()
    joint: tuple[str, ...] = ()  # the other delegations of a joint input (registry ids), besides `stakeholder`
    # The input's facts as its record has them, so the register the Presidency signs states them too.
    proposed: tuple[str, ...] = ()  # named as co-sponsors without confirming: never credited
    received: str | None = None  # ISO 8601 UTC: when the version that counts was received
    received_by: str = ""  # the channel: github | issue-form | e-mail
    attested: bool = False  # the time of receipt was attested by the support unit
    timing: str = ""  # the verdict (core.status.Verdict's value)
    kinds: tuple[str, ...] = ()  # what the input asked for (core.inputfile.InputKind values)
    justification: str = ""

    @property
    def number(self) -> int | None:
        """The pull request number of an input named pr-<n>."""
        digits = self.input.removeprefix("pr-")
        return int(digits) if digits != self.input and digits.isdigit() else None

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"input": self.input}
        if self.title:
            data["title"] = self.title
        if self.stakeholder:
            data["stakeholder"] = self.stakeholder
        if self.joint:
            data["joint"] = list(self.joint)
        if self.proposed:
            data["proposed"] = list(self.proposed)
        data |= {key: value for key, value in (
            ("received", self.received), ("received_by", self.received_by), ("attested", self.attested),
            ("timing", self.timing), ("kinds", list(self.kinds)), ("justification", self.justification)) if value}
        data |= {"outcome": self.outcome, "reason": self.reason, "paragraphs": list(self.paragraphs)}
        if self.superseded_by:
            data["superseded_by"] = list(self.superseded_by)
        return data


class Register(Struct, frozen=True):
    """The disposition of every input to one document in one window: the register the Presidency keeps."""

    window: str
    document: str
    version: str
    inputs: tuple[Disposition, ...]

    def get(self, name: str) -> Disposition | None:
        return next((d for d in self.inputs if d.input == name), None)


def _q(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: no title or reason can break the file.
    return json.dumps(value, ensure_ascii=False)


def dump_register(register: Register, window_title: str = "") -> str:
    """The register as YAML, with a header saying what may be edited."""
    lines = [f"# What became of each input to the window {register.window}, written by `ccmflow consolidate`."]
    if window_title:
        lines.append(f"# ({' '.join(window_title.split())})")
    lines += ["# The presidency may edit each reason (and outcome: incorporated, partly-incorporated, not-retained,",
              "# superseded, noted) before merging; once merged, the bot tells each input its disposition.",
              f"window: {register.window}", f"document: {register.document}", f"version: {register.version}",
              "inputs:" if register.inputs else "inputs: []"]
    for d in register.inputs:
        lines.append(f"  - input: {d.input}")
        if d.title:
            lines.append(f"    title: {_q(d.title)}")
        if d.stakeholder:
            lines.append(f"    stakeholder: {d.stakeholder}")
        if d.joint:
            lines.append(f"    joint: [{', '.join(d.joint)}]")
        if d.proposed:
            lines.append(f"    proposed: [{', '.join(d.proposed)}]")
        if d.received:
            lines.append(f"    received: {_q(d.received)}")
        if d.received_by:
            lines.append(f"    received_by: {d.received_by}")
        if d.attested:
            lines.append("    attested: true")
        if d.timing:
            lines.append(f"    timing: {d.timing}")
        if d.kinds:
            lines.append(f"    kinds: [{', '.join(d.kinds)}]")
        if d.justification:
            lines.append(f"    justification: {_q(d.justification)}")
        lines += [f"    outcome: {d.outcome}", f"    reason: {_q(d.reason)}",
                  f"    paragraphs: [{', '.join(d.paragraphs)}]"]
        if d.superseded_by:
            lines.append(f"    superseded_by: [{', '.join(d.superseded_by)}]")
    return "\n".join(lines) + "\n"


def read_register(text: str, path: str) -> Register:
    """A register from its text; InvalidInput with located findings when it is not a valid one."""
    try:
        loaded = load_yaml(text, path, positions=False)  # spans only if a finding asks (Loaded)
    except YamlError as exc:
        raise InvalidInput([exc.finding]) from None
    findings = schema.check(FileKind.DISPOSITIONS, loaded)
    if findings:
        raise InvalidInput(findings)
    data = loaded.data
    return Register(data["window"], data["document"], data["version"], tuple(_disposition(d) for d in data["inputs"]))


def _disposition(d: dict[str, object]) -> Disposition:
    def items(key: str) -> tuple[str, ...]:
        value = d.get(key)
        return tuple(str(x) for x in value) if isinstance(value, list) else ()

    stakeholder = d.get("stakeholder")
    received = d.get("received")
    return Disposition(input=str(d["input"]), outcome=Outcome(str(d["outcome"])), reason=str(d["reason"]),
                       paragraphs=items("paragraphs"), title=str(d.get("title") or ""),
                       stakeholder=str(stakeholder) if stakeholder else None,
                       superseded_by=items("superseded_by"), joint=items("joint"), proposed=items("proposed"),
                       received=str(received) if received else None, received_by=str(d.get("received_by") or ""),
                       attested=bool(d.get("attested")), timing=str(d.get("timing") or ""), kinds=items("kinds"),
                       justification=str(d.get("justification") or ""))


def keep_edited_reasons(new: Iterable[Disposition], old: Register | None) -> tuple[Disposition, ...]:
    """Reasons the presidency already wrote survive a re-run whose outcome for that input is unchanged."""
    result: list[Disposition] = []
    for d in new:
        before = old.get(d.input) if old else None
        if before is not None and before.outcome == d.outcome:
            d = replace(d, reason=before.reason)
        result.append(d)
    return tuple(result)
