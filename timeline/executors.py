"""Executors: ways to map the per-article stage over the articles, results in input order.

``make_mapper`` returns a ``Mapper`` (see ``timeline.api``) for ``build_timeline``:

- ``jobs=1``: the builtin ``map``, in this process;
- ``jobs=N``: a pool of N worker processes on this machine;
- ``executor="dask"``: a Dask cluster, at ``scheduler`` (``tcp://host:8786``) or, without one, a
  local cluster started for the build.

Articles travel in batches, so the cost of sending work (pickling, one task per message)
is paid per batch rather than per article. A pool or Dask client is opened on the first call
and reused by later ones; ``with make_mapper(...) as mapper`` (or ``mapper.close()``) ends it,
and it ends anyway when the mapper is dropped. The per-article stage is pure, so where it
runs cannot change the output.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import sys
import tempfile
import weakref
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from timeline import __version__
from timeline.errors import TimelineError
from timeline.model import unpickle_quietly

if TYPE_CHECKING:
    from timeline.api import Mapper

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "dask")
# Enough batches per worker to even out slow and fast batches, few enough that the
# per-batch overhead (a pickle round trip, a scheduler task) stays small.
BATCHES_PER_WORKER = 4
MAX_BATCH = 64
# Below this many articles a process pool's start-up outweighs what it saves, where workers
# are spawned (each imports everything anew). Forked ones start in milliseconds, so there
# even one article goes to a worker: it is made while the caller reads the cache back.
MIN_PARALLEL = 8


class ExecutorError(TimelineError):
    """The chosen executor cannot run the build (Dask missing, scheduler unreachable, ...)."""


def batch_size(count: int, workers: int) -> int:
    """Articles per batch for ``count`` articles over ``workers`` workers."""
    return max(1, min(MAX_BATCH, -(-count // (max(workers, 1) * BATCHES_PER_WORKER))))


def batches(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_batch(fn: Callable[[T], R], batch: Sequence[T]) -> list[R]:
    """What a worker runs: the stage over one batch. Module-level, so it pickles by name."""
    return [fn(item) for item in batch]


def run_pickled_batch(fn: Callable[[T], R], batch: Sequence[T]) -> bytes:
    """What a pool worker runs: ``run_batch``, its results pickled here, so that the parent
    unpickles them itself (``unpickle_batch``) rather than in the pool's result thread."""
    return pickle.dumps(run_batch(fn, batch), protocol=pickle.HIGHEST_PROTOCOL)


def unpickle_batch(blob: bytes) -> list[Any]:
    """``run_pickled_batch``'s results, unpickled with the collector paused."""
    results: list[Any] = unpickle_quietly(blob)
    return results


def make_mapper(
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    batch: int | None = None,
) -> Mapper:
    """The mapper for ``--jobs``/``--executor``/``--scheduler``; raise ExecutorError if unusable."""
    if executor not in EXECUTORS:
        raise ExecutorError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    if jobs < 1:
        raise ExecutorError(f"--jobs must be 1 or more, not {jobs}")
    if batch is not None and batch < 1:
        raise ExecutorError(f"batch size must be 1 or more, not {batch}")
    if executor == "dask":
        return DaskMapper(scheduler, jobs, batch)
    if scheduler is not None:
        raise ExecutorError("--scheduler needs --executor dask")
    if jobs == 1:
        return map
    return ProcessMapper(jobs, batch)


@contextmanager
def open_mapper(
    jobs: int = 1, executor: str = "local", scheduler: str | None = None, batch: int | None = None
) -> Iterator[Mapper]:
    """``make_mapper`` for the length of a ``with`` block: its pool or client ends with it."""
    mapper = make_mapper(jobs, executor, scheduler, batch)
    try:
        yield mapper
    finally:
        if isinstance(mapper, _Reusable):
            mapper.close()


