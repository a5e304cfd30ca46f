"""Performance figures for the method reference, each printed beside its
target. Run with `./dev bench` (or `make bench`); record a run in
bench/RESULTS.md. Figures, not pass/fail tests: this machine is noisy, so
ratios are measured within one run, alternating the things compared.

1. build overhead: the real build against a hand-written twin
2. scaling: time per page for 10 and 40 methods by 1, 5 and all locales
3. edit loop: one locale against all, and save-to-reload under `serve`
4. page weight: bytes and requests over nginx (gzip), search index sizes
5. Lighthouse (mobile) for overview and a method page in en, sv, ja, ar
6. before and after: the full build and the edit loop against a baseline
   commit (--baseline, default 55d82b9), built from `git archive` side by
   side with this checkout; both sites must be the same, file by file

`--only 6` (or `--only 1,3`) runs some of them.
"""

from __future__ import annotations

import argparse
import copy
import filecmp
import gzip
import io
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from methodref.render import page_sources, render_page  # noqa: E402
from methodref.validate import load_reference  # noqa: E402

from support import copy_project, fetch, stop, wait_for  # noqa: E402

BASELINE = "55d82b9"  # main before issue 13's build-speed work
LIGHTHOUSE = "lighthouse@12.8.2"  # the newest release that runs on Node.js 20
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "-q"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("SITE_URL", None)


def say(figure: str, value: str, target: str = "", holds: bool | None = None) -> None:
    verdict = "" if holds is None else ("  [holds]" if holds else "  [MISSED]")
    print(f"  {figure:<52} {value:>16}   target {target}{verdict}" if target else f"  {figure:<52} {value:>16}")


