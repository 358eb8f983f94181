"""The safe YAML reader: plain data with positions, and a clear, located refusal of everything risky."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from roots import REPO_ROOT

from ccmflow.core.errors import Finding
from ccmflow.read import yamlsafe
from ccmflow.read.yamlsafe import MAX_BYTES, MAX_DEPTH, MAX_NODES, YamlError, load

PATH = "documents/x.yaml"


def refused(raw: bytes | str) -> Finding:
    with pytest.raises(YamlError) as caught:
        load(raw, PATH)
    finding = caught.value.finding
    assert finding.file == PATH and finding.hint, finding
    return finding


# Plain data ---------------------------------------------------------------------------------------------------------

def test_scalars_follow_the_yaml_1_2_core_schema() -> None:
    data = load(b"a: 1\nb: -2.5\nc: true\nd: null\ne: ~\nf: yes\ng: no\nh: 2020-05-04\ni: '1'\nj: 0x1F\n"
                b"k: 23:59:59\nl: .inf\nm:\n", PATH).data
    # No YAML 1.1 surprises: yes/no, dates, sexagesimal times and hex stay text.
    assert data == {"a": 1, "b": -2.5, "c": True, "d": None, "e": None, "f": "yes", "g": "no", "h": "2020-05-04",
                    "i": "1", "j": "0x1F", "k": "23:59:59", "l": ".inf", "m": None}


def _resolved(value: str) -> object:
    """A plain scalar by the core schema's patterns alone, each tried in turn (the reference for the reader)."""
    if yamlsafe._NULL.match(value):
        return None
    if value in yamlsafe._BOOL:
        return yamlsafe._BOOL[value]
    if yamlsafe._INT.match(value):
        return int(value)
    return float(value) if yamlsafe._FLOAT.match(value) else value


@settings(derandomize=True, max_examples=500)
@given(st.text(alphabet="~nNuUlLtTrReEfFaAsS+-.0123456789eEx_ab", max_size=8))
def test_plain_scalars_resolve_as_the_patterns_say(value: str) -> None:
    event = SimpleNamespace(value=value, style="")  # what libyaml reports of a plain scalar
    assert yamlsafe._scalar(event) == _resolved(value)
    assert type(yamlsafe._scalar(event)) is type(_resolved(value))  # 1 and 1.0 and True are equal, not the same


def test_block_and_quoted_scalars_are_always_text() -> None:
    data = load('a: "true"\nb: |\n  12\nc: >-\n  folded\n  line\nd: "\\u00e9\\t"\n', PATH).data
    assert data == {"a": "true", "b": "12\n", "c": "folded line", "d": "é\t"}


def test_spans_locate_values_and_keys() -> None:
    loaded = load(b"top:\n  items:\n    - first\n    - id: x\n      text: hello\n", PATH)
    assert loaded.locate(("top", "items", 1, "text")) == (5, 13)
    assert loaded.locate(("top", "items", 0)) == (3, 7)
    assert loaded.key_spans[("top", "items")].line == 2
    # A path that does not exist points at its deepest existing part.
    assert loaded.locate(("top", "items", 1, "missing")) == (4, 7)
    assert loaded.locate(("nowhere",)) == (1, 1)
    finding = loaded.finding(("top", "items", 1, "id"), "bad id", "fix it")
    assert (finding.file, finding.line, finding.column, finding.message) == (PATH, 4, 11, "bad id")


def test_a_byte_order_mark_is_accepted_and_does_not_shift_columns() -> None:
    loaded = load(b"\xef\xbb\xbfa: 1\nb: 2\n", PATH)
    assert loaded.data == {"a": 1, "b": 2}
    assert loaded.locate(("a",)) == (1, 4)


def test_crlf_line_endings_are_read() -> None:
    loaded = load(b"a: 1\r\nb:\r\n  - x\r\n", PATH)
    assert loaded.data == {"a": 1, "b": ["x"]}
    assert loaded.locate(("b", 0)) == (3, 5)


# Refusals -----------------------------------------------------------------------------------------------------------

