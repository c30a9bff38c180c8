"""Composing YAML with limits: every YAML document the checker reads goes through here.

Rule files, front matter, `.checker-ignore.yaml` and baselines can all come from someone else (a
pull request adds an ignore file; an article carries its own front matter). PyYAML composes
linearly, but aliases make the composed graph share nodes, and whatever walks the result
afterwards (our line-tracking constructor, pydantic, json.dumps) pays for every path through it:
nine levels of "billion laughs" are a billion nodes. So a document is refused, with a message
naming its source, when

- its text is longer than `max_chars`;
- it expands (aliases followed) to more than `max_nodes` nodes, or an alias contains itself;
- composing it takes longer than `seconds` (checked between nodes by the pure-Python composer;
  libyaml's C composer only gets small, shallow documents, which it finishes in milliseconds).

Counting the expansion is memoised per node, so the check itself is linear in the text.
"""

from __future__ import annotations

import re
import time
from typing import Any

import yaml

MAX_CHARS = 5_000_000  # the biggest shipped rule file is about 60 kB
MAX_NODES = 1_000_000  # after aliases are followed
SECONDS = 5.0

C_LOADER = getattr(yaml, "CSafeLoader", None)  # composes only; constructors stay Python
_C_MAX_CHARS = 1_000_000
_C_MAX_DEPTH = 64
_BRACKETS = re.compile(r"[\[\]{}]")


class YamlLimitError(yaml.YAMLError):
    """A YAML document refused by a limit; str() names the source and the limit."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source, self.problem, self.line = source, problem, line
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {problem}")


def _shallow(text: str) -> bool:
    """Can libyaml compose this? It recurses in C on nested collections, so only shallow text."""
    if len(text) > _C_MAX_CHARS:
        return False
    depth = deepest = 0
    for m in _BRACKETS.finditer(text):
        depth += 1 if m.group() in "[{" else -1
        deepest = max(deepest, depth)
    indents = (len(line) - len(line.lstrip(" \t")) for line in text.splitlines())
    return deepest <= _C_MAX_DEPTH and max(indents, default=0) <= 4 * _C_MAX_DEPTH


def _timed_loader(base: type, deadline: float, source: str) -> type:
    """A subclass of the pure-Python loader `base` that gives up at `deadline`."""

    class Timed(base):  # type: ignore[misc,valid-type]
        def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
            if time.monotonic() > deadline:
                mark = self.peek_event().start_mark
                raise YamlLimitError(source, f"YAML took longer than {SECONDS:g} s to read; refused", mark.line + 1)
            return super().compose_node(parent, index)

    return Timed


def expanded_size(node: yaml.Node, source: str, max_nodes: int = MAX_NODES) -> int:
    """Nodes in `node` with every alias followed; YamlLimitError past `max_nodes` or on a cycle."""
    sizes: dict[int, int] = {}
    active: set[int] = set()
    # iterative post-order: a deeply nested document must not exhaust Python's stack here
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, done = stack.pop()
        key = id(current)
        children: list[yaml.Node] = []
        if isinstance(current, yaml.MappingNode):
            children = [n for pair in current.value for n in pair]
        elif isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        if done:
            active.discard(key)
            total = 1 + sum(sizes[id(c)] for c in children)
            if total > max_nodes:
                raise YamlLimitError(source, f"YAML expands to more than {max_nodes:,} values (aliases repeating "
                                     "aliases?); refused", current.start_mark.line + 1)
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in active:
            raise YamlLimitError(source, "a YAML alias contains itself; refused", current.start_mark.line + 1)
        active.add(key)
        stack.append((current, True))
        stack.extend((c, False) for c in reversed(children) if id(c) not in sizes)
    return sizes[id(node)]


def _require_safe(loader: type, fast: type | None) -> None:
    """Only safe loaders here: a document must never construct arbitrary Python objects."""
    if not issubclass(loader, yaml.SafeLoader):
        raise TypeError(f"{loader.__name__} is not a yaml.SafeLoader")
    if fast is not None and not (C_LOADER is not None and issubclass(fast, C_LOADER)):
        raise TypeError(f"{fast.__name__} is not a yaml.CSafeLoader")


def compose(text: str, source: str, *, loader: type = yaml.SafeLoader, fast: type | None = C_LOADER,
            max_chars: int = MAX_CHARS, max_nodes: int = MAX_NODES, seconds: float = SECONDS) -> yaml.Node | None:
    """The node tree of one YAML document, within the limits (YamlLimitError otherwise).

    `loader` is the pure-Python loader class (errors and their messages come from it), `fast`
    a libyaml one tried first on shallow text (None: never). Syntax errors are yaml.YAMLError
    from `loader`, so callers keep their own messages for them.
    """
    _require_safe(loader, fast)
    if len(text) > max_chars:
        raise YamlLimitError(source, f"YAML text of {len(text):,} characters is over the limit of {max_chars:,}; refused")
    node = None
    if fast is not None and _shallow(text):
        try:
            node = yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            node = None  # composed again below, for the pure-Python parser's message
        else:
            if node is None:
                return None
    if node is None:
        node = yaml.compose(text, Loader=_timed_loader(loader, time.monotonic() + seconds, source))
        if node is None:
            return None
    expanded_size(node, source, max_nodes)
    return node


def load(text: str, source: str, *, loader: type = yaml.SafeLoader, fast: type | None = C_LOADER,
         **limits: Any) -> Any:
    """Plain data from one YAML document, composed by `compose` (same limits), then constructed
    by `loader`'s constructors (so a loader's own tags and lenient timestamps still apply)."""
    node = compose(text, source, loader=loader, fast=fast, **limits)
    if node is None:
        return None
    return loader("").construct_document(node)
