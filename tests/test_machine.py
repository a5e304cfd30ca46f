"""The site for machines: Markdown twins, llms.txt, robots.txt, the
sitemap's x-default alternates and the 404 pages' own title and description.
Pure functions first, then the built site."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urlsplit

import pytest

import material_html
from methodref import machine
from methodref.markup import fence, inline, plain
from methodref.render import page_sources

from support import DEFAULT_LOCALE, LOCALES, heading_text, page_dir, soup

SITE = "https://http-methods.example.net/"
SITE_HOST = "http-methods.example.net"
FENCED = re.compile(r"^(`{3,}) [\w-]+\n.*?\n\1$", re.DOTALL | re.MULTILINE)
# - [Title](url): summary
LLMS_ITEM = re.compile(r"^- \[(?P<title>(?:[^\]\\]|\\.)+)\]\((?P<url>[^)\s]+)\): (?P<summary>\S.*)$")
MARKDOWN_LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def outside_fences(text: str) -> str:
    return FENCED.sub("", text)


def source_of(data, code, kind="method", method=None):
    return next(p for p in page_sources(data) if p.locale == code and p.kind == kind and p.method == method)


# Pure functions


def test_twin_paths_follow_the_page_urls(data):
    assert machine.twin_path(data, "sv/methods/get.md") == "sv/methods/get/index.md"
    assert machine.twin_path(data, f"{DEFAULT_LOCALE}/methods/get.md") == "methods/get/index.md"
    assert machine.twin_path(data, "sv/index.md") == "sv/index.md"
    assert machine.twin_path(data, f"{DEFAULT_LOCALE}/status.md") == "status/index.md"
    assert machine.llms_path(data, "sv") == "sv/llms.txt"
    assert machine.llms_path(data, DEFAULT_LOCALE) == "llms.txt"


@pytest.mark.parametrize("code", ["en", "sv", "ar", "ja"])
def test_a_method_twin_is_plain_markdown_with_absolute_links(data, code):
    text = machine.twin(data, source_of(data, code, method="PATCH"), SITE)
    assert text.startswith("# PATCH\n\n")
    rest = outside_fences(text)
    assert not re.search(r"</?[a-z][^>]*>", rest), "HTML left outside code blocks"
    assert "&#" not in rest and "{ #" not in rest and "---\n" not in text.split("\n# ")[0]
    assert "| --- |" in rest.replace("|---|", "| --- |"), "tables are kept"
    assert "[`If-Match`](" in rest, "code spans are kept, in their links"
    for url in MARKDOWN_LINK.findall(rest):
        assert urlsplit(url).scheme == "https", url
        assert ".md" not in urlsplit(url).path, url
    home = f"{SITE}{page_dir(code)}"
    assert f"]({home}status/#412)" in rest
    assert f"]({home}headers/#if-match)" in rest


def test_twin_keeps_the_examples_exactly(data):
    method = next(m for m in data["methods"] if m["name"] == "PATCH")
    text = machine.twin(data, source_of(data, "sv", method="PATCH"), SITE)
    assert fence(method["example"]["request"], "http") in text
    assert fence(method["example"]["response"], "http") in text


def test_twins_leave_out_hidden_notes_and_keep_visible_ones(data):
    overview = machine.twin(data, source_of(data, "en", kind="overview"), SITE)
    assert "<code></code>" not in overview and "unknown-method" not in overview
    for method in data["methods"]:
        if method["notes"]:
            text = machine.twin(data, source_of(data, "en", method=method["name"]), SITE)
            assert f"> **{data['locales'][0]['labels']['note']}**: " in text
            break
    else:
        pytest.skip("no method has a note")


def test_the_registry_table_becomes_a_markdown_table(data):
    text = machine.twin(data, source_of(data, "de", kind="registry"), SITE)
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(data["registry"]["methods"])
    get = next(row for row in rows if row.startswith("| `GET` |"))
    assert f"[GET]({SITE}de/methods/get/)" in get
    assert f"({SITE}de/#term-safe)" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("[click](javascript:alert(1))", r"\[click\](javascript:alert(1))"),
        ("*emphasis* _x_", r"\*emphasis\* \_x\_"),
        ("1. not a list", r"1\. not a list"),
        ("- not a list", r"\- not a list"),
        ("# not a heading", r"\# not a heading"),
        ("&lt;script&gt; stays as typed", r"\&lt;script\&gt; stays as typed"),
        ("&#123; and {200}", r"\&#123; and {200}"),
        ("Q & A, 1. December, a-b (c)", "Q & A, 1. December, a-b (c)"),
        ("`a|b` and `x`", "`a|b` and `x`"),
    ],
)
def test_text_stays_text_in_a_twin(text, expected):
    assert machine.plain_markdown(inline(text), lambda target: target, SITE) == expected


def test_code_span_outlasts_backticks():
    assert machine.code_span("a`b") == "``a`b``"
    assert machine.code_span("`") == "`` ` ``"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("One sentence. Another one.", "One sentence."),
        ("Ends with `code`. Then more", "Ends with `code`."),
        ("No end", "No end"),
        ("最初の文です。次の文です。", "最初の文です。"),
        ("ما هذا؟ هذا نص.", "ما هذا؟"),
        ("Version 1.2 is\nfine. Next.", "Version 1.2 is fine."),
    ],
)
def test_first_sentence(text, first):
    assert machine.first_sentence(text) == first


@pytest.mark.parametrize("code", ["en", "sv", "zh-Hans", "ar"])
def test_llms_txt_follows_the_convention(data, code):
    text = machine.llms_txt(data, code, SITE, other_locales=code == DEFAULT_LOCALE)
    locale = next(locale for locale in data["locales"] if locale["code"] == code)
    blocks = text.split("\n\n")
    assert blocks[0] == f"# {plain(locale['labels']['site_name'])}"
    assert blocks[1].startswith("> ") and "\n" not in blocks[1]
    sections = [block for block in blocks[2:] if block.startswith("## ")]
    lists = [block for block in blocks[2:] if block.startswith("- ")]
    assert len(sections) == len(lists) == (3 if code == DEFAULT_LOCALE else 2)
    items = [LLMS_ITEM.match(line) for block in lists for line in block.splitlines()]
    assert all(items), [line for block in lists for line in block.splitlines()]
    pages = [item for item in items if item["url"].endswith("/index.md")]
    assert len(pages) == 4 + len(data["methods"])
    assert all(item["url"].startswith(f"{SITE}{page_dir(code)}") for item in pages)
    methods = {item["title"]: item["summary"] for item in pages}
    get = next(m for m in data["methods"] if m["name"] == "GET")
    assert methods["GET"] == machine.first_sentence(get["text"][code]["summary"])
    if code == DEFAULT_LOCALE:
        assert sections[-1] == "## Optional"
        assert len(items) - len(pages) == len(data["locales"]) - 1


def test_robots_txt_allows_everything_and_names_the_sitemap():
    assert machine.robots_txt(SITE) == f"User-agent: *\nAllow: /\n\nSitemap: {SITE}sitemap.xml\n"
    assert machine.robots_txt("https://example.org/docs").endswith("Sitemap: https://example.org/docs/sitemap.xml\n")


SITEMAP = """<urlset>
    <url>
        <loc>https://x/</loc>
        <xhtml:link rel="alternate" hreflang="en" href="https://x/"/>
        <xhtml:link rel="alternate" hreflang="sv" href="https://x/sv/"/>
    </url>
    <url>
        <loc>https://x/alone/</loc>
    </url>
