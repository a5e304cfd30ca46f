"""The help router in a real browser: a help button's query lands on the
right page, locale and section, by every rule INTEGRATING.md promises."""

from __future__ import annotations

import pytest

from methodref.links import reference_pages
from router_fixture import ORIGIN, serve

from support import raw_data

# (query, the browser's languages, the page it must land on)
ROUTES = [
    ("method=PATCH&lang=sv-SE&section=success", "en-US", "sv/methods/patch/#success"),
    ("method=patch&lang=de", "en-US", "de/methods/patch/"),
    ("method=Get&lang=nb-NO&section=example-curl", "en-US", "nb/methods/get/#example-curl"),
    ("method=PUT&lang=no", "en-US", "nb/methods/put/"),
    ("method=DELETE&lang=zh-TW", "en-US", "zh-Hant/methods/delete/"),
    ("method=DELETE&lang=zh-HK", "en-US", "zh-Hant/methods/delete/"),
    ("method=DELETE&lang=zh-Hant-TW", "en-US", "zh-Hant/methods/delete/"),
    ("method=DELETE&lang=zh-CN", "en-US", "zh-Hans/methods/delete/"),
    ("method=DELETE&lang=zh", "en-US", "zh-Hans/methods/delete/"),
    ("method=QUERY&lang=pt", "en-US", "pt-BR/methods/query/"),
    ("method=QUERY&lang=pt-PT", "en-US", "pt-BR/methods/query/"),
    ("method=QUERY&lang=pt_br", "en-US", "pt-BR/methods/query/"),
    ("method=HEAD&lang=fr-CA&section=cautions", "en-US", "fr/methods/head/#cautions"),
    ("method=HEAD&lang=en-GB", "sv-SE", "methods/head/"),
    ("method=OPTIONS&lang=xx", "fi-FI", "fi/methods/options/"),
    ("method=OPTIONS", "ja-JP", "ja/methods/options/"),
    ("method=OPTIONS&lang=xx", "xx-YY", "methods/options/"),
    ("method=TRACE&lang=ar-EG&section=no-such-section", "en-US", "ar/methods/trace/"),
    ("lang=ko&section=comparison", "en-US", "ko/#comparison"),
    ("method=FETCH&lang=sv", "en-US", "sv/?unknown-method=FETCH#methods"),
]


@pytest.mark.parametrize(("query", "languages", "expected"), ROUTES)
def test_router_resolves(browser, base_url, query, languages, expected):
    context = browser.new_context(locale=languages)
    page = context.new_page()
    page.goto(f"{base_url}help/?{query}")
    page.wait_for_url(lambda url: "/help/" not in url)
    assert page.url == base_url + expected
    context.close()


def test_unknown_method_shows_a_note_in_the_readers_language(browser, base_url, data):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}help/?method=FETCH&lang=sv")
    page.wait_for_url(lambda url: "unknown-method" in url)
    note = page.locator("#unknown-method")
    assert note.is_visible()
    labels = next(locale for locale in data["locales"] if locale["code"] == "sv")["labels"]
    assert note.inner_text() == labels["unknown_method"].replace("{method}", "FETCH")
    page.goto(f"{base_url}sv/")
    assert not page.locator("#unknown-method").is_visible()
    context.close()


def test_without_javascript_the_router_offers_the_links(browser, base_url, data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}help/?method=PATCH&lang=sv")
    assert page.url.endswith("/help/?method=PATCH&lang=sv")
    hrefs = page.eval_on_selector_all("#pages a", "links => links.map(a => a.getAttribute('href'))")
    assert "/sv/methods/patch/" in hrefs
    per_locale = len(data["methods"]) + 1 + len(reference_pages(data))
    assert len(hrefs) == len(data["locales"]) * per_locale
    context.close()


def test_router_script_is_a_file_of_its_own(site):
    page = (site / "help" / "index.html").read_text(encoding="utf-8")
    assert '<script src="/assets/javascripts/help.js"></script>' in page
    assert "<script>" not in page


