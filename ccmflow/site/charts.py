"""Bar charts as inline SVG, drawn at build time: nothing to fetch, readable without script, printable.

Each chart has a text alternative (its title and a description listing every value), and the same numbers are
always in a table beside it, so no one depends on the picture.
"""

from __future__ import annotations

from collections.abc import Sequence

from ccmflow.site.html import h

# Colours with at least 4.5:1 contrast against white, told apart by more than hue (each bar is labelled).
PALETTE = ("#1f5f8b", "#8a4b08", "#2d6a2d", "#7b2d7b", "#5a5a5a", "#a12b2b")
_ROW, _LABEL, _WIDTH, _BAR = 30, 230, 640, 340


def bar_chart(ident: str, title: str, items: Sequence[tuple[str, int]]) -> str:
    """A horizontal bar per (label, value), the value written at the end of the bar; `ident` is unique on the page."""
    total = max((v for _, v in items), default=0) or 1
    height = _ROW * max(len(items), 1) + 10
    description = "; ".join(f"{label}: {value}" for label, value in items) or "no data"
    rows = []
    for i, (label, value) in enumerate(items):
        y = 5 + i * _ROW
        width = round(_BAR * value / total) if value else 0
        colour = PALETTE[i % len(PALETTE)]
        shown = label if len(label) <= 34 else label[:33] + "…"
        rows.append(
            f'<text x="{_LABEL - 8}" y="{y + 18}" text-anchor="end" class="label">{h(shown)}</text>'
            f'<rect x="{_LABEL}" y="{y + 4}" width="{max(width, 2)}" height="{_ROW - 10}" fill="{colour}"></rect>'
            f'<text x="{_LABEL + max(width, 2) + 6}" y="{y + 18}" class="value">{value}</text>')
    return (f'<figure class="chart"><svg viewBox="0 0 {_WIDTH} {height}" role="img" '
            f'aria-labelledby="{h(ident)}-t {h(ident)}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{h(ident)}-t">{h(title)}</title><desc id="{h(ident)}-d">{h(description)}</desc>'
            f'{"".join(rows)}</svg><figcaption>{h(title)}</figcaption></figure>')
