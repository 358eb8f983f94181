"""difflib's SequenceMatcher answers (no junk, autojunk off) for token lists, found a quicker way.

A word redline compares token lists in which the whitespace token recurs every other position; difflib's search
for the longest common block visits every pair of equal tokens, so a paragraph of n words costs about n*n/4
steps in Python, once per reworded paragraph of every input of a summary. Here each distinct token becomes one
character, so blocks are substrings and str.find searches for them in C. The blocks are the ones difflib finds:
the longest common block of a range (of those, the earliest in `a`, then the earliest in `b`), then the same
in the ranges left of it and right of it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher

Block = tuple[int, int, int]  # (i, j, size): a[i:i + size] == b[j:j + size]
Opcode = tuple[str, int, int, int, int]  # as SequenceMatcher.get_opcodes gives them

_FIRST = 0x100  # code points for tokens: clear of the C0/C1 controls, far below the surrogates
_LAST = 0xD7FF


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """SequenceMatcher(None, a, b, autojunk=False).get_opcodes()."""
    blocks = matching_blocks(a, b)
    found: list[Opcode] = []
    i = j = 0
    for block_i, block_j, size in blocks:
        if i < block_i or j < block_j:
            tag = "replace" if i < block_i and j < block_j else "delete" if i < block_i else "insert"
            found.append((tag, i, block_i, j, block_j))
        i, j = block_i + size, block_j + size
        if size:
            found.append(("equal", block_i, i, block_j, j))
    return found


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks(), as plain tuples."""
    distinct = dict.fromkeys((*a, *b))
    if _FIRST + len(distinct) > _LAST:  # more distinct tokens than code points to give them
        return [tuple(m) for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()]  # type: ignore[misc]
    codes = {token: chr(_FIRST + n) for n, token in enumerate(distinct)}
    text_a, text_b = "".join(map(codes.__getitem__, a)), "".join(map(codes.__getitem__, b))
    return _blocks(len(a), len(b), lambda alo, ahi, blo, bhi: longest_block(text_a, text_b, alo, ahi, blo, bhi))


def unique_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """matching_blocks(a, b) for sequences in which no item repeats (paragraph ids, in a document's order).

    Where each item of `a` stands in `b` says it all: a common block is a run of items whose places in `b`
    follow each other, so the longest one is found in a single pass rather than by searching.
    """
    where = {item: j for j, item in enumerate(b)}
    at = [where.get(item, -1) for item in a]
    return _blocks(len(a), len(b), lambda alo, ahi, blo, bhi: _longest_run(at, alo, ahi, blo, bhi))


def _blocks(len_a: int, len_b: int, longest: Callable[[int, int, int, int], Block]) -> list[Block]:
    """difflib's recursion: the longest block of a range, then the same on each side of it, as matching blocks."""
    blocks: list[Block] = []
    ranges = [(0, len_a, 0, len_b)]
    while ranges:
        alo, ahi, blo, bhi = ranges.pop()
        i, j, size = longest(alo, ahi, blo, bhi)
        if size:
            blocks.append((i, j, size))
            if alo < i and blo < j:
                ranges.append((alo, i, blo, j))
            if i + size < ahi and j + size < bhi:
                ranges.append((i + size, ahi, j + size, bhi))
    return _finished(blocks, len_a, len_b)


def _longest_run(at: Sequence[int], alo: int, ahi: int, blo: int, bhi: int) -> Block:
    """The longest run i, i+1, ... in [alo, ahi) whose places `at` in b go j, j+1, ... within [blo, bhi); the
    earliest of the longest. A run is never left part of the way: a block starting inside it is shorter."""
    best = (alo, blo, 0)
    i = alo
    while i < ahi:
        j = at[i]
        if not blo <= j < bhi:
            i += 1
            continue
        size = 1
        while i + size < ahi and j + size < bhi and at[i + size] == j + size:
            size += 1
        if size > best[2]:
            best = (i, j, size)
        i += size
    return best


def _finished(blocks: list[Block], len_a: int, len_b: int) -> list[Block]:
    """The blocks in order, those that touch joined into one, and difflib's closing (len_a, len_b, 0)."""
    blocks.sort()
    joined: list[Block] = []
    for i, j, size in blocks:  # blocks that touch read as one
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + size)
        else:
            joined.append((i, j, size))
    joined.append((len_a, len_b, 0))
    return joined


def longest_block(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> Block:
    """The longest common block of a[alo:ahi] and b[blo:bhi]; of those, the earliest in a, then in b.

    (alo, blo, 0) when they share nothing. The common prefix or suffix gives a first size; then each start i
    in turn is asked for a block one longer than the best so far (growing it while it can), so the size only
    grows and each start is given up once: about 2n searches, each one str.find.
    """
    size = max(_common_prefix(a, b, alo, ahi, blo, bhi), _common_suffix(a, b, alo, ahi, blo, bhi))
    first: int | None = None  # where the longest block found so far starts, when longer than the first size
    i = alo
    while i + size < ahi:
        if b.find(a[i:i + size + 1], blo, bhi) >= 0:
            size += 1
            first = i
        else:
            i += 1
    if size == 0:
        return alo, blo, 0
    if first is None:  # the first size was the longest: find its earliest start
        first = next(i for i in range(alo, ahi - size + 1) if b.find(a[i:i + size], blo, bhi) >= 0)
    return first, b.find(a[first:first + size], blo, bhi), size


def _common_prefix(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> int:
    size = 0
    while alo + size < ahi and blo + size < bhi and a[alo + size] == b[blo + size]:
        size += 1
    return size


def _common_suffix(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> int:
    size = 0
    while ahi - size > alo and bhi - size > blo and a[ahi - size - 1] == b[bhi - size - 1]:
        size += 1
    return size
