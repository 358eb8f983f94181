"""A pull request that changes agreed text: labelled `touches-agreed`, named paragraph by paragraph in the comment,
and refused with a failing status (`ccmflow/agreed`); after adoption, any change to the text is refused.

The statuses come from the base repository's record (refs/ccmflow/status/<doc>, which no pull request can
write), and the question is the one every path asks (ccmflow.compare.protect.touched_agreed).
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec.structs import replace

from ccmflow.compare.protect import Touch, touched_agreed
from ccmflow.core import labels
from ccmflow.core.agreement import ParagraphStatus
from ccmflow.core.escape import escape
from ccmflow.core.model import Workspace
from ccmflow.read.content import PullContent
from ccmflow.triage.decide import MAX_STATUS_DESCRIPTION, CommitStatus, Decision, StatusState

AGREED = "ccmflow/agreed"


def touches(base: Workspace, content: PullContent,
            agreed: Mapping[str, Mapping[str, ParagraphStatus]]) -> dict[str, tuple[Touch, ...]]:
    """Per document the pull request changes: the protected paragraphs it touches (none listed: untouched)."""
    found: dict[str, tuple[Touch, ...]] = {}
    for did in sorted({*content.before, *content.after}):
        current = base.document(did)
        before = content.before.get(did) or current
        if current is None or before is None:
            continue
        touched = touched_agreed(before, content.after.get(did), agreed.get(did, {}),
                                 adopted=current.status == "adopted")
        if touched:
            found[did] = touched
    return found


def guard(decision: Decision, base: Workspace, content: PullContent,
          agreed: Mapping[str, Mapping[str, ParagraphStatus]]) -> Decision:
    """The decision with the label, the failing status and the paragraphs named, when agreed text is touched."""
    found = touches(base, content, agreed)
    if not found:
        return decision
    adopted = [did for did in found if (d := base.document(did)) is not None and d.status == "adopted"]
    lines = ["", "### Agreed text", ""]
    for did, touched in found.items():
        document = base.document(did)
        title = document.short_title() if document is not None else did
        if did in adopted:
            lines.append(f"⛔ {title} is adopted: its text is no longer changed, so this input is refused. "
                         "Positions on the adopted text are given as explanations of position or reservations.")
        # A paragraph an input inserts is named by an id from the pull request: data from a stranger.
        lines += [f"- This input {escape(t.sentence())}." for t in touched]
    if len(adopted) < len(found):
        lines += ["", "Agreed text is not changed. To change it anyway, the Presidency or the section's facilitator "
                      "must first reopen the paragraph (`/ccmflow reopen PARAGRAPH`)."]
    first = next(iter(found.values()))[0]
    what = (f"Refused: {len(adopted)} adopted document(s) changed" if adopted
            else f"Changes agreed paragraph {first.label}{' and more' if sum(map(len, found.values())) > 1 else ''}")
    status = CommitStatus(AGREED, StatusState.FAILURE, labels.cap(what, MAX_STATUS_DESCRIPTION))
    wanted = decision.labels | {labels.TOUCHES_AGREED}
    return replace(decision, labels=frozenset(wanted),
                   label_specs={**decision.label_specs, labels.TOUCHES_AGREED: labels.spec(labels.TOUCHES_AGREED)},
                   statuses=(*decision.statuses, status), body=decision.body + "\n".join(lines) + "\n",
                   summary=f"{decision.summary}; touches agreed text")
