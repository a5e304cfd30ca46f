"""The built site: what readers get, in every locale."""

from __future__ import annotations

import json
import re
from datetime import date
from urllib.parse import urljoin, urlsplit

import pytest
from babel import Locale
from babel.dates import format_date

from methodref.markup import plain
from methodref.render import OVERVIEW_SECTIONS, method_sections

from support import DEFAULT_LOCALE, LOCALES, ROOT, heading_text, page_dir, page_path, soup

# The section ids are a promise to every link in a help button, kept in the
# link contract (test_links.py): the same in every locale, never renamed.
SPEC_HOSTS = {"www.rfc-editor.org", "html.spec.whatwg.org", "fetch.spec.whatwg.org", "www.iana.org"}
SITE_HOST = "http-methods.example.net"


def locale_of(data, code):
    return next(locale for locale in data["locales"] if locale["code"] == code)


def section_ids(page):
    return {tag["id"] for tag in page.select("article h2[id], article h3[id]")}


@pytest.mark.parametrize("code", LOCALES)
def test_overview_page(site, data, code):
    locale = locale_of(data, code)
    page = soup(page_path(site, code))
    assert page.html["lang"] == code
    assert page.html["dir"] == locale["direction"]
    assert heading_text(page.select_one("article h1")) == plain(locale["overview"]["title"])
    assert locale["labels"]["site_name"] in page.title.get_text()
    assert section_ids(page) == set(OVERVIEW_SECTIONS)
    links = [a["href"] for a in page.select("#methods ~ ul")[0].select("a")]
    assert links == [f"methods/{m['slug']}/" for m in data["methods"]]
    rows = page.select("#comparison ~ table tbody tr")
    assert [row.find("td").get_text(strip=True) for row in rows] == [m["name"] for m in data["methods"]]


@pytest.mark.parametrize("code", LOCALES)
def test_method_pages(site, data, code):
    locale = locale_of(data, code)
    for method in data["methods"]:
        page = soup(page_path(site, code, method["slug"]))
        where = f"{code} {method['name']}"
        assert page.html["lang"] == code, where
        assert page.html["dir"] == locale["direction"], where
        assert page.title.get_text() == f"{method['name']} - {locale['labels']['site_name']}", where
        assert heading_text(page.select_one("article h1")) == method["name"], where
        assert section_ids(page) == set(method_sections(method)), where
        lead = page.select_one("article h1 ~ p").get_text()
        assert lead == plain(method["text"][code]["summary"]), where
        headings = [heading_text(h) for h in page.select("article h2")]
        assert locale["labels"]["properties"] in headings, where
        description = page.find("meta", attrs={"name": "description"})["content"]
        assert description == plain(method["text"][code]["summary"]), where


@pytest.mark.parametrize("code", LOCALES)
def test_every_page_ends_with_the_review_date_as_the_locale_writes_dates(site, data, code):
    locale = locale_of(data, code)
    shown = format_date(date.fromisoformat(locale["reviewed"]), format="long", locale=Locale.parse(code, sep="-"))
    expected = plain(locale["labels"]["reviewed"]).replace("{date}", shown)
    for slug in [None, *(method["slug"] for method in data["methods"])]:
        article = soup(page_path(site, code, slug)).select_one("article")
        where = f"{code} {slug or 'overview'}"
        assert article.find_all(recursive=False)[-1] == article.select_one("p.page-reviewed"), where
        assert article.select_one("p.page-reviewed").get_text() == expected, where
        assert locale["reviewed"] not in article.get_text(), where


@pytest.mark.parametrize(
    ("code", "shown"), [("sv", "1 december 2026"), ("de", "1. Dezember 2026"), ("ja", "2026年12月1日")]
)
def test_review_date_in_the_words_of_the_locale(site, code, shown):
    assert shown in soup(page_path(site, code)).select_one("p.page-reviewed").get_text()


def test_default_locale_is_at_the_root_and_others_below_their_code(site, data):
    assert page_path(site, DEFAULT_LOCALE).exists()
    for code in LOCALES[1:]:
        assert (site / code / "index.html").exists()
        assert not (site / DEFAULT_LOCALE / code).exists()


@pytest.mark.parametrize("code", LOCALES)
def test_language_switcher_keeps_the_page(site, data, code):
    page = soup(page_path(site, code, "patch"))
    here = f"https://{SITE_HOST}/{page_dir(code)}methods/patch/"
    alternates = {a["hreflang"]: urljoin(here, a["href"]) for a in page.select("a[hreflang]")}
    assert alternates == {other: f"https://{SITE_HOST}/{page_dir(other)}methods/patch/" for other in LOCALES}


def test_properties_table_has_every_property_and_its_source(site, data):
    for method in data["methods"]:
        page = soup(page_path(site, DEFAULT_LOCALE, method["slug"]))
        rows = page.select("#properties + table tbody tr")
        assert len(rows) == 6, method["name"]
        for row in rows:
            link = row.find_all("td")[-1].find("a")
            assert urlsplit(link["href"]).hostname in SPEC_HOSTS


