"""The quick tests of a fragment's lines say what the patterns they stand for say."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ccmflow.compare import docpatch
from ccmflow.compare.fragment import _KEEP_CHOMPING, OTHER_BREAKS, other_breaks, plain_lines

TEXT = st.text(st.sampled_from([*"ab |>+2\n", "\r", "\x85", "\u2028", "\u2029", "é"]), max_size=12)


@settings(derandomize=True, max_examples=2000)
@given(TEXT)
def test_plain_lines_and_other_breaks_agree_with_the_patterns(text: str) -> None:
    assert other_breaks(text) == (re.search(OTHER_BREAKS, text) is not None)
    assert plain_lines(text) == (_KEEP_CHOMPING.search(text) is None and re.search(OTHER_BREAKS, text) is None)


def test_the_usual_cases() -> None:
    assert plain_lines("- id: p1\n  text: >-\n    A + B\n") and not plain_lines("text: >+\n  kept\n")
    assert other_breaks("a\rb") and other_breaks("é\u2028") and not other_breaks("é\n")


@settings(derandomize=True, max_examples=2000)
@given(st.text(st.sampled_from([*"ab \n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "é"]),
               max_size=12))
def test_a_texts_lines_are_those_git_counts(text: str) -> None:
    assert docpatch._lines(text) == tuple(docpatch._LINE.findall(text))
