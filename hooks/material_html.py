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
from html.parser import HTMLParser

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


def localize_not_found(
    page: str,
    title: str,
    text: str,
    link_text: str,
    href: str,
    site_name: str,
    methods_heading: str,
    methods: list[tuple[str, str]],
) -> str:
    """Material's 404 page says "404 - Not found" in English whatever the
    language, and has the home page's title and the site's description. The
    locale's page says it in its language and offers a way on: its overview
    and its list of methods, each (name, href)."""
    items = "".join(f'<li><a href="{html.escape(link)}">{html.escape(name)}</a></li>' for name, link in methods)
    body = (
        f'<h1 id="not-found">{html.escape(title)}</h1>\n'
        f'<p id="not-found-text">{html.escape(text)}</p>\n'
        f'<p><a id="not-found-link" href="{html.escape(href)}">{html.escape(link_text)}</a></p>\n'
        f'<h2 id="not-found-methods">{html.escape(methods_heading)}</h2>\n'
        f'<ul class="not-found-methods" aria-labelledby="not-found-methods">{items}</ul>'
    )
    if NOT_FOUND_HEADING not in page:
        raise ValueError("Material's 404 page no longer has the heading this hook replaces")
    if not PAGE_TITLE.search(page) or not DESCRIPTION.search(page):
        raise ValueError("Material's 404 page no longer has the <title> and description this hook replaces")
    page = PAGE_TITLE.sub(lambda _: f"<title>{html.escape(title)} - {html.escape(site_name)}</title>", page, count=1)
    page = DESCRIPTION.sub(lambda m: f"{m[1]}{html.escape(text)}{m[2]}", page, count=1)
    return page.replace(NOT_FOUND_HEADING, body, 1)


LANGUAGE_LINK = re.compile(r'(<a href=")[^"]*(" hreflang="([^"]*)" class="md-select__link">)')


def language_links_home(page: str, homes: dict[str, str]) -> str:
    """A 404 page's language menu, each language linking to its overview.

    mkdocs-static-i18n gives a 404 page the language links of the page it
    rendered before (the method registry), so the menu led to that page."""

    def home(link: re.Match) -> str:
        return f"{link[1]}{html.escape(homes[link[3]])}{link[2]}" if link[3] in homes else link[0]

    return LANGUAGE_LINK.sub(home, page)


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


# The one 404 page that a static host such as GitHub Pages serves for every
# missing path is the default locale's. Where the path starts with another
# locale's folder, not-found.js makes it that locale's 404 page before
# Material's bundle starts (so that search, too, uses the locale's index): it
# walks the page's texts and the attributes below in document order, as
# page_texts does here, and puts in the locale's value wherever it differs.
TEXT_ATTRIBUTES = ("lang", "dir", "href", "title", "aria-label", "placeholder", "content")
RAW_TEXT = frozenset({"script", "style"})
HTML_SPACE = " \t\n\r\f"  # what HTML (and the script) trims; str.strip() trims more
BUNDLE_SCRIPT = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')


class _TextSlots(HTMLParser):
    """Every non-blank text node and every TEXT_ATTRIBUTES value of a page,
    in document order: ((element or "#text", attribute), value) pairs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.slots: list[tuple[tuple[str, str], str]] = []
        self.tag = ""
        self.text = ""

    def _flush(self):
        value = self.text.strip(HTML_SPACE)
        if value and self.tag not in RAW_TEXT:
            self.slots.append((("#text", ""), value))
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self._flush()
        self.tag = tag
        values = {}
        for name, value in attrs:  # a repeated attribute: the first counts, as in the DOM
            values.setdefault(name, value)
        for name in TEXT_ATTRIBUTES:
            if values.get(name) is not None:
                self.slots.append(((tag, name), values[name]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self._flush()
        self.tag = ""

    def handle_data(self, data):
        self.text += data

    def handle_comment(self, data):
        self._flush()


def page_texts(page: str) -> list[tuple[tuple[str, str], str]]:
    """The texts not-found.js can replace: those before Material's bundle."""
    bundle = BUNDLE_SCRIPT.search(page)
    if not bundle:
        raise ValueError("Material's 404 page no longer loads its bundle as this hook expects")
    parser = _TextSlots()
    parser.feed(page[: bundle.start()])
    parser.close()
    parser._flush()
    return parser.slots


def embed_not_found_locales(page: str, pages: dict[str, str], base: str, script: str) -> str:
    """Give the default locale's 404 page every other locale's 404 page, as
    the texts that differ and Material's configuration, and the script
    (`script`, its URL) that puts them in when the path names the locale.

    `pages` holds each locale's own 404 page by its code."""
    ours = page_texts(page)
    kinds = [kind for kind, _value in ours]
    locales = []
    for code, other in pages.items():
        theirs = page_texts(other)
        if [kind for kind, _value in theirs] != kinds:
            at = next((i for i, (kind, _v) in enumerate(theirs[: len(kinds)]) if kind != kinds[i]), len(kinds))
            raise ValueError(
                f"the 404 page of {code} has other elements than the default locale's from text {at} on "
                f"({len(theirs)} texts against {len(kinds)}), so the one 404 page that static hosts serve "
                "cannot become it: every locale's 404 page must come from the same template and navigation"
            )
        config = CONFIG_SCRIPT.search(other)
        if not config:
            raise ValueError("Material's 404 page no longer has the configuration this hook replaces")
        pairs = enumerate(zip(theirs, ours, strict=True))
        texts = [[i, value] for i, ((_kind, value), (_same, default)) in pairs if value != default]
        locales.append({"code": code, "texts": texts, "config": json.loads(config[2])})
    data = {"base": base, "count": len(ours), "locales": locales}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    embedded = (
        f'<script type="application/json" id="not-found-locales">{text}</script>\n'
        f'<script src="{html.escape(script)}"></script>\n'
    )
    bundle = BUNDLE_SCRIPT.search(page)
    return page[: bundle.start()] + embedded + page[bundle.start() :]


SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')


def name_search_dialog(page: str) -> str:
    """Give Material's search dialog the accessible name of its search box."""
    label = SEARCH_LABEL.search(page)
    if not label:
        return page
    return SEARCH_DIALOG.sub(lambda m: f'{m[1]} aria-label="{label[1]}">', page, count=1)
