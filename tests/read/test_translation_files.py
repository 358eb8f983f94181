"""Translation files checked with the documents: each problem is found in its file, with what to fix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ccmflow.main import main

FRENCH = Path("documents/translations/fr/political-declaration.yaml")


def _validate(top: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    code = main(["validate", "--json", "-C", str(top)])
    return code, json.loads(capsys.readouterr().out)["findings"]


def test_a_translation_copied_to_start_another_language_is_found_twice(top: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The copy still says French: it is in the wrong folder, and it makes a second French translation."""
    spanish = top / "documents/translations/es/political-declaration.yaml"
    spanish.parent.mkdir()
    shutil.copy(top / FRENCH, spanish)
    code, found = _validate(top, capsys)
    assert code == 1
    assert [(f["file"], f["line"], f["message"]) for f in found] == [
        ("documents/translations/es/political-declaration.yaml", 6, "language 'fr' in a file under translations/es/"),
        (str(FRENCH), 5, "a second fr translation of political-declaration (the first is "
                         "documents/translations/es/political-declaration.yaml)")]
    assert found[0]["hint"] == "move the file to translations/fr/ or set language: es"
    assert found[1]["hint"] == "keep one file"


def test_a_translation_that_is_not_yaml_is_found_at_its_line(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = top / FRENCH
    path.write_text(path.read_text("utf-8").replace("  language: fr\n", "  language: [fr\n", 1), "utf-8")
    code, found = _validate(top, capsys)
    assert code == 1
    assert [(f["file"], str(f["message"]).startswith("not valid YAML")) for f in found] == [(str(FRENCH), True)]


def test_ids_and_documents_a_translation_names_must_exist(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = top / FRENCH
    text = path.read_text("utf-8")
    path.write_text(text.replace("  commitments:\n", "  commitment:\n", 1).replace("  ppbblohb:\n", "  ppbblohx:\n", 1),
                    "utf-8")
    code, found = _validate(top, capsys)
    lines = path.read_text("utf-8").splitlines()
    assert code == 1
    assert [(f["line"], f["column"], f["message"]) for f in found] == [
        (lines.index("  ppbblohx:") + 1, 3, "paragraph 'ppbblohx' is not in political-declaration"),
        (lines.index("  commitment:") + 1, 3, "section 'commitment' is not in political-declaration")]
    assert "ccmflow show political-declaration --json" in str(found[0]["hint"])
    assert found[1]["hint"] == "use one of: preamble, commitments"
    path.write_text(text.replace("  document: political-declaration\n", "  document: declaration\n", 1), "utf-8")
    code, found = _validate(top, capsys)
    assert code == 1
    assert [(f["message"], f["hint"]) for f in found] == [
        ("unknown document 'declaration'", "use one of: lausanne-action-plan, political-declaration, review-document")]
