"""Open inputs left behind by a new version: those aimed at paragraphs it deleted or rewrote need rebasing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ccmflow.compare.stale import stale_paragraphs
from ccmflow.repo.git import merge_base
from ccmflow.repo.inputref import resolve_input
from ccmflow.repo.store import Store


class StaleInput(NamedTuple):
    """An input (pr-12) aimed at a paragraph the new version deleted or rewrote; `number` is the old one."""

    input: str
    paragraph_id: str
    reason: str  # deleted | rewritten
    number: str = ""

    def as_json(self) -> dict[str, str]:
        return self._asdict()


def stale_inputs(store: Store, doc: str, new_rev: str,
                 inputs: Iterable[str] | Mapping[str, str]) -> list[StaleInput]:
    """For each input (pr-12, 12, a branch; or a mapping name -> head revision), the paragraphs it aims at that
    the version at `new_rev` deleted or rewrote since the input's base (its merge base with `new_rev`)."""
    repo = store.repo
    new_commit = store.commit(new_rev)
    new = store.document(new_commit.id, doc)
    heads = ({name: store.commit(rev).id for name, rev in inputs.items()} if isinstance(inputs, Mapping)
             else {i.name: i.head for i in (resolve_input(repo, token) for token in inputs)})
    result: list[StaleInput] = []
    for name, head in heads.items():
        base = merge_base(repo, new_commit.id, head)
        if base is None:
            continue
        before = store.find_document(base, doc)
        numbers = before.numbers() if before else {}
        for pid, reason in stale_paragraphs(before, store.find_document(head, doc), new):
            result.append(StaleInput(name, pid, reason, numbers.get(pid, "")))
    return result
