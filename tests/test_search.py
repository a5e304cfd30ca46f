"""Search as readers use it: a typo forgiven in a long word, Chinese and
Japanese words found and marked whole, and each locale's search settings
without blank pipeline entries."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import material
import pytest

from material_html import SEARCH_WORKER_PATCHES, patch_search_worker, search_pipeline, segmentation_words

from browser import search
from support import LOCALES, page_dir, raw_data

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
ZERO_WIDTH_SPACE = "\u200b"
LUNR_PIPELINE_FUNCTIONS = {"trimmer", "stopWordFilter", "stemmer"}


def material_worker() -> str:
    (worker,) = WORKERS.glob("search.*.min.js")
    return worker.read_text(encoding="utf-8")


@pytest.mark.parametrize("patch", SEARCH_WORKER_PATCHES, ids=lambda patch: patch.name)
def test_each_worker_patch_finds_its_place_once_in_materials_worker(patch):
    assert len(patch.anchor.findall(material_worker())) == 1, f"update the patch {patch.name!r}"


@pytest.mark.parametrize("patch", SEARCH_WORKER_PATCHES, ids=lambda patch: patch.name)
def test_a_worker_without_the_patched_code_is_refused_naming_the_patch(patch):
    changed = patch.anchor.sub("", material_worker())
    with pytest.raises(ValueError, match=re.escape(repr(patch.name))):
        patch_search_worker(changed)


def test_the_patched_worker_has_the_functions_its_patches_call():
    worker = patch_search_worker(material_worker())
    called = set(re.findall(r"methodrefSearch\.(\w+)\(", worker))
    exported = re.search(r"return \{ ([\w, ]+) \}\n\}\)\(\)", worker)[1].split(", ")
    assert called and called == set(exported)


@pytest.mark.parametrize(
    ("setting", "functions"),
    [(" ", []), ("stopWordFilter", ["stopWordFilter"]), ("trimmer, stemmer", ["trimmer", "stemmer"]), ("", [])],
)
def test_a_pipeline_setting_gives_no_blank_function(setting, functions):
    assert search_pipeline(setting) == functions


def test_jieba_learns_the_parts_of_chinese_terms_without_quotes():
    locale = {
        "glossary": {"idempotent": "幂等", "method_field": "“方法”", "method": "method"},
        "search_terms": {"status_code": ["HTTP 状态码", "响应码"], "request": ["request"]},
    }
    assert segmentation_words(locale) == ["幂等", "方法", "状态码", "响应码"]


def built_index(site, code: str) -> dict:
    return json.loads((site / page_dir(code) / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", LOCALES)
def test_search_settings_list_only_lunr_functions_and_stem(site, code):
    pipeline = built_index(site, code)["config"]["pipeline"]
    assert set(pipeline) <= LUNR_PIPELINE_FUNCTIONS, pipeline
    assert "stemmer" in pipeline


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant"])
def test_chinese_indexes_hold_the_locales_terms_whole(site, code):
    """Material segments Chinese with jieba, words parted by zero-width spaces."""
    locale = next(item for item in raw_data()["locales"] if item["code"] == code)
    text = " ".join(doc["title"] + " " + doc["text"] for doc in built_index(site, code)["docs"])
    terms = segmentation_words({"glossary": locale["glossary"], "search_terms": {}})
    # Each term where a word starts, with or without zero-width spaces between
    # its characters (不可缓存, "not cacheable", holds no word 可缓存).
    word_start = f"(?:^|(?<=[\\s{ZERO_WIDTH_SPACE}>]))"
    written = {term: re.findall(word_start + f"{ZERO_WIDTH_SPACE}?".join(map(re.escape, term)), text) for term in terms}
    assert written[locale["glossary"]["idempotent"]]
    split = {term: found for term, found in written.items() if any(ZERO_WIDTH_SPACE in each for each in found)}
    assert not split, f"jieba cut these terms: {split}"


def shown_pages(links: list[str]) -> list[str]:
    """Result links without Material's ?h= (what it highlights)."""
    return [urlsplit(link)._replace(query="").geturl() for link in links]


