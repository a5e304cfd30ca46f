"""Corrections to the HTML that Material for MkDocs writes, as pure functions.

Material serves one site per language; mkdocs-static-i18n builds several
languages into one site. These functions make each page behave as part of its
own locale: its language tag, its search index and its language switcher.
"""

from __future__ import annotations

import html
import json
import posixpath
import re

HTML_TAG = re.compile(r'<html lang="[^"]*"')
ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
NOT_FOUND_HEADING = "<h1>404 - Not found</h1>"
PAGE_TITLE = re.compile(r"<title>[^<]*</title>")
DESCRIPTION = re.compile(r'(<meta name="description" content=")[^"]*(">)')


def set_document_language(page: str, code: str, direction: str) -> str:
    """`<html lang dir>` with the locale code (Material writes its own language, such as zh)."""
    return HTML_TAG.sub(f'<html lang="{code}" dir="{direction}"', page, count=1)


def drop_alternate_links(page: str) -> str:
    """Remove the hreflang <link>s from the head.

    Material fetches <alternate>/sitemap.xml for each of them, a 404 and a
    request per locale on every page view. The sitemap carries the same
    hreflang alternates for search engines.
    """
    head_end = page.find("</head>")
    return ALTERNATE_LINK.sub("", page[:head_end]) + page[head_end:]


# Material's worker turns every typed term into a prefix search, `term*`, and
# lunr skips the stemmer for such terms, so "requests" never finds "request".
WILDCARD_ONLY = re.compile(r"\.map\((\w)=>/\(\^\[\+-\]\|\[~\^\]\\d\+\$\)/\.test\(\1\)\?\1:`\$\{\1\}\*`\)")


def stemmed_search_worker(source: str) -> str:
    """Material's search worker, searching each term stemmed as well as as a prefix."""
    patched, count = WILDCARD_ONLY.subn(
        lambda m: f".map({m[1]}=>/(^[+-]|[~^]\\d+$)/.test({m[1]})?{m[1]}:`${{{m[1]}}} ${{{m[1]}}}*`)", source
    )
    if count != 1:
        raise ValueError("Material's search worker changed: the query rewrite this hook patches is gone")
    return patched


def set_search_config(page: str, base: str, worker: str) -> str:
    """Point Material's `base` at the locale's root, where its own search
    index is, and its search worker at the stemming one."""

    def replace(match: re.Match) -> str:
        config = json.loads(match[2])
        config["base"] = base
        config["search"] = posixpath.join(posixpath.dirname(config["search"]), worker)
        text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
        # As Jinja's tojson: nothing in the JSON may close the script element.
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return match[1] + text + match[3]

    return CONFIG_SCRIPT.sub(replace, page, count=1)


def localize_not_found(page: str, title: str, text: str, link_text: str, href: str, site_name: str) -> str:
    """Material's 404 page says "404 - Not found" in English whatever the
    language, and has the home page's title and the site's description."""
    body = (
        f'<h1 id="not-found">{html.escape(title)}</h1>\n'
        f'<p id="not-found-text">{html.escape(text)}</p>\n'
        f'<p><a id="not-found-link" href="{html.escape(href)}">{html.escape(link_text)}</a></p>'
    )
    if NOT_FOUND_HEADING not in page:
        raise ValueError("Material's 404 page no longer has the heading this hook replaces")
    if not PAGE_TITLE.search(page) or not DESCRIPTION.search(page):
        raise ValueError("Material's 404 page no longer has the <title> and description this hook replaces")
    page = PAGE_TITLE.sub(lambda _: f"<title>{html.escape(title)} - {html.escape(site_name)}</title>", page, count=1)
    page = DESCRIPTION.sub(lambda m: f"{m[1]}{html.escape(text)}{m[2]}", page, count=1)
    return page.replace(NOT_FOUND_HEADING, body, 1)


def search_index_for_locale(index_json: str, prefix: str, synonyms: list[tuple[str, list[str]]]) -> str:
    """One locale's search index, its locations relative to the locale's root,
    each section findable by the synonyms of the terms it uses."""
    index = json.loads(index_json)
    docs = [doc for doc in index["docs"] if doc["location"].startswith(prefix)]
    for doc in docs:
        doc["location"] = doc["location"][len(prefix) :]
        keywords = search_keywords(doc["title"] + " " + doc["text"], synonyms)
        if keywords:
            doc["keywords"] = keywords
    index["docs"] = docs
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def search_keywords(text: str, synonyms: list[tuple[str, list[str]]]) -> str:
    """The synonyms of every term that `text` contains, for the search field
    `keywords`: indexed, never shown. Terms match case-insensitively inside
    words too, as CJK text has no spaces; Chinese text is segmented by zero
    width spaces first."""
    text = text.replace("\u200b", "").casefold()
    found = [word for term, words in synonyms if term.casefold() in text for word in words]
    return " ".join(dict.fromkeys(found))


def embed_not_found_locales(page: str, locales: dict, base: str) -> str:
    """Give the root 404 page every locale's text, for locales.js to pick from."""
    text = json.dumps(locales, ensure_ascii=False).replace("<", "\\u003c")
    script = f'<script type="application/json" id="not-found-locales" data-base="{html.escape(base)}">{text}</script>'
    return page.replace("</body>", script + "\n</body>", 1)


SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')


def name_search_dialog(page: str) -> str:
    """Give Material's search dialog the accessible name of its search box."""
    label = SEARCH_LABEL.search(page)
    if not label:
        return page
    return SEARCH_DIALOG.sub(lambda m: f'{m[1]} aria-label="{label[1]}">', page, count=1)


# Material opens its drawer and its search overlay with two hidden checkboxes,
# each with autocomplete="off" so that a browser going Back does not restore
# them checked (the drawer would cover the page). HTML allows autocomplete on no
# checkbox: the Nu HTML checker's one error on Material's pages. A form owner
# with autocomplete="off" keeps that reset and is valid; the toggles stay where
# they are, as Material's CSS selects what follows them (`:checked ~`).
STATE_TOGGLES = re.compile(
    r'<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    r"(\s*)"
    r'<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
)
TOGGLES_FORM = "__toggles"


def valid_state_toggles(page: str) -> str:
    """Material's drawer and search toggles without the autocomplete attribute
    that HTML forbids on checkboxes, reset on Back by their form instead."""

    def replace(match: re.Match) -> str:
        space = match[1]
        toggles = [
            f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" form="{TOGGLES_FORM}">'
            for name in ("drawer", "search")
        ]
        return f'<form id="{TOGGLES_FORM}" autocomplete="off" hidden></form>{space}' + space.join(toggles)

    page, count = STATE_TOGGLES.subn(replace, page, count=1)
    if count != 1:
        raise ValueError(
            "Material's drawer and search toggles changed: valid_state_toggles no longer finds them "
            "(if Material dropped autocomplete from its checkboxes, remove this correction)"
        )
    return page
