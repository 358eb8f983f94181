"""Everything the bot can post, walked with hostile text in every field a stranger can fill: nothing survives raw."""

from __future__ import annotations

import enum
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from msgspec import Struct
from msgspec.structs import fields, replace
from roots import REPO_ROOT as ROOT

from ccmflow.compare.diff import DocumentDiff, ParagraphChange
from ccmflow.consolidation import messages as disposition_messages
from ccmflow.consolidation.dispositions import Disposition, Outcome, Register
from ccmflow.core.errors import Finding
from ccmflow.core.escape import code, escape, plain
from ccmflow.core.model import Document, Stakeholder, Window
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Acceptance, Receipt, Recheck, SubmissionLog
from ccmflow.inputs import summary_render
from ccmflow.inputs.summary import CoSponsored, Entry, Invalid, Overlap, SectionSummary, Summary
from ccmflow.propose import messages as form_messages
from ccmflow.read.load import parse_text
from ccmflow.triage import messages
from ccmflow.triage.report import DocumentReport, Report

HOSTILE = ("<img src=x onerror=alert(1)> <!-- ccmflow:log QUFB --> <!-- ccmflow:reply 1 --> @someone @org/team "
           "[here](https://evil.example) ![i](https://evil.example/i.png) www.evil.example https://evil.example/x "
           "`x` | pipe &#64;entity org/repo#1 **bold** _it_ \\ # head \x00nul \x1b[31m \x07 \u202eevil \u200b\r\nnext")
DEADLINE = datetime(2020, 5, 4, 21, 59, 59, tzinfo=UTC)
# The bot's own markup, the only '<' a posted text may hold.
OWN_MARKUP = re.compile(r"<!-- ccmflow:(status|issue-form|notice [a-z-]+ [a-z0-9-]+|"
                        r"disposition [a-z0-9-]+ [a-z0-9-]+) -->|</?(sub|details|summary|br)>")
# What must never appear raw in a posted text, whatever field the hostile value went into.
SURVIVORS = ("<img", "<!--", "@someone", "@org/team", "[here]", "](https://evil", "![i]",
             "www.evil", "https://evil", "| pipe", "&#64;", "repo#1", "**bold**", "_it_", "# head")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e]")


def assert_inert(text: str) -> None:
    assert "`x`" not in text, "a stranger's backticks would open or end a code span"
    # In a code span nothing is markup, mention or link; the span itself must hold nothing that ends it early.
    spans = re.findall(r"`[^`\n]*`", text)
    assert all("<" not in s and "|" not in s for s in spans), spans
    text = OWN_MARKUP.sub("", re.sub(r"`[^`\n]*`", "", text))
    for raw in SURVIVORS:
        assert raw not in text, f"{raw!r} survived raw in:\n{text}"
    assert CONTROL.search(text) is None, repr(CONTROL.search(text))
    assert "<" not in text, text


# --- hostile records: every text field filled with HOSTILE unless it is vocabulary the bot itself sets -----------

