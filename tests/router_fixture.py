"""The repository's data plus a few facts and texts of issue 11 (status codes,
header fields, the IANA registry, failures), shaped as SPEC.md describes
them: enough to test the help router and the JSON export before, and
independently of, the pages that show them. Values mirror the real data
where SPEC.md names them (415 and If-Match exist; 299 and X-Nope do not).

Also: serving the router, locales.js and stub pages in Chromium from memory,
on an origin of their own, so the router's rules are tested without a build.
"""

from __future__ import annotations

import copy
import functools
import html
from urllib.parse import urlsplit

from methodref.links import UNKNOWN_NOTES, router_page

from support import ROOT, raw_data

ORIGIN = "http://router.test"
SCRIPTS = ROOT / "docs" / "assets" / "javascripts"

STATUS = {
    "405": {"reason": "Method Not Allowed", "source": "RFC 9110 §15.5.6", "headers": ["Allow"]},
    "412": {"reason": "Precondition Failed", "source": "RFC 9110 §15.5.13"},
    "415": {"reason": "Unsupported Media Type", "source": "RFC 9110 §15.5.16", "headers": ["Accept-Patch"]},
}
HEADERS = [
    {"name": "Allow", "source": "RFC 9110 §10.2.1", "direction": "response", "example": "GET, HEAD"},
    {"name": "Idempotency-Key", "direction": "request", "example": '"8e03978e"'},
    {"name": "If-Match", "source": "RFC 9110 §13.1.1", "direction": "request", "example": '"v7"'},
]
REGISTRY = {
    "source": {
        "title": "IANA HTTP Method Registry",
        "url": "https://www.iana.org/assignments/http-methods/http-methods.xhtml",
    },
    "methods": [
        {"name": "*", "safe": False, "idempotent": False, "reference": "RFC 9110 §18.2"},
        {"name": "BASELINE-CONTROL", "safe": False, "idempotent": True, "reference": "RFC 3253 §12.6"},
        {"name": "GET", "safe": True, "idempotent": True, "reference": "RFC 9110 §9.3.1"},
        {"name": "MKCOL", "safe": False, "idempotent": True, "reference": ["RFC 4918 §9.3", "RFC 5689 §3"]},
        {"name": "PATCH", "safe": False, "idempotent": False, "reference": "RFC 5789 §2"},
        {"name": "PROPFIND", "safe": True, "idempotent": True, "reference": "RFC 4918 §9.1"},
    ],
}
LABELS = {
    "nav_status": "Status codes",
    "nav_headers": "Header fields",
    "nav_registry": "Method registry",
    "unknown_status": "This reference has no entry for status {status}. Choose one of the codes below.",
    "unknown_header": "This reference has no entry for the header field {header}. Choose one of the fields below.",
}


@functools.cache
def scaffold() -> dict:
    """The repository's data with the facts and texts above (a new copy
    each session; callers only read it)."""
    data = copy.deepcopy(raw_data())
    data["status_codes"].update(STATUS)
    for number in ("3253", "4918", "5689"):
        url = f"https://www.rfc-editor.org/rfc/rfc{number}#section-{{section}}"
        data["specs"].setdefault(f"RFC {number}", {"title": f"RFC {number}", "url": url})
    data["headers"] = HEADERS
    data["registry"] = REGISTRY
    for locale in data["locales"]:
        # Every locale's note in English is enough: the tests compare it with
        # the data, whatever the language.
        locale["labels"].update(LABELS)
        locale["status"] = {code: {"meaning": f"{code} means.", "action": "Act."} for code in data["status_codes"]}
        locale["headers"] = {header["name"].lower(): f"`{header['name']}` does." for header in HEADERS}
    for method in data["methods"]:
        method["failures"] = [{"code": 405}, {"code": 415}]
        for text in method["text"].values():
            text["failures"] = {
                "405": {"meaning": "Not `here`.", "fix": "Change it."},
                "415": {"meaning": "Wrong type.", "fix": "Send `application/json`."},
            }
    return data


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
    notes = ""
    for locale in data["locales"]:
        home = "/" if locale is data["locales"][0] else f"/{locale['code']}/"
        for page, note_id in UNKNOWN_NOTES.items():
            if path == f"{home}{page}/":
                key = note_id.replace("-", "_")
                notes = note_markup(locale["labels"][key], "{" + key.removeprefix("unknown_") + "}", note_id)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(path)}</title>'
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
