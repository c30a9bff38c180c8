"""Names and strings that are not plain text, and files that are the checker's own output.

- A file name that is not valid UTF-8 reaches Python as lone surrogates (surrogateescape), and so
  can a JSON string ("\\ud800"). Neither can be written to a UTF-8 report or stored, so each is
  found here and named in its own document's error instead of failing the whole run.
- A report written into the folder being checked must not be read back as an article on the
  next run: the checker's reports are recognised by their first bytes.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def is_text(value: str) -> bool:
    """True when `value` can be written as UTF-8 (no lone surrogates)."""
    return _SURROGATE.search(value) is None


def printable(value: str) -> str:
    """`value` with each lone surrogate spelled out: a byte of an undecodable file name as
    \\xNN (the byte itself), any other surrogate as \\uNNNN."""

    def spell(m: re.Match[str]) -> str:
        cp = ord(m.group())
        return f"\\x{cp - 0xDC00:02x}" if 0xDC80 <= cp <= 0xDCFF else f"\\u{cp:04x}"

    return _SURROGATE.sub(spell, value)


def surrogate_problem(value: Any, where: str = "") -> str | None:
    """Where in a JSON value (keys included) a lone surrogate sits, e.g. "field 'title'"; None if nowhere."""
    if isinstance(value, str):
        if is_text(value):
            return None
        m = _SURROGATE.search(value)
        assert m is not None
        return f"{where or 'the value'} holds a lone surrogate ({printable(m.group())}, not a character)"
    if isinstance(value, dict):
        for key, item in value.items():
            name = f"field {printable(str(key))!r}" if not where else f"{where}.{printable(str(key))}"
            problem = surrogate_problem(str(key), name) or surrogate_problem(item, name)
            if problem:
                return problem
    if isinstance(value, list):
        for i, item in enumerate(value):
            problem = surrogate_problem(item, f"{where}[{i}]")
            if problem:
                return problem
    return None


# The first bytes of every report format the checker writes. HTML and Markdown are the ones a
# folder walk would read (.html, .md); JSON, SARIF and JUnit are recognised too, for outputs
# given an article's extension (`--json out.txt`).
_OWN_REPORT = (
    re.compile(r'<meta name="generator" content="checker[ "]'),
    re.compile(r'\A\{\s*"schema_version":\s*"[^"]*",\s*"tool":\s*"checker"'),
    re.compile(r'\A\{\s*"\$schema":\s*"[^"]*sarif[^"]*",(?s:.){0,200}"name":\s*"checker"'),
    re.compile(r'\A<\?xml[^>]*>\s*<testsuites name="checker"'),
)
_HEAD = 2048
# the last line of a Markdown report (invisible when rendered)
MARKDOWN_MARKER = "[//]: # (written by checker: a report, not an article)"


def is_own_report(text: str) -> bool:
    """Is this file a report the checker wrote (so not an article)?"""
    head = text[:_HEAD].lstrip("\ufeff")
    return any(p.search(head) for p in _OWN_REPORT) or text[-_HEAD:].rstrip().endswith(MARKDOWN_MARKER)
