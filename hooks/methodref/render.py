"""Markdown for every page, from the validated data. Pure functions.

Each page type lives in a module of its own under pages/, with its section
ids; this module lists the pages and dispatches. Section ids are explicit
and the same in every locale: they are part of the link contract for help
buttons (tests/contract/links.json).
"""

from __future__ import annotations

from dataclasses import dataclass

from .pages import headers, method, overview, registry, status
from .pages.elements import HEADERS_FILE, REGISTRY_FILE, STATUS_FILE, Page, method_entry, method_source, overview_source

OVERVIEW_SECTIONS = overview.SECTIONS
METHOD_SECTIONS = method.SECTIONS
# Pages of one locale beside the overview and the methods: kind, file, navigation label.
REFERENCE_PAGES = (
    ("status", STATUS_FILE, "nav_status"),
    ("headers", HEADERS_FILE, "nav_headers"),
    ("registry", REGISTRY_FILE, "nav_registry"),
)
RENDERERS = {
    "overview": overview.render,
    "status": status.render,
    "headers": headers.render,
    "registry": registry.render,
}


@dataclass(frozen=True)
class PageSource:
    """One page to generate: its locale, its source path, its kind and, for a method page, its method."""

    locale: str
    src_uri: str
    method: str | None = None
    kind: str = "method"


def locale_codes(data: dict) -> list[str]:
    return [locale["code"] for locale in data["locales"]]


def page_sources(data: dict) -> list[PageSource]:
    """Every page of every locale: overview, methods in data order, then the reference pages."""
    pages = []
    for code in locale_codes(data):
        pages.append(PageSource(code, overview_source(code), kind="overview"))
        for entry in data["methods"]:
            pages.append(PageSource(code, method_source(code, entry), entry["name"]))
        pages += [PageSource(code, f"{code}/{file}", kind=kind) for kind, file, _label in REFERENCE_PAGES]
    return pages


def method_sections(entry: dict) -> list[str]:
    """A method page's section ids: the fixed ones and its further examples'."""
    return method.sections(entry)


def reference_sections(data: dict) -> dict[str, list[str]]:
    """Per reference page kind, the ids of its entries."""
    return {"status": status.sections(data), "headers": headers.sections(data), "registry": registry.sections(data)}


def render_page(data: dict, page: PageSource) -> str:
    context = Page(data, page.locale, page.src_uri)
    if page.kind == "method":
        return method.render(context, page.method)
    return RENDERERS[page.kind](context)


def render_method(data: dict, name: str, code: str) -> str:
    return method.render(Page(data, code, method_source(code, method_entry(data, name))), name)
