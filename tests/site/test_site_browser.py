"""The dashboard in a real browser: headless Chromium against the site served from 127.0.0.1.

Built from the embedded instance (a scratch repository of documents/) and from the demo's repository (inputs,
a consolidated version, its register). Without Chromium the tests skip, except under CI, where they fail.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

import pytest
from gitutil import zero_drafts
from sitebrowser import browser_missing, chromium, playwright, serve

from ccmflow.demo.run import run_demo
from ccmflow.repo.store import Store
from ccmflow.site.build import Built, build_site

MISSING = browser_missing()
if MISSING and os.environ.get("CI"):
    pytest.fail(f"browser tests cannot run under CI: {MISSING}", pytrace=False)
pytestmark = pytest.mark.skipif(MISSING is not None, reason=f"browser tests skipped: {MISSING}")

AT = datetime(2020, 5, 10, 10, 0, tzinfo=UTC)
CONSOLIDATED = "consolidate/review-document/consolidated"
PHONE_WIDTH = 360


@dataclass(frozen=True, slots=True)
class Served:
    built: Built
    url: str


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    repo_dir = tmp_path_factory.mktemp("instance")
    zero_drafts(repo_dir, "review-document", "lausanne-action-plan", "political-declaration")
    built = build_site(Store(repo_dir), repo_dir.parent / "instance-site", "HEAD", AT)
    with serve(built.out) as url:
        yield Served(built, url)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    out = tmp_path_factory.mktemp("demo") / "out"
    run_demo(out)
    built = build_site(Store(out / "repository"), out.parent / "demo-site", CONSOLIDATED, AT)
    with serve(built.out) as url:
        yield Served(built, url)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with playwright() as found:
        yield found


@pytest.fixture(scope="module")
def browser(driver: Any) -> Iterator[Any]:
    with chromium(driver, viewport={"width": 1280, "height": 900}, timezone_id="America/New_York") as context:
        yield context


@dataclass
class Visit:
    requests: list[str]
    errors: list[str]


def _open(browser: Any, url: str) -> tuple[Any, Visit]:
    page = browser.new_page()
    visit = Visit([], [])
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda message: visit.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("load")
    return page, visit


@pytest.mark.parametrize("which", ["instance", "demo"])
def test_every_page_loads_cleanly_and_every_link_resolves(which: str, request: pytest.FixtureRequest,
                                                          browser: Any, tmp_path: Path) -> None:
    served: Served = request.getfixturevalue(which)
    anchors_checked = 0
    for path in served.built.pages:
        page, visit = _open(browser, served.url + path)
        assert not visit.errors, (path, visit.errors)
        outside = [u for u in visit.requests if not u.startswith(served.url)]
        assert not outside, (path, outside)
        assert page.locator("main#main").count() == 1 and page.locator("h1").count() == 1, path
        levels = [int(t[1]) for t in page.eval_on_selector_all("main h1, main h2, main h3, main h4, main h5",
                                                                "els => els.map(e => e.tagName)")]
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (path, levels)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            if href.startswith("mailto:"):  # the addresses the timeline names for input by e-mail
                assert href in ("mailto:info@cmconvention.org", "mailto:ccm2rc@eda.admin.ch"), (path, href)
                continue
            target, fragment = urldefrag(href)
            assert target.startswith(served.url), (path, href)
            relative = target.removeprefix(served.url) or "index.html"
            file = served.built.out / relative.split("?", 1)[0]
            assert file.is_file(), (path, href)
            if fragment:
                html = file.read_text("utf-8")
                assert f'id="{fragment}"' in html, (path, href)
                anchors_checked += 1
        page.close()
    assert anchors_checked > 50


def test_every_paragraph_has_a_permanent_anchor_and_a_trace(instance: Served, browser: Any) -> None:
    page, _ = _open(browser, instance.url + "documents/review-document.html")
    ids = page.eval_on_selector_all(".para", "els => els.map(e => e.id)")
    assert len(ids) > 20 and all(re.fullmatch(r"p[a-z0-9]{7}", i) for i in ids)
    page.goto(instance.url + "documents/review-document.html#pkp3nvcv")
    assert page.locator("#pkp3nvcv .num").inner_text() == "5."
    with page.expect_navigation():
        page.locator("#pkp3nvcv a.trace").click()
    assert page.url.endswith("trace/review-document.html#pkp3nvcv")
    assert page.locator("tr#pkp3nvcv").is_visible()


@pytest.mark.parametrize(("now", "deadline", "left"), [
    ("2020-05-04T10:00:00Z", "Written input on the zero draft of the Review Document", "11 hours 59 minutes"),
    ("2020-05-05T00:00:00Z", "Written input to the Lausanne Action Plan", "62 days 21 hours"),
    ("2020-12-12T00:00:00Z", "No deadline is coming", None),
])
def test_the_countdown_shows_the_next_deadline_for_a_fixed_clock(instance: Served, browser: Any, now: str,
                                                                 deadline: str, left: str | None) -> None:
    page, _ = _open(browser, f"{instance.url}index.html?now={now}")
    box = page.locator("#countdown")
    assert deadline in box.inner_text()
    if left is not None:
        assert box.locator(".left").inner_text() == left
    if now.startswith("2020-05-04"):
        assert "23:59:59 CEST" in box.locator(".when-conf").inner_text()
        assert "17:59:59 GMT-4" in box.locator(".when-local").inner_text()  # the visitor's own time (New York)


@pytest.fixture(scope="module")
def past(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The instance's site as `ccmflow site --at 2020-05-10T12:00` builds it: a past date, kept by the page."""
    repo_dir = tmp_path_factory.mktemp("past")
    zero_drafts(repo_dir, "review-document")
    built = build_site(Store(repo_dir), repo_dir.parent / "past-site", "HEAD", AT, fixed=True)
    with serve(built.out) as url:
        yield Served(built, url)


