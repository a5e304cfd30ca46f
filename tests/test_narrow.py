"""Readers open the reference from a help button, in a side panel or on a
phone, 320-420 px wide: no page is wider than the screen, tables fit or read
as cards, a section reached by a link sits below the header, and the
language menu shows every language and keeps the section being read."""

from __future__ import annotations

import pytest

from support import DEFAULT_LOCALE, LOCALES, locale_pages, page_dir

METHOD = "methods/patch/"
# Every page of a locale but its 404 page, relative to the locale's folder
# (the default locale's folder is the root).
PAGES = [path for path in locale_pages(DEFAULT_LOCALE) if not path.endswith("404.html")]
LISTS = ("status/", "headers/")  # entries under headings, no table
# One of each kind, for the phone widths either side of 360 px.
KINDS = ["", METHOD, "status/", "headers/", "registry/"]

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
    for path in PAGES:
        where = f"{code} /{path} at 360px"
        found = layout(page, base_url + page_dir(code) + path)
        assert_fits(found, where)
        if path not in LISTS:
            assert found["tables"], where
        for table in found["tables"]:
            if table["narrow"] == "cards":  # each row a card, each cell labelled, nothing to scroll
                assert table["display"] == "block" and table["overflow"] <= 0, (where, table)
                assert table["label"] not in (None, "none", '""'), (where, table)
            else:  # the comparison scrolls, its Method column in view
                assert table["narrow"] == "scroll" and table["firstCell"] == "sticky", (where, table)


@pytest.mark.parametrize("width", [320, 414])
@pytest.mark.parametrize("code", LOCALES)
def test_pages_fit_the_narrowest_and_widest_phones(pages, base_url, code, width):
    page = pages(width)
    for path in KINDS:
        assert_fits(layout(page, base_url + page_dir(code) + path), f"{code} /{path} at {width}px")


@pytest.mark.parametrize("code", LOCALES)
def test_wide_tables_fit_their_column(pages, base_url, code):
    page = pages(1280)
    for path in PAGES:
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


HEADER_AND_TARGET = """id => [document.querySelector(".md-header").getBoundingClientRect().bottom,
  document.getElementById(id).getBoundingClientRect().top]"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("code", LOCALES)
def test_a_section_reached_by_the_help_router_starts_below_the_header(pages, base_url, code, width):
    page = pages(width)
    page.goto(base_url + f"help/?method=patch&lang={code}&section=failures")
    page.wait_for_url(f"{base_url}{page_dir(code)}methods/patch/#failures")
    page.wait_for_load_state("load")
    header, heading = page.evaluate(HEADER_AND_TARGET, "failures")
    assert header <= heading < header + 100, (header, heading)


MENU = """() => {
  const list = document.querySelector(".md-header .md-select__list"), box = list.getBoundingClientRect();
  return {scroll: list.scrollHeight - list.clientHeight, left: box.left, right: box.right, bottom: box.bottom,
    current: [...list.querySelectorAll("[aria-current=page]")].map(a => a.hreflang),
    items: list.querySelectorAll("a[hreflang]").length};
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("code", LOCALES)
def test_the_language_menu_shows_every_language_and_marks_the_current_one(pages, base_url, width, code):
    page = pages(width)
    page.goto(base_url + page_dir(code) + METHOD)
    page.focus(".md-header .md-select a[hreflang]")  # by keyboard: focus opens it
    page.wait_for_timeout(400)  # Material's opening transition
    menu = page.evaluate(MENU)
    assert menu["items"] == len(LOCALES) and menu["current"] == [code], menu
    assert menu["scroll"] <= 0, f"a scroll box: {menu}"
    assert menu["left"] >= 0 and menu["right"] <= width and menu["bottom"] <= 800, menu


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("code", LOCALES)
def test_switching_language_after_scrolling_keeps_the_section_being_read(pages, base_url, code, width):
    target = LOCALES[(LOCALES.index(code) + 1) % len(LOCALES)]  # each locale to the next, ar to en
    page = pages(width)
    page.goto(base_url + page_dir(code) + METHOD)
    page.evaluate("""() => { const h = document.getElementById("failures");
      scrollTo(0, scrollY + h.getBoundingClientRect().top + 120); }""")
    page.focus(f".md-header .md-select a[hreflang='{target}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}{page_dir(target)}{METHOD}#failures")
    assert page.evaluate("document.documentElement.lang") == target


KEYBOARD = """() => {
  const select = document.querySelector(".md-header .md-select"), inner = select.querySelector(".md-select__inner");
  const style = getComputedStyle(inner), active = document.activeElement;
  return {open: style.visibility === "visible" && style.maxHeight !== "0px",
    expanded: select.querySelector("button").getAttribute("aria-expanded"),
    focus: active.localName === "button" && select.contains(active) ? "button" : active.hreflang || null,
    inMenu: select.contains(active)};
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("code", LOCALES)
def test_the_language_menu_answers_the_keyboard(pages, base_url, code, width):
    page = pages(width)
    page.goto(base_url + page_dir(code) + METHOD)
    order = page.eval_on_selector_all(".md-header .md-select a[hreflang]", "links => links.map(a => a.hreflang)")

    def press(key: str) -> dict:
        page.keyboard.press(key)
        return page.evaluate(KEYBOARD)

    page.focus(".md-header .md-select button")  # as Tab reaches it: Material opens the menu
    assert page.evaluate(KEYBOARD) == {"open": True, "expanded": "true", "focus": "button", "inMenu": True}
    assert press("ArrowDown")["focus"] == code, "ArrowDown goes to the current language"
    assert press("ArrowDown")["focus"] == order[(order.index(code) + 1) % len(order)]
    assert press("End")["focus"] == order[-1]
    assert press("ArrowDown")["focus"] == order[0], "the arrows go round"
    assert press("ArrowUp")["focus"] == order[-1]
    assert press("Home")["focus"] == order[0]
    closed = press("Escape")
    assert closed == {"open": False, "expanded": "false", "focus": "button", "inMenu": True}, closed
    assert press("Enter")["open"] and press("Enter") == closed, "Enter on the button opens and closes it"
    passed = press("Tab")
    assert not passed["inMenu"] and passed["expanded"] == "false", "Tab after Escape passes the languages by"
    page.focus(".md-header .md-select button")
    assert page.evaluate(KEYBOARD)["open"], "focus that comes back opens the menu again"
    assert press("Escape") == closed
    assert press(" ")["open"], "Space on the button opens it again"
