"""Workarounds of MkDocs, Material, mkdocs-static-i18n and jieba internals
that make the build faster and its output quiet.

mkdocs-static-i18n builds every locale with MkDocs' whole build(), so what
MkDocs and the theme do once per build is done once per locale: 17 times.
Each workaround below lives in one named function or class, says why, and
has a guard test in tests/test_upstream_speed.py that fails when the
upstream code it leans on changes (the versions are pinned in
pyproject.toml). The site built with them is the site built without them:
bench/benchmark.py builds both and compares every file.

SPEED_WORKAROUNDS=off turns every speed workaround off (to compare, or to
rule them out when an upstream update misbehaves); the log filters stay.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sysconfig
import tempfile
from pathlib import Path

import jinja2
import watchdog.events
import watchdog.observers
import watchdog.observers.polling
from mkdocs.exceptions import PluginError

SWITCH = "SPEED_WORKAROUNDS"  # environment variable: "off" builds as upstream does
EVENT_WATCHER = "EVENT_WATCHER"  # environment variable: "1" makes `serve` react to writes at once


def enabled() -> bool:
    value = os.environ.get(SWITCH, "on")
    if value not in ("on", "off"):
        raise PluginError(f"{SWITCH}={value}: use on or off")
    return value == "on"


# --- Quiet output -----------------------------------------------------------


class DropMessages(logging.Filter):
    """Drops log records whose message starts with one of the prefixes."""

    def __init__(self, *prefixes: str):
        super().__init__()
        self.prefixes = prefixes

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.prefixes)


# mkdocs-static-i18n logs every per-locale override of the configuration at
# INFO, 5 lines per locale with the whole navigation in one of them
# (reconfigure.py, apply_user_overrides and apply_user_theme_overrides). The
# hook sets those overrides itself; nobody needs to read them back.
I18N_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"
# Its plugin logger puts the package name in front of every message.
I18N_OVERRIDES = DropMessages("mkdocs_static_i18n: Overriding '", "mkdocs_static_i18n: Updating '")

# MkDocs says so when a template renders empty: skip_partial_sitemap() below
# makes the sitemap empty on purpose in every locale's build but the last.
BUILD_LOGGER = "mkdocs.commands.build"
SITEMAP_SKIPPED = DropMessages("Template skipped: 'sitemap.xml' generated empty output.")


def quiet_logs() -> None:
    """Silences i18n's override dumps, the sitemap note and jieba's model
    loading lines (jieba logs to stderr through its own handler at DEBUG)."""
    logging.getLogger(I18N_LOGGER).addFilter(I18N_OVERRIDES)  # adds a filter once
    logging.getLogger(BUILD_LOGGER).addFilter(SITEMAP_SKIPPED)
    try:
        import jieba
    except ImportError:  # Chinese search segmentation is optional in Material
        return
    jieba.setLogLevel(logging.WARNING)


# --- Templates: compiled once per process -------------------------------------


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory for the whole process.

    MkDocs makes a new Jinja environment for every build (Theme.get_env), so
    Jinja compiles Material's templates again in every locale's build, and in
    every rebuild under `serve`: about a quarter of a full build. A bytecode
    cache is Jinja's public way to skip that; Jinja checks each template's
    source checksum before it uses the cached code, so an edited template
    compiles anew."""

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = (bucket.checksum, bucket.code)


TEMPLATES = CompiledTemplates()


def reuse_compiled_templates(env: jinja2.Environment) -> jinja2.Environment:
    """For on_env and every other environment made from the theme."""
    if enabled():
        env.bytecode_cache = TEMPLATES
    return env


# --- The theme's files: listed once per process -------------------------------

INSTALLED = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}
_listings: dict[str, list[str]] = {}


class ListedOnceLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that lists each installed theme folder once per
    process, hidden files left out.

    Before every build MkDocs lists the whole theme to find the assets it
    copies (Files.add_files_from_theme): 14,510 names for Material, 14,348
    of them hidden icons (.icons/) that its filter then drops one by one.
    Folders of installed packages do not change while MkDocs runs; a theme
    folder inside the project (custom_dir) is listed every time."""

    def list_templates(self) -> list[str]:
        names: set[str] = set()
        for folder in self.searchpath:
            if not any(Path(folder).resolve().is_relative_to(place) for place in INSTALLED):
                names.update(_visible(jinja2.FileSystemLoader(folder).list_templates()))
                continue
            if folder not in _listings:
                _listings[folder] = _visible(jinja2.FileSystemLoader(folder).list_templates())
            names.update(_listings[folder])
        return sorted(names)


def _visible(names: list[str]) -> list[str]:
    # MkDocs' filter drops these (patterns ".*" and "*/.*"); the guard test
    # checks that it still does.
    return [name for name in names if not any(part.startswith(".") for part in name.split("/"))]


def list_theme_once(theme) -> None:
    """Gives the environments that MkDocs makes from this theme a
    ListedOnceLoader (mkdocs.theme.Theme.get_env, wrapped on the instance)."""
    if not enabled() or getattr(theme.get_env, "lists_once", False):
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        if type(env.loader) is not jinja2.FileSystemLoader:
            raise PluginError(f"MkDocs' theme loader is now {type(env.loader).__name__}: set {SWITCH}=off")
        loader = env.loader
        env.loader = ListedOnceLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    get_env.lists_once = True
    theme.get_env = get_env


def drop_repeated_theme_dirs(theme) -> None:
    """mkdocs-static-i18n puts its sitemap folder first in theme.dirs in
    every locale's on_config (reconfigure_mkdocs_config), so the list grows
    from 2 to 19 entries and every template lookup tries the same folder
    again and again. The first of each is the one that counts."""
    if enabled():
        theme.dirs[:] = dict.fromkeys(theme.dirs)


def copy_theme_once(files, config, i18n):
    """Leaves the theme's assets out of every locale's build after the first.

    mkdocs-static-i18n runs each further locale's build inside the first
    build's on_post_build, with the site folder kept (it turns MkDocs'
    clean_directory off meanwhile, `building` set). Every one of them would
    copy the same theme files (stylesheets, scripts, search workers) to the
    same places again. The pages' own assets (docs/) have a folder per
    locale and stay."""
    if not enabled() or not i18n.building:
        return files
    theme_dirs = tuple(os.path.join(folder, "") for folder in config.theme.dirs)
    for file in list(files):
        if not file.is_documentation_page() and (file.abs_src_path or "").startswith(theme_dirs):
            files.remove(file)
    return files


# --- mkdocs-static-i18n: alternates made once per file and locale -------------


def reuse_alternates(i18n) -> None:
    """Remembers the alternate File objects that i18n's on_files makes.

    For every page and every locale, ExtendedPlugin.reconfigure_files_alternates
    makes a File from each other locale's source until one matches (through
    folder.create_i18n_file), and it does so again in every locale's build:
    about 32,000 File objects for 17 locales, every one the same as in the
    build before. A File depends only on what the key below holds, and the
    alternates are only read (language switcher, sitemap), so the same one
    serves every build. The pages' own Files are still made anew each time."""
    if not enabled() or "reconfigure_files_alternates" in vars(i18n):
        return
    made: dict[tuple, object] = {}
    reconfigure = i18n.reconfigure_files_alternates

    def reconfigure_files_alternates(i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file):
        def create(file, current_language, default_language, all_languages, config):
            key = (
                create_i18n_file,
                file.src_uri,  # src_path and dest_path are these, normalized
                file.dest_uri,
                file.inclusion,
                current_language,
                default_language,
                tuple(all_languages),
                config.docs_dir,
                config.site_dir,
                config.use_directory_urls,
            )
            if key not in made:
                made[key] = create_i18n_file(file, current_language, default_language, all_languages, config)
            return made[key]

        return reconfigure(i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create)

    i18n.reconfigure_files_alternates = reconfigure_files_alternates