def test_duplicate_keys_name_both_lines() -> None:
    finding = refused(b"a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (finding.line, finding.column) == (4, 3)
    assert "duplicate key 'c'" in finding.message and "line 3" in finding.message


@pytest.mark.parametrize("raw, shown", [
    (b"a: !!python/object/apply:os.system ['echo owned']\n", "!!python/object/apply:os.system"),
    (b"a: !!str text\n", "!!str"),
    (b"a: !custom text\n", "!custom"),
    (b"a: !!map {b: 1}\n", "!!map"),
])
def test_tags_are_refused_as_written(raw: bytes, shown: str) -> None:
    finding = refused(raw)
    assert finding.message == f"YAML tags ({shown}) are not allowed"
    assert (finding.line, finding.column) == (1, 4)
    assert "remove the tag" in finding.hint


def test_anchors_and_aliases_are_refused() -> None:
    assert refused(b"a: &x 1\n").message == "YAML anchors (&x) are not allowed"
    finding = refused(b"a: 1\nb: *x\n")  # an alias to nothing: refused as an alias, not a libyaml error
    assert "aliases" in finding.message or "not valid YAML" in finding.message


def test_an_alias_bomb_is_refused_at_its_first_anchor() -> None:
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    finding = refused(bomb)
    assert (finding.line, finding.column, finding.message) == (1, 4, "YAML anchors (&a) are not allowed")


@pytest.mark.parametrize("raw", [
    b"a: " + b"[" * 200_000,                                               # flow nesting, never closed
    b"a:\n" + b"".join(b"  " * i + b"- \n" for i in range(1, 60)),       # block nesting
    b"a: " + b"{b: " * 100 + b"1" + b"}" * 100 + b"\n",
])
def test_deep_nesting_is_refused(raw: bytes) -> None:
    finding = refused(raw)
    assert finding.message == f"nesting deeper than {MAX_DEPTH} levels"


def test_nesting_up_to_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 1
    data = load(b"a: " + b"[" * depth + b"]" * depth + b"\n", PATH).data
    for _ in range(depth - 1):
        data = data[0] if isinstance(data, list) else data["a"]
    assert data == [[]] or data == []


def test_too_many_nodes_is_refused() -> None:
    finding = refused(b"a: [" + b"1," * (MAX_NODES + 10) + b"1]\n")
    assert finding.message == f"more than {MAX_NODES:,} YAML nodes"


def test_a_second_document_is_refused_where_it_starts() -> None:
    finding = refused(b"a: 1\n---\nb: 2\n")
    assert (finding.line, finding.message) == (2, "more than one YAML document in the file")


def test_an_empty_file_is_refused() -> None:
    assert refused(b"# only a comment\n").message == "the file is empty"
    assert refused(b"").message == "the file is empty"


def test_control_characters_are_refused_where_they_stand() -> None:
    finding = refused(b"a: 1\nbb: x\x7f\n")
    assert (finding.line, finding.column) == (2, 6)
    assert finding.message == "not valid YAML: control character U+007F is not allowed"


def test_a_complex_key_is_refused() -> None:
    finding = refused(b"? [a, b]\n: c\n")
    assert finding.message == "a mapping key must be plain text"


def test_syntax_errors_are_located() -> None:
    finding = refused(b"a: 1\nb: [unclosed\nc: 2\n")
    assert finding.message.startswith("not valid YAML")
    assert finding.line >= 2
    finding = refused(b"a:\n\tb: 1\n")
    assert (finding.line, finding.column) == (2, 1)
    assert "tab" in finding.message and finding.hint == "indent with spaces, never tabs"


def test_a_line_of_text_indented_too_little_is_located_on_that_line() -> None:
    text = ("paragraphs:\n"
            "  - id: pmlwtap6\n"
            "    text: >-\n"
            "      Since the First Review Conference, States Parties have\n"
            "    reported the adoption of specific implementing legislation,\n"  # line 5: two spaces short
            "      and others consider their existing laws sufficient\n"
            "      to implement the Convention.\n"
            "  - id: pnext001\n"
            "    text: Next.\n")
    finding = refused(text)
    assert (finding.line, finding.column) == (5, 5)
    assert "no ':' follows" in finding.message


def test_every_pattern_in_the_schemas_has_a_hint_in_words() -> None:
    """A regular expression is no fix for a person: each pattern's schema says the form in words."""
    from ccmflow.read.load import parse_text

    def patterns(node: object, where: str) -> list[tuple[str, str | None]]:
        if isinstance(node, dict):
            here = [(where, node.get("description"))] if "pattern" in node else []
            return here + [p for k, v in node.items() for p in patterns(v, f"{where}/{k}")]
        if isinstance(node, list):
            return [p for i, v in enumerate(node) for p in patterns(v, f"{where}[{i}]")]
        return []

    for schema in sorted((REPO_ROOT / "ccmflow" / "schemas").glob("*.json")):
        for where, description in patterns(json.loads(schema.read_text("utf-8")), schema.name):
            assert description and "^" not in description and "[a-z" not in description, where
    process = (REPO_ROOT / "documents" / "process.yaml").read_text("utf-8")
    assert "    date: \"2020-11-23\"\n" in process
    (finding, *_) = parse_text("documents/process.yaml",
                               process.replace("    date: \"2020-11-23\"\n", "    date: \"2020-11-3\"\n", 1)).findings
    assert "is not in the expected form" in finding.message and "YYYY-MM-DD" in finding.hint, finding


@pytest.mark.parametrize("raw, line, column", [
    (b"a: ok\nb: caf\xe9\n", 2, 7),                      # Latin-1 text
    (b"a: \xc3\xa9\xc3\xa9 x\xff\n", 1, 8),               # columns count characters, not bytes
    (b"\xef\xbb\xbfa: 1\nb: \xc3\xa9\xc3\xa9x\xff\n", 2, 7),  # after a byte order mark
    (b"a: \xed\xa0\x80\n", 1, 4),                       # an encoded surrogate is not UTF-8
])
def test_bad_utf8_is_refused_at_the_bad_byte(raw: bytes, line: int, column: int) -> None:
    finding = refused(raw)
    assert (finding.line, finding.column) == (line, column)
    assert finding.message.startswith("invalid UTF-8 byte 0x") and finding.hint == "save the file as UTF-8"


def test_bad_utf8_names_the_bad_byte() -> None:
    assert refused(b"a: \x80\n").message == "invalid UTF-8 byte 0x80"
    assert refused(b"\xef\xbb\xbfa: \xfe\n").message == "invalid UTF-8 byte 0xfe"


def test_a_50_mb_file_is_refused_by_the_size_check(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b"text: " + b"x" * (50 * 1024 * 1024) + b"\n"

    def never(*_: object) -> None:
        raise AssertionError("an oversized file must be refused before it is decoded or parsed")

    monkeypatch.setattr(yamlsafe, "_Builder", never)
    finding = refused(raw)  # how fast: benchmarks/core.py
    assert finding.message == f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit"
    assert (finding.line, finding.column) == (1, 1)
    with pytest.raises(YamlError, match="character limit"):
        load("x" * (MAX_BYTES + 1), PATH)


def test_a_file_just_under_the_limit_is_read() -> None:
    raw = b"text: " + b"x" * (MAX_BYTES - 20) + b"\n"
    assert len(load(raw, PATH).data["text"]) == MAX_BYTES - 20


# Properties ---------------------------------------------------------------------------------------------------------

def _json(text: st.SearchStrategy[str]) -> st.SearchStrategy[object]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text
    # Short keys: YAML caps an implicit key at 1024 characters (escapes count as written).
    keys = text.filter(lambda k: len(k) <= 40)
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
                        max_leaves=20)


# YAML has no UTF-16 surrogate escapes, so JSON's escapes of astral characters are no YAML.
_bmp = st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]))
# Written out (not escaped), control characters are no YAML, and NEL, LS and PS are line breaks to YAML.
_printable = st.text(st.characters(exclude_categories=["Cc", "Cs"], exclude_characters="\x85\u2028\u2029\ufeff"))


