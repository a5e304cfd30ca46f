"""The help router in a real browser: a help button's query lands on the
right page, locale and section, by every rule INTEGRATING.md promises."""

from __future__ import annotations

import pytest

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
    assert len(hrefs) == len(data["locales"]) * (len(data["methods"]) + 1)
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