def test_a_site_built_at_a_past_date_keeps_that_date_in_the_page(past: Served, browser: Any) -> None:
    page, visit = _open(browser, past.url + "index.html")
    assert not visit.errors
    box = page.locator("#countdown").inner_text()
    # The visitor's clock is years later: the box still counts from 10 May 2020, as the page says.
    assert "No deadline is coming" not in box and "Written input to the Lausanne Action Plan" in box
    assert page.locator("#countdown .left").inner_text() == "57 days 11 hours"
    assert "10 May 2020" in page.locator(".asof").inner_text() and "not today" in page.locator(".asof").inner_text()
    assert page.locator(".timeline li.next").first.inner_text().startswith("mid-May 2020")
    # Documents not yet circulated on 10 May are shown as such, without their text.
    cards = page.locator(".card").all_inner_texts()
    assert sum("Not circulated yet" in c for c in cards) == 2 and "Zero draft" in cards[0]
    plan, _ = _open(browser, past.url + "documents/lausanne-action-plan.html")
    assert "Not circulated yet" in plan.locator("main").inner_text() and plan.locator(".para").count() == 0


def test_how_to_send_input_names_the_note_s_addresses(past: Served, browser: Any) -> None:
    page, _ = _open(browser, past.url + "send.html")
    text = page.locator("main").inner_text()
    assert "info@cmconvention.org" in text and "ccm2rc@eda.admin.ch" in text
    channel = page.locator("#written-input").inner_text()
    assert "E-mail to: CCM Implementation Support Unit (ISU)" in channel and "Copy to: Presidency team" in channel
    early = page.locator("#declaration-suggestions").inner_text()
    assert "Lausanne Declaration" in early and "ccm2rc@eda.admin.ch" in early and "info@" not in early
    assert "Written input to the Lausanne Action Plan: opens on 9 June 2020" in text
    inputs, _ = _open(browser, past.url + "inputs/index.html")
    assert "pull requests on the repository" not in inputs.locator("main").inner_text()
    with inputs.expect_navigation():
        inputs.locator("main a[href$='send.html']").click()
    assert page.url.endswith("send.html")


def test_the_timeline_marks_past_next_and_approximate(instance: Served, browser: Any) -> None:
    page, _ = _open(browser, f"{instance.url}index.html?now=2020-06-01T12:00:00Z")
    nxt = page.locator(".timeline li.next")
    assert nxt.count() == 1 and "First preparatory meeting" in nxt.inner_text()
    assert page.locator(".timeline li.past").count() == 3
    assert "mid-May 2020" in page.locator(".timeline li", has=page.locator(".approx")).first.inner_text()


def test_the_timeline_marks_a_meeting_on_its_own_day_as_today(instance: Served, browser: Any) -> None:
    page, _ = _open(browser, f"{instance.url}index.html?now=2020-06-08T08:00:00Z")
    today = page.locator(".timeline li.today")
    assert today.count() == 1 and "First preparatory meeting" in today.inner_text()
    assert today.locator(".marker").inner_text() == "today"
    nxt = page.locator(".timeline li.next")
    assert nxt.count() == 1 and "Deadline for written input to the Lausanne Action Plan" in nxt.inner_text()
    # Within "mid-May", the approximate circulation is still to come: next, never today.
    page, _ = _open(browser, f"{instance.url}index.html?now=2020-05-15T08:00:00Z")
    assert page.locator(".timeline li.today").count() == 0
    assert "consolidated Review Document" in page.locator(".timeline li.next").inner_text()