def build_seconds(project: Path, env: dict | None = None) -> float:
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    start = time.perf_counter()
    subprocess.run([*MKDOCS, "--site-dir", str(site)], cwd=project, env=env or ENV, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    shutil.rmtree(site, ignore_errors=True)
    return elapsed


def twin_project(where: Path, data: dict) -> Path:
    """The same pages written out as Markdown, built by MkDocs, Material and
    i18n with no hook: what the site would cost without generating pages."""
    from reference_pages import language_settings

    where.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", where / "docs")
    for page in page_sources(data):
        target = where / "docs" / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_page(data, page), encoding="utf-8")
    languages = [language_settings(locale, i == 0, data["methods"]) for i, locale in enumerate(data["locales"])]
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    head, _, rest = config.partition("      languages:\n")
    _, _, tail = rest.partition("\nhooks:\n  - hooks/reference_pages.py\n")
    block = yaml.safe_dump({"languages": languages}, allow_unicode=True, sort_keys=False)
    config = head + "      languages:\n" + "".join(f"        {line}\n" for line in block.splitlines()[1:]) + tail
    (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    return where


def overhead(data: dict, work: Path) -> None:
    print("1. Build overhead: full build against a hand-written twin (5 alternating runs each, after a warm-up)")
    twin = twin_project(work / "twin", data)
    build_seconds(ROOT), build_seconds(twin)
    real, hand = [], []
    for _ in range(5):
        real.append(build_seconds(ROOT))
        hand.append(build_seconds(twin))
    ratio = statistics.median(r / h for r, h in zip(real, hand, strict=True))
    say("full build, median", f"{statistics.median(real):.2f} s")
    say("hand-written twin, median", f"{statistics.median(hand):.2f} s")
    say("median ratio (build / twin)", f"{ratio:.3f}", "<= 1.03", ratio <= 1.03)


def synthetic_data(data: dict, methods: int, locales: int) -> dict:
    """`methods` methods (copies of the ten under new names), first `locales` locales."""
    result = copy.deepcopy(data)
    result["locales"] = result["locales"][:locales]
    codes = [locale["code"] for locale in result["locales"]]
    originals = result["methods"]
    result["methods"] = []
    for index in range(methods):
        method = copy.deepcopy(originals[index % len(originals)])
        suffix = "" if index < len(originals) else "X" * (index // len(originals))
        # Only CONNECT may tunnel and only HEAD may announce a body it does
        # not send: their copies take GET's example.
        if suffix and method["name"] in ("CONNECT", "HEAD"):
            method["example"] = copy.deepcopy(originals[0]["example"])
            method["example"]["request"] = method["example"]["request"].replace("GET", method["name"], 1)
        old = method["name"]
        method["name"] += suffix
        method["slug"] += suffix.lower()
        method["example"]["request"] = method["example"]["request"].replace(old, method["name"], 1)
        method["text"] = {code: text for code, text in method["text"].items() if code in codes}
        result["methods"].append(method)
    return result


def scaling(data: dict, work: Path) -> None:
    print("2. Scaling: time per page, synthetic data")
    all_locales = len(data["locales"])
    figures = {}
    timings = []
    for methods in (10, 40):
        for locales in (1, 5, all_locales):
            project = copy_project(work / f"scale-{methods}-{locales}")
            variant = synthetic_data(data, methods, locales)
            (project / "data" / "methods.yml").write_text(
                yaml.safe_dump(variant, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
            load_reference(project / "data" / "methods.yml")  # the variant is valid data
            pages = len(page_sources(variant))
            seconds = min(build_seconds(project) for _ in range(2))
            figures[(methods, locales)] = seconds / pages
            timings.append((pages, seconds))
            say(f"{methods} methods x {locales} locales ({pages} pages)", f"{1000 * seconds / pages:.1f} ms/page")
    spread = max(figures.values()) / min(figures.values())
    say("largest / smallest time per page", f"{spread:.2f}", "<= 1.20", spread <= 1.20)
    # A build costs a fixed start (Python, MkDocs, the theme), a cost per
    # locale (mkdocs-static-i18n runs MkDocs' whole build once per locale,
    # copying every theme asset again) and a cost per page. Fit all three.
    rows = [(1.0, float(locales), float(pages)) for (_, locales), (pages, _) in zip(figures, timings, strict=True)]
    fixed, per_locale, per_page = least_squares(rows, [seconds for _, seconds in timings])
    say("fitted: fixed cost per build", f"{fixed:.2f} s")
    say("fitted: cost per locale (i18n rebuilds everything)", f"{per_locale:.3f} s")
    say("fitted: cost per page", f"{1000 * per_page:.1f} ms")
    marginal = []
    for (methods, locales), (pages, seconds) in zip(figures, timings, strict=True):
        cost = (seconds - fixed - per_locale * locales) / pages
        marginal.append(cost)
        say(f"{methods} x {locales}: per page, fixed and per-locale costs removed", f"{1000 * cost:.1f} ms/page")
    spread = max(marginal) / min(marginal)
    say("largest / smallest, without the fixed cost", f"{spread:.2f}", "<= 1.20", spread <= 1.20)


def least_squares(rows: list[tuple[float, ...]], values: list[float]) -> list[float]:
    """Solve the normal equations (X'X) b = X'y for a few columns."""
    size = len(rows[0])
    matrix = [[sum(r[i] * r[j] for r in rows) for j in range(size)] for i in range(size)]
    vector = [sum(r[i] * v for r, v in zip(rows, values, strict=True)) for i in range(size)]
    for column in range(size):  # Gauss-Jordan elimination
        pivot = max(range(column, size), key=lambda row: abs(matrix[row][column]))
        matrix[column], matrix[pivot] = matrix[pivot], matrix[column]
        vector[column], vector[pivot] = vector[pivot], vector[column]
        for row in range(size):
            if row != column:
                factor = matrix[row][column] / matrix[column][column]
                matrix[row] = [a - factor * b for a, b in zip(matrix[row], matrix[column], strict=True)]
                vector[row] -= factor * vector[column]
    return [vector[i] / matrix[i][i] for i in range(size)]


def edit_loop(data: dict, work: Path) -> None:
    print("3. Edit loop")
    one = {**ENV, "ONLY_LOCALE": "sv"}
    full, single = [], []
    for _ in range(3):
        full.append(build_seconds(ROOT))
        single.append(build_seconds(ROOT, one))
    ratio = statistics.median(s / f for s, f in zip(single, full, strict=True))
    say("one locale (ONLY_LOCALE=sv), median", f"{statistics.median(single):.2f} s")
    say("one locale / full build", f"{ratio:.3f}", "<= 0.125", ratio <= 0.125)

    project = copy_project(work / "serve")
    port = 8123
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        env=one,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/methods/get/"
    data_file = project / "data" / "methods.yml"
    try:
        wait_for(lambda: fetch(url), 120)
        delays = []
        original = data_file.read_text(encoding="utf-8")
        marker = "        summary: Hämtar en representation av en resurs utan att ändra något på servern.\n"
        for attempt in range(5):
            text = f"Hämtar version {attempt} av en representation."
            data_file.write_text(original.replace(marker, f"        summary: {text}\n"), encoding="utf-8")
            start = time.perf_counter()
            wait_for(lambda text=text: text in (fetch(url) or ""), 60, step=0.01)
            delays.append(time.perf_counter() - start)
            time.sleep(1)
        delay = statistics.median(delays)
        say("serve, one locale: save to reloaded page, median of 5", f"{delay:.2f} s", "< 1 s", delay < 1)
    finally:
        stop(server)


def page_weight(data: dict, site: Path, base: str) -> None:
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_ARGS, chromium_path

    print("4. Page weight over nginx (gzip), cold and warm cache")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        seen = {"bytes": 0, "requests": 0, "cached": 0}

        def finished(event):
            seen["bytes"] += event["encodedDataLength"]

        def received(event):
            seen["requests"] += 1

        def from_cache(event):
            seen["cached"] += 1

        session.on("Network.loadingFinished", finished)
        session.on("Network.requestWillBeSent", received)
        session.on("Network.requestServedFromCache", from_cache)
        for label, path in (
            ("cold: /sv/methods/patch/", "sv/methods/patch/"),
            ("warm: next page /sv/methods/put/", "sv/methods/put/"),
        ):
            seen.update(bytes=0, requests=0, cached=0)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            network = seen["requests"] - seen["cached"]
            kb = seen["bytes"] / 1000
            if label.startswith("cold"):
                say(f"{label}: transferred", f"{kb:.1f} KB", "<= 100 KB", kb <= 100)
                say(f"{label}: requests", f"{network}", "<= 25", network <= 25)
            else:
                say(f"{label}: transferred", f"{kb:.1f} KB", "<= 8 KB", kb <= 8)
                say(f"{label}: requests over the network", f"{network}")
        browser.close()
    print("   search index per locale (raw / gzip), each reader loads only their own:")
    for locale in data["locales"]:
        prefix = "" if locale is data["locales"][0] else f"{locale['code']}/"
        raw = (site / prefix / "search" / "search_index.json").read_bytes()
        say(f"   {locale['code']}", f"{len(raw) / 1000:.1f} / {len(gzip.compress(raw, 6)) / 1000:.1f} KB")


def lighthouse(base: str, work: Path) -> None:
    print(f"5. Lighthouse ({LIGHTHOUSE}, mobile) over nginx")
    prefix = ROOT / "bench" / ".cache" / "lighthouse"
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        subprocess.run(
            ["npm", "install", "--no-save", "--no-package-lock", "--prefix", str(prefix), LIGHTHOUSE],
            check=True,
            capture_output=True,
        )
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    for code in ("en", "sv", "ja", "ar"):
        prefix_path = "" if code == "en" else f"{code}/"
        for label, path in (("overview", prefix_path), ("PATCH", f"{prefix_path}methods/patch/")):
            report = work / f"lh-{code}-{label}.json"
            subprocess.run(
                [
                    "node",
                    str(cli),
                    base + path,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    f"--chrome-flags={flags}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                ],
                env=env,
                check=True,
                capture_output=True,
            )
            categories = json.loads(report.read_text())["categories"]
            scores = {key: round(100 * value["score"]) for key, value in categories.items()}
            holds = scores["performance"] >= 95 and all(
                scores[key] == 100 for key in ("accessibility", "best-practices", "seo")
            )
            say(
                f"{code} {label}: perf/a11y/best/SEO",
                "/".join(str(scores[k]) for k in ("performance", "accessibility", "best-practices", "seo")),
                ">= 95/100/100/100",
                holds,
            )


def baseline_tree(ref: str, where: Path) -> str:
    """The project at the merge-base of HEAD and `ref`, from git archive."""
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run(
        [*git, "merge-base", "HEAD", ref], check=True, capture_output=True, text=True
    ).stdout.strip()
    archive = subprocess.run([*git, "archive", commit], check=True, capture_output=True).stdout
    where.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(where, filter="data")
    return commit


def timed_build(project: Path, site: Path, env: dict | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one `mkdocs build` into site."""
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*MKDOCS, "--site-dir", str(site)], cwd=project, env=env or ENV, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


DATES = re.compile(rb"<lastmod>[^<]*</lastmod>|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?")


def site_differences(left: Path, right: Path) -> tuple[list[str], list[str]]:
    """Files that differ between two sites, and those that differ only in dates."""
    found: list[str] = []
    dated: list[str] = []

    def same(a: Path, b: Path) -> bool:
        one, two = a.read_bytes(), b.read_bytes()
        if a.suffix == ".gz":
            one, two = gzip.decompress(one), gzip.decompress(two)
        if one != two and DATES.sub(b"", one) == DATES.sub(b"", two):
            dated.append(str(a.relative_to(left)))
            return True
        return one == two

    def walk(node: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"{prefix}{name} (only in one)" for name in node.left_only + node.right_only)
        for name in node.common_files:
            if not same(Path(node.left) / name, Path(node.right) / name):
                found.append(prefix + name)
        for name, child in node.subdirs.items():
            walk(child, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found, dated


def before_and_after(ref: str, work: Path, runs: int = 5) -> None:
    before = work / "before"
    commit = baseline_tree(ref, before)
    print(f"6. Before ({commit[:7]}, merge-base of HEAD and {ref}) and after (this checkout)")
    sites = {"before": work / "site-before", "after": work / "site-after"}
    projects = {"before": before, "after": ROOT}
    for name in projects:  # warm-up: disk caches, jieba's model cache, remembered segments
        timed_build(projects[name], sites[name])
    times: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    for _ in range(runs):
        for name in ("before", "after"):
            times[name].append(timed_build(projects[name], sites[name]))
    for name in ("before", "after"):
        wall = statistics.median(w for w, _ in times[name])
        cpu = statistics.median(c for _, c in times[name])
        say(f"full build, {name}: median of {runs} (CPU time)", f"{wall:.2f} s ({cpu:.2f})")
    pairs = list(zip(times["after"], times["before"], strict=True))
    ratio = statistics.median(a[0] / b[0] for a, b in pairs)
    cpu_ratio = statistics.median(a[1] / b[1] for a, b in pairs)
    say("full build after / before, median of pair ratios", f"{ratio:.3f}", "<= 0.6", ratio <= 0.6)
    say("the same in CPU time (less sensitive to load)", f"{cpu_ratio:.3f}")
    differences, dated = site_differences(sites["before"], sites["after"])
    files = sum(1 for path in sites["after"].rglob("*") if path.is_file())
    say("files that differ, build dates aside", f"{len(differences)} of {files}", "0", not differences)
    say("files that differ in build dates alone", f"{len(dated)}")
    for path in differences[:20]:
        print(f"     differs: {path}")

    print("   serve, one locale (as `make serve LOCALE=sv`): save data/methods.yml -> reloaded page")
    servers = {
        "before": (before, {}),
        "after, polling (make serve)": (copy_project(work / "serve-after"), {"EVENT_WATCHER": "0"}),
        "after, events (make serve WATCH=events)": (copy_project(work / "serve-events"), {"EVENT_WATCHER": "1"}),
    }
    delays = reload_delays(servers)
    for name, values in delays.items():
        target = "<= 0.5 s" if name.startswith("after") else ""
        median = statistics.median(values)
        say(f"{name}, median of {len(values)}", f"{median:.2f} s", target, median <= 0.5 if target else None)
        print(f"     each: {' '.join(f'{value:.2f}' for value in values)}")


def reload_delays(servers: dict[str, tuple[Path, dict]], saves: int = 12) -> dict[str, list[float]]:
    """Save the data file of each served project in turn, at random times
    (0.7 to 2.3 s apart, so saves fall anywhere in MkDocs' 0.5 s polling
    cycle), and time until the page shows the new text."""
    randomly = random.Random(13)
    running: dict[str, subprocess.Popen] = {}
    urls: dict[str, str] = {}
    marker = "        summary: Hämtar en representation av en resurs utan att ändra något på servern.\n"
    delays: dict[str, list[float]] = {name: [] for name in servers}
    try:
        for port, (name, (project, env)) in enumerate(servers.items(), start=8123):
            running[name] = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
                cwd=project,
                env={**ENV, "ONLY_LOCALE": "sv", **env},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            urls[name] = f"http://127.0.0.1:{port}/methods/get/"
        originals = {
            name: (project / "data" / "methods.yml").read_text(encoding="utf-8")
            for name, (project, _) in servers.items()
        }
        for name in servers:
            wait_for(lambda name=name: fetch(urls[name]), 180)
        for attempt in range(saves):
            for name, (project, _env) in servers.items():
                time.sleep(randomly.uniform(0.7, 2.3))
                text = f"Hämtar version {attempt} av en representation."
                data_file = project / "data" / "methods.yml"
                data_file.write_text(originals[name].replace(marker, f"        summary: {text}\n"), encoding="utf-8")
                start = time.perf_counter()
                url = urls[name]
                if not wait_for(lambda text=text, url=url: text in (fetch(url) or ""), 60, step=0.01):
                    raise RuntimeError(f"{name}: the page never showed the change")
                delays[name].append(time.perf_counter() - start)
    finally:
        for server in running.values():
            stop(server)
    return delays


SECTIONS = ("1", "2", "3", "4", "5", "6")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--baseline",
        default=BASELINE,
        help=f"the code to compare with, as its merge-base with HEAD (default {BASELINE})",
    )
    parser.add_argument("--only", default=",".join(SECTIONS), help="figures to measure, e.g. 6 or 1,3 (default: all)")
    arguments = parser.parse_args()
    chosen = set(arguments.only.split(","))
    if not chosen <= set(SECTIONS):
        parser.error(f"--only takes figures from {', '.join(SECTIONS)}")
    data = load_reference(ROOT / "data" / "methods.yml")
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    print(f"HTTP method reference benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores")
    if "1" in chosen:
        overhead(data, work)
    if "2" in chosen:
        scaling(data, work)
    if "3" in chosen:
        edit_loop(data, work)
    if chosen & {"4", "5"}:
        site = work / "site"
        subprocess.run([*MKDOCS, "--site-dir", str(site)], cwd=ROOT, env=ENV, check=True, capture_output=True)
        from nginx import nginx

        codes = [locale["code"] for locale in data["locales"]]
        with nginx(site, codes, work / "nginx") as base:
            if "4" in chosen:
                page_weight(data, site, base)
            if "5" in chosen:
                lighthouse(base, work)
    if "6" in chosen:
        before_and_after(arguments.baseline, work)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
