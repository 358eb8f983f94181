"""The search page: an index of every paragraph built at build time, searched in the page by the site's script."""

from __future__ import annotations

from ccmflow.site.data import SiteData
from ccmflow.site.html import json_script
from ccmflow.site.languages import document_path


def index(site: SiteData) -> list[dict[str, str]]:
    """One entry per paragraph (and per translated paragraph): where it is, its number and its text."""
    entries = []
    for data in (d for d in site.documents if d.circulated):  # a text not issued yet is not searched
        versions = [("en", data.document)] + [(t.code, t.document) for t in data.translations]
        for code, doc in versions:
            numbers = doc.numbers()
            for section, paragraph in doc.walk():
                entries.append({"u": f"{document_path(data.document.id, code)}#{paragraph.id}", "l": code,
                                "d": doc.title, "s": section.title, "n": numbers.get(paragraph.id, ""),
                                "i": paragraph.id, "x": paragraph.text})
    return entries


def search_page(site: SiteData) -> str:
    return "\n".join([
        "<h1>Search the documents</h1>",
        '<form class="search-page" role="search" action="search.html" method="get">'
        '<label for="q">Words to find (every word must appear in the paragraph)</label>'
        '<input id="q" name="q" type="search" autocomplete="off"><button type="submit">Search</button></form>',
        '<p id="search-status" role="status" aria-live="polite">Type words and press Search. The search runs in '
        "this page: nothing is sent anywhere.</p>",
        '<ol id="results" class="results"></ol>',
        '<noscript><p>Search needs JavaScript; every document can also be read in full from the home page.</p>'
        "</noscript>",
        json_script("search-index", index(site)),
    ])
