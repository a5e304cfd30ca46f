"""The header fields page: one entry per field, with what it does, who sets
or reads it, an example value and the section that defines it."""

from __future__ import annotations

from ..markup import code_span, inline
from .elements import Page, front_matter, header_anchor, heading


def sections(data: dict) -> list[str]:
    return [header_anchor(header["name"]) for header in data["headers"]]


def render(page: Page) -> str:
    labels = page.labels
    texts = page.locale["headers"]
    out = [
        front_matter(labels["headers_intro"]),
        f"# {inline(labels['headers_title'])}",
        page.text(labels["headers_intro"]),
        page.hidden_note("unknown-header", "unknown_header", "{header}"),
    ]
    for header in page.data["headers"]:
        name, anchor = header["name"], header_anchor(header["name"])
        out += [heading(3, f"`{name}`", anchor), *page.paragraphs(texts[anchor])]
        facts = [
            (labels["sets_or_reads"], inline(labels[f"direction_{header['direction']}"])),
            (labels["example_value"], code_span(f"{name}: {header['example']}")),
        ]
        if "source" in header:  # non-standard fields have none
            facts.append((labels["source"], page.citation_link(header["source"])))
        out.append("\n".join(f"- <strong>{inline(label)}</strong>: {value}" for label, value in facts))
    out.append(page.reviewed_note())
    return "\n\n".join(out) + "\n"
