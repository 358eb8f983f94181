"""A document's concordance across its versions: each paragraph's number in each, and the inputs that shaped it."""

from __future__ import annotations

from dataclasses import dataclass

from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document, Workspace
from ccmflow.repo.git import Oid, has_ref
from ccmflow.repo.inputref import input_name
from ccmflow.repo.ledger import read_ledger, read_manifest
from ccmflow.repo.store import Store
from ccmflow.repo.versions import version_tag

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


def delegations(store: Store, workspace: Workspace, doc: str) -> dict[str, str]:
    """Who made each input (pr-<n> -> stakeholder name): from the freeze manifests, else the ledger's authors."""
    found: dict[str, str] = {}
    registry = workspace.registry

    def name(stakeholder: str) -> str:
        known = registry.get(stakeholder)
        return known.name if known else stakeholder

    for record in read_ledger(store.repo).inputs:
        who = registry.by_user_id(record.author_id)
        found[input_name(record.number)] = who.name if who else record.author_login
    for window in workspace.process.windows_for(doc):
        manifest = read_manifest(store.repo, window.id)
        for entry in manifest.inputs if manifest else ():
            if entry.stakeholder:
                found[input_name(entry.number)] = name(entry.stakeholder)
    return found


def concordance(store: Store, doc: str) -> Trace:
    """Every paragraph of every version, in the latest version's order (paragraphs deleted on the way after)."""
    workspace = store.require(HEAD)
    shown = points(store, doc, workspace)
    who = delegations(store, workspace, doc)
    numbers = [p.document.numbers() for p in shown]
    order: list[str] = []
    for point in reversed(shown):
        order += [p.id for _, p in point.document.walk() if p.id not in order]
    rows = []
    for pid in order:
        inputs: list[str] = []
        for point in shown:
            paragraph = point.document.paragraph(pid)
            inputs += [i for i in (paragraph.derived_from if paragraph else ()) if i not in inputs]
        people = tuple(dict.fromkeys(who[i] for i in inputs if i in who))
        rows.append(Row(pid, tuple(n.get(pid) for n in numbers), tuple(inputs), people))
    return Trace(doc, shown, tuple(rows))


def find_paragraph(trace: Trace, wanted: str) -> str:
    """A paragraph id from an id, or from a display number in the latest version ('12', 'Action 3')."""
    if trace.row(wanted) is not None:
        return wanted
    latest = trace.points[-1].document.numbers()
    for pid, number in latest.items():
        if number.lower() == wanted.lower():
            return pid
    raise FatalError(f"no paragraph '{wanted}' in {trace.document} (give an id, or a number in the latest version)")

