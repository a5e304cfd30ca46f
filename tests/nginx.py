"""Debian's nginx on 127.0.0.1, serving a built site with the shipped
configuration (deploy/nginx.conf.in), stopped when the block ends."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from methodref.nginx import nginx_config

from support import stop

NGINX = Path("/usr/sbin/nginx")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx(site: Path, locales: list[str], run_dir: Path):
    if not NGINX.exists():
        raise RuntimeError("nginx is missing: apt-get install nginx (./dev test installs it)")
    port = _free_port()
    run_dir.mkdir(parents=True, exist_ok=True)
    conf = run_dir / "nginx.conf"
    conf.write_text(nginx_config(site, locales, f"127.0.0.1:{port}", run_dir), encoding="utf-8")
    # Workers of a root master run as nobody, who cannot read the test's files.
    directives = "daemon off; master_process on;" + (" user root;" if os.geteuid() == 0 else "")
    server = subprocess.Popen(
        [str(NGINX), "-p", str(run_dir), "-c", str(conf), "-g", directives],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base, timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {server.stderr.read().decode()}") from None
                time.sleep(0.1)
        yield base
    finally:
        stop(server)
