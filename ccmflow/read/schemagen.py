"""The schema validators as Python code, generated once and shipped in ccmflow/read/validators/.

Compiling the JSON Schemas with fastjsonschema costs more than checking every file of an instance (about 85 ms
for the three largest), and a bot job or a `ccmflow validate` is a fresh process every time: so the generated
code is shipped instead, and Python keeps its bytecode. Each module holds the text of the schema it was
generated from; `ccmflow.read.schema` uses it only while the schema file still reads the same (a comparison of
texts: exact, and cheaper than a digest, whose hashlib import alone cost a `validate` about 3 ms), and a test checks
that running `python -m ccmflow.read.schemagen` changes nothing.

The generated code does not import fastjsonschema (whose package import alone costs about 30 ms): its two
exception classes come from `ccmflow.read.validators`. It is a gate that says whether a file passes; jsonschema
words the findings of one that does not. So each raise keeps only the rule it names, and no call builds the
name of the value it checks: fastjsonschema formats that name (with `str.format(**locals())`) for every item of
every list, valid or not, about a seventh of the time a valid document took to check. Each pattern is compiled
the first time it is used (validators.LazyPatterns), and Decimal imported only where the code uses it: a process
that reads documents compiled the numbering pattern's alphabets (2 ms) for files that seldom number otherwise.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ccmflow.read.kinds import FileKind

SCHEMAS = tuple(FileKind)
TARGET = Path(__file__).resolve().parent / "validators"
# The schemas are files of the installed package; read by path, not through importlib.resources, whose import
# (zipfile, tempfile, shutil and their own imports) costs a `ccmflow validate` about 8 ms for nothing.
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
_IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException"
_ROOT = re.compile(r"^def (\w+)\(", re.MULTILINE)


def schema_text(name: str) -> str:
    return (SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8")


def generate(name: str) -> str:
    """The module for one schema: fastjsonschema's code, its exceptions ours, `validate` the entry point."""
    import json

    import fastjsonschema

    text = schema_text(name)
    code: str = fastjsonschema.compile_to_code(json.loads(text))
    if _IMPORT not in code:
        raise RuntimeError(f"fastjsonschema {fastjsonschema.VERSION} generates another import line: update schemagen")
    root = _ROOT.search(code)
    if root is None:
        raise RuntimeError("no validation function in the generated code")
    header = (f"# Generated from ccmflow/schemas/{name}.schema.json by `python -m ccmflow.read.schemagen` "
              f"(fastjsonschema {fastjsonschema.VERSION}): do not edit.\n# ruff: noqa\n# mypy: ignore-errors\n"
              f"SCHEMA_TEXT = {text!r}\n")
    body = _gate(code).replace(_IMPORT, "from ccmflow.read.validators import JsonSchemaValueException, "
                                        "JsonSchemaValuesException, LazyPatterns")
    definitions = re.findall(rf"^def {root.group(1)}___defs_(\w+)\(", code, re.MULTILINE)
    table = "".join(f'    "{d}": {root.group(1)}___defs_{d},\n' for d in definitions)
    return f"{header}{body.rstrip()}\n\n\nvalidate = {root.group(1)}\nDEFINITIONS = {{\n{table}}}\n"


class _Gate(ast.NodeTransformer):
    """fastjsonschema's code without what only an error message uses, its patterns compiled when first used."""

    def visit_Assign(self, node: ast.Assign) -> ast.Assign:
        # REGEX_PATTERNS = {pattern: re.compile(source), ...} -> LazyPatterns({pattern: source, ...})
        self.generic_visit(node)
        if [getattr(t, "id", None) for t in node.targets] == ["REGEX_PATTERNS"] and isinstance(node.value, ast.Dict):
            sources = [source for source in map(_compiled, node.value.values) if source is not None]
            if len(sources) == len(node.value.values):
                node.value = ast.Call(func=ast.Name("LazyPatterns"), keywords=[],
                                      args=[ast.Dict(keys=node.value.keys, values=sources)])
        return node

    def visit_Raise(self, node: ast.Raise) -> ast.Raise:
        call = node.exc
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id.startswith("JsonSchema"):
            rule = next((k.value for k in call.keywords if k.arg == "rule"), ast.Constant("invalid"))
            node.exc = ast.Call(func=call.func, args=[rule], keywords=[])
        return node

    def visit_Call(self, node: ast.Call) -> ast.Call:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id.startswith("validate_") and len(node.args) == 3:
            node.args[2] = ast.Constant(None)  # the value's name, (name_prefix or "data") + "...".format(...)
        return node


def _compiled(value: ast.expr | None) -> ast.expr | None:
    """The source of a `re.compile(source)` call, or None for anything else."""
    if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "compile"
            and isinstance(value.func.value, ast.Name) and value.func.value.id == "re" and len(value.args) == 1
            and not value.keywords):
        return value.args[0]
    return None


def _gate(code: str) -> str:
    tree = _Gate().visit(ast.parse(code))
    # Decimal is imported whatever the schema; importing it costs a process about 1 ms where nothing uses it.
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    tree.body = [statement for statement in tree.body if "Decimal" in used or not (
        isinstance(statement, ast.ImportFrom) and statement.module == "decimal")]
    return ast.unparse(tree)


def main() -> None:
    for name in SCHEMAS:
        path = TARGET / f"{name}.py"
        code = generate(name)
        if not path.is_file() or path.read_text("utf-8") != code:
            path.write_text(code, "utf-8")
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
