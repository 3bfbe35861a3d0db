"""Results of pure computations remembered from one build to the next, by a digest of their
inputs: how each date's reports group into events, each event's markup, its JSON.

A rebuild after one edit must not redo, for thousands of unchanged events, what the last
build did; the extraction cache (``timeline.cache``) spares the per-article stage, these
tables spare the stages after it. A table is read whole at the start of a build. At its end
the entries the build made are appended to the table's journal: a rebuild after one edit
writes a few hundred kilobytes, not the hundreds of megabytes of a big site's markup. Once the
entries the build did not use outnumber a quarter of those it did, the table is written anew
with exactly the used ones, so it never grows much past one site's worth.

Keys must digest everything the value depends on: a table trusts them blindly. The tables
live in the extraction cache's folder for this code version, so new code starts afresh.
"""

from __future__ import annotations

import hashlib
import io
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
        self._old: dict[str, Value] = {}
        self._journal_whole = True  # every record of the journal could be read back
        if path is not None:
            self._old, self._journal_whole = self._read(path)
        self._used: dict[str, Value] = {}
        self._released = False
        self.hits = self.misses = 0

    @staticmethod
    def _read(path: Path) -> tuple[dict[str, Value], bool]:
        """The table and its journal's records, and whether every record could be read."""
        try:
            value = unpickle_quietly(path.read_bytes())
        except Exception:  # missing or damaged: everything is computed again
            value = {}
        table: dict[str, Value] = value if isinstance(value, dict) else {}
        try:
            data = _journal(path).read_bytes()
        except OSError:
            return table, True
        # each value is a pure function of its key, so a record is good whatever precedes it
        stream = io.BytesIO(data)
        while stream.tell() < len(data):
            try:
                record = unpickle_quietly(stream)
            except Exception:  # cut short by an interrupted build: it, and the rest, are lost
                return table, False
            if not isinstance(record, dict):
                return table, False
            table.update(record)
        return table, True

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
        """Append the entries this build made to the journal; or, once the entries it did not
        use outnumber a quarter of those it did, write the table anew with only the used."""
        if self.path is None or self._released:
            return
        made = {key: value for key, value in self._used.items() if key not in self._old}
        unused = len(self._old) - (len(self._used) - len(made))
        if not made and not unused and self._journal_whole:
            return  # it holds exactly what this build used
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self._old or unused * 4 > len(self._used) or not self._journal_whole:
            # streamed to the file: a table can be hundreds of megabytes
            write_atomically(self.path, partial(pickle.dump, self._used, protocol=PROTOCOL))
            _journal(self.path).unlink(missing_ok=True)
        elif made:
            # one unbuffered write of the whole record: a build appending at the same time
            # (``serve`` beside ``build``) cannot interleave its bytes with these
            record = pickle.dumps(made, protocol=PROTOCOL)
            with _journal(self.path).open("ab", buffering=0) as stream:
                stream.write(record)

    def release(self) -> None:
        """Save, and let go of the entries: the build needs no more of them (a table of every
        event's markup is a hundred megabytes at thousands of articles)."""
        self.save()
        self._old, self._used, self._released = {}, {}, True


def _journal(table: Path) -> Path:
    """Where the entries made since ``table`` was last written whole are appended."""
    return table.with_suffix(".journal")
