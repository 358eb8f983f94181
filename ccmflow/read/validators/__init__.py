"""Generated schema validators, one module per schema (see ccmflow.read.schemagen), and their exceptions."""

from __future__ import annotations

from typing import Any


class JsonSchemaValueException(ValueError):
    """A value breaks the schema (the generated code raises it with fastjsonschema's arguments)."""

    def __init__(self, message: str, value: Any = None, name: str | None = None, definition: Any = None,
                 rule: str | None = None) -> None:
        super().__init__(message)
        self.message, self.value, self.name, self.definition, self.rule = message, value, name, definition, rule


class JsonSchemaValuesException(ValueError):
    """Several values break the schema (only raised when validation does not stop at the first error)."""

    def __init__(self, errors: list[JsonSchemaValueException]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
