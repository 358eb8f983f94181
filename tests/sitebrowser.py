"""Serve a built site on 127.0.0.1 from a thread and drive it in headless Chromium (Debian's) through Playwright.

Used by tests/site/test_site_browser.py and by tests/site_screenshots.py (the README's screenshots).
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
# What Chromium needs to run as root in a container, and to make no request of its own to anywhere.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """The folder over HTTP on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def playwright() -> Iterator[Any]:
    """One Playwright driver for a whole test module (its sync API cannot be nested)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@contextmanager
def chromium(driver: Any, **context: Any) -> Iterator[Any]:
    """A browser with a fresh profile; keyword arguments go to its context (viewport, timezone_id...)."""
    profile = tempfile.mkdtemp(prefix="ccmflow-chromium-")
    try:
        browser = driver.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS, env={**os.environ, "HOME": profile},
            **context)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
