"""Loading rule files: YAML parsed safely, validated by a pydantic schema, errors as file:line.

A linguist editing `rules/` must be told which file and which line is wrong, so the YAML is
composed into nodes first (they carry line marks) and every pydantic error is traced back to
the line of the deepest key it names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from checker import rule_lint, safeyaml

M = TypeVar("M", bound=BaseModel)
Loc = tuple[Any, ...]


class RuleError(Exception):
    """A rule file that cannot be used; str() is `file:line: problem`."""

    def __init__(self, path: Path | str, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")


def _construct(node: yaml.Node, loc: Loc, lines: dict[Loc, int], path: Path,
               scalars: yaml.constructor.SafeConstructor) -> Any:
    """Turn a YAML node into plain data, recording the 1-based line of every location."""
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise RuleError(path, key_node.start_mark.line + 1, "a key must be a plain value")
            key = scalars.construct_object(key_node, deep=True)
            if key in out:
                raise RuleError(path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = _construct(value_node, loc + (key,), lines, path, scalars)
            # an entry is where its key is (a nested mapping's value starts on the next line)
            lines[loc + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, loc + (i,), lines, path, scalars) for i, item in enumerate(node.value)]
    return scalars.construct_object(node, deep=True)


def parse_yaml(text: str, path: Path | str) -> tuple[Any, dict[Loc, int]]:
    """Parse YAML text safely; return the data and a map from location to line.

    The one place rule files are parsed: every rule file, of every kind, goes through here."""
    try:
        node = safeyaml.compose(text, str(path))
    except safeyaml.YamlLimitError as exc:
        raise RuleError(path, exc.line, exc.problem) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RuleError(path, line, f"YAML syntax error: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise RuleError(path, None, f"YAML error: {exc}") from exc
    except RecursionError as exc:
        raise RuleError(path, None, "YAML nests too deep") from exc
    lines: dict[Loc, int] = {}
    if node is None:
        return None, lines
    try:
        return _construct(node, (), lines, Path(path), yaml.constructor.SafeConstructor()), lines
    except RecursionError as exc:  # an alias that refers to itself, or absurd nesting
        raise RuleError(path, None, "YAML nests too deep (an alias that refers to itself?)") from exc


def decode_rule_file(path: Path, data: bytes) -> str:
    """A rule file's bytes as text (UTF-8, an optional BOM), or a RuleError naming the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(path, None, f"cannot read rule file: {exc}") from exc


def read_yaml(path: Path, data: bytes | None = None) -> tuple[Any, dict[Loc, int]]:
    """Parse a YAML file (or its bytes `data`, already read) safely; see parse_yaml."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RuleError(path, None, f"cannot read rule file: {exc}") from exc
    return parse_yaml(decode_rule_file(path, data), path)


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of the deepest known prefix of `loc`."""
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def load_model(path: Path, model: type[M], raw: bytes | None = None) -> tuple[M, dict[Loc, int]]:
    """Read `path` (or parse its bytes `raw`, already read) and validate it as `model`; the
    second item maps locations to lines."""
    data, lines = read_yaml(path, raw)
    if data is None:
        raise RuleError(path, 1, "the file is empty; expected a mapping")
    try:
        return model.model_validate(data), lines
    except ValidationError as exc:
        # a misspelt key is reported twice (unknown, and the right one missing): name the typo
        err = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc) or "(top level)"
        problem = err["msg"]
        if err["type"] == "extra_forbidden":
            problem = f"unknown key {loc[-1]!r}{rule_lint.key_suggestion(loc[-1], model) or ' (check the spelling; allowed keys are in the schema)'}"
        more = f" (and {len(exc.errors()) - 1} more problem(s))" if len(exc.errors()) > 1 else ""
        raise RuleError(path, line_of(lines, loc), f"{where}: {problem}{more}") from exc
