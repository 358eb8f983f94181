"""What one input commit does to one document: merge base, structural diff and findings, cached on disk.

The result depends only on (input commit, base commit, document), all content-addressed, so a cache entry
never goes stale; a run adds the entries it computed, and entries no run uses any more are dropped in time.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from msgspec import Struct

from ccmflow.compare import docpatch
from ccmflow.compare.diff import Anchor, ChangeKind, DocumentDiff, ParagraphChange, Redline, anchors, diff_documents
from ccmflow.core.errors import Finding
from ccmflow.core.model import Document, Paragraph
from ccmflow.inputs.basecache import BaseCache, code_stamp, index_from_layout, references_and_targets
from ccmflow.read.load import is_managed, parse
from ccmflow.read.yamlsafe import YamlError, decode
from ccmflow.repo.patch import FilePatches
from ccmflow.repo.store import Store

CACHE_VERSION = 3
COMPACT_FROM = 32  # unused entries kept before the file is written anew


class Examined(Struct, frozen=True):
    """One input commit against the base: whether it touches the document, and how."""

    merge_base: str | None
    touches: bool
    diff: DocumentDiff | None = None  # None: the head's document does not parse (see findings)
    findings: tuple[Finding, ...] = ()
    fast: bool = False  # computed from git's hunks without parsing the whole file
    anchors: tuple[Anchor, ...] = ()  # where added and moved paragraphs stand in the input
    stale: tuple[tuple[str, str], ...] = ()  # (paragraph id, deleted|rewritten): the base changed it since

    def anchor(self, pid: str) -> Anchor | None:
        return next((a for a in self.anchors if a.id == pid), None)


class Examiner:
    """Examines input commits against one base commit for one document."""

    def __init__(self, store: Store, document: Document, base: str, cache: Path | None = None,
                 kept: BaseCache | None = None) -> None:
        self.store = store
        self.kept = kept  # the base's workspace and layouts from earlier runs
        self.document = document
        self.base = base  # the base commit's id
        self.path = document.path
        self._patches = FilePatches(store, base, document.path, is_managed)
        self._indexes: dict[str, docpatch.BaseIndex | None] = {}
        self._trees: dict[str, str] = {}  # each merge base's documents tree (most inputs share one)
        self._seen: dict[str, Examined] = {}
        self._cache = _Cache(cache, f"{document.id}:{base}:{code_stamp()}", document) if cache else None
        self.computed = 0

    def examine(self, sha: str) -> Examined:
        seen = self._seen.get(sha)
        if seen is not None:
            return seen
        result = self._cache.get(sha) if self._cache is not None else None
        if result is None:
            result = self._examine(sha)
            self.computed += 1
            if self._cache is not None:
                self._cache.put(sha, result)
        self._seen[sha] = result
        return result

    def save(self) -> None:
        if self._cache is not None:
            self._cache.save()

    def _examine(self, sha: str) -> Examined:
        change = self._patches.change(sha)
        merge_base = change.merge_base
        if merge_base is None:
            return Examined(None, True, None, (Finding(self.path, 1, 1, "the input shares no history with the "
                                                       "base branch", "open it from the base branch"),))
        if not change.changed:
            return Examined(merge_base, False)
        fast = self._fast(merge_base, change.hunks)
        if fast is not None:
            index, patched = fast
            at_base, at_head = index.document, patched.document
            changed = docpatch.patched_diff(index, patched)
            return Examined(merge_base, not changed.empty, changed, (), True, anchors(changed, at_head),
                            self._stale(merge_base, at_base, at_head))
        from ccmflow.repo.prinput import read_pull  # the slow path only: most inputs never need it

        # The merge base is most often the base itself, whose document this examiner holds already.
        content = read_pull(self.store, self.base, sha, known={self.document.id: self.document})
        before, new = content.before.get(self.document.id), content.after.get(self.document.id)
        if new is None and change.deleted:
            removed = diff_documents(before, None) if before is not None else None
            return Examined(merge_base, True, removed, content.findings)
        if new is None:
            return Examined(merge_base, True, None, content.findings)
        slow = diff_documents(before, new)
        touches = not slow.empty or bool(content.findings)
        return Examined(merge_base, touches, slow, content.findings, False, anchors(slow, new),
                        self._stale(merge_base, before, new))

    def _stale(self, merge_base: str, before: Document | None, head: Document) -> tuple[tuple[str, str], ...]:
        """Paragraphs the input aims at that the base has deleted or rewritten since the input's merge base."""
        if merge_base == self.base:
            return ()
        from ccmflow.compare.stale import stale_paragraphs  # only for an input made on an older base

        return tuple(stale_paragraphs(before, head, self.document))

    def _fast(self, merge_base: str, hunks: tuple[docpatch.Hunk, ...] | None
              ) -> tuple[docpatch.BaseIndex, docpatch.Patched] | None:
        """Both sides of the document (the index of the merge base's side; the head's from git's hunks) when
        git gave the hunks (no other managed file changed)."""
        if hunks is None:
            return None
        base = self._index(merge_base)
        if base is None:
            return None
        new = docpatch.apply(base, hunks, self.path)
        return (base, new) if new is not None else None

    def _index(self, commit: str) -> docpatch.BaseIndex | None:
        """The line index of this document at `commit`, whose workspace must be valid."""
        # The index holds references and targets from the whole workspace, so the documents tree is the key
        # (it determines this file too).
        key = self._trees.get(commit)
        if key is None:
            key = self._trees[commit] = self.store.tree_key(commit)
        if key in self._indexes:
            return self._indexes[key]
        built = None
        workspace, _ = self.store.workspace(commit)
        file = self.store.file(commit, self.path)
        layout = self.kept.layout(key, self.path) if self.kept is not None else None
        if workspace is not None and file is not None and layout is not None:
            try:
                built = index_from_layout(workspace, self.path, decode(file.raw, self.path), layout)
            except YamlError:
                built = None
        if workspace is not None and file is not None and built is None:
            parsed = parse(file)  # parsed with the workspace: cached
            if isinstance(parsed.record, Document) and parsed.loaded:
                built = docpatch.index(parsed.loaded, parsed.record, *references_and_targets(workspace))
                if built is not None and self.kept is not None:
                    self.kept.keep_layout(key, self.path, docpatch.layout(built))
        self._indexes[key] = built
        return built


