"""Odd requests to the production nginx (the shipped configuration, on
127.0.0.1): ranges beyond the end, methods a static site does not take,
errors nginx writes itself, missing files under a locale, and the content
type of every kind of file the site holds. No response may carry a header
field twice."""

from __future__ import annotations

import http.client
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from methodref.security import security_headers

from support import raw_data

PAGE_MAX_AGE = "public, max-age=300"
A_YEAR = "public, max-age=31536000, immutable"

# Every kind of file the built site may hold, and the type it is served with.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".xml": "text/xml; charset=utf-8",
    ".xml.gz": "application/gzip",
    ".svg": "image/svg+xml; charset=utf-8",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".woff2": "font/woff2",
}
# Files that are in the site folder but not served.
NOT_SERVED = {"_headers"}


def request(base: str, method: str, path: str, headers: dict | None = None, host: bool = True):
    """One request on its own connection: status, header fields (lower-case
    names) and body. Fails if a header field comes twice."""
    url = urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        connection.putrequest(method, path, skip_host=not host, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    fields = response.getheaders()
    twice = sorted(name for name, count in Counter(name.lower() for name, _ in fields).items() if count > 1)
    assert not twice, f"{method} {path} ({response.status}): sent more than once: {twice}"
    return response.status, {name.lower(): value for name, value in fields}, body


def assert_security_headers(site: Path, headers: dict) -> None:
    for name, value in security_headers(site).items():
        assert headers.get(name.lower()) == value, name


def bundle(site: Path) -> Path:
    (found,) = (site / "assets" / "javascripts").glob("bundle.*.min.js")
    return found


# 1. Ranges


@pytest.mark.parametrize("kind", ["bundle", "page"])
def test_range_beyond_the_end_is_416_with_every_header_once(served, site, kind):
    if kind == "bundle":
        path, file, cache = "/assets/javascripts/" + bundle(site).name, bundle(site), A_YEAR
    else:
        path, file, cache = "/sv/methods/get/", site / "sv" / "methods" / "get" / "index.html", PAGE_MAX_AGE
    size = file.stat().st_size
    status, headers, _ = request(served, "GET", path, {"Range": f"bytes={size + 100}-"})
    assert status == 416
    assert headers["content-range"] == f"bytes */{size}"
    assert headers["cache-control"] == cache
    assert_security_headers(site, headers)


def test_satisfiable_range_and_revalidation_send_every_header_once(served, site):
    path = "/assets/javascripts/" + bundle(site).name
    status, headers, body = request(served, "GET", path, {"Range": "bytes=0-9"})
    assert status == 206 and body == bundle(site).read_bytes()[:10]
    assert headers["cache-control"] == A_YEAR
    status, headers, _ = request(served, "GET", path, {"If-None-Match": headers["etag"]})
    assert status == 304
    assert headers["cache-control"] == A_YEAR
    assert_security_headers(site, headers)


# 2. Methods


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"])
@pytest.mark.parametrize("path", ["/sv/methods/get/", "/", "/assets/javascripts/lunr/min/lunr.sv.min.js", "/no/such/"])
def test_other_methods_get_405_with_allow(served, site, method, path):
    status, headers, _ = request(served, method, path)
    assert status == 405
    assert headers["allow"] == "GET, HEAD"
    assert headers["cache-control"] == "no-store"
    assert_security_headers(site, headers)


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_get_and_head_are_served_without_allow(served, method):
    status, headers, _ = request(served, method, "/sv/methods/get/")
    assert status == 200
    assert "allow" not in headers
    assert headers["cache-control"] == PAGE_MAX_AGE


# 3. Errors nginx writes itself


ERRORS = {
    "400 no Host": (400, dict(method="GET", path="/", host=False)),
    "404 headers file": (404, dict(method="GET", path="/_headers")),
    "404 missing": (404, dict(method="GET", path="/no/such/page/")),
    "405 POST": (405, dict(method="POST", path="/")),
    "414 long URL": (414, dict(method="GET", path="/" + "a" * 10_000)),
    "416 range": (416, dict(method="GET", path="/", headers={"Range": "bytes=99999999-"})),
}


@pytest.mark.parametrize("case", ERRORS)
def test_errors_carry_the_security_headers(served, site, case):
    expected, arguments = ERRORS[case]
    status, headers, _ = request(served, **arguments)
    assert status == expected
    assert_security_headers(site, headers)
    if expected in (400, 405, 414):
        assert headers["cache-control"] == "no-store"


# 4. 404 pages


def not_found_title(code: str) -> str:
    labels = next(locale for locale in raw_data()["locales"] if locale["code"] == code)["labels"]
    return labels["not_found_title"]


@pytest.mark.parametrize(
    "path, code",
    [
        ("/sv/nope.12345678.min.js", "sv"),
        ("/sv/x/y/z", "sv"),
        ("/sv/assets/nope.png", "sv"),
        ("/ar/nope.12345678.min.css", "ar"),
        ("/pt-BR/x/y/z", "pt-BR"),
        ("/nope.12345678.min.js", "en"),
        ("/x/y/z", "en"),
        ("/assets/javascripts/nope.12345678.min.js", "en"),
        ("/svx/y", "en"),
    ],
)
def test_missing_files_get_the_404_page_of_their_locale(served, site, path, code):
    status, headers, body = request(served, "GET", path)
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == PAGE_MAX_AGE
    text = body.decode("utf-8")
    assert f'<html lang="{code}"' in text
    assert f'<h1 id="not-found">{not_found_title(code)}</h1>' in text
    assert_security_headers(site, headers)


# 5. Content types


def kind_of(path: Path) -> str:
    suffixes = path.suffixes
    if not suffixes:
        return path.name
    return "".join(suffixes[-2:]) if suffixes[-1] == ".gz" else suffixes[-1]


def test_every_kind_of_file_is_served_with_its_content_type(served, site):
    files = sorted(path for path in site.rglob("*") if path.is_file())
    samples: dict[str, Path] = {}
    for path in files:
        samples.setdefault(kind_of(path), path)
    unknown = sorted(set(samples) - set(CONTENT_TYPES) - NOT_SERVED)
    assert not unknown, f"file kinds with no expected content type: {unknown}"
    wrong = []
    for kind, path in sorted(samples.items()):
        url = "/" + path.relative_to(site).as_posix()
        status, headers, _ = request(served, "HEAD", url)
        if kind in NOT_SERVED:
            assert status == 404, url
            continue
        assert status == 200, url
        if headers.get("content-type") != CONTENT_TYPES[kind]:
            wrong.append(f"{url}: {headers.get('content-type')} (expected {CONTENT_TYPES[kind]})")
    assert not wrong, "\n".join(wrong)
    assert {".html", ".css", ".js", ".json", ".xml", ".xml.gz"} <= set(samples)


def test_the_gzipped_sitemap_is_not_gzipped_again(served, site):
    status, headers, body = request(served, "GET", "/sitemap.xml.gz", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["content-type"] == "application/gzip"
    assert "content-encoding" not in headers
    assert body == (site / "sitemap.xml.gz").read_bytes()
