"""`ccmflow demo`: the whole drafting process, offline, on the embedded documents, in a scratch repository.

Delegations send inputs at realistic times around the 4 May 2020 deadline (some late, two overlapping on one
paragraph, two identical, one invalid); the bot's triage of each is written out as it would be posted; the
window is frozen; then come the summary, the compilation text, a consolidated version and its redline.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.diff import diff_documents
from ccmflow.compare.redline import diff_markdown, redline_html
from ccmflow.consolidation.consolidate import consolidate
from ccmflow.consolidation.trace import authored
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Stakeholder, Workspace
from ccmflow.core.record import PullState
from ccmflow.core.status import format_instant
from ccmflow.core.submissions import Acceptance, Source, SubmissionLog
from ccmflow.demo.conference import conference_week
from ccmflow.demo.script import DOCUMENT, FREEZE_AT, SCRIPT, SUMMARY_AT, TAKEN, WINDOW, Ids, ScriptedInput, cest
from ccmflow.inputs.collect import collect
from ccmflow.inputs.compile import compile_inputs
from ccmflow.inputs.compile import render_html as compile_html
from ccmflow.inputs.compile import render_markdown as compile_markdown
from ccmflow.inputs.freeze import freeze_report
from ccmflow.inputs.summary import Summary, build
from ccmflow.inputs.summary_render import markdown as summary_markdown
from ccmflow.repo import prinput
from ccmflow.repo.git import Person, commit_everything
from ccmflow.repo.inputref import pull_ref
from ccmflow.repo.ledger import Ledger, LedgerEntry, write_ledger
from ccmflow.repo.release import tag_version
from ccmflow.repo.store import Store
from ccmflow.repo.treeedit import commit_files
from ccmflow.triage import decide as triage
from ccmflow.write.edit import Editor
from ccmflow.write.render import render_html, render_markdown

MARKER = ".ccmflow-demo"
OWN = ("repository", "triage", "summary", "compilation", "consolidated", "redline", "conference", "report", MARKER)
DEFAULT_OUT = Path("ccmflow-demo")


class Output(Struct, frozen=True):
    """One file the demo wrote, and what it is."""

    what: str
    path: Path


class DemoResult(Struct, frozen=True):
    """What a demo run made: the output folder, its files and the facts it reports."""

    out: Path
    outputs: tuple[Output, ...]
    facts: dict[str, object]


def instance_root() -> Traversable:
    """The embedded documents: package data in an installed ccmflow, else the source tree's documents/."""
    packaged = resources.files("ccmflow").joinpath("instance")
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parents[2] / "documents"
    if source.is_dir():
        return source
    raise FatalError("the embedded documents are missing from this installation (ccmflow/instance/)")


def _files(root: Traversable, prefix: str = "documents") -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for item in sorted(root.iterdir(), key=lambda t: t.name):
        if item.is_dir():
            found.update(_files(item, f"{prefix}/{item.name}"))
        elif item.name.endswith((".yaml", ".json")):
            found[f"{prefix}/{item.name}"] = item.read_bytes()
    return found


def prepare(out: Path, force: bool) -> None:
    """Empty the demo's own folders; a non-empty folder that is not a previous demo is refused without --force."""
    if out.exists() and not out.is_dir():
        raise FatalError(f"{out} is a file: choose a folder with --out")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file() and not force:
        raise FatalError(f"{out} is not empty and is not a previous demo's output: choose another folder with "
                         "--out, or add --force to write into it (only the demo's own folders are replaced)")
    for name in OWN:
        path = out / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Output of `ccmflow demo`; the next run replaces it.\n", encoding="utf-8")


def _first_stages(path: Path) -> tuple[Store, str]:
    """The embedded documents, each at its own first stage (the Review Document's zero draft, the Action Plan's
    informal working paper, the Declaration's elements), each tagged as issued on the day its file records."""
    path.mkdir(parents=True, exist_ok=True)
    for rel, data in _files(instance_root()).items():
        target = path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    who = Person.github("ch-presidency-ccm", cest(4, 15, 9))  # the zero draft's circulation (the concept note)
    commit = commit_everything(path, "The outcome documents at their first stages", who)
    store = Store(path)
    store.set_user("ccmflow demo", "demo@ccmflow.invalid")
    workspace = store.require(commit)
    for doc in workspace.process.document_order:
        document = workspace.documents[doc]
        issued = document.issued_at()
        assert issued is not None, f"{doc}: the embedded file records no date of issue for {document.version}"
        name = workspace.process.version_name(document.version)
        tag_version(store, doc, document.version, commit, f"{document.title}: {name}, issued {issued}\n",
                    Person.github("ch-presidency-ccm", cest(issued.month, issued.day, 9)))
    return store, commit


