"""An input made against the version a delegate edited, carried onto the current version of the base branch.

A marked-up Word file names the commit it was rendered from. That commit says only which text the delegate
saw: the file is a stranger's, and a commit it names may be anything this clone holds (a pull request's head,
fetched with the others). So the branch is always built on the tip of the base branch, the named commit must be
in that branch's history, and the delegate's changes are merged onto the tip by paragraph id, with the three-
way merge the git merge driver uses (base: the edited version; ours: the tip; theirs: the edits). Where the tip
changed what the delegate changed, nothing is made and each clash is named.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from ccmflow.compare.merge import Conflict, MergeError, normalise
from ccmflow.compare.mergefile import merge_file
from ccmflow.core.errors import FatalError
from ccmflow.core.inputfile import CHANGE_KINDS, InputFile, InputKind
from ccmflow.core.model import Document, Workspace, paragraph_label
from ccmflow.propose.build import Built, Proposal, ProposalError, build, check_delegations
from ccmflow.repo.store import Store
from ccmflow.write.spans import EditError


class Refused(FatalError):
    """The input as sent cannot be made (a file that cannot be read back whole, a version the base branch never
    had, changes that clash with the current version): exit 1, as for findings, since what to fix is in the
    input and not in the command line."""

    exit_code = 1


class Clashes(ValueError):
    """The edits clash with the current version, one line per paragraph (its number in the edited version)."""

    def __init__(self, clashes: list[str]) -> None:
        self.clashes = clashes
        super().__init__("; ".join(clashes))


def edited_version(store: Store, sha: str, tip: str, source: str, base_name: str) -> str:
    """The commit `source` (a file) names, when it is one of the base branch's own versions (the commit `tip` or
    one in its history); Refused otherwise."""
    if not store.has_commit(sha):
        raise Refused(f"{source} names commit {sha[:12]} as the version it was made from, which this repository "
                      f"does not have: circulate the current version of {base_name} and read back that")
    sha = sha.lower()  # as git writes ids
    if sha != tip and store.merge_base(sha, tip) != sha:
        raise Refused(f"{source} names commit {sha[:12]} as the version it was made from, which is not in the "
                      f"history of {base_name} (a pull request's commit, or another branch's): only a version "
                      "circulated from the base branch is read back")
    return sha


def rebase(edited: Workspace, edited_text: str, current: Workspace, current_text: str, proposal: Proposal,
           input_id: str) -> Built:
    """`proposal`, read against the edited version, as files on the current one: the document file with only
    the delegate's changes merged in, and the input record. Clashes when the current version changed the same
    paragraphs; ProposalError when the proposal cannot be made at all."""
    made = build(edited, edited_text, proposal, input_id)
    check_delegations(current, proposal.on_behalf_of)  # who may be credited is the current registry's word
    before = edited.document(proposal.document)
    now = current.document(proposal.document)
    if before is None or now is None:
        raise ProposalError(f"the current version has no document '{proposal.document}'")
    theirs_text = made.files.get(before.path, edited_text)
    conflicts: tuple[Conflict, ...]
    if edited_text == current_text and before.path == now.path:
        text, conflicts = theirs_text, ()  # nothing to carry over: the merge would give THEIRS, written again
    else:
        try:
            merged = merge_file(edited_text, current_text, theirs_text, now.path)  # as the merge driver merges
            text, conflicts = merged.text, merged.conflicts
        except (MergeError, EditError) as exc:
            raise ProposalError(f"the changes cannot be carried onto the current {now.path}: {exc}") from None
    # The merge speaks of OURS and THEIRS; here they are the current version and the file.
    clashes = [str(c).replace(" ours", " the current version").replace(" theirs", " the file") for c in conflicts]
    clashes += _overtaken(_changes(made.record, proposal), before, now)
    if clashes:
        raise Clashes(clashes)
    files = {made.record.path: made.files[made.record.path]}
    if text != current_text:
        files[now.path] = text
    return Built(made.record, MappingProxyType(files), made.summary)


def _changes(record: InputFile, proposal: Proposal) -> list[tuple[InputKind, str, str | None]]:
    """Each change the record makes: its kind, its paragraph (by id) and, for an amendment, the text proposed."""
    if record.kind == InputKind.CHANGES:
        return [(c.kind, c.paragraph, e.text) for c, e in zip(record.changes, proposal.edits, strict=True)]
    if record.kind in CHANGE_KINDS and record.paragraph:
        return [(record.kind, record.paragraph, proposal.text)]
    return []


def _overtaken(changes: list[tuple[InputKind, str, str | None]], before: Document, now: Document) -> Iterator[str]:
    """Changes the merge takes without a conflict that would still not be the delegate's: one the current version
    already made, and a new paragraph whose anchor the current version deleted or moved to another section."""
    numbers = before.numbers()
    for kind, pid, text in changes:
        then, there = before.paragraph(pid), now.paragraph(pid)
        if then is None:
            continue  # a new paragraph of this very input (several typed one after another)
        label = paragraph_label(numbers.get(pid, ""), pid, prose=True)
        if kind == InputKind.DELETE and there is None:
            yield f"{label}: the current version already deletes it (leave the deletion out)"
        elif kind == InputKind.AMEND and there is not None and normalise(there.text) == normalise(text or "") \
                and normalise(there.text) != normalise(then.text):
            yield f"{label}: the current version already has the proposed text (leave the amendment out)"
        elif kind == InputKind.INSERT and there is None:
            yield (f"{label}: the new paragraph proposed after it has nowhere to go, since the current version "
                   "deletes it (propose it after another paragraph)")
        elif kind == InputKind.INSERT and _section_id(before, pid) != _section_id(now, pid):
            yield (f"{label}: the new paragraph proposed after it would land in another section, since the "
                   "current version moves it there (propose it after another paragraph)")


def _section_id(document: Document, pid: str) -> str | None:
    section = document.section_of(pid)
    return section.id if section is not None else None
