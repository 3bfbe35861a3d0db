"""The extraction stage on a Dask cluster: same results, in the same order, as in one process.

Dask is the optional ``dask`` extra. Without it these tests skip, except in CI (``CI`` set),
where the extra is installed and a skip would hide a broken executor.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline import api
from timeline.config import Config
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


def _write_corpus(folder: Path, n: int) -> Path:
    """The benchmark's generated news corpus (benchmarks/ is scripts, not a package)."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    module.write_corpus(folder, n)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_dask_build_is_byte_identical_to_a_local_one(scheduler: str, tmp_path: Path) -> None:
    articles = _write_corpus(tmp_path / "articles", 24)
    api.build_site([articles], tmp_path / "local", Config())
    with DaskMapper(scheduler, batch=5) as mapper:
        result = api.build_site([articles], tmp_path / "dask", Config(), mapper=mapper)
    assert result.events > 24  # the corpus really exercised tagging and merging
    local, distributed_site = _files(tmp_path / "local"), _files(tmp_path / "dask")
    assert len(local) > 24 and local == distributed_site


def test_the_command_line_builds_on_a_dask_scheduler(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    monkeypatch.chdir(tmp_path)
    articles = _write_corpus(tmp_path / "articles", 10)
    runner = CliRunner()
    local = runner.invoke(main, ["build", str(articles), "-o", "local", "--no-cache", "-q"])
    dask = runner.invoke(main, ["build", str(articles), "-o", "dask", "--no-cache", "-q",
                                "--executor", "dask", "--scheduler", scheduler])
    assert local.exit_code == 0, local.output
    assert dask.exit_code == 0, dask.output
    assert _files(tmp_path / "local") == _files(tmp_path / "dask")


@pytest.mark.slow  # waits out the client's 10 s connect timeout
def test_a_bad_scheduler_address_fails_the_command_with_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import main

    articles = _write_corpus(tmp_path / "articles", 10)
    result = CliRunner().invoke(main, [
        "build", str(articles), "-o", str(tmp_path / "out"), "--no-cache",
        "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9",
    ])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
