"""What reaches a terminal from a file is shown, never obeyed: escape sequences in YAML values and keys."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from roots import REPO_ROOT as ROOT

from ccmflow.commands.output import terminal_safe
from ccmflow.main import main

# A window title (OSC 0, ended by BEL), clear the screen, red text, a one-character CSI (C1) and a
# right-to-left override: in YAML double quotes, \e is ESC, \a is BEL, \x9b and \u202e are what they say.
HOSTILE = r"\e]0;pwned\a\e[2J\e[31mred\x9b31m\u202eevil"
SHOWN = r"\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x9b31m\u202eevil"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# With colour forced on, rich may write its own style codes (SGR: ESC [ digits ; m) and nothing else.
RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def top(top: Path) -> Path:
    """The copy of the embedded instance with escape sequences in a registry value and key."""
    registry = top / "documents" / "stakeholders.yaml"
    text = registry.read_text("utf-8")
    hostile = f'category: "state-party{HOSTILE}"\n    "key{HOSTILE}": 1'
    registry.write_text(text.replace("category: state-party", hostile, 1), "utf-8")
    return top


def _validate(top: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["validate", str(top / "documents"), *extra]) == 1
    return capsys.readouterr().out


def test_validate_shows_escape_sequences_in_values_and_keys_without_obeying_them(
        top: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    out = _validate(top, capsys)
    assert RAW.search(out) is None, repr(out)
    assert f"'state-party{SHOWN}' is not allowed here" in out
    assert f"unknown key 'key{SHOWN}'" in out


def test_with_colour_on_the_only_escapes_are_riches_own_styles(
        top: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = _validate(top, capsys)
    assert "\x1b[" in out  # colour really is on
    assert RAW.search(RICH_STYLE.sub("", out)) is None, repr(out)
    assert SHOWN in out


def test_json_output_carries_the_same_text_escaped(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _validate(top, capsys, "--json")
    assert RAW.search(out) is None, repr(out)
    messages = [f["message"] for f in json.loads(out)["findings"]]
    assert any("state-party\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x9b31m\u202eevil" in m for m in messages)


def test_tables_and_document_text_are_cleaned_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Files that read: a bidirectional override is refused as they are read, as an escape too (test_invisible).
    hostile = HOSTILE.replace(r"\u202e", "")
    shutil.copytree(ROOT / "documents", tmp_path / "documents")
    process = tmp_path / "documents" / "process.yaml"
    process.write_text(process.read_text("utf-8").replace(
        "title: Written input on the zero draft of the Review Document",
        f'title: "Written input{hostile}"', 1), "utf-8")
    review = tmp_path / "documents" / "review-document.yaml"
    review.write_text(review.read_text("utf-8").replace(
        "    title: Introduction", f'    title: "Introduction{hostile}"', 1), "utf-8")
    assert main(["status", "-C", str(tmp_path), "--at", "2020-05-04T12:00"]) == 0
    status = capsys.readouterr().out
    assert main(["show", "review-document", "-C", str(tmp_path)]) == 0
    shown = capsys.readouterr().out
    for out in (status, shown):
        assert RAW.search(out) is None, repr(out)
    assert r"\x1b[2J" in status and r"Introduction\x1b]0;pwned" in shown


def test_terminal_safe_keeps_text_newlines_tabs_and_direction_marks() -> None:
    assert terminal_safe("a\tb\nc \u200f\u0645") == "a\tb\nc \u200f\u0645"
    assert terminal_safe("\x1b\x00\x7f\x85\u2066") == r"\x1b\x00\x7f\x85\u2066"
