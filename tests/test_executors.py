"""Executors: the per-article stage mapped over processes gives what the builtin ``map`` gives."""

from __future__ import annotations

import gc
import importlib.util
import os
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from timeline import __version__, api, executors
from timeline.config import Config
from timeline.errors import ArticleError, TimelineError
from timeline.executors import (
    MAX_BATCH,
    MIN_PARALLEL,
    ExecutorError,
    ProcessMapper,
    batch_size,
    batches,
    check_workers,
    code_fingerprint,
    fork_context,
    make_mapper,
    open_mapper,
    run_pickled_batch,
    unpickle_batch,
    worker_fingerprint,
)


def square(n: int) -> int:
    return n * n


def pid_of(_: int) -> int:
    return os.getpid()


def fail_on_seven(n: int) -> int:
    if n == 7:
        raise ArticleError("articles/seven.md", "has no date", 2)
    return n


def test_one_job_is_the_builtin_map() -> None:
    assert make_mapper(1) is map


@pytest.mark.parametrize("count", [0, 1, 2, 7, 8, 100, 257])
@pytest.mark.parametrize("batch", [None, 1, 3, 64])
def test_process_mapper_keeps_input_order(count: int, batch: int | None) -> None:
    items = list(range(count))
    assert list(ProcessMapper(2, batch)(square, items)) == [n * n for n in items]


@pytest.mark.parametrize("collecting", [True, False])
def test_pickled_batches_round_trip_and_leave_the_collector_as_found(collecting: bool) -> None:
    was_enabled = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        assert unpickle_batch(run_pickled_batch(square, [3, 1, 2])) == [9, 1, 4]
        assert gc.isenabled() is collecting
        with pytest.raises(EOFError):
            unpickle_batch(b"")
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_a_few_articles_run_in_this_process_only_where_workers_are_spawned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Forked workers cost milliseconds: even one article goes to one, and is made there while
    # the caller does other work (reads the cache back).
    if fork_context() is not None:
        assert os.getpid() not in set(ProcessMapper(2, batch=1)(pid_of, [1]))
    # A spawned worker imports everything anew: a few articles are made here instead, one
    # more and the pool is used.
    monkeypatch.setattr(executors, "fork_context", lambda: None)
    assert set(ProcessMapper(2, batch=1)(pid_of, list(range(MIN_PARALLEL - 1)))) == {os.getpid()}
    assert list(ProcessMapper(2, batch=1)(pid_of, [])) == []


def test_a_worker_error_reaches_the_caller_as_itself() -> None:
    with pytest.raises(ArticleError) as caught:
        list(ProcessMapper(2, batch=2)(fail_on_seven, list(range(12))))
    assert str(caught.value) == "articles/seven.md:2: has no date"
    assert caught.value.path == "articles/seven.md" and caught.value.line == 2


@pytest.mark.parametrize("count", [1, 9, 100, 5000, 100_000])
@pytest.mark.parametrize("workers", [1, 2, 16])
def test_batches_cover_everything_once_and_spread_over_workers(count: int, workers: int) -> None:
    size = batch_size(count, workers)
    parts = batches(list(range(count)), size)
    assert [n for part in parts for n in part] == list(range(count))
    assert 1 <= size <= MAX_BATCH
    # Every worker gets work whenever there are enough articles to go round.
    assert len(parts) >= min(count, workers)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"jobs": 0}, "--jobs must be 1 or more"),
        ({"executor": "ray"}, "unknown executor 'ray'"),
        ({"scheduler": "tcp://10.0.0.1:8786"}, "--scheduler needs --executor dask"),
        ({"jobs": 2, "batch": 0}, "batch size must be 1 or more"),
    ],
)
def test_bad_executor_options_are_user_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ExecutorError, match=message) as caught:
        make_mapper(**kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, TimelineError)


def test_the_fingerprint_names_the_version_and_is_stable() -> None:
    assert code_fingerprint().startswith(f"{__version__}+")
    assert code_fingerprint() == code_fingerprint.__wrapped__()  # type: ignore[attr-defined]


def test_workers_with_other_code_are_refused() -> None:
    ours = worker_fingerprint()
    check_workers({"tcp://a:1": ours, "tcp://b:1": ours})
    with pytest.raises(ExecutorError, match=r"tcp://b:1 has 0\.0\.1\+abc"):
        check_workers({"tcp://a:1": ours, "tcp://b:1": "0.0.1+abc"})


def test_the_pool_is_reused_across_calls_and_ended_by_close() -> None:
    # The extraction cache maps its misses chunk by chunk: one pool must serve every chunk.
    mapper = ProcessMapper(2, batch=1)
    first = set(mapper(pid_of, list(range(32)))) - {os.getpid()}
    second = set(mapper(pid_of, list(range(32)))) - {os.getpid()}
    assert first & second and len(first | second) <= 2  # no new workers for the second
    mapper.close()
    for pid in first | second:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert set(mapper(pid_of, list(range(32)))) - {os.getpid()} - first - second  # a new pool


