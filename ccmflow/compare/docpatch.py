"""A document at a head built from its merge base and git's line diff: only the paragraphs a hunk touches are parsed.

Parsing a whole 200 KB document costs ~20 ms; a summary over hundreds of inputs cannot afford that per input.
Git already knows which lines changed, so the base document's parse is reused and only the paragraph items
that a hunk touches are parsed again, as a YAML fragment. Anything this cannot prove equivalent to a full
parse (a change to metadata or a section header, odd indentation, a tab, a new id colliding, a removed
paragraph someone references...) returns None and the caller parses the whole file instead.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.diff import ChangeKind, DocumentDiff, ParagraphChange, diff_documents, meta_changes, redline
from ccmflow.compare.fragment import dedent, other_breaks, plain_lines
from ccmflow.core.model import Document, Paragraph
from ccmflow.read import schema
from ccmflow.read.itemlines import read_items
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import paragraph_record
from ccmflow.read.yamlsafe import Loaded, YamlError
from ccmflow.read.yamlsafe import load as load_yaml

# libyaml counts these as line breaks too; git does not: line numbers would disagree.
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
MAX_FRAGMENT = 64 * 1024


class Hunk(Struct, frozen=True):
    """Old lines [start, end) (0-based) replaced by `lines` (each with its line ending, as in the file)."""

    start: int
    end: int
    lines: tuple[str, ...]


class _Region(Struct, frozen=True):
    """One item of a document's text: its character range and where it sits (section, paragraph, indent)."""

    start: int
    end: int
    section: int  # -1: not a paragraph (metadata, a section header)
    paragraph: int
    indent: int


class BaseIndex(Struct, frozen=True):
    """The base document with the line range of every paragraph item, and what validation depends on."""

    document: Document
    lines: tuple[str, ...]
    regions: tuple[_Region, ...]
    region_of_line: tuple[int, ...]
    referenced: frozenset[str]  # paragraph/section ids any reference in the workspace points at
    targets: Mapping[str, frozenset[str]]  # per document id: its section and paragraph ids
    # What every input's diff against this base needs, worked out once rather than once per input.
    positions: Mapping[str, tuple[str, Paragraph]]  # paragraph id -> (section id, paragraph)
    numbers: Mapping[str, str]  # the document's display numbers
    # Per number format, how many paragraphs of the base come before each one (by position in the document,
    # and one more entry for the end): a head's numbers follow from these and the runs alone.
    before: Mapping[str, tuple[int, ...]]
    flat: Mapping[tuple[int, int], int]  # (section index, paragraph index) -> position in the document


def index(loaded: Loaded, document: Document, references: Iterable[str] = (),
          targets: Mapping[str, frozenset[str]] | None = None) -> BaseIndex | None:
    """Line ranges of the paragraph items of a valid document, or None when its layout is not the usual one."""
    if other_breaks(loaded.text):
        return None
    lines = _lines(loaded.text)
    starts: list[tuple[int, int, int, int]] = []  # (line, section, paragraph, indent)
    for s_index, section in enumerate(document.sections):
        item = _item_line(loaded, lines, ("sections", s_index))
        if item is None:
            return None
        starts.append((item[0], s_index, -1, item[1]))
        for p_index in range(len(section.paragraphs)):
            item = _item_line(loaded, lines, ("sections", s_index, "paragraphs", p_index))
            if item is None:
                return None
            starts.append((item[0], s_index, p_index, item[1]))
    regions = [_Region(0, starts[0][0] if starts else len(lines), -1, -1, 0)]
    for i, (line, s_index, p_index, indent) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        if end <= line or line < regions[-1].end:
            return None
        regions.append(_Region(line, end, s_index if p_index >= 0 else -1, p_index, indent))
    return _indexed(document, lines, regions, references, targets)


def _lines(text: str) -> tuple[str, ...]:
    """The text's lines as git counts them (_LINE), each with its line end."""
    # splitlines, several times faster, breaks lines where _LINE does when '\n' is the only break it knows in the
    # text (it also breaks at \r, \v, \f, \x1c-\x1e, \x85, \u2028 and \u2029).
    if text.isascii() and not any(other in text for other in _ASCII_BREAKS):
        return tuple(text.splitlines(keepends=True))
    return tuple(_LINE.findall(text))


_ASCII_BREAKS = ("\r", "\v", "\f", "\x1c", "\x1d", "\x1e")