@settings(derandomize=True, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_json(_bmp))
def test_escaped_json_reads_back_as_the_same_data(value: object) -> None:
    text = json.dumps({"value": value})
    assert load(text, PATH).data == {"value": value}


@settings(derandomize=True, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_json(_printable))
def test_json_with_raw_unicode_reads_back_as_the_same_data(value: object) -> None:
    text = json.dumps({"value": value}, ensure_ascii=False)
    assert load(text.encode("utf-8"), PATH).data == {"value": value}


@settings(derandomize=True, max_examples=500)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_any_bytes_give_data_or_a_located_refusal(raw: bytes) -> None:
    try:
        load(raw, PATH)
    except YamlError as exc:
        assert exc.finding.file == PATH and exc.finding.line >= 1 and exc.finding.column >= 1


def test_a_number_too_long_to_convert_is_a_located_plain_finding() -> None:
    huge = "9" * 5000
    finding = refused(f"a: 1\nbig:\n  - {huge}\n")
    assert (finding.line, finding.column) == (3, 5)
    assert finding.message == "a number of 5,000 digits is over the 4,300-digit limit"
    assert "quotes" in finding.hint
    assert "sys." not in str(finding) and "int_max_str_digits" not in str(finding)
    # The same digits quoted are text, and a long-but-allowed number still reads as a number.
    assert load(f'big: "{huge}"\nok: -{"1" * 4300}\n', PATH).data["big"] == huge


