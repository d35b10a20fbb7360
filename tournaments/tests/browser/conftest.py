"""Playwright fixtures for tests that drive a real headless Chromium (Debian's ``chromium``, never a downloaded one).

Reusable by any browser test: ``browser`` (one Chromium per session), ``page`` (a fresh page whose console errors
and uncaught exceptions collect in ``page.console_errors``), ``live_seasons`` (the shipped seasons behind
pytest-django's ``live_server``) and ``save_screenshot(page, name)`` (a full-page PNG under test-artifacts/).
"""

import os
from pathlib import Path

import pytest

from conftest import load_shipped_seasons

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls there unless told it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    new_page = context.new_page()
    new_page.console_errors = []
    new_page.on("console", lambda message: message.type == "error" and new_page.console_errors.append(message.text))
    new_page.on("pageerror", lambda error: new_page.console_errors.append(str(error)))
    yield new_page
    context.close()


@pytest.fixture
def live_seasons(transactional_db, live_server):
    """The shipped seasons, visible to the live server's thread (conftest.shipped_seasons is per-transaction)."""
    load_shipped_seasons()
    return live_server


def save_screenshot(page, name):
    """A full-page PNG in test-artifacts/ (git-ignored) for people to look at; returns its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than its viewport (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
