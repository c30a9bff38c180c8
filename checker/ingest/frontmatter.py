"""YAML front matter at the top of .txt/.md articles: metadata an editor wrote by hand.

A broken block must not cost the article: it is reported as a warning and the article is read
without it (the block is still a front_matter segment, so no claim is read from it).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import yaml

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


def split_front_matter(text: str) -> tuple[FrontMatter | None, list[str]]:
    """The front-matter block at the very start of `text`, if any, plus warnings.

    The block is a "---" line, YAML, and a "---" (or "...") line. An opening line without a
    closing one is read as text, with a warning.
    """
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != DELIMITER:
        return None, []
    pos = first_end + 1 if first_end >= 0 else len(text)
    while pos < len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        if text[pos:stop].rstrip() in CLOSERS:
            block = text[first_end + 1 : pos]
            end = pos + len(text[pos:stop].rstrip())
            fm = FrontMatter(end=end, body_start=len(text) if nl < 0 else nl + 1)
            fm.data, fm.warnings = _parse(block)
            return fm, []
        if nl < 0:
            break
        pos = nl + 1
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

# libyaml's parser is about ten times faster than the pure-Python one, which matters with
# thousands of articles. It resolves aliases itself and composes nested nodes recursively in C,
# so it only gets blocks that cannot hold an alias ("*") and are shallow; everything else, and
# every error message, comes from the pure-Python loader above.
_CLoader = getattr(yaml, "CSafeLoader", None)
_FAST_MAX_CHARS = 16_384
_FAST_MAX_NESTING = 64

if _CLoader is not None:

    class _FastFrontMatterLoader(_CLoader):  # type: ignore[misc,valid-type]
        construct_lenient_timestamp = _FrontMatterLoader.construct_lenient_timestamp

    _FastFrontMatterLoader.add_constructor(
        "tag:yaml.org,2002:timestamp", _FastFrontMatterLoader.construct_lenient_timestamp
    )


def _fast_path_safe(block: str) -> bool:
    if _CLoader is None or len(block) > _FAST_MAX_CHARS or "*" in block or "&" in block:
        return False
    if block.count("[") + block.count("{") > _FAST_MAX_NESTING:
        return False
    indents = (len(line) - len(line.lstrip(" \t")) for line in block.splitlines())
    return max(indents, default=0) <= _FAST_MAX_NESTING


def _load(block: str) -> Any:
    if _fast_path_safe(block):
        try:
            return yaml.load(block, Loader=_FastFrontMatterLoader)  # noqa: S506 -- a CSafeLoader subclass
        except yaml.YAMLError:
            pass  # read again below, for the pure-Python loader's error message
    return yaml.load(block, Loader=_FrontMatterLoader)  # noqa: S506 -- a SafeLoader subclass


def _parse(block: str) -> tuple[dict[str, Any], list[str]]:
    ignored = "its metadata is ignored"
    try:
        data = _load(block)
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
