"""The way off MkDocs 1.x (TOOLCHAIN.md): ProperDocs builds the same site,
the Markdown export builds one locale with no hook, and the output guard
fails any build that lacks a locale or a page, whatever the engine."""

from __future__ import annotations

import difflib
import gzip
import importlib.metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from methodref.export import locale_config, read_config
from reference_pages import language_settings

from support import DEFAULT_LOCALE, LOCALES, METHODS, ROOT, copy_project, mkdocs_env

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')
LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")
# Per locale: its overview, a page per method, status, headers and registry.
PAGES_PER_LOCALE = 1 + len(METHODS) + 3


def methodref(*args: str) -> subprocess.CompletedProcess:
    """`python -m methodref ...` as a maintainer runs it from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "methodref", *args],
        cwd=ROOT,
        env={**mkdocs_env(), "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True,
        text=True,
        timeout=120,
    )


def engine_build(
    engine: str, config: Path, site_dir: Path, pythonpath: Path | None = None
) -> subprocess.CompletedProcess:
    """`<engine> build --strict` of a configuration, no ONLY_LOCALE."""
    env = mkdocs_env()
    env.pop("ONLY_LOCALE", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def comparable(path: Path) -> bytes | str:
    """A built file as the comparison sees it: build dates (sitemap lastmod)
    and the generator's name and version left out, nothing else."""
    if path.name.endswith(".gz"):
        return LASTMOD.sub("<lastmod/>", gzip.decompress(path.read_bytes()).decode("utf-8"))
    if path.suffix == ".xml":
        return LASTMOD.sub("<lastmod/>", path.read_text(encoding="utf-8"))
    if path.suffix == ".html":
        return GENERATOR.sub('<meta name="generator">', path.read_text(encoding="utf-8"))
    return path.read_bytes()