# The on-disk cache ------------------------------------------------------------------------------------------


class _Cache:
    """Entries for one (document, base commit) in a JSON-lines file under the repository's git directory.

    The first line names the scope; each further line is one entry, `[sha, entry]`. A run appends only the
    entries it computed (a summary after one new input writes one line, not the whole file again); the file is
    written anew when its scope changed (a new base), when it cannot be appended to, or when more than half of
    its entries went unused, and then keeps the entries this run used.
    """

    def __init__(self, path: Path, scope: str, document: Document) -> None:
        self.path = path
        self.scope = scope
        # The base's paragraphs: an entry names one of them rather than writing it out again.
        self.base = {p.id: p for section in document.sections for p in section.paragraphs}
        self.used: dict[str, dict[str, Any]] = {}
        self.stored: dict[str, dict[str, Any]] = {}
        self.added: dict[str, dict[str, Any]] = {}
        self.appendable = False  # the file holds this scope and ends with a whole line
        try:
            text = path.read_text("utf-8")
            header, _, body = text.partition("\n")
            head = json.loads(header)
        except (OSError, ValueError):
            return
        if isinstance(head, dict) and head.get("version") == CACHE_VERSION and head.get("scope") == scope:
            self.stored = _entries(body)
            self.appendable = text.endswith("\n")

    def get(self, sha: str) -> Examined | None:
        entry = self.stored.get(sha)
        if entry is None:
            return None
        try:
            result = _decode(entry, self.base)
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        self.used[sha] = entry
        return result

    def put(self, sha: str, result: Examined) -> None:
        self.used[sha] = self.added[sha] = _encode(result, self.base)

    def save(self) -> None:
        unused = len(self.stored.keys() - self.used.keys())
        if self.appendable and unused <= max(len(self.used), COMPACT_FROM):
            if self.added:
                self._write(self.added, "a")
            return
        self._write(self.used, "w")

    def _write(self, entries: dict[str, dict[str, Any]], mode: str) -> None:
        # dumps, not dump: json.dump encodes in Python piece by piece, dumps in C, 5 times faster.
        lines = "".join(json.dumps([sha, entry], ensure_ascii=False, separators=(",", ":")) + "\n"
                        for sha, entry in entries.items())
        try:  # a cache that cannot be written only costs time
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if mode == "a":
                with self.path.open("a", encoding="utf-8") as out:
                    out.write(lines)
                return
            head = json.dumps({"version": CACHE_VERSION, "scope": self.scope}) + "\n"
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".inputs-", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(head + lines)
            os.replace(temp, self.path)
        except OSError:
            Path(temp).unlink(missing_ok=True)


def _entries(body: str) -> dict[str, dict[str, Any]]:
    """The entries of the lines after the header; a line that does not read (a torn append) is skipped."""
    # "\n" alone ends a line: the entries are written with ensure_ascii=False, so a text may hold U+2028 or U+0085,
    # which str.splitlines would also break at.
    lines = [line for line in body.split("\n") if line]
    try:
        pairs = json.loads("[" + ",".join(lines) + "]")
    except ValueError:
        pairs = []
        for line in lines:
            try:
                pairs.append(json.loads(line))
            except ValueError:
                continue
    return {pair[0]: pair[1] for pair in pairs
            if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and isinstance(pair[1], dict)}


