"""JSON Schema checks: a compiled fast gate for valid files, full located messages for invalid ones."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from ccmflow.core.errors import Finding
from ccmflow.read import invisible, schemagen
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException
from ccmflow.read.yamlsafe import Loaded

# jsonschema (about 0.1 s to import) is needed only once a file is known to be invalid.
if TYPE_CHECKING:
    import jsonschema

SCHEMAS = schemagen.SCHEMAS


@cache
def schema(name: str) -> dict[str, Any]:
    """A schema as data: only for a file found invalid, or a schema edited since its code was generated."""
    import json

    data: dict[str, Any] = json.loads(schemagen.schema_text(name))
    return data


@cache
def _fast(name: str) -> Callable[[Any], bool]:
    """Whether data is valid, by the compiled validator: generated in the package, else compiled now."""
    # Compiled validators are ~20x faster than jsonschema on valid files (see benchmarks/);
    # they stop at the first error, so jsonschema lists all errors once one is known.
    generated = importlib.import_module(f"ccmflow.read.validators.{name}")
    if schemagen.schema_text(name) == generated.SCHEMA_TEXT:
        return _passes(generated.validate, (JsonSchemaValueException, JsonSchemaValuesException))
    import fastjsonschema  # the schema was edited and the code not regenerated: correct, only slower

    return _passes(fastjsonschema.compile(schema(name)), (fastjsonschema.JsonSchemaException,))


@cache
def definition_check(name: str, definition: str) -> Callable[[Any], bool]:
    """Whether data is valid against one of a schema's $defs (e.g. a single paragraph of a document)."""
    generated = importlib.import_module(f"ccmflow.read.validators.{name}")
    if schemagen.schema_text(name) == generated.SCHEMA_TEXT:
        return _passes(generated.DEFINITIONS[definition], (JsonSchemaValueException, JsonSchemaValuesException))
    import copy

    import fastjsonschema

    whole = schema(name)
    # The schema's own $id keeps every $ref local (any other base URI makes fastjsonschema fetch it); a deep
    # copy, because compiling rewrites the schema it is given.
    return _passes(fastjsonschema.compile({"$schema": whole["$schema"], "$id": whole["$id"],
                                           "$defs": copy.deepcopy(whole["$defs"]), "$ref": f"#/$defs/{definition}"}),
                   (fastjsonschema.JsonSchemaException,))


def _passes(validate: Callable[[Any], Any], errors: tuple[type[Exception], ...]) -> Callable[[Any], bool]:
    def passes(data: Any) -> bool:
        try:
            validate(data)
        except errors:
            return False
        return True

    return passes


@cache
def _full(name: str) -> jsonschema.protocols.Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(schema(name))


def check(name: str, loaded: Loaded) -> list[Finding]:
    """Every schema finding for a file, and every character nobody can see in it, each with line, column and a fix.

    Every file ccmflow reads passes here, so no text with a hidden or reordering character is ever taken in.
    """
    language = invisible.language_of(loaded.path)
    # Written as they are, or else as escapes (a file with either is refused; the escapes are looked for once the
    # text has none, so a character is never reported twice).
    hidden = invisible.findings(loaded.path, loaded.text, language) or invisible.escaped(loaded, language)
    if _fast(name)(loaded.data):
        return hidden
    # One finding per problem: "" fails both minLength and pattern, yet is one empty text.
    findings = dict.fromkeys(_finding(loaded, error) for error in _leaves(_full(name).iter_errors(loaded.data)))
    return sorted([*findings, *hidden], key=lambda f: (f.line, f.column))


def _leaves(errors: Any) -> list[jsonschema.ValidationError]:
    """The most specific errors: for oneOf/anyOf, the best matching branch's own errors."""
    import jsonschema

    found: list[jsonschema.ValidationError] = []
    for error in errors:
        if error.validator in ("oneOf", "anyOf") and error.context and not _alternatives(error.validator_value):
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
        if isinstance(value, dict | list):
            return f"expected one value, found {_json_type(value)}", f"use one of: {options}", path
        return f"'{value}' is not allowed here", f"use one of: {options}", path
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return "empty text", "write the text, or remove the entry", path
    if kind == "pattern":
        # The schema's description says the form in words; a regular expression is no hint for a person.
        return f"'{value}' is not in the expected form", described or "see this field in documents/schemas/", path
    if kind == "type":
        wanted = _TYPES.get(str(expected), str(expected))
        # A pattern's description tells the text's form; a value that is no text at all needs the type's hint.
        hint = _TYPE_HINTS.get(str(expected), "") if "pattern" in schema_ else described
        return f"expected {wanted}, found {_json_type(value)}", hint or _TYPE_HINTS.get(str(expected), ""), path
    if kind in ("oneOf", "anyOf") and isinstance(value, dict) and _alternatives(expected):
        return _which_keys(value, expected, path)
    if kind in ("oneOf", "anyOf"):
        shown = f"'{value}'" if not isinstance(value, dict | list) else _json_type(value)
        return f"{shown} is not in any accepted form", described or "see the schema in documents/schemas/", path
    if kind == "uniqueItems":
        return "the list repeats an entry", "remove the repeated entry", path
    if kind == "minItems":
        return "the list is empty", "add at least one entry", path
    return error.message, described or "see the schema in documents/schemas/", path


_TYPES = {"object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number",
          "number": "a number", "boolean": "true or false"}
_TYPE_HINTS = {
    "object": "write 'key: value' lines, indented under this one",
    "array": "write a list: one '- item' per line, or [a, b]",
    "string": "write the text after the colon (quote it if it looks like a number or true/false)",
    "integer": "write a whole number without quotes",
    "number": "write a number without quotes",
    "boolean": "write true or false",
}


def _alternatives(branches: Any) -> bool:
    """Whether a oneOf chooses between keys (each branch requires some), as milestones' date/approximate do."""
    return isinstance(branches, list) and all(isinstance(b, dict) and "required" in b for b in branches)


def _which_keys(value: dict[str, Any], branches: list[dict[str, Any]],
                path: tuple[Any, ...]) -> tuple[str, str, tuple[Any, ...]]:
    keys = [k for b in branches for k in b["required"]]
    present = [k for k in keys if k in value]
    if len(present) > 1:
        return (f"'{present[0]}' and '{present[1]}' cannot be used together", f"keep only one of: {', '.join(keys)}",
                (*path, present[1]))
    if not present:
        return f"missing one of: {', '.join(keys)}", f"add one of: {', '.join(keys)}", path
    branch = next(b for b in branches if present[0] in b["required"])
    extra = [k for k in _forbidden(branch.get("not")) if k in value]
    if extra:
        return f"'{extra[0]}' cannot be used with '{present[0]}'", f"remove '{extra[0]}'", (*path, extra[0])
    return "this entry is not in any accepted form", "see the schema in documents/schemas/", path


def _forbidden(rule: Any) -> list[str]:
    """Keys a 'not' clause rules out: not {required: [...]} or not {anyOf: [{required: [...]}, ...]}."""
    if not isinstance(rule, dict):
        return []
    options = rule.get("anyOf", [rule])
    return [k for option in options if isinstance(option, dict) for k in option.get("required", ())]


def _json_type(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "nothing",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)
