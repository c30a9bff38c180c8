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
from checker.report.github_report import to_github
from checker.report.html_report import to_html
from checker.report.json_report import to_json
from checker.report.junit_report import to_junit
from checker.report.markdown_report import to_markdown
from checker.report.sarif_report import to_sarif
from checker.report.summary import summarize

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {
    "json": to_json,
    "html": to_html,
    "markdown": to_markdown,
    "sarif": to_sarif,
    "junit": to_junit,
    "github": to_github,
}

STDOUT = "-"

__all__ = [
    "FORMATS",
    "STDOUT",
    "Renderer",
    "summarize",
    "to_github",
    "to_html",
    "to_json",
    "to_junit",
    "to_markdown",
    "to_sarif",
    "write_atomic",
    "write_outputs",
]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 so that readers see the old file or the new one, never half.

    The temporary file sits in the destination folder (os.replace is atomic only within one
    file system) and gets the permissions a plain new file would have.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
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

    Everything is rendered before anything is written, so a failing renderer leaves no
    partial set of files. Unknown format names raise ValueError. `formats` overrides
    renderers (e.g. junit with the CLI's --fail-on via functools.partial).
    """
    table = {**FORMATS, **(formats or {})}
    pairs = list(outputs)
    unknown = sorted({name for name, _ in pairs if name not in table})
    if unknown:
        raise ValueError(f"unknown output format(s): {', '.join(unknown)} (known: {', '.join(table)})")
    rendered = [(table[name](report), path) for name, path in pairs]
    for text, path in rendered:
        if path == STDOUT:
            _write_stdout(text)
        else:
            write_atomic(path, text)