class _Run:
    """The process as it unfolds: inputs arrive, the bot triages each, the window is frozen."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.store, self.base = _first_stages(out / "repository")
        self.workspace: Workspace = self.store.require(self.base)
        document = self.workspace.document(DOCUMENT)
        assert document is not None
        self.path = document.path
        self.zero_text = self.store.text(self.base, self.path) or ""
        self.ids = Ids()
        self.ledger = Ledger()
        self.triage: dict[int, list[str]] = {}
        self.heads: dict[int, list[str]] = {}
        self.freezes: list[bool] = []

    def stakeholder(self, item: ScriptedInput) -> Stakeholder:
        found = self.workspace.registry.get(item.stakeholder)
        assert found is not None and found.accounts
        return found

    def commit(self, item: ScriptedInput, index: int) -> str:
        version = item.versions[index]
        if version.raw is not None:
            text = version.raw(self.zero_text)
        else:
            editor = Editor(self.zero_text, self.path)
            assert version.edit is not None
            version.edit(editor, self.ids)
            text = editor.text
        who = Person.github(self.stakeholder(item).accounts[0].login, version.committed or version.received)
        sha = commit_files(self.store, self.base, {self.path: text.encode("utf-8")}, item.title, author=who)
        self.store.set_ref(pull_ref(item.number), sha, force=True)
        return sha

    def receive(self, item: ScriptedInput, index: int) -> None:
        sha = self.commit(item, index)
        self.heads.setdefault(item.number, []).append(sha)
        received = item.versions[index].received
        self._triage(item, sha, received, Source.PR_CREATED if index == 0 else Source.EVENT,
                     "Opened" if index == 0 else "New version pushed", received)

    def accept(self, item: ScriptedInput, at: datetime) -> None:
        presidency = self.workspace.registry.get("switzerland")
        assert presidency is not None
        account = presidency.accounts[0]
        record = self.ledger.get(item.number)
        assert record is not None
        log = replace(record.log, accepted=Acceptance(account.id, account.login, at))
        self._triage(item, record.head_sha, at, Source.BACKFILL, "Accepted by the Presidency (/ccmflow accept-late)",
                     at, log)

    def _triage(self, item: ScriptedInput, sha: str, received: datetime, source: Source, event: str,
                now: datetime, log: SubmissionLog | None = None) -> None:
        account = self.stakeholder(item).accounts[0]
        record = self.ledger.get(item.number)
        log = log or (record.log if record is not None else SubmissionLog(item.number))
        content = prinput.read_pull(self.store, self.base, sha)
        facts = triage.PullFacts(number=item.number, author_id=account.id, author_login=account.login, head_sha=sha,
                                 received=received, source=source, created=record.created_at if record else received,
                                 title=item.title, body=item.body)
        decision = triage.decide(self.workspace, content, facts, log, now, prinput.pull_reader(self.store, self.base))
        created = record.created_at if record is not None else received
        self.ledger = self.ledger.with_input(LedgerEntry(number=item.number, title=item.title, body=item.body,
                                                         author_id=account.id,
                                                         author_login=account.login,
                                                         created_at=created,
                                                         state=PullState.OPEN,
                                                         head_sha=sha,
                                                         log=decision.log))
        zone = self.workspace.process.conference.timezone
        statuses = "; ".join(f"`{s.context}` {s.state}: {s.description}" for s in decision.statuses)
        self.triage.setdefault(item.number, []).append("\n".join([
            f"## {event}: {format_instant(now, zone)}", "",
            f"**Labels:** {', '.join(f'`{n}`' for n in sorted(decision.labels))}  ",
            f"**Commit statuses on {sha[:7]}:** {statuses}  ",
            f"**Closed by the bot:** {'yes' if decision.close else 'no'}", "",
            "The bot's status comment:", "", decision.body, ""]))

    def freeze(self, at: datetime) -> None:
        write_ledger(self.store, self.ledger, "Inputs ledger (as the maintenance job syncs it)")
        report = freeze_report(self.store, WINDOW, self.ledger, at)
        self.freezes.append(report.changed)


def _timeline() -> list[tuple[datetime, int, ScriptedInput, int]]:
    """Every event in time order: (when, order at the same instant, input, version); version -1 is an acceptance."""
    events: list[tuple[datetime, int, ScriptedInput, int]] = []
    for item in SCRIPT:
        events += [(v.received, 0, item, i) for i, v in enumerate(item.versions)]
        if item.accepted_at is not None:
            events.append((item.accepted_at, 1, item, -1))
    return sorted(events, key=lambda e: (e[0], e[1], e[2].number))


def run_demo(out: Path = DEFAULT_OUT, force: bool = False) -> DemoResult:
    prepare(out, force)
    run = _Run(out)
    frozen = False
    for when, _, item, version in _timeline():
        if not frozen and when > FREEZE_AT:
            run.freeze(FREEZE_AT)
            frozen = True
        if version < 0:
            run.accept(item, when)
        else:
            run.receive(item, version)
    run.freeze(SUMMARY_AT)  # a second, late run: it must change nothing (it writes the final ledger first)
    outputs = [Output("scratch repository (refs/pull/*, refs/ccmflow/*)", out / "repository")]
    outputs += _write_triage(run, out)
    reports, summary = _write_reports(run, out)
    outputs += reports
    week = conference_week(run.store, out)  # then the conference week, in the same repository
    outputs += [Output(what, path) for what, path in week.outputs]
    return DemoResult(out, tuple(outputs), {
        "inputs": len(SCRIPT), "freezes_changed": run.freezes, "story": story(summary),
        "heads": dict(run.heads), "conference": week.facts})


def story(summary: Summary) -> str:
    """What happened, read off the summary the run produced (never written out by hand)."""
    timing = ", ".join(f"{n} {t.replace('-', ' ').replace('late accepted', 'late and accepted')}"
                       for t, n in summary.by_timing)
    overlaps = [o for s in summary.sections for o in s.overlaps]
    shared = [c for s in summary.sections for c in s.cosponsored]
    parts = [f"{summary.total} inputs to the {summary.title.split(':')[0]} ({timing}; {len(summary.invalid)} "
             "invalid)"]
    parts += [f"paragraph {o.paragraph} drew {len(o.inputs)} inputs with {o.proposals} different proposals"
              for o in overlaps]
    kinds = {"amend": "amendment to", "insert": "insertion at", "delete": "deletion of", "move": "move of"}
    parts += [f"{len(c.inputs)} delegations proposed the same {kinds.get(c.kind, c.kind)} paragraph {c.target}"
              for c in shared]
    return "; ".join(parts)


def _write_triage(run: _Run, out: Path) -> list[Output]:
    folder = out / "triage"
    folder.mkdir()
    for item in SCRIPT:
        stakeholder = run.stakeholder(item)
        text = "\n".join([f"# pr-{item.number}: {item.title}", "",
                          f"From {stakeholder.name} (@{stakeholder.accounts[0].login}). What the bot posts on "
                          "the pull request, after each event:", "", *run.triage[item.number]])
        (folder / f"pr-{item.number}.md").write_text(text, encoding="utf-8")
    return [Output(f"triage of each input, as the bot would post it ({len(SCRIPT)} files)", folder)]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _write_reports(run: _Run, out: Path) -> tuple[list[Output], Summary]:
    collected = collect(run.store, DOCUMENT, window_id=WINDOW, now=SUMMARY_AT)
    summary = build(collected, compilation=f"[compilation text](../compilation/{DOCUMENT}.html)")
    compiled = compile_inputs(collected)
    made = consolidate(run.store, DOCUMENT, list(TAKEN), base_rev="main", window=WINDOW, now=SUMMARY_AT)
    process = run.workspace.process
    version_name = process.version_name(made.document.version)
    zero = run.store.document(run.base, DOCUMENT)
    redline = diff_documents(zero, made.document)
    behind = authored(run.store, run.workspace, made.document, now=SUMMARY_AT)
    authors = {pid: p.names for pid, p in behind.items()}
    title = process.conference.name
    register = run.store.text(made.commit, made.register_path) or ""
    return [
        Output("consolidation summary (Markdown, as on the tracking issue)",
               _write(out / "summary" / f"{DOCUMENT}.md", summary_markdown(summary))),
        Output("consolidation summary (JSON)", _write(out / "summary" / f"{DOCUMENT}.json",
                                                     json.dumps(summary.as_json(), indent=2, ensure_ascii=False))),
        Output("compilation text (Markdown)", _write(out / "compilation" / f"{DOCUMENT}.md",
                                                     compile_markdown(compiled))),
        Output("compilation text (HTML, proposals under each paragraph)",
               _write(out / "compilation" / f"{DOCUMENT}.html", compile_html(compiled))),
        Output(f"consolidated version (branch {made.branch}, Markdown)",
               _write(out / "consolidated" / f"{DOCUMENT}.md",
                      render_markdown(made.document, title, version_name))),
        Output("consolidated version (HTML)", _write(out / "consolidated" / f"{DOCUMENT}.html",
                                                     render_html(made.document, title, version_name))),
        Output("disposition register (what became of each input)",
               _write(out / "consolidated" / Path(made.register_path).name, register)),
        Output("redline: zero draft → consolidated version (Markdown)",
               _write(out / "redline" / f"{DOCUMENT}.md", diff_markdown(redline, "zero draft", version_name,
                                                                     authors))),
        Output("redline (HTML)", _write(out / "redline" / f"{DOCUMENT}.html",
                                        redline_html(redline, zero, made.document, "zero draft", version_name,
                                                     authors))),
    ], summary
