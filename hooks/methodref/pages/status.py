"""The status codes page: one entry per code, grouped by class, with what it
means, what to do about it, the methods that list it and its definition."""

from __future__ import annotations

from ..markup import escape, inline
from .elements import Page, heading, method_source

CLASSES = ("2xx", "3xx", "4xx", "5xx")


def sections(data: dict) -> list[str]:
    """Its ids: each class present, and every code."""
    present = [name for name in CLASSES if any(code[0] == name[0] for code in data["status_codes"])]
    return [*present, *data["status_codes"]]


def render(page: Page) -> str:
    data, code, labels = page.data, page.code, page.labels
    texts = page.locale["status"]
    out = [*page.reference_head("status"), page.hidden_note("unknown-status", "unknown_status", "{status}")]
    for name in CLASSES:
        codes = [status for status in data["status_codes"] if status[0] == name[0]]
        if not codes:
            continue
        out.append(heading(2, labels[f"status_class_{name}"], name))
        for status in codes:
            fact = data["status_codes"][status]
            out += [
                heading(3, f"{status} {fact['reason']}", status),
                page.text(texts[status]["meaning"]),
                f"<strong>{inline(labels['what_to_do'])}</strong>: {page.text(texts[status]['action'])}",
            ]
            facts = []
            methods = list(_methods_listing(data, status))
            if methods:
                links = ", ".join(
                    f"[{escape(method['name'])}]({page.href(method_source(code, method), section)})"
                    for method, section in methods
                )
                facts.append(f"- <strong>{inline(labels['met_with'])}</strong>: {links}")
            if fact.get("headers"):
                fields = ", ".join(page.header_link(header) for header in fact["headers"])
                facts.append(f"- <strong>{inline(labels['module_headers'])}</strong>: {fields}")
            facts.append(f"- <strong>{inline(labels['source'])}</strong>: {page.citation_link(fact['source'])}")
            out.append("\n".join(facts))
    out.append(page.reviewed_note())
    return "\n\n".join(out) + "\n"


def _methods_listing(data: dict, status: str):
    """Each method that lists the code, with the section that lists it."""
    for method in data["methods"]:
        for section in ("success", "failures"):
            if any(str(item["code"]) == status for item in method[section]):
                yield method, section
