"""The link contract for help buttons: public URLs, the help router's data,
redirects for the default locale's /<code>/ URLs, and the data as JSON.

Paths here are absolute within the site ("/sv/methods/get/"); `root` is the
site's own path ("/" for a site at a domain's root).
"""

from __future__ import annotations

import html
import json

from .markup import plain
from .pages import registry
from .pages.elements import PROPERTY_ORDER, TERMS, header_anchor, value_label
from .render import METHOD_SECTIONS, OVERVIEW_SECTIONS, REFERENCE_PAGES, method_sections, reference_sections

EXPORT_VERSION = 1
EXPORT_PATH = "api/v1/methods.json"
ROUTER_PATH = "help/"
# Where a help link that names an unknown status or header lands: the page's
# top, with ?<query>=<the value>; the page's element #<query> holds the
# note, hidden, with one empty <bdi> where the value goes (locales.js).
UNKNOWN_NOTES = {"status": "unknown-status", "headers": "unknown-header"}


def locale_home(data: dict, code: str, root: str = "/") -> str:
    """Where a locale's overview is: the default locale at the root."""
    return root if code == data["locales"][0]["code"] else f"{root}{code}/"


def method_path(data: dict, code: str, method: dict, root: str = "/") -> str:
    return f"{locale_home(data, code, root)}methods/{method['slug']}/"


def reference_path(data: dict, code: str, page: str, root: str = "/") -> str:
    """A locale's status, headers or registry page."""
    return f"{locale_home(data, code, root)}{page}/"


def reference_pages(data: dict) -> list[str]:
    """The status, headers and registry pages, by the name of their folder."""
    return [kind for kind, _file, _label in REFERENCE_PAGES]


def entry_ids(data: dict, page: str) -> list[str]:
    """The ids of a reference page's entries, which help links may name: its
    sections without the group headings (status classes, header directions)."""
    if page == "status":
        return [str(code) for code in data["status_codes"]]
    if page == "headers":
        return [header_anchor(header["name"]) for header in data["headers"]]
    return registry.sections(data)


def default_alias_paths(data: dict, root: str = "/") -> dict[str, str]:
    """/en/... paths of the default locale, each with the page it redirects to."""
    code = data["locales"][0]["code"]
    aliases = {f"{root}{code}/": root}
    for method in data["methods"]:
        aliases[f"{root}{code}/methods/{method['slug']}/"] = method_path(data, code, method, root)
    for page in reference_pages(data):
        aliases[f"{root}{code}/{page}/"] = reference_path(data, code, page, root)
    return aliases


def contract(data: dict, root: str = "/") -> dict[str, list[str]]:
    """Every public URL with the section ids it promises."""
    entries = {}
    entry_ids = reference_sections(data)
    for locale in data["locales"]:
        code = locale["code"]
        entries[locale_home(data, code, root)] = [*OVERVIEW_SECTIONS, *(f"term-{prop}" for prop in TERMS)]
        for entry in data["methods"]:
            entries[method_path(data, code, entry, root)] = method_sections(entry)
        for page in reference_pages(data):
            entries[reference_path(data, code, page, root)] = entry_ids[page]
    for alias, target in default_alias_paths(data, root).items():
        entries[alias] = entries[target]
    entries[f"{root}{ROUTER_PATH}"] = []
    entries[f"{root}{EXPORT_PATH}"] = []
    return dict(sorted(entries.items()))


def router_config(data: dict, root: str = "/") -> dict:
    """What help.js needs to resolve ?method=&status=&header=&lang=&section=
    to a page."""
    pages = reference_pages(data)
    return {
        "default": data["locales"][0]["code"],
        "locales": [
            {"code": locale["code"], "aliases": locale["aliases"], "home": locale_home(data, locale["code"], root)}
            for locale in data["locales"]
        ],
        "methods": {method["name"]: method["slug"] for method in data["methods"]},
        "sections": {"overview": list(OVERVIEW_SECTIONS), "method": list(METHOD_SECTIONS)},
        # Per page: its path under a locale's home, the ids it has, and the
        # query parameter of its note on an unknown value (if any).
        "pages": {
            page: {"path": f"{page}/", "ids": entry_ids(data, page), "unknown": UNKNOWN_NOTES.get(page)}
            for page in pages
        },
    }


