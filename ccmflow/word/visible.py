"""Text a reader of the file cannot see: hidden, or drawn so that it cannot be told from the page.

Text is read back from a file whatever it looks like, so a run Word does not show (or shows as nothing) would
become part of the proposal while the delegation, the ISU and the Presidency read the file without it. A run
is invisible here when, with its paragraph's and its own styles and the document's defaults applied:

- it is hidden: w:vanish, w:specVanish or w:webHidden. In a style these are toggles that Word may cancel out
  between a paragraph style and a character style; any style that sets one counts here, unless the run's own
  properties turn it off (the conservative reading: a file Word would show is at worst refused, never a file
  Word hides read);
- its colour is within 1.5:1 contrast of what is behind it (highlight, run shading, paragraph shading, page
  background, else white): WCAG asks 3:1 of the largest text, so half that is text a careful reader passes
  over (white, "Background 1, Darker 5%" and "15%" are below it; "Darker 25%" grey is above). A theme colour
  counts as both its theme value and the RGB Word stores beside it, so neither can be used to lie;
- it is under 4 pt (w:sz or w:szCs under 8 half-points): Word's size list starts at 8 pt and fine print is
  6 pt; under 4 pt a line of text is a thin grey stroke on screen at 100% and on paper (the attack used 1 pt);
- it is squeezed under 20% of its width (w:w; the narrowest Word offers is 33%).

A paragraph mark that is hidden joins the paragraph to the next one on screen, so it is refused too, and so is a
drawing, picture or text box in a paragraph: one can be laid over the text to hide it, and its own text is not
read back.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree
from msgspec import Struct

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# What accepting every tracked change drops, and what is not text: paragraph and run properties (which hold
# the marks of inserted or deleted paragraphs), drawings and text boxes.
NOT_TEXT = frozenset({f"{W}{tag}" for tag in ("del", "moveFrom", "pPr", "rPr", "drawing", "pict", "object")}
                     | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"})
HIDING = ("vanish", "specVanish", "webHidden")
_DRAWINGS = {f"{W}drawing": "a drawing", f"{W}pict": "a picture or text box", f"{W}object": "an embedded object",
             "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent": "a drawing"}
MIN_CONTRAST = 1.5
MIN_HALF_POINTS = 8  # 4 pt
MIN_SCALE = 20  # percent
_DEFAULT_HALF_POINTS = 20  # what Word uses when nothing sets a size
_WHITE = (255, 255, 255)
_BLACK = (0, 0, 0)
_HIGHLIGHTS = {"black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
               "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080",
               "darkCyan": "008080", "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000",
               "darkYellow": "808000", "darkGray": "808080", "lightGray": "C0C0C0"}
# w:themeColor -> the theme's colour scheme entry (Word's default mapping of background and text colours).
_THEME_SLOTS = {"dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2", "text1": "dk1",
                "background1": "lt1", "text2": "dk2", "background2": "lt2", "hyperlink": "hlink",
                "followedHyperlink": "folHlink", **{f"accent{i}": f"accent{i}" for i in range(1, 7)}}
_TRUE = {"", "1", "true", "on"}

RGB = tuple[int, int, int]


class Unseen(Struct, frozen=True):
    """Why some text of a paragraph cannot be seen, and the text."""

    why: str
    text: str


def text_runs(element: etree._Element) -> Iterator[etree._Element]:
    """The runs whose text counts once every tracked change is accepted."""
    for child in element:
        tag = child.tag
        if tag in NOT_TEXT or not isinstance(tag, str):
            continue
        if tag == f"{W}r":
            yield child
        else:
            yield from text_runs(child)


def _drawing(element: etree._Element) -> str | None:
    """The tag of the first drawing in the text as it reads with tracked changes accepted (deleted content and
    properties left out), if any."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in (f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr"):
            continue
        found = tag if tag in _DRAWINGS else _drawing(child)
        if found is not None:
            return found
    return None


def _run_text(run: etree._Element) -> str:
    return "".join(t.text or "" for t in run.iter(f"{W}t"))


def _hex(value: str | None) -> RGB | None:
    if not value or len(value) != 6:
        return None
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return None


def _on(element: etree._Element) -> bool:
    return (element.get(f"{W}val") or "").lower() in _TRUE


