"""Property: no path changes the text of an agreed paragraph without a reopen, and every path still takes a change
to text that is not agreed (so the guard is no blanket refusal). The paths: `ccmflow propose`, a marked-up Word
file (`propose --from-docx`), the merge driver, `consolidate`, and a pull request through the bot."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pygit2
import pytest
from botkit import PRESIDENCY, REVIEW, World, serve_world
from gitutil import commit, instance_checkout, set_ref
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wordkit import Marked

from ccmflow.consolidation.consolidate import consolidate
from ccmflow.core.agreement import ParagraphStatus, StatusEntry
from ccmflow.core.errors import FatalError
from ccmflow.main import main
from ccmflow.repo.statusref import record_status, status_ref
from ccmflow.repo.store import Store
from ccmflow.word.ooxml import bookmark_name
from ccmflow.write.edit import Editor

DOC = "review-document"
PATH = f"documents/{DOC}.yaml"
# Paragraphs without brackets, in several sections: the introduction, universalization, stockpile destruction.
CANDIDATES = ("ph6ip46u", "pold5l7v", "p4sbyqum", "plo6mh6s", "pk7j2ndw", "pabmu3fk")
WORDS = ("Delegations welcomed this progress.", "The States Parties noted the report.", "No change was agreed.")
AT = datetime(2020, 11, 24, 15, tzinfo=UTC)
_serial = itertools.count(1)

changes = st.fixed_dictionaries({
    "agreed": st.sets(st.sampled_from(CANDIDATES), min_size=1, max_size=4),
    "target": st.sampled_from(CANDIDATES),
    "reopened": st.booleans(),
    "text": st.sampled_from(WORDS),
})


def _record(repo: pygit2.Repository, agreed: set[str], reopened: str | None) -> None:
    """The status record as the conference left it: `agreed` agreed, then `reopened` reopened."""
    ref = status_ref(DOC)
    if ref in repo.references:
        repo.references.delete(ref)

    def entry(pid: str, status: ParagraphStatus) -> StatusEntry:
        return StatusEntry(paragraph=pid, status=status, by_login=PRESIDENCY[0], by_id=PRESIDENCY[1], at=AT,
                           revision="rev-1")

    record_status(Store(repo.path), DOC, [entry(p, ParagraphStatus.AGREED) for p in sorted(agreed)])
    if reopened is not None:
        record_status(Store(repo.path), DOC, [entry(reopened, ParagraphStatus.OPEN)])


def _edited(root: Path, pid: str, text: str) -> str:
    editor = Editor((root / PATH).read_text("utf-8"), PATH)
    editor.set_text(pid, text)
    return editor.text


def _text(store: Store, rev: str, pid: str) -> str:
    paragraph = store.document(rev, DOC).paragraph(pid)
    assert paragraph is not None
    return paragraph.text


# Each path: make the change to `pid`, return the paragraph's text where the path left it (None: refused).
Path_ = Callable[[Path, str, str], str | None]


def by_propose(root: Path, pid: str, text: str) -> str | None:
    branch = f"input/p{next(_serial)}"
    source = root.parent / f"{branch.replace('/', '-')}.txt"
    source.write_text(text, encoding="utf-8")
    code = main(["propose", DOC, pid, "--text", str(source), "--as", "austria", "--branch", branch,
                 "-C", str(root)])
    return _text(Store(root), f"refs/heads/{branch}", pid) if code == 0 else None


def by_word(root: Path, pid: str, text: str) -> str | None:
    out = root.parent / f"w{next(_serial)}.docx"
    assert main(["render", DOC, "--format", "docx", "-o", str(out), "-C", str(root)]) == 0
    marked = Marked(out.read_bytes())
    old = _text(Store(root), "HEAD", pid)
    marked.track_replace(bookmark_name(pid), old.split()[0], text)
    out.write_bytes(marked.data())
    branch = f"input/w{next(_serial)}"
    code = main(["propose", "--from-docx", str(out), "--as", "austria", "--branch", branch, "-C", str(root)])
    return _text(Store(root), f"refs/heads/{branch}", pid) if code == 0 else None


def by_merge_driver(root: Path, pid: str, text: str) -> str | None:
    sides = root.parent / f"m{next(_serial)}"
    sides.mkdir()
    base = (root / PATH).read_text("utf-8")
    for name, content in (("O", base), ("A", base), ("B", _edited(root, pid, text))):
        (sides / name).write_text(content, encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(root)  # git runs the driver in the work tree: the status record is this clone's
    try:
        code = main(["merge-driver", str(sides / "O"), str(sides / "A"), str(sides / "B"), PATH])
    finally:
        os.chdir(cwd)
    merged = (sides / "A").read_text("utf-8")
    if code != 0:
        assert merged == base  # OURS left as it was
        return None
    from ccmflow.read.load import document_text

    paragraph = document_text(PATH, merged)[0].paragraph(pid)
    assert paragraph is not None
    return paragraph.text


def by_consolidate(root: Path, pid: str, text: str) -> str | None:
    repo = pygit2.Repository(str(root))
    head = repo.revparse_single("HEAD").peel(pygit2.Commit)
    oid = commit(repo, {PATH: _edited(root, pid, text)}, "input", branch=None, parents=[head.id])
    name = f"proposals/c{next(_serial)}"
    set_ref(repo, f"refs/heads/{name}", oid)
    try:
        done = consolidate(Store(root), DOC, [name], branch=f"consolidate/{name}")
    except FatalError as exc:
        assert "Agreed text is not changed" in str(exc)
        return None
    return _text(Store(root), done.branch, pid)


PATHS: dict[str, Path_] = {"propose": by_propose, "word": by_word, "merge-driver": by_merge_driver,
                           "consolidate": by_consolidate}


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return instance_checkout(tmp_path_factory.mktemp("agreed") / "repo")


@pytest.mark.parametrize("path", sorted(PATHS))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=changes)
def test_no_path_changes_agreed_text_without_a_reopen(instance: Path, path: str, change: dict[str, object]) -> None:
    agreed, target = set(change["agreed"]), str(change["target"])  # type: ignore[call-overload]
    reopened = target if change["reopened"] and target in agreed else None
    _record(pygit2.Repository(str(instance)), agreed, reopened)
    before = _text(Store(instance), "HEAD", target)
    after = PATHS[path](instance, target, str(change["text"]))
    protected = target in agreed and reopened is None
    if protected:
        assert after is None or after == before, f"{path} changed agreed paragraph {target}"
    else:
        assert after is not None and after != before, f"{path} refused a change to {target}, which is not agreed"


@pytest.fixture(scope="module")
def bot_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The bot's world, once for the module (the property's examples share it)."""
    monkeypatch = pytest.MonkeyPatch()
    yield from serve_world(tmp_path_factory.mktemp("bot"), monkeypatch)
    monkeypatch.undo()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=changes)
def test_a_pull_request_through_the_bot_is_refused_exactly_when_it_touches_agreed_text(
        bot_world: World, change: dict[str, object]) -> None:
    world = bot_world
    agreed, target = set(change["agreed"]), str(change["target"])  # type: ignore[call-overload]
    reopened = target if change["reopened"] and target in agreed else None
    _record(world.origin, agreed, reopened)
    number = next(_serial)
    root = world.tmp / "checkout"
    at = "2020-11-24T16:00:00Z"
    run = world.run("pull_request_target", world.open_pr(number, {REVIEW: _edited(root, target, str(
        change["text"])).encode("utf-8")}, at=at), now=at)
    assert run.code == 0, run.err
    touched = "touches-agreed" in world.fake.issue_labels(number)
    failing = world.statuses(number).get("ccmflow/agreed", ("none", ""))[0] == "failure"
    protected = target in agreed and reopened is None
    assert touched is protected and failing is protected
