"""Results of pure computations remembered from one build to the next, by a digest of their
inputs: how each date's reports group into events, each event's markup, its JSON.

A rebuild after one edit must not redo, for thousands of unchanged events, what the last
build did; the extraction cache (``timeline.cache``) spares the per-article stage, these
tables spare the stages after it. A table is read whole at the start of a build and written
at its end with exactly the entries this build used, so it never grows past one site's worth.

Keys must digest everything the value depends on: a table trusts them blindly. The tables
live in the extraction cache's folder for this code version, so new code starts afresh.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Generic, TypeVar

from timeline.cache import write_atomically
from timeline.model import unpickle_quietly

Value = TypeVar("Value")
PROTOCOL = pickle.HIGHEST_PROTOCOL


def digest(*parts: str) -> str:
    """A key from strings, each framed by its length: no two lists of parts give the same
    bytes (("ab", "c") and ("a", "bc") differ). Framed and encoded at once: a page's key has
    dozens of parts, and a build makes thousands of keys."""
    framed = "".join([f"{len(part)}:{part}" for part in parts])
    return hashlib.blake2b(framed.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def digest_of_names(*names: str) -> str:
    """``digest`` for many short strings that hold no control characters (digests, numbers):
    joined and hashed at once, several times quicker for the 100,000 reports of a big site."""
    return hashlib.blake2b("\x1f".join(names).encode("utf-8"), digest_size=16).hexdigest()


class MemoTable(Generic[Value]):
    """A dictionary of remembered results, optionally kept in a file between builds.

    With no file it still remembers within the build, which is what a build without a cache
    (or a test) gets."""

    @classmethod
    def kept_in(cls, folder: Path | None, name: str) -> MemoTable[Value]:
        """The table ``name`` kept in ``folder`` (the cache's, beside its shards), or one
        kept nowhere when there is no folder."""
        return cls(folder / f"memo-{name}.pickle" if folder is not None else None)

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._old: dict[str, Value] = self._read(path) if path is not None else {}
        self._used: dict[str, Value] = {}
        self._released = False
        self.hits = self.misses = 0

    @staticmethod
    def _read(path: Path) -> dict[str, Value]:
        try:
            value = unpickle_quietly(path.read_bytes())
        except Exception:  # missing or damaged: everything is computed again
            return {}
        return value if isinstance(value, dict) else {}

    def _recall(self, key: str) -> Value | None:
        """The value remembered for ``key`` (kept as used by this build), or None."""
        if self._released:
            raise RuntimeError(f"{self.path}: the memo table was released")
        found = self._used.get(key)
        if found is None:
            found = self._old.get(key)
            if found is not None:
                self._used[key] = found
        return found

    def get(self, key: str, compute: Callable[[], Value]) -> Value:
        found = self._recall(key)
        if found is None:
            self.misses += 1
            found = self._used[key] = compute()
        else:
            self.hits += 1
        return found

    def get_many(
        self, keys: Sequence[str], compute: Callable[[list[int]], Iterable[Value]]
    ) -> list[Value]:
        """``get`` for many keys at once: ``compute`` is given the places of the keys not
        remembered and gives their values in that order, so that they can be made together
        (in other processes, say)."""
        values = [self._recall(key) for key in keys]
        missing = [i for i, value in enumerate(values) if value is None]
        self.hits += len(keys) - len(missing)
        self.misses += len(missing)
        for i, value in zip(missing, compute(missing), strict=True):
            values[i] = self._used[keys[i]] = value
        return values  # type: ignore[return-value]  # every place is filled above

    def save(self) -> None:
        """Write the entries this build used, if they are not exactly what the file holds."""
        if self.path is None or self._used.keys() == self._old.keys() or self._released:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # streamed to the file: a table can be hundreds of megabytes
        write_atomically(self.path, partial(pickle.dump, self._used, protocol=PROTOCOL))

    def release(self) -> None:
        """Save, and let go of the entries: the build needs no more of them (a table of every
        event's markup is a hundred megabytes at thousands of articles)."""
        self.save()
        self._old, self._used, self._released = {}, {}, True
