"""Reading a file: a blob seen before is not parsed again, the cache stays bounded, and a writer's reading of a
text refuses what is not a document."""

from __future__ import annotations

from collections import OrderedDict

import pytest
from roots import DOCUMENTS

from ccmflow.core.errors import InvalidInput
from ccmflow.read import load
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import document_text, parse_text, record_from_data


def test_the_parse_cache_keeps_the_files_used_last(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "_parsed", OrderedDict())
    monkeypatch.setattr(load, "_CACHE_SIZE", 2)
    texts = {name: (DOCUMENTS / f"{name}.yaml").read_text("utf-8") for name in ("process", "stakeholders")}
    first = parse_text("documents/process.yaml", texts["process"])
    second = parse_text("documents/stakeholders.yaml", texts["stakeholders"])
    assert parse_text("documents/process.yaml", texts["process"]) is first  # used again: now the latest
    parse_text("documents/process.yaml", texts["process"] + "# edited\n")  # a third: the oldest goes
    assert len(load._parsed) == 2
    assert parse_text("documents/process.yaml", texts["process"]) is first
    again = parse_text("documents/stakeholders.yaml", texts["stakeholders"])
    assert again is not second and again == second


def test_a_writer_reading_a_text_that_is_no_document_is_refused() -> None:
    timeline = (DOCUMENTS / "process.yaml").read_text("utf-8")
    with pytest.raises(InvalidInput) as refused:
        document_text("documents/process.yaml", timeline)
    assert [(f.file, f.line, f.message) for f in refused.value.findings] == [
        ("documents/process.yaml", 1, "not a document")]


def test_a_record_kept_in_a_cache_is_built_again_only_from_data_that_holds() -> None:
    path = "documents/process.yaml"
    parsed = parse_text(path, (DOCUMENTS / "process.yaml").read_text("utf-8"))
    assert parsed.loaded is not None
    assert record_from_data(FileKind.PROCESS, path, parsed.loaded.data) == parsed.record
    damaged = {**parsed.loaded.data, "windows": [{"id": "review-zero-draft-input"}]}  # a cache written by a bug
    assert record_from_data(FileKind.PROCESS, path, damaged) is None
    assert record_from_data(FileKind.STAKEHOLDERS, "documents/stakeholders.yaml", ["not", "a", "registry"]) is None


def test_a_reading_without_positions_gives_the_records_and_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "_parsed", OrderedDict())
    path = "documents/review-document.yaml"
    file = load.SourceFile(path, (DOCUMENTS / "review-document.yaml").read_bytes())
    unplaced = load.parse(file, positions=False)
    assert unplaced.loaded is not None and unplaced.loaded.read_spans is None  # no positions read
    monkeypatch.setattr(load, "_parse", lambda *_: pytest.fail("parsed twice"))
    assert load.parse(file) is unplaced  # kept: a reader that asks for positions has them read on first use
    monkeypatch.undo()
    monkeypatch.setattr(load, "_parsed", OrderedDict())
    assert load.parse(file).record == unplaced.record and unplaced.findings == ()


def test_a_reading_without_positions_locates_its_findings_as_a_placed_one_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "_parsed", OrderedDict())
    path = "documents/review-document.yaml"
    text = (DOCUMENTS / "review-document.yaml").read_text("utf-8").replace("kind: narrative", "kind: nonsense", 1)
    file = load.SourceFile(path, text.encode("utf-8"))
    unplaced = load.parse(file, positions=False)
    load._parsed.clear()
    placed = load.parse(file)
    assert unplaced.record is None and placed.record is None and unplaced is not placed
    assert unplaced.findings == placed.findings and all(f.line > 1 for f in placed.findings)