</urlset>"""


def test_sitemap_gains_x_default_where_there_are_alternates():
    result = machine.sitemap_with_x_default(SITEMAP, "en")
    assert result == SITEMAP.replace(
        '"https://x/sv/"/>\n',
        '"https://x/sv/"/>\n        <xhtml:link rel="alternate" hreflang="x-default" href="https://x/"/>\n',
    )
    assert machine.sitemap_with_x_default(result, "en") == result


def test_not_found_page_gets_its_own_title_and_description():
    page = (
        '<head><meta name="description" content="The site.">\n<title>Site</title></head>'
        "<body><h1>404 - Not found</h1></body>"
    )
    methods = [("GET", "/methods/get/"), ("A<B", "/x?a=1&b=2")]
    result = material_html.localize_not_found(page, "Gone <here>", "No page.", "Home", "/", "Site & co", "All", methods)
    assert "<title>Gone &lt;here&gt; - Site &amp; co</title>" in result
    assert '<meta name="description" content="No page.">' in result
    assert '<li><a href="/x?a=1&amp;b=2">A&lt;B</a></li>' in result
    with pytest.raises(ValueError):
        material_html.localize_not_found(page.replace("<title>Site</title>", ""), "t", "x", "l", "/", "s", "m", [])


# The built site


def html_pages(site):
    """Every reader's page: no redirects (/en/), no router (/help/)."""
    skip = (f"{DEFAULT_LOCALE}/", "help/")
    return [path for path in sorted(site.rglob("index.html")) if not path.relative_to(site).as_posix().startswith(skip)]


