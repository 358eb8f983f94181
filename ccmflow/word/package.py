"""A .docx from outside, opened within bounds: every part read and checked before python-docx sees the file.

A .docx is a zip of XML parts, and the file comes from a stranger. Each part's declared size is checked before
it is inflated, and it is inflated in chunks up to the same bound (the size in the zip's header is the sender's
word, so the stream is counted too): a zip bomb is refused having used no more than one bound of memory. A part
whose checksum does not match, two parts with one name, and an XML part that is not well-formed or declares a
DOCTYPE (the only place entities can be declared, so no entity expansion such as a billion laughs) are refused
too. python-docx then opens a copy made of the checked parts only, so it reads exactly what was checked.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Mapping

from lxml import etree

MIB = 1 << 20
# A circulated document of 1,000 paragraphs is about 1 MiB of document.xml and a 100 KiB file: these bounds
# leave room for pictures a delegation pastes in, and keep the worst case to a few bounds' worth of memory.
FILE_MAX = 64 * MIB
PART_MAX = 32 * MIB
TOTAL_MAX = 96 * MIB
PARTS_MAX = 2000
_CHUNK = 1 << 16
_CONTENT_TYPES = "[Content_Types].xml"
_DOCUMENT = "word/document.xml"
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# No DTD loaded, no entity resolved, no network, libxml2's default limits on depth and text size kept.
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


class NotReadable(ValueError):
    """The file is not a ccmflow rendering that can be read back; the message (one line) says why."""


def checked_parts(data: bytes) -> dict[str, bytes]:
    """Every part of the package by name, each within the bounds and, if it is XML, well-formed without DTD."""
    if len(data) > FILE_MAX:
        raise NotReadable(f"the file is {len(data) / MIB:.0f} MiB, more than a circulated document can be "
                          f"({FILE_MAX // MIB} MiB): send the document without what was added to it")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise NotReadable(f"not a Word (.docx) file: it is not a zip package ({exc})") from None
    with package:
        parts = _read_parts(package)
    if _DOCUMENT not in parts:
        raise NotReadable(f"not a Word (.docx) file: the package has no {_DOCUMENT}")
    for name in _xml_names(parts):
        _check_xml(name, parts[name])
    return parts


def _read_parts(package: zipfile.ZipFile) -> dict[str, bytes]:
    infos = package.infolist()
    if len(infos) > PARTS_MAX:
        raise NotReadable(f"the package has {len(infos)} parts, more than a Word file has ({PARTS_MAX})")
    declared = sum(info.file_size for info in infos)
    if declared > TOTAL_MAX:
        raise NotReadable(f"the package's parts would inflate to {declared / MIB:.0f} MiB, more than "
                          f"{TOTAL_MAX // MIB} MiB (a zip bomb, or not a circulated document): refused unread")
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.filename in parts:
            raise NotReadable(f"the package has two parts named {info.filename}: which one counts is ambiguous")
        if info.file_size > PART_MAX:
            raise NotReadable(f"{info.filename} would inflate to {info.file_size / MIB:.0f} MiB, more than "
                              f"{PART_MAX // MIB} MiB (a zip bomb, or not a circulated document): refused unread")
        parts[info.filename] = _inflate(package, info)
        total += len(parts[info.filename])
        if total > TOTAL_MAX:  # headers that lie, part after part
            raise NotReadable(f"the package's parts inflate past {TOTAL_MAX // MIB} MiB: refused")
    return parts


def _inflate(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The part, inflated a chunk at a time and never past PART_MAX, whatever its header says."""
    out = io.BytesIO()
    try:
        with package.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                if out.tell() + len(chunk) > PART_MAX:
                    raise NotReadable(f"{info.filename} inflates past {PART_MAX // MIB} MiB although its header "
                                      f"says {info.file_size} bytes: refused")
                out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError,
            ValueError) as exc:
        raise NotReadable(f"{info.filename} is damaged or cannot be unpacked ({exc})") from None
    return out.getvalue()


def _xml_names(parts: Mapping[str, bytes]) -> list[str]:
    """The parts python-docx may parse as XML: by name, and by the content type the package gives them."""
    names = [n for n in parts if n.lower().endswith((".xml", ".rels"))]
    if _CONTENT_TYPES not in parts:
        return names
    _check_xml(_CONTENT_TYPES, parts[_CONTENT_TYPES])
    types = etree.fromstring(parts[_CONTENT_TYPES], _PARSER)
    xml_ext = {(t.get("Extension") or "").lower() for t in types.iter(f"{_TYPES_NS}Default")
               if (t.get("ContentType") or "").endswith("xml")}
    xml_parts = {(t.get("PartName") or "").lstrip("/") for t in types.iter(f"{_TYPES_NS}Override")
                 if (t.get("ContentType") or "").endswith("xml")}
    more = [n for n in parts if n not in names and (n in xml_parts or n.rsplit(".", 1)[-1].lower() in xml_ext)]
    return names + more


def _check_xml(name: str, data: bytes) -> None:
    if _declares_doctype(data):  # before parsing: entities are never even read
        raise NotReadable(f"{name} declares a DOCTYPE, which Word never writes (entity declarations can make a "
                          "small file expand without end): refused")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise NotReadable(f"{name} is not well-formed XML ({exc.msg})") from None
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        raise NotReadable(f"{name} declares a DOCTYPE, which Word never writes (entity declarations can make a "
                          "small file expand without end): refused")


def _declares_doctype(data: bytes) -> bool:
    """A DOCTYPE anywhere in the part, in UTF-8 or either UTF-16 (what XML parts are written in): the prolog may
    be padded with comments, and text typed in Word is escaped ('&lt;!DOCTYPE'), so a match is never a text's."""
    return any(marker in data for marker in (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"),
                                             "<!DOCTYPE".encode("utf-16-be")))


def repacked(parts: Mapping[str, bytes]) -> bytes:
    """The checked parts as a package of their own, stored as they are (python-docx inflates nothing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()