def test_the_skip_link_takes_the_keyboard_to_the_main_content(instance: Served, browser: Any) -> None:
    page, _ = _open(browser, instance.url + "documents/review-document.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_search_finds_paragraphs_offline(instance: Served, browser: Any) -> None:
    page, visit = _open(browser, instance.url + "index.html")
    page.fill("#site-q", "stockpile destruction")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(instance.url + "search.html?q=")
    results = page.locator("#results li")
    assert results.count() > 0 and "found" in page.locator("#search-status").inner_text()
    with page.expect_navigation():
        results.first.locator("a").click()
    fragment = page.url.split("#", 1)[1]
    assert page.locator(f"#{fragment}").is_visible()
    assert all(u.startswith(instance.url) for u in visit.requests)


def test_inputs_versions_and_registers_from_the_demo(demo: Served, browser: Any) -> None:
    page, _ = _open(browser, demo.url + "inputs/review-document.html")
    assert page.locator("figure.chart svg[role=img]").count() == 3
    assert "State Party" in page.locator("figure.chart").nth(1).inner_text()
    assert "Kenya" in page.inner_text("main")
    page, _ = _open(browser, demo.url + "versions/review-document/consolidated.html")
    assert page.locator("main del, main ins").count() > 0
    register = page.locator("section[aria-labelledby=register-h] tbody tr")
    assert register.count() == 8 and "incorporated" in register.first.inner_text()
    page, _ = _open(browser, demo.url + "inputs/lausanne-action-plan.html")
    assert "No inputs on this document yet" in page.inner_text("main")


@pytest.mark.parametrize("which", ["instance", "demo"])
def test_a_phone_has_no_horizontal_scroll(which: str, request: pytest.FixtureRequest, driver: Any) -> None:
    served: Served = request.getfixturevalue(which)
    phone_size = {"width": PHONE_WIDTH, "height": 740}
    with chromium(driver, viewport=phone_size, device_scale_factor=2, is_mobile=True) as phone:
        for path in served.built.pages:
            page, _ = _open(phone, served.url + path)
            # Against the phone's own width: a mobile browser widens its layout viewport to fit wide content.
            width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            assert width <= PHONE_WIDTH, (path, width)
            page.close()


def test_a_screenshot_of_each_kind_of_page(demo: Served, browser: Any, tmp_path: Path) -> None:
    kinds = {"home": "index.html", "document": "documents/review-document.html",
             "trace": "trace/review-document.html", "inputs": "inputs/review-document.html",
             "compilation": "inputs/review-document.review-zero-draft-input.compilation.html",
             "versions": "versions/review-document.html", "version": "versions/review-document/consolidated.html",
             "search": "search.html?q=victim+assistance"}
    for name, path in kinds.items():
        page, _ = _open(browser, demo.url + path)
        shot = tmp_path / f"{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000, name
        page.close()


@pytest.fixture(scope="module")
def conference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Any]]:
    """The demo's repository after its conference week, built as it stood on the morning of 26 November (Rev.2
    out, New Zealand's ad ref recorded, the plenary not yet met), with the statuses the data gives for then."""
    from ccmflow.conference.counts import as_at, state
    from ccmflow.repo.statusref import read_status

    out = tmp_path_factory.mktemp("conference") / "out"
    run_demo(out)
    store = Store(out / "repository")
    at = datetime(2020, 11, 26, 8, 0, tzinfo=UTC)
    built = build_site(store, out.parent / "conference-site", "main", at, fixed=True)
    # Rev.2 is the text in circulation then.
    expected = state(store.document("refs/tags/review-document/rev-2", "review-document"),
                     as_at(read_status(store, "review-document"), at))
    with serve(built.out) as url:
        yield Served(built, url), expected


def test_the_conference_room_shows_each_status_by_colour_and_label(conference: tuple[Served, Any],
                                                                   browser: Any) -> None:
    served, expected = conference
    page, visit = _open(browser, served.url + "conference/review-document.html")
    assert not visit.errors
    ad_ref = page.locator(".para.room[data-status='agreed-ad-ref']")
    wanted = sum(1 for p in expected.paragraphs() if p.status.value == "agreed-ad-ref")
    assert wanted == 2 and ad_ref.count() == wanted
    # Not colour alone: each paragraph says its status in words, and the legend names every status.
    labels = page.locator(".para.room[data-status='agreed-ad-ref'] .status-label strong").all_inner_texts()
    assert labels == ["agreed ad referendum"] * wanted
    assert page.locator(".legend li").all_inner_texts() == [
        "open", "bracketed", "agreed ad referendum", "agreed", "adopted"]
    colours = {page.locator(f".para.room[data-status='{s}']").first.evaluate(
        "e => getComputedStyle(e).backgroundColor") for s in ("agreed-ad-ref", "open")}
    assert len(colours) == 2
    rows = page.locator("table.brackets tbody tr")
    assert rows.count() == len(expected.sections)
    assert "Rev.2 (CCM/CONF/2020/WP.1/Rev.2), as at 25 November 2020, 18:00" in page.locator("p.lede").inner_text()
