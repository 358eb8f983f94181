"""What decides that paragraph items read alone: git's lines must be libyaml's lines."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmflow.compare.fragment import _KEEP_CHOMPING, OTHER_BREAKS, plain_lines


@pytest.mark.parametrize(("text", "plain"), [
    ("a: 1\n", True),
    ("text: >-\n  a + b\n", True),  # a '+' that keeps nothing
    ("text: |+\n  kept\n\n", False),
    ("text: >2+\n  kept\n", False),
    ("a: 1\r\nb: 2\r\n", False),
    ("a: caf\u00e9\n", True),  # not ASCII, no other line break
    ("a: caf\u00e9\x85b\n", False),
    ("a: \u00e9\u2028b\n", False),
    ("a: \u00e9\u2029b\n", False),
    ("a: \u00e9\rb\n", False),
])
def test_plain_lines(text: str, plain: bool) -> None:
    assert plain_lines(text) is plain


@settings(derandomize=True, max_examples=400)
@given(st.text(alphabet="ab +|>12\n\r\x85\u2028\u2029\u00e9", max_size=40))
def test_plain_lines_is_what_the_two_patterns_say(text: str) -> None:
    assert plain_lines(text) is (_KEEP_CHOMPING.search(text) is None and re.search(OTHER_BREAKS, text) is None)
