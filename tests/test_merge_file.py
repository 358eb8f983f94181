"""The merge driver's file merge reads each side once and proves the spliced result without reading it again."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from ccmflow.compare import mergefile
from ccmflow.compare.markers import mark_conflicts
from ccmflow.compare.merge import MergeError, merge_texts
from ccmflow.read import load, yamlsafe
from ccmflow.write.docemit import Emitter
from tests.test_merge_driver import DOC, TEXTS, changed, document


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each whole text is parsed (YAML read into positioned data), wherever the parse is asked."""
    counts: Counter[str] = Counter()
    real = yamlsafe.load

    def counting(source: str | bytes, path: str) -> Any:
        text = source.decode("utf-8") if isinstance(source, bytes) else source
        if text.lstrip().startswith("# The review document"):  # a whole file, not one paragraph item
            counts[text] += 1
        return real(source, path)

    monkeypatch.setattr(load, "load_yaml", counting)
    monkeypatch.setattr(mergefile, "load_yaml", counting)
    load._parsed.clear()  # no parse cached by another test
    return counts


def test_a_clean_merge_reads_each_side_once_and_never_the_result(reads: Counter[str]) -> None:
    base = document()
    ours = document(changed("p001", "Ours changed the first."))
    theirs = document({**changed("p004", "Theirs changed the fourth."), "p005": "Theirs added a fifth."})
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert merged.conflicts == () and merged.proved_in_pieces
    assert "Ours changed the first." in merged.text and "Theirs added a fifth." in merged.text
    assert "Theirs changed the third." not in merged.text
    assert sorted(reads.values()) == [1, 1, 1] and set(reads) == {base, ours, theirs}
    assert merged.text == merge_texts(base, ours, theirs, DOC)[0]  # what the full check writes, too


def test_a_conflict_is_marked_from_the_reads_already_made(reads: Counter[str]) -> None:
    base = document()
    ours = document({**changed("p002", "Ours rewrote the second."), "p005": "Ours added a fifth."})
    theirs = document(changed("p002", "Theirs rewrote the second."))
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert [str(c) for c in merged.conflicts] == ["paragraph 2 (p002): changed two ways (text)"]
    assert set(reads) == {base, ours, theirs} and sorted(reads.values()) == [1, 1, 1]
    load._parsed.clear()
    text, conflicts = merge_texts(base, ours, theirs, DOC)
    assert merged.text == mark_conflicts(text, theirs, DOC, conflicts)  # the same markers as a full re-read


def test_a_change_outside_paragraphs_is_checked_by_reading_the_result() -> None:
    base = document()
    ours = document(changed("p003", "Ours changed the third."))
    theirs = base.replace("title: Review", "title: Theirs")  # OURS text must take THEIRS title: a metadata splice
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert not merged.proved_in_pieces and merged.conflicts == ()
    assert "title: Theirs" in merged.text and "Ours changed the third." in merged.text


def test_a_paragraph_spliced_wrong_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Emitter.paragraph

    def wrong(self: Emitter, paragraph: Any, dash: int) -> str:
        return real(self, paragraph, dash).replace("Theirs added", "Someone else added")

    monkeypatch.setattr(Emitter, "paragraph", wrong)
    base = document()
    theirs = document({**TEXTS, "p005": "Theirs added a fifth."})
    with pytest.raises(MergeError):
        mergefile.merge_file(base, base.replace("p001", "p001", 1), theirs, DOC)
