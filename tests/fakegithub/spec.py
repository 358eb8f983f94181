"""GitHub's OpenAPI description, loaded lazily: operation lookup and JSON-schema validation."""

from __future__ import annotations

import copy
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema

# Vendored from GitHub's published description (tests/reference/README.md says where from and how to refresh).
REFERENCE_DIR = Path(__file__).resolve().parents[1] / "reference"
SPEC_PATH = REFERENCE_DIR / "github-rest" / "openapi.json"

HTTP_METHODS = ("get", "put", "post", "patch", "delete")
# Path parameters that GitHub lets span several segments (file paths, refs like heads/main).
_MULTI_SEGMENT = frozenset({"path", "ref", "branch", "basehead"})
# OpenAPI 3.0 keywords that are not JSON Schema 2020-12 (or must not be asserted).
_OPENAPI_ONLY = frozenset({"nullable", "example", "discriminator", "xml", "externalDocs", "readOnly", "writeOnly"})
# Keywords whose value maps arbitrary names (not keywords) to schemas.
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
_PARAM = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True)
class Operation:
    """One method + path template of the description."""

    method: str
    template: str
    operation_id: str
    integer_params: frozenset[str]

    @property
    def key(self) -> str:
        return f"{self.method} {self.template}"

    @property
    def raw(self) -> dict[str, Any]:
        op: dict[str, Any] = load_spec()["paths"][self.template][self.method.lower()]
        return op

    @property
    def docs_url(self) -> str:
        url: str = self.raw.get("externalDocs", {}).get("url", "https://docs.github.com/rest")
        return url

    def query_parameters(self) -> dict[str, dict[str, Any]]:
        params = self.raw.get("parameters", [])
        return {p["name"]: p.get("schema", {}) for p in params if p.get("in") == "query"}


@dataclass(frozen=True)
class Match:
    """An operation together with the decoded path parameters of one request."""

    operation: Operation
    params: dict[str, str]


@functools.cache
def load_spec() -> dict[str, Any]:
    """Parse the (5 MB) description once per process."""
    if not SPEC_PATH.is_file():
        raise FileNotFoundError(f"{SPEC_PATH} is missing: run tests/reference/refresh.py")
    with SPEC_PATH.open(encoding="utf-8") as fh:
        spec: dict[str, Any] = json.load(fh)
    return spec


def _integer_params(op: dict[str, Any], path_item: dict[str, Any]) -> frozenset[str]:
    params = [*path_item.get("parameters", []), *op.get("parameters", [])]
    return frozenset(
        p["name"] for p in params if p.get("in") == "path" and p.get("schema", {}).get("type") == "integer"
    )


@functools.cache
def operations() -> tuple[Operation, ...]:
    ops: list[Operation] = []
    for template, item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                ops.append(Operation(method.upper(), template, op["operationId"], _integer_params(op, item)))
    return tuple(ops)


def _param_regex(op: Operation, name: str, multi_segment: bool) -> str:
    if name in op.integer_params:
        body = "[0-9]+"
    elif multi_segment and name in _MULTI_SEGMENT:
        body = ".+"
    else:
        body = "[^/]+?"
    return f"(?P<{name}>{body})"


@functools.cache
def _regex(op: Operation, multi_segment: bool) -> re.Pattern[str]:
    parts = _PARAM.split(op.template)  # literals at even indexes, parameter names at odd ones
    pieces = [_param_regex(op, p, multi_segment) if i % 2 else re.escape(p) for i, p in enumerate(parts)]
    return re.compile("^" + "".join(pieces) + "$")


def _literal_weight(op: Operation) -> int:
    """More literal segments = more specific template (``/issues/comments`` beats ``/issues/{n}``)."""
    return sum(1 for seg in op.template.split("/") if seg and "{" not in seg)


def _candidates(path: str, multi_segment: bool) -> list[Match]:
    found: list[Match] = []
    for op in operations():
        m = _regex(op, multi_segment).match(path)
        if m:
            found.append(Match(op, {k: unquote(v) for k, v in m.groupdict().items()}))
    return sorted(found, key=lambda c: -_literal_weight(c.operation))


