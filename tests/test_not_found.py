"""A reader on a missing page: the one 404.html that static hosts such as
GitHub Pages serve for every path becomes the 404 page of the path's locale,
chrome and search included, and offers a way on; odd paths give the default
locale. Pure functions first, then the built site in Chromium at a phone's
and a desktop's width."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

import material_html

from support import DEFAULT_LOCALE, LOCALES, METHODS, page_dir, raw_data, soup

WIDTHS = [360, 1280]
BUNDLE = '<script src="/assets/javascripts/bundle.0123abcd.min.js"></script>'
CONFIG = '<script id="__config" type="application/json">{"base":"/","translations":{"x":"%s"}}</script>'


def labels_of(code: str) -> dict:
    return next(locale for locale in raw_data()["locales"] if locale["code"] == code)["labels"]


def home(code: str) -> str:
    return "/" + page_dir(code)


# Pure functions


def fake_page(lang: str, title: str, link: str, button: str) -> str:
    return (
        f'<!doctype html>\n<html lang="{lang}" dir="ltr">\n<head><title>{title}</title>'
        '<script>var x = "<b>not text</b>";</script></head>\n'
        f'<body dir="ltr">\n  <a href="{link}" title="{title}">\n    {title} &amp; co\n  </a>\n'
        f'  <!-- a comment -->\n  <button aria-label="{button}"><svg viewBox="0 0 1 1"></svg></button>\n'
        f"{CONFIG % button}\n{BUNDLE}\n<p>after the bundle</p>\n</body>\n</html>\n"
    )


def test_page_texts_are_the_texts_and_attributes_before_the_bundle_in_document_order():
    texts = material_html.page_texts(fake_page("sv", "Sidan", "/sv/", "Sök"))
    assert texts == [
        (("html", "lang"), "sv"),
        (("html", "dir"), "ltr"),
        (("#text", ""), "Sidan"),
        (("body", "dir"), "ltr"),
        (("a", "href"), "/sv/"),
        (("a", "title"), "Sidan"),
        (("#text", ""), "Sidan & co"),
        (("button", "aria-label"), "Sök"),
    ]


def test_the_root_404_page_carries_what_differs_in_each_locale_and_loads_its_script_before_the_bundle():
    default = fake_page("en", "Gone", "/", "Search")
    page = material_html.embed_not_found_locales(
        default, {"sv": fake_page("sv", "Sidan", "/sv/", "Sök")}, "/", "/assets/javascripts/not-found.js"
    )
    document = BeautifulSoup(page, "html.parser")
    data = json.loads(document.find(id="not-found-locales").string)
    assert data["base"] == "/" and data["count"] == 8
    (sv,) = data["locales"]
    assert sv["code"] == "sv"
    assert sv["texts"] == [[0, "sv"], [2, "Sidan"], [4, "/sv/"], [5, "Sidan"], [6, "Sidan & co"], [7, "Sök"]]
    assert sv["config"]["translations"] == {"x": "Sök"}
    scripts = [script.get("src") for script in document.find_all("script")]
    assert scripts.index("/assets/javascripts/not-found.js") + 1 == scripts.index(
        "/assets/javascripts/bundle.0123abcd.min.js"
    )


def test_a_locale_404_page_of_other_elements_stops_the_build():
    default = fake_page("en", "Gone", "/", "Search")
    other = fake_page("sv", "Sidan", "/sv/", "Sök").replace("<button", '<button title="extra"')
    with pytest.raises(ValueError, match="404 page of sv has other elements"):
        material_html.embed_not_found_locales(default, {"sv": other}, "/", "/nf.js")
    with pytest.raises(ValueError, match="bundle"):
        material_html.embed_not_found_locales(default.replace(BUNDLE, ""), {}, "/", "/nf.js")


def test_the_language_menu_of_a_404_page_leads_to_each_locale_home():
    menu = (
        '<a href="/registry/" hreflang="en" class="md-select__link">English</a>'
        '<a href="/sv/registry/" hreflang="sv" class="md-select__link">Svenska</a>'
        '<a href="/x/" hreflang="xx" class="md-select__link">X</a>'
    )
    result = material_html.language_links_home(menu, {"en": "/", "sv": "/sv/"})
    assert [a["href"] for a in BeautifulSoup(result, "html.parser").find_all("a")] == ["/", "/sv/", "/x/"]


# The built site: every locale's own 404 page (nginx serves them)


@pytest.mark.parametrize("code", LOCALES)
def test_every_locale_404_page_offers_its_methods_and_leads_to_every_locale_home(site, code):
    page = soup(site / page_dir(code) / "404.html")
    heading = page.find(id="not-found-methods")
    assert heading.get_text() == labels_of(code)["methods"]
    links = page.select("ul.not-found-methods a")
    assert [a.get_text() for a in links] == METHODS
    slugs = [method["slug"] for method in raw_data()["methods"]]
    assert [a["href"] for a in links] == [f"{home(code)}methods/{slug}/" for slug in slugs]
    menu = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
    assert menu == {other: home(other) for other in LOCALES}


# The one 404 page in Chromium, as GitHub Pages serves it


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per width, shared by the module's tests; each collects the
    page's script errors."""
    opened = {}

    def at(width: int):
        if width not in opened:
            page = browser.new_context(viewport={"width": width, "height": 800}).new_page()
            page.errors = []
            page.on("pageerror", lambda error, page=page: page.errors.append(str(error)))
            opened[width] = page
        opened[width].errors.clear()
        return opened[width]

    yield at
    for page in opened.values():
        page.context.close()


