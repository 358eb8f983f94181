"""Translation files (documents/translations/<lang>/<doc>.yaml): parsed, schema-checked, matched to documents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from ccmflow.core.errors import Finding
from ccmflow.core.model import Document
from ccmflow.core.translations import Translated, Translation
from ccmflow.read import schema
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import DOCUMENTS_DIR, SourceFile
from ccmflow.read.yamlsafe import Loaded, YamlError
from ccmflow.read.yamlsafe import load as load_yaml

TRANSLATIONS_DIR = f"{DOCUMENTS_DIR}/translations"


def is_translation(path: str) -> bool:
    """documents/translations/<lang>/<doc>.yaml, nothing deeper."""
    rest = path.removeprefix(f"{TRANSLATIONS_DIR}/")
    return rest != path and rest.count("/") == 1 and rest.endswith(".yaml")


def parse_translation(file: SourceFile) -> tuple[Translation | None, Loaded | None, list[Finding]]:
    try:
        loaded = load_yaml(file.raw, file.path, positions=False)  # spans only if a finding asks (Loaded)
    except YamlError as exc:
        return None, None, [exc.finding]
    findings = schema.check(FileKind.TRANSLATION, loaded)
    if findings:
        return None, loaded, findings
    data: Any = loaded.data
    meta = data["translation"]
    folder = file.path.rsplit("/", 2)[-2]
    if folder != meta["language"]:
        findings.append(loaded.finding(("translation", "language"), f"language '{meta['language']}' in a file "
                                       f"under translations/{folder}/", f"move the file to translations/"
                                       f"{meta['language']}/ or set language: {folder}"))
    record = Translation(meta["document"], meta["language"], file.path, _one(data.get("title")),
                         _many(data.get("sections")), _many(data.get("paragraphs")),
                         agenda_item=_one(data.get("agenda_item")), submitted_by=_one(data.get("submitted_by")))
    return record, loaded, findings


def _one(data: Mapping[str, str] | None) -> Translated | None:
    return Translated(data["text"], data["source"]) if data else None


def _many(data: Mapping[str, Mapping[str, str]] | None) -> Mapping[str, Translated]:
    return MappingProxyType({key: Translated(v["text"], v["source"]) for key, v in (data or {}).items()})


def check_translations(files: Iterable[SourceFile],
                       documents: Mapping[str, Document]) -> tuple[tuple[Translation, ...], list[Finding]]:
    """Every translation file parsed and matched to its document; unknown documents and ids are errors."""
    found: list[Translation] = []
    findings: list[Finding] = []
    seen: dict[tuple[str, str], str] = {}
    for file in files:
        record, loaded, problems = parse_translation(file)
        findings += problems
        if record is None or loaded is None:
            continue
        doc = documents.get(record.document)
        if doc is None:
            findings.append(loaded.finding(("translation", "document"), f"unknown document '{record.document}'",
                                           f"use one of: {', '.join(sorted(documents))}"))
            continue
        key = (record.document, record.lang)
        if key in seen:
            findings.append(loaded.finding(("translation",), f"a second {record.lang} translation of "
                                           f"{record.document} (the first is {seen[key]})", "keep one file"))
        seen[key] = record.path
        findings += _unknown_ids(record, loaded, doc)
        found.append(record)
    return tuple(found), findings


def _at_key(loaded: Loaded, path: tuple[str, str], message: str, hint: str) -> Finding:
    """A finding on the line of a mapping key (the id), not of its value (every key has its span)."""
    span = loaded.key_spans[path]
    return Finding(loaded.path, span.line, span.column, message, hint)


def _unknown_ids(record: Translation, loaded: Loaded, doc: Document) -> list[Finding]:
    findings = [_at_key(loaded, ("paragraphs", pid), f"paragraph '{pid}' is not in {doc.id}",
                        "remove it, or use the id of a paragraph of the document (ccmflow show "
                        f"{doc.id} --json lists them)")
                for pid in record.paragraphs if doc.paragraph(pid) is None]
    findings += [_at_key(loaded, ("sections", sid), f"section '{sid}' is not in {doc.id}",
                         f"use one of: {', '.join(s.id for s in doc.sections)}")
                 for sid in record.sections if doc.section(sid) is None]
    return findings