class _Reusable:
    """A mapper that opens its pool or client on first use and keeps it for later calls (the
    cache maps its misses chunk by chunk). ``close()`` or a ``with`` block releases it; if
    neither happens, it is released when the mapper is garbage-collected or at exit."""

    _finalizer: weakref.finalize[Any, Any] | None = None

    def close(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
            self._finalizer = None

    def __enter__(self: M) -> M:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _keep(self, resource: Any, release: Callable[..., object], *args: object) -> Any:
        self._finalizer = weakref.finalize(self, release, *args)
        return resource


M = TypeVar("M", bound=_Reusable)


class ProcessMapper(_Reusable):
    """Map over a pool of ``jobs`` processes on this machine, in batches; results stream back
    in input order as their batches finish."""

    def __init__(self, jobs: int, batch: int | None = None) -> None:
        self.jobs = jobs
        self.batch = batch
        self._pool: ProcessPoolExecutor | None = None

    def __repr__(self) -> str:
        return f"ProcessMapper(jobs={self.jobs}, batch={self.batch})"

    def __call__(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        items = list(items)
        parts = batches(items, self.batch or batch_size(len(items), self.jobs))
        if not items or (len(items) < MIN_PARALLEL and fork_context() is None):
            return iter(run_batch(fn, items))  # a pool would cost more than it saves
        blobs = self._executor().map(run_pickled_batch, [fn] * len(parts), parts)  # all submitted
        return (r for blob in blobs for r in unpickle_batch(blob))

    def close(self) -> None:
        self._pool = None
        super().close()

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None or self._finalizer is None or not self._finalizer.alive:
            pool = ProcessPoolExecutor(self.jobs, mp_context=_context())
            self._pool = self._keep(pool, pool.shutdown)
        return self._pool


def _context() -> multiprocessing.context.BaseContext:
    # fork starts workers in milliseconds with every module (dateparser, the tagger's
    # tables) already imported; spawn would re-import all of that in each worker.
    # macOS and Windows lack a safe fork, and 3.14 stops defaulting to it.
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def fork_context() -> multiprocessing.context.BaseContext | None:
    """The fork start method where it is safe (Linux), else None: what a pool needs to run
    work it inherits rather than receives (closures do not pickle)."""
    context = _context()
    return context if context.get_start_method() == "fork" else None


# Fewer calls than this are made here: forking would cost more than it saves.
FORK_MIN = 64


def run_forked(calls: Sequence[Callable[[], R]], jobs: int) -> list[R]:
    """Each call's result, in order, the calls made by this process and ``jobs - 1`` processes
    forked from it, which inherit them and send back only the results: for pure work on what
    this process holds (the assembled timeline), which would cost more to send than to
    inherit. Where fork is not safe (not on Linux), with one job or with few calls
    (``FORK_MIN``), all calls are made here. If calls raise, the first error in call order is
    raised, wherever it was made.

    The calls are handed out in small batches from both ends of one shared range: the forked
    processes take them from the front, this one from the back, until the ends meet, so no
    process waits while another has work left. A forked process appends each batch's results
    to a file of its own, which this process reads once its share is made: a pool's message
    per batch (and the thread receiving them, contending for this process's GIL) made export
    parts slower on two processes than on one, and a file, unlike a pipe no one reads yet,
    never makes the forked process hold its results or wait."""
    context = fork_context()
    if jobs < 2 or context is None or len(calls) < FORK_MIN:
        return _call_each(calls)
    size = max(1, min(32, len(calls) // (jobs * 8)))  # small: the ends meet evenly
    ends = context.RawArray("q", [0, len(calls)])  # the range not handed out: [front, back)
    lock = context.Lock()
    forked: list[tuple[Any, BinaryIO]] = []
    try:
        for _ in range(jobs - 1):
            results: BinaryIO = tempfile.TemporaryFile()  # noqa: SIM115 (closed below)
            # (a context's Process is its own class; BaseContext does not declare it)
            process = context.Process(  # type: ignore[attr-defined]
                target=_make_from_front, args=(calls, ends, lock, size, results)
            )
            forked.append((process, results))
            process.start()
        made = _made_from_back(calls, ends, lock, size)
        for process, results in forked:
            process.join()
            made += _read_batches(results, process.exitcode)
    finally:
        for process, results in forked:  # one still busy after an error here is stopped
            if process.is_alive():
                process.terminate()
                process.join()
            results.close()
    made.sort(key=lambda batch: batch[0])
    ordered: list[R] = []
    for _, batch in made:
        if isinstance(batch, _Failed):
            raise batch.error
        ordered += batch
    return ordered


class _Failed:
    """A batch whose call raised: the error, kept for its turn in call order."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Failed, (self.error,))


Batch = tuple[int, "list[Any] | _Failed"]  # (its first call's place, its results or error)
_ALL_SENT: Batch = (-1, [])  # a forked process's last record: without it, it died on the way


def _call_each(calls: Sequence[Callable[[], R]]) -> list[R]:
    return [call() for call in calls]


def _made_from_back(calls: Sequence[Callable[[], Any]], ends: Any, lock: Any, size: int) -> (
    list[Batch]
):
    """This process's share: batches from the back of the range until it is used up. An
    error stops nothing: the batches still in the range come before it in call order."""
    made: list[Batch] = []
    while True:
        with lock:
            front, back = ends[0], ends[1]
            if back <= front:
                return made
            start = ends[1] = max(front, back - size)
        try:
            made.append((start, _call_each(calls[start:back])))
        except Exception as exc:
            made.append((start, _Failed(exc)))


def _make_from_front(calls: Sequence[Callable[[], Any]], ends: Any, lock: Any, size: int,
                     results: BinaryIO) -> None:  # fmt: skip
    """A forked process's share: batches from the front, each written to ``results`` as it is
    made. An error ends the range: what is after it cannot be the first error."""
    while True:
        with lock:
            start, back = ends[0], ends[1]
            if back <= start:
                break
            stop = ends[0] = min(back, start + size)
        batch: Batch
        try:
            batch = (start, _call_each(calls[start:stop]))
        except Exception as exc:
            batch = (start, _Failed(exc))
            with lock:
                ends[1] = ends[0]
        try:
            pickle.dump(batch, results, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # a result or error that cannot be pickled
            failed = ExecutorError(f"a forked process could not send its results back: {exc!r}")
            pickle.dump((start, _Failed(failed)), results, pickle.HIGHEST_PROTOCOL)
        if isinstance(batch[1], _Failed):
            break
    pickle.dump(_ALL_SENT, results, pickle.HIGHEST_PROTOCOL)
    results.flush()


def _read_batches(results: BinaryIO, exitcode: int | None) -> list[Batch]:
    """The batches a forked process wrote; an error if it ended before writing them all."""
    results.seek(0)
    batches: list[Batch] = []
    was_enabled = gc.isenabled()
    gc.disable()  # results are many objects and no garbage (see ``unpickle_quietly``)
    try:
        while True:
            try:
                batch = pickle.load(results)
            except Exception:  # cut short: the process died while writing
                raise ExecutorError(
                    f"a rendering process ended without its results (exit code {exitcode}); "
                    "if memory is short, build with --jobs 1"
                ) from None
            if batch[0] == _ALL_SENT[0]:
                return batches
            batches.append(batch)
    finally:
        if was_enabled:
            gc.enable()


def default_jobs() -> int:
    """The CPUs this process may use (for ``--jobs 0`` or an ``auto`` setting)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


class DaskMapper(_Reusable):
    """Map over a Dask cluster: at ``scheduler``, or a local one of ``jobs`` worker processes
    started on first use. Workers are checked to run this very timeline once, on connecting."""

    def __init__(
        self, scheduler: str | None, jobs: int = 1, batch: int | None = None, timeout: float = 10
    ) -> None:
        self.scheduler = scheduler
        self.jobs = jobs
        self.batch = batch
        self.timeout = timeout  # seconds to wait for the scheduler to answer
        self._client: Any = None

    def __repr__(self) -> str:
        return f"DaskMapper(scheduler={self.scheduler!r}, jobs={self.jobs}, batch={self.batch})"

    def __call__(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        items = list(items)
        client = self._connect()
        workers = len(client.scheduler_info()["workers"]) or self.jobs
        parts = batches(items, self.batch or batch_size(len(items), workers))
        # pure=False: a batch is cheap to name and Dask's hashing of articles is not.
        futures = client.map(run_batch, [fn] * len(parts), parts, pure=False)
        return _in_order(futures)

    def close(self) -> None:
        self._client = None
        super().close()

    def _connect(self) -> Any:
        if self._client is not None and self._finalizer is not None and self._finalizer.alive:
            return self._client
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise ExecutorError(
                "--executor dask needs Dask; install it with: pip install 'newstimeline[dask]'"
            ) from exc
        if self.scheduler is None:
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.jobs, threads_per_worker=1, processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)  # type: ignore[no-untyped-call]
            self._client = self._keep(client, _close_all, client, cluster)
        else:
            try:
                client = Client(self.scheduler, timeout=self.timeout)  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError, ValueError) as exc:
                raise ExecutorError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); "
                    "check the address (tcp://host:8786) and that the scheduler is running"
                ) from exc
            self._client = self._keep(client, _close_all, client)
        try:
            check_workers(client.run(worker_fingerprint, on_error="return"))
        except BaseException:
            self.close()
            raise
        return self._client


def _in_order(futures: list[Any]) -> Iterator[Any]:
    for future in futures:
        yield from future.result()  # re-raises a worker's exception as itself


def _close_all(*closables: Any) -> None:
    for thing in closables:
        thing.close()


@cache
def code_fingerprint() -> str:
    """The version plus a hash of the package's Python sources: two installs that could
    extract differently (an edited checkout keeps its version) get different fingerprints."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def worker_fingerprint() -> str:
    """Run on each Dask worker (and here, to compare): what its extraction depends on."""
    try:
        dateparser = metadata.version("dateparser")
    except metadata.PackageNotFoundError:
        dateparser = "none"
    python = "{}.{}".format(*sys.version_info[:2])
    return f"{code_fingerprint()} python {python} dateparser {dateparser}"


def check_workers(found: dict[str, object]) -> None:
    """Every worker must run this very timeline, or the output could depend on the machine."""
    ours = worker_fingerprint()
    broken = {w: v for w, v in found.items() if not isinstance(v, str)}
    if broken:  # client.run(on_error="return") hands back what a worker raised
        raise ExecutorError(
            f"Dask worker {min(broken)} cannot run timeline ({broken[min(broken)]}); "
            f"install newstimeline=={__version__} on every worker"
        )
    wrong = {w: v for w, v in sorted(found.items()) if v != ours}
    if wrong:
        listed = ", ".join(f"{w} has {v}" for w, v in wrong.items())
        raise ExecutorError(
            f"Dask workers run another timeline than this one ({ours}): {listed}; "
            f"install the same newstimeline ({__version__}, same sources) on every worker"
        )
