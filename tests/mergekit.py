"""A small review document for the merge tests, and a change to one of its paragraphs."""

from __future__ import annotations

DOC = "documents/review-document.yaml"
TEXTS = {
    "p001": "The States Parties reaffirm their commitment to the full implementation of the Convention.",
    "p002": "Since the First Review Conference, [number] States have joined the Convention.",
    "p003": "Stockpile destruction has continued at a steady pace in most States Parties.",
    "p004": "Clearance of contaminated areas remains the main challenge for affected States Parties.",
}


def document(texts: dict[str, str] = TEXTS, order: list[str] | None = None) -> str:
    lines = ["# The review document (test copy).", "document:", "  id: review-document", "  title: Review",
             "  version: zero-draft", "  status: draft", "sections:", "  - id: introduction",
             "    title: Introduction", "    paragraphs:"]
    for pid in order or list(texts):
        lines += [f"      - id: {pid}", "        kind: narrative", "        text: >-", f"          {texts[pid]}"]
    return "\n".join(lines) + "\n"


def changed(pid: str, text: str, base: dict[str, str] = TEXTS) -> dict[str, str]:
    return {**base, pid: text}
