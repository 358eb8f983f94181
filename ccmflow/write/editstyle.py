"""A file's layout conventions (indents, gaps, flow lists), so that new lines look like their neighbours."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

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
    return Style(
        indent=_most_common([src.column((*k,)) - src.column(("document",)) for k in _document_keys(src)], 2),
        sections=_most_common([src.first_dash(p) - src.column(p) for p in lists if len(p) == 1], 2),
        paragraphs=_most_common([src.first_dash(p) - src.column(p) for p in paragraphs], 2),
        sequence=_most_common([src.first_dash(p) - src.column(p) for p in _string_lists(src)], 2),
        item=max(2, _most_common([src.spans[i].column - 1 - src.first_dash(i[:-1]) for i in items], 2)),
        scalar=_most_common(_scalar_indents(src), 2),
        paragraph_gap=gaps[0][0] if gaps else "",
        section_gap=src.layout(("sections",)).typical("\n") if ("sections",) in lists else "\n",
        flow=_flow_keys(src))


def _most_common(values: Iterable[int], default: int) -> int:
    common = Counter(v for v in values if v >= 0).most_common(1)
    return common[0][0] if common else default


def _document_keys(src: Positions) -> list[Path]:
    meta = src.data["document"]
    return [] if src.flow(("document",)) else [("document", k) for k in meta]


def _paragraph_paths(src: Positions) -> list[Path]:
    return [("sections", i, "paragraphs", j) for i, s in enumerate(src.data["sections"])
            for j in range(len(s["paragraphs"]))]


def _scalar_indents(src: Positions) -> list[int]:
    """How far the lines of existing block scalars stand in from their keys."""
    found: list[int] = []
    for path in _paragraph_paths(src):
        text = (*path, "text")
        if text in src.spans and src.text[src.spans[text].start:src.spans[text].start + 1] in ("|", ">"):
            line = src.line(src.spans[text].start) + 1
            while src.kind(line) == "blank" and line < len(src.starts) - 1:
                line += 1
            found.append(src.indent(line) - src.column(text))
    return found


def _string_lists(src: Positions) -> list[Path]:
    """The block lists of strings (indicators, references, ...) under the document and paragraphs."""
    found: list[Path] = []
    for path in [("document",), *_paragraph_paths(src)]:
        node = src.node(path)
        keys = sorted(LIST_KEYS & set(node)) if isinstance(node, dict) else []
        found += [(*path, key) for key in keys if src.block_list((*path, key))]
    return found


def _flow_keys(src: Positions) -> frozenset[str]:
    """List keys the file writes as [a, b] more often than as block lists."""
    counts: Counter[tuple[str, bool]] = Counter()
    for path in [("document",), *_paragraph_paths(src)]:
        node = src.node(path)
        for key in LIST_KEYS & set(node if isinstance(node, dict) else ()):
            if isinstance(node[key], list):
                counts[key, src.flow((*path, key))] += 1
    return frozenset(k for k in LIST_KEYS if counts[k, True] > counts[k, False]
                     or (counts[k, True] == counts[k, False] and k in FLOW_KEYS))
