"""The IANA HTTP Method Registry: every registered method, its properties,
its specification and our page about it, in one HTML table whose rows have
ids (a Markdown table cannot give a row one)."""

from __future__ import annotations

import html

from ..markup import escape, inline
from .elements import Page, caption, citation_url, method_source, overview_source

COLUMNS = ("safe", "idempotent")  # the registry's properties, named as the overview defines them


def row_anchor(name: str) -> str | None:
    return None if name == "*" else name.lower()


def sections(data: dict) -> list[str]:
    return [anchor for row in data["registry"]["methods"] if (anchor := row_anchor(row["name"]))]


def render(page: Page) -> str:
    data, code, labels = page.data, page.code, page.labels
    ours = {method["name"]: method for method in data["methods"]}
    answer = {True: html.escape(labels["answer_yes"]), False: html.escape(labels["answer_no"])}

    def link(href: str, text: str) -> str:
        return f'<a href="{html.escape(href)}">{text}</a>'

    header = [html.escape(labels["method"])]
    header += [
        link(page.url(overview_source(code), f"term-{prop}"), html.escape(labels["property_names"][prop]))
        for prop in COLUMNS
    ]
    header += [html.escape(labels["specification"]), html.escape(labels["our_page"])]
    # Each cell names its column, for the cards of narrow screens (reference.css).
    names = [labels["method"], *(labels["property_names"][prop] for prop in COLUMNS)]
    names += [labels["specification"], labels["our_page"]]
    cell_labels = [html.escape(name) for name in names]
    rows = []
    for row in data["registry"]["methods"]:
        name = row["name"]
        anchor = row_anchor(name)
        method = ours.get(name)
        cells = [
            f"<code>{html.escape(name)}</code>",
            answer[row["safe"]],
            answer[row["idempotent"]],
            link(citation_url(data, row["reference"]), html.escape(row["reference"])),
            link(page.url(method_source(code, method)), html.escape(name)) if method else "",
        ]
        row_id = f' id="{html.escape(anchor)}"' if anchor else ""
        rows.append(
            f"<tr{row_id}>"
            + "".join(f'<td data-label="{label}">{cell}</td>' for cell, label in zip(cells, cell_labels, strict=True))
            + "</tr>"
        )
    source = data["registry"]["source"]
    return (
        "\n\n".join(
            [
                *page.reference_head("registry"),
                '<table data-narrow="cards">\n'
                + caption(labels["registry_title"], shown=False, raw_html=True)  # the page's title says it
                + "\n<thead>\n<tr>"
                + "".join(f"<th>{cell}</th>" for cell in header)
                + "</tr>\n</thead>\n<tbody>\n"
                + "\n".join(rows)
                + "\n</tbody>\n</table>",
                f"<strong>{inline(labels['source'])}</strong>: [{escape(source['title'])}]({source['url']})",
                page.reviewed_note(),
            ]
        )
        + "\n"
    )
