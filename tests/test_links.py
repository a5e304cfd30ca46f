"""The link contract: every promised URL and section id exists, for every
locale, and no later change removes one. Plus the JSON for applications."""

from __future__ import annotations

import json

import pytest

from methodref.links import EXPORT_PATH, contract, default_alias_paths, export, router_config, router_page
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


def export_urls(value):
    """Every URL of the site in the exported JSON, wherever it is."""
    if isinstance(value, dict):
        for item in value.values():
            yield from export_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from export_urls(item)
    elif isinstance(value, str) and value.startswith(SITE_URL):
        yield value


def test_every_url_in_the_json_export_exists_in_the_site(site):
    exported = json.loads((site / EXPORT_PATH).read_text(encoding="utf-8"))
    urls = sorted(set(export_urls(exported)))
    for url in urls:
        page_url, _, anchor = url.partition("#")
        page = built_file(site, page_url.removeprefix(SITE_URL))
        assert page.exists(), url
        if anchor:
            assert soup(page).find(id=anchor), url


def test_json_export_has_the_reference_facts_of_the_data(site, data):
    """Status codes, header fields, the registry and each method's failures,
    as the data has them, once the data has them (issue 11)."""
    exported = json.loads((site / EXPORT_PATH).read_text(encoding="utf-8"))
    check_reference_export(exported, data)


def test_json_export_of_the_reference_facts(data):
    """The new facts, exported without a build: version 1 only gains keys."""
    exported = export(data, SITE_URL)
    assert set(exported) >= {"version", "site", "router", "locales", "methods", "status_codes", "headers", "registry"}
    assert exported["version"] == 1
    check_reference_export(exported, data)
    rows = {row["name"]: row for row in exported["registry"]}
    assert rows["PROPFIND"]["page"] is None
    assert rows["PROPFIND"]["locales"]["sv"]["url"] == f"{SITE_URL}/sv/registry/#propfind"
    assert rows["GET"]["page"] == f"{SITE_URL}/methods/get/"
    assert rows["*"]["locales"]["sv"]["url"] is None
    assert rows["MKCOL"]["reference"]["url"] == "https://www.rfc-editor.org/rfc/rfc4918#section-9.3"
    headers = {header["name"]: header for header in exported["headers"]}
    assert headers["Idempotency-Key"]["source"] is None
    assert headers["If-Match"]["locales"]["de"]["url"] == f"{SITE_URL}/de/headers/#if-match"
    assert exported["status_codes"]["415"]["locales"]["en"]["url"] == f"{SITE_URL}/status/#415"
    patch = next(method for method in exported["methods"] if method["name"] == "PATCH")
    assert next(item for item in patch["failures"] if item["code"] == 405) == {
        "code": 405,
        "reason": "Method Not Allowed",
        "source": {"citation": "RFC 9110 §15.5.6", "url": "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6"},
    }
    swedish = next(method for method in data["methods"] if method["name"] == "PATCH")["text"]["sv"]["failures"]
    assert patch["locales"]["sv"]["failures"]["405"] == {key: plain(text) for key, text in swedish["405"].items()}


def check_reference_export(exported, data):
    codes = [locale["code"] for locale in data["locales"]]
    for method, facts in zip(exported["methods"], data["methods"], strict=True):
        if "failures" not in facts:
            assert "failures" not in method
            continue
        assert [item["code"] for item in method["failures"]] == [item["code"] for item in facts["failures"]]
        for item in method["failures"]:
            assert item["reason"] == data["status_codes"][str(item["code"])]["reason"]
            assert item["source"]["citation"] == data["status_codes"][str(item["code"])]["source"]
        for code in codes:
            texts = facts["text"][code]["failures"]
            assert method["locales"][code]["failures"] == {
                str(status): {part: plain(words) for part, words in parts.items()} for status, parts in texts.items()
            }
    if "status" in data["locales"][0]:
        assert list(exported["status_codes"]) == [str(code) for code in data["status_codes"]]
        for status, fact in exported["status_codes"].items():
            assert fact["reason"] == data["status_codes"][status]["reason"]
            assert fact["source"]["citation"] == data["status_codes"][status]["source"]
            assert list(fact["locales"]) == codes
            assert all(entry["url"].endswith(f"/status/#{status}") for entry in fact["locales"].values())
    else:
        assert "status_codes" not in exported
    if "headers" in data:
        assert [header["name"] for header in exported["headers"]] == [header["name"] for header in data["headers"]]
        for header, facts in zip(exported["headers"], data["headers"], strict=True):
            assert header["direction"] == facts["direction"]
            assert header["example"] == facts["example"]
            assert (header["source"] or {}).get("citation") == facts.get("source")
            assert list(header["locales"]) == codes
            assert all(
                entry["url"].endswith(f"/headers/#{facts['name'].lower()}") for entry in header["locales"].values()
            )
    else:
        assert "headers" not in exported
    if "registry" in data:
        ours = {method["name"] for method in data["methods"]}
        assert [row["name"] for row in exported["registry"]] == [row["name"] for row in data["registry"]["methods"]]
        for row, facts in zip(exported["registry"], data["registry"]["methods"], strict=True):
            assert (row["safe"], row["idempotent"]) == (facts["safe"], facts["idempotent"])
            cited = facts["reference"] if isinstance(facts["reference"], list) else [facts["reference"]]
            assert row["reference"]["citation"] == cited[0]
            assert [ref["citation"] for ref in row["references"]] == cited
            assert (row["page"] is None) == (row["name"] not in ours)
        assert exported["registry_source"] == data["registry"]["source"]
    else:
        assert "registry" not in exported


def test_router_knows_the_reference_pages(data):
    config = router_config(data)
    assert config["pages"]["status"] == {
        "path": "status/",
        "ids": [str(code) for code in data["status_codes"]],
        "unknown": "unknown-status",
    }
    assert config["pages"]["headers"] == {
        "path": "headers/",
        "ids": [header["name"].lower() for header in data["headers"]],
        "unknown": "unknown-header",
    }
    rows = [row["name"].lower() for row in data["registry"]["methods"] if row["name"] != "*"]
    assert config["pages"]["registry"]["ids"] == rows
    assert {"propfind", "baseline-control", "mkcol"} <= set(rows)
    assert config["pages"]["registry"]["unknown"] is None
    assert {"failures", "example-module"} <= set(config["sections"]["method"])


def test_contract_of_the_reference_pages(data):
    """The contract promises the pages and their ids, under every locale and,
    for the default one, under its code too."""
    promised = contract(data)
    assert promised["/status/"] == promised["/en/status/"]
    assert {str(code) for code in data["status_codes"]} <= set(promised["/sv/status/"])
    assert {header["name"].lower() for header in data["headers"]} <= set(promised["/sv/headers/"])
    rows = [row["name"].lower() for row in data["registry"]["methods"] if row["name"] != "*"]
    assert set(rows) <= set(promised["/ar/registry/"])
    assert "*" not in promised["/ar/registry/"]
    assert default_alias_paths(data)["/en/registry/"] == "/registry/"
    # The router page lists them too, for readers without JavaScript.
    assert 'href="/zh-Hant/registry/"' in router_page(data)
