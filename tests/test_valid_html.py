"""Every built page is valid HTML as the W3C Nu HTML checker reads it, and the
correction that makes Material's markup valid keeps what the markup was for."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material
import pytest

import material_html
from methodref import links

from support import LOCALES, ROOT, page_dir

# Where `make vnu` (and so `make test`) installs the checker; the Makefile pins its version.
VNU_JAR = ROOT / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIAL_BASE = Path(material.__file__).parent / "templates" / "base.html"


def nu_checker() -> list[str]:
    """The command that runs the Nu HTML checker, or a failure naming what to install."""
    problems = []
    java = shutil.which("java")
    if not java:
        problems.append("Java is missing: apt-get install default-jre-headless (./dev test installs it)")
    if not VNU_JAR.exists():
        problems.append(f"The Nu HTML checker is missing ({VNU_JAR}): run make vnu (make test installs it)")
    if problems:
        pytest.fail("\n".join(problems))
    return [java, "-jar", str(VNU_JAR)]


def where(message: dict, site: Path) -> str:
    """The checked file of a message, relative to the site when it is in it."""
    path = Path(unquote(urlsplit(message.get("url", "")).path))
    return str(path.relative_to(site)) if path.is_relative_to(site) else str(path)


def test_every_built_page_is_valid_html(site, data):
    pages = sorted(site.rglob("*.html"))
    # Every kind of page is among them: each locale's pages and 404 page, the
    # help router and the redirects of the default locale's /en/ addresses.
    kinds = [site / page_dir(code) / name for code in LOCALES for name in ("index.html", "404.html")]
    kinds += [site / links.ROUTER_PATH / "index.html"]
    kinds += [site / alias.lstrip("/") / "index.html" for alias in links.default_alias_paths(data)]
    assert not set(kinds) - set(pages), sorted(set(kinds) - set(pages))
    started = time.monotonic()
    # One JVM for all pages; --errors-only as the criterion is no error.
    result = subprocess.run(
        [*nu_checker(), "--format", "json", "--stdout", "--errors-only", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    messages = json.loads(result.stdout)["messages"]
    errors = [f"{where(m, site)}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]
    print(f"Nu HTML checker: {len(pages)} pages, {len(errors)} errors, {seconds:.1f} s")
    assert not errors, f"{len(errors)} errors in {len(pages)} pages:\n" + "\n".join(errors)


def test_material_still_writes_autocomplete_on_its_checkboxes():
    """valid_state_toggles corrects these two lines of Material's template: when
    this fails, Material changed them; if they are now valid, drop the correction."""
    template = MATERIAL_BASE.read_text(encoding="utf-8")
    assert material_html.STATE_TOGGLES.search(template), (
        f"{MATERIAL_BASE} no longer writes its drawer and search toggles as material_html.STATE_TOGGLES expects. "
        "If its checkboxes lost autocomplete, remove valid_state_toggles from hooks/material_html.py and "
        "hooks/reference_pages.py; otherwise follow the new markup."
    )


def test_the_toggle_correction_fails_loudly_on_markup_it_does_not_know():
    changed = MATERIAL_BASE.read_text(encoding="utf-8").replace(' autocomplete="off"', "")
    with pytest.raises(ValueError, match="drawer and search toggles changed"):
        material_html.valid_state_toggles(changed)


# What each toggle opens, as the reader sees it.
OPENED_BY = {"drawer": ".md-sidebar--primary", "search": ".md-search__inner"}
VISIBLE_AREA = """selector => {
  const box = document.querySelector(selector).getBoundingClientRect();
  const width = Math.min(box.right, innerWidth) - Math.max(box.left, 0);
  const height = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
  return Math.max(width, 0) * Math.max(height, 0);
}"""


@pytest.mark.parametrize("toggle", sorted(OPENED_BY))
def test_the_drawer_and_the_search_are_closed_when_the_reader_comes_back(browser, base_url, toggle):
    """What Material's autocomplete="off" was for, and the form that replaces it
    does: going Back to a page restores no opened drawer or search over it."""
    context = browser.new_context(viewport={"width": 400, "height": 800})
    page = context.new_page()
    try:
        page.goto(base_url)
        page.click(f"label.md-header__button[for=__{toggle}]")
        page.wait_for_function(f"document.getElementById('__{toggle}').checked")
        page.wait_for_function(f"({VISIBLE_AREA})({json.dumps(OPENED_BY[toggle])}) > 0")
        page.goto(base_url + "methods/get/")
        page.go_back()
        page.wait_for_load_state("load")
        assert page.url == base_url
        assert not page.is_checked(f"#__{toggle}"), f"the {toggle} is open again after Back"
        assert page.evaluate(VISIBLE_AREA, OPENED_BY[toggle]) == 0, f"the {toggle} shows after Back"
    finally:
        context.close()