def test_every_page_has_its_twin_with_its_heading(site, data):
    pages = html_pages(site)
    assert len(pages) == len(page_sources(data))
    for path in pages:
        twin = path.with_name("index.md")
        assert twin.exists(), twin
        heading = heading_text(soup(path).select_one("article h1"))
        first = twin.read_text(encoding="utf-8").splitlines()[0]
        assert re.sub(r"\\(.)", r"\1", first) == f"# {heading}", path


def test_twin_links_into_the_site_resolve(site):
    broken, ids = [], {}
    for twin in sorted(site.rglob("index.md")):
        for url in MARKDOWN_LINK.findall(outside_fences(twin.read_text(encoding="utf-8"))):
            parts = urlsplit(url)
            if parts.hostname != SITE_HOST:
                continue
            target = site / parts.path.lstrip("/") / "index.html"
            if not target.exists():
                broken.append(f"{twin}: {url}")
                continue
            if parts.fragment:
                if target not in ids:
                    ids[target] = {tag["id"] for tag in soup(target).select("[id]")}
                if parts.fragment not in ids[target]:
                    broken.append(f"{twin}: {url} (no #{parts.fragment})")
    assert not broken, "\n".join(broken[:30])


@pytest.mark.parametrize("code", LOCALES)
def test_llms_txt_lists_every_page_of_its_locale(site, code):
    text = (site / page_dir(code) / "llms.txt").read_text(encoding="utf-8")
    listed = set()
    for line in text.splitlines():
        item = LLMS_ITEM.match(line)
        if item:
            path = urlsplit(item["url"]).path.lstrip("/")
            assert (site / path).exists(), item["url"]
            listed.add(path)
    others = [f"{other}/" for other in LOCALES if other != DEFAULT_LOCALE]
    own = {
        path.relative_to(site).with_name("index.md").as_posix()
        for path in html_pages(site)
        if (
            path.relative_to(site).as_posix().startswith(page_dir(code))
            if page_dir(code)
            else not path.relative_to(site).as_posix().startswith(tuple(others))
        )
    }
    assert own and own <= listed


def test_robots_txt_names_the_sitemap(site):
    text = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *\nAllow: /\n" in text
    assert f"Sitemap: {SITE}sitemap.xml" in text.splitlines()
    assert (site / "sitemap.xml").exists()


def test_sitemap_names_the_default_locale_as_x_default(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>.*?</url>", sitemap, re.DOTALL)
    with_alternates = [entry for entry in entries if "hreflang=" in entry]
    assert with_alternates
    for entry in with_alternates:
        default = re.search(rf'hreflang="{DEFAULT_LOCALE}" href="([^"]+)"', entry)[1]
        assert re.findall(r'hreflang="x-default" href="([^"]+)"', entry) == [default], entry
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


@pytest.mark.parametrize("code", LOCALES)
def test_404_pages_have_their_own_title_and_description(site, data, code):
    labels = next(locale for locale in data["locales"] if locale["code"] == code)["labels"]
    page = soup(site / page_dir(code) / "404.html")
    assert page.title.get_text() == f"{labels['not_found_title']} - {labels['site_name']}"
    assert page.find("meta", attrs={"name": "description"})["content"] == labels["not_found_text"]
    home = soup(site / page_dir(code) / "index.html")
    assert page.title.get_text() != home.title.get_text()
    assert page.find("meta", attrs={"name": "description"})["content"] != labels["site_description"]
