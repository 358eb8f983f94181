"""Names from the project's fixed vocabularies: a language code or a label name outside them is refused, naming
what is known."""

from __future__ import annotations

import pytest

from ccmflow.core import labels
from ccmflow.core.languages import language


def test_an_unknown_language_is_refused_with_the_known_codes() -> None:
    assert language("ar").rtl and not language("fr").rtl
    with pytest.raises(KeyError, match=r"unknown language 'xx' \(use one of: en, fr, es, ar, ru, zh\)"):
        language("xx")


def test_a_label_the_bot_does_not_own_has_no_spec() -> None:
    named = labels.spec(labels.doc("review-document"), {"doc:review-document": "Lausanne Review Document"})
    assert (named.color, named.description) == ("1d76db", "Input to the document: Lausanne Review Document")
    assert labels.spec(labels.section("universalization")).description == "Changes the section: universalization"
    with pytest.raises(ValueError, match=r"^'bug' is not a label the bot owns$"):
        labels.spec("bug")