def files_of(site: Path) -> set[str]:
    return {str(path.relative_to(site)) for path in site.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = engine_build("properdocs", ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


def test_properdocs_builds_the_same_site_as_mkdocs(site, properdocs_site):
    assert files_of(properdocs_site) == files_of(site)
    differences = []
    for relative in sorted(files_of(site)):
        ours, theirs = comparable(site / relative), comparable(properdocs_site / relative)
        if ours == theirs:
            continue
        if isinstance(ours, bytes):
            differences.append(f"{relative}: the bytes differ")
            continue
        diff = difflib.unified_diff(ours.splitlines(), theirs.splitlines(), "mkdocs", "properdocs", n=0, lineterm="")
        differences.append(f"{relative}:\n" + "\n".join(list(diff)[2:8]))
    assert not differences, f"{len(differences)} file(s) differ:\n" + "\n".join(differences)


def test_the_properdocs_build_ran_on_properdocs(site, properdocs_site):
    """What the comparison leaves out is what shows that two engines ran."""
    page = "sv/methods/get/index.html"
    properdocs = GENERATOR.search((properdocs_site / page).read_text(encoding="utf-8"))[1]
    mkdocs = GENERATOR.search((site / page).read_text(encoding="utf-8"))[1]
    assert f"ProperDocs {importlib.metadata.version('properdocs')}" in properdocs
    assert f"mkdocs-{importlib.metadata.version('mkdocs')}," in mkdocs


def test_the_output_guard_accepts_the_properdocs_build(properdocs_site):
    result = methodref("verify-site", str(properdocs_site))
    assert result.returncode == 0, result.stderr
    assert f"OK: {len(LOCALES)} locale(s)" in result.stdout


def page_outline(site: Path, relative: str) -> tuple[str, list[str]]:
    """A page's title (h1) and its section ids (h2, h3), as a reader's links see them."""
    page = BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article")
    return article.select_one("h1").get_text(strip=True), [h["id"] for h in article.select("h2[id], h3[id]")]


def test_the_markdown_export_builds_one_locale_with_plain_mkdocs(site, tmp_path):
    export = tmp_path / "export"
    result = methodref("markdown", "--out", str(export), "--locale", "sv")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in export.iterdir()) == ["sv"]
    config = yaml.safe_load((export / "sv" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config
    assert [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]] == ["search"]

    built = tmp_path / "site"
    # Strict: every link between pages resolves. The export's mkdocs.yml names
    # two Markdown extensions of the checkout (PYTHONPATH=hooks).
    result = engine_build("mkdocs", export / "sv" / "mkdocs.yml", built, pythonpath=ROOT / "hooks")
    assert result.returncode == 0, result.stderr
    assert "i18n" not in result.stderr

    hook_pages = {str(p.relative_to(site / "sv")) for p in (site / "sv").rglob("index.html")}
    plain_pages = {str(p.relative_to(built)) for p in built.rglob("index.html")}
    assert plain_pages == hook_pages
    assert len(plain_pages) == PAGES_PER_LOCALE
    outlines = {page: (page_outline(built, page), page_outline(site / "sv", page)) for page in sorted(hook_pages)}
    assert {page: plain for page, (plain, _) in outlines.items()} == {
        page: hook for page, (_, hook) in outlines.items()
    }
    html = (built / "methods" / "get" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html

    guarded = methodref("verify-site", str(built), "--only", "sv")
    assert guarded.returncode == 0, guarded.stderr


def test_the_export_configures_each_locale_as_the_hook_configures_i18n(data):
    """The navigation, names and theme language the hook hands
    mkdocs-static-i18n are the ones the export writes out."""
    project = read_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))

    def settings(source: dict) -> dict:
        return {
            "nav": source["nav"],
            "site_name": source["site_name"],
            "site_description": source["site_description"],
            "theme.language": source["theme"]["language"],
            "toggles": [entry["toggle"]["name"] for entry in source["theme"]["palette"]],
        }

    for index, locale in enumerate(data["locales"]):
        exported = settings(locale_config(data, project, locale["code"]))
        assert exported == settings(language_settings(locale, index == 0, data["methods"])), locale["code"]


def test_the_markdown_export_refuses_a_folder_in_use(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = methodref("markdown", "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"markdown: {tmp_path} is not empty; name a new or empty folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


REMEDY = (
    "The engine ignored the hook (hooks/reference_pages.py) or the i18n plugin: build with MkDocs 1.6 "
    "(make build) or ProperDocs 1.6; see TOOLCHAIN.md."
)


def test_the_output_guard_accepts_the_mkdocs_build(site):
    result = methodref("verify-site", str(site))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"{site}: OK: {len(LOCALES)} locale(s), {len(LOCALES) * (PAGES_PER_LOCALE)} pages, "
        "each with its 404 page and search index\n"
    )


def test_the_output_guard_lists_every_missing_locale_and_page(site, tmp_path):
    damaged = tmp_path / "site"
    shutil.copytree(site, damaged)
    shutil.rmtree(damaged / "de")
    (damaged / "sv" / "methods" / "get" / "index.html").unlink()
    (damaged / "fi" / "search" / "search_index.json").unlink()
    replace_in(damaged / "nl" / "status" / "index.html", '<html lang="nl"', '<html lang="en"')
    replace_in(damaged / "pt-BR" / "status" / "index.html", '<html lang="pt-BR"', '<html lang="pt"')  # less precise
    replace_in(damaged / "zh-Hant" / "headers" / "index.html", '<html lang="zh-Hant"', '<html lang="zh-Hans"')
    replace_in(damaged / "ar" / "registry" / "index.html", '<html lang="ar" dir="rtl"', '<html lang="ar" dir="ltr"')

    result = methodref("verify-site", str(damaged))

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{damaged} is not the whole site: 6 problem(s)",
        "  sv/methods/get/index.html: missing (locale sv)",
        f"  de/: locale de missing (none of its {PAGES_PER_LOCALE} pages)",
        "  fi/search/search_index.json: missing (locale fi)",
        '  nl/status/index.html: lang="en", expected "nl"',
        '  zh-Hant/headers/index.html: lang="zh-Hans", expected "zh-Hant"',
        '  ar/registry/index.html: dir="ltr", expected "rtl"',
        REMEDY,
    ]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_engine_that_ignores_the_hook_and_i18n_does_not_build_green(tmp_path):
    """As an engine that reads mkdocs.yml but runs neither the hook nor the
    i18n plugin would build it: the guard names every locale."""
    project = copy_project(tmp_path / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    del config["hooks"]
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "i18n" in p)]
    config["site_url"] = "https://http-methods.example.net/"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = tmp_path / "site"
    built = engine_build("mkdocs", project / "mkdocs.yml", site)
    assert built.returncode == 0, built.stderr  # green, and nearly empty

    result = methodref("verify-site", str(site))

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == REMEDY
    assert lines[1:-1] == [
        f"  {code}/: locale {code} missing (none of its {PAGES_PER_LOCALE} pages)"
        if code != DEFAULT_LOCALE
        # Material writes a 404 page and a search index at the root on its own.
        else f"  /: locale {code} missing (none of its {PAGES_PER_LOCALE} pages)"
        for code in LOCALES
    ]
