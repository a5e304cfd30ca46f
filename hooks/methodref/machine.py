"""The site for machines as readers: a Markdown twin of every page,
llms.txt files, robots.txt and the sitemap's x-default alternates. Pure
functions; the hook writes what they return.

A twin is the page's own Markdown (render.render_page) made plain: no
front matter, attribute lists, hidden notes or HTML elements; text as
characters rather than the character references that keep it inert for
MkDocs; `code` spans and tables kept; every link absolute, to the page's
public URL and section, so that it works wherever the twin is read.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urljoin, urlsplit

from .links import locale_home
from .markup import one_line, plain
from .pages.elements import _directory, locale_entry
from .render import REFERENCE_PAGES, PageSource, page_sources, render_page

TWIN = "index.md"  # a page's twin, in the page's folder
LLMS = "llms.txt"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# A fenced block as markup.fence writes it: kept exactly, text and all.
FENCE = re.compile(r"^(`{3,}) [\w-]+\n.*?\n\1$", re.DOTALL | re.MULTILINE)
HIDDEN = re.compile(r"<div [^>]*\bhidden\b[^>]*>.*?</div>\n?", re.DOTALL)
NOTE = re.compile(
    r'<div class="admonition note">\n<p class="admonition-title">(.*?)</p>\n<p>(.*?)</p>\n</div>', re.DOTALL
)
TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)  # every table is HTML (elements.table)
# A caption the page shows; a hidden one repeats the heading above the table.
SHOWN_CAPTION = re.compile(r'<caption markdown="span">(.*?)</caption>', re.DOTALL)
# A block under its name (elements.figure): the name becomes a bold line.
FIGURE_START = re.compile(r"<figure [^>]*>\n<figcaption[^>]*>(.*?)</figcaption>\n", re.DOTALL)
FIGURE_END = re.compile(r"\n?</figure>")
ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.DOTALL)
PARAGRAPH = re.compile(r"<p(?: [^>]*)?>(.*?)</p>", re.DOTALL)
STRONG = re.compile(r"<strong>(.*?)</strong>", re.DOTALL)
BDI = re.compile(r'<bdi dir="ltr">(.*?)</bdi>', re.DOTALL)
ATTRIBUTES = re.compile(r"\n? *\{ #[\w-]+ \}")
HTML_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
# Link text holds no "]" and a target no ")" or space: markup.py escapes them.
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
# A code span, or a character reference (numeric, or named as html.escape writes them).
CODE_OR_REFERENCE = re.compile(r"<code>(.*?)</code>|&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);", re.DOTALL)
# Decoded, these still mean something to Markdown wherever they stand.
ALWAYS_ESCAPED = frozenset("\\`*_[]<>|")
# These mean something only where a block starts: a line's start, after a
# list marker, or after a number ("1." would start a list).
BLOCK_ESCAPED = frozenset("#-+=:~.)")
CHARACTER_REFERENCE = re.compile(r"(?:&#35;)?[0-9A-Za-z]+;")  # what follows "&" in "&lt;" or "&#123;"
BLOCK_PREFIX = re.compile(r"(?:[ \t]*(?:[-+*>]|\d+[.)])[ \t]+)*[ \t]*\d*")
# A sentence's end: CJK punctuation, or Latin, Arabic punctuation before a space.
SENTENCE_END = re.compile(r"[。！？]|[.!?؟](?=\s|$)")


def site_base(site_url: str) -> str:
    """site_url without its trailing slash, for absolute URLs."""
    return (site_url or "/").rstrip("/")


def page_path(data: dict, source: str) -> str:
    """A page's path within the site: "sv/methods/get.md" -> "/sv/methods/get/"."""
    code, _, rest = source.partition("/")
    folder = _directory(rest)
    return locale_home(data, code) + (f"{folder}/" if folder else "")


def twin_path(data: dict, source: str) -> str:
    """Where a page's twin is, relative to the site: "sv/methods/get/index.md"."""
    return page_path(data, source).lstrip("/") + TWIN


def llms_path(data: dict, code: str) -> str:
    """A locale's llms.txt, relative to the site; the default locale's is the root's."""
    return locale_home(data, code).lstrip("/") + LLMS


def twin(data: dict, page: PageSource, site_url: str) -> str:
    """The page as plain Markdown."""
    page_url = site_base(site_url) + page_path(data, page.src_uri)

    def markdown_target(target: str) -> str:
        if urlsplit(target).scheme:
            return target
        path, _, anchor = target.partition("#")
        url = page_url
        if path:  # a .md source relative to this page's
            source = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path))
            url = site_base(site_url) + page_path(data, source)
        return url + (f"#{anchor}" if anchor else "")

    text = FRONT_MATTER.sub("", render_page(data, page), count=1)
    out, end = [], 0
    for fence in FENCE.finditer(text):
        out += [plain_markdown(text[end : fence.start()], markdown_target, page_url), fence[0]]
        end = fence.end()
    out.append(plain_markdown(text[end:], markdown_target, page_url))
    return re.sub(r"\n{3,}", "\n\n", "".join(out)).strip("\n") + "\n"


