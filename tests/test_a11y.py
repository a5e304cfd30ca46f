"""Accessibility beyond axe-core (tests/test_served.py): HTML_CodeSniffer,
the engine pa11y runs, over the built pages; and, in every locale, what a
screen reader or keyboard user gets from the section headings' permalinks,
the tables' captions and the example messages' names."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import markdown
import pytest

from methodref.markup import plain
from methodref.module_view import module_view

from support import LOCALES, ROOT, copy_project, locale_pages, mkdocs_env, page_dir, raw_data

HTMLCS = ROOT / ".tools" / "htmlcs" / "node_modules" / "@pa11y" / "html_codesniffer" / "build" / "HTMLCS.js"
# Every page of every locale (about 5 s a locale).
HTMLCS_LOCALES = LOCALES

# HTML_CodeSniffer's WCAG2AA run on the page: its errors and warnings, and
# how many messages it gave in all (notices too: proof that it ran). Notices
# are not findings: each asks for a manual check of one criterion on every
# page ("check that the title describes the page").
RUN_HTMLCS = """() => new Promise(done => HTMLCS.process("WCAG2AA", document, () => {
  const messages = HTMLCS.getMessages();
  done({
    total: messages.length,
    findings: messages.filter(m => m.type !== HTMLCS.NOTICE).map(m => ({
      type: m.type === HTMLCS.ERROR ? "error" : "warning",
      code: m.code.replace(/^WCAG2AA[.]/, ""),
      message: m.msg,
      element: (m.element.outerHTML || m.element.nodeName).slice(0, 160),
      rendered: m.element.nodeType !== 1 || m.element.getClientRects().length > 0,
    })),
  });
}))"""

# Findings that stay, by code, each with why: the theme's own markup, or what
# HTML_CodeSniffer cannot decide and another test checks.
CONTRAST_UNKNOWN = (
    "HTML_CodeSniffer cannot compute this contrast (a colour with transparency, an absolutely positioned "
    "element or a gradient behind the text); axe-core computes it on every page of every locale, in both "
    "colour schemes (test_served.py)"
)
ACCEPTED = {
    "Principle3.Guideline3_2.3_2_2.H32.2": (
        "Material's colour scheme toggle and search box are forms without a submit button: they act as the "
        "reader picks or types, and neither changes the context (3.2.2); the hook's empty, hidden form "
        "that keeps the drawer and search toggles closed on Back (material_html.valid_state_toggles) holds "
        "no field and is never rendered",
        lambda finding: (
            finding["element"].startswith('<form class="md-')
            or (finding["element"].startswith('<form id="__toggles"') and not finding["rendered"])
        ),
    ),
    "Principle1.Guideline1_3.1_3_1.F68": (
        "a form field that is not rendered (Material's toggle of the table of contents, display: none, on a "
        "page with no section to list): no reader meets it",
        lambda finding: not finding["rendered"],
    ),
    "Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name": (
        "the same unrendered toggle as F68",
        lambda finding: not finding["rendered"],
    ),
    "Principle1.Guideline1_3.1_3_1.H48": (
        "a paragraph of running text that links each header field or status code it names; it is no "
        "navigation that a list would structure",
        lambda finding: finding["element"].startswith("<p>"),
    ),
    "Principle1.Guideline1_3.1_3_1.H71.SameName": (
        "Material's colour scheme toggle: one radio button per scheme, each named, only one shown at a time",
        lambda finding: 'class="md-option"' in finding["element"],
    ),
    "Principle1.Guideline1_4.1_4_10.C32,C31,C33,C38,SCR34,G206": (
        "position: fixed (Material's header, drawer and search overlay); test_narrow.py shows that every page "
        "fits a 320 px screen without scrolling sideways",
        lambda finding: True,
    ),
    "Principle1.Guideline1_4.1_4_3.G18.Alpha": (CONTRAST_UNKNOWN, lambda finding: True),
    "Principle1.Guideline1_4.1_4_3.G145.Alpha": (CONTRAST_UNKNOWN, lambda finding: True),
    "Principle1.Guideline1_4.1_4_3.G18.Abs": (CONTRAST_UNKNOWN, lambda finding: True),
    "Principle1.Guideline1_4.1_4_3.G18.BgImage": (CONTRAST_UNKNOWN, lambda finding: True),
}


def accepted(finding: dict) -> bool:
    reason_and_test = ACCEPTED.get(finding["code"])
    return reason_and_test is not None and reason_and_test[1](finding)


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("code", HTMLCS_LOCALES)
def test_html_codesniffer_finds_nothing_on_any_page(tab, base_url, code):
    assert HTMLCS.exists(), f"{HTMLCS} is missing: run make test (it installs HTML_CodeSniffer with npm)"
    sniffer = HTMLCS.read_text(encoding="utf-8")
    problems = []
    for path in locale_pages(code):
        tab.goto(base_url + path)
        tab.add_script_tag(content=sniffer)
        result = tab.evaluate(RUN_HTMLCS)
        assert result["total"] > 0, f"{path}: HTML_CodeSniffer gave no message at all"
        problems += [
            f"/{path}: {finding['type']} {finding['code']}: {finding['message']}\n    {finding['element']}"
            for finding in result["findings"]
            if not accepted(finding)
        ]
    assert not problems, "\n".join(problems)


def test_accepted_findings_are_the_theme_s_or_undecidable():
    """A finding of ours stays unaccepted: bold paragraphs for headings,
    tables without a caption, unlabelled fields that readers meet."""
    ours = [
        {"code": "Principle1.Guideline1_3.1_3_1.H42", "element": "<p><strong>Request</strong></p>", "rendered": True},
        {"code": "Principle1.Guideline1_3.1_3_1.H39.3.NoCaption", "element": "<table>", "rendered": True},
        {"code": "Principle1.Guideline1_3.1_3_1.F68", "element": '<input id="x">', "rendered": True},
        {"code": "Principle1.Guideline1_3.1_3_1.H48", "element": '<div class="md-nav">', "rendered": True},
    ]
    assert not [finding for finding in ours if accepted(finding)]


# Per heading of the article: its level, id and text, and its permalink's
# target, title and text.
HEADINGS = """() => [...document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6)")].map(h => {
  const link = h.querySelector(":scope > a.headerlink");
  return {
    tag: h.tagName.toLowerCase(), id: h.id,
    href: link && link.getAttribute("href"), title: link && link.title, text: link && link.textContent,
  };
})"""


def locale_labels(code: str) -> dict:
    return next(locale for locale in raw_data()["locales"] if locale["code"] == code)["labels"]


def accessible_names(tab, roles: set[str]) -> Counter:
    """How often each (role, name) of `roles` occurs on the page, as Chromium
    hands them to screen readers (its accessibility tree)."""
    session = tab.context.new_cdp_session(tab)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    found = [(node["role"]["value"], node.get("name", {}).get("value", "")) for node in nodes if not node["ignored"]]
    return Counter((role, " ".join(name.split())) for role, name in found if role in roles)


def expected_names(code: str) -> dict[str, Counter]:
    """Per page, the names its tables and figures have, from the data: the
    POST page has every kind (query and header tables, further examples)."""
    labels = {key: plain(value) for key, value in locale_labels(code).items() if isinstance(value, str)}
    method = next(method for method in raw_data()["methods"] if method["name"] == "POST")
    further = [exchange["request"] for example in method["more_examples"] for exchange in example["exchanges"]]
    views = [module_view(request) for request in [method["example"]["request"], *further]]
    post = Counter([("table", labels["properties"]), ("table", labels["success"]), ("table", labels["failures"])])
    post.update([("table", labels["module_query"]) for view in views if view.query])
    post.update([("table", labels["module_headers"]) for view in views if view.headers])
    post.update({("figure", labels["request"]): len(views), ("figure", labels["response"]): len(views)})
    post.update({("figure", labels["example_curl"]): len(further), ("figure", labels["example_module"]): len(further)})
    post.update([("figure", labels["module_body"]) for view in views if view.body])
    return {
        "": Counter([("table", labels["comparison"])]),
        "status/": Counter(),
        "headers/": Counter(),
        "registry/": Counter([("table", labels["registry_title"])]),
        "methods/post/": post,
    }


@pytest.mark.parametrize("code", LOCALES)
def test_permalinks_table_captions_and_example_names_as_assistive_technology_gets_them(tab, base_url, code):
    """Every section heading has a permalink to itself, titled in the
    locale's words; every table and example message has its name."""
    title = locale_labels(code)["permalink"]
    problems = []
    for page, names in expected_names(code).items():
        path = page_dir(code) + page
        tab.goto(base_url + path)
        headings = tab.evaluate(HEADINGS)
        for heading in headings:
            # The page's title has none: the page's address is its link.
            permalink = (None, None, None) if heading["tag"] == "h1" else (f"#{heading['id']}", title, "¶")
            if (heading["href"], heading["title"], heading["text"]) != permalink:
                problems.append(f"/{path}: {heading}")
        if len(headings) < 2 and page != "registry/":
            problems.append(f"/{path}: no section headings")
        found = accessible_names(tab, {"table", "figure"})
        if found != names:
            problems.append(f"/{path}: tables and figures named {dict(found)}, not {dict(names)}")
        ids = tab.evaluate("[...document.querySelectorAll('[id]')].map(element => element.id)")
        problems += [f"/{path}: id {name} {count} times" for name, count in Counter(ids).items() if count > 1]
    assert not problems, "\n".join(problems)

    # On the POST page, last: a keyboard user sees the permalink it reaches,
    # and following it targets the section.
    link = tab.locator("#properties > a.headerlink")
    link.focus()
    tab.wait_for_function("() => getComputedStyle(document.querySelector('#properties > .headerlink')).opacity === '1'")
    link.press("Enter")
    tab.wait_for_url(re.compile(r"#properties$"))
    assert tab.evaluate("document.querySelector(':target').id") == "properties"


def test_python_markdown_still_lacks_caption_among_its_block_tags():
    """elements.TableCaptions adds it, so that md_in_html keeps a table's
    caption out of a paragraph; once Python-Markdown lists it, drop that."""
    assert "caption" not in markdown.Markdown().block_level_elements


def test_a_toc_without_permalinks_fails_the_build_with_the_fix(tmp_path):
    project = copy_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "      permalink: true\n" in text
    settings.write_text(text.replace("      permalink: true\n", "      permalink: false\n"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env={**mkdocs_env(), "ONLY_LOCALE": "sv"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "mkdocs.yml must enable the toc extension with permalink: true" in result.stderr
