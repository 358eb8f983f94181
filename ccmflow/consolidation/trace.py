"""A document's concordance across its versions: each paragraph's number in each, and the inputs that shaped it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document, Workspace
from ccmflow.read.inputfile import parse_input
from ccmflow.repo.git import Oid, Repository, commit_of, find_commit, has_ref
from ccmflow.repo.inputfiles import changed_input_files
from ccmflow.repo.inputref import input_name, pull_ref, ref_commit
from ccmflow.repo.ledger import read_ledger, read_manifest
from ccmflow.repo.store import Store
from ccmflow.repo.versions import version_tag
from ccmflow.triage.credit import may_speak_for

HEAD = "HEAD"


@dataclass(frozen=True, slots=True)
class Point:
    """One version of the document: a released tag, or HEAD when it has moved on since the last one."""

    version: str
    name: str
    rev: str
    document: Document


@dataclass(frozen=True, slots=True)
class Row:
    """One paragraph across the versions: its number in each (None where it does not exist) and its inputs."""

    paragraph_id: str
    numbers: tuple[str | None, ...]
    inputs: tuple[str, ...]
    delegations: tuple[str, ...]

    def as_json(self, points: tuple[Point, ...]) -> dict[str, object]:
        return {"paragraph_id": self.paragraph_id,
                "numbers": {p.version: n for p, n in zip(points, self.numbers, strict=True)},
                "inputs": list(self.inputs), "delegations": list(self.delegations)}


@dataclass(frozen=True, slots=True)
class Trace:
    document: str
    points: tuple[Point, ...]
    rows: tuple[Row, ...]

    def row(self, pid: str) -> Row | None:
        return next((r for r in self.rows if r.paragraph_id == pid), None)

    def as_json(self) -> dict[str, object]:
        return {"document": self.document,
                "versions": [{"version": p.version, "name": p.name, "rev": p.rev} for p in self.points],
                "paragraphs": [r.as_json(self.points) for r in self.rows]}


def points(store: Store, doc: str, workspace: Workspace) -> tuple[Point, ...]:
    """The tagged versions DOC/<version> in process order, then HEAD if it differs from the last of them."""
    found: list[Point] = []
    commits: list[Oid] = []
    for version in workspace.process.versions:
        tag = version_tag(doc, version.id)
        if has_ref(store.repo, tag):
            commit = store.commit(tag)
            name = tag.removeprefix("refs/tags/")
            found.append(Point(version.id, version.name, name, store.document(commit.id, doc)))
            commits.append(commit.id)
    if not store.repo.head_is_unborn:
        commit = store.commit(HEAD)
        if commit.id not in commits[-1:]:
            found.append(Point(HEAD, "current (HEAD)", HEAD, store.document(commit.id, doc)))
    if not found:
        raise FatalError(f"no versions of {doc}: no tags {doc}/<version> and no HEAD")
    return tuple(found)


def delegations(store: Store, workspace: Workspace, doc: str) -> dict[str, tuple[str, ...]]:
    """Who made each input (pr-<n> -> the names of its delegations).

    Every delegation an input's records credit (a joint input names several; an input the support unit entered
    or the bot made from an issue form names its delegations there), else the freeze manifest's stakeholder,
    else the registered delegation of the pull request's author in the ledger.
    """
    found: dict[str, tuple[str, ...]] = {}
    registry = workspace.registry

    def name(stakeholder: str) -> str:
        known = registry.get(stakeholder)
        return known.name if known else stakeholder

    credited: dict[str, tuple[str, ...]] = {}
    for record in read_ledger(store.repo).inputs:
        who = registry.by_user_id(record.author_id)
        found[input_name(record.number)] = (who.name if who else record.author_login,)
        ids = _credited(store.repo, record.number, record.head_sha, record.log.merge_base)
        if ids and may_speak_for(registry, record.author_id, ids):  # as triage credits it
            credited[input_name(record.number)] = tuple(name(d) for d in ids)
    for window in workspace.process.windows_for(doc):
        manifest = read_manifest(store.repo, window.id)
        for entry in manifest.inputs if manifest else ():
            if entry.stakeholder:
                found[input_name(entry.number)] = (name(entry.stakeholder),)
    return {**found, **credited}


def _credited(repo: Repository, number: int, sha: str, merge_base: str | None) -> tuple[str, ...]:
    """The delegations the input records of a pull request's head credit, in order (registry ids)."""
    head = ref_commit(repo, pull_ref(number)) if has_ref(repo, pull_ref(number)) else None
    commit = commit_of(repo, head) if head is not None else find_commit(repo, sha)
    if commit is None:
        return ()
    # What the input itself added: against the merge base it was last triaged with, else its first parent.
    old = find_commit(repo, merge_base) if merge_base else None
    if old is None and commit.parents:
        old = commit.parents[0]
    files = changed_input_files(repo, old, commit)
    records = (parse_input(f)[0] for f in files)
    return tuple(dict.fromkeys(d for r in records if r is not None for d in r.on_behalf_of))


def concordance(store: Store, doc: str) -> Trace:
    """Every paragraph of every version, in the latest version's order (paragraphs deleted on the way after)."""
    workspace = store.require(HEAD)
    shown = points(store, doc, workspace)
    return Trace(doc, shown, rows([p.document for p in shown], delegations(store, workspace, doc)))


def rows(versions: Sequence[Document], who: Mapping[str, tuple[str, ...]]) -> tuple[Row, ...]:
    """Every paragraph of the versions (oldest first), in the latest one's order, deleted ones after: its number
    in each, the inputs behind it (`derived_from`) and, from `who` (input -> names), their delegations."""
    numbers = [v.numbers() for v in versions]
    order: list[str] = []
    for version in reversed(versions):
        order += [p.id for _, p in version.walk() if p.id not in order]
    found = []
    for pid in order:
        inputs: list[str] = []
        for version in versions:
            paragraph = version.paragraph(pid)
            inputs += [i for i in (paragraph.derived_from if paragraph else ()) if i not in inputs]
        people = tuple(dict.fromkeys(name for i in inputs for name in who.get(i, ())))
        found.append(Row(pid, tuple(n.get(pid) for n in numbers), tuple(inputs), people))
    return tuple(found)


def find_paragraph(trace: Trace, wanted: str) -> str:
    """A paragraph id from an id, or from a display number in the latest version ('12', 'Action 3')."""
    if trace.row(wanted) is not None:
        return wanted
    latest = trace.points[-1].document.numbers()
    for pid, number in latest.items():
        if number.lower() == wanted.lower():
            return pid
    raise FatalError(f"no paragraph '{wanted}' in {trace.document} (give an id, or a number in the latest version)")

