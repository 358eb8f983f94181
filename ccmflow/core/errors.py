"""Findings about input files and the one fatal error the CLI turns into an exit code."""

from __future__ import annotations

from msgspec import Struct


class Finding(Struct, frozen=True):
    """One problem in one file, located for a person to fix it."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{text} (fix: {self.hint})" if self.hint else text

    def as_json(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "column": self.column,
                "message": self.message, "hint": self.hint}


class FatalError(Exception):
    """Stops a command; `main` prints the message and exits with `exit_code`."""

    exit_code = 2


class InvalidInput(FatalError):
    """Input files have findings; the command cannot go on with them."""

    exit_code = 1

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))
