"""Build benchmark: timeline against Pelican 4 on the same generated corpus, in one run.

For each size N it writes the corpus of ``corpus.py`` twice (YAML front matter for timeline,
Title/Date metadata for Pelican), then times, each as a separate process:

- timeline: a full build (empty cache and output), a rebuild with nothing changed, and a
  rebuild after one article was edited;
- Pelican: a full build of the same articles (its default theme, feeds and index pages).

Peak memory is the child's ``ru_maxrss`` from ``os.wait4`` (the largest single process of the
build, workers included, as Linux reports it), and ``tree MB``, the peak of the summed
proportional set size (PSS) of the build's process tree sampled every 50 ms: the memory the
whole build holds, each page that forked workers share counted once (summed RSS would count
it once per process). Times are wall clock. The machine is shared, so compare
ratios within one run rather than figures across runs.

    .venv/bin/python benchmarks/bench_build.py                 # N = 1000 and 5000, --jobs 2
    .venv/bin/python benchmarks/bench_build.py --sizes 200 --no-pelican --verify
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # a sibling script, not a package

PELICAN_CONF = """\
AUTHOR = "Benchmark"
SITENAME = "Timeline benchmark"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
"""
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Run:
    seconds: float
    maxrss_mb: float  # ru_maxrss of the child (largest process of its tree)
    tree_mb: float  # sampled peak of the summed PSS of the process tree


@dataclass(frozen=True)
class Row:
    n: int
    full: Run
    unchanged: Run
    one_changed: Run
    pelican: Run | None

    @property
    def per_second(self) -> float:
        return self.n / self.full.seconds

    @property
    def ratio(self) -> float | None:
        return self.full.seconds / self.pelican.seconds if self.pelican else None


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:  # no smaps_rollup (an old kernel): RSS, an upper bound
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _tree_pss(root: int) -> int:
    """Summed proportional set size (PSS) in bytes of ``root`` and all its descendants, from
    /proc: a page that forked processes share is counted once, split among them (summed RSS
    would count it once per process)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo += children.get(pid, [])
    return total


def measure(cmd: list[str], cwd: Path) -> Run:
    """Run ``cmd`` as a child process; its wall time, ru_maxrss, and sampled tree peak."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_pss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr.decode()}")
    maxrss_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return Run(round(seconds, 2), round(maxrss_mb, 1), round(peak[0] / 2**20, 1))


def timeline_cmd(sources: Path, output: Path, jobs: int) -> list[str]:
    cli = "from timeline.cli import main; main()"
    return [sys.executable, "-c", cli, "build", str(sources), "-o", str(output),
            "--jobs", str(jobs), "-q"]


def edit_one(folder: Path) -> Path:
    """Change one article's text the way a correction would: a sentence added."""
    victims = sorted(folder.glob("*.md"))
    path = victims[len(victims) // 2]
    path.write_text(path.read_text("utf-8") + "\nThe committee met again on Friday.\n", "utf-8")
    return path


def pelican_bin(venv: Path) -> Path:
    """Pelican 4 in its own venv (never a project dependency), created on first use."""
    exe = venv / "bin" / "pelican"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "pelican>=4,<5", "markdown"],
                       check=True)
    return exe


def bench_size(n: int, work: Path, jobs: int, pelican: Path | None, verify: bool) -> Row:
    home = work / f"n{n}"
    shutil.rmtree(home, ignore_errors=True)
    articles, site = home / "articles", home / "site"
    corpus.write_corpus(articles, n)
    full = measure(timeline_cmd(articles, site, jobs), home)
    unchanged = measure(timeline_cmd(articles, site, jobs), home)
    edit_one(articles)
    one_changed = measure(timeline_cmd(articles, site, jobs), home)
    if verify:  # the incremental site must be exactly what a fresh full build makes
        fresh = work / f"n{n}-fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir()
        measure(timeline_cmd(articles, fresh / "site", jobs), fresh)
        diff = _tree_differences(site, fresh / "site")
        print(f"N={n}: incremental build {'differs: ' + str(diff[:5]) if diff else 'identical'}"
              " to a fresh full build", file=sys.stderr)
    pelican_run = None
    if pelican is not None:
        content = home / "pelican" / "content"
        corpus.write_corpus(content, n, pelican=True)
        (home / "pelican" / "pelicanconf.py").write_text(PELICAN_CONF)
        pelican_run = measure([str(pelican), "content", "-o", "out", "-s", "pelicanconf.py", "-q"],
                              home / "pelican")
    return Row(n, full, unchanged, one_changed, pelican_run)


def _tree_differences(a: Path, b: Path) -> list[str]:
    names = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names |= {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    return sorted(x for x in names if not ((a / x).is_file() and (b / x).is_file()
                                           and filecmp.cmp(a / x, b / x, shallow=False)))


def table(rows: list[Row], jobs: int) -> str:
    head = ("| N | full build s | no-change s | one-change s | articles/s | peak MB (maxrss) "
            "| peak MB (tree) | Pelican s | Pelican MB | ratio |")
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in rows:
        pel = f"{r.pelican.seconds:.1f} | {r.pelican.maxrss_mb:.0f}" if r.pelican else "- | -"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        lines.append(
            f"| {r.n} | {r.full.seconds:.2f} | {r.unchanged.seconds:.2f} | "
            f"{r.one_changed.seconds:.2f} | {r.per_second:.0f} | {r.full.maxrss_mb:.0f} | "
            f"{r.full.tree_mb:.0f} | {pel} | {ratio} |")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        grow = b.n / a.n
        lines.append(
            f"\nFrom N={a.n} to N={b.n} (x{grow:g}): full build time x"
            f"{b.full.seconds / a.full.seconds:.2f}, peak memory x"
            f"{b.full.maxrss_mb / a.full.maxrss_mb:.2f} (maxrss), x"
            f"{b.full.tree_mb / a.full.tree_mb:.2f} (tree).")
    lines.append(f"timeline --jobs {jobs}; ratio = timeline full build / Pelican full build; "
                 f"{os.cpu_count()} CPUs.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, help="keep the corpora and sites here")
    parser.add_argument("--pelican-venv", type=Path, default=Path("/tmp/pelican-venv"))
    parser.add_argument("--no-pelican", action="store_true")
    parser.add_argument("--verify", action="store_true",
                        help="also compare the incremental site with a fresh full build")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    pelican = None if args.no_pelican else pelican_bin(args.pelican_venv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    rows = []
    for n in args.sizes:
        rows.append(bench_size(n, work, args.jobs, pelican, args.verify))
        print(f"N={n} done: {rows[-1]}", file=sys.stderr)
    print(table(rows, args.jobs))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2))
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
