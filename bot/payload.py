"""Reading GitHub's JSON (webhook payloads and API answers) field by field, with one clear error per bad field.

GitHub changes its payloads over time and GitHub Enterprise Server lags behind, so no field is assumed: each
read names the field's path and what was wrong with it ('pull_request.head.sha: missing',
'comment.user.id: expected an integer, got null'), and nothing else (KeyError, TypeError) can escape.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from msgspec import Struct

# Numbers and ids GitHub sends are positive 64-bit integers; anything larger is not one of them.
MAX_ID = 2**63 - 1
SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


class PayloadError(Exception):
    """A field of GitHub's JSON is missing or not what the bot can use."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


def describe(value: Any) -> str:
    """A value as an error message shows it: its JSON type, and short scalars themselves."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value[:40]!r}" + ("..." if len(value) > 40 else "")
    if isinstance(value, int):
        return "a number too large" if abs(value) > MAX_ID else f"the number {value}"
    return f"the number {value!r}"  # a float: the one type of JSON left


class Fields(Struct, frozen=True):
    """A JSON object and its path from the top of the document; each getter checks one field."""

    data: Mapping[str, Any]
    path: str = ""

    @classmethod
    def of(cls, value: Any, path: str = "") -> Fields:
        if not isinstance(value, Mapping):
            raise PayloadError(path, f"expected an object, got {describe(value)}")
        return cls(value, path)

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, optional: bool) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise PayloadError(self.where(key), "missing")
        value = self.data[key]
        if value is None and not optional:
            raise PayloadError(self.where(key), "expected a value, got null")
        return value

    def _wrong(self, key: str, wanted: str, value: Any) -> PayloadError:
        return PayloadError(self.where(key), f"expected {wanted}, got {describe(value)}")

    def obj(self, key: str) -> Fields:
        value = self._get(key, False)
        if not isinstance(value, Mapping):
            raise self._wrong(key, "an object", value)
        return Fields(value, self.where(key))

    def opt_obj(self, key: str) -> Fields | None:
        """An object that may be absent or null (a deleted fork's repository, an issue's pull_request)."""
        value = self._get(key, True)
        return None if value is None else self.obj(key)

    def keys(self) -> tuple[str, ...]:
        return tuple(str(k) for k in self.data)

    def text(self, key: str) -> str:
        value = self._get(key, False)
        if not isinstance(value, str):
            raise self._wrong(key, "a text", value)
        return value

    def opt_text(self, key: str) -> str | None:
        value = self._get(key, True)
        return None if value is None else self.text(key)

    def name(self, key: str) -> str:
        """A text that names something (a login, a branch, a state): never empty."""
        value = self.text(key)
        if not value.strip():
            raise self._wrong(key, "a name", value)
        return value

    def integer(self, key: str) -> int:
        """A positive integer that fits GitHub's ids and numbers."""
        value = self._get(key, False)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
            raise self._wrong(key, "a positive integer", value)
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if not isinstance(value, bool):
            raise self._wrong(key, "true or false", value)
        return value

    def opt_flag(self, key: str) -> bool:
        return self.flag(key) if self._get(key, True) is not None else False

    def sha(self, key: str) -> str:
        value = self.text(key)
        if not SHA.fullmatch(value):
            raise self._wrong(key, "a commit sha", value)
        return value

    def time(self, key: str) -> datetime:
        """A timestamp as GitHub writes it ('2020-05-04T21:59:59Z'), as an aware datetime."""
        value = self.text(key)
        try:
            if not _TIMESTAMP.fullmatch(value):
                raise ValueError(value)
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise self._wrong(key, "a timestamp", value) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)

    def opt_time(self, key: str) -> datetime | None:
        return None if self._get(key, True) is None else self.time(key)

    def objects(self, key: str) -> list[Fields]:
        """A list of objects that may be absent or null (no labels)."""
        value = self._get(key, True)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._wrong(key, "a list", value)
        return [Fields.of(item, f"{self.where(key)}[{i}]") for i, item in enumerate(value)]