def test_open_mapper_closes_what_it_opened() -> None:
    with open_mapper(jobs=2, batch=1) as mapper:
        workers = set(mapper(pid_of, list(range(16)))) - {os.getpid()}
    assert workers
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    with open_mapper(jobs=1) as mapper:
        assert mapper is map


def test_a_worker_that_cannot_import_timeline_is_named() -> None:
    with pytest.raises(ExecutorError, match=r"worker tcp://b:1 cannot run timeline"):
        check_workers({"tcp://a:1": worker_fingerprint(), "tcp://b:1": ImportError("timeline")})


def test_a_build_on_two_processes_is_byte_identical_to_one(tmp_path: Path) -> None:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # dataclasses look their module up while being made
    spec.loader.exec_module(corpus)
    # enough articles that their pages are rendered in other processes too (FORK_MIN)
    corpus.write_corpus(tmp_path / "articles", 90)
    api.build_site([tmp_path / "articles"], tmp_path / "one", Config())
    with open_mapper(jobs=2, batch=8) as mapper:
        api.build_site([tmp_path / "articles"], tmp_path / "two", Config(), mapper=mapper,
                       jobs=2)  # fmt: skip

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    assert len(files(tmp_path / "one")) > 90 and files(tmp_path / "one") == files(tmp_path / "two")


def test_a_worker_with_another_python_or_dateparser_is_refused() -> None:
    ours = worker_fingerprint()
    assert ours.startswith(code_fingerprint()) and " dateparser " in ours
    other = ours.replace(" python ", " python 2.")
    with pytest.raises(ExecutorError, match="Dask workers run another timeline"):
        check_workers({"tcp://a:1": other})


def test_forked_calls_come_back_in_order_from_other_processes() -> None:
    from timeline.executors import FORK_MIN, fork_context, run_forked

    def call(n: int) -> tuple[int, int]:
        time.sleep(0.002)  # long enough for a forked process to start and take its share
        return n, os.getpid()

    calls = [lambda n=n: call(n) for n in range(FORK_MIN * 3)]  # closures: inherited
    results = list(run_forked(calls, jobs=2))
    assert [n for n, _ in results] == list(range(FORK_MIN * 3))
    if fork_context() is not None:
        assert {pid for _, pid in results} - {os.getpid()}
    few = list(run_forked(calls[:3], jobs=2))  # not worth a fork
    assert few == [(0, os.getpid()), (1, os.getpid()), (2, os.getpid())]


def _slow_elsewhere(n: int, home: int) -> tuple[int, int]:
    if os.getpid() != home:
        time.sleep(0.002)
    return n, os.getpid()


def test_this_process_takes_the_last_batches_while_the_forked_one_is_slow() -> None:
    from timeline.executors import FORK_MIN, fork_context, run_forked

    if fork_context() is None:
        pytest.skip("no fork here: every call is made in this process")
    home = os.getpid()
    count = FORK_MIN * 4
    results = list(run_forked([partial(_slow_elsewhere, n, home) for n in range(count)], jobs=2))
    assert [n for n, _ in results] == list(range(count))
    made_here = [n for n, pid in results if pid == home]
    # the forked process starts at the front; this one takes from the back while it waits
    assert made_here and made_here[-1] == count - 1 and len(made_here) > count // 2


def _fails_at(n: int, bad: frozenset[int]) -> int:
    if n in bad:
        raise ArticleError(f"articles/{n}.md", "broken")
    return n


def test_the_first_error_in_order_is_raised_wherever_it_was_made() -> None:
    from timeline.executors import FORK_MIN, run_forked

    count = FORK_MIN * 4
    bad = frozenset({5, count - 1})  # the last is made here, early: its error must wait
    with pytest.raises(ArticleError, match=r"articles/5\.md: broken"):
        list(run_forked([partial(_fails_at, n, bad) for n in range(count)], jobs=2))


def _dies_elsewhere(n: int, home: int) -> int:
    if os.getpid() != home:
        os._exit(3)  # as a process killed for want of memory would
    time.sleep(0.002)
    return n


def test_a_forked_process_that_dies_is_a_one_line_error_not_a_hang() -> None:
    from timeline.executors import FORK_MIN, ExecutorError, fork_context, run_forked

    if fork_context() is None:
        pytest.skip("no fork here: every call is made in this process")
    calls = [partial(_dies_elsewhere, n, os.getpid()) for n in range(FORK_MIN * 2)]
    with pytest.raises(ExecutorError, match=r"ended without its results \(exit code 3\)"):
        run_forked(calls, jobs=2)
