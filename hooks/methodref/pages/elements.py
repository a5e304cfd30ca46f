"""What every page type is made of: headings, tables, citations, and the
links between pages of one locale.

Links are relative to the page's source file, as Markdown links between
.md files, so MkDocs resolves (and checks) them for every page depth and any
site sub-path. Raw HTML (the registry's table) gets directory URLs instead,
which MkDocs does not touch.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from functools import cache, cached_property

import markdown
import markdown.treeprocessors

from ..dates import long_date
from ..markup import code_span, escape, inline, left_to_right, paragraphs, plain

PROPERTY_ORDER = ("safe", "idempotent", "cacheable", "request_content", "response_content", "html_forms")
TERMS = ("safe", "idempotent", "cacheable")  # the properties the overview defines, at #term-<name>


def overview_source(code: str) -> str:
    return f"{code}/index.md"


def method_source(code: str, method: dict) -> str:
    return f"{code}/methods/{method['slug']}.md"


# The reference pages' files within a locale's folder (URLs /<locale>/status/ ...).
STATUS_FILE, HEADERS_FILE, REGISTRY_FILE = "status.md", "headers.md", "registry.md"


def status_source(code: str) -> str:
    return f"{code}/{STATUS_FILE}"


def headers_source(code: str) -> str:
    return f"{code}/{HEADERS_FILE}"


def registry_source(code: str) -> str:
    return f"{code}/{REGISTRY_FILE}"


def header_anchor(name: str) -> str:
    return name.lower()


def locale_entry(data: dict, code: str) -> dict:
    return next(locale for locale in data["locales"] if locale["code"] == code)


def method_entry(data: dict, name: str) -> dict:
    return next(method for method in data["methods"] if method["name"] == name)


@dataclass(frozen=True)
class Page:
    """The page being rendered: its data, locale and source file. Its texts
    link each status mention and header field name to their entries."""

    data: dict
    code: str
    source: str

    @cached_property
    def locale(self) -> dict:
        return locale_entry(self.data, self.code)

    @property
    def labels(self) -> dict:
        return self.locale["labels"]

    @cached_property
    def header_names(self) -> frozenset[str]:
        return frozenset(header["name"] for header in self.data["headers"])

    def href(self, target: str, anchor: str | None = None) -> str:
        """A Markdown link target: the target page's source relative to this one's."""
        relative = posixpath.relpath(target, posixpath.dirname(self.source))
        return relative + (f"#{anchor}" if anchor else "")

    def url(self, target: str, anchor: str | None = None) -> str:
        """An HTML link target: the target page's directory URL relative to this one's."""
        relative = posixpath.relpath(_directory(target), _directory(self.source))
        return ("" if relative == "." else relative + "/") + (f"#{anchor}" if anchor else "")

    def status_link(self, mention: re.Match) -> str:
        code = mention["code"]
        if code is None or code not in self.data["status_codes"]:
            return left_to_right(mention)  # a class ("2xx"), or a number that is no status here
        return left_to_right(mention, self.href(status_source(self.code), code))

    def header_link(self, code: str) -> str:
        if code not in self.header_names:
            return code_span(code)
        return f"[{code_span(code)}]({self.href(headers_source(self.code), header_anchor(code))})"

    def text(self, text: str) -> str:
        """One line of text as inline Markdown, its mentions linked."""
        return inline(text, self.status_link, self.header_link)

    def paragraphs(self, text: str) -> list[str]:
        return paragraphs(text, self.text)

    def bullet_list(self, items: list[str]) -> str:
        return "\n".join(f"- {self.text(item)}" for item in items)

    def status_cell(self, code: int | str) -> str:
        """A status code with its reason phrase, linked to its entry."""
        return self.text(f"{code} {self.data['status_codes'][str(code)]['reason']}")

    def property_name(self, prop: str) -> str:
        """A property's name; the three the overview defines link to it."""
        name = inline(self.labels["property_names"][prop])
        if prop not in TERMS:
            return name
        return f"[{name}]({self.href(overview_source(self.code), f'term-{prop}')})"

    def citation_link(self, citation: str) -> str:
        return f"[{escape(citation)}]({citation_url(self.data, citation)})"

    def reviewed_note(self) -> str:
        """The foot of every page: when the locale was last reviewed, as its
        readers write dates. Not indexed: it would match every page."""
        date = escape(long_date(self.locale["reviewed"], self.code))
        line = with_placeholder(self.labels["reviewed"], "{date}", date)
        return f'<p class="page-reviewed" data-search-exclude>{line}</p>'

    def reference_head(self, kind: str) -> list[str]:
        """A reference page's start: description, title (<kind>_title) and
        introduction (<kind>_intro)."""
        title, intro = self.labels[f"{kind}_title"], self.labels[f"{kind}_intro"]
        return [front_matter(intro, title), f"# {inline(title)}", self.text(intro)]

    def hidden_note(self, anchor: str, label: str, placeholder: str) -> str:
        """A warning that locales.js shows when a help link names something
        this reference lacks; the name goes into its <code>."""
        return (
            f'<div class="admonition warning" id="{anchor}" hidden data-search-exclude>\n'
            f"<p>{with_placeholder(self.labels[label], placeholder, '<code></code>')}</p>\n</div>"
        )


