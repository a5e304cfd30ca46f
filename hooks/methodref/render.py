"""Markdown for every page, from the validated data. Pure functions.

Section ids are explicit and the same in every locale: they are part of the
link contract for help buttons (tests/contract/links.json).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from .curl import curl_command
from .dates import long_date
from .markup import escape, fence, inline, paragraphs, plain

PROPERTY_ORDER = ("safe", "idempotent", "cacheable", "request_content", "response_content", "html_forms")
OVERVIEW_SECTIONS = (
    "methods",
    "comparison",
    "terms",
    "guide",
    "get-vs-query",
    "post-put-patch",
    "retries",
    "redirects",
)
GUIDES = (
    ("get_vs_query", "get-vs-query"),
    ("post_put_patch", "post-put-patch"),
    ("retries", "retries"),
    ("redirects", "redirects"),
)
METHOD_SECTIONS = (
    "properties",
    "choose",
    "avoid",
    "success",
    "cautions",
    "example",
    "example-http",
    "example-curl",
    "specification",
    "related",
)


@dataclass(frozen=True)
class PageSource:
    """One page to generate: its locale, its source path, and its method."""

    locale: str
    src_uri: str
    method: str | None = None


def locale_codes(data: dict) -> list[str]:
    return [locale["code"] for locale in data["locales"]]


def page_sources(data: dict) -> list[PageSource]:
    """Every page of every locale, overview first, methods in data order."""
    pages = []
    for code in locale_codes(data):
        pages.append(PageSource(code, f"{code}/index.md"))
        for method in data["methods"]:
            pages.append(PageSource(code, f"{code}/methods/{method['slug']}.md", method["name"]))
    return pages


def render_page(data: dict, page: PageSource) -> str:
    if page.method is None:
        return render_overview(data, page.locale)
    return render_method(data, page.method, page.locale)


def locale_entry(data: dict, code: str) -> dict:
    return next(locale for locale in data["locales"] if locale["code"] == code)


def method_entry(data: dict, name: str) -> dict:
    return next(method for method in data["methods"] if method["name"] == name)


def citation_link(data: dict, citation: str) -> str:
    """A Markdown link to the cited section of a specification."""
    spec_name, _, section = citation.partition(" §")
    url = data["specs"][spec_name]["url"].replace("{section}", section)
    return f"[{escape(citation)}]({url})"


def front_matter(description: str) -> str:
    # Material writes page.meta.description into an attribute unescaped.
    return f"---\ndescription: {json.dumps(html.escape(plain(description)))}\n---\n"


def heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {inline(text)} {{ #{anchor} }}"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def with_placeholder(label: str, placeholder: str, markup: str) -> str:
    """A label as inline Markdown, its placeholder replaced by `markup`."""
    before, _, after = label.partition(placeholder)
    return f"{inline(before)}{' ' * before.endswith(' ')}{markup}{' ' * after.startswith(' ')}{inline(after)}"


def reviewed_note(locale: dict) -> str:
    """The foot of every page: when the locale was last reviewed, as its
    readers write dates. Not indexed: it would match every page."""
    date = escape(long_date(locale["reviewed"], locale["code"]))
    line = with_placeholder(locale["labels"]["reviewed"], "{date}", date)
    return f'<p class="page-reviewed" data-search-exclude>{line}</p>'


def bullet_list(items: list[str]) -> str:
    return "\n".join(f"- {inline(item)}" for item in items)


def value_label(labels: dict, fact: dict, long: bool = False) -> str:
    """A property's value in words: yes/no, or its condition."""
    condition = fact.get("condition")
    if condition and not long:
        return labels["conditions"][condition]["short"]
    return labels["answer_yes"] if fact["value"] else labels["answer_no"]


