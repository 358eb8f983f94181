"""The demo's conference week (Lausanne, 23-27 November 2020), in the same scratch repository.

The Presidency takes the consolidated version into main and issues Rev.1, brackets and all. New Zealand, which
facilitates universalization, releases a facilitator's text for paragraph 5 (an input credited to it) and records
its paragraphs agreed ad referendum; the Presidency cleans the remaining brackets in Rev.2, the plenary agrees every
paragraph, and the Review Document is adopted. Kenya puts an explanation of position on the record, triaged as the
bot would, and the final report is written in every language whose adopted text is completely translated.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from msgspec import Struct

from ccmflow.compare.diff import diff_documents
from ccmflow.compare.redline import redline_html
from ccmflow.conference.adopt import adopt
from ccmflow.conference.counts import state, status_changes
from ccmflow.conference.mark import mark
from ccmflow.conference.revisions import PaperKind, issue_paper, issue_revision
from ccmflow.core.agreement import ParagraphStatus
from ccmflow.core.inputfile import Channel, InputKind, PositionKind
from ccmflow.core.model import Account, Document
from ccmflow.core.submissions import Source, SubmissionLog
from ccmflow.demo.script import DOCUMENT, ZONE, cest
from ccmflow.propose.build import Proposal, build
from ccmflow.repo import prinput
from ccmflow.repo.branches import commit_on_new_branch
from ccmflow.repo.releases import advance_branch
from ccmflow.repo.statusref import read_status
from ccmflow.repo.store import Store
from ccmflow.report.content import build_report, languages
from ccmflow.report.render import html as report_html
from ccmflow.report.render import markdown as report_markdown
from ccmflow.report.word import report_docx
from ccmflow.triage import decide as triage
from ccmflow.write.render import render_html

CONSOLIDATED = f"consolidate/{DOCUMENT}/consolidated"
FACILITATOR = "new-zealand"  # facilitates the introduction and universalization (documents/stakeholders.yaml)
POSITION_NUMBER = 9


class Week(Struct, frozen=True):
    """What the conference week of the demo made: its outputs and the facts the demo reports."""

    outputs: list[tuple[str, Path]]
    facts: dict[str, object]


def _account(store: Store, stakeholder: str) -> Account:
    found = store.require("HEAD").registry.get(stakeholder)
    assert found is not None and found.accounts, stakeholder
    return found.accounts[0]


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _propose(store: Store, proposal: Proposal, input_id: str, branch: str) -> str:
    base = store.commit("HEAD").id
    workspace = store.require(base)
    document = workspace.documents[proposal.document]
    made = build(workspace, store.text(base, document.path) or "", proposal, input_id)
    return commit_on_new_branch(store, base, dict(made.files), made.summary + "\n", branch)


def _clean_brackets(store: Store) -> str:
    """The Presidency's edits for Rev.2: every remaining [number] replaced by the confirmed figure."""
    base = store.commit("HEAD").id
    document = store.require(base).documents[DOCUMENT]
    text = (store.text(base, document.path) or "").replace("[number]", "12")
    return commit_on_new_branch(store, base, {document.path: text}, "Rev.2: figures confirmed\n",
                                "presidency/rev-2")


def conference_week(store: Store, out: Path) -> Week:
    presidency = _account(store, "switzerland")
    facilitator = _account(store, FACILITATOR)
    folder = out / "conference"
    # Monday: the consolidated version, taken into main, is issued as Rev.1 (its placeholders still bracketed).
    advance_branch(store, "main", f"refs/heads/{CONSOLIDATED}")
    rev1, _ = issue_revision(store, DOCUMENT, cest(11, 23, 18), presidency.login)
    first = store.document(f"refs/tags/{DOCUMENT}/{rev1.version}", DOCUMENT)
    brackets_rev1 = state(first, read_status(store, DOCUMENT)).brackets
    # Tuesday: New Zealand's facilitator's text on universalization, an input credited to it, taken into main.
    paragraph = first.paragraph("pkp3nvcv")
    assert paragraph is not None
    text = paragraph.text.replace("[number]", "12", 1).replace("[number]", "112", 1)
    branch = _propose(store, Proposal(document=DOCUMENT, kind=InputKind.AMEND, on_behalf_of=(FACILITATOR,),
                                      paragraph="pkp3nvcv", text=text, channel=Channel.EMAIL,
                                      justification="Facilitator's text: the figures agreed in informal "
                                                    "consultations on universalization."),
                      "new-zealand-facilitators-text", "facilitators/universalization")
    paper = issue_paper(store, DOCUMENT, PaperKind.FACILITATORS_TEXT, branch, "Universalization, paragraph 5",
                        facilitator.login, cest(11, 24, 12))
    advance_branch(store, "main", branch)
    for name in ("5", "6"):
        mark(store, DOCUMENT, name, ParagraphStatus.AGREED_AD_REF, login=facilitator.login, user_id=facilitator.id,
             at=cest(11, 24, 16))
    # Wednesday: the Presidency cleans the remaining brackets; Rev.2.
    advance_branch(store, "main", _clean_brackets(store))
    rev2, _ = issue_revision(store, DOCUMENT, cest(11, 25, 18), presidency.login)
    second = store.document(f"refs/tags/{DOCUMENT}/{rev2.version}", DOCUMENT)
    # Thursday: the plenary agrees every paragraph (those agreed ad referendum are confirmed).
    for _, p in second.walk():
        mark(store, DOCUMENT, p.id, ParagraphStatus.AGREED, login=presidency.login, user_id=presidency.id,
             at=cest(11, 26, 11))
    ad_ref = sum(1 for e in read_status(store, DOCUMENT).entries if e.status is ParagraphStatus.AGREED_AD_REF)
    # Friday: adoption, then Kenya's explanation of position on paragraph 11, then the final report.
    adopt(store, DOCUMENT, login=presidency.login, user_id=presidency.id, at=cest(11, 27, 12))
    position, triage_md = _position(store, cest(11, 27, 15))
    advance_branch(store, "main", position)
    outputs = _outputs(store, folder, first, second, rev1.version, rev2.version, triage_md)
    outputs += _report(store, out / "report")
    return Week(outputs, {"rev1": rev1.symbol, "rev1_brackets": brackets_rev1, "rev2": rev2.symbol,
                          "paper": paper.name, "ad_ref": ad_ref, "adopted": True})


