"""Split a page into its title, its article(s) and the boilerplate around them.

Claims are read from article segments only, so a related-headlines list, a tag line or a
latest-news list must never pass for article text, and no article line may be lost to
boilerplate. The page is read line by line with a small state machine; which lines are
boilerplate is data (rules/<lang>/boilerplate.yaml), how blocks follow each other is here:

- title: the first line that is neither boilerplate nor prose and has a title's length (or the
  line matching a known title: front matter, HTML <h1>); short lines above it are `site-header`;
- the main article starts at the first other line after the title;
- `line` rules mark one line; one with `ends_article` closes the current article;
- `list_after` rules open a list block: short headline-like lines stay in it (as do `line`
  rules with `ends_list: false`, such as counters and timestamps) until prose, a byline
  followed by prose, or another rule;
- after a list or an article-ending line, prose (or a byline followed by prose) opens the next
  article ("embedded 1", ...), and so does a byline line followed by prose inside an article
  (an agency story appended to the page); short lines that lead nowhere are `stray-line`
  boilerplate;
- `tail` rules make everything from the marker to the end boilerplate.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.text.fold import fold_word, key
from checker.rules.boilerplate import BoilerplateRules, LineRule, LineText, is_prose
from checker.rules.ingest_schema import LayoutSettings
from checker.ingest.view import TextView, to_text_span
from checker.models import Segment

SITE_HEADER = "site-header"
STRAY_LINE = "stray-line"
TITLE_LABEL = "title"
MAIN = "main"

__all__ = ["segment", "is_prose", "page_lines", "Line"]


@dataclass(frozen=True)
class Line:
    """A non-empty line of the plain view: its [start, end) in the view and its analysis."""

    start: int
    end: int
    info: LineText

    @property
    def text(self) -> str:
        return self.info.text


def page_lines(text: str, settings: LayoutSettings, start: int = 0) -> list[Line]:
    """Non-empty lines of `text` from offset `start`, trimmed (any "\r" too)."""
    out: list[Line] = []
    pos = start
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        stop = length if nl < 0 else nl
        raw = text[pos:stop]
        stripped = raw.strip()
        if stripped:
            begin = pos + len(raw) - len(raw.lstrip())
            out.append(Line(begin, begin + len(stripped), LineText.of(stripped, settings)))
        if nl < 0:
            break
        pos = nl + 1
    return out


@dataclass(frozen=True)
class _TitleForms:
    """What title comparison reads of a line: its key and its normalised, space-collapsed text."""

    key: str
    spaced: str

    @classmethod
    def of(cls, text: str | LineText) -> _TitleForms:
        if isinstance(text, LineText):  # already normalised once: reuse it
            return cls(text.key, " ".join(text.folded.text.split()))
        return cls(key(text), " ".join(fold_word(text).split()))


def _title_like(a: _TitleForms, b: _TitleForms, separators: tuple[str, ...]) -> bool:
    """Is `a` the title `b`, alone or followed by a separator and more ("title - site")?"""
    if not b.key:
        return False
    if a.key == b.key:
        return True
    fa, fb = a.spaced, b.spaced
    if not fa.startswith(fb):
        return False
    rest = fa[len(fb) :].lstrip()
    return any(sep.strip() and rest.startswith(sep.strip()) for sep in separators)


@dataclass
class _Block:
    kind: str
    label: str
    marker: str | None
    first: int
    last: int


class _Segmenter:
    def __init__(self, lines: list[Line], rules: BoilerplateRules, hint: str | None):
        self.lines = lines
        self.rules = rules
        self.settings = rules.settings
        self.hint = hint
        self.title: str | None = hint
        self.title_forms = _TitleForms.of(hint or "")
        self.blocks: list[_Block] = []
        self.articles = 0
        self.matches: dict[int, dict[str, tuple[LineRule, str]]] = {}

    # -- helpers

    def prose(self, i: int) -> bool:
        return self.lines[i].info.prose

    def line_rule(self, i: int, block: str) -> tuple[LineRule, str] | None:
        """The first rule of this block kind matching line i (all kinds are matched once)."""
        if i not in self.matches:
            found: dict[str, tuple[LineRule, str]] = {}
            for rule in self.rules.rules:
                if rule.block not in found:
                    marker = rule.match(self.lines[i].info)
                    if marker is not None:
                        found[rule.block] = (rule, marker)
            self.matches[i] = found
        return self.matches[i].get(block)

    def add(self, kind: str, label: str, marker: str | None, i: int, merge: bool = True) -> None:
        last = self.blocks[-1] if self.blocks else None
        if merge and last and last.kind == kind and last.label == label and last.last == i - 1:
            last.last = i
        else:
            self.blocks.append(_Block(kind, label, marker, i, i))

    def new_article_label(self) -> str:
        self.articles += 1
        return MAIN if self.articles == 1 else f"embedded {self.articles - 1}"

    def is_title_repeat(self, i: int) -> bool:
        return bool(self.title) and self.rules.title_repeat_id is not None and _title_like(
            _TitleForms.of(self.lines[i].info), self.title_forms, self.rules.title_separators
        )

    # -- the title

    def find_title(self) -> int | None:
        """Index of the title line, or None (then the article starts at the top)."""
        lines, s = self.lines, self.settings
        if self.hint:
            for i, line in enumerate(lines[: max(s.max_header_lines + 8, 12)]):
                if _title_like(self.title_forms, _TitleForms.of(line.info), self.rules.title_separators):
                    return i
                if self.prose(i):
                    break
        short = 0
        for i, line in enumerate(lines):
            if self.line_rule(i, "line"):
                continue
            if self.prose(i):
                return None
            n = line.info.words
            if s.title_min_words <= n <= s.title_max_words:
                return i
            if n > s.title_max_words:
                return None
            short += 1
            if short > s.max_header_lines:
                return None
        return None

    # -- the page

    def run(self) -> list[_Block]:
        lines = self.lines
        title_at = self.find_title()
        begin = 0
        if title_at is not None:
            for i in range(title_at):
                found = self.line_rule(i, "line")
                if found:
                    self.add("boilerplate", found[0].id, found[1], i)
                else:
                    self.add("boilerplate", SITE_HEADER, lines[i].text if i == 0 else None, i)
            self.title = lines[title_at].text
            self.title_forms = _TitleForms.of(lines[title_at].info)
            self.add("title", TITLE_LABEL, None, title_at, merge=False)
            begin = title_at + 1
        state = "header"
        label = ""
        pending: list[int] = []

        def flush_pending() -> None:
            for j in pending:
                self.add("boilerplate", STRAY_LINE, None, j)
            pending.clear()

        for i in range(begin, len(lines)):
            text = lines[i].text
            tail = self.line_rule(i, "tail")
            if tail:
                flush_pending()
                self.blocks.append(_Block("boilerplate", tail[0].id, tail[1], i, len(lines) - 1))
                return self.blocks
            listing = self.line_rule(i, "list_after")
            if listing:
                flush_pending()
                self.add("boilerplate", listing[0].id, listing[1], i, merge=False)
                state = "list"
                continue
            # a byline on a line of its own, then prose: another story starts (an agency story
            # appended to the page), after a list, an article's end or inside an article
            if state in ("list", "after", "article") and i + 1 < len(lines) \
                    and self.rules.is_byline(lines[i].info) and self.prose(i + 1):
                first = pending[0] if pending else i
                pending.clear()
                label = self.new_article_label()
                self.blocks.append(_Block("article", label, None, first, i))
                state = "article"
                continue
            if self.is_title_repeat(i):
                if state == "list":
                    state = "after"
                flush_pending()
                self.add("boilerplate", self.rules.title_repeat_id or "title-repeat", text, i)
                continue
            found = self.line_rule(i, "line")
            if found:
                rule, marker = found
                if state == "list" and not rule.spec.ends_list:
                    self.add("boilerplate", self.blocks[-1].label, None, i)
                    continue
                flush_pending()
                self.add("boilerplate", rule.id, marker, i)
                if state == "list" or (state == "article" and rule.spec.ends_article):
                    state = "after"
                continue
            if state == "header":
                label = self.new_article_label()
                state = "article"
                self.add("article", label, None, i, merge=False)
            elif state == "article":
                self.add("article", label, None, i)
            elif state == "list":
                if self.prose(i):
                    label = self.new_article_label()
                    state = "article"
                    self.add("article", label, None, i, merge=False)
                else:
                    self.add("boilerplate", self.blocks[-1].label, None, i)
            else:  # after an article's end
                if self.prose(i):
                    first = pending[0] if pending else i
                    pending.clear()
                    label = self.new_article_label()
                    state = "article"
                    self.blocks.append(_Block("article", label, None, first, i))
                else:
                    pending.append(i)
        flush_pending()
        return self.blocks


def segment(view: TextView, rules: BoilerplateRules, *, start: int = 0, title: str | None = None) -> list[Segment]:
    """Segments of the page body that starts at plain offset `start` of `view`.

    `title` is a known title (front matter, HTML <h1>) used to find the title line. Segment
    offsets are into Document.text (mapped through the view), in page order.
    """
    lines = page_lines(view.text, rules.settings, start)
    if not lines:
        return []
    blocks = _Segmenter(lines, rules, title).run()
    segments: list[Segment] = []
    for block in blocks:
        begin, end = to_text_span(view, lines[block.first].start, lines[block.last].end)
        segments.append(Segment(kind=block.kind, start=begin, end=end, label=block.label, marker=block.marker))
    return segments
