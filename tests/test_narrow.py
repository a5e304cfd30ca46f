"""Readers open the reference from a help button, in a side panel or on a
phone, 320-420 px wide: no page is wider than the screen, tables fit or read
as cards, a section reached by a link sits below the header, and the
language menu shows every language and keeps the section being read."""

from __future__ import annotations

import pytest

from support import LOCALES, page_dir

METHOD = "methods/patch/"
FEW = ["en", "fi", "ar", "ja"]  # long words, right to left, CJK

# What a page's layout does to the width: the document's, and each table's.
LAYOUT = """() => ({
  documentWidth: document.documentElement.scrollWidth,
  viewport: innerWidth,
  tables: [...document.querySelectorAll("article table")].map(t => {
    const box = t.getBoundingClientRect(), cell = t.querySelector("tbody td");
    return {
      narrow: t.dataset.narrow,
      overflow: t.scrollWidth - t.clientWidth,
      left: box.left, right: box.right,
      display: getComputedStyle(t).display,
      label: cell ? getComputedStyle(cell, "::before").content : null,
      firstCell: cell ? getComputedStyle(cell).position : null,
    };
  }),
})"""


@pytest.fixture(scope="module")
def pages(browser):
    """One tab per width, shared by the module's tests (loading is the cost)."""
    contexts = {}

    def at(width: int):
        if width not in contexts:
            context = browser.new_context(viewport={"width": width, "height": 800})
            contexts[width] = context.new_page()
        return contexts[width]

    yield at
    for page in contexts.values():
        page.context.close()


def layout(page, url: str) -> dict:
    page.goto(url)
    return page.evaluate(LAYOUT)


def assert_fits(found: dict, where: str) -> None:
    assert found["documentWidth"] <= found["viewport"], f"{where}: {found['documentWidth']}px wide"
    for table in found["tables"]:
        assert table["left"] >= 0 and table["right"] <= found["viewport"], (where, table)


@pytest.mark.parametrize("code", LOCALES)
def test_narrow_pages_fit_the_screen_their_tables_read_as_cards(pages, base_url, code):
    page = pages(360)
    for path in ("", METHOD):
        where = f"{code} /{path} at 360px"
        found = layout(page, base_url + page_dir(code) + path)
        assert_fits(found, where)
        assert found["tables"], where
        for table in found["tables"]:
            if table["narrow"] == "cards":  # each row a card, each cell labelled, nothing to scroll
                assert table["display"] == "block" and table["overflow"] <= 0, (where, table)
                assert table["label"] not in (None, "none", '""'), (where, table)
            else:  # the comparison scrolls, its Method column in view
                assert table["narrow"] == "scroll" and table["firstCell"] == "sticky", (where, table)


@pytest.mark.parametrize("width", [320, 414])
@pytest.mark.parametrize("code", FEW)
def test_pages_fit_the_narrowest_and_widest_phones(pages, base_url, code, width):
    page = pages(width)
    for path in ("", METHOD, "status/", "registry/"):
        assert_fits(layout(page, base_url + page_dir(code) + path), f"{code} /{path} at {width}px")


@pytest.mark.parametrize("code", LOCALES)
def test_wide_tables_fit_their_column(pages, base_url, code):
    page = pages(1280)
    for path in ("", METHOD):
        found = layout(page, base_url + page_dir(code) + path)
        assert_fits(found, f"{code} /{path}")
        assert all(table["overflow"] <= 0 for table in found["tables"]), (code, path, found["tables"])


def test_the_comparison_shows_there_is_more_to_scroll(pages, base_url):
    page = pages(360)
    page.goto(base_url + "fi/")
    background = page.eval_on_selector("table[data-narrow=scroll]", "t => getComputedStyle(t).backgroundImage")
    assert background.count("linear-gradient") == 4  # two shadows, two covers that scroll away
    page.eval_on_selector("table[data-narrow=scroll]", "t => { t.scrollLeft = 200; }")
    first, second = page.eval_on_selector(
        "table[data-narrow=scroll] tbody tr",
        "r => [...r.cells].slice(0, 2).map(c => c.getBoundingClientRect().left)",
    )
    assert first >= 0 and second < first, "the Method column stays in view as the others pass under it"
