"""The rich console every subcommand prints through: control characters from content never reach the terminal.

Imported by `ccmflow.commands.output.console()` only, so commands that print plain text never import rich.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Span, Text

Clean = Callable[[str], str]


def _safe_text(text: Text, terminal_safe: Clean) -> Text:
    """A rich Text with its characters made terminal-safe, its styles kept on the same characters."""
    plain = text.plain
    if terminal_safe(plain) == plain:
        return text
    offsets = [0] * (len(plain) + 1)
    pieces: list[str] = []
    position = 0
    for index, char in enumerate(plain):
        offsets[index] = position
        piece = terminal_safe(char)
        pieces.append(piece)
        position += len(piece)
    offsets[len(plain)] = position
    spans = [Span(offsets[s.start], offsets[min(s.end, len(plain))], s.style) for s in text.spans]
    return Text("".join(pieces), style=text.style, justify=text.justify, overflow=text.overflow,
                no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size, spans=spans)


class SafeConsole(Console):
    """A rich Console that never passes a control character from its content to the terminal.

    Strings (markup included) are cleaned before they become Text, and every Text before it is rendered, so
    tables, panels and plain prints are covered alike; rich's own styling is added after, and is untouched.
    `clean` is output.terminal_safe (passed in, so that this module, imported only to print through rich,
    does not import output back).
    """

    def __init__(self, clean: Clean, **options: Any) -> None:
        super().__init__(**options)
        self._clean = clean

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(self._clean(text), **options)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        safe = _safe_text(renderable, self._clean) if isinstance(renderable, Text) else renderable
        return super().render(safe, options)

    def on_broken_pipe(self) -> None:
        # The reader went away (`ccmflow show DOC | head`): rich would exit with 1 here; raised instead, it ends
        # the command the way plain output does, in the entry point, with 0.
        self.quiet = True
        raise BrokenPipeError
