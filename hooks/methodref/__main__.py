"""Commands for translators and maintainers of data/methods.yml.

check                 validate the file and list every problem at once
stale [LOCALE]        list translations whose English changed, or that were never stamped
stamp LOCALE [SCOPE [FIELD]]
                      record that the translations are up to date with the English;
                      LOCALE may be all, SCOPE is a method (GET), labels, overview,
                      status or headers
scaffold CODE ...     add a new locale with every field empty
markdown --out DIR    write every locale as a folder of Markdown with its mkdocs.yml,
                      for engines that run no hook (TOOLCHAIN.md)
verify-site DIR       check that a built site has every locale and page, in its language
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from .edit import add_locale, set_entry
from .export import CONFIG_FILE, DOCS_DIR, locale_files, read_config
from .links import contract
from .loader import load_file
from .nginx import nginx_config
from .problems import DataError
from .render import locale_codes, page_sources
from .site_check import report, site_problems
from .stale import STAMP_KEY, new_stamps, stale
from .validate import DATA_FILE, display_name, load_reference

CONTRACT_FILE = DATA_FILE.parents[1] / "tests" / "contract" / "links.json"
PROJECT_CONFIG = DATA_FILE.parents[1] / CONFIG_FILE
STATIC_DOCS = DATA_FILE.parents[1] / DOCS_DIR  # static assets only: every page comes from the data
ONLY_LOCALE = "ONLY_LOCALE"  # as the hook reads it: a build of that locale alone, at the root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m methodref", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA_FILE, help="the data file (default: data/methods.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the data file and list every problem at once")
    listing = commands.add_parser("stale", help="list translations to bring up to date")
    listing.add_argument("locale", nargs="?")
    stamping = commands.add_parser("stamp", help="mark translations as up to date with the English")
    stamping.add_argument("locale", help="a locale code, or all")
    stamping.add_argument("scope", nargs="?", help="a method name, labels, overview, status or headers")
    stamping.add_argument("field", nargs="?")
    scaffold = commands.add_parser("scaffold", help="add a locale whose every text is empty")
    scaffold.add_argument("code", help="locale code, as in URLs: pt-BR, zh-Hans")
    scaffold.add_argument("--name", required=True, help="the language's name in itself")
    scaffold.add_argument("--theme-language", required=True, help="Material's language code")
    scaffold.add_argument("--search-language", required=True, help="the search engine's language")
    scaffold.add_argument("--direction", choices=["ltr", "rtl"], default="ltr")
    commands.add_parser("contract", help="add new public URLs and section ids to tests/contract/links.json")
    server = commands.add_parser("nginx", help="print the nginx configuration for a built site")
    server.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    server.add_argument("--listen", default="80", help="nginx's listen directive (default: 80)")
    server.add_argument("--run-dir", type=Path, default=Path("/var/lib/http-methods"), help="pid, logs, temp files")
    export = commands.add_parser("markdown", help="write every locale's pages as Markdown, with an mkdocs.yml each")
    export.add_argument("--out", type=Path, required=True, help="an empty or new folder")
    export.add_argument("--locale", action="append", help="this locale only (repeatable; default: every locale)")
    verify = commands.add_parser("verify-site", help="check that a built site has every locale and page")
    verify.add_argument("site", type=Path, help="the built site, e.g. site.new")
    verify.add_argument(
        "--only",
        default=os.environ.get(ONLY_LOCALE) or None,
        help=f"the site holds this locale alone, at its root (default: ${ONLY_LOCALE}, as the build reads it)",
    )
    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


def check(args) -> int:
    try:
        data = load_reference(args.data)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"{display_name(args.data)}: OK: {len(data['locales'])} locales, {len(data['methods'])} methods, "
        f"{len(page_sources(data))} pages"
    )
    return 0


def list_stale(args) -> int:
    data = _loaded_data(args.data)
    found = [(t, state) for t, state in stale(data) if args.locale in (None, t.locale)]
    for translation, state in found:
        print(f"{translation.scope}.{translation.locale}.{translation.field}: {state}")
    print(f"{len(found)} translation{'s' if len(found) != 1 else ''} to bring up to date", file=sys.stderr)
    return 1 if found else 0


def stamp(args) -> int:
    loaded = load_file(args.data)
    data = _usable(loaded, args.data)
    codes = [locale["code"] for locale in data["locales"]][1:]
    if args.locale not in [*codes, "all"]:
        print(
            f"stamp: '{args.locale}' is not a translated locale; use one of: {', '.join(codes)} or all", file=sys.stderr
        )
        return 2
    chosen = codes if args.locale == "all" else [args.locale]
    blocks = {}
    for code in chosen:
        blocks.update(new_stamps(data, code, args.scope, args.field))
    before = [t for t, _ in stale(data) if t.locale in chosen]
    text = args.data.read_text(encoding="utf-8")
    # Bottom up, so that the line numbers of what is still to edit stay valid.
    for path in sorted(blocks, key=lambda p: loaded.line_of(p[:-1]), reverse=True):
        text = set_entry(text, loaded.lines, path[:-1], STAMP_KEY, blocks[path], flow=path[0] == "methods")
    args.data.write_text(text, encoding="utf-8")
    after = [t for t, _ in stale(_usable(load_file(args.data), args.data)) if t.locale in chosen]
    print(f"stamped {len(before) - len(after)} translation(s); {len(after)} still to bring up to date")
    return 0


def scaffold_locale(args) -> int:
    data = _loaded_data(args.data)
    if args.code in [locale["code"] for locale in data["locales"]]:
        print(f"scaffold: {args.code} exists already", file=sys.stderr)
        return 2
    source = data["locales"][0]
    locale = {
        "code": args.code,
        "name": args.name,
        "theme_language": args.theme_language,
        "search_language": args.search_language,
        "direction": args.direction,
        "aliases": [],
        "reviewed": "",  # reported until a native reviewer has read every text
        "labels": _emptied(source["labels"]),
        "glossary": _emptied(source["glossary"]),
        "search_terms": {},
        "overview": _emptied(source["overview"]),
        "status": _emptied(source["status"]),
        "headers": _emptied(source["headers"]),
    }
    texts = {
        method["name"]: _emptied({k: v for k, v in method["text"][source["code"]].items() if k != STAMP_KEY})
        for method in data["methods"]
    }
    args.data.write_text(add_locale(args.data.read_text(encoding="utf-8"), locale, texts), encoding="utf-8")
    print(f"added {args.code} with every text empty; `python -m methodref check` lists what remains")
    return 0


def _emptied(value):
    """The same shape with every text empty: lists keep their length."""
    if isinstance(value, dict):
        return {key: _emptied(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_emptied(child) for child in value]
    return ""


def _loaded_data(path: Path) -> dict:
    return _usable(load_file(path), path)


def _usable(loaded, path: Path) -> dict:
    if not isinstance(loaded.data, dict) or loaded.issues:
        raise SystemExit(f"{display_name(path)} cannot be read; run `python -m methodref check` first")
    return loaded.data


def update_contract(args) -> int:
    """Entries are only ever added: a removed URL would break shipped help buttons."""
    data = load_reference(args.data)
    promised = json.loads(CONTRACT_FILE.read_text(encoding="utf-8")) if CONTRACT_FILE.exists() else {}
    current = contract(data)
    merged = {**promised}
    for path, sections in current.items():
        merged[path] = sorted(set(merged.get(path, [])) | set(sections), key=_section_order(sections))
    CONTRACT_FILE.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"  {json.dumps(path)}: {json.dumps(sections)}" for path, sections in sorted(merged.items())]
    CONTRACT_FILE.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(merged) - len(promised)} URL(s) added; {len(merged)} promised")
    return 0


def _section_order(sections: list[str]):
    return lambda section: (sections.index(section) if section in sections else len(sections), section)


def print_nginx_config(args) -> int:
    data = load_reference(args.data)
    codes = [locale["code"] for locale in data["locales"]]
    print(nginx_config(args.site, codes, args.listen, args.run_dir.resolve()), end="")
    return 0


def export_markdown(args) -> int:
    data = load_reference(args.data)
    codes = locale_codes(data)
    chosen = args.locale or codes
    unknown = [code for code in chosen if code not in codes]
    if unknown:
        print(f"markdown: not a locale: {', '.join(unknown)}; use one of: {', '.join(codes)}", file=sys.stderr)
        return 2
    if args.out.exists() and any(args.out.iterdir()):
        print(f"markdown: {args.out} is not empty; name a new or empty folder", file=sys.stderr)
        return 2
    project_config = read_config(PROJECT_CONFIG.read_text(encoding="utf-8"))
    for code in chosen:
        folder = args.out / code
        shutil.copytree(STATIC_DOCS, folder / DOCS_DIR, ignore=shutil.ignore_patterns("__pycache__"))
        for relative, text in locale_files(data, project_config, code).items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    example = args.out / chosen[0] / CONFIG_FILE
    print(f"wrote {len(chosen)} locale(s) to {args.out}; build one with: mkdocs build -f {example}")
    return 0


def verify_site(args) -> int:
    data = load_reference(args.data)
    if not args.site.is_dir():
        print(f"{args.site}: no such folder; build the site first", file=sys.stderr)
        return 1
    codes = locale_codes(data)
    if args.only is not None and args.only not in codes:
        print(f"verify-site: {args.only} is not a locale; use one of: {', '.join(codes)}", file=sys.stderr)
        return 2
    problems = site_problems(data, args.site, args.only)
    if problems:
        print(report(str(args.site), problems), file=sys.stderr)
        return 1
    locales = 1 if args.only else len(data["locales"])
    pages = len([page for page in page_sources(data) if args.only in (None, page.locale)])
    print(f"{args.site}: OK: {locales} locale(s), {pages} pages, each with its 404 page and search index")
    return 0


COMMANDS = {
    "check": check,
    "stale": list_stale,
    "stamp": stamp,
    "scaffold": scaffold_locale,
    "contract": update_contract,
    "nginx": print_nginx_config,
    "markdown": export_markdown,
    "verify-site": verify_site,
}

if __name__ == "__main__":
    sys.exit(main())