@pytest.mark.parametrize(("start", "expected"), [("en/", ""), ("en/methods/put/#cautions", "methods/put/#cautions")])
def test_default_locale_answers_under_its_code(browser, base_url, start, expected):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + start)
    page.wait_for_url(lambda url: "/en/" not in url)
    assert page.url == base_url + expected
    context.close()


# Issue 11: the registry, status codes and header fields. (query, the
# browser's languages, the page it must land on.) Whatever the data holds,
# SPEC.md promises: PROPFIND and BASELINE-CONTROL are registered methods
# without a page of ours, 415 and If-Match have entries, 299 and X-Nope none.
REFERENCE_ROUTES = [
    ("method=PROPFIND&lang=sv", "en-US", "sv/registry/#propfind"),
    ("method=propfind", "en-US", "registry/#propfind"),
    ("method=Baseline-Control&lang=de-AT", "en-US", "de/registry/#baseline-control"),
    ("method=PROPFIND&section=failures", "en-US", "registry/#propfind"),
    ("method=GET&lang=sv", "en-US", "sv/methods/get/"),
    ("method=PATCH&lang=sv&section=failures", "en-US", "sv/methods/patch/#failures"),
    ("method=post&section=FAILURES", "fi-FI", "fi/methods/post/#failures"),
    ("method=*&lang=sv", "en-US", "sv/?unknown-method=*#methods"),
    ("status=415&lang=fr-CA", "en-US", "fr/status/#415"),
    ("status=%20415%20", "ja-JP", "ja/status/#415"),
    ("status=299&lang=sv", "en-US", "sv/status/?unknown-status=299"),
    ("status=415&section=failures", "en-US", "status/#415"),
    ("header=If-Match&lang=zh-TW", "en-US", "zh-Hant/headers/#if-match"),
    ("header=if-match", "en-US", "headers/#if-match"),
    ("header=IF-MATCH&lang=ar", "en-US", "ar/headers/#if-match"),
    ("header=X-Nope&lang=ar", "en-US", "ar/headers/?unknown-header=X-Nope"),
    # Precedence: method, then status, then header; an unknown method too.
    ("header=If-Match&status=415&method=PATCH&lang=nb", "en-US", "nb/methods/patch/"),
    ("header=If-Match&status=415&method=PROPFIND", "en-US", "registry/#propfind"),
    ("status=415&method=FETCH", "en-US", "?unknown-method=FETCH#methods"),
    ("header=If-Match&status=415&lang=it", "en-US", "it/status/#415"),
    ("header=If-Match&status=299", "en-US", "status/?unknown-status=299"),
    # Hostile values: nothing an object inherits is known; a direction
    # control is only ever text.
    ("method=__proto__", "en-US", "?unknown-method=__PROTO__#methods"),
    ("method=constructor&lang=sv", "en-US", "sv/?unknown-method=CONSTRUCTOR#methods"),
    ("status=__proto__", "en-US", "status/?unknown-status=__proto__"),
    ("status=constructor", "en-US", "status/?unknown-status=constructor"),
    ("header=__proto__", "en-US", "headers/?unknown-header=__proto__"),
    ("header=hasOwnProperty", "en-US", "headers/?unknown-header=hasOwnProperty"),
    ("header=%E2%80%AEevil", "en-US", "headers/?unknown-header=%E2%80%AEevil"),
    ("section=__proto__&lang=__proto__", "en-US", ""),
    ("status=%3Cscript%3E&lang=sv", "en-US", "sv/status/?unknown-status=%3Cscript%3E"),
]


@pytest.mark.parametrize(("query", "languages", "expected"), REFERENCE_ROUTES)
def test_router_resolves_reference_pages(browser, query, languages, expected):
    """help.js with router_page() of the data plus SPEC's new facts, in
    Chromium, on an origin served from memory: the rules, without the pages."""
    context = browser.new_context(locale=languages)
    page = context.new_page()
    serve(page, raw_data())
    page.goto(f"{ORIGIN}/help/?{query}")
    page.wait_for_url(lambda url: "/help/" not in url)
    assert page.url == f"{ORIGIN}/{expected}"
    context.close()


