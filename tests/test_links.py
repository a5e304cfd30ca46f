"""The link contract: every promised URL and section id exists, for every
locale, and no later change removes one. Plus the JSON for applications."""

from __future__ import annotations

import json

import pytest

from methodref.links import EXPORT_PATH, contract, default_alias_paths
from methodref.markup import plain

from support import ROOT, raw_data, soup

CONTRACT_FILE = ROOT / "tests" / "contract" / "links.json"
PROMISED = json.loads(CONTRACT_FILE.read_text(encoding="utf-8"))
SITE_URL = "https://http-methods.example.net"


def built_file(site, path: str):
    relative = path.lstrip("/")
    return site / (relative + "index.html" if relative.endswith("/") or not relative else relative)


def test_no_promised_url_or_section_is_removed_or_renamed():
    current = contract(raw_data())
    missing = [path for path in PROMISED if path not in current]
    assert not missing, "promised URLs no longer exist:\n" + "\n".join(missing)
    for path, sections in PROMISED.items():
        assert set(sections) <= set(current[path]), f"{path} lost sections {set(sections) - set(current[path])}"


def test_the_contract_lists_every_public_url():
    unlisted = {p: s for p, s in contract(raw_data()).items() if p not in PROMISED or set(s) - set(PROMISED[p])}
    assert not unlisted, "run `python -m methodref contract` to promise these:\n" + "\n".join(unlisted)


@pytest.mark.parametrize("path", sorted(PROMISED))
def test_promised_url_exists_with_its_sections(site, path):
    target = default_alias_paths(raw_data()).get(path, path)
    if path != target:  # /en/...: a redirect page to the page itself
        redirect = soup(built_file(site, path))
        assert redirect.find("link", rel="canonical")["href"] == SITE_URL + target
        assert redirect.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    page = built_file(site, target)
    assert page.exists(), path
    if PROMISED[path]:
        ids = {tag["id"] for tag in soup(page).select("[id]")}
        assert set(PROMISED[path]) <= ids, f"{path} lacks {set(PROMISED[path]) - ids}"


def test_redirect_pages_stay_out_of_search_and_sitemap(site, data):
    code = data["locales"][0]["code"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{code}/" not in sitemap
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith(f"{code}/")]


def test_json_export_matches_the_data(site, data):
    exported = json.loads((site / EXPORT_PATH).read_text(encoding="utf-8"))
    assert exported["version"] == 1
    assert [locale["code"] for locale in exported["locales"]] == [locale["code"] for locale in data["locales"]]
    assert [locale["reviewed"] for locale in exported["locales"]] == [locale["reviewed"] for locale in data["locales"]]
    assert [m["name"] for m in exported["methods"]] == [m["name"] for m in data["methods"]]
    for method, facts in zip(exported["methods"], data["methods"], strict=True):
        assert {p: f["value"] for p, f in method["properties"].items()} == {
            p: f["value"] for p, f in facts["properties"].items()
        }
        assert [s["code"] for s in method["success"]] == [s["code"] for s in facts["success"]]
        assert method["defined_in"]["url"].startswith("https://www.rfc-editor.org/rfc/")
        for code, localized in method["locales"].items():
            assert localized["summary"] == plain(facts["text"][code]["summary"])
            for section, url in localized["sections"].items():
                page_url, _, anchor = url.partition("#")
                assert anchor == section
                page = built_file(site, page_url.removeprefix(SITE_URL))
                assert soup(page).find(id=section), url
