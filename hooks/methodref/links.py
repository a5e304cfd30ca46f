"""The link contract for help buttons: public URLs, the help router's data,
redirects for the default locale's /<code>/ URLs, and the data as JSON.

Paths here are absolute within the site ("/sv/methods/get/"); `root` is the
site's own path ("/" for a site at a domain's root).
"""

from __future__ import annotations

import html
import json

from .markup import plain
from .pages.elements import PROPERTY_ORDER, TERMS, value_label
from .render import METHOD_SECTIONS, OVERVIEW_SECTIONS, REFERENCE_PAGES, method_sections, reference_sections

EXPORT_VERSION = 1
EXPORT_PATH = "api/v1/methods.json"
ROUTER_PATH = "help/"


def locale_home(data: dict, code: str, root: str = "/") -> str:
    """Where a locale's overview is: the default locale at the root."""
    return root if code == data["locales"][0]["code"] else f"{root}{code}/"


def method_path(data: dict, code: str, method: dict, root: str = "/") -> str:
    return f"{locale_home(data, code, root)}methods/{method['slug']}/"


def reference_path(data: dict, code: str, file: str, root: str = "/") -> str:
    """Where a locale's status, headers or registry page is ("status.md" -> /sv/status/)."""
    return f"{locale_home(data, code, root)}{file.removesuffix('.md')}/"


def default_alias_paths(data: dict, root: str = "/") -> dict[str, str]:
    """/en/... paths of the default locale, each with the page it redirects to."""
    code = data["locales"][0]["code"]
    aliases = {f"{root}{code}/": root}
    for method in data["methods"]:
        aliases[f"{root}{code}/methods/{method['slug']}/"] = method_path(data, code, method, root)
    for _kind, file, _label in REFERENCE_PAGES:
        aliases[f"{root}{code}/{file.removesuffix('.md')}/"] = reference_path(data, code, file, root)
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
        for kind, file, _label in REFERENCE_PAGES:
            entries[reference_path(data, code, file, root)] = entry_ids[kind]
    for alias, target in default_alias_paths(data, root).items():
        entries[alias] = entries[target]
    entries[f"{root}{ROUTER_PATH}"] = []
    entries[f"{root}{EXPORT_PATH}"] = []
    return dict(sorted(entries.items()))


def router_config(data: dict, root: str = "/") -> dict:
    """What help.js needs to resolve ?method=&lang=&section= to a page."""
    return {
        "default": data["locales"][0]["code"],
        "locales": [
            {"code": locale["code"], "aliases": locale["aliases"], "home": locale_home(data, locale["code"], root)}
            for locale in data["locales"]
        ],
        "methods": {method["name"]: method["slug"] for method in data["methods"]},
        "sections": {"overview": list(OVERVIEW_SECTIONS), "method": list(METHOD_SECTIONS)},
    }


def export(data: dict, site_url: str) -> dict:
    """The data for applications, such as tooltips beside a Method field."""
    base = site_url.rstrip("/")

    def cite(citation: str) -> dict:
        spec, _, section = citation.partition(" §")
        return {"citation": citation, "url": data["specs"][spec]["url"].replace("{section}", section)}

    methods = []
    for method in data["methods"]:
        localized = {}
        for locale in data["locales"]:
            code, labels = locale["code"], locale["labels"]
            url = base + method_path(data, code, method)
            localized[code] = {
                "title": method["name"],
                "summary": plain(method["text"][code]["summary"]),
                "url": url,
                "sections": {section: f"{url}#{section}" for section in METHOD_SECTIONS},
                "properties": {prop: value_label(labels, method["properties"][prop]) for prop in PROPERTY_ORDER},
            }
        methods.append(
            {
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
                "success": [
                    {
                        "code": item["code"],
                        "reason": data["status_codes"][str(item["code"])]["reason"],
                        "source": cite(data["status_codes"][str(item["code"])]["source"]),
                    }
                    for item in method["success"]
                ],
                "notes": method["notes"],
                "related": method["related"],
                "locales": localized,
            }
        )
    return {
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
