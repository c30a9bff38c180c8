"""Where the reports of a run may go: refused before anything is read when they would destroy
something or each other.

- two formats on stdout would glue two documents into one unreadable stream;
- two formats into one file would leave only the last;
- a report over one of the run's own inputs would destroy the article (`--json article.txt`);
- a folder, a socket or a block device is no place for a report.

A symbolic link is written through (its target is replaced, the link stays) and a character
device or a pipe (/dev/null, /dev/stdout, `>(jq .)`) is written to directly, never replaced by
a rename: checker.report.write_outputs does both.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

STDOUT = "-"


class OutputError(ValueError):
    """An output that would destroy an input or another output; str() says which and why."""


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _is_stdout(path: str) -> bool:
    """/dev/stdout, /dev/fd/1, or whatever file stdout goes to."""
    if os.path.realpath(path) == os.path.realpath(os.devnull):
        return False  # many outputs may go nowhere at once
    try:
        out, there = os.fstat(1), os.stat(path)
    except (OSError, ValueError):
        return False
    return (out.st_dev, out.st_ino) == (there.st_dev, there.st_ino)


def input_files(paths: Sequence[str | Path]) -> set[str]:
    """Real paths of every file the run would read (given files, and files in given folders)."""
    from checker.ingest.readers import walk

    found: set[str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                files, _ = walk(path)
                found.update(_real(str(f)) for f in files)
            elif path.exists():
                found.add(_real(str(path)))
        except (OSError, ValueError):
            continue  # the reader reports what is wrong with this input
    return found


def check_outputs(outputs: Sequence[tuple[str, str]], inputs: Sequence[str | Path]) -> None:
    """Raise OutputError when the outputs clash with each other or with the inputs."""
    on_stdout = [name for name, path in outputs if path == STDOUT or _is_stdout(path)]
    if len(on_stdout) > 1:
        raise OutputError(f"{len(on_stdout)} reports on stdout ({', '.join(on_stdout)}): stdout can hold one; "
                          "give the others a file")
    files = [(name, path) for name, path in outputs if path != STDOUT]
    if not files:
        return
    read = input_files(inputs)
    taken: dict[str, str] = {}
    for name, path in files:
        real = _real(path)
        if real in taken:
            raise OutputError(f"--{taken[real]} and --{name} both write {path}: one would replace the other")
        taken[real] = name
        if real in read and not _own_report(real):
            raise OutputError(f"--{name} {path} is one of the inputs: writing the report there would destroy it")
        folder_problem(name, path)
        try:
            mode = os.stat(real).st_mode
        except OSError:
            continue  # new file (its folder is created when written)
        if stat.S_ISDIR(mode):
            raise OutputError(f"--{name} {path} is a folder; give a file name")
        if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise OutputError(f"--{name} {path} is not a regular file, a character device or a pipe; refused")


def folder_problem(option: str, path: str) -> None:
    """OutputError when the folder of `path` cannot be one: the nearest existing ancestor is a file."""
    parent = Path(path).parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"--{option} {path}: {parent} is not a folder")


def _own_report(real: str) -> bool:
    """A report of an earlier run (which the readers skip): replacing it is what the user wants."""
    from checker.ingest.names import is_own_report

    try:
        with open(real, "rb") as handle:
            head = handle.read(4096)
            handle.seek(max(0, os.fstat(handle.fileno()).st_size - 4096))
            tail = handle.read()
    except OSError:
        return False
    text = head.decode("utf-8", "replace") + "\n" + tail.decode("utf-8", "replace")
    return is_own_report(text)


def is_stream(path: str | Path) -> bool:
    """Is `path` (links followed) a character device or a pipe, to be written to, never replaced?"""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def write_stream(path: str, chunks: Iterable[bytes]) -> None:
    """Write to a character device or a pipe. A pipe that no process reads would block the run
    for ever: it is opened without waiting, and OSError (ENXIO) says nobody is reading."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "no process is reading this pipe", path) from exc
        raise
    try:
        os.set_blocking(fd, True)  # a reader is there: from now on wait for it as usual
        with os.fdopen(fd, "wb", closefd=True) as handle:
            fd = -1
            for chunk in chunks:
                handle.write(chunk)
    finally:
        if fd >= 0:
            os.close(fd)