def export(data: dict, site_url: str) -> dict:
    """The data for applications, such as tooltips beside a Method field.
    Version 1: keys are only ever added; see INTEGRATING.md."""
    base = site_url.rstrip("/")
    codes = [locale["code"] for locale in data["locales"]]

    def cite(citation: str) -> dict:
        spec, _, section = citation.partition(" §")
        return {"citation": citation, "url": data["specs"][spec]["url"].replace("{section}", section)}

    def status_fact(code) -> dict:
        status = data["status_codes"][str(code)]
        return {"code": int(code), "reason": status["reason"], "source": cite(status["source"])}

    def entry_url(code: str, page: str, entry: str) -> str:
        return f"{base}{reference_path(data, code, page)}#{entry}"

    methods = []
    for method in data["methods"]:
        localized = {}
        for locale in data["locales"]:
            code, labels = locale["code"], locale["labels"]
            url = base + method_path(data, code, method)
            text = method["text"][code]
            localized[code] = {
                "title": method["name"],
                "summary": plain(text["summary"]),
                "url": url,
                "sections": {section: f"{url}#{section}" for section in METHOD_SECTIONS},
                "properties": {prop: value_label(labels, method["properties"][prop]) for prop in PROPERTY_ORDER},
            }
            if "failures" in text:
                localized[code]["failures"] = {
                    str(status): {part: plain(words) for part, words in texts.items()}
                    for status, texts in text["failures"].items()
                }
        entry = {
            "name": method["name"],
            "slug": method["slug"],
            "defined_in": cite(method["defined_in"]),
            "properties": {
                prop: {
                    "value": fact["value"],
                    "condition": fact.get("condition"),
                    "source": cite(fact["source"]),
                }
                for prop, fact in method["properties"].items()
            },
            "success": [status_fact(item["code"]) for item in method["success"]],
        }
        if "failures" in method:
            entry["failures"] = [status_fact(item["code"]) for item in method["failures"]]
        entry.update(notes=method["notes"], related=method["related"], locales=localized)
        methods.append(entry)

    exported = {
        "version": EXPORT_VERSION,
        "site": base + "/",
        "router": f"{base}/{ROUTER_PATH}",
        "locales": [
            {
                "code": locale["code"],
                "name": locale["name"],
                "direction": locale["direction"],
                "aliases": locale["aliases"],
                "reviewed": locale["reviewed"],
                "url": base + locale_home(data, locale["code"]),
                "sections": {s: f"{base}{locale_home(data, locale['code'])}#{s}" for s in OVERVIEW_SECTIONS},
            }
            for locale in data["locales"]
        ],
        "methods": methods,
    }
    exported["status_codes"] = {}
    for status in data["status_codes"]:
        fact = {key: value for key, value in status_fact(status).items() if key != "code"}
        fact["locales"] = {}
        for locale in data["locales"]:
            texts = locale["status"][str(status)]
            fact["locales"][locale["code"]] = {
                "url": entry_url(locale["code"], "status", str(status)),
                **{part: plain(words) for part, words in texts.items()},
            }
        exported["status_codes"][str(status)] = fact
    exported["headers"] = [
        {
            "name": header["name"],
            "source": cite(header["source"]) if "source" in header else None,
            "direction": header["direction"],
            "example": header["example"],
            "locales": {
                locale["code"]: {
                    "url": entry_url(locale["code"], "headers", header_anchor(header["name"])),
                    "description": plain(locale["headers"][header_anchor(header["name"])]),
                }
                for locale in data["locales"]
            },
        }
        for header in data["headers"]
    ]
    ours = {method["name"]: method for method in data["methods"]}
    rows = []
    for row in data["registry"]["methods"]:
        rows.append(
            {
                "name": row["name"],
                "safe": row["safe"],
                "idempotent": row["idempotent"],
                "reference": cite(row["reference"]),
                "references": [cite(row["reference"])],  # a list since version 1 gained it
                "page": base + method_path(data, codes[0], ours[row["name"]]) if row["name"] in ours else None,
                "locales": {
                    code: {
                        "url": entry_url(code, "registry", anchor)
                        if (anchor := registry.row_anchor(row["name"]))
                        else None
                    }
                    for code in codes
                },
            }
        )
    exported["registry"] = rows
    exported["registry_source"] = dict(data["registry"]["source"])
    return exported


def _script_json(value) -> str:
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def redirect_page(target: str, canonical: str, root: str = "/") -> str:
    """A page that sends the reader on to `target`, keeping the #section."""
    target, canonical = html.escape(target), html.escape(canonical)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{target}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<script src="{root}assets/javascripts/redirect.js"></script>\n'
        f'</head>\n<body>\n<p><a href="{target}">{target}</a></p>\n</body>\n</html>\n'
    )


def router_page(data: dict, root: str = "/") -> str:
    """/help/: resolves a help button's query; without JavaScript, it lists the links."""
    rows = []
    for locale in data["locales"]:
        code = locale["code"]
        links = [f'<a href="{locale_home(data, code, root)}">{html.escape(locale["labels"]["nav_overview"])}</a>']
        links += [
            f'<a href="{method_path(data, code, method, root)}">{html.escape(method["name"])}</a>'
            for method in data["methods"]
        ]
        links += [  # labels nav_status, nav_headers, nav_registry (SPEC)
            f'<a href="{reference_path(data, code, page, root)}">{html.escape(locale["labels"][f"nav_{page}"])}</a>'
            for page in reference_pages(data)
        ]
        rows.append(
            f'<li lang="{code}" dir="{locale["direction"]}"><strong>{html.escape(locale["name"])}</strong>: '
            + " · ".join(links)
            + "</li>"
        )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>HTTP request methods: help links</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<script type="application/json" id="router">{_script_json(router_config(data, root))}</script>\n'
        f'<script src="{root}assets/javascripts/help.js"></script>\n'
        "</head>\n<body>\n<main>\n<h1>HTTP request methods</h1>\n"
        '<p id="resolving" hidden>Opening the page&hellip;</p>\n'
        '<ul id="pages">\n' + "\n".join(rows) + "\n</ul>\n</main>\n</body>\n</html>\n"
    )