def marks(page) -> list[str]:
    """The marked words of the results, as read (without zero-width spaces)."""
    found = page.eval_on_selector_all(".md-search-result mark", "marks => marks.map(m => m.textContent)")
    return [text.replace(ZERO_WIDTH_SPACE, "") for text in found]


def missing_terms(page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result__terms", "terms => terms.map(t => t.textContent)")


def words_of(site, code: str) -> str:
    index = built_index(site, code)
    return " ".join(f"{doc['title']} {doc['text']} {doc.get('keywords', '')}" for doc in index["docs"]).lower()


@pytest.mark.parametrize(
    ("code", "typo", "word"),
    [("en", "idempotnt", "idempotent"), ("sv", "förfrgan", "förfrågan"), ("de", "Anfrgae", "Anfrage")],
)
def test_a_typo_in_a_long_word_finds_what_the_word_finds(page, base_url, site, code, typo, word):
    assert typo.lower() not in words_of(site, code), "pick a typo that no word of the pages starts with"
    expected = shown_pages(search(page, base_url + page_dir(code), word))
    found = shown_pages(search(page, base_url + page_dir(code), typo))
    assert found and found[0] == expected[0]
    assert set(expected) <= set(found)
    assert word.lower() in [mark.lower() for mark in marks(page)]
    assert not missing_terms(page), "a result names the corrected typo as missing"
    assert not page.console_errors


def test_a_typo_in_a_four_letter_word_finds_nothing_but_in_a_five_letter_word_it_does(page, base_url, site):
    """HEAF is one edit from HEAD and LEAF: too close to guess; PTACH is PATCH."""
    assert "heaf" not in words_of(site, "en") and "ptach" not in words_of(site, "en")
    assert any(urlsplit(link).path == "/methods/head/" for link in search(page, base_url, "HEAD"))
    assert search(page, base_url, "HEAF") == []
    assert any(urlsplit(link).path == "/methods/patch/" for link in search(page, base_url, "PTACH"))


def test_a_found_word_is_not_named_missing(page, base_url):
    """The index holds stems: Material looked for "idempotent" among them."""
    assert search(page, base_url, "idempotent")
    assert not missing_terms(page)


@pytest.mark.parametrize(("code", "word"), [("zh-Hans", "幂等"), ("zh-Hant", "冪等"), ("ja", "冪等")])
def test_chinese_and_japanese_results_mark_the_whole_word(page, base_url, code, word):
    links = search(page, base_url + page_dir(code), word)
    marked = marks(page)
    assert word in marked
    assert all(mark.startswith(word) for mark in marked), marked  # 冪等 or 冪等キー, never 冪 alone
    # Following a result, the page marks what was searched: the whole word.
    highlights = {parse_qs(urlsplit(link).query).get("h", [""])[0] for link in links} - {""}
    assert highlights == {word}


def test_a_followed_chinese_result_marks_the_whole_word_in_the_page(page, base_url):
    links = search(page, base_url + "zh-Hans/", "幂等")
    page.goto(next(link for link in links if "h=" in link and urlsplit(link).fragment))
    page.wait_for_selector("article mark")
    marked = page.eval_on_selector_all("article mark", "marks => marks.map(m => m.textContent)")
    assert marked and set(marked) == {"幂等"}


def test_a_japanese_word_the_segmenter_cuts_is_marked_as_one(page, base_url):
    """TinySegmenter cuts 条件付きリクエスト into 条件, 付き and リクエスト."""
    assert search(page, base_url + "ja/", "条件付きリクエスト")
    assert "条件付きリクエスト" in marks(page)


def test_japanese_readers_find_the_idempotent_pages_in_kana_too(page, base_url, data):
    """べき等 is a Japanese search term for 冪等, which the pages use."""
    locale = next(item for item in data["locales"] if item["code"] == "ja")
    assert "べき等" in locale["search_terms"]["idempotent"] and locale["glossary"]["idempotent"] == "冪等"
    in_kanji = {urlsplit(link).path for link in search(page, base_url + "ja/", "冪等")}
    in_kana = {urlsplit(link).path for link in search(page, base_url + "ja/", "べき等")}
    assert in_kana == in_kanji
