"""Skip a build whose inputs and output are exactly as the last build left them.

A build is a pure function of its inputs: the source files, the configuration, the theme and
the code. After each build we record a digest of those inputs, the output's file listing
(path, size, modification time) and the build's summary, in the cache folder. The next build
computes the digest again (reading the sources, ~0.1 s for 5,000 articles, not parsing them);
if it and the output listing match, the output already is exactly what a full build would
write, and nothing needs doing. Any difference (an edited article, a new flag, a touched or
deleted output file) falls through to a real build, which the extraction cache makes cheap.

The digest covers more than a build reads (every non-hidden file under a source folder, not
only articles), so it can only err towards building when nothing changed, never the reverse.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from timeline.cache import RECORD_FOLDER, write_atomically
from timeline.config import Config


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What a build reports, kept so that a skipped build can report the same."""

    articles: int
    expressions: int
    events: int
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BuildRecord:
    inputs: str  # digest of everything the build read
    outputs: dict[str, tuple[int, int]]  # output file → (size, mtime in ns)
    summary: BuildSummary


def files_below(folder: Path, skip_hidden: bool) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(relative posix path, entry) of every file below ``folder``. Symlinked folders are not
    followed: the loader does not read them either, and one pointing up would loop."""
    stack = [(folder, "")]
    while stack:
        current, prefix = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if skip_hidden and entry.name.startswith("."):
                continue
            name = f"{prefix}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                stack.append((Path(entry.path), name + "/"))
            elif not skip_hidden or entry.is_file():
                yield name, entry


def _digest_tree(digest: hashlib._Hash, label: str, root: Path) -> None:
    digest.update(f"\x1e{label}\x1f{root.resolve()}\x1f".encode())
    if root.is_file():
        digest.update(root.read_bytes())
        return
    for name, entry in sorted(files_below(root, skip_hidden=True), key=lambda found: found[0]):
        data = Path(entry.path).read_bytes()
        digest.update(f"\x1d{name}\x1f{len(data)}\x1f".encode())
        digest.update(data)


def input_digest(
    sources: Sequence[Path], cfg: Config, theme_folders: Sequence[Path], code: str
) -> str:
    """A digest of everything a build reads. Missing paths digest as missing: the real build
    then reports them properly."""
    digest = hashlib.sha256(f"{code}\x1f{cfg!r}".encode())
    extra = [("events_file", Path(cfg.events_file))] if cfg.events_file else []
    themes = [("theme", folder) for folder in theme_folders]
    for label, path in [*(("source", s) for s in sources), *extra, *themes]:
        if path.exists():
            _digest_tree(digest, label, path)
        else:
            digest.update(f"\x1e{label}\x1f{path}\x1fmissing".encode())
    return digest.hexdigest()


def output_listing(output: Path) -> dict[str, tuple[int, int]]:
    """Every file of the output (hidden ones included: a stray file must force a build)."""
    listing: dict[str, tuple[int, int]] = {}
    for name, entry in files_below(output, skip_hidden=False):
        info = entry.stat(follow_symlinks=False)
        listing[name] = (info.st_size, info.st_mtime_ns)
    return listing


def _record_path(cache: Path, output: Path) -> Path:
    # One record per output folder: a cache may serve builds into several.
    key = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
    return cache / RECORD_FOLDER / f"{key}.json"


def read_record(cache: Path, output: Path) -> BuildRecord | None:
    """The last build's record for this output, or None (missing or unreadable: build)."""
    try:
        raw = json.loads(_record_path(cache, output).read_text("utf-8"))
        summary = raw["summary"]
        return BuildRecord(
            inputs=str(raw["inputs"]),
            outputs={k: (int(v[0]), int(v[1])) for k, v in raw["outputs"].items()},
            summary=BuildSummary(
                int(summary["articles"]), int(summary["expressions"]), int(summary["events"]),
                tuple(str(w) for w in summary["warnings"]),
            ),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def write_record(cache: Path, output: Path, record: BuildRecord) -> None:
    """Save the record (atomically: a reader sees the old one or the whole new one)."""
    target = _record_path(cache, output)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(
        {"inputs": record.inputs, "outputs": record.outputs, "summary": asdict(record.summary)},
        sort_keys=True,
    )
    write_atomically(target, data.encode("utf-8"))


def up_to_date(record: BuildRecord | None, inputs: str, output: Path) -> bool:
    """Is ``output`` exactly what the recorded build left, from these very inputs?"""
    return (
        record is not None
        and record.inputs == inputs
        and output.is_dir()
        and output_listing(output) == record.outputs
    )
