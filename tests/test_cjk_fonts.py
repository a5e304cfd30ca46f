"""Chromium draws the Japanese, Korean and Chinese pages with fonts that have
their characters. Without a CJK font it draws boxes, and the browser tests that
measure these pages (narrow screens, tables) would measure the boxes."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from support import LOCALES, page_dir

# fontconfig's name for each CJK locale's language and script.
FONTCONFIG_LANG = {"ja": "ja", "ko": "ko", "zh-Hans": "zh-cn", "zh-Hant": "zh-tw"}
CJK_LOCALES = [code for code in LOCALES if code.split("-")[0] in ("ja", "ko", "zh")]
REMEDY = "apt-get install fonts-noto-cjk (./dev test installs it)"


def families_with(lang: str) -> set[str]:
    """The font families that fontconfig says cover `lang`."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        pytest.fail("fc-list is missing: apt-get install fontconfig (./dev test installs it)")
    listed = subprocess.run([fc_list, f":lang={lang}", "family"], capture_output=True, text=True, check=True).stdout
    return {family.strip() for line in listed.splitlines() for family in line.split(",")}


def fonts_drawing(page, selector: str) -> list[dict]:
    """The fonts Chromium drew the text of `selector`'s element with, and how many glyphs each drew."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()


def test_every_cjk_locale_is_checked():
    assert CJK_LOCALES, "no Japanese, Korean or Chinese locale left: this module checks nothing"
    assert set(CJK_LOCALES) <= set(FONTCONFIG_LANG), (
        f"add fontconfig's language of {sorted(set(CJK_LOCALES) - set(FONTCONFIG_LANG))} to FONTCONFIG_LANG"
    )


@pytest.mark.parametrize("code", CJK_LOCALES)
def test_chromium_draws_cjk_text_with_a_font_that_has_it(browser, base_url, code):
    page = browser.new_page()
    try:
        page.goto(base_url + page_dir(code))
        # The page's heading again, as the only text of one element, in the page's own fonts.
        text = page.evaluate(
            """() => {
              const probe = document.createElement("span");
              probe.id = "cjk-probe";
              probe.textContent = document.querySelector("h1").textContent;
              document.body.append(probe);
              return probe.textContent;
            }"""
        )
        fonts = fonts_drawing(page, "#cjk-probe")
    finally:
        page.close()
    wide = sum(unicodedata.east_asian_width(character) in "WF" for character in text)
    assert wide, f"the {code} heading {text!r} has no CJK character to draw"
    lang = FONTCONFIG_LANG[code]
    covering = families_with(lang)
    drawn = sum(font["glyphCount"] for font in fonts if font["familyName"] in covering)
    used = ", ".join(f"{font['familyName']} ({font['glyphCount']} glyphs)" for font in fonts)
    assert drawn >= wide, (
        f"Chromium drew the {code} heading {text!r} ({wide} CJK characters) with {used}: "
        f"{drawn} glyphs from a font with {lang} characters, so the rest are boxes. "
        f"This machine lacks a CJK font: {REMEDY}"
    )
