"""Write the site: the only stage that touches the output folder.

The new site is assembled in a fresh folder beside the output and swapped in with renames, so a
failed build leaves the previous output exactly as it was. Files whose bytes did not change are
hard-linked from the previous output instead of rewritten: cheap, and their mtimes stay put.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from timeline.errors import OutputError


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: int  # files whose content is new or changed
    unchanged: int  # files kept from the previous output
    removed: int  # files of the previous output that the new site no longer has


def safe_relative_path(name: str) -> PurePosixPath:
    """Reject any site path that could land outside the output folder."""
    path = PurePosixPath(name)
    if (
        not name
        or path.is_absolute()
        or any(part in {"", ".", ".."} for part in name.split("/"))
        or "\\" in name
        or "\x00" in name
    ):
        raise OutputError(f"refusing to write {name!r}: it would leave the output folder")
    return path


def check_output_folder(output: Path, sources: list[Path]) -> None:
    """The output must not be, contain, or sit inside a source folder."""
    out = output.resolve()
    for source in sources:
        src = source.resolve()
        if out == src or src.is_relative_to(out) or out.is_relative_to(src):
            raise OutputError(
                f"{output}: the output folder overlaps the source folder {source}; "
                "choose another --output"
            )


def write_site(site: Mapping[str, str | bytes], output: Path) -> WriteReport:
    """Replace ``output`` with exactly ``site``; on any error the old output is untouched."""
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: exists and is not a folder; choose another --output")
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    written = unchanged = 0
    try:
        for name in sorted(site):
            rel = safe_relative_path(name)
            content = site[name]
            data = content.encode("utf-8") if isinstance(content, str) else content
            target = staging.joinpath(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            previous = output.joinpath(*rel.parts)
            if _same_bytes(previous, data):
                os.link(previous, target)
                unchanged += 1
            else:
                target.write_bytes(data)
                written += 1
        removed = _count_files(output) - unchanged if output.is_dir() else 0
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteReport(written=written, unchanged=unchanged, removed=max(removed, 0))


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


def _swap(staging: Path, output: Path) -> None:
    """Put staging in output's place; the old output is removed only once the new one is in."""
    staging.chmod(0o755)  # mkdtemp makes it 0700; a published site must be readable
    if not output.exists():
        staging.rename(output)
        return
    retired = output.with_name(f".{output.name}.old-{os.getpid()}")
    shutil.rmtree(retired, ignore_errors=True)
    output.rename(retired)
    try:
        staging.rename(output)
    except BaseException:
        retired.rename(output)
        raise
    shutil.rmtree(retired, ignore_errors=True)
