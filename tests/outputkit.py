"""What each output states about each input, read back from the output itself.

Every reader here takes an output as people get it (the bot's comment, the summary in Markdown and JSON, the
compilation text in Markdown, HTML and Word, the freeze manifest, the register, the trace, the Word redline,
the site's pages) and says, per input, what it credits, when it says the input was received, its verdict, what it
asks for and why. A field an output does not state is None. Word files are opened with python-docx, pages are
parsed as HTML; nothing is compared with the code that wrote them.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml.ns import qn

from ccmflow.core.inputfile import InputKind
from ccmflow.core.status import Verdict

LABELS = {v.label: v for v in Verdict}
_SPLIT = re.compile(r", | and ")


def norm(text: str) -> str:
    """Text as a reader sees it: entities decoded, invisible joiners gone, white space folded."""
    return " ".join(html.unescape(text).replace("\u2060", "").split())


@dataclass
class Seen:
    """What one output states about one input (None: it does not say)."""

    credit: tuple[str, ...] | None = None  # names, the lead first
    received: str | None = None  # as written by the output
    verdict: Verdict | None = None
    kinds: set[InputKind] | None = None
    justification: set[str] | None = None  # each justification the output gives (folded)


@dataclass
class Outputs:
    """Output name -> input name -> what that output states."""

    seen: dict[str, dict[str, Seen]] = field(default_factory=dict)

    def add(self, output: str, name: str) -> Seen:
        return self.seen.setdefault(output, {}).setdefault(name, Seen())


def names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in _SPLIT.split(norm(text)) if n.strip())


# The bot's status comment ------------------------------------------------------------------------------------

_HEAD = re.compile(r"## Input from (.+?): pull request #(\d+)")
_COUNTS = re.compile(r"\| `[0-9a-f]{7}` \| ([^|]+?)(, attested)? \| [^|]*counts \|")
_JUSTIFIED = re.compile(r"^- Justification: “(.*)”$", re.MULTILINE)


def comment(outputs: Outputs, name: str, body: str) -> None:
    seen = outputs.add("bot comment", name)
    head = _HEAD.search(body)
    assert head is not None, body[:500]
    seen.credit = names(head.group(1))
    counts = _COUNTS.search(body)
    seen.received = norm(counts.group(1)) if counts else None
    if "Received before the window opened" in body:
        seen.verdict = Verdict.EARLY
    elif "**Received after the deadline and accepted by the Presidency.**" in body:
        seen.verdict = Verdict.LATE_ACCEPTED
    elif "**Received on time" in body:  # "on time", or "on time, but changed after the deadline"
        seen.verdict = Verdict.ON_TIME
    elif "**Received after the deadline.**" in body:
        seen.verdict = Verdict.LATE
    kinds: set[InputKind] = set()
    for line in body.splitlines():
        line = norm(line)
        if line.startswith("- General remark on"):
            kinds.add(InputKind.REMARK)
        elif line.startswith("- new paragraph"):
            kinds.add(InputKind.INSERT)
        elif line.startswith("- paragraph") and line.endswith("deleted"):
            kinds.add(InputKind.DELETE)
        elif line.startswith("- paragraph") and ("amended" in line or line.endswith("changed")):
            kinds.add(InputKind.AMEND)
    seen.kinds = kinds
    seen.justification = {norm(j) for j in _JUSTIFIED.findall(body)}


# The consolidation summary -----------------------------------------------------------------------------------

def summary_json(outputs: Outputs, data: Mapping[str, object]) -> None:
    sections = data["sections"]
    assert isinstance(sections, list)
    for section in sections:
        for entry in section["inputs"]:
            seen = outputs.add("summary (JSON)", entry["input"])
            seen.credit = names(entry["delegation"])
            seen.received = norm(entry["received"]) if entry["received"] else None
            seen.verdict = Verdict(entry["timing"])
            seen.kinds = (seen.kinds or set()) | {k for k, key in ((InputKind.AMEND, "amends"),
                                                                   (InputKind.INSERT, "inserts"),
                                                                   (InputKind.DELETE, "deletes")) if entry[key]}
            seen.justification = {norm(entry["justification"])} if entry["justification"] else set()
        for remark in section["general_remarks"]:
            seen = outputs.add("summary (JSON)", remark["input"])
            seen.kinds = (seen.kinds or set()) | {InputKind.REMARK}
            seen.verdict = Verdict(remark["timing"])
            seen.credit = names(remark["delegation"])


_ROW = re.compile(r"^\| #\u2060?(\d+) \| (.*?) \| .*? \| .*? \| .*? \| (.*?) \| \*\*.*?\*\*(?:: (.*?))? \|$")


def summary_markdown(outputs: Outputs, text: str) -> None:
    for line in text.splitlines():
        match = _ROW.match(line)
        if match is None:
            continue
        number, who, timing, justification = match.groups()
        seen = outputs.add("summary (Markdown)", f"pr-{number}")
        who = re.sub(r" \((State Party|Signatory State|Observer State|International organisation|Civil society|"
                     r"Presidency|Implementation Support Unit)\)", "", norm(who.split("; proposed")[0]))
        seen.credit = names(who)
        label = norm(timing).split(" (")[0].split(";")[0]
        seen.verdict = LABELS[label]
        seen.justification = {norm(justification.split(" ⚠ ")[0])} if justification else set()


# The compilation text ----------------------------------------------------------------------------------------

_MARKS = (" (late)", " (late, accepted)", " (unverified)")


def _sponsor(text: str) -> str:
    text = norm(text)
    for mark in _MARKS:
        text = text.removesuffix(mark)
    return text


def compilation_lines(outputs: Outputs, output: str, lines: Iterable[str]) -> None:
    """Lines of a compilation text: '[Alt 1 (Austria): ...]', '[Deletion proposed by Chile]', 'Justification
    (Kenya): ...', 'Mexico: “...”' for a remark; keyed by sponsor, as the text attributes them."""
    for raw in lines:
        line = norm(raw).strip("[]")
        found: tuple[str, InputKind | None, str | None] | None = None
        if m := re.match(r"Alt \d+ \((.+?)\): ", line):
            found = (m.group(1), InputKind.AMEND, None)
        elif m := re.match(r"New paragraph proposed by (.+?): ", line):
            found = (m.group(1), InputKind.INSERT, None)
        elif m := re.match(r"Deletion proposed by (.+?)$", line):
            found = (m.group(1), InputKind.DELETE, None)
        elif m := re.match(r"\*?Justification \((.+?)\):\*? (.+)$", line):
            found = (m.group(1), None, m.group(2))
        elif m := re.match(r"- (.+?): “(.+)”$", line) or re.match(r"^(.+?): “(.+)”$", line):
            found = (m.group(1), InputKind.REMARK, None)
        if found is None:
            continue
        who, kind, why = found
        for sponsor in who.split("; "):  # several inputs' sponsors are apart by semicolons
            seen = outputs.add(output, _sponsor(sponsor))
            if kind is not None:
                seen.kinds = (seen.kinds or set()) | {kind}
            if why is not None:
                seen.justification = (seen.justification or set()) | {norm(why)}


