"""The extraction stage on a Dask cluster: same results, in the same order, as in one process.

Dask is the optional ``dask`` extra. Without it these tests skip, except in CI (``CI`` set),
where the extra is installed and a skip would hide a broken executor.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from timeline.executors import DaskMapper, ExecutorError, make_mapper

if os.environ.get("CI"):
    import dask.distributed as distributed
else:
    distributed = pytest.importorskip("dask.distributed")


def square(n: int) -> int:
    return n * n


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A small cluster inside this process (threads, loopback only), for the whole module."""
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None,
        host="127.0.0.1", protocol="tcp://",
    ) as cluster:
        yield cluster.scheduler_address


def test_the_dask_executor_is_chosen_by_name(scheduler: str) -> None:
    mapper = make_mapper(executor="dask", scheduler=scheduler)
    assert isinstance(mapper, DaskMapper) and mapper.scheduler == scheduler


@pytest.mark.parametrize("batch", [None, 1, 7])
def test_dask_keeps_input_order(scheduler: str, batch: int | None) -> None:
    items = list(range(50))
    assert list(DaskMapper(scheduler, batch=batch)(square, items)) == [n * n for n in items]


def test_an_unreachable_scheduler_is_a_user_error() -> None:
    with pytest.raises(ExecutorError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        DaskMapper("tcp://127.0.0.1:9", timeout=1)(square, [1, 2])


def test_one_client_serves_every_call_until_closed(scheduler: str) -> None:
    with DaskMapper(scheduler, batch=4) as mapper:
        assert list(mapper(square, range(10))) == [n * n for n in range(10)]
        client = mapper._client
        assert list(mapper(square, range(10, 20))) == [n * n for n in range(10, 20)]
        assert mapper._client is client
    assert mapper._client is None and client.status == "closed"
