"""The demo's scripted inputs: who sends what, and when GitHub receives it (times around the 4 May 2020 deadline)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from msgspec import Struct

from ccmflow.core.model import Paragraph
from ccmflow.write.edit import ID_ALPHABET, Editor

DOCUMENT = "review-document"
WINDOW = "review-zero-draft-input"
ZONE = ZoneInfo("Europe/Zurich")
SEED = 2020

Edit = Callable[[Editor, "Ids"], None]


def cest(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in conference time (Geneva/Lausanne), 2020."""
    return datetime(2020, month, day, hour, minute, tzinfo=ZONE)


class Ids:
    """Fresh paragraph ids from a fixed seed, so every run of the demo gives the same ids."""

    def __init__(self) -> None:
        self._random = random.Random(SEED)

    def new(self, editor: Editor) -> str:
        taken = {p.id for _, p in editor.document.walk()}
        while True:
            pid = "p" + "".join(self._random.choice(ID_ALPHABET) for _ in range(7))
            if pid not in taken:
                return pid


class Version(Struct, frozen=True):
    """One version of an input: its edit of the zero draft (or raw text), and when GitHub received it."""

    received: datetime
    edit: Edit | None = None
    raw: Callable[[str], str] | None = None  # a text edit, for an input that is not valid YAML
    committed: datetime | None = None  # the date written on the commit, when it differs (never trusted)


class ScriptedInput(Struct, frozen=True):
    """An input the demo's script plays: who sends it, its text and its versions over time."""

    number: int
    stakeholder: str  # registry id; the first account of that stakeholder opens the pull request
    title: str
    body: str
    versions: tuple[Version, ...]
    accepted_at: datetime | None = None  # when the Presidency says /ccmflow accept-late


UNIVERSAL = ("Since the First Review Conference, [number] States have ratified or acceded to the Convention, "
             "bringing the total number of States Parties to [number]. Most of the States that joined during the "
             "review period are from Africa, the Asia-Pacific region and Latin America and the Caribbean, "
             "confirming the broad geographical reach of the Convention and its standing as the primary "
             "international instrument addressing the humanitarian harm caused by cluster munitions, and "
             "reflecting the sustained outreach of States Parties and of civil society.")
UNIVERSAL_ICRC = ("Since the First Review Conference, [number] States have ratified or acceded to the Convention, "
                  "bringing the total number of States Parties to [number]. The States that joined during the "
                  "review period come from every region, which confirms that the prohibition of cluster munitions "
                  "is becoming a universal norm of international humanitarian law.")


def _universal(editor: Editor, ids: Ids) -> None:
    editor.set_text("pkp3nvcv", UNIVERSAL)


def _universal_icrc(editor: Editor, ids: Ids) -> None:
    editor.set_text("pkp3nvcv", UNIVERSAL_ICRC)


def _clearance(editor: Editor, ids: Ids) -> None:
    editor.set_text("pyk6zibq", editor.document.paragraph("pyk6zibq").text.replace(  # type: ignore[union-attr]
        "The main challenge remains", "The main challenge in this area remains", 1))
    text = ("Regional cooperation on survey and clearance, including the exchange of operators and equipment "
            "between neighbouring States Parties, has shortened the time needed to release land in border areas.")
    editor.insert("clearance-and-risk-reduction-education", "pletsoan",
                  Paragraph(id=ids.new(editor), kind="narrative", text=text))


_SURVIVORS = ("Survivors and their representative organisations have called for victim assistance to be "
              "funded for the long term, since the needs of survivors last a lifetime.")


def _survivors(editor: Editor, ids: Ids) -> None:
    editor.insert("victim-assistance", "pnppccgp", Paragraph(id=ids.new(editor), kind="narrative", text=_SURVIVORS))


def _survivors_late(editor: Editor, ids: Ids) -> None:
    _survivors(editor, ids)
    pid = next(p.id for _, p in editor.document.walk() if p.text == _SURVIVORS)
    editor.set_text(pid, _SURVIVORS.replace("long term", "long term, with predictable multi-year commitments"))


def _no_early_completion(editor: Editor, ids: Ids) -> None:
    editor.delete("pabmu3fk")


def _reporting(editor: Editor, ids: Ids) -> None:
    text = editor.document.paragraph("pvs7vs65").text  # type: ignore[union-attr]
    editor.set_text("pvs7vs65", text + " The Implementation Support Unit stands ready to assist them.")


def _broken(text: str) -> str:
    # One space too many before `text:` of the paragraph on legislation: not valid YAML any more.
    marker = "      - id: pmlwtap6\n        kind: narrative\n        text: >-\n"
    return text.replace(marker, marker.replace("        text:", "         text:"), 1)


SCRIPT = (
    ScriptedInput(1, "austria", "Universalization: say who helped the Convention grow",
                  "Austria proposes to recognise the outreach of States Parties and civil society in paragraph 5.",
                  (Version(cest(4, 20, 10, 12), _universal),)),
    ScriptedInput(2, "chile", "Paragraph 5: outreach of States Parties and civil society",
                  "Chile supports the same wording as Austria for paragraph 5.",
                  (Version(cest(4, 28, 9, 3), _universal),)),
    ScriptedInput(3, "icrc", "Universalization as an emerging universal norm",
                  "<!-- Describe your input here -->\nThe ICRC suggests describing the new adherents by region "
                  "and the norm as becoming universal.",
                  (Version(cest(5, 2, 16, 21), _universal_icrc),)),
    ScriptedInput(4, "cmc", "Victim assistance: long-term funding",
                  "The Cluster Munition Coalition proposes a new paragraph after paragraph 23 on funding.",
                  (Version(cest(5, 4, 18, 30), _survivors), Version(cest(5, 5, 10, 2), _survivors_late))),
    ScriptedInput(5, "kenya", "Delete the paragraph on early completion",
                  "Kenya considers paragraph 11 redundant with paragraph 10.",
                  (Version(cest(5, 5, 9, 30), _no_early_completion, committed=cest(5, 3, 17, 0)),)),
    ScriptedInput(6, "mexico", "Transparency: offer of assistance",
                  "Mexico proposes to recall the assistance offered by the ISU. Sent late because of a "
                  "connection problem at the mission; the Presidency has been informed.",
                  (Version(cest(5, 5, 8, 15), _reporting),), accepted_at=cest(5, 6, 11, 0)),
    ScriptedInput(7, "germany", "National implementation: figures",
                  "Germany's comments on national legislation.",
                  (Version(cest(5, 3, 11, 47), raw=_broken),)),
    ScriptedInput(8, "japan", "Clearance: regional cooperation",
                  "Japan proposes a sharper wording in paragraph 17 and a new paragraph on regional cooperation.",
                  (Version(cest(4, 22, 15, 40), _clearance),)),
)

FREEZE_AT = cest(5, 5, 0, 5)  # the hourly maintenance job's first run after the deadline
SUMMARY_AT = cest(5, 8, 12, 0)
TAKEN = ("pr-1", "pr-2", "pr-4", "pr-6", "pr-8")  # what the Presidency consolidates
