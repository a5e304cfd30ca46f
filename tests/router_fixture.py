"""Serving the router, locales.js and stub pages in Chromium from memory,
on an origin of their own, so the router's rules are tested without a build.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from methodref.links import UNKNOWN_NOTES, router_page

from support import ROOT

ORIGIN = "http://router.test"
SCRIPTS = ROOT / "docs" / "assets" / "javascripts"


def note_markup(label: str, placeholder: str, note_id: str) -> str:
    """The note as SPEC's pages carry it: hidden, its value slot an empty <bdi>."""
    before, _, after = label.partition(placeholder)
    return (
        f'<div class="admonition warning" id="{note_id}" hidden>'
        f"<p>{html.escape(before)}<bdi></bdi>{html.escape(after)}</p></div>"
    )


def stub_page(data: dict, path: str) -> str:
    """Any page of the site: its path, and for the status and headers pages
    the note on an unknown value, with locales.js to show it."""
    notes, lang, direction = "", "en", "ltr"
    for locale in data["locales"]:
        home = "/" if locale is data["locales"][0] else f"/{locale['code']}/"
        for page, note_id in UNKNOWN_NOTES.items():
            if path == f"{home}{page}/":
                key = note_id.replace("-", "_")
                notes = note_markup(locale["labels"][key], "{" + key.removeprefix("unknown_") + "}", note_id)
                lang, direction = locale["code"], locale["direction"]  # as the built page is
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{html.escape(path)}</title>"
        f'<script src="/assets/javascripts/locales.js"></script></head><body><main>{notes}</main></body></html>'
    )


def serve(page, data: dict) -> None:
    """Answer every request to ORIGIN from memory: /help/ from router_page(data)."""
    scripts = {
        f"/assets/javascripts/{name}": (SCRIPTS / name).read_text(encoding="utf-8")
        for name in ("help.js", "locales.js")
    }

    def answer(route):
        path = urlsplit(route.request.url).path
        if path in scripts:
            route.fulfill(status=200, content_type="text/javascript", body=scripts[path])
        elif path == "/help/":
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=router_page(data))
        else:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=stub_page(data, path))

    page.route(f"{ORIGIN}/**", answer)
