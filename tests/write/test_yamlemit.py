"""One string written as YAML: whatever form is chosen, it reads back as itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ccmflow.read.yamlsafe import load
from ccmflow.write import yamlemit
from ccmflow.write.yamlemit import scalar

_PIECES = st.sampled_from([*'ab "\\\n\t\r\x00\x85\u2028\u00e9:#-', "word ", "x" * 30 + " "])
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@settings(derandomize=True, max_examples=400)
@given(_TEXTS, st.integers(0, 100), st.integers(0, 40), st.booleans())
def test_a_scalar_reads_back_as_itself(value: str, column: int, indent: int, block: bool) -> None:
    written = scalar(value, column, indent, block)
    assert load(f"k: {written}\n", "<scalar>").data == {"k": value}


def test_a_text_is_folded_when_folding_can_say_it_and_quoted_when_not() -> None:
    words = " ".join(["word"] * 40)
    assert scalar(words, 8, 10, block=True) == ">-\n" + "\n".join(
        " " * 10 + line for line in ("word " * 17 + "word", "word " * 17 + "word", "word word word word"))
    assert scalar(words + " ", 8, 10, block=True).startswith('"word word')  # a trailing space: quoted
    assert scalar("short", 8, 10) == "short" and scalar("a: b", 8, 10) == '"a: b"'


@settings(derandomize=True, max_examples=400)
@given(_TEXTS)
def test_escaping_changes_exactly_the_characters_that_need_it(text: str) -> None:
    expected = "".join(yamlemit._ESCAPES.get(c) or (yamlemit._code(c) if yamlemit._UNSAFE.match(c) else c)
                       for c in text)
    assert yamlemit._escape(text) == expected
