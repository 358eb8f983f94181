"""The bookmarks that tie a file's paragraphs to the version's, checked before any text is read by them.

A paragraph is found by its bookmark alone, so a bookmark that is not where ccmflow put it reads as a change
nobody made while the file looks untouched in Word: paragraph 6 carrying paragraph 5's bookmark too reads as
"amend 5 to 6's text; delete 6". Each of ccmflow's bookmarks must appear once, start on a paragraph of the text
(not in a table or a content control), and end before the next paragraph's bookmark starts (a paragraph and
its detail lines), and no paragraph may carry two of them. Whatever else sits in the body where paragraphs go
(a table, a content control, an imported chunk) would be lost when reading, so it is named too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from lxml import etree

from ccmflow.word.visible import W

_CONTAINERS = {f"{W}{tag}": what for tag, what in (("tbl", "a table"), ("sdt", "a content control"),
                                                    ("customXml", "a custom XML element"),
                                                    ("altChunk", "an imported file (altChunk)"))}


def bookmark_problems(body: etree._Element, names: Mapping[str, str], label: Callable[[str], str]) -> list[str]:
    """What is wrong with the bookmarks of `names` (bookmark name -> paragraph id) in the file's body."""
    problems: list[str] = []
    count = Counter(b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart"))
    for name, times in count.items():
        if name in names and times > 1:
            problems.append(f"the bookmark of {label(names[name])} appears {times} times (a copy of it was pasted "
                            "elsewhere), so the paragraph cannot be told apart: edit the file ccmflow made, or "
                            "delete the copied text and type it anew")
    ours_open: dict[str, str] = {}  # bookmark id -> paragraph id, started and not yet ended
    pending: list[etree._Element] = []
    for child in body.iterchildren():
        if child.tag == f"{W}bookmarkStart":
            pending.append(child)
        elif child.tag == f"{W}p":
            _paragraph(child, pending, names, label, ours_open, problems)
            pending = []
        elif child.tag in _CONTAINERS:
            problems += _container(child, names, label)
    problems += [f"the bookmark of {label(pid)} has no end, so where the paragraph stops is unknown: edit the "
                 "file ccmflow made, keeping each paragraph's bookmark" for pid in ours_open.values()]
    return problems


def _paragraph(p: etree._Element, pending: list[etree._Element], names: Mapping[str, str],
               label: Callable[[str], str], ours_open: dict[str, str], problems: list[str]) -> None:
    """Starts and ends in document order: an end before the next start closes its bookmark in time."""
    events = [*pending, *p.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd")]
    starts = [names[n] for b in events if b.tag == f"{W}bookmarkStart" and (n := b.get(f"{W}name") or "") in names]
    if len(starts) > 1:
        problems.append(f"one paragraph carries the bookmarks of {' and '.join(label(pid) for pid in starts)}: a "
                        "bookmark was moved or paragraphs were joined (to merge paragraphs, amend one and delete "
                        "the other's text)")
    for event in events:
        bid = event.get(f"{W}id") or ""
        if event.tag == f"{W}bookmarkEnd":
            ours_open.pop(bid, None)
        elif (name := event.get(f"{W}name") or "") in names:
            if len(starts) == 1:
                problems += [f"the bookmark of {label(other)} runs on into {label(names[name])}: it was moved or "
                             "widened (edit the file ccmflow made, keeping each paragraph's bookmark)"
                             for other in ours_open.values()]
                ours_open.clear()
            ours_open[bid] = names[name]


def _container(element: etree._Element, names: Mapping[str, str], label: Callable[[str], str]) -> list[str]:
    what = _CONTAINERS[element.tag]
    moved = [names[n] for b in element.iter(f"{W}bookmarkStart") if (n := b.get(f"{W}name") or "") in names]
    if moved:
        return [f"{label(pid)} was put in {what}, where paragraphs are not read back: take it out" for pid in moved]
    text = " ".join("".join(t.text or "" for t in element.iter(f"{W}t")).split())
    if not text:
        return []
    shown = text if len(text) <= 60 else text[:57] + "..."
    return [f"the file has {what} in its text ('{shown}'): only paragraphs are read back, so its text would be "
            "lost. Type the proposal as paragraphs"]
