"""A file's layout conventions (indents, gaps, flow lists), so that new lines look like their neighbours."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ccmflow.read.yamlsafe import Path
from ccmflow.write.docemit import FLOW_KEYS, LIST_KEYS, Style
from ccmflow.write.spans import Positions


def infer_style(src: Positions) -> Style:
    """The most common choice the file makes for each layout question; the canonical one where it makes none."""
    sections = src.data["sections"]
    lists = [path for path in [("sections",), *(("sections", i, "paragraphs") for i in range(len(sections)))]
             if src.block_list(path)]
    paragraphs = [p for p in lists if len(p) > 1]
    items = [(*p, 0) for p in lists if isinstance(src.node((*p, 0)), dict) and not src.flow((*p, 0))]
    gaps = Counter(g for p in paragraphs for g in src.layout(p).gaps[1:]).most_common(1)
    # Every mapping that may hold lists of strings, each with its path: walked once, in the file's order.
    holders = [(("document",), src.data["document"]), *_paragraph_nodes(src)]
    string_lists, flow = _lists(src, holders)
    return Style(
        indent=_most_common([src.column((*k,)) - src.column(("document",)) for k in _document_keys(src)], 2),
        sections=_most_common([src.first_dash(p) - src.column(p) for p in lists if len(p) == 1], 2),
        paragraphs=_most_common([src.first_dash(p) - src.column(p) for p in paragraphs], 2),
        sequence=_most_common([src.first_dash(p) - src.column(p) for p in string_lists], 2),
        item=max(2, _most_common([src.spans[i].column - 1 - src.first_dash(i[:-1]) for i in items], 2)),
        scalar=_most_common(_scalar_indents(src, holders[1:]), 2),
        paragraph_gap=gaps[0][0] if gaps else "",
        section_gap=src.layout(("sections",)).typical("\n") if ("sections",) in lists else "\n",
        flow=flow)


# The list keys in the order a mapping's lists are looked at (sorted: the order decides ties of the most common).
_LISTS = tuple(sorted(LIST_KEYS))
Node = tuple[Path, Any]


def _most_common(values: Iterable[int], default: int) -> int:
    common = Counter(v for v in values if v >= 0).most_common(1)
    return common[0][0] if common else default


def _document_keys(src: Positions) -> list[Path]:
    meta = src.data["document"]
    return [] if src.flow(("document",)) else [("document", k) for k in meta]


def _paragraph_nodes(src: Positions) -> list[Node]:
    """Each paragraph's path and mapping, read from the data directly (not path by path from the top)."""
    return [(("sections", i, "paragraphs", j), p) for i, s in enumerate(src.data["sections"])
            for j, p in enumerate(s["paragraphs"])]


def _scalar_indents(src: Positions, paragraphs: Sequence[Node]) -> list[int]:
    """How far the lines of existing block scalars stand in from their keys."""
    found: list[int] = []
    for path, _ in paragraphs:
        text = (*path, "text")
        span = src.spans.get(text)
        if span is not None and src.text.startswith(("|", ">"), span.start):
            line = src.line(span.start) + 1
            body = src.line_text(line)
            while not body.strip() and line < len(src.starts) - 1:  # blank lines before the first one
                line += 1
                body = src.line_text(line)
            found.append(len(body) - len(body.lstrip(" ")) - src.column(text))
    return found


def _lists(src: Positions, holders: Sequence[Node]) -> tuple[list[Path], frozenset[str]]:
    """The block lists of strings (indicators, references, ...) under the document and paragraphs, and the list
    keys the file writes as [a, b] more often than as block lists: each list's form looked at once, for both."""
    blocks: list[Path] = []
    counts: dict[tuple[str, bool], int] = {}
    for path, node in holders:
        if isinstance(node, dict):
            for key in _LISTS:
                value = node.get(key)
                if isinstance(value, list):
                    at = (*path, key)
                    flow = src.flow(at)
                    counts[key, flow] = counts.get((key, flow), 0) + 1
                    if value and not flow:
                        blocks.append(at)
    flows = frozenset(k for k in LIST_KEYS if counts.get((k, True), 0) > counts.get((k, False), 0)
                      or (counts.get((k, True), 0) == counts.get((k, False), 0) and k in FLOW_KEYS))
    return blocks, flows
