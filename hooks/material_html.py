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
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

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


SEARCH_WORKER_ADDITIONS = Path(__file__).with_name("search_worker.js")


class WorkerPatch(NamedTuple):
    """One change to Material's minified search worker: the text it anchors
    on (a pattern that must match exactly once) and what replaces it."""

    name: str
    anchor: re.Pattern
    replace: Callable[[re.Match], str]


# Each patch says why; the functions it calls are in search_worker.js.
SEARCH_WORKER_PATCHES = [
    # The query parser turns every typed term into a prefix search, `term*`,
    # and lunr skips the stemmer for such terms, so "requests" never found
    # "request": search each term as a word as well.
    WorkerPatch(
        "stemmed terms",
        re.compile(r"\.map\((\w)=>/\(\^\[\+-\]\|\[~\^\]\\d\+\$\)/\.test\(\1\)\?\1:`\$\{\1\}\*`\)"),
        lambda m: f".map({m[1]}=>/(^[+-]|[~^]\\d+$)/.test({m[1]})?{m[1]}:`${{{m[1]}}} ${{{m[1]}}}*`)",
    ),
    # Material cuts runs of Han characters into the words of the index, but
    # never tries a word that ends where the run ends: a typed 冪等 became 冪,
    # and only that character was searched and marked.
    WorkerPatch(
        "whole Han words",
        re.compile(r"for\(let (\w)=(\w)\+1;\1<(\w)\.length;\1\+\+\)\3\.slice\(\2,\1\)in "),
        lambda m: f"for(let {m[1]}={m[2]}+1;{m[1]}<={m[3]}.length;{m[1]}++){m[3]}.slice({m[2]},{m[1]})in ",
    ),
    # Japanese text is indexed as the segmenter cuts it; cut the query alike.
    WorkerPatch(
        "Japanese query segments",
        re.compile(r'if\((\w)=\1\.replace\((?=new RegExp\("\\\\p\{sc=Han\}\+","gu"\))'),
        lambda m: f"if({m[1]}=methodrefSearch.segmentJapanese({m[1]},this)||{m[1]}.replace(",
    ),
    # One typo forgiven in terms of five letters or more.
    WorkerPatch(
        "typos forgiven",
        re.compile(r",(\w)=(\w+)\(\1\),!\1\)return\{items:\[\]\}"),
        lambda m: f",{m[1]}=methodrefSearch.forgiveTypos({m[2]}({m[1]}),this),!{m[1]})return{{items:[]}}",
    ),
    # Material tells which query terms a result holds by the indexed words
    # that start with them; the index holds stems.
    WorkerPatch(
        "terms found by their stem",
        re.compile(r"=(\w+)\((\w),Object\.keys\((\w)\.metadata\)\)"),
        lambda m: f"={m[1]}({m[2]},methodrefSearch.matchedWords(Object.keys({m[3]}.metadata),{m[2]},this))",
    ),
    # The highlighter marks each indexed piece of a word on its own.
    WorkerPatch(
        "whole-word marks",
        re.compile(r"if\((\w)=(\w)\+(\w),(\w)\.push\((\w)\)===2\)break"),
        lambda m: f"if({m[1]}={m[2]}+{m[3]},{m[4]}.push(methodrefSearch.joinMarks({m[5]}))===2)break",
    ),
]


def patch_search_worker(source: str) -> str:
    """Material's search worker, with SEARCH_WORKER_PATCHES applied and the
    functions they call put first."""
    for patch in SEARCH_WORKER_PATCHES:
        source, count = patch.anchor.subn(patch.replace, source)
        if count != 1:
            raise ValueError(
                f"Material's search worker changed: the code that the patch {patch.name!r} "
                f"changes is found {count} times, not once (hooks/material_html.py)"
            )
    return SEARCH_WORKER_ADDITIONS.read_text(encoding="utf-8") + "\n" + source


def search_pipeline(setting: str) -> list[str]:
    """The lunr pipeline functions that a language partial of Material lists.

    Material splits its setting at commas alone, so the " " that stands for
    no function (ar, ko and others) became a function named " "."""
    return [name for name in re.split(r"[\s,]+", setting) if name]


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # CJK ideographs


def segmentation_words(locale: dict) -> list[str]:
    """The locale's glossary terms and search terms that hold Chinese
    characters, each space-separated part on its own (jieba's words have no
    spaces), for jieba's dictionary."""
    terms = [*locale["glossary"].values(), *(word for words in locale["search_terms"].values() for word in words)]
    parts = (part.strip("“”「」") for term in terms for part in term.split())
    return list(dict.fromkeys(part for part in parts if HAN.search(part)))


def set_search_config(page: str, base: str, worker: str) -> str:
    """Point Material's `base` at the locale's root, where its own search
    index is, and its search worker at the patched one."""

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