def render_overview(data: dict, code: str) -> str:
    locale = locale_entry(data, code)
    labels, text = locale["labels"], locale["overview"]
    names = labels["property_names"]
    out = [front_matter(labels["site_description"]), f"# {inline(text['title'])}", *paragraphs(text["intro"])]

    out += [heading(2, labels["methods"], "methods"), inline(text["methods_intro"])]
    out.append(  # shown by locales.js when the help router names an unknown method
        '<div class="admonition warning" id="unknown-method" hidden data-search-exclude>\n'
        f"<p>{with_placeholder(labels['unknown_method'], '{method}', '<code></code>')}</p>\n</div>"
    )
    out.append(
        "\n".join(
            f"- [{escape(method['name'])}](methods/{method['slug']}.md): {inline(method['text'][code]['summary'])}"
            for method in data["methods"]
        )
    )

    out += [heading(2, labels["comparison"], "comparison"), inline(text["comparison_intro"])]
    rows = [
        [f"[{escape(method['name'])}](methods/{method['slug']}.md)"]
        + [inline(value_label(labels, method["properties"][prop])) for prop in PROPERTY_ORDER]
        for method in data["methods"]
    ]
    out.append(table([inline(labels["method"])] + [inline(names[prop]) for prop in PROPERTY_ORDER], rows))

    out += [heading(2, labels["terms"], "terms"), inline(text["terms_intro"])]
    out.append(
        "\n".join(
            f"- <strong>{inline(names[prop])}</strong>: {inline(text['term_' + prop])}"
            for prop in ("safe", "idempotent", "cacheable")
        )
    )

    out += [heading(2, labels["guide"], "guide"), inline(text["guide_intro"])]
    for key, anchor in GUIDES:
        out += [heading(3, text[f"{key}_title"], anchor), *paragraphs(text[key])]
    out.append(reviewed_note(locale))
    return "\n\n".join(out) + "\n"


def render_method(data: dict, name: str, code: str) -> str:
    method = method_entry(data, name)
    locale = locale_entry(data, code)
    labels = locale["labels"]
    text = method["text"][code]
    out = [front_matter(text["summary"]), f"# {escape(name)}", *paragraphs(text["summary"])]
    for note in method["notes"]:
        out.append(
            '<div class="admonition note">\n'
            f'<p class="admonition-title">{inline(labels["note"])}</p>\n'
            f"<p>{inline(labels['notes'][note])}</p>\n"
            "</div>"
        )
    out += paragraphs(text["description"])

    out.append(heading(2, labels["properties"], "properties"))
    rows = []
    for prop in PROPERTY_ORDER:
        fact = method["properties"][prop]
        condition = fact.get("condition")
        rows.append(
            [
                inline(labels["property_names"][prop]),
                inline(value_label(labels, fact)),
                inline(labels["conditions"][condition]["long"]) if condition else "",
                citation_link(data, fact["source"]),
            ]
        )
    header = [labels["property"], labels["value"], labels["details"], labels["source"]]
    out.append(table([inline(cell) for cell in header], rows))

    out += [heading(2, labels["choose"], "choose"), bullet_list(text["choose"])]
    out += [heading(2, labels["avoid"], "avoid"), bullet_list(text["avoid"])]

    out += [heading(2, labels["success"], "success"), *paragraphs(text["success"])]
    rows = []
    for item in method["success"]:
        status = data["status_codes"][str(item["code"])]
        rows.append(
            [
                inline(f"{item['code']} {status['reason']}"),
                inline(text["status"][str(item["code"])]),
                citation_link(data, status["source"]),
            ]
        )
    out.append(table([inline(labels[key]) for key in ("status", "meaning", "source")], rows))

    out += [heading(2, labels["cautions"], "cautions"), bullet_list(text["cautions"])]

    example = method["example"]
    out += [heading(2, labels["example"], "example"), inline(text["example"])]
    out += [
        heading(3, labels["example_http"], "example-http"),
        f"<p><strong>{inline(labels['request'])}</strong></p>",
        fence(example["request"], "http"),
        f"<p><strong>{inline(labels['response'])}</strong></p>",
        fence(example["response"], "http"),
        heading(3, labels["example_curl"], "example-curl"),
        fence(curl_command(example["request"], example.get("proxy")), "sh"),
    ]

    out.append(heading(2, labels["specification"], "specification"))
    cited = dict.fromkeys(
        [
            method["defined_in"],
            *(method["properties"][prop]["source"] for prop in PROPERTY_ORDER),
            *(data["status_codes"][str(item["code"])]["source"] for item in method["success"]),
            *method["references"],
        ]
    )
    defined_in = f"{inline(labels['defined_in'])}: "
    out.append(
        "\n".join(
            f"- {defined_in if citation == method['defined_in'] else ''}{citation_link(data, citation)} "
            f"({_spec_title(data, citation)})"
            for citation in cited
        )
    )

    out.append(heading(2, labels["related"], "related"))
    out.append(
        "\n".join(
            f"- [{escape(other)}]({method_entry(data, other)['slug']}.md): "
            f"{inline(method_entry(data, other)['text'][code]['summary'])}"
            for other in method["related"]
        )
    )
    out.append(reviewed_note(locale))
    return "\n\n".join(out) + "\n"


def _spec_title(data: dict, citation: str) -> str:
    return escape(data["specs"][citation.partition(" §")[0]]["title"])