def cache_path(store: Store, document: str) -> Path:
    return store.git_dir / "ccmflow" / f"inputs-{document}.jsonl"


# A change's paragraphs are written short: one the base has as it is, by the mark BASE; a text the redline
# gives back (its kept and deleted runs are the old text, its kept and inserted runs the new) or, without a
# redline, the same as the old paragraph's, left out. A summary's cache then holds each text about once.
BASE = "="


def _paragraph_json(p: Paragraph | None, base: Mapping[str, Paragraph], derived: str | None) -> Any:
    if p is None:
        return None
    if base.get(p.id) == p:
        return BASE
    found: dict[str, Any] = {
        "id": p.id, "kind": p.kind, "indicators": list(p.indicators), "baseline": p.baseline, "target": p.target,
        "responsible": list(p.responsible), "timeframe": p.timeframe, "references": list(p.references),
        "derived_from": list(p.derived_from)}
    if derived != p.text:
        found["text"] = p.text
    return found


def _paragraph_from(d: Any, pid: str, base: Mapping[str, Paragraph], derived: str | None) -> Paragraph | None:
    if d is None:
        return None
    if d == BASE:
        return base[pid]
    text = d["text"] if "text" in d or derived is None else derived
    return Paragraph(id=d["id"], kind=d["kind"], text=text, indicators=tuple(d["indicators"]),
                     baseline=d["baseline"], target=d["target"], responsible=tuple(d["responsible"]),
                     timeframe=d["timeframe"], references=tuple(d["references"]),
                     derived_from=tuple(d["derived_from"]))


def _texts(redline: Redline) -> tuple[str | None, str | None]:
    """The old and new texts a redline gives back (None when there is no redline)."""
    if not redline:
        return None, None
    return "".join([t for op, t in redline if op != "+"]), "".join([t for op, t in redline if op != "-"])


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


_KINDS = {kind.value: kind for kind in ChangeKind}  # a dict lookup: calling the enum class costs ten times more


def _change_json(c: ParagraphChange, base: Mapping[str, Paragraph]) -> dict[str, Any]:
    old_text, new_text = _texts(c.redline)
    if new_text is None and c.old is not None:
        new_text = c.old.text
    return {**c.as_json(), "old": _paragraph_json(c.old, base, old_text), "new": _paragraph_json(c.new, base, new_text)}


def _change_from(c: dict[str, Any], base: Mapping[str, Paragraph]) -> ParagraphChange:
    redline = tuple([(op, text) for op, text in c["redline"]])
    old_text, new_text = _texts(redline)
    old = _paragraph_from(c["old"], c["id"], base, old_text)
    if new_text is None and old is not None:
        new_text = old.text
    return ParagraphChange(id=c["id"], change=_KINDS[c["change"]], section=c["section"],
                           old_section=c["old_section"],
                           old_number=c["old_number"], new_number=c["new_number"], fields=tuple(c["fields"]),
                           moved=bool(c["moved"]), redline=redline, old=old,
                           new=_paragraph_from(c["new"], c["id"], base, new_text))


def _encode(result: Examined, base: Mapping[str, Paragraph]) -> dict[str, Any]:
    diff = result.diff
    return {"merge_base": result.merge_base, "touches": result.touches, "fast": result.fast,
            "anchors": [[a.id, a.section, a.after] for a in result.anchors],
            "stale": [list(x) for x in result.stale],
            "findings": [f.as_json() for f in result.findings],
            "diff": None if diff is None else {
                "document": diff.document, "sections": list(diff.sections_touched),
                "meta": {k: [v[0], v[1]] for k, v in diff.meta.items()},
                "changes": [_change_json(c, base) for c in diff.changes]}}


def _decode(entry: dict[str, Any], base: Mapping[str, Paragraph]) -> Examined:
    raw = entry["diff"]
    diff = None
    if raw is not None:
        changes = tuple(_change_from(c, base) for c in raw["changes"])
        meta = {k: (_tuples(v[0]), _tuples(v[1])) for k, v in raw["meta"].items()}
        diff = DocumentDiff(raw["document"], changes, tuple(raw["sections"]), meta)
    return Examined(entry["merge_base"], bool(entry["touches"]), diff,
                    tuple(Finding(**f) for f in entry["findings"]), bool(entry["fast"]),
                    tuple(Anchor(a[0], a[1], a[2]) for a in entry["anchors"]),
                    tuple((str(x[0]), str(x[1])) for x in entry["stale"]))
