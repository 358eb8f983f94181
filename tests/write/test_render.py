"""The numbered document as Markdown and HTML: numbers, anchors, links, and nothing unescaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from types import MappingProxyType

from ccmflow.core.model import DEFAULT_NUMBERING, Document, Paragraph, Section
from ccmflow.write.render import display_number, reference, render_html, render_markdown

HOSTILE = 'Recalling <script>alert("x")</script> & *stars* [link](javascript:alert(1)) <b>bold</b>'


def sample(numbering: dict[str, str] | None = None) -> Document:
    paragraphs = (
        Paragraph(id="ppre4mb1", kind="preambular", text="Recalling the Convention on Cluster Munitions,"),
        Paragraph(id="p3k9x2qa", kind="narrative", text="Twelve States have joined the Convention.",
                  references=("review-document#p7m2c4ve",)),
        Paragraph(id="p7m2c4ve", kind="action", text="States not party will join the Convention.",
                  indicators=("Number of accessions", "Number of votes in favour"), baseline="100 in 2020",
                  target="120", responsible=("States not party",), timeframe="by 2030",
                  references=("lausanne-action-plan#pabc2345", "review-document#universalization")),
        Paragraph(id="ph0st1le", kind="narrative", text=HOSTILE),
    )
    sections = (Section("universalization", "Universalization", paragraphs[:3]),
                Section("other-matters", "Other <matters>", paragraphs[3:]))
    return Document("review-document", "Review of the Convention", "zero-draft", "draft", sections,
                    "documents/review-document.yaml", symbol="CCM/CONF/2026/3",
                    informs=("lausanne-action-plan",),
                    numbering=MappingProxyType(dict(DEFAULT_NUMBERING) | (numbering or {})))


class Collect(HTMLParser):
    """Tags and attributes of a page, to check what the markup really holds."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parsed(page: str) -> Collect:
    collector = Collect()
    collector.feed(page)
    return collector


def test_display_numbers() -> None:
    assert display_number("12") == "12."
    assert display_number("Action 7") == "Action 7"


def test_html_shows_numbers_in_order_with_ids_as_anchors() -> None:
    page = render_html(sample())
    assert re.search(r'id="ppre4mb1"><div class="num">1\.</div>', page)
    assert re.search(r'id="p3k9x2qa"><div class="num">2\.</div>', page)
    assert re.search(r'id="p7m2c4ve"><div class="num">Action 1</div>', page)
    assert '<a class="pid" href="#p7m2c4ve">p7m2c4ve</a>' in page
    ids = [attrs["id"] for _, attrs in parsed(page).tags if "id" in attrs]
    assert ids == ["universalization", "ppre4mb1", "p3k9x2qa", "p7m2c4ve", "other-matters", "ph0st1le"]


def test_html_escapes_everything_from_the_yaml() -> None:
    page = render_html(sample(), process_title="Second <Review> Conference", version_name="Zero <draft>")
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<b>" not in page and "Other &lt;matters&gt;" in page
    assert "Second &lt;Review&gt; Conference" in page and "Zero &lt;draft&gt;" in page
    hrefs = [attrs.get("href") or "" for tag, attrs in parsed(page).tags if tag == "a"]
    assert not any(href.startswith("javascript") for href in hrefs)


def test_html_is_one_self_contained_page() -> None:
    page = render_html(sample())
    tags = parsed(page).tags
    assert page.startswith("<!DOCTYPE html>")
    assert not [t for t, attrs in tags if t in ("script", "link", "img", "iframe")]
    assert "<style>" in page and "@media print" in page


def test_html_header_shows_title_symbol_version_and_status() -> None:
    page = render_html(sample(), process_title="Second Review Conference", version_name="Zero draft")
    assert '<p class="conference process">Second Review Conference</p>' in page
    assert '<div class="symbolblock"><p class="symbol" dir="auto">CCM/CONF/2026/3</p></div>' in page
    assert '<h1>Review of the Convention</h1>' in page
    assert '<p class="meta">Version: Zero draft · Status: Draft</p>' in page
    assert "Version: zero-draft" in render_html(sample())  # the version id when no name is given


