"""JSON Schema checks: a compiled fast gate for valid files, full located messages for invalid ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema

from ccmflow.errors import Finding
from ccmflow.yamlsafe import Loaded

SCHEMAS = ("document", "process", "stakeholders")


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files("ccmflow.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _fast(name: str) -> Callable[[Any], Any]:
    # Compiled validators are ~20x faster than jsonschema on valid files (see benchmarks/);
    # they stop at the first error, so jsonschema lists all errors once one is known.
    compiled: Callable[[Any], Any] = fastjsonschema.compile(schema(name))
    return compiled


@cache
def _full(name: str) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(schema(name))


def check(name: str, loaded: Loaded) -> list[Finding]:
    """Every schema finding for a file, each with line, column and a fix."""
    try:
        _fast(name)(loaded.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    errors = sorted(_leaves(_full(name).iter_errors(loaded.data)), key=lambda e: list(map(str, e.absolute_path)))
    return [_finding(loaded, error) for error in errors]


def _leaves(errors: Any) -> list[jsonschema.ValidationError]:
    """The most specific errors: for oneOf/anyOf, the best matching branch's own errors."""
    found: list[jsonschema.ValidationError] = []
    for error in errors:
        if error.validator in ("oneOf", "anyOf") and error.context:
            best = jsonschema.exceptions.best_match(error.context)
            if best is not None and best.validator not in ("const", "not") and _is_object(error.instance):
                found.extend(_leaves([best]))
                continue
        found.append(error)
    return found


def _is_object(instance: Any) -> bool:
    return isinstance(instance, dict)


def _finding(loaded: Loaded, error: jsonschema.ValidationError) -> Finding:
    path = tuple(error.absolute_path)
    where = _where(path)
    message, hint, at = _explain(error, path)
    line, column = loaded.locate(at)
    if at in loaded.key_spans:
        span = loaded.key_spans[at]
        line, column = span.line, span.column
    return Finding(loaded.path, line, column, f"{where}: {message}" if where else message, hint)


def _where(path: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in path:
        parts.append(f"[{item + 1}]" if isinstance(item, int) else f".{item}" if parts else str(item))
    return "".join(parts)


def _explain(error: jsonschema.ValidationError, path: tuple[Any, ...]) -> tuple[str, str, tuple[Any, ...]]:
    """A person's message, the fix, and the path to point at."""
    kind = error.validator
    value: Any = error.instance
    schema_: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    expected: Any = error.validator_value
    described = schema_.get("description", "")
    if kind == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        name = missing[0] if missing else "?"
        return f"missing required key '{name}'", f"add '{name}:' here", path
    if kind == "additionalProperties":
        extra = sorted(k for k in value if k not in schema_.get("properties", {}))
        allowed = ", ".join(schema_.get("properties", {}))
        return f"unknown key '{extra[0]}'", f"remove it or use one of: {allowed}", (*path, extra[0])
    if kind == "enum":
        options = ", ".join(map(str, expected))
        return f"'{value}' is not allowed here", f"use one of: {options}", path
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return "empty text", "write the text, or remove the entry", path
    if kind == "pattern":
        return f"'{value}' is not in the expected form", described or f"match {expected}", path
    if kind == "type":
        return f"expected {expected}, found {_json_type(value)}", described or "", path
    if kind in ("oneOf", "anyOf"):
        return f"'{value}' is not in any accepted form", described or error.message, path
    if kind == "uniqueItems":
        return "the list repeats an entry", "remove the repeated entry", path
    if kind == "minItems":
        return "the list is empty", "add at least one entry", path
    return error.message, described, path


def _json_type(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "nothing"}.get(
        type(value), type(value).__name__)