def skip_partial_sitemap(template: jinja2.Template, template_name: str, i18n) -> jinja2.Template:
    """MkDocs renders sitemap.xml in every build, so in every locale's; with
    i18n's template, each lists the pages of the locales built so far and
    overwrites the one before. Only the build that knows every locale's pages
    renders it; the others get an empty template, whose output MkDocs does
    not write (SITEMAP_SKIPPED drops its note about that)."""
    if template_name != "sitemap.xml" or not enabled():
        return template
    if set(i18n.build_languages) <= set(i18n.i18n_files_per_language):
        return template
    return template.environment.from_string("")


# --- jieba: segments remembered between builds -------------------------------


class RememberedSegments:
    """Stands in for the jieba module in Material's search plugin
    (material.plugins.search.plugin.jieba, which the hook sets per locale),
    answering jieba.cut from segments kept in a file beside jieba's own
    model cache.

    jieba loads its model (0.5 s) the first time it segments or learns a
    word, once per process, for a few hundred short Chinese texts that
    rarely change. Texts not seen before go to jieba and are remembered.
    The words jieba must learn first (the locales' terms, which change the
    segments) are taught only when a text goes to jieba, and name the file,
    so segments made with other words are never reused. Anything else asked
    of jieba (a dictionary set in mkdocs.yml) goes to jieba and stops the
    remembering, since it changes the segments too."""

    def __init__(self, jieba, path: Path | None = None, words: tuple[str, ...] = ()):
        self.jieba = jieba
        self.words = words
        self.taught = not words
        folder = jieba.dt.tmp_dir or tempfile.gettempdir()
        key = hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()[:12]
        self.path = path or Path(folder) / f"jieba.{jieba.__version__}.{key}.segments.json"
        self.remembering = True
        self.new = False
        try:
            known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none yet, or cut short: segment anew
            known = {}
        self.known: dict[str, list[str]] = known if isinstance(known, dict) else {}

    def _teach(self) -> None:
        if not self.taught:
            teach(self.jieba, self.words)
            self.taught = True

    def cut(self, sentence, *args, **kwargs):
        if not self.remembering or args or kwargs:
            self._teach()
            return self.jieba.cut(sentence, *args, **kwargs)
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        if text not in self.known:
            self._teach()
            self.known[text] = list(self.jieba.cut(sentence))
            self.new = True
        return iter(self.known[text])

    def __getattr__(self, name):
        self.remembering = False
        self._teach()
        return getattr(self.jieba, name)

    def save(self) -> None:
        """Writes the segments if there are new ones (atomically: builds may run side by side)."""
        if not (self.remembering and self.new):
            return
        try:
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent, delete=False) as out:
                json.dump(self.known, out, ensure_ascii=False)
            os.replace(out.name, self.path)
        except OSError:  # a folder we may not write to: segment again next time
            return
        self.new = False


def teach(jieba, words) -> None:
    """jieba cuts words it does not know into characters (幂等 into 幂 and 等)."""
    for word in words:
        jieba.add_word(word)


_segmenters: dict[tuple, RememberedSegments] = {}


def chinese_segmenter(jieba, words: tuple[str, ...] = ()):
    """What Material's search should call jieba: jieba itself, having
    learnt the words, or a RememberedSegments (one per process and set of
    words) in front of it, which teaches them only if jieba must segment."""
    if jieba is None:
        return None
    if not enabled():
        teach(jieba, words)
        return jieba
    key = (id(jieba), words)
    if key not in _segmenters:
        _segmenters[key] = RememberedSegments(jieba, words=words)
    return _segmenters[key]


def save_segments() -> None:
    for segmenter in _segmenters.values():
        segmenter.save()


# --- serve: react to writes at once -----------------------------------------

