"""`build_site`: every page of the dashboard, written under one folder, from the repository at one revision."""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from pathlib import Path

from msgspec import Struct

from ccmflow.core.status import format_instant
from ccmflow.repo.store import Store
from ccmflow.site import conference, documents, inputs, process, search, send, versions
from ccmflow.site.data import SiteData, gather
from ccmflow.site.html import Clock, NavItem, Page, shell
from ccmflow.site.languages import Translations, document_path, repository_translations

ASSETS = ("site.css", "site.js")
MARKER = ".ccmflow-site"  # marks a folder the site was built in, so a rebuild may replace its pages


class Built(Struct, frozen=True):
    """What `ccmflow site` built: the output folder, its pages and the commit they show."""

    out: Path
    pages: tuple[str, ...]
    commit: str


def pages(site: SiteData, rooms: tuple[conference.Room, ...] = ()) -> list[Page]:
    """Every page, by its path under the site."""
    found = [Page("index.html", "Process", process.home(site), "process"),
             Page(send.PATH, "How to send input", send.send_page(site), "send"),
             Page("inputs/index.html", "Inputs", inputs.overview(site), "inputs"),
             Page("search.html", "Search", search.search_page(site), "search")]
    found += [Page(conference.room_path(r.document.id), f"Conference room: {r.document.short_title()}",
                   conference.room_page(r), "conference") for r in rooms]
    for data in site.documents:
        doc = data.document
        found.append(Page(document_path(doc.id), doc.title, documents.document_page(site, data), doc.id))
        for translation in data.translations:
            found.append(Page(document_path(doc.id, translation.code), translation.document.title,
                              documents.document_page(site, data, translation), doc.id, translation.code,
                              translation.direction))
        found.append(Page(f"trace/{doc.id}.html", f"Trace: {doc.title}", documents.trace_page(site, data), doc.id))
        found.append(Page(f"inputs/{doc.id}.html", f"Inputs: {doc.title}", inputs.document_inputs(site, data),
                          "inputs"))
        for window in data.inputs:
            found.append(Page(inputs.compilation_path(doc.id, window.window.id), f"Compilation text: {doc.title}",
                              inputs.compilation_page(window), "inputs"))
        found.append(Page(f"versions/{doc.id}.html", f"Versions: {doc.title}", versions.history(site, data),
                          "versions"))
        for i, point in enumerate(data.versions):
            found.append(Page(versions.version_path(doc.id, point.slug), f"{point.name}: {doc.title}",
                              versions.version_page(site, data, i), "versions"))
    return found


def navigation(site: SiteData, rooms: tuple[conference.Room, ...] = ()) -> list[NavItem]:
    items = [NavItem("Process", "index.html", "process")]
    items += [NavItem(_short(d.document.title), document_path(d.document.id), d.document.id) for d in site.documents]
    items += [NavItem("Send input", send.PATH, "send"),
              NavItem("Inputs", "inputs/index.html", "inputs"),
              NavItem("Versions", f"versions/{site.documents[0].document.id}.html" if site.documents else "index.html",
                      "versions"),
              NavItem("Search", "search.html", "search")]
    if rooms:
        items.insert(-1, NavItem("Conference room", conference.room_path(rooms[0].document.id), "conference"))
    return items


def _short(title: str) -> str:
    """A document's title up to its first colon: 'Lausanne Review Document', not the whole subtitle."""
    return title.split(":", 1)[0].strip()


def write(site: SiteData, out: Path, rooms: tuple[conference.Room, ...] = ()) -> Built:
    out.mkdir(parents=True, exist_ok=True)
    conference = site.workspace.process.conference
    built = format_instant(site.at, conference.timezone)
    nav = navigation(site, rooms)
    title = conference.short_name or conference.name
    clock = Clock(site.at, built) if site.fixed else None
    written = []
    for page in pages(site, rooms):
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(shell(page, title, nav, built, clock), encoding="utf-8")
        written.append(page.path)
    (out / "assets").mkdir(exist_ok=True)
    for name in ASSETS:
        data = resources.files("ccmflow.site").joinpath("assets", name).read_bytes()
        (out / "assets" / name).write_bytes(data)
    (out / ".nojekyll").write_bytes(b"")  # GitHub Pages serves the files as they are
    (out / MARKER).write_text(f"{site.commit}\n", encoding="utf-8")
    return Built(out, tuple(written), site.commit)


def build_site(store: Store, out: Path, rev: str, at: datetime,
               translations: Translations = repository_translations, *, fixed: bool = False) -> Built:
    """Read the repository at `rev`, judge timing as of `at`, and write the site under `out`. `fixed`: `at` was
    given (a past date, say): the pages show the process as it stood then, and their script keeps that clock."""
    site = gather(store, rev, at, translations, fixed)
    return write(site, out, conference.rooms(store, site))
