"""The site as plain Markdown, one folder per locale, for engines that run
no hook: each folder holds an mkdocs.yml and a docs/ folder whose pages are
the Markdown the hook hands MkDocs (render.render_page), so any engine that
builds one language from a folder (MkDocs 1.x, ProperDocs, Zensical) builds
that locale's pages with the same URLs and section ids. Pure functions; the
command `python -m methodref markdown` writes what they return.

The configuration is the project's mkdocs.yml without the hook and the i18n
plugin, with what those set per locale written out: site name, description,
theme language and direction, palette toggle names, navigation, search
language and a language menu (extra.alternate) to every locale's home.
"""

from __future__ import annotations

import copy
import html
import os
from urllib.parse import urlsplit

import yaml

from .links import locale_home
from .pages.elements import locale_entry
from .render import REFERENCE_PAGES, page_sources, render_page

CONFIG_FILE = "mkdocs.yml"
DOCS_DIR = "docs"
# Plugins that only the hook build has: the export replaces what they do.
HOOK_ONLY_PLUGINS = ("i18n",)
# Markdown extensions the hook adds to every page (methodref.pages.elements).
ELEMENT_EXTENSIONS = ("TableCaptions", "SectionPermalinks")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does, `!ENV [NAME, default]` included."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node):
    # As MkDocs' pyyaml_env_tag: the first variable set, else the last item
    # of a list of more than one as the default.
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        names, default = [loader.construct_scalar(node)], None
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


_ConfigLoader.add_constructor("!ENV", _environment_value)


def read_config(text: str) -> dict:
    """The project's mkdocs.yml as data, environment variables resolved."""
    return yaml.load(text, Loader=_ConfigLoader)  # a SafeLoader with one tag more


def theme_text(text: str) -> str:
    """Text that Material prints as it is, into element text and
    double-quoted attributes, and escapes once more (| e) in the footer
    links' aria-label: escaped, except the apostrophe, which needs no escape
    there and would be read out as "&#x27;" in the footer ("Codes d'état")."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def nav_for(labels: dict, methods: list[dict]) -> list[dict]:
    """A locale's navigation from its labels, files relative to its folder:
    what the hook hands mkdocs-static-i18n and what the export writes."""
    return [
        {theme_text(labels["nav_overview"]): "index.md"},
        {theme_text(labels["nav_methods"]): [{m["name"]: f"methods/{m['slug']}.md"} for m in methods]},
        *({theme_text(labels[label]): file} for _kind, file, label in REFERENCE_PAGES),
    ]


def locale_nav(data: dict, code: str) -> list[dict]:
    """A locale's navigation, its files relative to its folder."""
    return nav_for(locale_entry(data, code)["labels"], data["methods"])


def locale_config(data: dict, project_config: dict, code: str) -> dict:
    """The configuration that builds one locale alone, at the site's root."""
    locale = locale_entry(data, code)
    labels = locale["labels"]
    config = copy.deepcopy(project_config)
    config.pop("hooks", None)
    config["site_name"] = theme_text(labels["site_name"])
    config["site_description"] = theme_text(labels["site_description"])
    root = "/"
    if config.get("site_url"):
        root = urlsplit(config["site_url"]).path.rstrip("/") + "/"
        config["site_url"] = config["site_url"].rstrip("/") + locale_home(data, code)
    theme = config["theme"]
    theme["language"] = locale["theme_language"]
    theme["direction"] = locale["direction"]
    # Material's palette entries in mkdocs.yml: light first, its toggle to dark.
    toggles = (labels["dark_mode"], labels["light_mode"])
    if len(theme.get("palette", [])) != len(toggles):
        raise ValueError(f"{CONFIG_FILE}: theme.palette must have {len(toggles)} entries, light then dark")
    for entry, name in zip(theme["palette"], toggles, strict=True):
        entry["toggle"]["name"] = theme_text(name)
    config["nav"] = locale_nav(data, code)
    config["markdown_extensions"] = markdown_extensions(config.get("markdown_extensions", []), labels["permalink"])
    config["plugins"] = [_plugin_for(plugin, locale) for plugin in config.get("plugins", [])]
    config["plugins"] = [plugin for plugin in config["plugins"] if plugin is not None]
    extra = config.setdefault("extra", {})
    extra["alternate"] = [
        {"name": theme_text(other["name"]), "link": locale_home(data, other["code"], root), "lang": other["code"]}
        for other in data["locales"]
    ]
    return config


def markdown_extensions(extensions: list, permalink_title: str) -> list:
    """mkdocs.yml's Markdown extensions as the hook sets them for a locale:
    the permalink beside each heading titled in its words, and the two
    extensions of methodref.pages.elements the hook adds (the engine imports
    them from the checkout's hooks/ folder: PYTHONPATH=hooks)."""
    result = []
    for extension in extensions:
        if extension == "toc" or (isinstance(extension, dict) and "toc" in extension):
            settings = {} if extension == "toc" else dict(extension["toc"] or {})
            extension = {"toc": {**settings, "permalink_title": permalink_title}}
        result.append(extension)
    return [*result, *(f"methodref.pages.elements:{name}" for name in ELEMENT_EXTENSIONS)]


def _plugin_for(plugin, locale: dict):
    """A plugin entry of mkdocs.yml for one locale; None for a hook-only one."""
    name, settings = next(iter(plugin.items())) if isinstance(plugin, dict) else (plugin, None)
    if name in HOOK_ONLY_PLUGINS:
        return None
    if name == "search":
        return {name: {**(settings or {}), "lang": [locale["search_language"]]}}
    return plugin


def locale_files(data: dict, project_config: dict, code: str) -> dict[str, str]:
    """One locale's folder: its mkdocs.yml and every page's Markdown, by
    path relative to the folder."""
    config = locale_config(data, project_config, code)
    files = {CONFIG_FILE: yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)}
    prefix = f"{code}/"
    for page in page_sources(data):
        if page.locale == code:
            files[f"{DOCS_DIR}/{page.src_uri.removeprefix(prefix)}"] = render_page(data, page)
    return files
