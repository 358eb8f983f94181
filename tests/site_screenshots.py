"""The README's screenshots of the dashboard: `python tests/site_screenshots.py [OUT]` (default docs/screenshots).

Runs the demo in a scratch folder, builds the site from its repository (the consolidated Review Document) as of
10 May 2020, serves it on 127.0.0.1 and photographs the home page and a document page in headless Chromium; then
the conference-room page of the demo's main branch as it stood on 24 November 2020, 17:30.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sitebrowser import browser_missing, chromium, playwright, serve

from ccmflow.demo.run import run_demo
from ccmflow.repo.store import Store
from ccmflow.site.build import build_site

AT = datetime(2020, 5, 10, 10, 0, tzinfo=UTC)
SHOTS = {"home.png": "index.html?now=2020-05-10T10:00:00Z", "document.png": "documents/review-document.html"}
# Rev.1 in circulation, New Zealand's ad ref just recorded: brackets, bracketed, ad ref and open paragraphs.
CONFERENCE_AT = datetime(2020, 11, 24, 16, 30, tzinfo=UTC)
CONFERENCE_SHOTS = {"conference-room.png": "conference/review-document.html#s-universalization"}


def main(argv: list[str]) -> int:
    missing = browser_missing()
    if missing:
        print(f"cannot take screenshots: {missing}", file=sys.stderr)
        return 2
    out = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        demo = Path(scratch) / "demo"
        run_demo(demo)
        built = build_site(Store(demo / "repository"), Path(scratch) / "site",
                           "consolidate/review-document/consolidated", AT)
        week = build_site(Store(demo / "repository"), Path(scratch) / "conference", "main", CONFERENCE_AT,
                          fixed=True)
        with playwright() as driver, \
                chromium(driver, viewport={"width": 1100, "height": 1000}, timezone_id="America/New_York") as browser:
            for site, shots in ((built, SHOTS), (week, CONFERENCE_SHOTS)):
                with serve(site.out) as url:
                    for name, path in shots.items():
                        page = browser.new_page()
                        page.goto(url + path)
                        page.wait_for_load_state("load")
                        page.screenshot(path=str(out / name))
                        print(out / name)
                        page.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