def _position(store: Store, at: datetime) -> tuple[str, str]:
    """Kenya's explanation of position, as a pull request the bot triages; its head and the bot's comment."""
    kenya = _account(store, "kenya")
    branch = _propose(store, Proposal(
        document=DOCUMENT, kind=InputKind.POSITION, on_behalf_of=("kenya",), position=PositionKind.EXPLANATION,
        cites=("11",), remark="Kenya joins the consensus. It would have preferred paragraph 11 to recognise the "
                              "assistance needed by States that have not yet completed stockpile destruction."),
        "kenya-explanation-of-position", "input/review-document/kenya-explanation-of-position")
    # Triaged as the bot would on its pull request; the Presidency then takes the record into main (below), where
    # the report reads it. (No refs/pull ref: the scratch repository's inputs are May's.)
    base = store.commit("HEAD").id
    content = prinput.read_pull(store, base, branch)
    facts = triage.PullFacts(number=POSITION_NUMBER, author_id=kenya.id, author_login=kenya.login, head_sha=branch,
                             received=at, source=Source.PR_CREATED)
    decision = triage.decide(store.require(base), content, facts, SubmissionLog(POSITION_NUMBER), at)
    return branch, "\n".join([f"# pr-{POSITION_NUMBER}: Kenya's explanation of position", "",
                              f"**Labels:** {', '.join(sorted(decision.labels))}", "", decision.body, ""])


def _outputs(store: Store, folder: Path, first: Document, second: Document, v1: str, v2: str,
             triage_md: str) -> list[tuple[str, Path]]:
    workspace = store.require("HEAD")
    conf = workspace.process.conference
    book = read_status(store, DOCUMENT)
    before, after = (datetime.fromisoformat(d.issued[v]).replace(tzinfo=ZONE) for d, v in ((first, v1), (second, v2)))
    changed = status_changes(book, first, second, before, after)
    adopted = store.document(f"refs/tags/{DOCUMENT}/adopted", DOCUMENT)
    return [
        ("Rev.1, brackets marked (HTML)", _write(folder / f"{DOCUMENT}-rev-1.html", render_html(
            first, conf.name, workspace.process.version_name(v1), conference=conf))),
        ("redline Rev.1 → Rev.2, statuses changed marked (HTML)", _write(folder / f"{DOCUMENT}-rev-1-rev-2.html",
         redline_html(diff_documents(first, second), first, second, "Rev.1", "Rev.2", statuses=changed))),
        ("paragraph statuses at adoption (JSON)", _write(folder / f"{DOCUMENT}-status.json", json.dumps(
            state(adopted, book).as_json(), indent=2, ensure_ascii=False))),
        ("the bot's answer to Kenya's explanation of position", _write(folder / f"pr-{POSITION_NUMBER}.md",
                                                                      triage_md)),
    ]


def _report(store: Store, folder: Path) -> list[tuple[str, Path]]:
    made: list[tuple[str, Path]] = []
    for lang in languages(store):
        report = build_report(store, lang)
        made += [(f"final report ({lang}, Word)", _write(folder / f"report-{lang}.docx", report_docx(report))),
                 (f"final report ({lang}, HTML)", _write(folder / f"report-{lang}.html", report_html(report))),
                 (f"final report ({lang}, Markdown)", _write(folder / f"report-{lang}.md", report_markdown(report)))]
    return made