def templates_for(path: str) -> list[Match]:
    """All operations (any method) whose template matches ``path``, most specific first."""
    return _candidates(path, multi_segment=False) or _candidates(path, multi_segment=True)


def match(method: str, path: str) -> Match | None:
    """The operation for ``method`` + concrete ``path`` (already stripped of ``/api/v3``), if any."""
    for multi in (False, True):
        hits = [c for c in _candidates(path, multi) if c.operation.method == method.upper()]
        if hits:
            return hits[0]
    return None


def openapi_to_jsonschema(node: Any) -> Any:
    """Translate an OpenAPI 3.0 schema to JSON Schema 2020-12 (``nullable`` becomes ``anyOf`` null)."""
    if isinstance(node, list):
        return [openapi_to_jsonschema(x) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: openapi_to_jsonschema(sub) for name, sub in value.items()}
        elif key in ("enum", "const", "default", "required", "examples"):
            out[key] = copy.deepcopy(value)
        elif key not in _OPENAPI_ONLY:
            out[key] = openapi_to_jsonschema(value)
    if node.get("nullable") is True:
        return {"anyOf": [out, {"type": "null"}]}
    return out


def request_schema(op: Operation) -> dict[str, Any] | None:
    body = op.raw.get("requestBody")
    if not body:
        return None
    schema: dict[str, Any] | None = body.get("content", {}).get("application/json", {}).get("schema")
    return schema


def body_required(op: Operation) -> bool:
    return bool(op.raw.get("requestBody", {}).get("required"))


def response_schema(op: Operation, status: int) -> dict[str, Any] | None:
    response = op.raw.get("responses", {}).get(str(status))
    if not response:
        return None
    schema: dict[str, Any] | None = response.get("content", {}).get("application/json", {}).get("schema")
    return schema


@functools.cache
def _request_validator(op: Operation) -> jsonschema.Draft202012Validator | None:
    schema = request_schema(op)
    return jsonschema.Draft202012Validator(openapi_to_jsonschema(schema)) if schema else None


@functools.cache
def _response_validator(op: Operation, status: int) -> jsonschema.Draft202012Validator | None:
    schema = response_schema(op, status)
    return jsonschema.Draft202012Validator(openapi_to_jsonschema(schema)) if schema else None


def request_errors(op: Operation, body: Any) -> list[str]:
    """Why ``body`` does not validate against the operation's requestBody schema (empty when valid)."""
    return _errors(_request_validator(op), body)


def response_errors(op: Operation, status: int, body: Any) -> list[str]:
    """Why a ``status`` response ``body`` does not match the documented response schema."""
    return _errors(_response_validator(op, status), body)


def value_errors(schema: dict[str, Any], value: Any) -> list[str]:
    """Validate one (query parameter) value against a small schema."""
    return _errors(jsonschema.Draft202012Validator(openapi_to_jsonschema(schema)), value)


def _errors(validator: jsonschema.Draft202012Validator | None, instance: Any) -> list[str]:
    if validator is None:
        return []
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    return [_describe(e) for e in errors]


def _describe(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path)
    return f"For '{where}', {error.message}" if where else error.message


def _unwrap_example(value: Any) -> Any:
    # A few examples carry x-github-breaking-changes and wrap the real value once more.
    if isinstance(value, dict) and set(value) == {"value", "x-github-breaking-changes"}:
        return value["value"]
    return value


def example(op: Operation, status: int | None = None) -> tuple[int, Any]:
    """The first documented example (status, JSON) for a 2xx response, or ``status`` if given."""
    for code, response in op.raw.get("responses", {}).items():
        if (status is None and code.startswith("2")) or code == str(status):
            examples = response.get("content", {}).get("application/json", {}).get("examples") or {}
            for ex in examples.values():
                return int(code), copy.deepcopy(_unwrap_example(ex.get("value")))
            return int(code), None
    return 200, None


def by_operation_id(operation_id: str) -> Operation:
    for op in operations():
        if op.operation_id == operation_id:
            return op
    raise KeyError(operation_id)
