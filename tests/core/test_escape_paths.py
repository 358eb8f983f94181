"""The quick paths of the escapes give what the patterns alone give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ccmflow.core import escape as esc

PIECES = st.sampled_from(["a", "W", "www.", "WwW.", "https", "://", ".", " ", "#", "@", "|", "*", "\t", "\n", "\x07",
                          "\u2028", "\u202e", "\u200b", "é", "ſ", "ｗ", "K", "<", "&"])
TEXT = st.lists(PIECES, max_size=12).map("".join)


def _plain(text: str) -> str:
    return re.sub(esc._CONTROL, "", re.sub(esc._BREAKS, " ", text))


def _escape(text: str, limit: int | None = 300) -> str:
    cleaned = re.sub(esc._AUTOLINK, esc._NO_MENTION, esc._bounded(_plain(str(text)), limit))
    return re.sub(esc._SPECIAL, lambda m: esc._PROSE[m.group(0)], cleaned)


@settings(derandomize=True, max_examples=3000)
@given(TEXT, st.sampled_from([None, 5, 300]))
def test_plain_and_escape_give_what_the_patterns_give(text: str, limit: int | None) -> None:
    assert esc.plain(text) == _plain(text)
    assert esc.escape(text, limit) == _escape(text, limit)


def test_addresses_are_still_broken() -> None:
    assert esc.escape("see https://example.org or WWW.example.org") == _escape(
        "see https://example.org or WWW.example.org") != "see https://example.org or WWW.example.org"
