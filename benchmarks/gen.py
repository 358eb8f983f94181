"""Realistic, deterministic document texts for benchmarks: an action plan of N paragraphs and its revisions.

`generate_document(300)` is about 200 KB of YAML laid out like documents/lausanne-action-plan.yaml: narrative
paragraphs and actions with indicators, baselines, targets, responsible actors and references, in the
sections of documents/process.yaml. `mutate(text, seed, n_edits)` is the next revision: words changed here
and there, paragraphs added, removed and moved, with every other paragraph written byte for byte as before.
Both are valid against the document schema and the cross-file rules (references stay inside the document).
"""

from __future__ import annotations

import random
import textwrap
from typing import Any

from ccmflow.read.yamlsafe import load

DOC_ID = "generated-plan"
# The thematic sections of documents/process.yaml (tests check the two agree).
SECTIONS = (
    ("introduction", "Introduction"),
    ("universalization", "Universalization"),
    ("stockpile-destruction", "Stockpile destruction"),
    ("clearance-and-risk-reduction-education", "Clearance and risk reduction education"),
    ("victim-assistance", "Victim assistance"),
    ("international-cooperation-and-assistance", "International cooperation and assistance"),
    ("transparency", "Transparency measures"),
    ("national-implementation-measures", "National implementation measures"),
    ("implementation-support", "Implementation support"),
)
_ACTORS = ("States Parties", "Affected States Parties", "Signatory States", "Presidency", "Coordination Committee",
           "Implementation Support Unit", "Coordinators on universalization", "States Parties with stockpiles",
           "Coordinators on victim assistance", "States Parties in a position to do so")
_SUBJECTS = ("The States Parties", "Affected States Parties", "Each State Party", "The Presidency",
             "States Parties in a position to do so", "The Implementation Support Unit", "The Coordination Committee")
_VERBS = ("will strengthen", "will promote", "will report on", "will ensure", "will develop", "will review",
          "will support", "will integrate", "will mobilise resources for", "will share information on",
          "will establish", "will update")
_OBJECTS = ("national plans for the clearance of contaminated areas", "the destruction of stockpiled cluster munitions",
            "assistance to cluster munition victims and their families", "the collection of disaggregated data",
            "the participation of survivors in decision-making", "risk reduction education in affected communities",
            "transparency reports submitted under Article 7", "national legislation giving effect to the Convention",
            "partnerships with the United Nations and civil society", "the sustainability of the support unit",
            "the universalization of the Convention in every region", "gender and diversity considerations")
_MANNER = ("in a timely and effective manner", "on the basis of evidence and of the best available data",
           "in close cooperation with relevant partners", "with the full participation of affected communities",
           "in accordance with the agreed procedures", "within existing resources", "as a matter of priority",
           "at each Meeting of States Parties", "taking into account the different needs of women, girls, boys and men")
_WORDS = ("effective", "national", "regional", "timely", "comprehensive", "sustainable", "measurable", "inclusive",
          "coordinated", "targeted", "practical", "transparent", "adequate", "meaningful", "annual", "relevant")
_TIMEFRAMES = ("2021-2025", "Annually, 2021-2025", "By the Third Review Conference", "Within Article 4 deadlines",
               "Annually, from the first Meeting of States Parties after the Second Review Conference")
_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
_WIDTH = 96


def generate_document(paragraphs: int = 300, seed: int = 0, doc_id: str = DOC_ID, version: str = "first-draft") -> str:
    """The YAML text of a document with `paragraphs` paragraphs spread over the process's sections."""
    rng = random.Random(seed)
    taken: set[str] = set()
    sections: list[dict[str, Any]] = [{"id": sid, "title": title, "paragraphs": []} for sid, title in SECTIONS]
    for index in range(paragraphs):
        # Two introductory paragraphs, then each thematic section opens with a narrative and continues with actions.
        thematic = 1 + (index - 2) * (len(sections) - 1) // max(paragraphs - 2, 1)
        section = sections[0] if index < 2 else sections[thematic]
        kind = "narrative" if index < 2 or not section["paragraphs"] else "action"
        section["paragraphs"].append(_paragraph(rng, kind, doc_id, sections, taken))
    meta = {"id": doc_id, "title": "Generated Action Plan 2021-2025", "symbol": "CCM/CONF/2020/WP.9",
            "version": version, "status": "draft"}
    return dump({"document": meta, "sections": sections})


def mutate(text: str, seed: int, n_edits: int) -> str:
    """The next revision of a generated document: `n_edits` scattered edits of the kinds a drafter makes."""
    rng = random.Random(seed)
    data = load(text, f"documents/{DOC_ID}.yaml").data
    sections: list[dict[str, Any]] = data["sections"]
    doc_id: str = data["document"]["id"]
    taken = {p["id"] for s in sections for p in s["paragraphs"]}
    for _ in range(n_edits):
        edit = rng.choices(("reword", "add", "remove", "move", "indicator"), weights=(60, 15, 10, 10, 5))[0]
        section = rng.choice([s for s in sections if s["paragraphs"]])
        paragraphs: list[dict[str, Any]] = section["paragraphs"]
        at = rng.randrange(len(paragraphs))
        if edit == "reword":
            paragraphs[at]["text"] = _reword(rng, paragraphs[at]["text"])
        elif edit == "add":
            paragraphs.insert(at, _paragraph(rng, "action", doc_id, sections, taken))
        elif edit == "remove" and len(paragraphs) > 1:
            gone = paragraphs.pop(at)["id"]
            _drop_references(sections, f"{doc_id}#{gone}")
        elif edit == "move":
            moving = paragraphs.pop(at)
            target = rng.choice(sections)["paragraphs"]
            target.insert(rng.randrange(len(target) + 1), moving)
        elif "indicators" in paragraphs[at]:
            paragraphs[at]["indicators"][-1] = _reword(rng, paragraphs[at]["indicators"][-1])
    return dump(data)