@pytest.mark.parametrize(("query", "languages", "expected"), REFERENCE_ROUTES)
def test_router_resolves_reference_pages_in_the_site(browser, base_url, site, query, languages, expected):
    context = browser.new_context(locale=languages)
    page = context.new_page()
    page.goto(f"{base_url}help/?{query}")
    page.wait_for_url(lambda url: "/help/" not in url)
    assert page.url == base_url + expected
    if "#" in expected and not expected.startswith("?"):
        anchor = expected.rpartition("#")[2]
        assert page.locator(f"[id='{anchor}']").count() == 1, expected
    context.close()


NOTES = [
    # (query, the locale it lands in, note id, the value the note shows)
    ("status=299&lang=sv", "sv", "unknown-status", "299"),
    ("header=X-Nope&lang=ar", "ar", "unknown-header", "X-Nope"),
    ("header=%E2%80%AEevil", "en", "unknown-header", "\u202eevil"),
    ("header=%3Cb%3Ebold%3C%2Fb%3E&lang=ja", "ja", "unknown-header", "<b>bold</b>"),
    ("method=%E2%80%AEevil&lang=sv", "sv", "unknown-method", "\u202eEVIL"),
    ("method=%E2%80%AEevil&lang=ar", "ar", "unknown-method", "\u202eEVIL"),
]
PLACEHOLDERS = {"unknown-status": "{status}", "unknown-header": "{header}", "unknown-method": "{method}"}


def check_note(page, data, code, note_id, value):
    note = page.locator(f"#{note_id}")
    assert note.is_visible()
    labels = next(locale for locale in data["locales"] if locale["code"] == code)["labels"]
    label = note_id.replace("-", "_")
    assert note.inner_text() == labels[label].replace(PLACEHOLDERS[note_id], value)
    # The value is text, in one <bdi>, and nothing else in the note is new.
    assert page.eval_on_selector(f"#{note_id}", "n => [...n.querySelectorAll('bdi')].map(b => b.textContent)") == [
        value
    ]
    assert page.eval_on_selector(f"#{note_id}", "n => n.querySelectorAll('bdi *').length") == 0
    # Isolated: the sentence after the value stays after it (to its right in
    # a left-to-right locale, to its left in a right-to-left one), whatever
    # direction controls the value holds.
    after = page.evaluate(
        """id => {
            const bdi = document.querySelector(`#${id} bdi`);
            const next = bdi.closest('code') ? bdi.closest('code').nextSibling : bdi.nextSibling;
            const range = document.createRange();
            range.selectNodeContents(next);
            const dir = getComputedStyle(document.getElementById(id)).direction;
            return {dir, bdi: bdi.getBoundingClientRect().toJSON(), next: range.getClientRects()[0].toJSON()};
        }""",
        note_id,
    )
    same_line = after["next"]["top"] < after["bdi"]["bottom"] and after["next"]["bottom"] > after["bdi"]["top"]
    assert same_line, "the note wraps after its value"
    if after["dir"] == "ltr":
        assert after["next"]["left"] >= after["bdi"]["right"] - 1
    else:
        assert after["next"]["right"] <= after["bdi"]["left"] + 1


@pytest.mark.parametrize(("query", "code", "note_id", "value"), [note for note in NOTES if note[2] != "unknown-method"])
def test_unknown_value_shows_a_note_isolated_in_the_readers_language(browser, query, code, note_id, value):
    """locales.js on a stub page that carries the note as SPEC's pages will."""
    context = browser.new_context()
    page = context.new_page()
    serve(page, raw_data())
    page.goto(f"{ORIGIN}/help/?{query}")
    page.wait_for_url(lambda url: note_id in url)
    page.wait_for_load_state()
    check_note(page, raw_data(), code, note_id, value)
    context.close()


@pytest.mark.parametrize(("query", "code", "note_id", "value"), NOTES)
def test_unknown_value_shows_a_note_in_the_site(browser, base_url, site, data, query, code, note_id, value):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}help/?{query}")
    page.wait_for_url(lambda url: note_id in url)
    page.wait_for_load_state()
    check_note(page, data, code, note_id, value)
    context.close()
