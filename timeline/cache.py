"""A cache of each article's extraction on disk, so a rebuild redoes only what changed.

An entry's key hashes everything the extraction depends on: the whole Article (text, date,
timezone, language, pins, path...), the code (version plus a hash of the package's sources,
so an edited tagger in a checkout invalidates it), the Python and dateparser versions, and a
``context`` string for any configuration the stage may come to read. Entries live under
``<cache>/<code fingerprint>/``; folders of other fingerprints are stale and are removed.

Entries are pickled ``Extraction`` values, in files written atomically (temporary file +
rename). The cache is local and written only by timeline, so unpickling it is as safe as
running the code.
At the end of a build its entries are packed into 16 shard files (by the first digit of their
key), so the next build reads 16 files, not one per article. A shard maps keys to each entry's
own pickle, so packing a shard again after one edit copies the other entries' bytes rather
than pickling them again. New entries are saved during the
build in batch files of 64, so an interrupted build keeps its work; the next pack folds them in.

Beside the entries, ``parsed-articles.pickle`` keeps the articles each source file parsed into,
keyed by a digest of the file's bytes, so a rebuild does not parse 5,000 front matters again.

A missing, truncated or corrupt entry is a miss, never a crash, and a hit is only used after
checking that it holds this very article.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import metadata
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from timeline.errors import ConfigError
from timeline.executors import code_fingerprint
from timeline.model import Article, Extraction, unpickle_quietly

Stage = Callable[[Article], Extraction]
# a map over articles, results in input order (the stage may be wrapped: see run_pickled)
Mapper = Callable[[Callable[[Article], Any], Sequence[Article]], Iterable[Any]]
Progress = Callable[[int, int], None]  # (articles done, articles in all)

PICKLE_PROTOCOL = pickle.HIGHEST_PROTOCOL
PARSED_FILE = "parsed-articles.pickle"  # not an entry: entries are named by a sha256
RECORD_FOLDER = "builds"  # the last build's record per output (timeline.incremental)
SHARD_DIGITS = 1  # entries are packed in 16 shard files by the first hex digit of their key
SHARD_PREFIX = "shard-"
BATCH_PREFIX = "batch-"  # new entries saved during a build, packed into shards at its end

# https://bford.info/cachedir/: backup tools skip a folder holding this file; we also refuse
# to delete a folder that lacks it, in case ``cache`` was pointed at something precious.
TAG_NAME = "CACHEDIR.TAG"
TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache tag created by timeline (build cache); delete the folder freely.\n"
)


@cache
def version_key() -> str:
    """Everything about the code that an extraction depends on."""
    try:
        dateparser = metadata.version("dateparser")
    except metadata.PackageNotFoundError:
        dateparser = "none"
    python = "{}.{}".format(*sys.version_info[:2])
    digest = hashlib.sha256(f"{code_fingerprint()}|py{python}|dp{dateparser}".encode())
    return digest.hexdigest()[:16]


def extraction_key(article: Article, context: str = "") -> str:
    """A digest of what an article's extraction is made from, for this code version."""
    # repr of a frozen dataclass lists every field, in order, with exact values.
    return hashlib.sha256(f"{context}\x1f{article!r}".encode()).hexdigest()


