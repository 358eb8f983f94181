"""Square brackets in negotiated text: contested words stand in `[...]`, alternatives as `[shall | should]`.

Work at a conference proceeds by cleaning brackets until a clean text remains, so they are counted: every pair
counts once, a pair inside another too (`[the [five] States]` holds two), as negotiators count them. A bracket
without its partner is a problem to fix, never silently dropped; it still makes the paragraph unclean.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from msgspec import Struct

OPEN, CLOSE, OR = "[", "]", "|"


class BracketSpan(Struct, frozen=True):
    """One bracketed span: `start` at its '[' and `end` just past its ']' (offsets in the text)."""

    start: int
    end: int
    depth: int  # 0 for a span not inside another
    options: tuple[str, ...]  # the alternatives ('shall', 'should'); one for a plain span


class BracketProblem(Struct, frozen=True):
    """A bracket without its partner: where it stands, what is wrong and how to fix it."""

    offset: int
    message: str
    fix: str


class Brackets(Struct, frozen=True):
    """The bracketed spans of a text and the problems found in its brackets."""

    spans: tuple[BracketSpan, ...]
    problems: tuple[BracketProblem, ...]

    @property
    def count(self) -> int:
        """The brackets negotiators count: every pair, plus every bracket left without its partner."""
        return len(self.spans) + len(self.problems)


def has_brackets(text: str) -> bool:
    return OPEN in text or CLOSE in text


def parse(text: str) -> Brackets:
    """Every bracket pair of `text`, nested ones included, in the order they open; unpaired brackets as problems."""
    spans: list[BracketSpan] = []
    problems: list[BracketProblem] = []
    stack: list[tuple[int, list[int]]] = []  # each open '[': its offset and the offsets of its own '|'
    for i, char in enumerate(text):
        if char == OPEN:
            stack.append((i, []))
        elif char == OR and stack:
            stack[-1][1].append(i)
        elif char == CLOSE:
            if not stack:
                problems.append(BracketProblem(i, f"a closing bracket ']' at character {i + 1} has no opening '['",
                                               "add the missing '[' where the contested words begin, or remove "
                                               "the ']'"))
                continue
            start, bars = stack.pop()
            cuts = [start, *bars, i]
            options = tuple(text[a + 1:b].strip() for a, b in pairwise(cuts))
            spans.append(BracketSpan(start, i + 1, len(stack), options))
    for start, _ in stack:
        problems.append(BracketProblem(start, f"an opening bracket '[' at character {start + 1} is never closed",
                                       "add the missing ']' where the contested words end, or remove the '['"))
    spans.sort(key=lambda s: s.start)
    problems.sort(key=lambda p: p.offset)
    return Brackets(tuple(spans), tuple(problems))


def count(text: str) -> int:
    return parse(text).count if has_brackets(text) else 0


def total(texts: Iterable[str]) -> int:
    return sum(count(t) for t in texts)


def segments(text: str) -> list[tuple[str, bool]]:
    """The text cut into runs, each marked whether it lies inside brackets (outermost spans, brackets included),
    for outputs that highlight them; an unpaired bracket is highlighted alone."""
    if not has_brackets(text):
        return [(text, False)]
    parsed = parse(text)
    # Every pair, not only those at depth 0: a pair after a '[' never closed counts as nested in it, yet its
    # words are contested all the same.
    marks = sorted([(s.start, s.end) for s in parsed.spans] + [(p.offset, p.offset + 1) for p in parsed.problems])
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in marks:
        if start < at:
            continue  # a pair inside a pair is highlighted with it
        if start > at:
            out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return out
