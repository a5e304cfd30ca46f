"""The overview of a locale: every method, their properties, the terms and the guides."""

from __future__ import annotations

from ..markup import escape, inline
from .elements import PROPERTY_ORDER, TERMS, Page, front_matter, heading, method_source, table, value_label

SECTIONS = (
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


def render(page: Page) -> str:
    data, code, labels = page.data, page.code, page.labels
    text = page.locale["overview"]
    names = labels["property_names"]
    out = [front_matter(labels["site_description"]), f"# {inline(text['title'])}", *page.paragraphs(text["intro"])]

    out += [heading(2, labels["methods"], "methods"), page.text(text["methods_intro"])]
    # shown by locales.js when the help router names an unknown method
    out.append(page.hidden_note("unknown-method", "unknown_method", "{method}"))
    out.append(
        "\n".join(
            f"- [{escape(method['name'])}]({page.href(method_source(code, method))}): "
            f"{page.text(method['text'][code]['summary'])}"
            for method in data["methods"]
        )
    )

    out += [heading(2, labels["comparison"], "comparison"), page.text(text["comparison_intro"])]
    rows = [
        [f"[{escape(method['name'])}]({page.href(method_source(code, method))})"]
        + [page.text(value_label(labels, method["properties"][prop])) for prop in PROPERTY_ORDER]
        for method in data["methods"]
    ]
    header = [inline(labels["method"])] + [page.property_name(prop) for prop in PROPERTY_ORDER]
    # The Method column stays in view as the table scrolls.
    out.append(table(header, rows, labels["comparison"], narrow="scroll"))

    out += [heading(2, labels["terms"], "terms"), page.text(text["terms_intro"])]
    # Each definition has an id, so property names in tables link to it.
    out.append(
        "\n".join(
            f"- <strong>{inline(names[prop])}</strong>: {page.text(text['term_' + prop])}\n  {{ #term-{prop} }}"
            for prop in TERMS
        )
    )

    out += [heading(2, labels["guide"], "guide"), page.text(text["guide_intro"])]
    for key, anchor in GUIDES:
        out += [heading(3, text[f"{key}_title"], anchor), *page.paragraphs(text[key])]
    out.append(page.reviewed_note())
    return "\n\n".join(out) + "\n"
