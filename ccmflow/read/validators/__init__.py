"""Generated schema validators, one module per schema (see ccmflow.read.schemagen), and their exceptions."""

from __future__ import annotations

import re
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


class LazyPatterns(dict[str, "re.Pattern[str]"]):
    """The generated code's regular expressions by pattern, each compiled the first time it is used.

    Compiling every pattern of the document schema up front cost each process that reads a document about 3 ms
    (the numbering pattern alone, with its alphabets, 1.5 to 2 ms), mostly for fields its files do not have. After the
    first use, a lookup is a plain dict lookup."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self.sources = sources  # the pattern as the schema writes it -> the expression to compile

    def __missing__(self, pattern: str) -> re.Pattern[str]:
        compiled = self[pattern] = re.compile(self.sources[pattern])
        return compiled
