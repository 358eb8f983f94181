"""The redline's matcher gives difflib's answers (blocks and opcodes) while searching for blocks its own way."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmflow.compare import matcher
from ccmflow.compare.diff import _TOKEN

# Few distinct tokens, so that equal blocks recur and the tie-breaking (earliest in a, then in b) matters.
TOKENS = st.lists(st.sampled_from(["a", "b", "c", " ", ",", "d"]), max_size=40)


def _difflib(a: list[str], b: list[str]) -> SequenceMatcher[str]:
    return SequenceMatcher(None, a, b, autojunk=False)


@settings(derandomize=True, max_examples=1500)
@given(TOKENS, TOKENS)
def test_same_blocks_and_opcodes_as_difflib(a: list[str], b: list[str]) -> None:
    assert matcher.matching_blocks(a, b) == [tuple(m) for m in _difflib(a, b).get_matching_blocks()]
    assert matcher.opcodes(a, b) == _difflib(a, b).get_opcodes()


@settings(derandomize=True, max_examples=500)
@given(TOKENS, TOKENS, st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40))
def test_same_longest_block_in_any_range(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int) -> None:
    alo, ahi = sorted((min(alo, len(a)), min(ahi, len(a))))
    blo, bhi = sorted((min(blo, len(b)), min(bhi, len(b))))
    text_a, text_b = "".join(a), "".join(b)  # the tokens are single characters already
    assert matcher.longest_block(text_a, text_b, alo, ahi, blo, bhi) == \
        tuple(_difflib(a, b).find_longest_match(alo, ahi, blo, bhi))


def test_paragraph_texts_give_difflibs_opcodes() -> None:
    old = _TOKEN.findall("States Parties will destroy their stockpiles of cluster munitions as soon as possible, "
                         "and report on progress at each Meeting of States Parties.")
    new = _TOKEN.findall("Each State Party will destroy its stockpiles of cluster munitions without delay, and "
                         "report on progress at each Meeting of States Parties (input 12).")
    assert matcher.opcodes(old, new) == _difflib(old, new).get_opcodes()
    assert matcher.opcodes(old, old) == _difflib(old, old).get_opcodes() == [("equal", 0, len(old), 0, len(old))]
    assert matcher.opcodes([], new) == _difflib([], new).get_opcodes()


def test_more_distinct_tokens_than_characters_falls_back_to_difflib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher, "_LAST", matcher._FIRST + 3)
    a, b = ["w", " ", "x", " ", "y"], ["w", " ", "z", " ", "y"]
    assert matcher.opcodes(a, b) == _difflib(a, b).get_opcodes()


# Paragraph ids in a document's order: no id twice in a sequence, most of them in both, some moved.
IDS = st.lists(st.sampled_from("abcdefghijklmnop"), unique=True, max_size=16)


@settings(derandomize=True, max_examples=2000)
@given(IDS, IDS)
def test_blocks_of_sequences_without_repeats_are_difflibs(a: list[str], b: list[str]) -> None:
    assert matcher.unique_blocks(a, b) == [tuple(m) for m in _difflib(a, b).get_matching_blocks()]


@settings(derandomize=True, max_examples=500)
@given(st.permutations(list("abcdefghijklmnopqrstuvwxyz")), st.integers(0, 25), st.integers(0, 25))
def test_a_moved_item_leaves_the_longest_runs_as_difflib_finds_them(order: list[str], old: int, new: int) -> None:
    moved = list(order)
    moved.insert(new, moved.pop(old))
    assert matcher.unique_blocks(order, moved) == [tuple(m) for m in _difflib(order, moved).get_matching_blocks()]