def _directory(source: str) -> str:
    """The folder a page is served from: "sv/methods/get.md" -> "sv/methods/get"."""
    stem = source.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def citation_url(data: dict, citation: str) -> str:
    spec_name, _, section = citation.partition(" §")
    return data["specs"][spec_name]["url"].replace("{section}", section)


def spec_title(data: dict, citation: str) -> str:
    return escape(data["specs"][citation.partition(" §")[0]]["title"])


def front_matter(description: str, title: str | None = None) -> str:
    # Material writes page.meta.description into an attribute and the title
    # (else taken from the h1, its entities decoded) into <title> unescaped.
    fields = {"title": title, "description": description}
    return "---\n" + "".join(f"{k}: {json.dumps(html.escape(plain(v)))}\n" for k, v in fields.items() if v) + "---\n"


def heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {inline(text)} {{ #{anchor} }}"


def figure(label: str, anchor: str, *blocks: str) -> str:
    """Blocks of Markdown (a message, a command, the module's fields) under
    the label that names them: a <figure>, named by its <figcaption> (id
    `anchor`; Chromium names a figure only by aria-labelledby), rather than
    a bold paragraph that only looks like a heading."""
    body = "\n\n".join(blocks)
    return (
        f'<figure class="listing" aria-labelledby="{anchor}" markdown>\n'
        f'<figcaption id="{anchor}">{inline(label)}</figcaption>\n\n{body}\n\n</figure>'
    )


class TableCaptions(markdown.Extension):
    """Python-Markdown's block-level tags lack <caption>: md_in_html would
    wrap a table's caption in a <p>, which no table may hold. The hook adds
    this extension to every page's Markdown."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        if "caption" not in md.block_level_elements:
            md.block_level_elements.append("caption")


class SectionPermalinks(markdown.Extension):
    """The toc extension puts a permalink in every heading; the page title
    (h1) keeps none: the page's address is its link, and the title's id is
    a slug of its translation, no section id. The hook adds this extension
    to every page's Markdown."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_TitleWithoutPermalink(md), "title_without_permalink", 4)  # after toc's (5)


class _TitleWithoutPermalink(markdown.treeprocessors.Treeprocessor):
    def run(self, root) -> None:
        for title in root.iter("h1"):
            for link in title.findall("a[@class='headerlink']"):
                title.remove(link)


def caption(label: str, shown: bool, raw_html: bool = False) -> str:
    """A table's <caption>: its name, which screen readers announce with it.
    Under a heading with the same words it is not shown twice
    (reference.css) nor indexed again for search. Its text is inline
    Markdown, for md_in_html; in a raw HTML table, as it stands."""
    hidden = "" if shown else ' class="visually-hidden" data-search-exclude'
    parse = "" if raw_html else ' markdown="span"'
    return f"<caption{hidden}{parse}>{inline(label)}</caption>"


def table(header: list[str], rows: list[list[str]], name: str, narrow: str = "cards", name_shown: bool = False) -> str:
    """A table of inline Markdown cells (md_in_html renders them, so MkDocs
    still resolves and checks their links), named by its caption (`name`,
    shown only if no heading right above says it). On narrow screens
    reference.css shows each row of a "cards" table as a card, every cell
    under its column's label (data-label); a "scroll" table scrolls instead,
    its first column kept in view. No class: Material styles and wraps only
    tables without one."""
    labels = [html.escape(label_text(cell)) for cell in header]

    def cells(row: list[str], tag: str, labelled: bool) -> str:
        attributes = [f' data-label="{label}"' if labelled else "" for label in labels]
        return "".join(f"<{tag}{extra} markdown>{cell}</{tag}>" for cell, extra in zip(row, attributes, strict=True))

    body = "\n".join(f"<tr markdown>{cells(row, 'td', narrow == 'cards')}</tr>" for row in rows)
    return (
        f'<table data-narrow="{narrow}" markdown>\n{caption(name, name_shown)}\n'
        f"<thead markdown>\n<tr markdown>{cells(header, 'th', False)}</tr>\n</thead>\n"
        f"<tbody markdown>\n{body}\n</tbody>\n</table>"
    )


@cache  # the same few dozen headers on every page; Python-Markdown takes 0.3 ms to start
def label_text(cell: str) -> str:
    """A header cell's inline Markdown as the plain text a reader sees."""
    rendered = markdown.markdown(cell)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


def with_placeholder(label: str, placeholder: str, markup: str) -> str:
    """A label as inline Markdown, its placeholder replaced by `markup`."""
    before, _, after = label.partition(placeholder)
    return f"{inline(before)}{' ' * before.endswith(' ')}{markup}{' ' * after.startswith(' ')}{inline(after)}"


def value_label(labels: dict, fact: dict, long: bool = False) -> str:
    """A property's value in words: yes/no, or its condition."""
    condition = fact.get("condition")
    if condition and not long:
        return labels["conditions"][condition]["short"]
    return labels["answer_yes"] if fact["value"] else labels["answer_no"]