def plain_markdown(text: str, markdown_target, page_url: str) -> str:
    """Rendered Markdown outside fenced blocks, without HTML or references."""
    text = HIDDEN.sub("", text)
    text = NOTE.sub(lambda m: f"> **{m[1]}**: {m[2]}", text)
    text = TABLE.sub(_table, text)
    text = FIGURE_START.sub(lambda m: f"**{m[1]}**\n", text)
    text = FIGURE_END.sub("", text)
    text = PARAGRAPH.sub(lambda m: m[1], text)
    text = STRONG.sub(lambda m: f"**{m[1]}**", text)
    text = BDI.sub(lambda m: m[1], text)
    text = ATTRIBUTES.sub("", text)
    text = HTML_LINK.sub(lambda m: f"[{m[2]}]({urljoin(page_url, html.unescape(m[1]))})", text)
    text = MARKDOWN_LINK.sub(lambda m: f"]({markdown_target(m[1])})", text)
    return CODE_OR_REFERENCE.sub(_decoded, text)


def _table(match: re.Match) -> str:
    """An HTML table as a Markdown table, under its caption if the page shows one."""
    rows = [CELL.findall(row) for row in ROW.findall(match[0])]
    lines = ["| " + " | ".join(cell.strip() or " " for cell in row) + " |" for row in rows]
    caption = SHOWN_CAPTION.search(match[0])
    name = [f"**{caption[1]}**\n"] if caption else []
    return "\n".join([*name, lines[0], "|" + "---|" * len(rows[0]), *lines[1:]])


def _decoded(match: re.Match) -> str:
    if match[2] is None:
        return code_span(html.unescape(match[1]))
    char = html.unescape(f"&{match[2]};")
    line = match.string[match.string.rfind("\n", 0, match.start()) + 1 : match.start()]
    if char == "&" and CHARACTER_REFERENCE.match(match.string, match.end()):
        return "\\&"  # "&lt;" in the text stays "&lt;"
    if char in ALWAYS_ESCAPED or (char in BLOCK_ESCAPED and BLOCK_PREFIX.fullmatch(line)):
        return "\\" + char
    return char


def code_span(code: str) -> str:
    """`code` as a Markdown code span that no backtick in it can close."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


def first_sentence(text: str) -> str:
    """The text's first sentence, on one line."""
    text = one_line(text)
    end = SENTENCE_END.search(text)
    return text[: end.end()] if end else text


def page_entries(data: dict, code: str) -> dict[str, list[tuple[str, str, str]]]:
    """A locale's pages for llms.txt, by section: title, source, summary."""
    locale = locale_entry(data, code)
    labels, overview = locale["labels"], locale["overview"]
    sources = {(page.kind, page.method): page.src_uri for page in page_sources(data) if page.locale == code}
    general = [(plain(overview["title"]), sources["overview", None], first_sentence(overview["intro"]))]
    general += [
        (plain(labels[f"{kind}_title"]), sources[kind, None], first_sentence(labels[f"{kind}_intro"]))
        for kind, _file, _label in REFERENCE_PAGES
    ]
    methods = [
        (method["name"], sources["method", method["name"]], first_sentence(method["text"][code]["summary"]))
        for method in data["methods"]
    ]
    return {labels["nav_overview"]: general, labels["nav_methods"]: methods}


def llms_txt(data: dict, code: str, site_url: str, other_locales: bool = False) -> str:
    """A locale's llms.txt (llmstxt.org): its name, its summary, and a list
    of its pages' twins, each with one sentence from the data. With
    `other_locales`, an Optional section lists the other locales' files."""
    locale = locale_entry(data, code)
    labels = locale["labels"]
    base = site_base(site_url)
    out = [f"# {plain(labels['site_name'])}", f"> {one_line(labels['site_description'])}"]
    for section, entries in page_entries(data, code).items():
        items = [
            f"- [{_link_text(title)}]({base}/{twin_path(data, source)}): {summary}"
            for title, source, summary in entries
        ]
        out += [f"## {plain(section)}", "\n".join(items)]
    if other_locales:
        others = [other for other in data["locales"] if other["code"] != code]
        items = [
            f"- [{_link_text(other['name'])}]({base}/{llms_path(data, other['code'])}): "
            f"{one_line(other['labels']['site_description'])}"
            for other in others
        ]
        out += ["## Optional", "\n".join(items)]
    return "\n\n".join(out) + "\n"


def _link_text(text: str) -> str:
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def robots_txt(site_url: str) -> str:
    """Everything may be fetched; the sitemap lists every page."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_base(site_url)}/sitemap.xml\n"


def machine_files(data: dict, site_url: str) -> dict[str, str]:
    """Every file for machines, by its path relative to the site."""
    files = {twin_path(data, page.src_uri): twin(data, page, site_url) for page in page_sources(data)}
    for index, locale in enumerate(data["locales"]):
        files[llms_path(data, locale["code"])] = llms_txt(data, locale["code"], site_url, other_locales=index == 0)
    files["robots.txt"] = robots_txt(site_url)
    return files


URL_ENTRY = re.compile(r"<url>.*?</url>", re.DOTALL)
ALTERNATE = re.compile(r'([ \t]*)<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>(\n?)')


def sitemap_with_x_default(sitemap: str, default_code: str) -> str:
    """The sitemap, every URL with alternates also naming the default
    locale's as hreflang="x-default", for readers of other languages."""

    def add(entry: re.Match) -> str:
        alternates = list(ALTERNATE.finditer(entry[0]))
        default = next((link for link in alternates if link[2] == default_code), None)
        if default is None or any(link[2] == "x-default" for link in alternates):
            return entry[0]
        last = alternates[-1]
        line = f'{last[1]}<xhtml:link rel="alternate" hreflang="x-default" href="{default[3]}"/>'
        at = last.end()
        text = entry[0]
        return text[:at] + (line + "\n" if last[4] else "\n" + line) + text[at:]

    return URL_ENTRY.sub(add, sitemap)