WRITES = [
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileDeletedEvent,
    watchdog.events.FileMovedEvent,
    watchdog.events.FileClosedEvent,  # closed after writing
    watchdog.events.FileAttribEvent,  # touched: MkDocs' polling sees the new time too (reading sends no such event)
]


class _OnlyPath(watchdog.events.FileSystemEventHandler):
    """Passes on the events of one file in a watched folder."""

    def __init__(self, handler: watchdog.events.FileSystemEventHandler, path: str):
        self.handler = handler
        self.path = path

    def dispatch(self, event: watchdog.events.FileSystemEvent) -> None:
        if self.path in (os.fsdecode(event.src_path), os.fsdecode(event.dest_path)):
            self.handler.dispatch(event)


# After a write has ended (the file closed, renamed into place or removed),
# MkDocs need not wait for more: only a burst from one command (a checkout)
# still lands within this.
SETTLED = 0.02  # seconds
ENDS_A_WRITE = (watchdog.events.FileClosedEvent, watchdog.events.FileMovedEvent, watchdog.events.FileDeletedEvent)


class _BuildsWhenWritten(watchdog.events.FileSystemEventHandler):
    """Sets how long the server waits for further changes before it
    rebuilds (LiveReloadServer.build_delay, 0.1 s), from the event that
    came last: SETTLED once a write has ended, MkDocs' own wait while one
    may still go on (a file opened, modified, touched)."""

    def __init__(self, handler: watchdog.events.FileSystemEventHandler, server, waiting: float):
        self.handler = handler
        self.server = server
        self.waiting = waiting

    def dispatch(self, event: watchdog.events.FileSystemEvent) -> None:
        self.server.build_delay = SETTLED if isinstance(event, ENDS_A_WRITE) else self.waiting
        self.handler.dispatch(event)


class WritesObserver(watchdog.observers.Observer):
    """The platform's event-driven observer (inotify on Linux), told about
    writes alone: reading a watched file (as every build does) is no change.
    A single file is watched through its folder, so an editor that saves by
    renaming a new file over the old one is still seen. With a `server`,
    the rebuild starts as soon as a write has ended (_BuildsWhenWritten)."""

    def __init__(self, server=None):
        super().__init__()
        self.server = server
        self.waiting = getattr(server, "build_delay", None)

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        path = os.path.abspath(path)
        if self.server is not None:
            event_handler = _BuildsWhenWritten(event_handler, self.server, self.waiting)
        if os.path.isfile(path):
            event_handler, path, recursive = _OnlyPath(event_handler, path), os.path.dirname(path), False
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=WRITES, follow_symlink=follow_symlink
        )


def watch_writes(server) -> None:
    """MkDocs' live-reload server polls the watched files every 0.5 s
    (LiveReloadServer.observer, a PollingObserver), which adds 0.25 s to a
    reload on average and up to 0.5 s, and then waits 0.1 s for more
    changes. With EVENT_WATCHER=1 (`make serve WATCH=events` sets it) every
    watch moves to a WritesObserver, which also shortens that wait once a
    write has ended. This reads the server's private list of watched paths
    and replaces its observer: opt-in, off by default."""
    value = os.environ.get(EVENT_WATCHER, "0")
    if value not in ("0", "1"):
        raise PluginError(f"{EVENT_WATCHER}={value}: use 1 (react to writes) or 0 (poll as MkDocs does)")
    if value == "0":
        return
    if not isinstance(server.observer, watchdog.observers.polling.PollingObserver):
        raise PluginError(f"MkDocs' server observer is now {type(server.observer).__name__}: set {EVENT_WATCHER}=0")
    if not isinstance(getattr(server, "build_delay", None), (int, float)):
        raise PluginError(f"MkDocs' server has no build_delay any more: set {EVENT_WATCHER}=0")
    watched = dict(server._watched_paths)  # path: how many watch() calls
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = WritesObserver(server)
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
