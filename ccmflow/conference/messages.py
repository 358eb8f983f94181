"""What the bot answers to /ccmflow ad-ref, agree and reopen: short, polite, every stranger's word escaped."""

from __future__ import annotations

from ccmflow.core.escape import code, escape


def marked(login: str, sentence: str, document: str, revision: str) -> str:
    return (f"Thank you, {escape('@' + login, 60)}. In {escape(document, 120)}, {escape(sentence)} (recorded in "
            f"{escape(revision, 40)}; the status record is `refs/ccmflow/status`).")


def cannot(login: str, command: str, why: str) -> str:
    return (f"Thank you, {escape('@' + login, 60)}. The bot has not acted on {code('/ccmflow ' + command, 80)}: "
            f"{escape(why, 600)}")


def which_document(login: str, word: str, name: str, documents: list[str]) -> str:
    example = f"/ccmflow {word} {documents[0]} {name}" if documents else f"/ccmflow {word} DOC {name}"
    return cannot(login, f"{word} {name}", f"several documents have a paragraph '{name}' "
                  f"({', '.join(documents)}). Name the document first, e.g. {example}.")
