"""Text from the data reaches the page as text: escaping and curl."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from methodref.curl import curl_command
from methodref.markup import escape, fence, inline, one_line, paragraphs

EXTENSIONS = ["attr_list", "tables", "toc", "pymdownx.superfences"]


def render(source: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(source, extensions=EXTENSIONS), "html.parser")


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "<javascript:alert(1)>",
        "Heading { onclick=alert(1) }",
        "*emphasis* _x_ **bold** ~~gone~~",
        "1. not a list",
        "- not a list",
        "# not a heading",
        "&lt;script&gt; stays as typed",
        "&#123; and {200} stay as typed",
        "[200 OK](javascript:alert(1)) <b>404</b> Not Found",
        "200 OK",
    ],
)
def test_hostile_text_shows_exactly_as_written(hostile):
    page = render(f"{inline(hostile)}\n\n## {inline(hostile)} {{ #fixed }}")
    assert page.find("script") is None
    assert page.find("img") is None
    assert page.find("a") is None
    assert page.find(["em", "strong", "ol", "ul", "h1", "del"]) is None
    paragraph, heading = page.find("p"), page.find("h2")
    assert paragraph.get_text() == hostile
    assert heading.get_text() == hostile
    assert heading.attrs == {"id": "fixed"}


def test_a_pipe_stays_inside_its_table_cell():
    row = f"| {inline('a | b')} | {inline('`x|y`')} |"
    page = render(f"| one | two |\n|---|---|\n{row}\n")
    cells = page.find("tbody").find_all("td")
    assert [cell.get_text() for cell in cells] == ["a | b", "x|y"]


def test_backticks_make_code_and_nothing_else():
    page = render(inline('Send `If-Match: "v1"` and <b>not</b> this'))
    assert [code.get_text() for code in page.find_all("code")] == ['If-Match: "v1"']
    assert page.find("b") is None


def mentions(text: str) -> list[str]:
    return [bdi.get_text() for bdi in render(inline(text)).find_all("bdi", dir="ltr")]


def test_status_mentions_read_left_to_right_with_their_reason_phrase():
    assert mentions("A retry can get 412 Precondition Failed, 204 No Content or any 2xx code.") == [
        "412 Precondition Failed",
        "204 No Content",
        "2xx",
    ]
    assert mentions("422 Unprocessable Content for a patch it cannot apply") == ["422 Unprocessable Content"]
    assert mentions("يجيب بالرمز 201 Created مع ترويسة، و202 Accepted عندما") == ["201 Created", "202 Accepted"]
    assert mentions("任何 2xx 状态码；通常是 200。") == ["2xx", "200"]


def test_numbers_that_are_no_status_stay_as_they_are():
    assert mentions("RFC 9110 §15.3.1, in 2026, via port 3128, 200er, 600 and 0xx") == []


def test_code_spans_keep_their_status_lines_whole():
    page = render(inline("Answers `HTTP/1.1 200 OK` and then 200 OK."))
    assert [code.get_text() for code in page.find_all("code")] == ["HTTP/1.1 200 OK"]
    assert [bdi.get_text() for bdi in page.find_all("bdi")] == ["200 OK"]


def test_paragraphs_split_on_blank_lines_and_join_lines():
    assert paragraphs("one\ntwo\n\n  \nthree\n") == ["one two", "three"]


def test_escape_keeps_ordinary_punctuation_readable():
    assert escape("a.b-c, d: e/f? 100%") == "a.b-c, d: e/f? 100%"


def test_fence_outlasts_backticks_in_the_code():
    block = fence("a ```` b", "http")
    assert block.startswith("````` http\n") and block.endswith("\n`````")


def test_curl_for_a_request_with_content():
    request = 'PATCH /orders/42 HTTP/1.1\nHost: api.example.com\nContent-Type: application/json\n\n{"a": 1}\n'
    assert curl_command(request) == (
        "curl --include \\\n"
        "  --request PATCH \\\n"
        "  https://api.example.com/orders/42 \\\n"
        "  --header 'Content-Type: application/json' \\\n"
        "  --data-binary '{\"a\": 1}'"
    )


def test_curl_leaves_content_length_to_curl():
    request = "PUT /w/1 HTTP/1.1\nHost: api.example.com\nContent-Type: text/plain\nContent-Length: 2\n\nhi\n"
    assert curl_command(request) == (
        "curl --include \\\n"
        "  --request PUT \\\n"
        "  https://api.example.com/w/1 \\\n"
        "  --header 'Content-Type: text/plain' \\\n"
        "  --data-binary hi"
    )


def test_curl_for_head_and_connect():
    assert curl_command("HEAD /f HTTP/1.1\nHost: h.example\n") == "curl --head \\\n  https://h.example/f"
    connect = "CONNECT h.example:443 HTTP/1.1\nHost: h.example:443\n"
    assert curl_command(connect, "http://proxy.example:3128") == (
        "curl --proxytunnel \\\n  --proxy http://proxy.example:3128 \\\n  https://h.example:443/"
    )


def test_no_break_spaces_survive_and_line_breaks_become_spaces():
    # French puts a no-break space before ":" and inside guillemets; the YAML's own
    # line breaks and indentation are only layout.
    text = "Le champ\u00a0: «\u00a0Méthode\u00a0»\n   suivant\u202f?"
    assert inline(text) == "Le champ\u00a0: «\u00a0Méthode\u00a0» suivant\u202f?"


def test_every_run_of_spaces_tabs_and_line_breaks_becomes_one_space():
    # one_line leaves a single space as it is and replaces every other run.
    assert one_line(" a \t b\n\n  c  d\te\r\nf g \n") == "a b c d e f g"
    assert one_line("\tkeep\u00a0\u00a0two no-break\n") == "keep\u00a0\u00a0two no-break"