def test_curl_and_raw_http_examples_are_shown(site, data):
    page = soup(page_path(site, DEFAULT_LOCALE, "post"))
    blocks = [pre.get_text() for pre in page.select("article pre")]
    assert blocks[0].startswith("POST /orders HTTP/1.1")
    assert blocks[1].startswith("HTTP/1.1 201 Created")
    assert blocks[2].startswith("curl --include")


def test_no_third_party_requests(site):
    """Only links in the text may point elsewhere; nothing is loaded from elsewhere."""
    offenders = []
    for path in site.rglob("*.html"):
        page = soup(path)
        for tag in page.find_all(["script", "img", "iframe", "source", "video", "audio", "embed", "object", "link"]):
            for attribute in ("src", "href", "data", "srcset"):
                value = tag.get(attribute)
                if value and urlsplit(value).hostname not in (None, SITE_HOST):
                    offenders.append(f"{path.relative_to(site)}: <{tag.name} {attribute}={value}>")
        for link in page.find_all("a", href=True):
            host = urlsplit(link["href"]).hostname
            if host not in (None, SITE_HOST) and not (host in SPEC_HOSTS and link.find_parent("article")):
                offenders.append(f"{path.relative_to(site)}: link to {link['href']}")
    for path in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^)'\"]+)", path.read_text(encoding="utf-8")):
            if urlsplit(url).hostname not in (None, SITE_HOST):
                offenders.append(f"{path.relative_to(site)}: url({url})")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("code", LOCALES)
def test_each_locale_has_its_own_search_index(site, data, code):
    """A reader loads only their locale's index, stemmed for their language."""
    locale = locale_of(data, code)
    index = json.loads((site / page_dir(code) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [locale["search_language"]]
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert pages == {"", "status/", "headers/", "registry/"} | {f"methods/{m['slug']}/" for m in data["methods"]}
    for method in data["methods"]:
        page_text = next(d["text"] for d in index["docs"] if d["location"] == f"methods/{method['slug']}/")
        assert plain(method["text"][code]["summary"]) in page_text.replace("\u200b", ""), method["name"]


def test_pages_load_the_search_index_of_their_locale(site):
    for code in LOCALES:
        for path in (page_path(site, code), page_path(site, code, "get")):
            config = json.loads(soup(path).find("script", id="__config").string)
            base = urljoin(f"https://{SITE_HOST}/{path.parent.relative_to(site).as_posix()}/", config["base"])
            assert urljoin(base + "/" if not base.endswith("/") else base, "search/search_index.json") == (
                f"https://{SITE_HOST}/{page_dir(code)}search/search_index.json"
            )


def test_sitemap_lists_every_page_with_alternates(site, data):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for code in LOCALES:
        assert f"https://{SITE_HOST}/{page_dir(code)}methods/query/" in sitemap
    assert sitemap.count('hreflang="sv"') >= 11


def test_nothing_is_generated_into_docs(built):
    _site, before, after = built
    assert after == before, "the build changed docs/"
    assert not [p for p in (ROOT / "docs").rglob("*") if p.suffix in (".md", ".html")]


@pytest.mark.parametrize("code", LOCALES)
def test_every_locale_has_a_404_page_in_its_language(site, data, code):
    labels = locale_of(data, code)["labels"]
    page = soup(site / page_dir(code) / "404.html")
    assert page.html["lang"] == code
    assert page.find(id="not-found").get_text() == labels["not_found_title"]
    assert page.find(id="not-found-text").get_text() == labels["not_found_text"]
    link = page.find(id="not-found-link")
    assert link.get_text() == labels["not_found_link"]
    assert link["href"] == f"/{page_dir(code)}"


def test_alternate_links_that_make_material_fetch_sitemaps_are_gone(site):
    for path in site.rglob("*.html"):
        assert not soup(path).select("link[rel=alternate][hreflang]"), path


def test_every_link_and_anchor_resolves(site):
    """A link checker over the whole site; spec links elsewhere are not fetched."""
    broken = []
    ids = {}

    def ids_of(path):
        if path not in ids:
            ids[path] = {tag["id"] for tag in soup(path).select("[id]")} | {
                a["name"] for a in soup(path).select("a[name]")
            }
        return ids[path]

    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        here = f"https://{SITE_HOST}/" + (
            relative[: -len("index.html")] if relative.endswith("index.html") else relative
        )
        page = soup(path)
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in page.find_all(tag, attrs={attribute: True}):
                url = urlsplit(urljoin(here, element[attribute]))
                if url.hostname != SITE_HOST or url.scheme not in ("http", "https"):
                    continue
                target = site / url.path.lstrip("/")
                if url.path.endswith("/"):
                    target = target / "index.html"
                if not target.exists():
                    broken.append(f"{relative}: {element[attribute]} (no {url.path})")
                elif url.fragment and target.suffix == ".html" and url.fragment not in ids_of(target):
                    broken.append(f"{relative}: {element[attribute]} (no #{url.fragment})")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])
