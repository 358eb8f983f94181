"""The summary's JSON text is json.dumps(indent=2, ensure_ascii=False) to the byte, written faster."""

from __future__ import annotations

import json
from collections import OrderedDict
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmflow.commands.jsontext import indented


class Colour(StrEnum):
    RED = "red"


class Size(IntEnum):
    BIG = 3


class Pair(list[Any]):
    """A list of another type: not written by the quick paths."""


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                    max_leaves=25)


@settings(derandomize=True, max_examples=400)
@given(JSON)
def test_the_same_text_as_json_dumps(value: Any) -> None:
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("value", [
    {"a": [], "b": {}, "c": [[], [{}]], "é": "naïve \u2028 \x00 \"quoted\" \\"},
    (1, 2.5, (3,)), {"colour": Colour.RED, "size": Size.BIG}, {2: "a number as key", True: "a flag", None: 0},
    [float("nan"), float("inf")], "plain", 7,
    OrderedDict([("a", Pair(["x", None])), ("b", [True, 1, {"c": Pair()}])]),  # subclasses of dict and list
])
def test_cases_json_dumps_treats_its_own_way(value: Any) -> None:
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_what_json_dumps_refuses_is_refused() -> None:
    with pytest.raises(TypeError):
        indented({"a": {1, 2}})
