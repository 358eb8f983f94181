"""A document's concordance across its versions: each paragraph's number in each, and the inputs that shaped it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from msgspec import Struct

from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document, Registry, Workspace
from ccmflow.core.record import InputRecord, credit_name, names_of
from ccmflow.inputs.collect import collect
from ccmflow.repo.store import Store
from ccmflow.repo.versions import version_tag

HEAD = "HEAD"


class Point(Struct, frozen=True):
    """One version of the document: a released tag, or HEAD when it has moved on since the last one."""

    version: str
    name: str
    rev: str
    document: Document


class Row(Struct, frozen=True):
    """One paragraph across the versions: its number in each (None where it does not exist) and its inputs."""

    paragraph_id: str
    numbers: tuple[str | None, ...]
    inputs: tuple[str, ...]
    delegations: tuple[str, ...]

    def as_json(self, points: tuple[Point, ...]) -> dict[str, object]:
        return {"paragraph_id": self.paragraph_id,
                "numbers": {p.version: n for p, n in zip(points, self.numbers, strict=True)},
                "inputs": list(self.inputs), "delegations": list(self.delegations)}


class Trace(Struct, frozen=True):
    """A document's concordance: paragraph numbers across versions, with the inputs behind each."""

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
    commits: list[str] = []
    for version in workspace.process.versions:
        tag = version_tag(doc, version.id)
        if store.has_ref(tag):
            commit = store.commit(tag)
            name = tag.removeprefix("refs/tags/")
            found.append(Point(version.id, version.name, name, store.document(commit.id, doc)))
            commits.append(commit.id)
    head = store.find_commit(HEAD)  # None: no commit yet
    if head is not None and head.id not in commits[-1:]:
        found.append(Point(HEAD, "current (HEAD)", HEAD, store.document(head.id, doc)))
    if not found:
        raise FatalError(f"no versions of {doc}: no tags {doc}/<version> and no HEAD")
    return tuple(found)


def input_records(store: Store, workspace: Workspace, doc: str, base: str = HEAD,
                  now: datetime | None = None) -> dict[str, InputRecord]:
    """Every input to the document's windows, by name, with the record the summary and the register read
    (closed ones included: an input the bot closed once incorporated is still behind its paragraphs)."""
    found: dict[str, InputRecord] = {}
    for window in workspace.process.windows_for(doc):
        for item in collect(store, doc, window_id=window.id, base=base, now=now, closed=True).inputs:
            found.setdefault(item.name, item.record)
    return found


def delegations(store: Store, workspace: Workspace, doc: str) -> dict[str, tuple[str, ...]]:
    """Who made each input (pr-<n> -> the names of the delegations its record credits)."""
    registry = workspace.registry
    return {name: (names_of(registry, r.delegations) or (credit_name(r, registry),))
            for name, r in input_records(store, workspace, doc).items()}


class Provenance(Struct, frozen=True):
    """Who a paragraph's change is credited to in a redline, and when the first input behind it was received."""

    names: str
    received: datetime | None


def authored(store: Store, workspace: Workspace, document: Document, base: str = HEAD,
             now: datetime | None = None) -> dict[str, Provenance]:
    """Who each paragraph of `document` that came from inputs is credited to, and since when: what every redline
    (Markdown, HTML, Word, the site's) names."""
    return provenance(document, input_records(store, workspace, document.id, base, now), workspace.registry)


def provenance(document: Document, records: Mapping[str, InputRecord], registry: Registry) -> dict[str, Provenance]:
    """Per paragraph of `document` that came from inputs (`derived_from`): their delegations and the earliest
    receipt among them, read from their records."""
    found: dict[str, Provenance] = {}
    for _, paragraph in document.walk():
        behind = [records[i] for i in paragraph.derived_from if i in records]
        if not behind:
            continue
        names = list(dict.fromkeys(n for r in behind for n in (names_of(registry, r.delegations)
                                                               or (credit_name(r, registry),))))
        times = [r.received for r in behind if r.received is not None]
        found[paragraph.id] = Provenance(", ".join(names), min(times) if times else None)
    return found


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

