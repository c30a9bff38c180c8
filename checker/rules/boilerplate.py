"""Boilerplate rules (rules/<lang>/boilerplate.yaml) compiled: line markers as regexes on normalised text.

Segmentation (checker.ingest.segment) asks these rules about every line of a page: is it a
related-headlines marker, a tag list, a source line, a footer, a byline? A rule's examples and
counter-examples are checked when the file is compiled, so a broken rule is a RuleError naming
its file and line, never a page segmented wrongly in silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.text.fold import LETTER_OR_DIGIT, Normalized, fold, fold_pattern, fold_word, key, words
from checker.rules.ingest_schema import BoilerplateFile, BoilerplateRule, LayoutSettings
from checker.rules.loader import RuleError, line_of

def _marker_body(marker: str, glued: bool) -> str:
    """Regex for `marker` on normalised text: flexible spacing before punctuation, and unless
    `glued`, no letter right after a marker that ends in one ("الوسوم" is not "الوسومات")."""
    folded = " ".join(fold_word(marker).split())
    out: list[str] = []
    for part in re.findall(r"[^\W_]+|\s+|[\W_]", folded):
        if part.isspace():
            out.append(r"\s*")
        elif re.match(LETTER_OR_DIGIT, part):
            out.append(re.escape(part))
        else:
            out.append(r"\s*" + re.escape(part))
    tail = "" if glued or not re.search(LETTER_OR_DIGIT + "$", folded) else f"(?!{LETTER_OR_DIGIT})"
    return "".join(out) + tail


def _markers_regex(markers: list[str], glued: bool) -> re.Pattern[str] | None:
    """One regex for a line starting with any of `markers` (after optional punctuation), the
    marker as group "m". One alternation instead of a regex per marker: lines are many."""
    if not markers:
        return None
    bodies = "|".join(f"(?:{_marker_body(m, glued)})" for m in markers)
    return re.compile(r"^[\W_]*?(?P<m>" + bodies + ")", re.IGNORECASE)


def _patterns_regex(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex that fully matches what any of `patterns` fully matches."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fold_pattern(p)})" for p in patterns), re.IGNORECASE)


_CLOSERS = "\"'»”’)]}>*"


def word_count(text: str) -> int:
    """Words of a line, as the layout settings count them."""
    return len(key(text).split())


@dataclass(frozen=True)
class LineText:
    """A trimmed line with what every rule asks about it, computed once."""

    text: str
    folded: Normalized
    key: str
    words: int
    prose: bool

    @classmethod
    def of(cls, text: str, settings: LayoutSettings) -> LineText:
        text = text.strip()
        folded = fold(text)
        k = " ".join(words(folded.text))  # = key(text), without normalising twice
        n = k.count(" ") + 1 if k else 0
        return cls(text, folded, k, n, is_prose(text, settings, n))


def is_prose(text: str, settings: LayoutSettings, n: int | None = None) -> bool:
    """Does this line read as running prose (rather than a headline, label or list item)?

    Prose: it ends a sentence (an ellipsis does not) and is not tiny, or it has clause marks
    and is long, or it is very long. Headlines rarely end with a full stop, so lists of them
    are not prose. `n` is the line's word count, if already known.
    """
    n = word_count(text) if n is None else n
    if n >= settings.prose_any_words:
        return True
    body = text.strip().rstrip(_CLOSERS + " ")
    ends = body and not body.endswith("..") and any(body.endswith(p) for p in settings.sentence_end)
    if n >= settings.prose_end_min_words and ends:
        return True
    return n >= settings.prose_min_words and any(_has_clause_mark(text, mark) for mark in settings.clause_marks)


def _has_clause_mark(text: str, mark: str) -> bool:
    """Arabic marks count anywhere; ASCII ones only before a space or the end ("11.55.10" is no clause)."""
    if not mark.isascii():
        return mark in text
    return re.search(re.escape(mark) + r"(?=\s|$)", text) is not None



@dataclass(frozen=True)
class LineRule:
    """A compiled boilerplate rule."""

    spec: BoilerplateRule
    settings: LayoutSettings
    starts: re.Pattern[str] | None
    equals: frozenset[str]
    patterns: re.Pattern[str] | None  # every pattern of the rule in one alternation
    # copied from spec: read for every line of every page
    id: str = field(init=False)
    block: str = field(init=False)
    max_words: float = field(init=False)
    allow_prose: bool = field(init=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen dataclass
        set_(self, "id", self.spec.id)
        set_(self, "block", self.spec.block)
        set_(self, "max_words", self.spec.max_words if self.spec.max_words is not None else float("inf"))
        set_(self, "allow_prose", self.spec.allow_prose)

    def match(self, line: str | LineText) -> str | None:
        """The marker as written in the line if this rule matches it, else None."""
        if isinstance(line, str):
            line = LineText.of(line, self.settings)
        if line.words > self.max_words or (line.prose and not self.allow_prose):
            return None
        folded = line.folded
        found = self.starts.match(folded.text) if self.starts is not None else None
        if found:
            start, end = found.span("m")
            return line.text[folded.offsets[start] : folded.offsets[end]]
        if line.key in self.equals:
            return line.text
        if self.patterns is not None and self.patterns.fullmatch(folded.text.strip()):
            return line.text
        return None


@dataclass(frozen=True)
class BoilerplateRules:
    """Everything segmentation needs: layout settings, bylines and the compiled rules."""

    path: str
    settings: LayoutSettings
    rules: tuple[LineRule, ...]
    byline_names: frozenset[str]
    byline_prefixes: tuple[str, ...]
    datelines: tuple[re.Pattern[str], ...]
    title_separators: tuple[str, ...]
    title_repeat_id: str | None

    def is_byline(self, line: str | LineText) -> bool:
        """True for an agency byline ("وكالات", "(أ ف ب)", "المصدر: وكالات") or a dateline."""
        if isinstance(line, str):
            line = LineText.of(line, self.settings)
        k = line.key
        if not k:
            return False
        if k in self.byline_names:
            return True
        for prefix in self.byline_prefixes:
            if k.startswith(prefix + " ") and k[len(prefix) + 1 :] in self.byline_names:
                return True
        body = line.folded.text.strip()
        return any(regex.fullmatch(body) for regex in self.datelines)


def compile_boilerplate(spec: BoilerplateFile, path: str, lines: dict | None = None) -> BoilerplateRules:
    """Compile a validated boilerplate file; check each rule's examples and counter-examples."""
    rules: list[LineRule] = []
    title_repeat_id: str | None = None
    separators: tuple[str, ...] = (" - ",)
    for index, rule in enumerate(spec.rules):
        if rule.block == "title_repeat":
            title_repeat_id = rule.id
            separators = tuple(rule.separators)
            continue
        rules.append(
            LineRule(
                spec=rule,
                settings=spec.settings,
                starts=_markers_regex(rule.starts_with, rule.glued),
                equals=frozenset(key(e) for e in rule.equals),
                patterns=_patterns_regex(rule.patterns),
            )
        )
        compiled = rules[-1]
        for example in rule.examples:
            if compiled.match(example) is None:
                line = line_of(lines or {}, ("rules", index, "examples"))
                raise RuleError(path, line, f"rule {rule.id!r}: its example {example!r} does not match")
        for counter in rule.counter_examples:
            if compiled.match(counter) is not None:
                line = line_of(lines or {}, ("rules", index, "counter_examples"))
                raise RuleError(path, line, f"rule {rule.id!r}: its counter-example {counter!r} matches")
    return BoilerplateRules(
        path=path,
        settings=spec.settings,
        rules=tuple(rules),
        byline_names=frozenset(key(n) for n in spec.bylines.names),
        byline_prefixes=tuple(sorted({key(p) for p in spec.bylines.prefixes}, key=len, reverse=True)),
        datelines=tuple(re.compile(fold_pattern(p), re.IGNORECASE) for p in spec.bylines.datelines),
        title_separators=separators,
        title_repeat_id=title_repeat_id,
    )
