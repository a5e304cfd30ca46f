"""Readers search with the words they know: each locale's search_terms find
the sections that use its glossary term, in that locale's index alone."""

from __future__ import annotations

import json

import pytest

from material_html import search_index_for_locale, search_keywords

from support import LOCALES, page_dir

SYNONYMS = [("content", ["body", "payload"]), ("header field", ["header"]), ("请求", ["request"])]


def test_a_text_with_the_term_gets_its_synonyms():
    assert search_keywords("Send the Content with a Header Field.", SYNONYMS) == "body payload header"


def test_a_text_without_the_term_gets_none():
    assert search_keywords("Nothing here.", SYNONYMS) == ""


def test_terms_match_inside_segmented_chinese():
    assert search_keywords("发送\u200b请\u200b求", SYNONYMS) == "request"


def test_a_word_shared_by_two_terms_is_listed_once():
    assert search_keywords("content and body", [("content", ["body"]), ("body", ["body"])]) == "body"


def test_only_the_locales_sections_get_keywords():
    index = {
        "config": {},
        "docs": [
            {"location": "sv/methods/post/", "title": "POST", "text": "Content follows."},
            {"location": "sv/methods/get/", "title": "GET", "text": "Nothing."},
            {"location": "methods/post/", "title": "POST", "text": "Content follows."},
        ],
    }
    docs = json.loads(search_index_for_locale(json.dumps(index), "sv/", SYNONYMS))["docs"]
    assert docs == [
        {"location": "methods/post/", "title": "POST", "text": "Content follows.", "keywords": "body payload"},
        {"location": "methods/get/", "title": "GET", "text": "Nothing."},
    ]


def built_index(site, code: str) -> dict:
    return json.loads((site / page_dir(code) / "search" / "search_index.json").read_text(encoding="utf-8"))


def locale_words(data, code: str) -> set[str]:
    """The single words of a locale's search terms (terms may be phrases)."""
    locale = next(item for item in data["locales"] if item["code"] == code)
    return {part for words in locale["search_terms"].values() for word in words for part in word.split()}


def test_the_default_locale_index_finds_post_by_payload(site):
    index = built_index(site, LOCALES[0])
    assert "keywords" in index["config"]["fields"]
    post = [doc for doc in index["docs"] if doc["location"].startswith("methods/post/")]
    assert any("payload" in doc.get("keywords", "").split() for doc in post)


@pytest.mark.parametrize("code", LOCALES)
def test_no_index_holds_words_of_another_locale(site, data, code):
    own = locale_words(data, code)
    for doc in built_index(site, code)["docs"]:
        foreign = set(doc.get("keywords", "").split()) - own
        assert not foreign, f"{code} {doc['location']}: {foreign} are not search terms of {code}"
