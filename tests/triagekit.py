"""The pure triage decision's inputs: the embedded instance as the base, and what prinput would read of a pull
request changing some of its files."""

from __future__ import annotations

from roots import DOCUMENTS as CCM

from ccmflow.core.errors import Finding
from ccmflow.core.model import Document, Workspace
from ccmflow.read import rules
from ccmflow.read.content import PathChange, PullContent
from ccmflow.read.load import SourceFile, parse

REVIEW = "documents/review-document.yaml"
REVIEW_OLD = "bringing the total number of States Parties to [number]"
AUSTRIA = 27361048
BLOB = 0o100644


def texts() -> dict[str, str]:
    return {f"documents/{p.name}": p.read_text(encoding="utf-8") for p in sorted(CCM.glob("*.yaml"))}


def workspace(files: dict[str, str]) -> Workspace:
    ws, findings = rules.check(parse(SourceFile(path, text.encode())) for path, text in files.items())
    assert ws is not None, findings
    return ws


def documents(ws: Workspace) -> dict[str, Document]:
    return dict(ws.documents)


BASE_TEXTS = texts()
BASE = workspace(BASE_TEXTS)


def content(changed: dict[str, str | None], findings: tuple[Finding, ...] = ()) -> PullContent:
    """What prinput would read for a PR changing these files (None deletes one)."""
    after_texts = {**BASE_TEXTS, **{k: v for k, v in changed.items() if v is not None}}
    after: dict[str, Document] = {}
    for path, text in after_texts.items():
        if changed.get(path, "") is None:
            continue
        record = parse(SourceFile(path, text.encode())).record
        if isinstance(record, Document):
            after[record.id] = record
    changes = tuple(PathChange(p, "deleted" if t is None else "modified" if p in BASE_TEXTS else "added",
                           BLOB if p in BASE_TEXTS else 0, 0 if t is None else BLOB) for p, t in changed.items())
    return PullContent("h" * 40, "b" * 40, changes, documents(BASE), after, findings)


def review_edit(new: str = "bringing the total number of States Parties to 110") -> dict[str, str | None]:
    return {REVIEW: BASE_TEXTS[REVIEW].replace(REVIEW_OLD, new, 1)}
