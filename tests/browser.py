"""A real browser over the built site: Debian's Chromium driven by Playwright,
and a static server on 127.0.0.1 that answers unknown paths with the root
404.html, as GitHub Pages does."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import shutil
import sys
import threading
import time
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError("Chromium is missing: apt-get install chromium (.ci/run and ./dev test install it)")
    return path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that navigates on closes the connections it no longer needs.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def static_server(site: Path):
    """Serve `site` on 127.0.0.1 until the block ends; yields the base URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search(page, url: str, query: str, seconds: float = 30) -> list[str]:
    """Type `query` into the search box of the page at `url`; the result links."""
    page.goto(url)
    texts = json.loads(page.text_content("#__config"))["translations"]
    meta = ".md-search-result__meta"
    # Material ignores what is typed before its index has loaded; then it
    # shows its placeholder, in the page's language.
    _poll(lambda: page.text_content(meta).strip() == texts["search.result.placeholder"], seconds)
    before, _, after = texts["search.result.other"].partition("#")

    def summary_shown():
        shown = page.text_content(meta).strip()
        counted = re.fullmatch(re.escape(before) + r"\d+" + re.escape(after), shown)
        return shown in (texts["search.result.none"], texts["search.result.one"]) or counted

    # Material reads the box on key events; Playwright types letters outside
    # the keyboard layout (Cyrillic, kana, Hangul) without any, so end with a
    # key press, as a reader's last keystroke would. A query typed while the
    # worker still builds its index is dropped; a reader types on, so again.
    for _attempt in range(int(seconds // 5)):
        page.fill("input[name=query]", query)
        page.press("input[name=query]", "End")
        with contextlib.suppress(TimeoutError):
            _poll(summary_shown, 5)
            break
    else:
        raise TimeoutError(f"no search summary for {query!r}: the page shows {page.text_content(meta).strip()!r}")
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


def _poll(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not reach the expected state in time")
        time.sleep(0.1)
