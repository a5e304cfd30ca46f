"""A method's page: properties, when to choose it, responses, failures, examples, sources."""

from __future__ import annotations

from ..curl import curl_command
from ..markup import code_span, escape, fence, inline
from ..module_view import module_view
from .elements import (
    PROPERTY_ORDER,
    Page,
    figure,
    front_matter,
    heading,
    method_entry,
    method_source,
    spec_title,
    table,
    value_label,
)

SECTIONS = (
    "properties",
    "choose",
    "avoid",
    "success",
    "failures",
    "cautions",
    "example",
    "example-http",
    "example-curl",
    "example-module",
    "specification",
    "related",
)


def example_anchor(example: dict) -> str:
    return f"example-{example['id']}"


def part_anchor(section: str, part: str, exchange: int = 1) -> str:
    """The id of one part of an example (its request, response, curl
    command, module fields or body) in the section `section`: "_" joins
    them, which no section id has, and a further exchange is numbered
    ("example-conditional_request2")."""
    return f"{section}_{part}{exchange if exchange > 1 else ''}"


def sections(method: dict) -> list[str]:
    """The method page's section ids: the fixed ones, and one per further example."""
    position = SECTIONS.index("example-module") + 1
    extra = [example_anchor(example) for example in method.get("more_examples", [])]
    return [*SECTIONS[:position], *extra, *SECTIONS[position:]]


def render(page: Page, name: str) -> str:
    data, code, labels = page.data, page.code, page.labels
    method = method_entry(data, name)
    text = method["text"][code]
    out = [front_matter(text["summary"]), f"# {escape(name)}", *page.paragraphs(text["summary"])]
    for note in method["notes"]:
        out.append(
            '<div class="admonition note">\n'
            f'<p class="admonition-title">{inline(labels["note"])}</p>\n'
            f"<p>{page.text(labels['notes'][note])}</p>\n"
            "</div>"
        )
    out += page.paragraphs(text["description"])

    out.append(heading(2, labels["properties"], "properties"))
    rows = []
    for prop in PROPERTY_ORDER:
        fact = method["properties"][prop]
        condition = fact.get("condition")
        rows.append(
            [
                page.property_name(prop),
                page.text(value_label(labels, fact)),
                page.text(labels["conditions"][condition]["long"]) if condition else "",
                page.citation_link(fact["source"]),
            ]
        )
    header = [labels["property"], labels["value"], labels["details"], labels["source"]]
    out.append(table([inline(cell) for cell in header], rows, labels["properties"]))

    out += [heading(2, labels["choose"], "choose"), page.bullet_list(text["choose"])]
    out += [heading(2, labels["avoid"], "avoid"), page.bullet_list(text["avoid"])]

    out += [heading(2, labels["success"], "success"), *page.paragraphs(text["success"])]
    rows = [
        [
            page.status_cell(item["code"]),
            page.text(text["status"][str(item["code"])]),
            page.citation_link(data["status_codes"][str(item["code"])]["source"]),
        ]
        for item in method["success"]
    ]
    out.append(table([inline(labels[key]) for key in ("status", "meaning", "source")], rows, labels["success"]))

    out.append(heading(2, labels["failures"], "failures"))
    rows = [
        [
            page.status_cell(item["code"]),
            page.text(text["failures"][str(item["code"])]["meaning"]),
            page.text(text["failures"][str(item["code"])]["fix"]),
        ]
        for item in method["failures"]
    ]
    out.append(table([inline(labels[key]) for key in ("status", "meaning", "change")], rows, labels["failures"]))

    out += [heading(2, labels["cautions"], "cautions"), page.bullet_list(text["cautions"])]

    example = method["example"]
    out += [heading(2, labels["example"], "example"), page.text(text["example"])]
    out += [
        heading(3, labels["example_http"], "example-http"),
        *raw_exchange(page, example, "example-http"),
        heading(3, labels["example_curl"], "example-curl"),
        fence(curl_command(example["request"], example.get("proxy")), "sh"),
        heading(3, labels["example_module"], "example-module"),
        *module_fields(page, example["request"], "example-module"),
    ]
    for number, further in enumerate(method.get("more_examples", []), start=2):
        section = example_anchor(further)
        out += [heading(3, f"{labels['example']} {number}", section), page.text(text["more_examples"][further["id"]])]
        for step, exchange in enumerate(further["exchanges"], start=1):
            curl = fence(curl_command(exchange["request"]), "sh")
            fields = module_fields(page, exchange["request"], section, step)
            out += [
                *raw_exchange(page, exchange, section, step),
                figure(labels["example_curl"], part_anchor(section, "curl", step), curl),
                figure(labels["example_module"], part_anchor(section, "module", step), *fields),
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
            f"- {defined_in if citation == method['defined_in'] else ''}{page.citation_link(citation)} "
            f"({spec_title(data, citation)})"
            for citation in cited
        )
    )

    out.append(heading(2, labels["related"], "related"))
    out.append(
        "\n".join(
            f"- [{escape(other)}]({page.href(method_source(code, method_entry(data, other)))}): "
            f"{page.text(method_entry(data, other)['text'][code]['summary'])}"
            for other in method["related"]
        )
    )
    out.append(page.reviewed_note())
    return "\n\n".join(out) + "\n"


def raw_exchange(page: Page, exchange: dict, section: str, step: int = 1) -> list[str]:
    """A request and its response as raw HTTP, each named by its caption."""
    return [
        figure(page.labels[part], part_anchor(section, part, step), fence(exchange[part], "http"))
        for part in ("request", "response")
    ]


def module_fields(page: Page, request: str, section: str, step: int = 1) -> list[str]:
    """The example request as the module's fields: method, URL, query
    parameters, header fields, body type and body."""
    labels = page.labels
    view = module_view(request)
    fields = [("module_method", code_span(view.method)), ("module_url", code_span(view.url))]
    if view.body_type:
        fields.append(("module_body_type", code_span(view.body_type)))
    out = ["\n".join(f"- <strong>{inline(labels[key])}</strong>: {value}" for key, value in fields)]
    name_value = [inline(labels["module_name"]), inline(labels["module_value"])]
    if view.query:
        rows = [[code_span(name), code_span(value)] for name, value in view.query]
        out.append(table(name_value, rows, labels["module_query"], name_shown=True))
    if view.headers:
        rows = [[page.header_link(name), code_span(value)] for name, value in view.headers]
        out.append(table(name_value, rows, labels["module_headers"], name_shown=True))
    if view.body:
        out.append(figure(labels["module_body"], part_anchor(section, "body", step), fence(view.body, "text")))
    return out
