from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from methodref.validate import load_reference

from browser import CHROMIUM_ARGS, chromium_path, static_server
from nginx import nginx
from support import DATA_FILE, LOCALES, ROOT, build


@pytest.fixture(scope="session")
def data() -> dict:
    return load_reference(DATA_FILE)


def docs_snapshot() -> dict:
    return {str(p.relative_to(ROOT)): (p.stat().st_mtime_ns, p.stat().st_size) for p in (ROOT / "docs").rglob("*")}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The site built once from the repository with `mkdocs build --strict`,
    and docs/ as it was before and after."""
    site_dir = tmp_path_factory.mktemp("site")
    before = docs_snapshot()
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir, before, docs_snapshot()


@pytest.fixture(scope="session")
def site(built):
    return built[0]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright, for the whole session."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A desktop tab of its own, recording the console's errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    yield page
    context.close()


@pytest.fixture(scope="session")
def base_url(site):
    """The built site on 127.0.0.1, answering unknown paths as GitHub Pages does."""
    with static_server(site) as url:
        yield url


@pytest.fixture(scope="session")
def served(site, tmp_path_factory):
    """Debian's nginx serving the built site with the shipped configuration."""
    with nginx(site, LOCALES, tmp_path_factory.mktemp("nginx")) as base:
        yield base
