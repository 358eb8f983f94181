"""`ccmflow validate PATH...` with the paths a person types: one that does not exist, and a folder named beside a
file of it (the folder is checked whole)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ccmflow.main import main


def test_a_path_that_does_not_exist(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = top / "documents" / "review-documnet.yaml"
    assert main(["validate", str(typo)]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{typo}:1:1: no such file or folder", "    fix: check the path",
                                                    "1 problem found"]
    assert main(["validate", str(top / "documents"), str(typo), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["checked"] == str(typo) and [f["message"] for f in data["findings"]] == ["no such file or folder"]


def test_a_folder_and_a_file_in_it_check_the_whole_folder(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    declaration = top / "documents" / "political-declaration.yaml"
    declaration.write_text(declaration.read_text().replace("kind: operative", "kind: operational", 1))
    review = top / "documents" / "review-document.yaml"
    assert main(["validate", str(review), "--json"]) == 0  # the file named alone: only its own findings
    capsys.readouterr()
    assert main(["validate", str(top / "documents"), str(review), "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["file"] == "documents/political-declaration.yaml" and "'operational'" in finding["message"]
