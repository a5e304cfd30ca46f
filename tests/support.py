"""Shared helpers for the tests: paths, the data, building the site."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

from methodref.loader import load_file

ROOT = Path(__file__).resolve().parents[1]
DATA_FILE = ROOT / "data" / "methods.yml"
PROJECT_PARTS = ("mkdocs.yml", "data", "docs", "hooks")


@functools.cache
def raw_data() -> dict:
    """The data as loaded, even if it would not validate (for parametrizing).
    Loaded once; tests read it and never change it."""
    return load_file(DATA_FILE).data


LOCALES = [locale["code"] for locale in raw_data()["locales"]]
DEFAULT_LOCALE = LOCALES[0]
METHODS = [method["name"] for method in raw_data()["methods"]]


def copy_project(destination: Path) -> Path:
    """A copy of what the build reads, to change without touching the repo."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def mkdocs_env() -> dict:
    """The environment for MkDocs, with the default site URL the tests expect."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    return env


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env=mkdocs_env(),
        timeout=300,
    )


def page_dir(locale: str) -> str:
    """The URL prefix of a locale: the default one lives at the root."""
    return "" if locale == DEFAULT_LOCALE else f"{locale}/"


def locale_pages(code: str) -> list[str]:
    """Every page of a locale as a reader reaches it: the overview, each
    method, status codes, header fields, the registry and its 404 page."""
    return (
        [page_dir(code)]
        + [f"{page_dir(code)}methods/{method['slug']}/" for method in raw_data()["methods"]]
        + [f"{page_dir(code)}{page}/" for page in ("status", "headers", "registry")]
        + [f"{page_dir(code)}404.html"]
    )


def page_path(site: Path, locale: str, slug: str | None = None) -> Path:
    relative = page_dir(locale) + (f"methods/{slug}/" if slug else "")
    return site / relative / "index.html"


@functools.cache
def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed once; tests only read it."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def heading_text(heading) -> str:
    """A heading's text as it reads, without the permalink beside it (¶)."""
    return "".join(text for text in heading.find_all(string=True) if not text.find_parent(class_="headerlink")).strip()


def fetch(url: str) -> str | None:
    """The page at `url`, or None while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float, step: float = 0.3):
    """Poll `condition` until it is true or `seconds` pass; its last value."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None


def stop(process: subprocess.Popen) -> None:
    """Ask a server to stop; kill it if it does not."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
