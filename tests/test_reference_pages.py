"""The status codes, header fields and registry pages, and the links from
every page to their entries, in every locale of the built site."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest

from methodref.module_view import module_view
from methodref.render import reference_sections

from support import LOCALES, page_dir, page_path, soup

SITE = "https://http-methods.example.net/"
REFERENCE_PAGES = ("status", "headers", "registry")


def reference_page(site, code: str, kind: str):
    return soup(site / page_dir(code) / kind / "index.html")


def article_pages(site, data, code: str):
    """Every page of a locale with its URL: overview, methods, reference pages."""
    yield SITE + page_dir(code), soup(page_path(site, code))
    for method in data["methods"]:
        yield SITE + page_dir(code) + f"methods/{method['slug']}/", soup(page_path(site, code, method["slug"]))
    for kind in REFERENCE_PAGES:
        yield SITE + page_dir(code) + f"{kind}/", reference_page(site, code, kind)


def test_every_method_fails_with_405(data):
    assert [m["name"] for m in data["methods"] if 405 not in [f["code"] for f in m["failures"]]] == []


@pytest.mark.parametrize("code", LOCALES)
def test_reference_pages_have_every_entry(site, data, code):
    for kind, ids in reference_sections(data).items():
        page = reference_page(site, code, kind)
        assert page.html["lang"] == code, kind
        found = {tag["id"] for tag in page.select("article [id]")}
        assert set(ids) <= found, f"{code} {kind} lacks {set(ids) - found}"


@pytest.mark.parametrize("code", LOCALES)
def test_registry_lists_every_registered_method(site, data, code):
    rows = reference_page(site, code, "registry").select("article table tbody tr")
    assert [row.find("td").get_text() for row in rows] == [row["name"] for row in data["registry"]["methods"]]
    for row, entry in zip(rows, data["registry"]["methods"], strict=True):
        assert row.get("id") == (None if entry["name"] == "*" else entry["name"].lower())
    ours = {m["name"] for m in data["methods"]}
    linked = {row.find("td").get_text() for row in rows if row.find_all("td")[-1].find("a")}
    assert linked == ours & {entry["name"] for entry in data["registry"]["methods"]}


@pytest.mark.parametrize("code", LOCALES)
def test_failures_link_to_the_status_page(site, data, code):
    for method in data["methods"]:
        table = soup(page_path(site, code, method["slug"])).select_one("#failures + table")
        links = [a["href"] for a in table.select("tbody tr td:first-child bdi a")]
        assert [urlsplit(href).fragment for href in links] == [str(f["code"]) for f in method["failures"]]
        assert all(urlsplit(href).path.endswith("status/") for href in links), method["name"]


@pytest.mark.parametrize("code", LOCALES)
def test_every_status_mention_and_header_name_links_to_its_entry(site, data, code):
    """Status mentions of known codes and backticked header names are links,
    and each link to a reference page lands on an entry of it."""
    codes = set(data["status_codes"])
    names = {header["name"] for header in data["headers"]}
    ids = {kind: set(entry_ids) for kind, entry_ids in reference_sections(data).items()}
    problems = []
    for url, page in article_pages(site, data, code):
        article = page.select_one("article")
        for mention in article.select("bdi"):
            number = mention.get_text()[:3]
            is_entry = mention.find_parent(["h1", "h2", "h3"]) is not None
            if number in codes and not is_entry and mention.find("a") is None:
                problems.append(f"{url}: {mention.get_text()} is not linked")
        for element in article.select("p code, li code, td code"):
            if element.get_text() in names and element.find_parent("a") is None:
                problems.append(f"{url}: header {element.get_text()} is not linked")
        for link in article.select("a[href]"):
            target = urlsplit(urljoin(url, link["href"]))
            kind = target.path.removeprefix("/" + page_dir(code)).strip("/")
            ours = target.netloc == urlsplit(SITE).netloc and kind in ids and target.fragment
            if ours and target.fragment not in ids[kind]:
                problems.append(f"{url}: {link['href']} has no entry")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", LOCALES)
def test_module_view_shows_the_example_request(site, data, code):
    for method in data["methods"]:
        page = soup(page_path(site, code, method["slug"]))
        view = module_view(method["example"]["request"])
        section = page.select_one("#example-module")
        shown = []
        for sibling in section.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            shown.append(sibling.get_text(" "))
        text = " ".join(shown)
        assert view.method in text and view.url in text, method["name"]
        for name, value in view.headers:
            assert name in text and value in text, (method["name"], name)
        assert "Content-Length" not in text and "Host" not in text.replace("Host:", ""), method["name"]


@pytest.mark.parametrize("code", LOCALES)
def test_search_finds_status_codes_and_header_fields(site, data, code):
    """Each entry is a section of Material's index, titled with the code or the name."""
    index = json.loads((site / page_dir(code) / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for status in data["status_codes"]:
        assert status in titles.get(f"status/#{status}", ""), f"{code}: {status} is not searchable"
    for header in data["headers"]:
        assert header["name"] in titles.get(f"headers/#{header['name'].lower()}", ""), header["name"]
