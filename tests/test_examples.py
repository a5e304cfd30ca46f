"""The example messages: read by HTTP/1.1 peers (h11) exactly as the pages
show them, framed by Content-Length, and checked by the data check."""

from __future__ import annotations

import functools
import json
import re

import h11
import pytest

from methodref.http_message import wire_parts
from methodref.loader import load_text
from methodref.render import render_method
from methodref.validate import SCHEMA_FILE, validate

from support import DATA_FILE, METHODS, raw_data

FILE = "data/methods.yml"


def example(name: str) -> dict:
    return next(method["example"] for method in raw_data()["methods"] if method["name"] == name)


def read_message(connection: h11.Connection) -> tuple[h11.Request | h11.Response, bytes]:
    """The head and the content of the next message, which must end without
    the connection closing: its framing alone says where it ends."""
    start = connection.next_event()
    content = b""
    event = connection.next_event()
    while type(event) is h11.Data:
        content += event.data
        event = connection.next_event()
    # A 2xx to CONNECT ends at its head; the tunnel follows.
    assert type(event) is h11.EndOfMessage or connection.their_state is h11.SWITCHED_PROTOCOL
    assert connection.trailing_data == (b"", False)
    return start, content


def read_request(name: str) -> tuple[h11.Request, bytes]:
    server = h11.Connection(h11.SERVER)
    server.receive_data(b"".join(wire_parts(example(name)["request"])))
    return read_message(server)


@pytest.mark.parametrize("name", METHODS)
def test_a_server_reads_the_request_as_shown(name):
    request, content = read_request(name)
    assert request.method == name.encode()
    assert content == wire_parts(example(name)["request"])[1]


@pytest.mark.parametrize("name", METHODS)
def test_a_client_reads_the_response_as_shown(name):
    request, request_content = read_request(name)
    client = h11.Connection(h11.CLIENT)
    client.send(h11.Request(method=request.method, target=request.target, headers=request.headers))
    client.send(h11.Data(data=request_content))
    client.send(h11.EndOfMessage())
    client.receive_data(b"".join(wire_parts(example(name)["response"])))
    response, content = read_message(client)
    assert type(response) is h11.Response
    assert content == wire_parts(example(name)["response"])[1]


@pytest.mark.parametrize("name", METHODS)
def test_the_curl_command_leaves_content_length_to_curl(name):
    page = render_method(raw_data(), name, "en")
    commands = re.findall(r"^```+ sh\n(.*?)^```", page, flags=re.MULTILINE | re.DOTALL)
    assert commands, "the page shows no curl command"
    for command in commands:  # every example's, the extra examples' too
        assert "content-length" not in command.lower()


@functools.cache
def _problems(text: str) -> list:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return validate(load_text(text), schema, FILE)


def new_problems(lines: list[str]) -> list[str]:
    """The problems the changed lines add to those of the data file as it is
    (which, while translations are redone, include stale ones)."""
    known = {(problem.subject, problem.message) for problem in _problems(DATA_FILE.read_text(encoding="utf-8"))}
    return [str(p) for p in _problems("".join(lines)) if (p.subject, p.message) not in known]


def example_lines(name: str) -> tuple[list[str], int, int]:
    """The data file's lines, and the indexes of the lines 'request: |' and
    'response: |' of the method's example."""
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - name: {name}\n")
    request = lines.index("      request: |\n", start)
    return lines, request, lines.index("      response: |\n", request)


def test_a_post_request_without_content_length_is_reported():
    lines, request, _response = example_lines("POST")
    length = lines.index("        Content-Length: 59\n", request)
    del lines[length]
    assert new_problems(lines) == [
        f"{FILE}:{request + 1}: POST.example.request: the request has content but no Content-Length, "
        "so HTTP/1.1 reads it as a request without content (add 'Content-Length: 59' after Content-Type)"
    ]


def test_a_wrong_content_length_is_reported():
    lines, _request, response = example_lines("PATCH")
    length = lines.index("        Content-Length: 33\n", response)
    lines[length] = "        Content-Length: 32\n"
    assert new_problems(lines) == [
        f"{FILE}:{response + 1}: PATCH.example.response: Content-Length is 32, but the content is 33 bytes "
        "(write 'Content-Length: 33')"
    ]


def test_content_on_the_204_response_to_delete_is_reported():
    lines, _request, response = example_lines("DELETE")
    assert lines[response + 1] == "        HTTP/1.1 204 No Content\n"
    lines[response + 2 : response + 2] = ["\n", '        {"deleted": 12}\n']
    assert new_problems(lines) == [
        f"{FILE}:{response + 1}: DELETE.example.response: content on a 204 response to DELETE, "
        "which HTTP/1.1 ends after the header fields (remove the blank line and everything after it)"
    ]


def test_a_malformed_header_line_is_reported():
    lines, request, _response = example_lines("GET")
    accept = lines.index("        Accept: application/json\n", request)
    lines[accept] = "        Accept application/json\n"
    assert new_problems(lines) == [
        f"{FILE}:{request + 1}: GET.example.request: a header field of the request is not valid HTTP/1.1, "
        "h11 says: illegal header line: 'Accept application/json' "
        "(write every header field on its own line as 'Name: value', with no space before the colon)"
    ]
