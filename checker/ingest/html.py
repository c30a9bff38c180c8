"""HTML pages: visible text with an offset map, plus title, h1, meta tags and language.

Uses the stdlib html.parser, which reports the position of every tag and text run, so each
visible character can point back to the page source. The parser is not recursive and neither
is this code: thousands of nested tags are fine.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from checker.ingest.view import TextView

# Elements whose content is never visible text.
SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "math", "object", "canvas"})
# Elements that start a new line in the plain view.
BLOCK = frozenset(
    """p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table thead tbody tfoot caption article
    section header footer nav aside main blockquote figure figcaption pre hr form address body
    details summary fieldset legend center""".split()
)
_REFERENCE = re.compile(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][-.A-Za-z0-9]*);?")
_RUNS = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class HtmlPage:
    view: TextView
    title: str | None = None
    h1: str | None = None
    language: str | None = None
    meta: list[tuple[str, str]] = field(default_factory=list)  # (lower-cased name, content), in page order


class _Plain(HTMLParser):
    """Collects the visible text, one entry per character, with source offsets."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.space_at: tuple[int, int] | None = None  # source span of pending collapsible whitespace
        self.skip: list[str] = []
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1_from: int | None = None
        self.h1: str | None = None
        self.language: str | None = None
        self.meta: list[tuple[str, str]] = []

    # -- positions and output

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col if line - 1 < len(self.line_starts) else len(self.source)

    def _emit(self, ch: str, start: int, end: int) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)

    def _visible(self, text: str, start: int, end: int | None = None) -> None:
        """Emit source text starting at `start`; with `end`, all of it maps to [start, end)."""
        pos = start
        for run in _RUNS.findall(text):
            if run[0].isspace():
                if self.space_at is None:
                    self.space_at = (pos, pos + 1) if end is None else (start, end)
            else:
                if self.space_at is not None and self.chars and self.chars[-1] != "\n":
                    self._emit(" ", *self.space_at)
                self.space_at = None
                if end is None:
                    self.chars.extend(run)
                    self.starts.extend(range(pos, pos + len(run)))
                    self.ends.extend(range(pos + 1, pos + len(run) + 1))
                else:
                    for ch in run:
                        self._emit(ch, start, end)
            if end is None:
                pos += len(run)

    def _newline(self, at: int, hard: bool = False) -> None:
        self.space_at = None
        if not self.chars:
            return
        if self.chars[-1] != "\n" or (hard and (len(self.chars) < 2 or self.chars[-2] != "\n")):
            self._emit("\n", at, at)

    # -- parser callbacks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip or tag in SKIP:
            if tag in SKIP:
                self.skip.append(tag)
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self.title_parts = []
        elif tag == "meta":
            name = values.get("property") or values.get("name") or values.get("itemprop") or values.get("http-equiv")
            if name and "content" in values:
                self.meta.append((name.strip().lower(), values["content"].strip()))
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split() and values.get("href"):
            self.meta.append(("canonical", values["href"].strip()))
        elif tag == "html" and values.get("lang"):
            self.language = values["lang"].split("-")[0].strip().lower() or None
        elif tag == "time" and values.get("datetime") and values.get("pubdate") is not None:
            self.meta.append(("time pubdate", values["datetime"].strip()))
        if tag == "br":
            self._newline(self._pos(), hard=True)
        elif tag in BLOCK:
            self._newline(self._pos())
        if tag == "h1" and self.h1 is None and self.h1_from is None:
            self.h1_from = len(self.chars)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        if tag == "h1" and self.h1_from is not None:
            self.h1 = " ".join("".join(self.chars[self.h1_from :]).split()) or None
            self.h1_from = None
        if tag in BLOCK:
            self._newline(self._pos())

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        self._visible(data, self._pos())

    def _reference(self, decoded: str) -> None:
        if self.skip:
            return
        if self.title_parts is not None:
            self.title_parts.append(decoded)
            return
        start = self._pos()
        found = _REFERENCE.match(self.source, start)
        end = found.end() if found else start + 1
        self._visible(decoded, start, end)

    def handle_entityref(self, name: str) -> None:
        start = self._pos()
        found = _REFERENCE.match(self.source, start)
        self._reference(html.unescape(found.group(0)) if found else f"&{name}")

    def handle_charref(self, name: str) -> None:
        decoded = html.unescape(f"&#{name};")
        self._reference(decoded)


@functools.lru_cache(maxsize=32)
def parse_html(source: str) -> HtmlPage:
    """Parse an HTML page (cached by its text: parsing the same page twice costs nothing)."""
    parser = _Plain(source)
    parser.feed(source)
    parser.close()
    if parser.title_parts is not None:  # unclosed <title>
        parser.title = " ".join("".join(parser.title_parts).split()) or None
    while parser.chars and parser.chars[-1] in "\n ":
        parser.chars.pop()
        parser.starts.pop()
        parser.ends.pop()
    view = TextView("".join(parser.chars), parser.starts + [len(source)], parser.ends)
    return HtmlPage(view=view, title=parser.title, h1=parser.h1, language=parser.language, meta=parser.meta)

