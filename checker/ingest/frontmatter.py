"""YAML front matter at the top of .txt/.md articles: metadata an editor wrote by hand.

A broken block must not cost the article: it is reported as a warning and the article is read
without it (the block is still a front_matter segment, so no claim is read from it).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from checker import safeyaml

DELIMITER = "---"
CLOSERS = ("---", "...")
KNOWN_KEYS = ("id", "source", "url", "published", "language", "title")


@dataclass
class FrontMatter:
    """A front-matter block: [0, end) in the text (closing line included), its data, problems."""

    end: int
    body_start: int  # where the article text starts (after the closing line's newline)
    data: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


_LINE_END = re.compile(r"\r\n|\r|\n")


def _lines(text: str):  # type: ignore[no-untyped-def]
    """(start, end of content, start of the next line) for every line; CR, LF and CRLF all
    end a line (files saved by old Mac tools use CR alone)."""
    pos = 0
    for m in _LINE_END.finditer(text):
        yield pos, m.start(), m.end()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text), len(text)


def split_front_matter(text: str) -> tuple[FrontMatter | None, list[str]]:
    """The front-matter block at the very start of `text`, if any, plus warnings.

    The block is a "---" line, YAML, and a "---" (or "...") line. An opening line without a
    closing one is read as text, with a warning.
    """
    lines = _lines(text)
    first = next(lines, None)
    if first is None or text[first[0]:first[1]].rstrip() != DELIMITER:
        return None, []
    block_start = first[2]
    for start, stop, nxt in lines:
        if text[start:stop].rstrip() in CLOSERS:
            block = text[block_start:start]
            fm = FrontMatter(end=start + len(text[start:stop].rstrip()), body_start=nxt)
            fm.data, fm.warnings = _parse(block)
            return fm, []
    return None, ["front matter opened with '---' on line 1 but never closed; the file is read as text"]


class _FrontMatterLoader(yaml.SafeLoader):
    """yaml.SafeLoader for hand-written metadata: no aliases, no crash on impossible dates.

    Aliases (``*name``) are refused: they are never needed in front matter, and they are how a
    small block becomes a huge or self-referencing value ("billion laughs"). A timestamp that is
    not a real date (``2025-02-30``) stays the string it was, so the reader can say what is wrong
    with it instead of losing the file.
    """

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_lenient_timestamp(self, node):  # type: ignore[no-untyped-def]
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, TypeError, AttributeError, OverflowError):
            return self.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_lenient_timestamp)

# Front matter is small: 64 kB is far more than any hand-written metadata block.
MAX_CHARS = 65_536


def _load(block: str, source: str) -> Any:
    # libyaml resolves aliases itself, so a block that could hold one goes to the pure-Python
    # loader above, which refuses them
    fast = None if "*" in block or "&" in block else safeyaml.C_LOADER
    return safeyaml.load(block, source, loader=_FrontMatterLoader, fast=fast, max_chars=MAX_CHARS)


def _parse(block: str, source: str = "front matter") -> tuple[dict[str, Any], list[str]]:
    ignored = "its metadata is ignored"
    try:
        data = _load(block, source)
    except safeyaml.YamlLimitError as exc:
        return {}, [f"front matter refused ({exc.problem}); {ignored}"]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""  # +2: the block starts on line 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, [f"malformed front matter (YAML error{where}: {problem}); {ignored}"]
    except RecursionError:
        return {}, [f"malformed front matter (nested too deeply); {ignored}"]
    except Exception as exc:  # a broken block must not cost the article
        return {}, [f"malformed front matter ({type(exc).__name__}: {exc}); {ignored}"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        kind = type(data).__name__
        return {}, [f"front matter is not a mapping of keys to values (got a {kind}); {ignored}"]
    return {str(k): v for k, v in data.items()}, []


def as_text(value: Any) -> str:
    """A metadata value as a string (dates in ISO form, lists and mappings as JSON)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return str(value)
