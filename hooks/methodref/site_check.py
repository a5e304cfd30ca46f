"""The guard on a built site: every locale and every page is there, in its
language. An engine that ignores the hook (hooks/reference_pages.py) or the
i18n plugin still builds "green", with one language or no reference pages
at all; this check fails such a build. Pure: it reads the built files only.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from .links import locale_home
from .machine import page_path
from .render import page_sources

NOT_FOUND = "404.html"
SEARCH_INDEX = "search/search_index.json"
REMEDY = (
    "The engine ignored the hook (hooks/reference_pages.py) or the i18n plugin: build with MkDocs 1.6 "
    "(make build) or ProperDocs 1.6; see TOOLCHAIN.md."
)


class _DocumentLanguage(HTMLParser):
    """The language and direction a document declares: lang on <html>; dir
    on <html>, where the hook sets it, or else on <body>, where Material does."""

    def __init__(self):
        super().__init__()
        self.found: dict[str, dict[str, str]] = {}

    def handle_starttag(self, tag, attrs):
        if tag in ("html", "body") and tag not in self.found:
            self.found[tag] = {name: value or "" for name, value in attrs}


def document_language(text: str) -> tuple[str, str]:
    """The lang and dir of a page ("" where it declares none)."""
    parser = _DocumentLanguage()
    parser.feed(text)
    root, body = parser.found.get("html", {}), parser.found.get("body", {})
    return root.get("lang", ""), root.get("dir") or body.get("dir", "")


def expected_files(data: dict, only: str | None = None) -> dict[str, tuple[list[str], list[str]]]:
    """Per locale, the pages its build must produce and its 404 page and
    search index, relative to the site. With `only`, that locale alone, at
    the root (an ONLY_LOCALE build)."""
    expected = {}
    for locale in data["locales"]:
        code = locale["code"]
        if only not in (None, code):
            continue
        home = "" if only else locale_home(data, code).lstrip("/")
        pages = [
            home + page_path(data, page.src_uri).removeprefix(locale_home(data, code)) + "index.html"
            for page in page_sources(data)
            if page.locale == code
        ]
        expected[code] = (pages, [home + NOT_FOUND, home + SEARCH_INDEX])
    return expected


def site_problems(data: dict, site: Path, only: str | None = None) -> list[str]:
    """Every missing locale, missing file and file in another language, at once."""
    problems = []
    for code, (pages, others) in expected_files(data, only).items():
        locale = next(locale for locale in data["locales"] if locale["code"] == code)
        where = (locale_home(data, code).lstrip("/") if only is None else "") or "/"
        if not any((site / page).is_file() for page in pages):
            problems.append(f"{where}: locale {code} missing (none of its {len(pages)} pages)")
            continue
        present = [file for file in [*pages, *others] if (site / file).is_file()]
        problems += [f"{file}: missing (locale {code})" for file in [*pages, *others] if file not in present]
        wrong = [problem for file in present for problem in _language_problems(site / file, file, locale)]
        if len(wrong) == len(present) > 1:  # the whole locale is another one: say it once
            problems.append(f"{where}: locale {code} is in another language in all {len(present)} files: {wrong[0]}")
        else:
            problems += wrong
    return problems


def _language_problems(path: Path, file: str, locale: dict) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if file.endswith(".json"):
        try:
            languages = json.loads(text)["config"]["lang"]
        except (ValueError, KeyError, TypeError):
            return [f"{file}: not a search index"]
        if locale["search_language"] not in languages:
            return [f"{file}: searches {', '.join(languages)}, expected {locale['search_language']}"]
        return []
    lang, direction = document_language(text)
    # The hook writes the locale's code; Material alone may write the
    # language without its region or script ("pt" for pt-BR): less precise, not wrong.
    code = locale["code"].lower()
    if not lang or not (code == lang.lower() or code.startswith(lang.lower() + "-")):
        return [f'{file}: lang="{lang}", expected "{locale["code"]}"']
    if (direction or "ltr") != locale["direction"]:
        return [f'{file}: dir="{direction}", expected "{locale["direction"]}"']
    return []


def report(site_name: str, problems: list[str]) -> str:
    lines = [f"{site_name} is not the whole site: {len(problems)} problem(s)"]
    lines += [f"  {problem}" for problem in problems]
    lines.append(REMEDY)
    return "\n".join(lines)