def _indexed(document: Document, lines: tuple[str, ...], regions: list[_Region], references: Iterable[str],
             targets: Mapping[str, frozenset[str]] | None) -> BaseIndex:
    region_of_line = [0] * len(lines)
    for r_index, region in enumerate(regions):
        region_of_line[region.start:region.end] = [r_index] * (region.end - region.start)
    own = frozenset({s.id for s in document.sections} | {p.id for _, p in document.walk()})
    all_targets = dict(targets or {})
    all_targets[document.id] = own
    referenced = frozenset(r.partition("#")[2] for r in references)
    positions = {p.id: (s.id, p) for s in document.sections for p in s.paragraphs}
    flat = {(s_index, p_index): 0 for s_index, section in enumerate(document.sections)
            for p_index in range(len(section.paragraphs))}
    formats = [document.number_format(p.kind) for _, p in document.walk()]
    before: dict[str, list[int]] = {fmt: [0] for fmt in set(formats) if fmt}
    for at, key in enumerate(flat):
        flat[key] = at
        for fmt, counts in before.items():
            counts.append(counts[-1] + (formats[at] == fmt))
    return BaseIndex(document, lines, tuple(regions), tuple(region_of_line), referenced, all_targets, positions,
                     document.numbers(), {fmt: tuple(counts) for fmt, counts in before.items()}, flat)


def layout(base: BaseIndex) -> list[tuple[int, int, int, int, int]]:
    """The line ranges of an index, to keep (with the document and its text) and give back to `from_layout`."""
    return [(r.start, r.end, r.section, r.paragraph, r.indent) for r in base.regions]


def from_layout(document: Document, text: str, regions: Sequence[Sequence[int]], references: Iterable[str] = (),
                targets: Mapping[str, frozenset[str]] | None = None) -> BaseIndex | None:
    """The index `index` gives, from line ranges `layout` gave for the same text; None if they do not fit it."""
    if other_breaks(text):
        return None
    lines = _lines(text)
    kept = [_Region(*map(int, r)) for r in regions if len(r) == 5]
    shape = [(-1, -1)] + [(s if p >= 0 else -1, p) for s, section in enumerate(document.sections)
                          for p in range(-1, len(section.paragraphs))]
    if len(kept) != len(regions) or [(r.section, r.paragraph) for r in kept] != shape or kept[0].start != 0 or \
            kept[-1].end != len(lines) or any(a.end != b.start or b.end <= b.start
                                              for a, b in itertools.pairwise(kept)):
        return None
    return _indexed(document, lines, kept, references, targets)


def _item_line(loaded: Loaded, lines: Sequence[str], path: tuple[str | int, ...]) -> tuple[int, int] | None:
    """The 0-based line of a sequence item written as `- key: ...`, and the column of its dash."""
    span = loaded.spans.get(path)
    if span is None or span.line - 1 >= len(lines):
        return None
    line = lines[span.line - 1]
    dash = span.column - 3
    if dash < 0 or line[dash:dash + 2] != "- " or line[:dash].strip(" ") != "":
        return None
    return span.line - 1, dash


class Run(Struct, frozen=True):
    """Paragraphs [first, end) of the base's section `section` (an index), replaced by `new` at the head."""

    section: int
    first: int
    end: int
    new: tuple[Paragraph, ...]


class Patched(Struct, frozen=True):
    """The head's document built from the base and git's hunks, and the runs of paragraphs that differ."""

    document: Document
    runs: tuple[Run, ...]


def apply(base: BaseIndex, hunks: Sequence[Hunk], path: str) -> Patched | None:
    """The head document when every hunk falls inside paragraph items and the result is provably valid."""
    touched: set[int] = set()
    for hunk in hunks:
        regions = _regions(base, hunk)
        if regions is None:
            return None
        touched.update(regions)
    runs: list[Run] = []
    for run in _runs(base, sorted(touched)):
        first, last = base.regions[run[0]], base.regions[run[-1]]
        inside = [h for h in hunks if first.start <= h.start and (h.end <= last.end if h.end > h.start
                                                                 else h.start <= last.end)]
        paragraphs = _fragment(base, first.start, last.end, inside, first.indent, path)
        if paragraphs is None:
            return None
        runs.append(Run(first.section, first.paragraph, last.paragraph + 1, tuple(paragraphs)))
    if not _valid(base, runs):
        return None
    return Patched(_rebuild(base.document, runs), tuple(runs))


