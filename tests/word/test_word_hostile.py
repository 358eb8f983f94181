"""Word in, from a hostile sender: text Word does not show, bookmarks out of place and broken or hostile
packages are refused through `ccmflow propose --from-docx`, with the paragraph named, exit 1, nothing made."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from roots import REPO_ROOT as REPO
from wordkit import Hostile, deflated, deflated_zeros, input_branches, props, raw_zip

from ccmflow.main import main
from ccmflow.repo.store import Store
from ccmflow.word.ooxml import bookmark_name
from ccmflow.word.package import FILE_MAX, MIB, PARTS_MAX
from ccmflow.word.read import NotReadable, made_from, open_word, read_changes

MONEY = "and all States shall pay EUR 1 billion to the ISU"


def _refused(capsys: pytest.CaptureFixture[str], checkout: Path, tmp_path: Path, data: bytes) -> str:
    """The file goes through the command: exit 1, no traceback, no branch; the message."""
    path = tmp_path / "sent.docx"
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["propose", "--from-docx", str(path), "--as", "kenya", "-C", str(checkout)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err and input_branches(checkout) == []
    return err


def _accepted(capsys: pytest.CaptureFixture[str], checkout: Path, tmp_path: Path, data: bytes) -> dict[str, object]:
    path = tmp_path / "sent.docx"
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["propose", "--from-docx", str(path), "--as", "kenya", "-C", str(checkout), "--json",
                 "--branch", f"accepted/{tmp_path.name}"])
    assert code == 0, capsys.readouterr().err
    return dict(json.loads(capsys.readouterr().out))


# --- Text Word does not show ---------------------------------------------------------------------------------

def _run_with(**values: dict[str, str]) -> Callable[[Hostile, str], None]:
    return lambda marked, name: marked.add_run(name, f" {MONEY}", props(**values))


def _without_theme(marked: Hostile) -> None:
    """The theme part and its relationship gone: Word then draws theme colours from its own default theme."""
    del marked.files["word/theme/theme1.xml"]
    rels = etree.fromstring(marked.files["word/_rels/document.xml.rels"])
    for rel in [r for r in rels if (r.get("Target") or "").startswith("theme/")]:
        rels.remove(rel)
    marked.files["word/_rels/document.xml.rels"] = etree.tostring(rels)


def _odd_theme(marked: Hostile) -> None:
    """A theme whose background colour is yellow, its colour scheme holding what a hand-made theme may: a
    comment, an empty entry, a system colour without the value Word last drew it in."""
    theme = marked.files["word/theme/theme1.xml"].decode("utf-8")
    start, end = theme.index("<a:clrScheme"), theme.index("</a:clrScheme>")
    scheme = ('<a:clrScheme name="Odd"><!-- made by hand --><a:dk1><a:sysClr val="windowText"/></a:dk1>'
              '<a:lt1><a:srgbClr val="FFFF00"/></a:lt1><a:dk2/><a:lt2><!-- none --></a:lt2>')
    marked.files["word/theme/theme1.xml"] = (theme[:start] + scheme + theme[end:]).encode("utf-8")


HIDDEN: dict[str, tuple[Callable[[Hostile, str], None], str]] = {
    "vanish": (_run_with(vanish={}), "hidden (w:vanish)"),
    "specVanish": (_run_with(specVanish={}), "hidden (w:specVanish)"),
    "webHidden": (_run_with(webHidden={}), "hidden (w:webHidden)"),
    "white": (_run_with(color={"val": "FFFFFF"}), "#FFFFFF cannot be told from the #FFFFFF"),
    "near-white": (_run_with(color={"val": "F2F2F2"}), "#F2F2F2 cannot be told"),
    "1 pt": (_run_with(sz={"val": "2"}), "1 pt (w:sz)"),
    "1 pt, complex script": (_run_with(szCs={"val": "2"}), "1 pt (w:szCs)"),
    "3.5 pt": (_run_with(sz={"val": "7"}), "3.5 pt (w:sz)"),
    "squeezed": (_run_with(w={"val": "5"}), "squeezed to 5%"),
    "yellow on its highlight": (_run_with(color={"val": "FFFF00"}, highlight={"val": "yellow"}),
                                "#FFFF00 cannot be told from the #FFFF00"),
    "black on black shading": (_run_with(color={"val": "000000"}, shd={"val": "clear", "fill": "000000"}),
                               "#000000 cannot be told"),
    "theme background colour": (_run_with(color={"val": "000000", "themeColor": "background1"}),
                                "#FFFFFF cannot be told"),
    "paragraph style": (lambda marked, name: marked.style_props("CCMParagraph", props(vanish={})),
                        "hidden (w:vanish)"),
    "character style": (lambda marked, name: (marked.style_props("Secret", props(vanish={}), kind="character"),
                                              marked.add_run(name, f" {MONEY}", props(rStyle={"val": "Secret"}))),
                        "hidden (w:vanish)"),
    "white on the paragraph's shading": (lambda marked, name: (
        marked.paragraph_props(name, "shd", val="clear", fill="1F497D"),
        marked.add_run(name, f" {MONEY}", props(color={"val": "1F497D"}))), "#1F497D cannot be told"),
    "the page's background": (lambda marked, name: (
        marked.page_background("000080"), marked.add_run(name, f" {MONEY}", props(color={"val": "000080"}))),
        "#000080 cannot be told"),
    "solid shading in the text's colour": (_run_with(color={"val": "000000"}, shd={"val": "solid", "color": "000000"}),
                                          "#000000 cannot be told"),
    "a 90% pattern of black": (_run_with(color={"val": "000000"}, shd={"val": "pct90", "color": "000000",
                                                                      "fill": "FFFFFF"}),
                               "#191919 behind it"),
    "a stripe over a black fill": (_run_with(color={"val": "000000"}, shd={"val": "horzStripe", "fill": "000000"}),
                                   "#000000 cannot be told"),
    "theme text tinted to near-white": (_run_with(color={"val": "000000", "themeColor": "text1", "themeTint": "1A"}),
                                        "#E5E5E5 cannot be told from the #FFFFFF"),
    "theme background shaded 5%": (_run_with(color={"val": "000000", "themeColor": "background1",
                                                    "themeShade": "F2"}), "#F2F2F2 cannot be told"),
    "theme background, the file without a theme": (lambda marked, name: (
        _without_theme(marked), _run_with(color={"val": "000000", "themeColor": "background1"})(marked, name)),
        "#FFFFFF cannot be told"),
    "theme background, the file's own theme": (lambda marked, name: (
        _odd_theme(marked), _run_with(color={"val": "000000", "themeColor": "background1"},
                                      highlight={"val": "yellow"})(marked, name)), "#FFFF00 cannot be told"),
    "hidden paragraph mark": (lambda marked, name: marked.mark_props(name, props(vanish={})),
                              "paragraph mark is hidden"),
    "a text box laid over the text": (lambda marked, name: marked.add_run(name, "", props(), drawing=True),
                                      "holds a drawing, which can be laid over text to hide it"),
}


@pytest.mark.parametrize("case", sorted(HIDDEN))
def test_text_word_does_not_show_is_refused_with_the_paragraph_named(
        capsys: pytest.CaptureFixture[str], checkout: Path, rendered: bytes, ids: dict[str, str], tmp_path: Path,
        case: str) -> None:
    hide, why = HIDDEN[case]
    marked = Hostile(rendered)
    hide(marked, bookmark_name(ids["5"]))
    err = _refused(capsys, checkout, tmp_path, marked.data())
    assert why in err
    assert f"paragraph 5 ({ids['5']})" in err or "the new paragraph" in err
    assert "cannot be seen in Word" in err


def test_hidden_text_in_a_new_paragraph_and_in_a_comment(capsys: pytest.CaptureFixture[str], checkout: Path,
                                                        rendered: bytes, ids: dict[str, str],
                                                        tmp_path: Path) -> None:
    marked = Hostile(rendered)
    marked.insert_after(bookmark_name(ids["7"]), "Regional meetings helped.")
    new = marked.paragraph(bookmark_name(ids["7"])).getnext()
    run = etree.SubElement(new, "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r")
    run.append(props(vanish={}))
    etree.SubElement(run, "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t").text = MONEY
    marked.track_replace(bookmark_name(ids["5"]), "[number]", "twelve")
    marked.comment(bookmark_name(ids["5"]), "Twelve States joined.")
    comment = marked.comments[-1]
    hidden = comment.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r")
    hidden.insert(0, props(color={"val": "FFFFFF"}))
    err = _refused(capsys, checkout, tmp_path, marked.data())
    assert f"the new paragraph 'Regional meetings helped.and all States shall pay EUR 1 b...' after paragraph 7 " \
           f"({ids['7']}): text '{MONEY}' cannot be seen in Word because it is hidden (w:vanish)" in err
    assert "the comment 'Twelve States joined.' has text that cannot be seen" in err


@pytest.mark.parametrize("values", [{"color": {"val": "808080"}}, {"color": {"val": "auto"}},
                                    {"sz": {"val": "16"}}, {"color": {"val": "FFFF00"}, "highlight": {"val": "blue"}},
                                    {"vanish": {"val": "0"}}, {"color": {"val": "NOTHEX"}}, {"sz": {"val": "big"}},
                                    {"color": {"val": "000000", "themeColor": "text1", "themeTint": "zz"}}])
def test_text_word_shows_is_read(capsys: pytest.CaptureFixture[str], checkout: Path, rendered: bytes,
                                 ids: dict[str, str], tmp_path: Path, values: dict[str, dict[str, str]]) -> None:
    """Grey, automatic, 8 pt, yellow on blue, hidden turned off, and values Word cannot use (a colour that is not
    hexadecimal, a size that is not a number, a tint that is not a byte, each left as if unset): read like any
    text."""
    marked = Hostile(rendered)
    marked.add_run(bookmark_name(ids["5"]), " as reported.", props(**values))
    out = _accepted(capsys, checkout, tmp_path, marked.data())
    assert out["kind"] == "amend"


# --- Bookmarks out of place ------------------------------------------------------------------------------------

CARRIES = "carries the bookmarks of paragraph 5 ({five}) and paragraph 6 ({six})"
MISPLACED: dict[str, tuple[Callable[[Hostile, str, str, str], None], list[str]]] = {
    # Paragraph 6 also carries paragraph 5's bookmark: Word shows the file unchanged; it once read as "amend 5 to
    # 6's text; delete 6".
    "duplicated": (lambda marked, five, six, seven: marked.copy_bookmark(five, onto=six),
                   ["the bookmark of paragraph 5 ({five}) appears 2 times", CARRIES]),
    "moved": (lambda marked, five, six, seven: marked.move_bookmark(five, onto=six), [CARRIES]),
    "runs on": (lambda marked, five, six, seven: marked.move_bookmark_end(five, after=seven),
                ["the bookmark of paragraph 5 ({five}) runs on into paragraph 6 ({six})"]),
}


@pytest.mark.parametrize("case", sorted(MISPLACED))
def test_a_bookmark_out_of_place_is_refused(capsys: pytest.CaptureFixture[str], checkout: Path, rendered: bytes,
                                            ids: dict[str, str], tmp_path: Path, case: str) -> None:
    misplace, messages = MISPLACED[case]
    marked = Hostile(rendered)
    misplace(marked, *(bookmark_name(ids[n]) for n in ("5", "6", "7")))
    err = _refused(capsys, checkout, tmp_path, marked.data())
    for message in messages:
        assert message.format(five=ids["5"], six=ids["6"]) in err, err


def test_paragraphs_in_a_table_are_refused(capsys: pytest.CaptureFixture[str], checkout: Path, rendered: bytes,
                                           ids: dict[str, str], tmp_path: Path) -> None:
    """A paragraph put in a table still shows in Word: it must not read as deleted, nor a table's text be lost."""
    marked = Hostile(rendered)
    marked.into_table(bookmark_name(ids["6"]))
    marked.table_after(bookmark_name(ids["8"]), "A new paragraph typed in a table.")
    err = _refused(capsys, checkout, tmp_path, marked.data())
    assert f"paragraph 6 ({ids['6']}) was put in a table" in err
    assert "the file has a table in its text ('A new paragraph typed in a table.')" in err