def _outcome(raw: bytes | str, positions: bool, mappings: bool = False) -> object:
    try:
        return load(raw, PATH, positions=positions, mappings=mappings).data
    except YamlError as exc:
        return exc.finding


@settings(derandomize=True, max_examples=300)
@given(st.binary(max_size=200) | st.text(alphabet="ab:- \n\t#&*!{}[]'\"|>0.", max_size=120).map(str.encode))
def test_without_positions_the_same_data_or_the_same_refusal(raw: bytes) -> None:
    assert _outcome(raw, positions=False) == _outcome(raw, positions=True)


@pytest.mark.parametrize("raw", ["a: 1\nb:\n  a: 2\n  a: 3\n", "- &x 1\n- *x\n", "a: !!python/object x\n",
                                 "a: 1\n---\nb: 2\n", "- [a, b\n"])
def test_without_positions_refusals_are_located_the_same(raw: str) -> None:
    assert _outcome(raw, positions=False) == _outcome(raw, positions=True) == refused(raw)
    unlocated, located = (load("a: 1\nb: [2, 3]\n", PATH, positions=p) for p in (False, True))
    assert unlocated.read_spans is None  # nothing read until asked for, then the same spans
    assert (unlocated.spans, unlocated.key_spans) == (located.spans, located.key_spans) != ({}, {})


@settings(derandomize=True, max_examples=300)
@given(st.binary(max_size=200) | st.text(alphabet="ab:- \n\t#&*!{}[]'\"|>0.", max_size=120).map(str.encode))
def test_with_mapping_spans_only_the_same_data_or_the_same_refusal(raw: bytes) -> None:
    assert _outcome(raw, positions=False, mappings=True) == _outcome(raw, positions=True)


def test_with_mapping_spans_only_every_mapping_has_the_span_of_a_full_reading_and_nothing_else_has_one() -> None:
    text = ("a: 1\nitems:\n  - id: x\n    tags: [p, q]\n    text: >-\n      folded\n\n  # a note\n  - {id: y}\n"
            "  - - nested\nb:\n  c: {d: 2}\n")
    full, outline = load(text, PATH), load(text, PATH, positions=False, mappings=True)
    assert outline.data == full.data and outline.key_spans == {}
    mappings = {path: span for path, span in full.spans.items() if isinstance(_at(full.data, path), dict)}
    assert outline.spans == mappings
    assert set(mappings) == {(), ("items", 0), ("items", 1), ("b",), ("b", "c")}
    # A duplicate key is refused naming the first one's line, which only a reading of every span knows.
    assert _outcome("a: 1\nb: {c: 2}\na: 3\n", False, mappings=True) == refused("a: 1\nb: {c: 2}\na: 3\n")


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data