def _regions(base: BaseIndex, hunk: Hunk) -> list[int] | None:
    """The paragraph regions a hunk changes; None when it touches anything else."""
    count = len(base.lines)
    if hunk.end > hunk.start:
        found = sorted(set(base.region_of_line[hunk.start:hunk.end]))
    elif hunk.start < count and base.regions[base.region_of_line[hunk.start]].start == hunk.start \
            and base.regions[base.region_of_line[hunk.start]].section >= 0:
        found = [base.region_of_line[hunk.start]]  # lines inserted right before a paragraph item
    elif hunk.start > 0:
        found = [base.region_of_line[min(hunk.start, count) - 1]]  # appended to the item above
    else:
        return None
    return found if all(base.regions[r].section >= 0 for r in found) else None


def _runs(base: BaseIndex, touched: Sequence[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for r_index in touched:
        if runs and runs[-1][-1] + 1 == r_index and base.regions[r_index].section == base.regions[runs[-1][-1]].section:
            runs[-1].append(r_index)
        else:
            runs.append([r_index])
    return runs


def _fragment(base: BaseIndex, start: int, end: int, hunks: Sequence[Hunk], indent: int,
              path: str) -> list[Paragraph] | None:
    """Parse the new text of lines [start, end) as a standalone YAML sequence of paragraphs."""
    new: list[str] = []
    at = start
    for hunk in sorted(hunks, key=lambda h: (h.start, h.end)):
        if hunk.start < at:
            return None
        new.extend(base.lines[at:hunk.start])
        new.extend(hunk.lines)
        at = hunk.end
    new.extend(base.lines[at:end])
    data = _items(new, indent, path)
    if data is None:
        return None
    check = schema.definition_check(FileKind.DOCUMENT, "paragraph")
    if not all(check(item) for item in data):
        return None
    return [paragraph_record(item) for item in data]


def _items(lines: list[str], indent: int, path: str) -> list[Any] | None:
    """The paragraph items of whole lines at column `indent`, as the file's parse reads them; None when they might
    read otherwise in the file, or do not read as a list of mappings."""
    data = read_items(lines, indent)  # the documents' own layout, read without libyaml
    if data is not None:
        # What libyaml would refuse is refused the same: every line stands at `indent` or right of it here.
        joined = "".join(lines)
        return data if len(joined) - indent * len(lines) <= MAX_FRAGMENT and plain_lines(joined) else None
    text = dedent(lines, indent)
    if text == "":
        return []  # the items were deleted
    if text is None or len(text) > MAX_FRAGMENT or not plain_lines(text):
        return None
    try:
        found = load_yaml(text, path, positions=False).data
    except YamlError:
        return None
    return found if isinstance(found, list) and all(isinstance(item, dict) for item in found) else None


def _rebuild(document: Document, runs: Sequence[Run]) -> Document:
    sections = list(document.sections)
    for run in reversed(runs):  # from the end, so that the indexes of earlier runs still hold
        paragraphs = sections[run.section].paragraphs
        sections[run.section] = replace(sections[run.section],
                                        paragraphs=paragraphs[:run.first] + run.new + paragraphs[run.end:])
    return replace(document, sections=tuple(sections))


def _replaced(base: BaseIndex, run: Run) -> tuple[Paragraph, ...]:
    return base.document.sections[run.section].paragraphs[run.first:run.end]


def _valid(base: BaseIndex, runs: Sequence[Run]) -> bool:
    """What rules.check would say about the head, given that the base passed it: unique ids, resolving references.

    Only the runs are looked at: every other paragraph is the base's own, already checked with it.
    """
    counts = {run.section: len(base.document.sections[run.section].paragraphs) for run in runs}
    for run in runs:
        counts[run.section] += len(run.new) - (run.end - run.first)
    if any(count == 0 and base.document.sections[s_index].paragraphs for s_index, count in counts.items()):
        return False  # `paragraphs:` left without items reads as null, which the schema refuses
    gone = {p.id for run in runs for p in _replaced(base, run)}
    ids = [p.id for run in runs for p in run.new]
    added = set(ids)
    sections = {s.id for s in base.document.sections}
    if len(added) != len(ids) or any(pid in base.positions and pid not in gone for pid in added):
        return False  # an id twice
    if not sections.isdisjoint(added) or not sections.isdisjoint(base.positions):
        return False  # a paragraph with the id of a section
    removed = gone - added
    if removed & base.referenced:
        return False
    own = base.document.id
    for run in runs:
        for paragraph in run.new:
            for ref in paragraph.references:
                doc, _, target = ref.partition("#")
                if doc != own and target not in base.targets.get(doc, frozenset()):
                    return False
                if doc == own and target not in sections and target not in added and (
                        target not in base.positions or target in removed):
                    return False
    return True


def patched_diff(base: BaseIndex, patched: Patched) -> DocumentDiff:
    """diff_documents(base.document, patched.document), looking only at the paragraphs of the runs."""
    old, new = base.document, patched.document
    before: dict[str, int] = {}  # paragraph id -> the run it was in, and is in
    after: dict[str, int] = {}
    for k, run in enumerate(patched.runs):
        before.update((p.id, k) for p in _replaced(base, run))
        after.update((p.id, k) for p in run.new)
    if any(before.get(pid, k) != k for pid, k in after.items()):
        return _whole(base, new)  # a paragraph left one run for another: it moved
    for run in patched.runs:
        if [p.id for p in _replaced(base, run) if p.id in after] != [p.id for p in run.new if p.id in before]:
            return _whole(base, new)  # reordered within the run: moved
    renumbered = before.keys() != after.keys()
    kinds = any(base.positions[p.id][1].kind != p.kind for run in patched.runs for p in run.new if p.id in before)
    old_numbers = base.numbers
    new_numbers = _run_numbers(base, patched) if renumbered or kinds else old_numbers
    changes: list[ParagraphChange] = []
    for run in patched.runs:
        section = old.sections[run.section].id
        for paragraph in run.new:
            pid = paragraph.id
            if pid not in before:
                changes.append(ParagraphChange(id=pid, change=ChangeKind.ADDED, section=section,
                                               new_number=new_numbers.get(pid), new=paragraph))
                continue
            previous = base.positions[pid][1]
            if previous is paragraph or previous == paragraph:
                continue
            change = _modified(pid, section, previous, paragraph, old_numbers, new_numbers)
            if change is not None:
                changes.append(change)
    for run in patched.runs:
        section = old.sections[run.section].id
        changes.extend(ParagraphChange(id=p.id, change=ChangeKind.REMOVED, section=section, old_section=section,
                                       old_number=old_numbers.get(p.id), old=p)
                       for p in _replaced(base, run) if p.id not in after)
    touched = {c.section for c in changes}
    return DocumentDiff(new.id, tuple(changes), tuple(s.id for s in new.sections if s.id in touched),
                        meta_changes(old, new))


def _whole(base: BaseIndex, new: Document) -> DocumentDiff:
    """diff_documents(base.document, new), with what the base's index knows already."""
    return diff_documents(base.document, new, old_at=base.positions, old_numbers=base.numbers)


def _run_numbers(base: BaseIndex, patched: Patched) -> dict[str, str]:
    """What patched.document.numbers() gives for the paragraphs of the runs (the only ones a diff numbers anew):
    the base's count of each format before a run, what earlier runs added or took away, and the run's own."""
    document = base.document
    shift: dict[str, int] = {}
    numbers: dict[str, str] = {}
    for run in patched.runs:
        start = base.flat[run.section, run.first]
        own: dict[str, int] = {}
        for paragraph in run.new:
            fmt = document.number_format(paragraph.kind)
            if not fmt:
                numbers[paragraph.id] = ""
                continue
            own[fmt] = own.get(fmt, 0) + 1
            count = (base.before[fmt][start] if fmt in base.before else 0) + shift.get(fmt, 0) + own[fmt]
            numbers[paragraph.id] = fmt.replace("{n}", str(count))
        for paragraph in _replaced(base, run):
            fmt = document.number_format(paragraph.kind)
            if fmt:
                shift[fmt] = shift.get(fmt, 0) - 1
        for fmt, count in own.items():
            shift[fmt] = shift.get(fmt, 0) + count
    return numbers


def _modified(pid: str, section: str, previous: Paragraph, paragraph: Paragraph, old_numbers: Mapping[str, str],
              new_numbers: Mapping[str, str]) -> ParagraphChange | None:
    old_content = previous.content()
    fields = tuple(k for k, v in paragraph.content().items() if old_content[k] != v)
    if not fields:
        return None
    return ParagraphChange(id=pid, change=ChangeKind.MODIFIED, section=section, old_section=section,
                           old_number=old_numbers.get(pid), new_number=new_numbers.get(pid), fields=fields,
                           moved=False, redline=redline(previous.text, paragraph.text) if "text" in fields else (),
                           old=previous, new=paragraph)
