"""MkDocs adapter: renders every localized page from data/methods.yml.

The only module that knows MkDocs, Material and mkdocs-static-i18n. It loads
the data (methodref.validate), tells the i18n plugin the locales, registers
one page per locale and method before i18n sorts files into languages, fills
each page's Markdown after it, and corrects Material's output so that every
locale has its own language tag, search index and 404 page. Nothing is
written into docs/.

i18n builds the default locale first; inside that build's on_post_build it
builds every other locale with the same config, so every event below runs
once per locale.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import material
import material.plugins.search.plugin as material_search
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs_static_i18n.config import I18nPluginLanguage

import material_html
import upstream_speed
from methodref import export, links, machine, security
from methodref.pages.elements import SectionPermalinks, TableCaptions, locale_entry
from methodref.problems import DataError
from methodref.render import page_sources, render_page
from methodref.validate import DATA_FILE, load_reference

ONLY_LOCALE = "ONLY_LOCALE"  # environment variable: build this locale alone
JIEBA = material_search.jieba  # None unless jieba is installed
WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
_state: dict = {}
upstream_speed.quiet_logs()


def reference() -> dict:
    """The validated data, loaded again only when the file changed."""
    stat = DATA_FILE.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    if _state.get("key") != key:
        try:
            data = load_reference(DATA_FILE)
        except DataError as error:
            raise PluginError(error.report()) from None
        _state.update(key=key, data=data, pages={p.src_uri: p for p in page_sources(data)})
    return _state["data"]


def _i18n(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("mkdocs.yml must enable the i18n plugin (mkdocs-static-i18n)")
    return i18n


def _current_locale(config) -> dict:
    i18n = _i18n(config)
    data = reference()
    return locale_entry(data, i18n.current_language or i18n.default_language)


@event_priority(100)
def _configure_locale(config):
    data = reference()
    i18n = _i18n(config)
    upstream_speed.list_theme_once(config.theme)
    if i18n.current_language is None:  # the first of i18n's per-language builds
        upstream_speed.reuse_alternates(i18n)
        i18n.config.languages = [_language_config(locale, index == 0) for index, locale in enumerate(data["locales"])]
        only = os.environ.get(ONLY_LOCALE)
        if only:  # a fast edit loop: one locale, at the root, as i18n's build_only_locale does
            chosen = [language for language in i18n.config.languages if language.locale == only]
            if not chosen:
                raise PluginError(f"{ONLY_LOCALE}={only} is not a locale of {DATA_FILE.name}")
            for language in i18n.config.languages:
                language.default = language.build = language.locale == only
        _state["stash"] = {}
        _state["worker"] = _search_worker()
        built = [language.locale for language in i18n.config.languages if language.build]
        _state["search"] = _search_settings(config, [locale_entry(data, code) for code in built])
        _state["jieba_words"] = _segmentation_words(data)
    locale = _current_locale(config)
    _configure_markdown(config, locale["labels"]["permalink"])
    # Material's search reads the theme language in its own on_config, which
    # runs before i18n sets it: set both here, for this locale alone.
    config.theme["language"] = locale["theme_language"]
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.lang = [locale["search_language"]]
        search.config.separator, search.config.pipeline = _state["search"][locale["code"]]
        # Material segments every Han character with jieba when it is
        # installed; only Chinese wants that (Japanese has its own segmenter).
        zh = locale["search_language"] == "zh"
        material_search.jieba = upstream_speed.chinese_segmenter(JIEBA, _state["jieba_words"]) if zh else None
    return config


def _configure_markdown(config, permalink_title: str) -> None:
    """Every page's Markdown, which MkDocs sets up anew for each page from
    these settings: tables may have captions, and the toc extension's link
    beside each section heading has a title in the locale's words."""
    for extension in (TableCaptions, SectionPermalinks):
        if not any(isinstance(added, extension) for added in config.markdown_extensions):
            config.markdown_extensions.append(extension())
    toc = config.mdx_configs.get("toc")
    if not toc or not toc.get("permalink"):
        raise PluginError("mkdocs.yml must enable the toc extension with permalink: true (every heading's link)")
    toc["permalink_title"] = permalink_title


@event_priority(-150)
def _after_i18n_config(config):
    upstream_speed.drop_repeated_theme_dirs(config.theme)
    return config


on_config = CombinedEvent(_configure_locale, _after_i18n_config)


