"""Reading an example's raw HTTP/1.1 messages as a peer would, with h11.

An example is shown with LF line ends. On the wire its head has CRLF line
ends, and its content is the text after the first blank line without the
final line end, in UTF-8. h11 reads those bytes; wherever it reads something
other than what the page shows, the example is wrong.
"""

from __future__ import annotations

import ast
import re
from typing import NamedTuple

import h11

# h11 quotes an offending line as a bytes repr; messages show it as text.
BYTES_REPR = re.compile(r"(?:bytearray\()?(b'[^'\\]*'|b\"[^\"\\]*\")\)?")
HOST = "api.example.com"


class Fault(NamedTuple):
    message: str
    fix: str


def request_faults(request: str) -> list[Fault]:
    """What is wrong with an example request, read by a server."""
    return _read(h11.Connection(h11.SERVER), request, "request")


def response_faults(response: str, request_method: str) -> list[Fault]:
    """What is wrong with an example response, read by a client that sent a
    request with this method: after HEAD, and after a 2xx to CONNECT, a
    response has no content, whatever its header fields say."""
    client = h11.Connection(h11.CLIENT)
    client.send(h11.Request(method=request_method, target="/", headers=[("Host", HOST)]))
    return _read(client, response, f"response to {request_method}")


def wire_parts(text: str) -> tuple[bytes, bytes]:
    """The head (with its blank line) and the content of an example, as sent."""
    head, _, content = text.partition("\n\n")
    lines = [*head.removesuffix("\n").split("\n"), ""]
    return "".join(f"{line}\r\n" for line in lines).encode(), content.removesuffix("\n").encode()


def _read(connection: h11.Connection, text: str, kind: str) -> list[Fault]:
    head, content = wire_parts(text)
    size = len(content)
    connection.receive_data(head)
    try:
        start = connection.next_event()
    except h11.RemoteProtocolError as error:
        return [_head_fault(_words(error), kind, size)]
    fields = dict(start.headers)
    if b"transfer-encoding" in fields:
        return [_transfer_encoding_fault(size)]
    declared = int(fields[b"content-length"]) if b"content-length" in fields else None
    add_length = f"add 'Content-Length: {size}'" + (" after Content-Type" if b"content-type" in fields else "")

    connection.receive_data(content)
    connection.receive_data(b"")
    read = b""
    body_error = None
    try:
        event = connection.next_event()
        while type(event) is h11.Data:
            read += event.data
            event = connection.next_event()
    except h11.RemoteProtocolError as error:
        body_error = _words(error)
    leftover = connection.trailing_data[0]

    if read == content and not leftover and not body_error:
        if content and declared is None:
            # Read until the connection closes: RFC 9112 §6.3 asks servers to frame instead.
            message = "the response has content but no Content-Length, so HTTP/1.1 reads it until the connection closes"
            return [Fault(message, add_length)]
        return []
    if content and not read and declared is None and kind == "request":
        message = "the request has content but no Content-Length, so HTTP/1.1 reads it as a request without content"
        return [Fault(message, add_length)]
    # h11 took none of the content although the header fields let it run:
    # this response ends at its head (HEAD, 204, 304, 2xx to CONNECT).
    if content and not read and declared != 0:
        message = f"content on a {start.status_code} {kind}, which HTTP/1.1 ends after the header fields"
        return [Fault(message, "remove the blank line and everything after it")]
    if declared is not None and declared != size:
        return [
            Fault(f"Content-Length is {declared}, but the content is {size} bytes", f"write 'Content-Length: {size}'")
        ]
    # Anything else h11 reads differently: say what it saw.
    seen = f"h11 says: {body_error}" if body_error else f"{len(leftover)} bytes are left over after the message"
    return [
        Fault(
            f"HTTP/1.1 reads the {kind} differently from how it is shown: {seen}",
            f"write one message, its content framed with 'Content-Length: {size}'",
        )
    ]


def _head_fault(words: str, kind: str, size: int) -> Fault:
    if words.startswith(("illegal request line", "no request line")):
        return Fault(
            f"the request line is not valid HTTP/1.1, h11 says: {words}",
            "write it as '<METHOD> <target> HTTP/1.1', separated by single spaces",
        )
    if words.startswith(("illegal status line", "no response line")):
        return Fault(
            f"the status line is not valid HTTP/1.1, h11 says: {words}",
            "write it as 'HTTP/1.1 <code> <reason>', separated by single spaces",
        )
    if words.startswith(("illegal header line", "continuation line")):
        fix = "write every header field on its own line as 'Name: value', with no space before the colon"
    elif "Transfer-Encoding" in words:
        return _transfer_encoding_fault(size)
    elif "Content-Length" in words:
        fix = f"write one 'Content-Length: {size}'"
    elif "Host" in words:
        fix = f"write one 'Host:' field naming the server, such as 'Host: {HOST}'"
    else:
        fix = "correct the header field as h11 says"
    return Fault(f"a header field of the {kind} is not valid HTTP/1.1, h11 says: {words}", fix)


def _transfer_encoding_fault(size: int) -> Fault:
    # Chunked coding would hide from the reader how long the content is.
    return Fault(
        "Transfer-Encoding is not allowed in an example",
        f"remove it and frame the content with 'Content-Length: {size}'",
    )


def _words(error: h11.RemoteProtocolError) -> str:
    """h11's message, with the line it quotes as text."""
    return BYTES_REPR.sub(lambda match: repr(ast.literal_eval(match[1]).decode("utf-8", "replace")), str(error))
