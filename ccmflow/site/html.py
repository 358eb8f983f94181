"""The one escape for everything the repository says (text, titles, names), and the page shell every page shares."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import UTC, datetime

from msgspec import Struct

# Only the site's own files: nothing is fetched from elsewhere, and inline <script> is never executed
# (the search index and the deadlines travel as application/json, read by the site's own script).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'")


def h(value: object) -> str:
    """HTML-escaped text, safe in element content and in double-quoted attributes: the site's only escape."""
    return html.escape(str(value), quote=True)


def json_script(element_id: str, data: object) -> str:
    """Data for the page's script; `<` is escaped inside the JSON so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{h(element_id)}">{text}</script>'


class NavItem(Struct, frozen=True):
    """A link of the site's navigation."""

    label: str
    href: str  # from the site's root
    key: str


class Page(Struct, frozen=True):
    """One page: where it lives under the site (e.g. `documents/review-document.html`) and what it holds."""

    path: str
    title: str
    body: str
    nav: str  # the key of the navigation item this page belongs to
    lang: str = "en"
    direction: str = "ltr"


class Clock(Struct, frozen=True):
    """A site built for a given instant (`--at`): its pages keep that instant in their own clock."""

    at: datetime
    shown: str  # the instant as people read it, conference time and UTC


def root_of(path: str) -> str:
    """The relative way back to the site's root from a page, so the site works under any URL prefix."""
    return "../" * path.count("/")


def shell(page: Page, site_title: str, nav: Sequence[NavItem], built: str, clock: Clock | None = None) -> str:
    """The full page: landmarks, skip link, navigation with a search box, the body, and the footer. With a
    `clock`, the page's script reads that instant instead of the visitor's (`data-now`), and a banner says the
    page shows a past date."""
    root = root_of(page.path)
    current = ' aria-current="page"'
    items = "".join(f'<li><a href="{h(root + item.href)}"{current if item.key == page.nav else ""}>'
                    f"{h(item.label)}</a></li>" for item in nav)
    now = f' data-now="{h(clock.at.astimezone(UTC).isoformat())}"' if clock else ""
    banner = (f'<p class="asof" role="note" lang="en" dir="ltr">This site shows the process as it stood on '
              f"{h(clock.shown)}: the documents, windows and countdown are as of that moment, not today.</p>"
              if clock else "")
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{h(page.lang)}" dir="{h(page.direction)}"{now}>',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{h(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{h(page.title)} · {h(site_title)}</title>",
        f'<link rel="stylesheet" href="{h(root)}assets/site.css">',
        f'<script src="{h(root)}assets/site.js" defer></script>',
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to main content</a>',
        '<header class="site" lang="en" dir="ltr">',
        f'<p class="brand"><a href="{h(root)}index.html">{h(site_title)}</a></p>',
        f'<nav aria-label="Site"><ul>{items}</ul></nav>',
        f'<form class="search" role="search" action="{h(root)}search.html" method="get">'
        '<label for="site-q">Search the documents</label>'
        '<input id="site-q" name="q" type="search" autocomplete="off">'
        '<button type="submit">Search</button></form>',
        "</header>",
        f'<main id="main" tabindex="-1">\n{banner}{page.body}\n</main>',
        '<footer class="site" lang="en" dir="ltr">',
        f"<p>Built from the repository on {h(built)}. A static site: no cookies, no tracking, nothing loaded "
        "from elsewhere.</p>",
        "</footer>",
        "</body>",
        "</html>",
        "",
    ])
