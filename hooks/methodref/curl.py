"""The curl command equivalent to an example's raw HTTP request."""

from __future__ import annotations

import shlex
from typing import NamedTuple

# Fields a client derives itself: Host from the URL, Content-Length from the body.
DERIVED_FIELDS = {"host", "content-length"}


class RawRequest(NamedTuple):
    """An example request, taken apart."""

    method: str
    target: str
    headers: list[tuple[str, str]]
    body: str

    @property
    def host(self) -> str:
        return next(value for name, value in self.headers if name.lower() == "host")

    def url(self) -> str:
        """The https URL a client is given; CONNECT's target is an authority."""
        return f"https://{self.target}/" if self.method == "CONNECT" else f"https://{self.host}{self.target}"


def raw_request(request: str) -> RawRequest:
    head, _, body = request.partition("\n\n")
    request_line, *header_lines = head.strip("\n").splitlines()
    method, target, _version = request_line.split(" ")
    headers = [(name.strip(), value.strip()) for name, value in (line.split(":", 1) for line in header_lines)]
    return RawRequest(method, target, headers, body.strip())


def curl_command(request: str, proxy: str | None = None) -> str:
    """Turn a raw HTTP/1.1 request into a curl command line.

    The Host header becomes the URL (https here); CONNECT becomes curl's
    proxy tunnel, since curl sends CONNECT itself when asked to tunnel.
    """
    method, target, headers, body = parsed = raw_request(request)
    if method == "CONNECT":
        groups = [["curl", "--proxytunnel"], ["--proxy", proxy], [f"https://{target}/"]]
    elif method == "HEAD":
        groups = [["curl", "--head"], [parsed.url()]]
    elif method == "GET":
        groups = [["curl", "--include"], [parsed.url()]]
    else:
        groups = [["curl", "--include"], ["--request", method], [parsed.url()]]
    # curl sends Host from the URL and counts Content-Length from --data-binary itself.
    groups += [["--header", f"{name}: {value}"] for name, value in headers if name.lower() not in DERIVED_FIELDS]
    if body:
        groups.append(["--data-binary", body])
    return " \\\n  ".join(" ".join(shlex.quote(arg) for arg in group) for group in groups)
