"""Write the site: the only stage that touches the output folder.

The new site is assembled in a fresh folder beside the output and swapped in with renames, so a
failed build leaves the previous output exactly as it was. Files whose bytes did not change are
hard-linked from the previous output instead of rewritten: cheap, and their mtimes stay put.

Whether a file changed is decided by a digest, against ``.timeline-manifest.json``: the digest
and size of every file, which each write leaves in the output. A file modified after that
manifest (its mtime is newer), or an output without one, is compared byte by byte instead.

A page may also come as a :class:`Memo`: a key (a digest of everything the page shows) and a
way to render it. If the manifest holds the same key for the same path, and the file is as the
manifest describes it, the previous file is linked and the page is not rendered at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath

from timeline.errors import OutputError
from timeline.executors import FORK_MIN, run_forked


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: int  # files whose content is new or changed
    unchanged: int  # files kept from the previous output
    removed: int  # files of the previous output that the new site no longer has


@dataclass(frozen=True, slots=True)
class Memo:
    """A page rendered only if the previous output has no file made from the same ``key``.
    The key must digest everything the page shows: the writer trusts it blindly."""

    key: str
    render: Callable[[], str | bytes]


Content = str | bytes | Memo


def rendered(content: Content) -> str | bytes:
    return content.render() if isinstance(content, Memo) else content


def safe_relative_path(name: str) -> PurePosixPath:
    """Reject any site path that could land outside the output folder."""
    path = PurePosixPath(name)
    if (
        not name
        or path.is_absolute()
        or any(part in {"", ".", ".."} for part in name.split("/"))
        or "\\" in name
        or "\x00" in name
    ):
        raise OutputError(f"refusing to write {name!r}: it would leave the output folder")
    return path


def check_output_folder(output: Path, sources: list[Path]) -> None:
    """The output must not be, contain, or sit inside a source folder."""
    out = output.resolve()
    for source in sources:
        src = source.resolve()
        if out == src or src.is_relative_to(out) or out.is_relative_to(src):
            raise OutputError(
                f"{output}: the output folder overlaps the source folder {source}; "
                "choose another --output"
            )


MANIFEST = ".timeline-manifest.json"  # a dotfile: no page, feed or sitemap lists it


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class _Previous:
    """The output being replaced, and what its manifest says about its files."""

    folder: Path
    files: Mapping[str, tuple[str, int]]  # path → (digest, size)
    keys: Mapping[str, str]  # path → the key of the Memo the file was rendered from
    written_ns: int  # the manifest's mtime: a file changed later is not trusted to match it

    @classmethod
    def read(cls, folder: Path) -> _Previous:
        try:
            manifest = folder / MANIFEST
            written_ns = manifest.stat().st_mtime_ns
            raw = json.loads(manifest.read_text("utf-8"))
            files = {str(k): (str(v[0]), int(v[1])) for k, v in raw["files"].items()}
            keys = {str(k): str(v[2]) for k, v in raw["files"].items() if len(v) > 2}
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return cls(folder, {}, {}, 0)
        return cls(folder, files, keys, written_ns)

    def made_from(self, name: str, rel: PurePosixPath, key: str) -> Path | None:
        """The previous file of this name if it was rendered from ``key`` and is untouched
        since (same size, not modified after the manifest)."""
        known = self.files.get(name)
        if known is None or self.keys.get(name) != key:
            return None
        path = self.folder.joinpath(*rel.parts)
        try:
            info = path.lstat()
        except OSError:
            return None
        if (not stat.S_ISREG(info.st_mode) or info.st_size != known[1]
                or info.st_mtime_ns > self.written_ns):  # fmt: skip
            return None
        return path

    def holds(self, name: str, rel: PurePosixPath, data: bytes, digest: str) -> Path | None:
        """The previous file of this name if it has exactly ``data``, else None."""
        path = self.folder.joinpath(*rel.parts)
        try:
            info = path.lstat()
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):  # no symlinks either
            return None
        known = self.files.get(name)
        if known is not None and info.st_mtime_ns <= self.written_ns:
            return path if known == (digest, len(data)) else None
        return path if _same_bytes(path, data) else None


def write_site(
    site: Mapping[str, Content] | Iterable[tuple[str, Content]], output: Path, jobs: int = 1
) -> WriteReport:
    """Replace ``output`` with exactly ``site`` (a mapping, or (path, content) pairs consumed
    one at a time; a content may be a ``Memo``); on any error the old output is untouched.
    With ``jobs`` > 1, runs of pages to render are rendered by that many processes, this one
    and forked ones (``_rendered_ahead``)."""
    if output.is_symlink():
        # The site goes where the link points (a web server's folder, say): swapping the link
        # itself for the new folder would leave that folder stale and the link gone.
        output = output.resolve()
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: exists and is not a folder; choose another --output")
    if output.is_dir() and not (output / MANIFEST).is_file() and any(output.iterdir()):
        # A build replaces its output whole: a folder of someone's files (a typo'd --output,
        # a git checkout) is refused rather than emptied. Every site written has a manifest.
        raise OutputError(
            f"{output}: holds files timeline did not write (it has no {MANIFEST}), and a "
            "build replaces its output whole; choose a new or empty folder"
        )
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    except OSError as exc:
        cause = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
        raise OutputError(
            f"{output}: cannot make the site there ({cause}); choose another --output"
        ) from None
    previous = _Previous.read(output)
    given = sorted(site.items()) if isinstance(site, Mapping) else site
    pairs: Iterable[tuple[str, Content | _Written]] = (
        _rendered_ahead(given, previous, staging, jobs) if jobs > 1 else given
    )
    written = unchanged = 0
    manifest: dict[str, tuple[str, int] | tuple[str, int, str]] = {}
    made: set[str] = set()
    try:
        for name, content in pairs:
            rel = safe_relative_path(name)
            if name in manifest or name == MANIFEST:
                raise OutputError(f"refusing to write {name!r} twice, or over the manifest")
            target = staging.joinpath(*rel.parts)
            if rel.parent.as_posix() not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(rel.parent.as_posix())
            if isinstance(content, _Written):  # by another process (_rendered_ahead)
                put = content
            else:
                if isinstance(content, Memo):
                    kept = previous.made_from(name, rel, content.key)
                    if kept is not None:
                        os.link(kept, target)
                        manifest[name] = (*previous.files[name], content.key)
                        unchanged += 1
                        continue
                put = _put(previous, name, rel, target, _encoded(content))
            manifest[name] = (
                (put.digest, put.size, content.key) if isinstance(content, Memo | _Written)
                else (put.digest, put.size)
            )  # fmt: skip
            if put.kept:
                unchanged += 1
            else:
                written += 1
        # last, so every file in the output is older than the manifest describing it; kept
        # as it was when nothing changed, so a rebuild that changes nothing rewrites nothing
        listing = {"files": {k: list(v) for k, v in sorted(manifest.items())}}
        encoded = json.dumps(listing, separators=(",", ":")).encode("utf-8")
        old_manifest = output / MANIFEST
        if written == 0 and _same_bytes(old_manifest, encoded) and not old_manifest.is_symlink():
            os.link(old_manifest, staging / MANIFEST)
        else:
            (staging / MANIFEST).write_bytes(encoded)
        old_files = _count_files(output) - (output / MANIFEST).is_file() if output.is_dir() else 0
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteReport(written=written, unchanged=unchanged, removed=max(old_files - unchanged, 0))


@dataclass(frozen=True, slots=True)
class _Written:
    """A file put in the new site already: its digest and size, whether it was linked from the
    previous output (unchanged), and the key of the ``Memo`` it came from."""

    digest: str
    size: int
    kept: bool
    key: str = ""


def _put(previous: _Previous, name: str, rel: PurePosixPath, target: Path, data: bytes) -> (
    _Written
):
    """Put ``data`` at ``target`` in the new site: linked from the previous output if it holds
    exactly these bytes, else written."""
    digest = _digest(data)
    old = previous.holds(name, rel, data, digest)
    if old is not None:
        os.link(old, target)
    else:
        target.write_bytes(data)
    return _Written(digest, len(data), old is not None)


def _encoded(content: Content) -> bytes:
    raw = rendered(content)
    return raw.encode("utf-8") if isinstance(raw, str) else raw


def _rendered_ahead(
    pairs: Iterable[tuple[str, Content]], previous: _Previous, staging: Path, jobs: int
) -> Iterator[tuple[str, Content | _Written]]:
    """The pairs, in order, with each run of pages to render (``Memo``s the previous output
    cannot supply: article, year and topic pages) rendered and put into ``staging`` by
    ``jobs`` forked processes (``executors.run_forked``), which send back only what the
    manifest needs. Rendering is pure, so where it runs cannot change a byte."""
    run: list[tuple[str, Memo]] = []
    for name, content in pairs:
        if isinstance(content, Memo):
            run.append((name, content))
            continue
        yield from _render_run(run, previous, staging, jobs)
        run = []
        yield name, content
    yield from _render_run(run, previous, staging, jobs)


def _render_run(
    run: list[tuple[str, Memo]], previous: _Previous, staging: Path, jobs: int
) -> Iterator[tuple[str, Content | _Written]]:
    todo = [i for i, (name, memo) in enumerate(run)
            if previous.made_from(name, safe_relative_path(name), memo.key) is None]  # fmt: skip
    if len(todo) < FORK_MIN:  # rendered as they are written
        yield from run
        return
    done = iter(run_forked([partial(_render_and_put, previous, staging, *run[i]) for i in todo],
                           jobs))  # fmt: skip
    wanted = set(todo)
    for i, (name, memo) in enumerate(run):
        yield name, next(done) if i in wanted else memo


def _render_and_put(previous: _Previous, staging: Path, name: str, memo: Memo) -> _Written:
    rel = safe_relative_path(name)
    target = staging.joinpath(*rel.parts)
    target.parent.mkdir(parents=True, exist_ok=True)  # other processes may make it too
    return replace(_put(previous, name, rel, target, _encoded(memo)), key=memo.key)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


def _swap(staging: Path, output: Path) -> None:
    """Put staging in output's place; the old output is removed only once the new one is in."""
    staging.chmod(0o755)  # mkdtemp makes it 0700; a published site must be readable
    if not output.exists():
        staging.rename(output)
        return
    retired = output.with_name(f".{output.name}.old-{os.getpid()}")
    shutil.rmtree(retired, ignore_errors=True)
    output.rename(retired)
    try:
        staging.rename(output)
    except BaseException:
        retired.rename(output)
        raise
    shutil.rmtree(retired, ignore_errors=True)
