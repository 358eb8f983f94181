"""Paragraph items read line by line must read as libyaml reads them, or be left to libyaml (None)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from roots import REPO_ROOT

from ccmflow.compare.fragment import dedent
from ccmflow.read.itemlines import _FOREIGN, _foreign, read_items
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import kind_of
from ccmflow.read.yamlsafe import YamlError
from ccmflow.read.yamlsafe import load as load_yaml

# Characters that make libyaml read a line otherwise: indicators, quotes, escapes, comments, other line breaks,
# controls, a tab, a no-break space, a byte order mark; and words that read as null, bools and numbers.
CHARS = st.sampled_from([*"ab :#-\"'\\,[]{}&*!|>?%@`.~", "é", "\xa0", "\u2028", "\x85", "\t", "\x07", "\ufeff",
                         "\u200b"])
WORDS = st.sampled_from(["text", "null", "~", "true", "False", "12", "-3", "1.5e3", ".5", "0x1f", "2021-2025",
                         "id", "a: b", "a #b", "a#b", "'q'", '"q"', "- x", ">-", "|", "&a", "*a", "!t"])
PROSE = st.lists(st.sampled_from(["States", "Parties", "will", "report", "(input", "2)", "é"]), min_size=1,
                max_size=4).map(" ".join)
# Mostly prose as the documents hold it, so that most fragments are read and compared.
SCALAR = st.one_of(PROSE, PROSE, PROSE, PROSE, PROSE, PROSE, WORDS, st.text(CHARS, min_size=0, max_size=8),
                   st.lists(WORDS, min_size=1, max_size=3).map(" ".join))
KEYS = st.sampled_from(["id", "kind", "text", "indicators", "baseline", "responsible", "references", "derived_from",
                        "x-y", "1"])


@st.composite
def _value(draw: st.DrawFn, column: int, scalar: st.SearchStrategy[str], lists: bool = True) -> list[str]:
    """The lines of one value whose key or dash ends before `column`: inline, folded, or a list of those."""
    pad = " " * column
    style = draw(st.sampled_from(["plain", "quoted", "folded", "list"] if lists else ["plain", "quoted", "folded"]))
    if style == "plain":
        return [" " + draw(scalar)]
    if style == "quoted":
        return [' "' + draw(scalar) + '"']
    if style == "folded":
        return [" >-", *(pad + draw(scalar) for _ in range(draw(st.sampled_from([0, 1, 1, 2, 3]))))]
    lines = [""]
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 3]))):
        item = draw(_value(column + 2, scalar, lists=False))
        lines += [pad + "-" + item[0], *item[1:]]
    return lines


@st.composite
def fragments(draw: st.DrawFn, tricky: bool = True) -> list[str]:
    """Paragraph items in the documents' layout; `tricky`: with scalars libyaml reads otherwise, and some lines
    then broken (moved left or right, blanked, commented)."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        keys = draw(st.lists(KEYS if tricky else KEYS.filter(str.isidentifier), min_size=1, max_size=4,
                             unique=not tricky or draw(st.booleans())))
        for n, key in enumerate(keys):
            value = draw(_value(4, SCALAR if tricky else PROSE))
            lines += [("- " if n == 0 else "  ") + key + ":" + value[0], *value[1:]]
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2])) if tricky else 0):
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = draw(st.sampled_from([" " + lines[at], lines[at][1:], "", "    ", "  # note", lines[at] + " ",
                                          lines[at] + draw(SCALAR)]))
    return lines


def _strict(value: object) -> object:
    """The value with each scalar's type kept: True and 1 must not compare equal."""
    if isinstance(value, dict):
        return [(k, _strict(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_strict(v) for v in value]
    return (type(value).__name__, value)


def _libyaml(lines: list[str], indent: int) -> object:
    text = dedent(lines, indent)
    assert text is not None, "read line by line, but dedent refuses the lines"
    return load_yaml(text, "x.yaml", positions=False).data


@settings(derandomize=True, max_examples=3000, deadline=None)
@given(st.one_of(fragments(), fragments(tricky=False)), st.integers(0, 6), st.booleans())
def test_what_it_reads_libyaml_reads_the_same(rows: list[str], indent: int, ended: bool) -> None:
    lines = [" " * indent + row + "\n" for row in rows]
    if not ended:  # the file's last line, without a line break
        lines[-1] = lines[-1][:-1]
    items = read_items(lines, indent)
    if items is not None:
        try:
            assert _strict(items) == _strict(_libyaml(lines, indent))
        except YamlError as exc:
            raise AssertionError(f"read line by line, but libyaml refuses the lines: {exc}") from None


def test_the_last_line_may_end_without_a_line_break() -> None:
    lines = ["      - id: pabc1234\n", "        kind: narrative\n", "        text: >-\n", "          One line\n",
             "          and another."]
    assert read_items(lines, 6) == [{"id": "pabc1234", "kind": "narrative", "text": "One line and another."}]


def test_anything_else_is_left_to_libyaml() -> None:
    item = ["- id: pabc1234\n", "  kind: narrative\n"]
    assert read_items([*item, "  # a comment\n"], 0) is None
    assert read_items([*item, "\n", "- id: pdef5678\n"], 0) is None  # a blank line
    assert read_items(["- id: pabc1234\n", "  text: >-\n", "    One\n", "    \n", "    two\n"], 0) is None
    assert read_items([*item, "  "], 0) is None  # spaces, at the end
    assert read_items(["- id: pabc1234\n", "  id: pdef5678\n"], 0) is None  # a key twice
    assert read_items(["- id: pabc1234\n", "  kind: 12\n"], 0) is None  # a number
    assert read_items(["- id: pabc1234\n", "  text: |\n", "    Kept lines\n"], 0) is None
    assert read_items(["- id: pabc1234\n", "  text: >-\n", "    One\n", "      more indented\n"], 0) is None
    assert read_items(["- id: pabc1234\n", '  text: "a \\" quote"\n'], 0) is None
    assert read_items(["    - id: pabc1234\n"], 6) is None  # left of the items' column
    assert read_items([], 0) is None


def test_the_instance_paragraphs_read_as_libyaml_reads_them() -> None:
    """Every paragraph item of the embedded documents, one at a time; most are in the layout read here."""
    read = 0
    items = 0
    for path in sorted((REPO_ROOT / "documents").glob("*.yaml")):
        if kind_of(path.name) != FileKind.DOCUMENT:
            continue
        lines = Path(path).read_text("utf-8").splitlines(keepends=True)
        starts = [n for n, line in enumerate(lines) if re.match(r"      - id: ", line)]
        for first, end in itertools.pairwise([*starts, len(lines)]):
            chunk = lines[first:end]
            while len(chunk) > 1 and not chunk[-1].startswith("        "):  # the next section's lines
                chunk.pop()
            items += 1
            found = read_items(chunk, 6)
            if found is not None:
                read += 1
                assert _strict(found) == _strict(_libyaml(chunk, 6))
    assert items > 100 and read > 0.9 * items


@settings(derandomize=True, max_examples=1000)
@given(st.text(st.sampled_from([*"a -\n~", "\t", "\x00", "\x1f", "\x7f", "\x85", "\xa0", "é", "\u2028", "\ufeff"])))
def test_foreign_characters_are_found_the_quick_way_too(text: str) -> None:
    assert _foreign(text) == (_FOREIGN.search(text) is not None)
