"""Executors: ways to map the per-article stage over the articles, results in input order.

``make_mapper`` returns a ``Mapper`` (see ``timeline.api``) for ``build_timeline``:

- ``jobs=1``: the builtin ``map``, in this process;
- ``jobs=N``: a pool of N worker processes on this machine;
- ``executor="dask"``: a Dask cluster, at ``scheduler`` (``tcp://host:8786``) or, without one, a
  local cluster started for the build.

Articles travel in batches, so the cost of sending work (pickling, one task per message)
is paid per batch rather than per article. Every mapper opens its pool or client when called
and closes it before returning, so a Mapper is a plain value with nothing to shut down.
The per-article stage is pure, so where it runs cannot change the output.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from timeline import __version__
from timeline.errors import TimelineError

if TYPE_CHECKING:
    from timeline.api import Mapper

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "dask")
# Enough batches per worker to even out slow and fast batches, few enough that the
# per-batch overhead (a pickle round trip, a scheduler task) stays small.
BATCHES_PER_WORKER = 4
MAX_BATCH = 64
# Below this many articles a process pool's start-up outweighs what it saves.
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


class ProcessMapper:
    """Map over a pool of ``jobs`` processes on this machine, in batches."""

    def __init__(self, jobs: int, batch: int | None = None) -> None:
        self.jobs = jobs
        self.batch = batch

    def __repr__(self) -> str:
        return f"ProcessMapper(jobs={self.jobs}, batch={self.batch})"

    def __call__(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterable[R]:
        items = list(items)
        size = self.batch or batch_size(len(items), self.jobs)
        parts = batches(items, size)
        if len(items) < MIN_PARALLEL or len(parts) < 2:  # a pool would cost more than it saves
            return run_batch(fn, items)
        workers = min(self.jobs, len(parts))
        with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
            results = pool.map(run_batch, [fn] * len(parts), parts)
            return [r for part in results for r in part]


def _context() -> multiprocessing.context.BaseContext:
    # fork starts workers in milliseconds with every module (dateparser, the tagger's
    # tables) already imported; spawn would re-import all of that in each worker.
    # macOS and Windows lack a safe fork, and 3.14 stops defaulting to it.
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def default_jobs() -> int:
    """The CPUs this process may use (for ``--jobs 0`` or an ``auto`` setting)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


class DaskMapper:
    """Map over a Dask cluster: at ``scheduler``, or a local one of ``jobs`` worker processes."""

    def __init__(
        self, scheduler: str | None, jobs: int = 1, batch: int | None = None, timeout: float = 10
    ) -> None:
        self.scheduler = scheduler
        self.jobs = jobs
        self.batch = batch
        self.timeout = timeout  # seconds to wait for the scheduler to answer

    def __repr__(self) -> str:
        return f"DaskMapper(scheduler={self.scheduler!r}, jobs={self.jobs}, batch={self.batch})"

    def __call__(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterable[R]:
        items = list(items)
        with self._client() as client:
            try:
                check_workers(client.run(worker_fingerprint))
            except ImportError as exc:  # raised from a worker that cannot import timeline
                raise ExecutorError(
                    f"a Dask worker cannot import timeline ({exc}); "
                    f"install newstimeline=={__version__} on every worker"
                ) from exc
            workers = len(client.scheduler_info()["workers"]) or self.jobs
            parts = batches(items, self.batch or batch_size(len(items), workers))
            # pure=False: a batch is cheap to name and Dask's hashing of articles is not.
            futures = client.map(run_batch, [fn] * len(parts), parts, pure=False)
            results = client.gather(futures)
        return [r for part in results for r in part]

    def _client(self) -> AbstractContextManager[Any]:
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
            return _ClusterClient(cluster, Client(cluster))  # type: ignore[no-untyped-call]
        try:
            client: AbstractContextManager[Any] = Client(  # type: ignore[no-untyped-call]
                self.scheduler, timeout=self.timeout
            )
            return client
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(
                f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); "
                "check the address (tcp://host:8786) and that the scheduler is running"
            ) from exc


class _ClusterClient(AbstractContextManager[Any]):
    """A client that shuts down the local cluster it was made for."""

    def __init__(self, cluster: Any, client: Any) -> None:
        self.cluster, self.client = cluster, client

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


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
    """Run on each Dask worker: its timeline's fingerprint."""
    return code_fingerprint()


def check_workers(found: dict[str, str]) -> None:
    """Every worker must run this very timeline, or the output could depend on the machine."""
    ours = code_fingerprint()
    wrong = {w: v for w, v in sorted(found.items()) if v != ours}
    if wrong:
        listed = ", ".join(f"{w} has {v}" for w, v in wrong.items())
        raise ExecutorError(
            f"Dask workers run another timeline than this one ({ours}): {listed}; "
            f"install the same newstimeline ({__version__}, same sources) on every worker"
        )