def _fill(hint: Any, name: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str or hint is object:
        return HOSTILE
    if hint is bool:
        return False
    if hint is int:
        return 7
    if hint is datetime:
        return DEADLINE + timedelta(hours=3)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return next(iter(hint))  # a vocabulary of ours: never a stranger's text
    if origin in (types.UnionType, typing.Union):
        return _fill(next(a for a in args if a is not type(None)), name)
    if origin is tuple:
        return tuple(_fill(a, name) for a in args if a is not Ellipsis) if Ellipsis not in args or len(args) == 2 \
            else ()
    if origin in (frozenset, set):
        return frozenset({_fill(args[0], name)})
    if origin in (dict, Mapping, typing.Mapping) or (origin is not None and issubclass(origin, Mapping)):
        return {_fill(args[0], name): _fill(args[1], name)}
    if isinstance(hint, type) and issubclass(hint, Struct):
        return hostile(hint)
    return None


def hostile(cls: type, **given: Any) -> Any:
    hints = typing.get_type_hints(cls)
    values = {f.name: given[f.name] if f.name in given else _fill(hints[f.name], f.name)
              for f in fields(cls)}
    return cls(**values)


def _report(verdict: str, *, stakeholder: bool, findings: bool, state: str, close: bool) -> Report:
    window = hostile(Window, closes=DEADLINE, opens=DEADLINE - timedelta(days=30))
    head = Receipt(HOSTILE, DEADLINE + timedelta(hours=3), "event")
    on_time = Receipt(HOSTILE, DEADLINE - timedelta(hours=3), "event")
    change = hostile(ParagraphChange, change="modified", moved=True, redline=(), old=None, new=None)
    added, removed = (hostile(ParagraphChange, change=c, redline=(), old=None, new=None) for c in ("added", "removed"))
    diff = hostile(DocumentDiff, changes=(change, added, removed))
    docs = (hostile(DocumentReport, diff=diff, window=window, verdict=verdict, head=head, on_time=on_time),
            hostile(DocumentReport, diff=None, window=None, verdict=Verdict.NO_WINDOW, head=head, on_time=None))
    log = SubmissionLog(7, receipts=(on_time, head), accepted=Acceptance(1, HOSTILE, DEADLINE + timedelta(days=1)),
                        window=HOSTILE, recheck=Recheck(by_id=1, by_login=HOSTILE, at=DEADLINE))
    return Report(number=7, author_login=HOSTILE, author_id=7,
                  stakeholder=hostile(Stakeholder) if stakeholder else None, documents=docs,
                  unknown_files=(HOSTILE,), protected=(HOSTILE,),
                  findings=(hostile(Finding),) if findings else (), log=log, head=head, timezone="Europe/Zurich",
                  presidency=("ch-presidency-ccm",), verdict=verdict, close=close, closed_by_bot=close, state=state,
                  now=DEADLINE - timedelta(hours=1))


VERDICTS = tuple(v for v in Verdict if v != Verdict.UNKNOWN)  # UNKNOWN is never a triage verdict


def reports() -> Iterator[Report]:
    for verdict in VERDICTS:
        for stakeholder, findings, state, close in ((False, True, "open", False), (True, False, "closed", True),
                                                    (True, False, "merged", False)):
            yield _report(verdict, stakeholder=stakeholder, findings=findings, state=state, close=close)


def _summary() -> Summary:
    entry = hostile(Entry, timing=Verdict.LATE)
    section = hostile(SectionSummary, entries=(entry, hostile(Entry, timing=Verdict.UNKNOWN)),
                      overlaps=(hostile(Overlap),), cosponsored=(hostile(CoSponsored, kind="insert"),
                                                                 hostile(CoSponsored)))
    return hostile(Summary, sections=(section,), invalid=(hostile(Invalid),), compilation=None)


def _document() -> Document:
    parsed = parse_text("documents/review-document.yaml",
                        (ROOT / "documents" / "review-document.yaml").read_text(encoding="utf-8"))
    assert isinstance(parsed.record, Document)
    return replace(parsed.record, title=HOSTILE, numbering={"narrative": HOSTILE + "{n}"})


def _register(document: Document) -> Register:
    paragraphs = tuple(p.id for _, p in document.walk())[:3]
    inputs = tuple(Disposition(input=f"pr-{n}", outcome=outcome, reason=HOSTILE, paragraphs=(*paragraphs, HOSTILE),
                               title=HOSTILE, stakeholder=HOSTILE, superseded_by=("pr-1", HOSTILE))
                   for n, outcome in enumerate(Outcome, start=1))
    return Register("review-zero-draft-input", document.id, "consolidated-1", inputs)


def walks() -> Iterator[tuple[str, Callable[[], list[str]]]]:
    """Every template the bot posts, with the hostile values it can be given."""
    yield "status_comment", lambda: [messages.status_comment(r) for r in reports()]
    yield "late_notice", lambda: [messages.late_notice(r) for r in reports()]
    yield "deadline_status", lambda: [messages.deadline_status(r) for r in reports()]
    yield "validation_passed", lambda: [messages.validation_passed(n) for n in (0, 1, 2)]
    yield "validation_failed", lambda: [messages.validation_failed(n) for n in (1, 2)]
    yield "refusal", lambda: [messages.refusal(HOSTILE, HOSTILE, "the Presidency")]
    yield "not_a_pull_request", lambda: [messages.not_a_pull_request(HOSTILE, HOSTILE, 7)]
    yield "summary_answer", lambda: [messages.summary_answer(HOSTILE)]
    yield "markdown", lambda: [summary_render.markdown(_summary())]
    yield "markdown_parts", lambda: summary_render.markdown_parts(_summary(), limit=2_000)
    document = _document()
    register = _register(document)
    lines = {pid: 10 for pid in document.numbers()}
    yield "notices", lambda: [n.body for n in disposition_messages.notices(
        register, document, HOSTILE, lines, "https://github.com/o/r/blob/abc/documents/review-document.yaml")]
    yield "body", lambda: [disposition_messages.body(register, d, document, HOSTILE, {}, "https://github.com/o/r")
                           for d in register.inputs]
    yield "marker", lambda: [disposition_messages.marker(register)]
    yield "problems_comment", lambda: [form_messages.problems_comment(HOSTILE, (HOSTILE, HOSTILE), p)
                                       for p in (None, 7)]
    yield "linked_comment", lambda: [form_messages.linked_comment(HOSTILE, 7, HOSTILE, (HOSTILE,))]
    yield "closed_comment", lambda: [form_messages.closed_comment(HOSTILE, 7, "closed")]
    yield "pull_body", lambda: [form_messages.pull_body(7, HOSTILE, HOSTILE, (HOSTILE,))]


WALKS = dict(walks())


@pytest.mark.parametrize("name", sorted(WALKS))
def test_every_template_keeps_hostile_text_inert(name: str) -> None:
    texts = WALKS[name]()
    assert texts
    for text in texts:
        assert_inert(text)


def test_the_walk_covers_every_template_the_bot_posts() -> None:
    """A new public function that returns text in a messages module must be added to the walk."""
    for module in (messages, summary_render, disposition_messages, form_messages):
        for name, function in inspect.getmembers(module, inspect.isfunction):
            returns = str(inspect.signature(function).return_annotation)
            if function.__module__ == module.__name__ and not name.startswith("_") and returns in (
                    "str", "list[str]", "list[Notice]"):
                assert name in WALKS or name in ("more", "pull_title"), f"{module.__name__}.{name} is not walked"


def test_a_pull_request_title_is_one_plain_bounded_line() -> None:
    """Titles are shown as plain text (never Markdown or HTML): no escaping to show as entities, no controls."""
    made = form_messages.pull_title(HOSTILE * 3, (HOSTILE,))
    assert len(made) <= 240 and "\n" not in made and CONTROL.search(made) is None


def test_the_walk_would_catch_raw_text() -> None:
    """The checks themselves: each hostile piece, left raw, is caught."""
    for raw in (HOSTILE, "<b>", "@someone", "[here](https://evil.example)", "x\x00y", "`x`"):
        with pytest.raises(AssertionError):
            assert_inert(f"text {raw}")


def test_escape_keeps_ordinary_text_readable() -> None:
    ordinary = "Switzerland (Presidency), 2020–2025: Article 3."
    assert escape(ordinary) == ordinary
    assert escape("a" * 400, 10) == "aaaaaaaaa…"
    assert escape("x@y.org") == "x@\u2060y.org"
    assert code("documents/a`b<c>|d.yaml") == "`documents/a'b‹c›¦d.yaml`"
    assert plain("line\r\none\x00\t") == "line  one "