def _search_settings(config, locales: list[dict]) -> dict:
    """Per locale, Material's search separator and pipeline for its language,
    plus the stemmer, which Material leaves out, so "requests" finds "request".

    Read once from Material's language partials: its search plugin would
    otherwise compile them anew in every locale's build."""
    env = upstream_speed.reuse_compiled_templates(config.theme.get_env())

    def translate(language: str, key: str) -> str:
        for name in (language, "en"):
            value = env.get_template(f"partials/languages/{name}.html").module.t(key)
            if str(value).strip("\n"):
                return str(value)
        raise PluginError(f"Material has no {key} for {language}")

    settings = {}
    for locale in locales:
        language = locale["theme_language"]
        pipeline = material_html.search_pipeline(translate(language, "search.config.pipeline"))
        stemmed = list(dict.fromkeys([*pipeline, "stemmer"]))
        settings[locale["code"]] = (translate(language, "search.config.separator"), stemmed)
    return settings


def _segmentation_words(data: dict) -> tuple[str, ...]:
    """The Chinese locales' terms, which readers search for, for jieba to
    learn before it segments (upstream_speed.chinese_segmenter)."""
    words = (
        word
        for locale in data["locales"]
        if locale["search_language"] == "zh"
        for word in material_html.segmentation_words(locale)
    )
    return tuple(dict.fromkeys(words))


def _search_worker() -> tuple[str, str]:
    """Name and text of Material's search worker, patched (material_html.SEARCH_WORKER_PATCHES)."""
    (source,) = WORKERS.glob("search.*.min.js")
    try:
        text = material_html.patch_search_worker(source.read_text(encoding="utf-8"))
    except ValueError as error:
        raise PluginError(str(error)) from None
    return f"search.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.js", text


def language_settings(locale: dict, default: bool, methods: list[dict]) -> dict:
    """The i18n plugin's settings for one locale (bench/ builds a twin from them)."""
    labels = locale["labels"]
    # Material's templates print these without escaping them.
    nav = export.nav_for(labels, methods)
    return {
        "locale": locale["code"],
        "name": export.theme_text(locale["name"]),
        "default": default,
        "build": True,
        "site_name": export.theme_text(labels["site_name"]),
        "site_description": export.theme_text(labels["site_description"]),
        "nav": nav,
        "theme": {
            "language": locale["theme_language"],
            "palette": [
                {"toggle": {"name": export.theme_text(labels["dark_mode"])}},
                {"toggle": {"name": export.theme_text(labels["light_mode"])}},
            ],
        },
    }


def _language_config(locale: dict, default: bool) -> I18nPluginLanguage:
    language = I18nPluginLanguage()
    language.load_dict(language_settings(locale, default, reference()["methods"]))
    failed, _warnings = language.validate()
    if failed:
        raise PluginError(f"locale {locale['code']}: " + "; ".join(f"{key}: {error}" for key, error in failed))
    return language


@event_priority(100)
def _register_pages(files, config):
    """Before i18n: one source file per page, as if written by hand."""
    reference()
    for src_uri in _state["pages"]:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(
                f"docs/{src_uri} exists, but that page is generated from {DATA_FILE.name}: delete the file"
            )
        files.append(
            File(
                src_uri, config.docs_dir, config.site_dir, config.use_directory_urls, inclusion=InclusionLevel.INCLUDED
            )
        )
    return files


@event_priority(-200)
def _fill_pages(files, config):
    """After i18n kept the current language's pages: give them their Markdown."""
    data = reference()
    for file in files.documentation_pages():
        page = _state["pages"].get(file.src_uri)
        if page is not None:
            file.content_string = render_page(data, page)
    return files


@event_priority(-150)
def _copy_theme_once(files, config):
    """After i18n sorted the files for this locale."""
    return upstream_speed.copy_theme_once(files, config, _i18n(config))


on_files = CombinedEvent(_register_pages, _copy_theme_once, _fill_pages)


def _locale_root(config) -> str:
    """The locale's folder in the site: "" for the default locale, else "sv/"."""
    i18n = _i18n(config)
    return "" if i18n.current_language == i18n.default_language else f"{i18n.current_language}/"


def _for_locale(output: str, locale: dict, base: str) -> str:
    output = material_html.set_document_language(output, locale["code"], locale["direction"])
    output = material_html.drop_alternate_links(output)
    output = material_html.name_search_dialog(output)
    output = material_html.valid_state_toggles(output)
    return material_html.set_search_config(output, base, _state["worker"][0])