@dataclass
class ExtractionCache:
    """Extractions on disk under ``folder``; counts hits and misses for the build summary.

    With ``in_memory``, the extractions of the last build also stay in this process, so the
    next build with the same cache object (``timeline serve`` makes one build per change)
    unpickles nothing it made or read before; ``new_build`` readies it for the next one."""

    folder: Path
    context: str = ""
    in_memory: bool = False
    hits: int = field(default=0, init=False)
    misses: int = field(default=0, init=False)
    _shards: dict[str, dict[str, object]] = field(default_factory=dict, init=False, repr=False)
    _batches: dict[str, object] | None = field(default=None, init=False, repr=False)
    _fresh: dict[str, bytes] = field(default_factory=dict, init=False, repr=False)  # this build's
    # each article's key, made once a build (a digest of its whole text), by the article's id
    # (hashing an article hashes its whole text again)
    _keys: dict[int, tuple[Article, str]] = field(default_factory=dict, init=False, repr=False)
    # by key, the last build's extractions (``in_memory`` only)
    _live: dict[str, Extraction] = field(default_factory=dict, init=False, repr=False)

    def new_build(self) -> None:
        """Forget what a build counted and read from disk (another process may have written
        the cache since); only the extractions kept in memory stay."""
        self.hits = self.misses = 0
        self._shards, self._batches, self._fresh, self._keys = {}, None, {}, {}

    @property
    def entries(self) -> Path:
        return self.folder / version_key()

    def key(self, article: Article) -> str:
        known = self._keys.get(id(article))
        if known is not None and known[0] is article:
            return known[1]
        found = extraction_key(article, self.context)
        self._keys[id(article)] = (article, found)  # the article kept: its id stays its own
        return found

    def holds(self, article: Article) -> bool:
        """Is there an entry for the article? (Read back by ``get``, it may still turn out
        damaged or another article's.) Cheap: nothing is unpickled."""
        key = self.key(article)
        return key in self._live or isinstance(self._entry(key), bytes)

    def _entry(self, key: str) -> object:
        data = self._shard(key).get(key)
        return self._unpacked().get(key) if data is None else data

    def get(self, article: Article) -> Extraction | None:
        key = self.key(article)
        value: object = self._live.get(key)
        if value is None:
            data = self._entry(key)
            try:
                value = unpickle_quietly(data) if isinstance(data, bytes) else None
            except Exception:
                value = None
        if not isinstance(value, Extraction) or value.tagged.article != article:
            return None  # missing, or damaged into something else: recompute it
        return value

    def put_many(self, pairs: Sequence[tuple[Article, bytes]]) -> None:
        """Save a batch of new entries (each extraction pickled, see ``run_pickled``) at once,
        in one file, so an interrupted build keeps the work it did; ``pack`` folds such
        batches into the shards at the end of a build."""
        if not pairs:
            return
        entries = {self.key(article): data for article, data in pairs}
        self._fresh.update(entries)
        self.entries.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256("".join(entries).encode()).hexdigest()[:16]
        write_atomically(self.entries / f"{BATCH_PREFIX}{name}.pickle",
                          pickle.dumps(entries, PICKLE_PROTOCOL))  # fmt: skip

    def _load_dict(self, path: Path) -> dict[str, object]:
        try:
            value = unpickle_quietly(path.read_bytes())
        except Exception:  # missing or damaged: its entries are misses
            return {}
        return value if isinstance(value, dict) else {}

    def _shard(self, key: str) -> dict[str, object]:
        name = key[:SHARD_DIGITS]
        if name not in self._shards:
            self._shards[name] = self._load_dict(self.entries / f"{SHARD_PREFIX}{name}.pickle")
        return self._shards[name]

    def _unpacked(self) -> dict[str, object]:
        """Entries of batches a build saved but did not pack (it was interrupted)."""
        if self._batches is None:
            self._batches = {}
            for path in sorted(self.entries.glob(f"{BATCH_PREFIX}*.pickle")):
                self._batches.update(self._load_dict(path))
        return self._batches

    def pack(self, used: Sequence[tuple[Article, Extraction]]) -> None:
        """Fold this build's entries into shard files: one file read per shard on the next
        build instead of one per article. A shard is rewritten only when what it should hold
        (exactly this build's entries with its prefix) differs from what it holds, so a
        rebuild after one edit rewrites one shard. Batch files are then removed."""
        wanted: dict[str, dict[str, bytes]] = {}
        for article, extraction in used:
            key = self.key(article)
            shard = key[:SHARD_DIGITS]
            data = self._shard(shard).get(key) or self._fresh.get(key)
            if not isinstance(data, bytes):  # from an interrupted build's batch, or damaged
                data = pickle.dumps(extraction, PICKLE_PROTOCOL)
            wanted.setdefault(shard, {})[key] = data
        batches = list(self.entries.glob(f"{BATCH_PREFIX}*.pickle"))
        for name, entries in wanted.items():
            if set(self._shard(name)) != set(entries):
                self.entries.mkdir(parents=True, exist_ok=True)
                write_atomically(self.entries / f"{SHARD_PREFIX}{name}.pickle",
                                  pickle.dumps(entries, PICKLE_PROTOCOL))  # fmt: skip
                self._shards[name] = dict(entries)
        for path in batches:
            path.unlink(missing_ok=True)
        self._batches = None
        if self.in_memory:
            self._live = {self.key(article): extraction for article, extraction in used}

    def parsed_articles(self) -> dict[str, tuple[Article, ...]]:
        """The articles of the source files the last build parsed, by ``load.parse_key``."""
        try:
            value = unpickle_quietly((self.entries / PARSED_FILE).read_bytes())
        except Exception:  # missing or damaged: parse every file again
            return {}
        return value if isinstance(value, dict) else {}

    def keep_parsed_articles(
        self, parsed: dict[str, tuple[Article, ...]], before: Iterable[str]
    ) -> None:
        """Save what this build parsed (only the files it read), unless nothing changed."""
        if set(parsed) == set(before):
            return
        self.entries.mkdir(parents=True, exist_ok=True)
        write_atomically(self.entries / PARSED_FILE, pickle.dumps(parsed, PICKLE_PROTOCOL))

    def prepare(self) -> None:
        """Create the folder (tagged, git-ignored) and drop entries of other code versions."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"{self.folder}: cannot be made the cache ({exc.strerror}); set 'cache' in "
                "timeline.toml to a folder you can write, or build with --no-cache"
            ) from None
        tag = self.folder / TAG_NAME
        if not tag.exists():
            self._check_ours()
            tag.write_text(TAG, "utf-8")
            (self.folder / ".gitignore").write_text("# created by timeline\n*\n", "utf-8")
        for child in self.folder.iterdir():
            if child.is_dir() and child.name not in {version_key(), RECORD_FOLDER}:
                shutil.rmtree(child, ignore_errors=True)

    def clear(self) -> bool:
        """Delete the whole cache; return whether there was one."""
        self._live = {}
        if not self.folder.exists():
            return False
        self._check_ours()
        shutil.rmtree(self.folder)
        return True

    def _check_ours(self) -> None:
        if not self.folder.is_dir():
            raise ConfigError(f"{self.folder}: the cache must be a folder; choose another 'cache'")
        if (self.folder / TAG_NAME).exists() or not any(self.folder.iterdir()):
            return
        raise ConfigError(
            f"{self.folder}: is not a timeline cache (it has no {TAG_NAME}) and is not empty; "
            "set 'cache' in timeline.toml to a folder of its own"
        )


def write_atomically(target: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Readers of ``target`` see the old file or the whole new one, never a part. ``data`` is
    the bytes, or a function writing them to a stream (so that they need not be in memory
    whole, as a pickle of hundreds of megabytes)."""
    fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                data(stream)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run_pickled(stage: Stage, article: Article) -> bytes:
    """The stage, its result pickled where it ran: a worker sends those bytes anyway, and the
    cache keeps them as they are, so a new extraction is pickled once, not once more here."""
    return pickle.dumps(stage(article), PICKLE_PROTOCOL)


