"""The curl command equivalent to an example's raw HTTP request."""

from __future__ import annotations

import shlex


def curl_command(request: str, proxy: str | None = None) -> str:
    """Turn a raw HTTP/1.1 request into a curl command line.

    The Host header becomes the URL (https here); CONNECT becomes curl's
    proxy tunnel, since curl sends CONNECT itself when asked to tunnel.
    """
    head, _, body = request.partition("\n\n")
    request_line, *header_lines = head.strip("\n").splitlines()
    method, target, _version = request_line.split(" ")
    headers = [(name.strip(), value.strip()) for name, value in (line.split(":", 1) for line in header_lines)]
    host = next(value for name, value in headers if name.lower() == "host")
    if method == "CONNECT":
        groups = [["curl", "--proxytunnel"], ["--proxy", proxy], [f"https://{target}/"]]
    elif method == "HEAD":
        groups = [["curl", "--head"], [f"https://{host}{target}"]]
    elif method == "GET":
        groups = [["curl", "--include"], [f"https://{host}{target}"]]
    else:
        groups = [["curl", "--include"], ["--request", method], [f"https://{host}{target}"]]
    # curl sends Host from the URL and counts Content-Length from --data-binary itself.
    derived = {"host", "content-length"}
    groups += [["--header", f"{name}: {value}"] for name, value in headers if name.lower() not in derived]
    if body.strip():
        groups.append(["--data-binary", body.strip()])
    return " \\\n  ".join(" ".join(shlex.quote(arg) for arg in group) for group in groups)
