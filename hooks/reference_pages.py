"""MkDocs adapter: renders every localized page from data/methods.yml.

The only module that knows MkDocs and mkdocs-static-i18n. It loads the data
(methodref.validate), tells the i18n plugin the locales, registers one page
per locale and method before i18n sorts files into languages, and fills each
page's Markdown after it. Nothing is written into docs/.
"""

from __future__ import annotations

import html

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs_static_i18n.config import I18nPluginLanguage

from methodref.problems import DataError
from methodref.render import page_sources, render_page
from methodref.validate import DATA_FILE, load_reference

_loaded: dict = {}


def reference() -> dict:
    """The validated data, loaded again only when the file changed."""
    stat = DATA_FILE.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    if _loaded.get("key") != key:
        try:
            data = load_reference(DATA_FILE)
        except DataError as error:
            raise PluginError(error.report()) from None
        _loaded.update(key=key, data=data, pages={p.src_uri: p for p in page_sources(data)})
    return _loaded["data"]


@event_priority(100)
def on_config(config):
    data = reference()
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("mkdocs.yml must enable the i18n plugin (mkdocs-static-i18n)")
    if i18n.current_language is None:  # the first of i18n's per-language builds
        i18n.config.languages = [_language_config(locale, index == 0) for index, locale in enumerate(data["locales"])]
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:
            search.config.lang = list(dict.fromkeys(locale["search_language"] for locale in data["locales"]))
    return config


def _language_config(locale: dict, default: bool) -> I18nPluginLanguage:
    labels = locale["labels"]
    # Material's templates print these without escaping them.
    nav = [
        {html.escape(labels["nav_overview"]): "index.md"},
        {html.escape(labels["nav_methods"]): [{m["name"]: f"methods/{m['slug']}.md"} for m in reference()["methods"]]},
    ]
    language = I18nPluginLanguage()
    language.load_dict(
        {
            "locale": locale["code"],
            "name": html.escape(locale["name"]),
            "default": default,
            "build": True,
            "site_name": html.escape(labels["site_name"]),
            "site_description": html.escape(labels["site_description"]),
            "nav": nav,
            "theme": {"language": locale["theme_language"]},
        }
    )
    failed, _warnings = language.validate()
    if failed:
        raise PluginError(f"locale {locale['code']}: " + "; ".join(f"{key}: {error}" for key, error in failed))
    return language


@event_priority(100)
def _register_pages(files, config):
    """Before i18n: one source file per page, as if written by hand."""
    reference()
    for src_uri in _loaded["pages"]:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"docs/{src_uri} exists, but that page is generated from {DATA_FILE.name}: delete the file"
            )
        files.append(
            File(
                src_uri,
                config.docs_dir,
                config.site_dir,
                config.use_directory_urls,
                inclusion=InclusionLevel.INCLUDED,
            )
        )
    return files


@event_priority(-200)
def _fill_pages(files, config):
    """After i18n kept the current language's pages: give them their Markdown."""
    data = reference()
    for file in files.documentation_pages():
        page = _loaded["pages"].get(file.src_uri)
        if page is not None:
            file.content_string = render_page(data, page)
    return files


on_files = CombinedEvent(_register_pages, _fill_pages)


def on_serve(server, config, builder):
    server.watch(str(DATA_FILE))
    return server
