"""The releases of a document as its tags: versions and revisions (`DOC/rev-2`), and the papers of the conference
that carry no symbol (`DOC/facilitators-text-1`, `DOC/non-paper-1`), each with when and by whom it was issued."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pygit2
from msgspec import Struct

from ccmflow.core.errors import FatalError
from ccmflow.repo.git import Person, _commit_of, _signature
from ccmflow.repo.store import Store
from ccmflow.repo.versions import version_tag


class Tagged(Struct, frozen=True):
    """A version tag of a document (DOC/VERSION) with the tagger's time."""

    name: str  # the part after DOC/: zero-draft, rev-1, facilitators-text-1, adopted
    commit: str
    message: str
    when: datetime | None  # the tagger's time (who made the tag: the Presidency's clock, not a stranger's)
    by: str | None


def tags_of(store: Store, doc: str) -> list[Tagged]:
    """Every tag DOC/..., in the order issued (tagger time, then name)."""
    repo = store._repo
    prefix = version_tag(doc, "")
    found: list[Tagged] = []
    for ref in repo.references:
        if not ref.startswith(prefix):
            continue
        target = repo.references[ref].peel(pygit2.Commit)
        obj = repo.revparse_single(ref)
        when, by, message = None, None, ""
        if isinstance(obj, pygit2.Tag) and obj.tagger is not None:
            zone = timezone(timedelta(minutes=obj.tagger.offset))
            when = datetime.fromtimestamp(obj.tagger.time, zone).astimezone(UTC)
            by, message = obj.tagger.name, str(obj.message or "")
        found.append(Tagged(ref.removeprefix(prefix), str(target.id), message.strip(), when, by))
    return sorted(found, key=lambda t: (t.when or datetime.min.replace(tzinfo=UTC), t.name))


def tag_paper(store: Store, doc: str, name: str, rev: str, message: str, who: str,
              when: datetime) -> Tagged:
    """Tag a paper without symbol (a facilitator's text, a non-paper) at `rev`, by `who` at `when`."""
    repo = store._repo
    tag = version_tag(doc, name)
    if tag in repo.references:
        raise FatalError(f"{tag.removeprefix('refs/tags/')} exists already; a released paper is never moved")
    try:
        target = _commit_of(repo, rev)
    except (KeyError, ValueError, pygit2.GitError) as exc:
        raise FatalError(f"'{rev}' is not a commit of this repository ({exc})") from None
    tagger = _signature(Person.github(who, when))
    repo.create_tag(tag.removeprefix("refs/tags/"), target.id, pygit2.enums.ObjectType.COMMIT, tagger, message)
    return Tagged(name, str(target.id), message.strip(), when.astimezone(UTC), who)


def advance_branch(store: Store, branch: str, to: str) -> None:
    """Move `branch` to `to` (the Presidency merges a text it takes whole: a fast-forward) and bring the work tree
    along when `branch` is checked out."""
    ref = f"refs/heads/{branch}"
    repo = store._repo
    target = _commit_of(repo, to)
    repo.references[ref].set_target(target.id, f"ccmflow: {branch} takes {to}")
    if not repo.head_is_detached and repo.head.name == ref and repo.workdir is not None:
        repo.reset(target.id, pygit2.enums.ResetMode.HARD)