def test_html_references_are_links() -> None:
    page = render_html(sample())
    assert '<a href="review-document.html#p7m2c4ve">Action 1</a>' in page
    assert '<a href="lausanne-action-plan.html#pabc2345">lausanne-action-plan#pabc2345</a>' in page
    assert '<a href="review-document.html#universalization">Universalization</a>' in page
    assert reference("review-document#p3k9x2qa", sample()).label == "paragraph 2"


def test_references_to_other_known_documents_show_their_numbers() -> None:
    join = Paragraph(id="pabc2345", kind="action", text="Join.", indicators=("n",))
    plan = Document("lausanne-action-plan", "Lausanne Action Plan", "final", "adopted",
                    (Section("general", "General", (join,)),), "documents/lausanne-action-plan.yaml")
    shown = reference("lausanne-action-plan#pabc2345", sample(), {"lausanne-action-plan": plan})
    assert shown.label == "Action 1 of Lausanne Action Plan"
    assert "Action 1 of Lausanne Action Plan" in render_html(sample(), others={plan.id: plan})
    # A section of another document reads as its title, named with the document's short title.
    plan = Document("lausanne-action-plan", "Lausanne Action Plan: 2021-2025", "final", "adopted",
                    (Section("general", "General", (join,)),), "documents/lausanne-action-plan.yaml")
    shown = reference("lausanne-action-plan#general", sample(), {"lausanne-action-plan": plan}, "fr")
    assert shown.label == "General du document Lausanne Action Plan"


def test_html_action_details_as_a_compact_list() -> None:
    page = render_html(sample())
    assert ('<li><span class="label">Indicators:</span> <ul><li>Number of accessions</li>'
            "<li>Number of votes in favour</li></ul></li>") in page
    for label, value in (("Baseline", "100 in 2020"), ("Target", "120"), ("Responsible", "States not party"),
                         ("Timeframe", "by 2030")):
        assert f'<li><span class="label">{label}:</span> {value}</li>' in page


def test_unnumbered_kind_has_no_number_and_does_not_count() -> None:
    doc = sample({"preambular": ""})
    page = render_html(doc)
    assert '<div class="para unnumbered preambular" id="ppre4mb1"><div class="body">' in page
    assert 'id="p3k9x2qa"><div class="num">1.</div>' in page
    text = render_markdown(doc)
    assert '<a id="ppre4mb1"></a>Recalling the Convention' in text
    assert '<a id="p3k9x2qa"></a>**1.** Twelve States' in text


def test_markdown_numbers_anchors_and_header() -> None:
    text = render_markdown(sample(), process_title="Second Review Conference", version_name="Zero draft")
    assert text.startswith("*Second Review Conference*\n\nCCM/CONF/2026/3\n\n# Review of the Convention\n\n")
    assert "Version: Zero draft · Status: Draft" in text
    assert "## Universalization\n" in text
    assert '<a id="ppre4mb1"></a>**1.** Recalling the Convention on Cluster Munitions,\n' in text
    assert "<sub>" not in text  # ids are anchors, never printed
    assert '<a id="p7m2c4ve"></a>**Action 1** States not party' in text
    assert "- *Indicators:* Number of accessions; Number of votes in favour\n" in text
    assert "- *Timeframe:* by 2030\n" in text


def test_markdown_references_are_links() -> None:
    text = render_markdown(sample())
    assert "- *References:* [Action 1](review-document.md#p7m2c4ve)" in text
    assert "[lausanne-action-plan\\#pabc2345](lausanne-action-plan.md#pabc2345)" in text


def test_markdown_escapes_html_and_markup() -> None:
    text = render_markdown(sample())
    assert "<script" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text
    assert "\\*stars\\*" in text and "\\[link\\](javascript:alert(1))" in text
    assert "## Other &lt;matters&gt;" in text


def test_markdown_keeps_line_breaks_on_one_source_line() -> None:
    doc = sample()
    para = Paragraph(id="pm5lt1ln", kind="narrative", text="First line\n# not a heading\n  indented")
    doc = Document(doc.id, doc.title, doc.version, doc.status,
                   (Section("s", "S", (para,)),), doc.path)
    text = render_markdown(doc)
    assert "First line<br>\\# not a heading<br>&nbsp;&nbsp;indented\n" in text
