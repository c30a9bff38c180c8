"""Output formats: each a plain function from the Report model to a string.

`FORMATS` maps the CLI's format names to those functions; `write_outputs` writes any number
of them in one run. Jinja2 is imported only when HTML is rendered, so the CLI starts fast.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from checker.models import Report
from checker.outputs import is_stream, write_stream
from checker.report.github_report import to_github
from checker.report.html_report import to_html
from checker.report.json_report import iter_json, to_json
from checker.report.junit_report import to_junit
from checker.report.markdown_report import to_markdown
from checker.report.sarif_report import to_sarif
from checker.report.text_report import to_text
from checker.report.summary import summarize
from checker.signals import raise_pending

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {
    "json": to_json,
    "html": to_html,
    "markdown": to_markdown,
    "sarif": to_sarif,
    "junit": to_junit,
    "github": to_github,
    "text": to_text,
}

STDOUT = "-"

__all__ = [
    "FORMATS",
    "STDOUT",
    "Renderer",
    "summarize",
    "to_github",
    "iter_json",
    "to_html",
    "to_json",
    "to_junit",
    "to_markdown",
    "to_sarif",
    "to_text",
    "write_atomic",
    "write_outputs",
]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _write_temp(target: Path, chunks: Iterable[bytes]) -> str:
    """Write `chunks` to a new temporary file beside `target`; return its path."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        _discard(tmp)
        raise
    return tmp


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def write_atomic(path: str | os.PathLike[str], text: str | Iterable[bytes]) -> None:
    """Write `text` (or UTF-8 chunks) so that readers see the old file or the new one, never half.

    The temporary file sits in the destination folder (os.replace is atomic only within one
    file system) and gets the permissions a plain new file would have.
    """
    chunks = [text.encode("utf-8")] if isinstance(text, str) else text
    if is_stream(path):  # /dev/null, a pipe: written to, never replaced by a rename
        write_stream(os.fspath(path), chunks)
        return
    target = _through(os.fspath(path))
    tmp = _write_temp(target, chunks)
    try:
        os.replace(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


def _write_stdout(text: str) -> None:
    """UTF-8 on stdout whatever the locale says (Arabic must not become '?')."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def write_outputs(
    report: Report,
    outputs: Iterable[tuple[str, str]],
    formats: dict[str, Renderer] | None = None,
) -> None:
    """Render each (format, path) and write it; path "-" is stdout.

    Every file is rendered into a temporary file beside it and renamed into place only when
    all are done (stdout comes last), so a failing renderer leaves no partial set of files.
    JSON is streamed item by item (`iter_json`), never held whole in memory. Unknown format names raise ValueError. `formats` overrides
    renderers (e.g. junit with the CLI's --fail-on via functools.partial).
    """
    table = {**FORMATS, **(formats or {})}
    pairs = list(outputs)
    unknown = sorted({name for name, _ in pairs if name not in table})
    if unknown:
        raise ValueError(f"unknown output format(s): {', '.join(unknown)} (known: {', '.join(table)})")
    written: list[tuple[str, Path]] = []  # temporary files, renamed into place once all are done
    to_stdout: list[str] = []
    to_streams: list[tuple[str, str]] = []  # devices and pipes: written to, never replaced
    try:
        for name, path in pairs:
            if path == STDOUT:
                to_stdout.append(table[name](report))
            elif is_stream(path):
                to_streams.append((path, table[name](report)))
            elif table[name] is to_json:  # streamed: a large report never sits in memory as text
                written.append((_write_temp(_through(path), iter_json(report)), _through(path)))
            else:
                written.append((_write_temp(_through(path), [table[name](report).encode("utf-8")]), _through(path)))
        raise_pending()  # asked to stop while rendering, where the exception was swallowed: no report
    except BaseException:
        for tmp, _ in written:
            _discard(tmp)
        raise
    for tmp, target in written:
        os.replace(tmp, target)
    for path, text in to_streams:
        write_stream(path, [text.encode("utf-8")])
    for text in to_stdout:
        _write_stdout(text)


def _through(path: str) -> Path:
    """A symbolic link is written through: its target is replaced, the link stays."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