def dump(data: dict[str, Any]) -> str:
    """YAML in the layout of the hand-written documents: block style, long texts folded at 96 columns."""
    out = ["# yaml-language-server: $schema=schemas/document.schema.json",
           "# Generated for benchmarks (benchmarks/gen.py); not a real document.", "document:"]
    for key, value in data["document"].items():
        out.append(f"  {key}: {_plain(value)}")
    out.append("sections:")
    for section in data["sections"]:
        empty = " []" if not section["paragraphs"] else ""
        out += [f"  - id: {section['id']}", f"    title: {_plain(section['title'])}", f"    paragraphs:{empty}"]
        for paragraph in section["paragraphs"]:
            out += _paragraph_lines(paragraph)
    return "\n".join(out) + "\n"


def _paragraph_lines(p: dict[str, Any]) -> list[str]:
    lines = [f"      - id: {p['id']}", f"        kind: {p['kind']}"]
    lines += _text("        text", p["text"])
    for key in ("indicators", "baseline", "target", "responsible", "timeframe", "references"):
        value = p.get(key)
        if isinstance(value, list):
            lines.append(f"        {key}:")
            for item in value:
                lines += _text("          -", item) if len(item) > 60 else [f"          - {_plain(item)}"]
        elif value is not None:
            lines += _text(f"        {key}", value) if len(value) > 60 else [f"        {key}: {_plain(value)}"]
    return lines


def _text(head: str, text: str) -> list[str]:
    """A folded block scalar: folding joins the lines with single spaces, giving the text back exactly."""
    indent = " " * (len(head) - len(head.lstrip()) + 2)
    sep = " " if head.endswith("-") else ": "
    body = textwrap.wrap(text, _WIDTH - len(indent), break_long_words=False, break_on_hyphens=False)
    return [f"{head}{sep}>-", *(indent + line for line in body)]


def _plain(value: str) -> str:
    safe = value[:1].isalpha() and not any(c in value for c in ":#[]{}&*!|>'\"%@`,") and value not in _RESERVED
    return value if safe else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "True", "False", "Null", "NULL", "TRUE", "FALSE"}


def _paragraph(rng: random.Random, kind: str, doc_id: str, sections: list[dict[str, Any]],
               taken: set[str]) -> dict[str, Any]:
    pid = _new_id(rng, taken)
    if kind == "narrative":
        return {"id": pid, "kind": kind, "text": " ".join(_sentence(rng) for _ in range(rng.randint(2, 3)))}
    paragraph: dict[str, Any] = {
        "id": pid, "kind": kind, "text": " ".join(_sentence(rng) for _ in range(1 if rng.random() < 0.7 else 2)),
        "indicators": [f"Number of {rng.choice(_ACTORS)} that report on {rng.choice(_OBJECTS)}"
                       for _ in range(1 if rng.random() < 0.7 else 2)],
    }
    if rng.random() < 0.4:
        paragraph["baseline"] = f"[number] {rng.choice(_ACTORS)} reported {rng.choice(_OBJECTS)} in 2020"
    if rng.random() < 0.4:
        paragraph["target"] = f"All {rng.choice(_ACTORS)} report {rng.choice(_WORDS)} progress by 2025"
    paragraph["responsible"] = rng.sample(_ACTORS, rng.randint(1, 2))
    paragraph["timeframe"] = rng.choice(_TIMEFRAMES)
    earlier = [p["id"] for s in sections for p in s["paragraphs"]]
    if earlier and rng.random() < 0.4:
        refs = {f"{doc_id}#{rng.choice(earlier)}", f"{doc_id}#{rng.choice(SECTIONS)[0]}"}
        paragraph["references"] = sorted(refs)
    return paragraph


def _sentence(rng: random.Random) -> str:
    what = rng.choice(_OBJECTS)
    what = what if what.startswith("the ") else f"{rng.choice(_WORDS)} {what}"
    more = f", and {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}" if rng.random() < 0.25 else ""
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {what} {rng.choice(_MANNER)}{more}."


def _reword(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    at = rng.randrange(len(words))
    how = rng.choice(("replace", "insert", "delete"))
    if how == "replace" or len(words) < 4:
        words[at] = rng.choice(_WORDS) + ("," if words[at].endswith(",") else "")
    elif how == "insert":
        words[at:at] = [rng.choice(_WORDS), "and", rng.choice(_WORDS)]
    elif 0 < at < len(words) - 1:
        del words[at]
    return " ".join(words)


def _drop_references(sections: list[dict[str, Any]], ref: str) -> None:
    for section in sections:
        for paragraph in section["paragraphs"]:
            if ref in paragraph.get("references", ()):
                paragraph["references"].remove(ref)
                if not paragraph["references"]:
                    del paragraph["references"]


def _new_id(rng: random.Random, taken: set[str]) -> str:
    while True:
        pid = "p" + "".join(rng.choice(_ID_CHARS) for _ in range(7))
        if pid not in taken:
            taken.add(pid)
            return pid