def compilation_docx(outputs: Outputs, data: bytes) -> None:
    word = docx.Document(io.BytesIO(data))
    lines = [p.text for p in word.paragraphs]
    lines += [p.text for table in word.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    compilation_lines(outputs, "compilation (Word)", lines)


class _Text(HTMLParser):
    """The text of a page, block by block (a div, a list item, a paragraph, a table cell)."""

    BLOCKS = frozenset({"div", "li", "p", "td", "th", "tr", "h1", "h2", "h3", "h4", "br"})

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = [""]
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.blocks.append("")
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.blocks.append("")
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self.blocks[-1] += data
        if self._cell is not None:
            self._cell.append(data)


def page(text: str) -> _Text:
    parsed = _Text()
    parsed.feed(text)
    return parsed


def compilation_html(outputs: Outputs, text: str, output: str = "compilation (HTML)") -> None:
    compilation_lines(outputs, output, page(text).blocks)


def compilation_markdown(outputs: Outputs, text: str) -> None:
    lines: list[str] = []
    for line in text.splitlines():
        if line.startswith("|"):
            cell = line.strip().strip("|").split(" | ")[-1]  # the text and proposals, after the number
            lines += [part.strip() for part in cell.split("<br><br>")]
        else:
            lines.append(line)
    compilation_lines(outputs, "compilation (Markdown)", lines)


# The register, the freeze manifest, the trace, the Word redline ------------------------------------------------

def register(outputs: Outputs, entries: Iterable[object], registry_names: Mapping[str, str],
             output: str = "register") -> None:
    for d in entries:
        seen = outputs.add(output, d.input)  # type: ignore[attr-defined]
        lead, joint = d.stakeholder, d.joint  # type: ignore[attr-defined]
        seen.credit = tuple(registry_names.get(i, i) for i in ((lead, *joint) if lead else joint))
        seen.received = d.received  # type: ignore[attr-defined]
        seen.verdict = Verdict(d.timing) if d.timing else None  # type: ignore[attr-defined]
        seen.kinds = {InputKind(k) for k in d.kinds}  # type: ignore[attr-defined]
        why = d.justification  # type: ignore[attr-defined]
        seen.justification = {norm(why)} if why else set()


def manifest(outputs: Outputs, data: Mapping[str, object], registry_names: Mapping[str, str]) -> None:
    for item in data["inputs"]:  # type: ignore[attr-defined]
        record = item.get("record")
        assert record is not None, item
        seen = outputs.add("freeze manifest", record["name"])
        seen.credit = tuple(registry_names.get(i, i) for i in record["delegations"])
        counted = next(v for v in record["versions"] if v["sha"] == record["counted"])
        seen.received = counted["received"]
        seen.verdict = Verdict(record["verdict"])
        seen.kinds = {InputKind(c["kind"]) for c in record["changes"]}
        seen.justification = {norm(record["justification"])} if record["justification"] else set()


def trace(outputs: Outputs, rows: Iterable[object]) -> None:
    for row in rows:
        inputs = row.inputs  # type: ignore[attr-defined]
        if len(inputs) == 1:  # a paragraph from one input: its delegations are that input's
            outputs.add("trace", inputs[0]).credit = tuple(row.delegations)  # type: ignore[attr-defined]


def redline_docx(outputs: Outputs, path: Path, behind: Mapping[str, str]) -> None:
    """Each tracked change's author and date, for paragraphs that came from one input (`behind`: paragraph id ->
    input name); bookmarks name the paragraphs."""
    word = docx.Document(str(path))
    for paragraph in word.element.body.iter(qn("w:p")):
        start = paragraph.find(qn("w:bookmarkStart"))
        if start is None:
            continue
        pid = next((p for p in behind if (start.get(qn("w:name")) or "").endswith(p.replace("-", ""))), None)
        marks = [el for el in paragraph if el.tag in (qn("w:ins"), qn("w:del"))]
        if pid is None or not marks:
            continue
        seen = outputs.add("redline (Word)", behind[pid])
        seen.credit = names(marks[0].get(qn("w:author")) or "")
        seen.received = marks[0].get(qn("w:date"))


# The site -------------------------------------------------------------------------------------------------------

def site_inputs(outputs: Outputs, text: str) -> None:
    """The inputs page's per-section tables: input, delegation, changes, timing, justification and notes."""
    for row in page(text).rows:
        if len(row) != 6 or not row[0].startswith("pr-"):
            continue
        name, who, changes, timing, justification, _ = (norm(c) for c in row)
        seen = outputs.add("site (inputs)", name)
        category = re.search(r" (State Party|Signatory State|Observer State|International organisation|Civil "
                             r"society|Implementation Support Unit|Presidency)$", who)
        seen.credit = names(who[: category.start()] if category else who)
        label = next(label for label in sorted(LABELS, key=len, reverse=True) if timing.startswith(label))
        seen.verdict = LABELS[label]
        seen.received = norm(timing[len(label):]) or None
        kinds = {InputKind.AMEND: "amends", InputKind.INSERT: "inserts", InputKind.DELETE: "deletes",
                 InputKind.REMARK: "remarks on"}
        seen.kinds = (seen.kinds or set()) | {k for k, word in kinds.items() if changes.startswith(word)
                                              or f"; {word}" in changes}
        seen.justification = (seen.justification or set()) | ({justification} if justification else set())


def site_register(outputs: Outputs, text: str) -> None:
    for row in page(text).rows:
        if len(row) != 7 or not row[0].startswith("pr-"):
            continue
        seen = outputs.add("site (register)", norm(row[0]))
        seen.credit = names(norm(row[1]).split(" (proposed")[0])
        seen.verdict = LABELS[norm(row[3])]


def when(value: datetime, zone: str, *, attested_by: str | None = None) -> str:
    """A receipt as the summary and the comment write it."""
    from ccmflow.core.status import format_instant

    text = format_instant(value, zone)
    return f"{text}, by {attested_by}, as attested" if attested_by else text
