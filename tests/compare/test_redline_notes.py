"""What a redline says of paragraphs deleted, moved to another section or changed outside their text."""

from __future__ import annotations

import re

from mergekit import DOC, document

from ccmflow.compare.diff import diff_documents, redline
from ccmflow.compare.merge import read_side
from ccmflow.compare.redline import diff_markdown, redline_html, redline_markdown
from ccmflow.core.model import Document

STOCKPILES = "  - id: stockpiles\n    title: Stockpiles\n    paragraphs:\n"
P004 = ("      - id: p004\n        kind: narrative\n        text: >-\n"
        "          Clearance of contaminated areas remains the main challenge for affected States Parties.\n")
P005 = "      - id: p005\n        kind: narrative\n        text: >-\n          Stockpiles are being destroyed.\n"


def _versions() -> tuple[Document, Document]:
    """Paragraph 2 deleted, paragraph 3 given a timeframe, paragraph 4 moved to the head of another section."""
    old = document() + STOCKPILES + P005
    new = document(order=["p001", "p003"]).replace(
        "      - id: p003\n        kind: narrative\n", "      - id: p003\n        kind: narrative\n"
                                                      "        timeframe: 2021-2025\n") + STOCKPILES + P004 + P005
    return read_side(old, DOC)[0], read_side(new, DOC)[0]


def test_the_markdown_redline_names_each_change_and_strikes_the_deleted_text() -> None:
    old, new = _versions()
    assert diff_markdown(diff_documents(old, new), "zero draft", "consolidated") == (
        "# review-document: zero draft → consolidated\n\n\n"
        "## Modified 3 → 2 (p003) in introduction [timeframe]\n\n\n"
        "## Moved 4 → 3 (p004) in stockpiles, moved from introduction\n\n\n"
        "## Removed 2 (p002) from introduction\n\n"
        "~~Since the First Review Conference, \\[number\\] States have joined the Convention.~~\n")


def test_the_html_redline_notes_what_changed_beside_each_paragraph() -> None:
    old, new = _versions()
    page = redline_html(diff_documents(old, new), old, new, "zero draft", "consolidated")
    paragraphs = re.findall(r'<div class="(para[^"]*)"(?: id="(\w+)")?><div class="num">([^<]*)</div>'
                            r'<div class="body"><p class="text">(.*?)</p>(?:<div class="change">([^<]*)</div>)?', page)
    assert [(kind, pid, number, note) for kind, pid, number, _, note in paragraphs] == [
        ("para", "p001", "1.", ""),
        ("para changed", "p003", "2.", "changed: timeframe, was 3"),
        ("para changed", "", "(2)", "deleted"),
        ("para changed", "p004", "3.", "moved from introduction, was 4"),
        ("para", "p005", "4.", "")]
    texts = {pid or number: text for _, pid, number, text, _ in paragraphs}
    assert texts["p003"] == "Stockpile destruction has continued at a steady pace in most States Parties."
    assert texts["(2)"] == "<del>Since the First Review Conference, [number] States have joined the Convention.</del>"


def test_punctuation_put_before_a_word_widens_the_change_to_the_word() -> None:
    """CommonMark reads `**(**Convention` badly: the whole word goes in the change, the rest stays plain."""
    assert redline_markdown(redline("the Convention and more", "the (Convention and more")) == (
        "the ~~Convention~~**(Convention** and more")