# What the reader sees, links as the paths they lead to.
SHOWN = """() => { const path = (a) => a.href ? new URL(a.href).pathname : null; return {
  lang: document.documentElement.lang,
  dir: document.documentElement.dir,
  direction: getComputedStyle(document.body).direction,
  title: document.title,
  heading: document.getElementById("not-found").textContent,
  text: document.getElementById("not-found-text").textContent,
  link: path(document.getElementById("not-found-link")),
  siteName: document.querySelector(".md-header__topic .md-ellipsis").textContent.trim(),
  nav: [...document.querySelectorAll(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")]
    .map(item => [item.textContent.trim(), path(item)]),
  methods: [...document.querySelectorAll("ul.not-found-methods a")].map(a => [a.textContent, path(a)]),
  search: [document.querySelector(".md-search__input").placeholder,
    JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]],
  body: document.body.innerText,
  links: [...document.querySelectorAll("a[href]")].map(path),
  width: document.documentElement.scrollWidth,
}; }"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", LOCALES)
def test_the_one_404_page_becomes_the_404_page_of_the_path_locale(tabs, base_url, site, code, width):
    labels = labels_of(code)
    locale = next(item for item in raw_data()["locales"] if item["code"] == code)
    page = tabs(width)
    response = page.goto(f"{base_url}{page_dir(code)}no/such/page/", wait_until="networkidle")
    assert response.status == 404
    shown = page.evaluate(SHOWN)
    assert (shown["lang"], shown["dir"], shown["direction"]) == (code, locale["direction"], locale["direction"])
    assert shown["title"] == f"{labels['not_found_title']} - {labels['site_name']}"
    assert (shown["heading"], shown["text"]) == (labels["not_found_title"], labels["not_found_text"])
    assert shown["link"] == home(code) and shown["siteName"] == labels["site_name"]
    keys = ["nav_overview", "nav_methods", "nav_status", "nav_headers", "nav_registry"]
    assert [text for text, _href in shown["nav"]] == [labels[key] for key in keys]
    assert [href for _text, href in shown["nav"] if href] == [home(code)] + [
        f"{home(code)}{kind}/" for kind in ("status", "headers", "registry")
    ]
    slugs = [method["slug"] for method in raw_data()["methods"]]
    assert shown["methods"] == [
        [name, f"{home(code)}methods/{slug}/"] for name, slug in zip(METHODS, slugs, strict=True)
    ]
    own = soup(site / page_dir(code) / "404.html")
    assert shown["search"] == [own.find("input", class_="md-search__input")["placeholder"], own_placeholder(own)]
    assert shown["width"] <= width
    assert not page.errors
    # Everything else a reader sees and follows is the locale's own 404 page's.
    page.goto(f"{base_url}{page_dir(code)}404.html", wait_until="networkidle")
    direct = page.evaluate(SHOWN)
    assert (shown["body"], shown["links"]) == (direct["body"], direct["links"])


def own_placeholder(page) -> str:
    return json.loads(page.find(id="__config").string)["translations"]["search.result.placeholder"]


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("__proto__/x", DEFAULT_LOCALE),
        ("constructor/", DEFAULT_LOCALE),
        ("toString", DEFAULT_LOCALE),
        ("hasOwnProperty/methods/", DEFAULT_LOCALE),
        ("%E2%80%AE/", DEFAULT_LOCALE),
        ("no-such-page", DEFAULT_LOCALE),
        ("ar/%E2%80%AE/", "ar"),
        ("AR/methods/x/", "ar"),
        ("pt-br/x/", "pt-BR"),
        ("sv/%00/", "sv"),
    ],
)
def test_odd_paths_get_a_sane_404_page(tabs, base_url, path, code):
    labels = labels_of(code)
    page = tabs(360)
    response = page.goto(base_url + path)
    assert response.status == 404
    shown = page.evaluate(SHOWN)
    assert (shown["lang"], shown["heading"], shown["link"]) == (code, labels["not_found_title"], home(code))
    assert shown["title"] == f"{labels['not_found_title']} - {labels['site_name']}"
    assert len(shown["methods"]) == len(METHODS)
    assert not page.errors


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_search_on_the_one_404_page_searches_the_path_locale(tabs, base_url, code):
    from browser import search

    query = next(item for item in raw_data()["locales"] if item["code"] == code)["glossary"]["idempotent"].split()[0]
    results = search(tabs(1280), f"{base_url}{code}/no/such/page/", query)
    assert results and all(url.startswith(f"{base_url}{code}/") for url in results), results


def test_the_one_404_page_changes_locale_under_the_strict_policy_and_passes_axe(browser, served):
    """nginx serves the root 404.html for /AR/ (locale folders are case
    sensitive there): the page becomes Arabic with the policy's scripts
    alone, and stays accessible."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and "404" not in m.text and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    response = page.goto(served + "AR/no/such/page/", wait_until="networkidle")
    assert response.status == 404 and "content-security-policy" in response.headers
    assert page.evaluate("[document.documentElement.lang, document.body.dir]") == ["ar", "rtl"]
    assert page.inner_text("#not-found") == labels_of("ar")["not_found_title"]
    violations = Axe().run(page).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert not problems, problems
    page.context.close()
