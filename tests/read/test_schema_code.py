"""The shipped schema code answers only for the schema it was generated from; regenerating writes what changed."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ccmflow.read import schema, schemagen
from ccmflow.read.kinds import FileKind
from ccmflow.read.validators import LazyPatterns
from ccmflow.read.yamlsafe import load

PATH = "documents/review-document.yaml"
DOCUMENT = """\
document: {id: review-document, title: Review, version: zero-draft, status: draft}
sections:
  - id: one
    title: One
    paragraphs:
      - {id: p1111111, kind: narrative, text: Short.}
"""


@pytest.fixture
def edited_schema(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The document schema edited after its code was generated: the shipped code is stale and must not run."""
    generated = importlib.import_module("ccmflow.read.validators.document")

    def stale(*_: Any) -> None:
        raise AssertionError("the stale generated validator was used")

    monkeypatch.setattr(generated, "SCHEMA_TEXT", generated.SCHEMA_TEXT.replace("paragraph", "clause"))
    monkeypatch.setattr(generated, "validate", stale)
    monkeypatch.setattr(generated, "DEFINITIONS", {name: stale for name in generated.DEFINITIONS})
    schema._fast.cache_clear()
    schema.definition_check.cache_clear()
    yield
    schema._fast.cache_clear()
    schema.definition_check.cache_clear()


@pytest.mark.usefixtures("edited_schema")
def test_an_edited_schema_is_compiled_and_checks_as_before() -> None:
    assert schema.check(FileKind.DOCUMENT, load(DOCUMENT, PATH)) == []
    (finding,) = schema.check(FileKind.DOCUMENT, load(DOCUMENT.replace("kind: narrative", "kind: narative"), PATH))
    assert (finding.line, finding.message) == (6, "sections[1].paragraphs[1].kind: 'narative' is not allowed here")
    paragraph = schema.definition_check(FileKind.DOCUMENT, "paragraph")
    assert paragraph({"id": "p1111111", "kind": "narrative", "text": "Short."})
    assert not paragraph({"id": "p1111111", "kind": "narrative"})


def test_regenerating_writes_each_changed_module_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(schemagen, "TARGET", tmp_path)
    (tmp_path / "document.py").write_text(schemagen.generate(FileKind.DOCUMENT), "utf-8")
    schemagen.main()
    assert capsys.readouterr().out.splitlines() == [f"wrote {tmp_path / f'{name}.py'}" for name in schemagen.SCHEMAS
                                                    if name != FileKind.DOCUMENT]
    for name in schemagen.SCHEMAS:
        assert (tmp_path / f"{name}.py").read_text("utf-8") == schemagen.generate(name)
    schemagen.main()
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(("code", "problem"), [
    ("import fastjsonschema\ndef validate(data): ...\n", "generates another import line: update schemagen"),
    (f"{schemagen._IMPORT}\nvalidate = None\n", "no validation function in the generated code"),
])
def test_a_fastjsonschema_that_writes_other_code_stops_the_generator(monkeypatch: pytest.MonkeyPatch, code: str,
                                                                     problem: str) -> None:
    """Shipping validators whose exceptions are not ours would make every check crash: the upgrade must say so."""
    import fastjsonschema

    monkeypatch.setattr(fastjsonschema, "compile_to_code", lambda definition: code)
    with pytest.raises(RuntimeError, match=problem):
        schemagen.generate(FileKind.DOCUMENT)


def test_the_generated_code_compiles_each_pattern_when_first_used_and_imports_decimal_only_to_use_it() -> None:
    document = schemagen.generate(FileKind.DOCUMENT)
    assert "re.compile(" not in document and "REGEX_PATTERNS = LazyPatterns({" in document
    assert "Decimal" not in document
    assert "from decimal import Decimal" in schemagen.generate(FileKind.STAKEHOLDERS)  # a number's type test
    patterns = LazyPatterns({"^a$": "^a\\Z"})
    assert dict(patterns) == {}
    first = patterns["^a$"]
    assert first.search("a") and not first.search("a\n") and patterns["^a$"] is first  # compiled once, kept
    with pytest.raises(KeyError):
        patterns["^b$"]  # a pattern the schema does not have


def test_a_document_without_numbering_never_compiles_its_numbering_pattern() -> None:
    """In a fresh process, as the merge driver reads three documents: only the patterns their fields use."""
    script = (
        "from ccmflow.read import schema\n"
        "from ccmflow.read.kinds import FileKind\n"
        "from ccmflow.read.validators import document\n"
        "from ccmflow.read.yamlsafe import load\n"
        "assert dict(document.REGEX_PATTERNS) == {}\n"
        f"assert schema.check(FileKind.DOCUMENT, load({DOCUMENT!r}, {PATH!r})) == []\n"
        "print(sorted(document.REGEX_PATTERNS))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    compiled = ast.literal_eval(done.stdout)
    assert compiled and not any("{n}" in pattern for pattern in compiled)
