"""The header fields page: one entry per field, grouped by who sets or reads
it, with what it does, an example value and the section that defines it."""

from __future__ import annotations

from ..markup import code_span, inline
from .elements import Page, header_anchor, heading

DIRECTIONS = ("request", "response", "both")


def direction_anchor(direction: str) -> str:
    return f"direction-{direction}"


def sections(data: dict) -> list[str]:
    """Its ids: each direction present, and every field."""
    present = [d for d in DIRECTIONS if any(header["direction"] == d for header in data["headers"])]
    return [*(direction_anchor(d) for d in present), *(header_anchor(header["name"]) for header in data["headers"])]


def render(page: Page) -> str:
    labels = page.labels
    out = [*page.reference_head("headers"), page.hidden_note("unknown-header", "unknown_header", "{header}")]
    # Grouped under h2 headings, so that every entry is an h3 (heading order).
    for direction in DIRECTIONS:
        fields = [header for header in page.data["headers"] if header["direction"] == direction]
        if fields:
            out.append(heading(2, labels[f"direction_{direction}"], direction_anchor(direction)))
            out += [_entry(page, header) for header in fields]
    out.append(page.reviewed_note())
    return "\n\n".join(out) + "\n"


def _entry(page: Page, header: dict) -> str:
    labels = page.labels
    name, anchor = header["name"], header_anchor(header["name"])
    out = [heading(3, f"`{name}`", anchor), *page.paragraphs(page.locale["headers"][anchor])]
    facts = [
        (labels["sets_or_reads"], inline(labels[f"direction_{header['direction']}"])),
        (labels["example_value"], code_span(f"{name}: {header['example']}")),
    ]
    if "source" in header:  # non-standard fields have none
        facts.append((labels["source"], page.citation_link(header["source"])))
    out.append("\n".join(f"- <strong>{inline(label)}</strong>: {value}" for label, value in facts))
    return "\n\n".join(out)
