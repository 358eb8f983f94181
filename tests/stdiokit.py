"""Standard output and error as a command meets them: a terminal, a redirect to a file, a pipe whose reader went away.

    monkeypatch.setattr(sys, "stdout", Stream(terminal=False))   # `ccmflow render ... --format docx > lap.docx`
    monkeypatch.setattr(sys, "stderr", Stream(terminal=True))    # a person watching a progress bar
    monkeypatch.setattr(sys, "stdout", ClosedPipe())             # `ccmflow show ... | head -n 1`, after head left

Text goes to the stream itself (getvalue()), bytes to its .buffer, as on a real sys.stdout.
"""

from __future__ import annotations

import io


class Stream(io.StringIO):
    """A text stream with a binary buffer beneath it, on a terminal or not."""

    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.buffer = io.BytesIO()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


class ClosedPipe(io.StringIO):
    """A pipe whose reader has gone away: every write fails as the operating system's would."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")