def on_env(env, config, files):
    return upstream_speed.reuse_compiled_templates(env)


def on_pre_template(template, template_name, config):
    return upstream_speed.skip_partial_sitemap(template, template_name, _i18n(config))


def on_post_page(output, page, config):
    # Directory URLs: the page's folder is its URL ("sv/methods/get/").
    base = posixpath.relpath(_locale_root(config) or ".", page.url.rstrip("/") or ".")
    return _for_locale(output, _current_locale(config), base)


@event_priority(-50)
def _keep_locale_output(config):
    """After Material wrote this locale's search index and 404 page at the
    site root: give them to the locale (the next locale overwrites them)."""
    site = Path(config.site_dir)
    root = _locale_root(config)
    locale = _current_locale(config)
    labels = locale["labels"]
    # The locale's own words for a concept find the sections that use its term.
    synonyms = [(locale["glossary"][concept], words) for concept, words in locale["search_terms"].items()]
    upstream_speed.save_segments()
    index = material_html.search_index_for_locale(
        (site / "search" / "search_index.json").read_text(encoding="utf-8"), root, synonyms
    )
    home = _absolute(config, root)
    data = reference()
    homes = {item["code"]: links.locale_home(data, item["code"], _absolute(config, "")) for item in data["locales"]}
    not_found = _for_locale((site / "404.html").read_text(encoding="utf-8"), locale, home)
    not_found = material_html.localize_not_found(
        material_html.language_links_home(not_found, homes),
        labels["not_found_title"],
        labels["not_found_text"],
        labels["not_found_link"],
        home,
        labels["site_name"],
        labels["methods"],  # and a way on: the locale's method pages
        [(method["name"], f"{home}methods/{method['slug']}/") for method in data["methods"]],
    )
    if root:
        _write(site / root / "search" / "search_index.json", index)
        _write(site / root / "404.html", not_found)
        _state["not_found"][locale["code"]] = not_found
    else:
        _state["stash"] = {"search/search_index.json": index, "404.html": not_found}
        _state["not_found"] = {}  # the default locale is built first; the others' 404 pages follow


@event_priority(-150)
def _restore_default_locale_output(config):
    """After i18n merged every locale's search index into one and the last
    locale wrote its 404 page at the root: put the default locale's back."""
    if _i18n(config).building:
        return
    data = reference()
    stash = _state["stash"]
    try:  # the one 404 page of static hosts carries every locale's
        stash["404.html"] = material_html.embed_not_found_locales(
            stash["404.html"],
            _state["not_found"],
            _absolute(config, ""),
            _absolute(config, "assets/javascripts/not-found.js"),
        )
    except ValueError as error:
        raise PluginError(str(error)) from None
    worker_name, worker_text = _state["worker"]
    stash[f"assets/javascripts/workers/{worker_name}"] = worker_text
    if os.environ.get(ONLY_LOCALE):  # a preview of one locale: no site-wide files
        stash.pop("404.html")
        for relative, text in stash.items():
            _write(Path(config.site_dir) / relative, text)
        return
    # The link contract: /en/ URLs, the help router and the data as JSON.
    root = _absolute(config, "")
    site = config.site_url.rstrip("/")
    for alias, target in links.default_alias_paths(data, root).items():
        stash[alias[len(root) :] + "index.html"] = links.redirect_page(target, site + target, root)
    stash[links.ROUTER_PATH + "index.html"] = links.router_page(data, root)
    stash[links.EXPORT_PATH] = json.dumps(links.export(data, config.site_url), ensure_ascii=False, indent=1)
    # For machines: every page's Markdown twin, llms.txt files, robots.txt.
    stash.update(machine.machine_files(data, config.site_url))
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if sitemap.exists():
        text = machine.sitemap_with_x_default(sitemap.read_text(encoding="utf-8"), data["locales"][0]["code"])
        stash["sitemap.xml"] = text
        (sitemap.parent / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    for relative, text in stash.items():
        _write(Path(config.site_dir) / relative, text)
    # Last: the policy lists the hashes of every inline script now written.
    _write(Path(config.site_dir) / "_headers", security.static_host_headers(Path(config.site_dir)))


on_post_build = CombinedEvent(_keep_locale_output, _restore_default_locale_output)


def _absolute(config, path: str) -> str:
    """A URL path under site_url, for pages served at any depth (404)."""
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/" + path


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def on_serve(server, config, builder):
    server.watch(str(DATA_FILE))
    upstream_speed.watch_writes(server)
    return server