def cached_mapper(
    store: ExtractionCache | None,
    inner: Mapper = map,
    progress: Progress | None = None,
    chunk: int = 64,
) -> Mapper:
    """A Mapper that serves what ``store`` has, runs ``inner`` on the rest in chunks (each
    saved as soon as it is done, so an interrupted build keeps its work), and reports
    progress after each chunk. With no store it only adds the progress reports."""

    def mapped(stage: Stage, articles: Sequence[Article]) -> list[Extraction]:
        articles = list(articles)
        results: list[Extraction | None] = [None] * len(articles)
        # The misses are handed to the executor before the hits are read back: a pool's
        # workers extract them (and compile the tagger's patterns) while this process
        # unpickles thousands of entries, the slowest part of a rebuild after one edit.
        known: list[int] = []  # places of the articles the store has an entry for
        unknown: list[int] = []
        for i, a in enumerate(articles):
            (known if store is not None and store.holds(a) else unknown).append(i)
        fresh = _start(store, inner, stage, [articles[i] for i in unknown])
        if store is not None:
            for i in known:
                results[i] = store.get(articles[i])
        # an entry that turned out damaged or another article's is made here, after the rest
        damaged = [i for i in known if results[i] is None]
        missing = unknown + damaged
        if damaged:
            fresh = chain(fresh, _start(store, map, stage, [articles[i] for i in damaged]))
        done = len(articles) - len(missing)
        if store is not None:
            store.hits += done
            store.misses += len(missing)
        if progress is not None:
            progress(done, len(articles))
        # What was read back lives to the end of the build. Frozen, it is not walked by the
        # collections that making the misses triggers, here or in workers forked from here
        # (where walking it would also copy its memory): the one extraction of a rebuild after
        # reading 5,000 back took 0.47 s, and 0.13 s frozen. A caller's own freeze is kept.
        freezing = bool(missing) and done > 0 and gc.get_freeze_count() == 0
        if freezing:
            gc.freeze()
        try:
            pending: list[tuple[Article, bytes]] = []
            waiting = 0  # results not reported yet
            for i, item in zip(missing, fresh, strict=True):
                if isinstance(item, bytes):
                    results[i] = unpickle_quietly(item)
                    pending.append((articles[i], item))
                else:
                    results[i] = item
                waiting += 1
                if waiting == chunk or waiting + done == len(articles):
                    if store is not None:
                        store.put_many(pending)
                    done += waiting
                    pending, waiting = [], 0
                    if progress is not None:
                        progress(done, len(articles))
        finally:
            if freezing:
                gc.unfreeze()
        found = [r for r in results if r is not None]
        if store is not None:
            store.pack(list(zip(articles, found, strict=True)))
        return found

    return mapped


def _start(
    store: ExtractionCache | None, inner: Mapper, stage: Stage, todo: Sequence[Article]
) -> Iterable[Extraction | bytes]:
    """Hand the articles to the executor: one call for all of them, so it keeps every worker
    busy to the end, and results come back in order as they finish. With a store, workers
    send each extraction pickled, to be kept as it came."""
    if not todo:
        return iter(())
    return inner(stage, todo) if store is None else inner(partial(run_pickled, stage), todo)


def check_cache_folder(folder: Path, output: Path) -> None:
    """The cache must stay out of the output folder (each build replaces it) and vice versa."""
    cache_dir, out = folder.resolve(), output.resolve()
    if cache_dir == out or cache_dir.is_relative_to(out) or out.is_relative_to(cache_dir):
        raise ConfigError(
            f"{folder}: the cache folder overlaps the output folder {output}; "
            "set 'cache' in timeline.toml to another folder"
        )