def _luminance(rgb: RGB) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: RGB, other: RGB) -> float:
    """WCAG's contrast ratio, 1 (the same colour) to 21 (black on white)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class Visibility:
    """What a file's styles, theme and page make of a paragraph's runs."""

    def __init__(self, word: WordDocument) -> None:
        styles = word.styles.element
        self._styles = {s.get(f"{W}styleId") or "": s for s in styles.iter(f"{W}style")}
        self._default = {(s.get(f"{W}type") or ""): sid for sid, s in self._styles.items()
                         if _on_attr(s.get(f"{W}default"))}
        defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self._doc_rpr = [defaults] if defaults is not None else []
        self._theme = _theme_colours(word)
        background = word.element.find(f"{W}background")
        self._page = self._colours(background, "color") or [_WHITE]

    def unseen(self, paragraph: etree._Element) -> Unseen | None:
        """The first invisible text of `paragraph` (or its hidden mark), if any."""
        pstyle = paragraph.find(f"{W}pPr/{W}pStyle")
        chain = self._chain(pstyle.get(f"{W}val") if pstyle is not None else self._default.get("paragraph"))
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        for name in HIDING:
            found = mark.find(f"{W}{name}") if mark is not None else None
            if found is not None and _on(found):
                return Unseen(f"its paragraph mark is hidden (w:{name}), so Word runs it into the next paragraph",
                              "")
        drawn = _drawing(paragraph)
        if drawn is not None:
            return Unseen(f"it holds {_DRAWINGS[drawn]}, which can be laid over text to hide it and whose own "
                          "text is not read back", "")
        behind = self._paragraph_background(paragraph, chain)
        for run in text_runs(paragraph):
            text = _run_text(run)
            if text.strip():
                why = self._why(run, chain, behind)
                if why:
                    return Unseen(why, text)
        return None

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        """A style and the styles it is based on, the base first."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.insert(0, style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None
        return chain

    def _paragraph_background(self, paragraph: etree._Element, chain: list[etree._Element]) -> list[RGB]:
        levels = [s.find(f"{W}pPr") for s in chain] + [paragraph.find(f"{W}pPr")]
        shading = _last([lvl for lvl in levels if lvl is not None], "shd")
        return self._shading(shading) or self._page

    def _why(self, run: etree._Element, chain: list[etree._Element], behind: list[RGB]) -> str | None:
        direct = run.find(f"{W}rPr")
        rstyle = direct.find(f"{W}rStyle") if direct is not None else None
        char_chain = self._chain(rstyle.get(f"{W}val") if rstyle is not None else self._default.get("character"))
        styles = self._doc_rpr + [r for s in chain + char_chain if (r := s.find(f"{W}rPr")) is not None]
        levels = styles + ([direct] if direct is not None else [])
        for name in HIDING:
            own = direct.find(f"{W}{name}") if direct is not None else None
            if (own is not None and _on(own)) or (own is None and any(
                    (f := s.find(f"{W}{name}")) is not None and _on(f) for s in styles)):
                return f"it is hidden (w:{name})"
        for name in ("sz", "szCs"):
            size = _number(_last(levels, name), _DEFAULT_HALF_POINTS)
            if size < MIN_HALF_POINTS:
                return f"it is {size / 2:g} pt (w:{name}), too small to be read"
        scale = _number(_last(levels, "w"), 100)
        if scale < MIN_SCALE:
            return f"it is squeezed to {scale}% of its width (w:w)"
        colour = self._colours(_last(levels, "color"), "val")
        backdrop = _highlight(_last(levels, "highlight")) or self._shading(_last(levels, "shd")) or behind
        for text_rgb in colour:
            for back in backdrop:
                if contrast(text_rgb, back) < MIN_CONTRAST:
                    return (f"its colour #{bytes(text_rgb).hex().upper()} cannot be told from the "
                            f"#{bytes(back).hex().upper()} behind it")
        return None

    def _colours(self, element: etree._Element | None, attr: str) -> list[RGB]:
        """Every colour `element` may be drawn in: its RGB and, for a theme colour, the theme's."""
        if element is None:
            return []
        found = [rgb] if (rgb := _hex(element.get(f"{W}{attr}"))) else []
        slot = _THEME_SLOTS.get(element.get(f"{W}themeColor") or "")
        themed = self._theme.get(slot or "")
        if themed is not None:
            tint, shade = _hex_byte(element.get(f"{W}themeTint")), _hex_byte(element.get(f"{W}themeShade"))
            if tint is not None:
                themed = tuple(round(255 - (255 - c) * tint / 255) for c in themed)  # type: ignore[assignment]
            if shade is not None:
                themed = tuple(round(c * shade / 255) for c in themed)  # type: ignore[assignment]
            found.append(themed)
        return found

    def _shading(self, shd: etree._Element | None) -> list[RGB]:
        """The colour a w:shd paints: its fill, with its pattern (solid, or a percentage) in its colour over it."""
        if shd is None or (shd.get(f"{W}val") or "") == "nil":
            return []
        pattern = shd.get(f"{W}val") or "clear"
        fill = self._colours(shd, "fill")
        ink = self._colours(shd, "color") or [_BLACK]
        if pattern == "clear":
            return fill
        share = 1.0 if pattern == "solid" else _number_suffix(pattern) / 100
        if share <= 0:
            return fill
        return [tuple(round(f * (1 - share) + i * share) for f, i in zip(back, front, strict=True))  # type: ignore[misc]
                for back in (fill or [_WHITE]) for front in ink]


def _highlight(element: etree._Element | None) -> list[RGB]:
    if element is None:
        return []
    rgb = _hex(_HIGHLIGHTS.get(element.get(f"{W}val") or ""))
    return [rgb] if rgb else []


def _last(levels: list[etree._Element], name: str) -> etree._Element | None:
    """The property as the last level that sets it has it (the run's own over its styles over the defaults)."""
    for level in reversed(levels):
        found = level.find(f"{W}{name}")
        if found is not None:
            return found
    return None


def _number(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(f"{W}val") or default)
    except ValueError:
        return default


def _number_suffix(pattern: str) -> int:
    digits = "".join(c for c in pattern if c.isdigit())
    return int(digits) if digits else 0


def _hex_byte(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


def _on_attr(value: str | None) -> bool:
    return (value or "").lower() in {"1", "true", "on"}


def _theme_colours(word: WordDocument) -> dict[str, RGB]:
    """The theme's colour scheme (dk1, lt1, accent1...), from the file's own theme part when it has one."""
    try:
        theme = word.part.part_related_by(RT.THEME)
    except KeyError:
        return {"dk1": _BLACK, "lt1": _WHITE}
    root = etree.fromstring(theme.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    scheme = root.find(f"{_A}themeElements/{_A}clrScheme")
    colours: dict[str, RGB] = {}
    for slot in scheme if scheme is not None else ():
        if not isinstance(slot.tag, str):
            continue
        value = next(iter(slot), None)
        if value is None:
            continue
        rgb = _hex(value.get("val") if value.tag == f"{_A}srgbClr" else value.get("lastClr"))
        if rgb is not None:
            colours[slot.tag.removeprefix(_A)] = rgb
    return colours
