"""What a reader does in a real browser: search in their language, switch
language without losing their place, and land on a 404 page they can read."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from browser import search
from support import LOCALES, page_dir

SEARCH_LOCALES = ["en", "sv", "de", "ja", "zh-Hans", "ar", "fi", "ru"]
# A word form the locale's pages do not contain, whose stem they do.
INFLECTED = {"sv": "cacharna", "de": "Abfragen", "en": "retrieved"}


def locale_of_url(url: str) -> str:
    first = urlsplit(url).path.strip("/").split("/")[0]
    return first if first in LOCALES else LOCALES[0]


def index_text(site, code: str) -> str:
    index = json.loads((site / page_dir(code) / "search" / "search_index.json").read_text(encoding="utf-8"))
    return " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]).replace("\u200b", "")


@pytest.mark.parametrize("code", SEARCH_LOCALES)
def test_search_finds_pages_in_the_readers_locale_only(page, base_url, data, code):
    locale = next(item for item in data["locales"] if item["code"] == code)
    query = locale["glossary"]["idempotent"].split()[0]
    results = search(page, base_url + page_dir(code), query)
    assert results, f"no result for {query!r} in {code}"
    assert {locale_of_url(url) for url in results} == {code}, results
    assert not page.console_errors


@pytest.mark.parametrize("code", sorted(INFLECTED))
def test_search_finds_another_form_of_the_word(page, base_url, site, code):
    query = INFLECTED[code]
    assert not re.search(rf"\b{query}\b", index_text(site, code), re.IGNORECASE), "pick a form the pages lack"
    results = search(page, base_url + page_dir(code), query)
    assert results, f"stemming found nothing for {query!r}"
    assert {locale_of_url(url) for url in results} == {code}


@pytest.mark.parametrize(
    ("start", "target"),
    [("sv/methods/patch/#success", "de"), ("methods/put/#cautions", "ja"), ("ar/methods/get/#example-curl", "en")],
)
def test_language_switcher_keeps_the_page_and_the_section(page, base_url, start, target):
    page.goto(base_url + start)
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{target}']")
    page.wait_for_load_state()
    path, section = start.split("#")
    method_path = path.split("methods/", 1)[1]
    assert page.url == f"{base_url}{page_dir(target)}methods/{method_path}#{section}"
    assert page.evaluate("document.documentElement.lang") == target
    assert not page.console_errors


@pytest.mark.parametrize("code", ["sv", "ja", "ar", "pt-BR"])
def test_root_404_page_speaks_the_language_of_the_path(page, base_url, data, code):
    labels = next(item for item in data["locales"] if item["code"] == code)["labels"]
    response = page.goto(f"{base_url}{code}/methods/no-such-method/")
    assert response.status == 404
    assert page.inner_text("#not-found") == labels["not_found_title"]
    assert page.evaluate("document.documentElement.lang") == code
    page.click("#not-found-link")
    page.wait_for_load_state()
    assert page.url == f"{base_url}{code}/"


@pytest.mark.parametrize(
    ("typed", "lands"),
    [("sv/methods/PATCH/", "sv/methods/patch/"), ("pt-BR/methods/Get/#success", "pt-BR/methods/get/#success")],
)
def test_a_method_address_in_upper_case_reaches_the_page(page, base_url, typed, lands):
    page.goto(base_url + typed)
    page.wait_for_url(base_url + lands)
    assert page.locator("#properties").count() == 1


@pytest.mark.parametrize("path", ["__proto__/x", "constructor/", "hasOwnProperty/methods/"])
def test_root_404_page_treats_object_names_as_no_locale(page, base_url, data, path):
    labels = data["locales"][0]["labels"]
    response = page.goto(f"{base_url}{path}")
    assert response.status == 404
    assert page.inner_text("#not-found") == labels["not_found_title"]
    assert page.evaluate("document.documentElement.lang") == LOCALES[0]


def test_root_404_page_stays_in_the_default_language_elsewhere(page, base_url, data):
    labels = data["locales"][0]["labels"]
    response = page.goto(f"{base_url}no-such-page/")
    assert response.status == 404
    assert page.inner_text("#not-found") == labels["not_found_title"]
    assert page.evaluate("document.documentElement.lang") == LOCALES[0]


def test_right_to_left_pages_keep_code_left_to_right(page, base_url):
    page.goto(base_url + "ar/methods/patch/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    styles = page.eval_on_selector_all(
        "article pre, article code", "els => els.map(e => getComputedStyle(e).direction)"
    )
    assert styles and set(styles) == {"ltr"}
    first_cell = page.eval_on_selector("article h1", "h => getComputedStyle(h).direction")
    assert first_cell == "rtl"


def test_search_finds_a_page_by_a_search_term_the_pages_never_show(page, base_url):
    """English readers type "payload"; the pages say "content"."""
    results = search(page, base_url, "payload")
    assert any(urlsplit(url).path == "/methods/post/" for url in results), results
    assert "payload" not in page.inner_text(".md-search-result").lower()
    page.goto(base_url + "methods/post/")
    assert "payload" not in page.inner_text("body").lower()


def test_search_finds_swedish_pages_by_a_swedish_search_term(page, base_url):
    results = search(page, base_url + "sv/", "begäran")
    assert results, "no result for 'begäran' in sv: list it under search_terms.request"
    assert {locale_of_url(url) for url in results} == {"sv"}, results


# Per status mention: the boxes of its code and of its reason phrase, drawn.
STATUS_BOXES = """els => els.filter(e => / /.test(e.textContent)).map(e => {
  // The mention's text, inside the link to its status entry where it has one.
  const text = document.createTreeWalker(e, NodeFilter.SHOW_TEXT).nextNode(), space = text.data.indexOf(" ");
  const box = (start, end) => {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    return range.getBoundingClientRect();
  };
  const code = box(0, space), reason = box(space + 1, text.data.length);
  return {text: text.data, cell: e.closest("td") !== null, codeRight: code.right, reasonLeft: reason.left};
})"""


def test_right_to_left_sentences_keep_status_codes_and_header_names_left_to_right(page, base_url):
    page.goto(base_url + "ar/methods/put/")
    mentions = page.eval_on_selector_all("article bdi", STATUS_BOXES)
    assert {mention["cell"] for mention in mentions} == {True, False}, "a mention in a sentence and in a table"
    assert "200 OK" in [mention["text"] for mention in mentions]
    for mention in mentions:  # "200 OK", not "OK 200"
        assert mention["codeRight"] <= mention["reasonLeft"], mention
    header = page.eval_on_selector_all(
        "article p code, article li code",  # in a link to the header's entry
        """codes => codes.filter(c => c.textContent === "If-Match").map(c => ({
          code: getComputedStyle(c).direction, sentence: getComputedStyle(c.closest("p, li")).direction
        }))""",
    )
    assert header and all(found == {"code": "ltr", "sentence": "rtl"} for found in header), header


@pytest.mark.parametrize(
    ("locale", "query", "entry"), [("sv", "415", "status/#415"), ("de", "If-Match", "headers/#if-match")]
)
def test_search_finds_status_codes_and_header_fields_in_the_readers_locale(page, base_url, locale, query, entry):
    results = search(page, base_url + f"{locale}/", query)
    landed = [re.sub(r"\?[^#]*", "", url) for url in results]  # Material adds ?h=<query> to highlight it
    assert any(url.endswith(f"/{locale}/{entry}") for url in landed), results
    assert {locale_of_url(url) for url in results} == {locale}, results