# --- Packages that are not what they say ----------------------------------------------------------------------

def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    return raw_zip([(name, deflated(data), 8, zlib.crc32(data), len(data)) for name, data in parts.items()])


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]><Properties>&lol9;</Properties>")


def _with_part(name: str, data: bytes) -> Callable[[dict[str, bytes]], bytes]:
    return lambda parts: _zip({**parts, name: data})


def _crc_damaged(parts: dict[str, bytes]) -> bytes:
    entries = [(n, deflated(d), 8, zlib.crc32(d) ^ (1 if n == "word/document.xml" else 0), len(d))
               for n, d in parts.items()]
    return raw_zip(entries)


PACKAGES: dict[str, tuple[Callable[[dict[str, bytes]], bytes], str]] = {
    "not a zip": (lambda parts: b"%PDF-1.4 not a Word file at all", "it is not a zip package"),
    "a zip without word/document.xml": (lambda parts: _zip({n: d for n, d in parts.items()
                                                            if n != "word/document.xml"}),
                                        "the package has no word/document.xml"),
    "a malformed custom.xml": (_with_part("docProps/custom.xml", b"<Properties><property name='x'>"),
                               "docProps/custom.xml is not well-formed XML"),
    "a CRC-damaged document.xml": (_crc_damaged, "word/document.xml is damaged or cannot be unpacked"),
    "a billion laughs in custom.xml": (_with_part("docProps/custom.xml", BILLION_LAUGHS),
                                       "docProps/custom.xml declares a DOCTYPE"),
    "a billion laughs in document.xml": (lambda parts: _zip({**parts, "word/document.xml": parts[
        "word/document.xml"].replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY x "y">]>', 1)}),
        "word/document.xml declares a DOCTYPE"),
    "a DOCTYPE in UTF-32": (_with_part("docProps/custom.xml", (
        '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE Properties [<!ENTITY x "y">]><Properties>&x;</Properties>'
    ).encode("utf-32")), "docProps/custom.xml declares a DOCTYPE"),
    "more parts than a Word file has": (lambda parts: _zip({**parts, **{f"media/p{i}.bin": b"" for i in range(2000)}}),
                                        f"parts, more than a Word file has ({PARTS_MAX})"),
    "headers declaring 120 MiB in all": (lambda parts: raw_zip(
        [(n, deflated(d), 8, zlib.crc32(d), len(d)) for n, d in parts.items()]
        + [(f"media/big{i}.bin", deflated(b"x"), 8, 0, 30 * MIB) for i in range(4)]),
        "MiB, more than 96 MiB (a zip bomb, or not a circulated document): refused unread"),
    "a header declaring 38 MiB": (lambda parts: raw_zip(
        [(n, deflated(d), 8, zlib.crc32(d), len(d)) for n, d in parts.items()]
        + [("media/big.bin", deflated(b"x"), 8, 0, 40_000_000)]),
        "media/big.bin would inflate to 38 MiB, more than 32 MiB (a zip bomb, or not a circulated document)"),
    "two parts with one name": (lambda parts: raw_zip(
        [(n, deflated(d), 8, zlib.crc32(d), len(d)) for n, d in parts.items()]
        + [("word/document.xml", deflated(b"<w/>"), 8, zlib.crc32(b"<w/>"), 4)]), "two parts named word/document.xml"),
}


@pytest.mark.parametrize("case", sorted(PACKAGES))
def test_a_malformed_package_gets_a_one_line_refusal(capsys: pytest.CaptureFixture[str], checkout: Path,
                                                    rendered: bytes, tmp_path: Path, case: str) -> None:
    make, why = PACKAGES[case]
    err = _refused(capsys, checkout, tmp_path, make(_parts(rendered)))
    assert why in err
    assert len(err.strip().splitlines()) == 1, err


def test_a_file_larger_than_a_circulated_document_is_refused_unopened() -> None:
    """The library's own bound, whoever read the bytes (the command reads no further than it)."""
    with pytest.raises(NotReadable, match=r"^the file is 65 MiB, more than a circulated document can be \(64 MiB\)"):
        open_word(bytes(FILE_MAX + MIB))


GIB = 1 << 30


def _bomb(parts: dict[str, bytes], declared: int) -> bytes:
    """document.xml as 2.5 GiB of zeros in 2.5 MB, its header declaring `declared` bytes."""
    data, crc = deflated_zeros(5 * GIB // 2)
    entries = [(n, deflated(d), 8, zlib.crc32(d), len(d)) for n, d in parts.items() if n != "word/document.xml"]
    return raw_zip([*entries, ("word/document.xml", data, 8, crc, declared)])


@pytest.mark.parametrize(("declared", "why"), [
    (5 * GIB // 2, "the package's parts would inflate to 2561 MiB, more than 96 MiB"),
    (20_000_000, "word/document.xml is damaged"),  # a header that lies: past its size the stream is not read
    (40_000_000, "word/document.xml would inflate to 38 MiB"),
])
def test_a_zip_bomb_is_refused_within_bounded_memory(rendered: bytes, checkout: Path, tmp_path: Path,
                                                     declared: int, why: str) -> None:
    """In a process of its own, with its address space capped at 1.5 GiB (so a bomb inflated whole fails
    instead of taking the machine's memory), and Python's allocations while reading it measured: at most the
    size its header declares (the lying header's 20 MB, then its checksum fails), never what it inflates to."""
    plain = tmp_path / "plain.docx"  # read first, so that the figure is the bomb's and not the imports'
    plain.write_bytes(rendered)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_bomb(_parts(rendered), declared))
    assert bomb.stat().st_size < 3_000_000
    script = (
        "import resource, sys, tracemalloc\n"
        "resource.setrlimit(resource.RLIMIT_AS, (3 << 29, 3 << 29))\n"
        "from ccmflow.main import main\n"
        f"main(['propose', '--from-docx', {str(plain)!r}, '--as', 'kenya', '-C', {str(checkout)!r}])\n"
        "tracemalloc.start()\n"
        f"code = main(['propose', '--from-docx', {str(bomb)!r}, '--as', 'kenya', '-C', {str(checkout)!r}])\n"
        "print(code, tracemalloc.get_traced_memory()[1])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=300,
                          check=False)
    assert "Traceback" not in done.stderr, done.stderr
    code, peak = done.stdout.split()
    assert code == "1" and why in done.stderr, done.stderr
    assert int(peak) < 32 << 20, f"peak of {int(peak) >> 20} MiB"


@settings(derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_file_is_read_or_refused_never_a_crash(rendered: bytes, checkout: Path,
                                                         data: st.DataObject) -> None:
    """Bytes flipped, cut or inserted anywhere in a circulated file: read back, or NotReadable, nothing else."""
    raw = bytearray(rendered)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            raw[at] ^= data.draw(st.integers(1, 255))
        elif action == "cut":
            del raw[at:]
        else:
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        if not raw:
            raw = bytearray(b"\0")
    base = Store(checkout).require("HEAD").documents["review-document"]
    try:
        word = open_word(bytes(raw))
        made_from(word)
        read_changes(word, base)
    except NotReadable:
        pass
