"""The one rule every path obeys: the text of an agreed or adopted paragraph changes only after a reopen.

`touched_agreed` decides it for any change (a proposal, a pull request, a merge, a consolidated version, a Word
file): given the base document, the changed one and each paragraph's status as the base records it, it names the
protected paragraphs whose substance the change alters or removes. Everything else is free to change.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct

from ccmflow.core.agreement import ParagraphStatus
from ccmflow.core.model import Document, paragraph_label


class AgreedTextChanged(ValueError):
    """A merge would change agreed text; the message is `refusal`'s."""


class Touch(Struct, frozen=True):
    """A paragraph an input would change whose status protects it (agreed, or in an adopted text)."""

    paragraph: str
    number: str
    status: ParagraphStatus
    deleted: bool
    inserted: bool = False  # a new paragraph in an adopted text, which no longer changes at all

    @property
    def label(self) -> str:
        return paragraph_label(self.number, self.paragraph)

    def sentence(self) -> str:
        if self.inserted:
            return f"inserts paragraph {self.paragraph} into the adopted text"
        what = "deletes" if self.deleted else "changes the text of"
        return f"{what} paragraph {self.label}, which is {self.status.label}"


def touched_agreed(base: Document | None, new: Document | None, status: Mapping[str, ParagraphStatus],
                   adopted: bool = False) -> tuple[Touch, ...]:
    """The protected paragraphs of `base` whose content `new` changes or drops (`new` None: the document is gone);
    of an `adopted` text, every paragraph, and every paragraph `new` inserts."""
    if adopted and base is not None:
        status = {p.id: ParagraphStatus.ADOPTED for _, p in base.walk()}
    if base is None:
        return ()
    numbers = base.numbers()
    touched: list[Touch] = []
    for _, paragraph in base.walk():
        state = status.get(paragraph.id)
        if state is None or not state.protected:
            continue
        after = new.paragraph(paragraph.id) if new is not None else None
        if after is None or after.content() != paragraph.content():
            touched.append(Touch(paragraph.id, numbers.get(paragraph.id, ""), state, after is None))
    if adopted and new is not None:
        touched += [Touch(p.id, "", ParagraphStatus.ADOPTED, False, True) for _, p in new.walk()
                    if base.paragraph(p.id) is None]
    return tuple(touched)


def refusal(document: str, touches: tuple[Touch, ...]) -> str:
    """One message for every path: what is protected and how to change it anyway."""
    listed = "; ".join(t.sentence() for t in touches)
    if any(t.status is ParagraphStatus.ADOPTED for t in touches):
        return (f"{document}: this change {listed}. The adopted text is final: a delegation puts its view on the "
                "record with an explanation of position or a reservation (ccmflow propose DOC PARAGRAPH --position "
                "explanation --remark FILE)")
    return (f"{document}: this change {listed}. Agreed text is not changed: ask the Presidency or the section's "
            "facilitator to reopen the paragraph first (/ccmflow reopen PARAGRAPH, or ccmflow mark DOC PARAGRAPH "
            "open)")
