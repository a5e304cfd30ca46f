"""The site as production serves it: Debian's nginx with the shipped
configuration, and a real browser that visits every page of every locale."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import LOCALES, locale_pages, page_dir, raw_data

AXE = Axe()


def get(url: str, **headers):
    """The response, whatever its status; no header field may come twice."""
    request = urllib.request.Request(url, headers=headers)
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    names = [name.lower() for name in response.headers]
    assert len(names) == len(set(names)), f"{url}: header fields sent twice: {sorted(names)}"
    return response


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_html_is_served_with_strict_security_headers(served):
    response = get(served + "sv/methods/get/")
    headers = response.headers
    assert response.status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    policy = headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self' 'sha256-" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cache-Control"] == "public, max-age=300"


def test_text_is_gzipped_and_bundles_are_cached_for_a_year(served, site):
    (bundle,) = (site / "assets" / "javascripts").glob("bundle.*.min.js")
    response = get(served + f"assets/javascripts/{bundle.name}", **{"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Content-Type"] == "application/javascript; charset=utf-8"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert gzip.decompress(response.read()) == bundle.read_bytes()
    assert "Content-Security-Policy" in response.headers
    index = get(served + "sv/search/search_index.json", **{"Accept-Encoding": "gzip"})
    assert index.headers["Content-Type"] == "application/json; charset=utf-8"
    assert index.headers["Content-Encoding"] == "gzip"


def test_headers_file_for_other_hosts_is_not_served(served, site):
    assert (site / "_headers").exists()
    assert get(served + "_headers").status == 404


@pytest.mark.parametrize("code", ["sv", "ja", "ar", "en"])
def test_missing_page_gets_the_404_of_its_locale(served, code):
    labels = next(locale for locale in raw_data()["locales"] if locale["code"] == code)["labels"]
    response = get(served + page_dir(code) + "no/such/page/")
    assert response.status == 404
    body = response.read().decode("utf-8")
    assert f'<h1 id="not-found">{labels["not_found_title"]}</h1>' in body
    assert f'<html lang="{code}"' in body


def test_default_locale_code_redirects_to_the_root(served):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(served + "en/methods/patch/", timeout=10)
    except urllib.error.HTTPError as error:
        assert error.code == 301
        assert error.headers["Location"] == "/methods/patch/"
    else:
        pytest.fail("no redirect")


def record_problems(page, problems: list[str]) -> None:
    """Console errors (CSP violations among them), failed requests, and any
    request that leaves 127.0.0.1."""

    def third_party(request):
        url = urlsplit(request.url)
        return url.scheme in ("http", "https", "ws", "wss") and url.hostname != "127.0.0.1"

    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and not r.url.endswith("404.html") and problems.append(f"{r.status}: {r.url}"),
    )
    page.on("request", lambda r: third_party(r) and problems.append(f"third party: {r.url}"))


@pytest.mark.parametrize("code", LOCALES)
def test_every_page_loads_cleanly_and_passes_axe_in_both_schemes(browser, served, code):
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        record_problems(page, problems)
        for path in locale_pages(code):
            page.goto(served + path)
            page.wait_for_load_state("networkidle")
            expected = "slate" if scheme == "dark" else "default"
            assert page.get_attribute("body", "data-md-color-scheme") == expected
            results = AXE.run(page)
            for violation in results.response["violations"]:
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{scheme} {path}: axe {violation['id']}: {violation['help']} {targets}")
        context.close()
    assert not problems, "\n".join(problems)


def test_search_switcher_copy_button_and_colour_toggle_work_under_the_policy(browser, served):
    from browser import search

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))

    results = search(page, served + "de/", "Abfragen")
    assert results and all(urlsplit(url).path.startswith("/de/") for url in results)

    page.goto(served + "de/methods/post/#example-curl")
    page.hover(".md-header__option .md-select")
    page.click(".md-select__link[hreflang='sv']")
    page.wait_for_url(served + "sv/methods/post/#example-curl")

    page.hover("#__code_2")
    page.click("#__code_2 button.md-code__button")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("curl --include")
    assert copied == page.inner_text("#__code_2 code").strip()

    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.click("label.md-header__button[for^='__palette_']:visible")
    assert page.get_attribute("body", "data-md-color-scheme") != scheme
    assert not errors, errors
    context.close()


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("sv/methods/get/index.md", "text/markdown; charset=utf-8"),
        ("index.md", "text/markdown; charset=utf-8"),
        ("llms.txt", "text/plain; charset=utf-8"),
        ("ja/llms.txt", "text/plain; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
    ],
)
def test_files_for_machines_are_served_as_utf8_text(served, site, path, content_type):
    response = get(served + path, **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Type"] == content_type
    assert "Content-Security-Policy" in response.headers
    body = response.read()
    if response.headers["Content-Encoding"] == "gzip":
        body = gzip.decompress(body)
    assert body == (site / path).read_bytes()
