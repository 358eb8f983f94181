"""`ccmflow show` in the terminal, as a delegate reads a text: numbers as circulated, an action's details, the
unnumbered preamble, and a translation."""

from __future__ import annotations

import pytest
from roots import REPO_ROOT as ROOT

from ccmflow.main import main


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # a paragraph on one line


def test_an_action_with_its_details(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "lausanne-action-plan", "-C", str(ROOT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["Lausanne Action Plan 2021-2025", "CCM/CONF/2020/WP.2 · Informal working paper · draft"]
    first = lines.index(next(line for line in lines if line.startswith("Action 1: ")))
    assert lines[first].startswith("Action 1: Promote adherence to the Convention") and lines[first].endswith(
        "  [pc55zbxv]")
    assert lines[first + 1:first + 7] == [
        "    Indicators: Number of States Parties that report having undertaken universalization activities in the "
        "past year; Number of States that have ratified or acceded to the Convention",
        "    Responsible: States Parties; Presidency; Coordinators on universalization",
        "    Baseline: [number] States Parties and [number] Signatory States at the Second Review Conference",
        "    Target: At least [number] new States Parties by the Third Review Conference",
        "    Timeframe: 2021-2025",
        "    See: review-document#puaq37yf"]
    assert "4. The States Parties remain determined" in lines[first - 1]


def test_the_preamble_is_unnumbered(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "political-declaration", "-C", str(ROOT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    preamble = lines[lines.index("Preamble") + 1]
    assert preamble.startswith("We, the States Parties to the Convention on Cluster Munitions, gathered in Lausanne")
    commitments = lines[lines.index("Commitments") + 1]
    assert commitments.startswith("1. ")


def test_a_translation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "political-declaration", "--lang", "fr", "-C", str(ROOT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Déclaration de Lausanne : un engagement commun pour un monde sans armes à sous-munitions"
    assert lines[lines.index("Préambule") + 1].startswith("Nous, États parties à la Convention")
