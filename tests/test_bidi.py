"""Text that readers or the data file supply cannot reorder the sentence
around it: a method name with a right-to-left override (U+202E) in a help
link is isolated in the note that names it, in every locale, at a phone's and
a desktop's width; code spans (header example values among them) are
isolated on every page."""

from __future__ import annotations

import pytest

from support import DEFAULT_LOCALE, LOCALES, page_dir

RLO, LRO = "\u202e", "\u202d"
WIDTHS = [360, 1280]

# The boxes of every character of a note's own sentence (not of the name in
# it), after putting `value` into the name's <bdi>; with `isolated` false,
# the isolation is taken away, to show what the reader would otherwise get.
SENTENCE_BOXES = """([id, value, isolated]) => {
  const note = document.getElementById(id), name = note.querySelector("bdi");
  name.textContent = value;
  for (const element of [name, name.parentElement]) element.style.unicodeBidi = isolated ? "" : "normal";
  const boxes = [], walker = document.createTreeWalker(note, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    if (name.contains(node)) continue;
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width) boxes.push([node.data[i], Math.round(box.left), Math.round(box.top)]);
    }
  }
  return boxes;
}"""

NAME = """id => { const name = document.getElementById(id).querySelector("bdi");
  return {text: name.textContent, visible: name.getClientRects().length > 0,
    isolation: getComputedStyle(name).unicodeBidi}; }"""


@pytest.fixture(scope="module")
def tabs(browser):
    opened = {}

    def at(width: int):
        if width not in opened:
            opened[width] = browser.new_context(viewport={"width": width, "height": 800}).new_page()
        return opened[width]

    yield at
    for page in opened.values():
        page.context.close()


def open_note(page, base_url: str, query: str, note: str) -> None:
    """Follow a help link through the router to the page with the note."""
    page.goto(f"{base_url}help/?{query}")
    page.wait_for_url(lambda url: note in url)
    page.wait_for_selector(f"#{note}:not([hidden])")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", LOCALES)
def test_an_override_in_an_unknown_method_name_leaves_the_note_in_order(tabs, base_url, code, width):
    page = tabs(width)
    open_note(page, base_url, f"method=%E2%80%AEabc&lang={code}", "unknown-method")
    name = page.evaluate(NAME, "unknown-method")
    assert name == {"text": RLO + "ABC", "visible": True, "isolation": "isolate"}
    shown = page.evaluate(SENTENCE_BOXES, ["unknown-method", RLO + "ABC", True])
    plain = page.evaluate(SENTENCE_BOXES, ["unknown-method", "ABC", True])
    assert shown and shown == plain, "the sentence moved around a name with a right-to-left override"
    other = page.evaluate(SENTENCE_BOXES, ["unknown-method", LRO + "ABC", True])
    assert other == plain, "the sentence moved around a name with a left-to-right override"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("code", "override"), [(DEFAULT_LOCALE, RLO), ("ar", LRO)])
def test_the_measure_sees_a_sentence_reordered_by_an_unisolated_override(tabs, base_url, code, override, width):
    """Without isolation, the override reorders the rest of the note: the
    test above would see it."""
    page = tabs(width)
    open_note(page, base_url, f"method=FETCH&lang={code}", "unknown-method")
    plain = page.evaluate(SENTENCE_BOXES, ["unknown-method", "ABC", True])
    leaked = page.evaluate(SENTENCE_BOXES, ["unknown-method", override + "ABC", False])
    assert leaked != plain


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", [DEFAULT_LOCALE, "ar"])
@pytest.mark.parametrize(
    ("query", "note"),
    [("status=%E2%80%AE499", "unknown-status"), ("header=%E2%80%AEX-Thing", "unknown-header")],
)
def test_an_override_in_an_unknown_status_or_header_leaves_the_note_in_order(tabs, base_url, code, query, note, width):
    page = tabs(width)
    open_note(page, base_url, f"{query}&lang={code}", note)
    name = page.evaluate(NAME, note)
    assert name["text"].startswith(RLO) and name["isolation"] == "isolate", name
    shown = page.evaluate(SENTENCE_BOXES, [note, name["text"], True])
    plain = page.evaluate(SENTENCE_BOXES, [note, name["text"][1:], True])
    assert shown and shown == plain


@pytest.mark.parametrize("code", [DEFAULT_LOCALE, "ar"])
def test_code_spans_are_isolated_in_both_directions(tabs, base_url, code):
    page = tabs(1280)
    page.goto(f"{base_url}{page_dir(code)}headers/")
    styles = page.eval_on_selector_all("article li code", "codes => codes.map(c => getComputedStyle(c).unicodeBidi)")
    assert styles and set(styles) == {"isolate"}
