"""Corrections to the HTML that Material for MkDocs writes, as pure functions.

Material serves one site per language; mkdocs-static-i18n builds several
languages into one site. These functions make each page behave as part of its
own locale: its language tag, its search index and its language switcher.
"""

from __future__ import annotations

import html
import json
import re

HTML_TAG = re.compile(r'<html lang="[^"]*"')
ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
NOT_FOUND_HEADING = "<h1>404 - Not found</h1>"


def set_document_language(page: str, code: str, direction: str) -> str:
    """`<html lang dir>` with the locale code (Material writes its own language, such as zh)."""
    return HTML_TAG.sub(f'<html lang="{code}" dir="{direction}"', page, count=1)


def drop_alternate_links(page: str) -> str:
    """Remove the hreflang <link>s from the head.

    Material fetches <alternate>/sitemap.xml for each of them, a 404 and a
    request per locale on every page view. The sitemap carries the same
    hreflang alternates for search engines.
    """
    return ALTERNATE_LINK.sub("", page)


def set_search_base(page: str, base: str) -> str:
    """Point Material's `base` at the locale's root, where its own search index is."""

    def replace(match: re.Match) -> str:
        config = json.loads(match[2])
        config["base"] = base
        text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
        # As Jinja's tojson: nothing in the JSON may close the script element.
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return match[1] + text + match[3]

    return CONFIG_SCRIPT.sub(replace, page, count=1)


def localize_not_found(page: str, title: str, text: str, link_text: str, href: str) -> str:
    """Material's 404 page says "404 - Not found" in English whatever the language."""
    body = (
        f'<h1 id="not-found">{html.escape(title)}</h1>\n'
        f'<p id="not-found-text">{html.escape(text)}</p>\n'
        f'<p><a id="not-found-link" href="{html.escape(href)}">{html.escape(link_text)}</a></p>'
    )
    if NOT_FOUND_HEADING not in page:
        raise ValueError("Material's 404 page no longer has the heading this hook replaces")
    return page.replace(NOT_FOUND_HEADING, body, 1)


def search_index_for_locale(index_json: str, prefix: str) -> str:
    """One locale's search index, its locations relative to the locale's root."""
    index = json.loads(index_json)
    docs = [doc for doc in index["docs"] if doc["location"].startswith(prefix)]
    for doc in docs:
        doc["location"] = doc["location"][len(prefix) :]
    index["docs"] = docs
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
