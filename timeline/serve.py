"""A local preview: build into a temporary folder, serve it, rebuild when a source changes,
and reload the page in the browser.

The reload script is added to HTML as it is served, never to the built files: the preview is
the site exactly as ``build`` writes it, plus one ``<script>`` that polls
``/__timeline__/generation`` and reloads when a rebuild has finished. Watching is done by
watchfiles (the ``serve`` extra). A failed rebuild is reported and the last good site stays.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from timeline.errors import TimelineError
from timeline.incremental import files_below

GENERATION_PATH = "/__timeline__/generation"
RELOAD_SCRIPT = (
    "<script>/* timeline serve: reload after a rebuild (not in built files) */(function(){"
    "var seen=null;setInterval(function(){fetch('" + GENERATION_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(g){if(seen!==null&&g!==seen)"
    "{location.reload()}seen=g}).catch(function(){})},1000)})();</script>"
)

Rebuild = Callable[[Path, str], object]  # (folder to build into, base URL) → anything


def inject_reload(html: bytes) -> bytes:
    """The page with the reload script before ``</body>`` (or at the end)."""
    script = RELOAD_SCRIPT.encode()
    at = html.lower().rfind(b"</body>")
    return html + script if at < 0 else html[:at] + script + html[at:]


def watchfiles_module() -> Any:
    try:
        import watchfiles
    except ImportError:
        raise TimelineError(
            "timeline serve needs the 'serve' extra: pip install 'newstimeline[serve]'"
        ) from None
    return watchfiles


class PreviewServer:
    """Build, serve on ``host:port`` (0: any free port), watch ``watched``, rebuild."""

    def __init__(
        self,
        rebuild: Rebuild,
        watched: Sequence[Path],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        log: Callable[[str], None] = lambda line: None,
        relevant: Callable[[Path], bool] = lambda path: True,
    ) -> None:
        self.rebuild, self.watched, self.log, self.relevant = rebuild, list(watched), log, relevant
        self.generation = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._folder = Path(tempfile.mkdtemp(prefix="timeline-serve-"))
        self.site = self._folder / "site"
        handler = partial(_Handler, server_state=self, directory=str(self.site))
        try:
            self._http = ThreadingHTTPServer((host, port), handler)
        except OSError as exc:
            shutil.rmtree(self._folder, ignore_errors=True)
            raise TimelineError(
                f"cannot serve on {host}:{port} ({exc.strerror}); choose another --host or --port"
            ) from None
        self._http.daemon_threads = True
        bound_host, bound_port = self._http.server_address[:2]
        self.url = f"http://{bound_host!s}:{bound_port}/"

    def start(self) -> None:
        """Build once (errors propagate: there is nothing to show yet), then serve and watch."""
        watchfiles = watchfiles_module()
        before = self._listing()
        try:
            self.rebuild(self.site, self.url)
        except BaseException:
            self.close()
            raise
        self.generation = 1
        self._spawn(self._http.serve_forever)
        ready = threading.Event()
        self._spawn(lambda: self._watch(watchfiles, ready, before))
        ready.wait(5)

    def _spawn(self, target: Callable[[], object]) -> None:
        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _watch(
        self, watchfiles: Any, ready: threading.Event, before: dict[Path, tuple[int, int]]
    ) -> None:
        paths = [p for p in self.watched if p.exists()]
        if not paths:
            ready.set()
            return
        armed = False
        # The watcher is armed inside the generator, before its first yield; an empty yield
        # (``yield_on_timeout``) says so without waiting for a change.
        for changes in watchfiles.watch(
            *paths, stop_event=self._stop, debounce=200, step=50, rust_timeout=100,
            yield_on_timeout=True,
        ):
            if not armed:
                armed = True
                ready.set()
                # An edit made during the first build, or before the watcher was armed, was
                # seen by no one: the listing taken before that build shows it.
                after = self._listing()
                missed = sorted(p for p in before.keys() | after.keys()
                                if before.get(p) != after.get(p))  # fmt: skip
                if missed:
                    self.rebuild_now(missed)
            changed = sorted({Path(p) for _, p in changes if self.relevant(Path(p))})
            if changed:
                self.rebuild_now(changed)

    def _listing(self) -> dict[Path, tuple[int, int]]:
        """(size, modification time) of every relevant file watched."""
        found: dict[Path, tuple[int, int]] = {}
        for root in self.watched:
            # (hidden files and folders skipped, a cache or .git, as the inputs' digest does)
            paths = [root] if root.is_file() else [
                Path(entry.path) for _, entry in files_below(root, skip_hidden=True)
            ]  # fmt: skip
            for path in paths:
                try:
                    info = path.stat()
                except OSError:
                    continue  # removed meanwhile: absent from the listing, as it should be
                if self.relevant(path):
                    found[path] = (info.st_size, info.st_mtime_ns)
        return found

    def rebuild_now(self, changed: Sequence[Path] = ()) -> bool:
        """Rebuild; on success bump the generation (browsers reload); return success."""
        with self._lock:
            try:
                self.rebuild(self.site, self.url)
            except TimelineError as exc:
                self.log(f"Error: {exc} (still serving the last good build)")
                return False
            self.generation += 1
        names = ", ".join(p.name for p in changed[:3]) + (" ..." if len(changed) > 3 else "")
        self.log(f"Rebuilt after changes to {names}" if changed else "Rebuilt")
        return True

    def serve_forever(self) -> None:
        """Block until interrupted (Ctrl+C), then clean up."""
        try:
            self._stop.wait()
        finally:
            self.close()

    def close(self) -> None:
        """Stop serving and watching, and remove the temporary build. Safe to call twice."""
        self._stop.set()
        if self._threads:  # shutdown() waits for serve_forever, so only once it has run
            self._http.shutdown()
        self._http.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads = []
        shutil.rmtree(self._folder, ignore_errors=True)


class _Handler(SimpleHTTPRequestHandler):
    """Static files from the build, HTML with the reload script, and the generation."""

    def __init__(self, *args: Any, server_state: PreviewServer, **kwargs: Any) -> None:
        self.state = server_state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == GENERATION_PATH:
            self._send(str(self.state.generation).encode(), "text/plain; charset=utf-8")
            return
        local = Path(self.translate_path(path))
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            self._send(inject_reload(local.read_bytes()), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request would drown the rebuild messages
