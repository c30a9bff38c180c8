"""HTML pages: visible text with an offset map, plus title, h1, meta tags and language.

A small tokenizer of our own (after the HTML5 tokenizer, simplified) walks the page once and
knows the position of every tag and text run, so each visible character can point back to the
page source. It is linear in the size of the page whatever the page holds: no backtracking, no
recursion (thousands of nested tags are fine), and every construct that is never closed (a
comment, a tag, a quoted attribute) ends at the end of the file, as in a browser. (The stdlib
html.parser of Python 3.11 takes minutes on a few hundred kilobytes of unclosed "<!--" or "<a",
and raises on "<![x>" or a character reference with thousands of digits.)
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from checker.ingest.view import HTML_SUFFIXES, TextView
from checker.models import Document

# Elements whose content is never visible text.
SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "math", "object", "canvas"})
# Elements whose content is raw text up to their end tag (no tags, no references inside).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"})
# Elements whose content is text with references but no tags (read only outside skipped elements).
ESCAPABLE_RAW_TEXT = frozenset({"title", "textarea"})
# Elements that start a new line in the plain view.
BLOCK = frozenset(
    """p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table thead tbody tfoot caption article
    section header footer nav aside main blockquote figure figcaption pre hr form address body
    details summary fieldset legend center""".split()
)
_WS = "\t\n\f\r "
_REFERENCE = re.compile(r"&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][-.A-Za-z0-9]*);?")
_RUNS = re.compile(r"\s+|\S+")
_TAG_NAME = re.compile(f"[^{_WS}/>]*")
_SPACE_OR_SLASH = re.compile(f"[{_WS}/]*")
_ATTR_NAME = re.compile(f"[^{_WS}/>][^{_WS}/>=]*")
_EQUALS = re.compile(f"[{_WS}]*=[{_WS}]*")
_UNQUOTED = re.compile(f"[^{_WS}>]*")
_COMMENT_END = re.compile(r"--!?>")
_MAX_CODE_POINT_DIGITS = 8  # more digits than any code point has: the reference is U+FFFD


def _decode_reference(ref: str) -> str:
    """A character or entity reference as text (html.unescape, minus its failure on huge numbers)."""
    if ref.startswith("&#"):
        digits = ref[3:] if ref[2:3] in ("x", "X") else ref[2:]
        if len(digits.rstrip(";").lstrip("0")) > _MAX_CODE_POINT_DIGITS:
            return "\ufffd"
    return html.unescape(ref)


def _unescape(value: str) -> str:
    """An attribute value with its references decoded."""
    return _REFERENCE.sub(lambda ref: _decode_reference(ref.group(0)), value) if "&" in value else value


@dataclass(frozen=True)
class HtmlPage:
    view: TextView
    title: str | None = None
    h1: str | None = None
    language: str | None = None
    meta: list[tuple[str, str]] = field(default_factory=list)  # (lower-cased name, content), in page order


class _Plain:
    """Tokenizes a page and collects the visible text, one entry per character, with source offsets."""

    def __init__(self, source: str):
        self.source = source
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

    # -- output

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

    # -- the tokenizer: one pass, each source character looked at a bounded number of times

    def run(self) -> None:
        src, n, pos = self.source, len(self.source), 0
        while pos < n:
            lt = src.find("<", pos)
            if lt < 0:
                lt = n
            if pos < lt:
                self._text(pos, lt)
            if lt >= n:
                break
            pos = self._markup(lt)

    def _markup(self, i: int) -> int:
        """Read the markup at source[i] == "<"; return where the next token starts."""
        src, n = self.source, len(self.source)
        nxt = src[i + 1 : i + 2]
        if nxt.isascii() and nxt.isalpha():
            return self._start_tag(i)
        if nxt == "/":
            after = src[i + 2 : i + 3]
            if after.isascii() and after.isalpha():
                name_end = _TAG_NAME.match(src, i + 2).end()
                close = src.find(">", name_end)
                if close < 0:
                    return n  # a tag still open at the end of the file is dropped
                self._end_tag(src[i + 2 : name_end].lower(), i)
                return close + 1
            if after == ">":
                return i + 3  # "</>" is nothing
            return self._bogus_comment(i + 2)
        if src.startswith("<!--", i):
            if src.startswith(">", i + 4):
                return i + 5  # "<!-->"
            if src.startswith("->", i + 4):
                return i + 6  # "<!--->"
            found = _COMMENT_END.search(src, i + 4)
            return found.end() if found else n  # a comment never closed runs to the end
        if nxt in ("!", "?"):
            return self._bogus_comment(i + 2)
        self._text(i, i + 1)  # a "<" that opens nothing is text
        return i + 1

    def _bogus_comment(self, pos: int) -> int:
        close = self.source.find(">", pos)
        return len(self.source) if close < 0 else close + 1

    def _start_tag(self, i: int) -> int:
        src, n = self.source, len(self.source)
        pos = _TAG_NAME.match(src, i + 1).end()
        tag = src[i + 1 : pos].lower()
        attrs: list[tuple[str, str | None]] = []
        while True:
            pos = _SPACE_OR_SLASH.match(src, pos).end()
            if pos >= n:
                return n  # a tag still open at the end of the file is dropped
            if src[pos] == ">":
                break
            name_end = _ATTR_NAME.match(src, pos).end()
            name = src[pos:name_end].lower()
            pos = name_end
            equals = _EQUALS.match(src, pos)
            if equals is None:
                attrs.append((name, None))
                continue
            pos = equals.end()
            if pos < n and src[pos] in "\"'":
                close = src.find(src[pos], pos + 1)
                if close < 0:
                    return n
                value = src[pos + 1 : close]
                pos = close + 1
            else:
                value_end = _UNQUOTED.match(src, pos).end()
                value, pos = src[pos:value_end], value_end
            attrs.append((name, _unescape(value)))
        self_closing = src[pos - 1] == "/"
        self._start(tag, attrs, i)
        after = pos + 1
        if self_closing:
            self._end_tag(tag, i)
            return after
        if tag in RAW_TEXT or (tag in ESCAPABLE_RAW_TEXT and not self.skip):
            closing = re.compile(f"</{re.escape(tag)}(?=[{_WS}/>])", re.IGNORECASE).search(src, after)
            stop = closing.start() if closing else n
            if after < stop:
                if tag in RAW_TEXT:
                    self._data(src[after:stop], after)
                else:
                    self._text(after, stop)
            return stop
        return after

    def _text(self, start: int, stop: int) -> None:
        """Text between tags: plain runs and character references."""
        pos = start
        for ref in _REFERENCE.finditer(self.source, start, stop):
            if pos < ref.start():
                self._data(self.source[pos : ref.start()], pos)
            self._reference(_decode_reference(ref.group(0)), ref.start(), ref.end())
            pos = ref.end()
        if pos < stop:
            self._data(self.source[pos:stop], pos)

    # -- what the tokens mean

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], at: int) -> None:
        if self.skip or tag in SKIP:
            if tag in SKIP:
                self.skip.append(tag)
            return
        values = {k: (v or "") for k, v in attrs}
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
        elif tag == "time" and values.get("datetime") and "pubdate" in values:
            self.meta.append(("time pubdate", values["datetime"].strip()))
        if tag == "br":
            self._newline(at, hard=True)
        elif tag in BLOCK:
            self._newline(at)
        if tag == "h1" and self.h1 is None and self.h1_from is None:
            self.h1_from = len(self.chars)

    def _end_tag(self, tag: str, at: int) -> None:
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
            self._newline(at)

    def _data(self, data: str, at: int) -> None:
        if self.skip:
            return
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        self._visible(data, at)

    def _reference(self, decoded: str, start: int, end: int) -> None:
        if self.skip:
            return
        if self.title_parts is not None:
            self.title_parts.append(decoded)
            return
        self._visible(decoded, start, end)


@functools.lru_cache(maxsize=32)
def parse_html(source: str) -> HtmlPage:
    """Parse an HTML page (cached by its text: parsing the same page twice costs nothing)."""
    parser = _Plain(source)
    parser.run()
    if parser.title_parts is not None:  # unclosed <title>
        parser.title = " ".join("".join(parser.title_parts).split()) or None
    while parser.chars and parser.chars[-1] in "\n ":
        parser.chars.pop()
        parser.starts.pop()
        parser.ends.pop()
    view = TextView("".join(parser.chars), parser.starts + [len(source)], parser.ends)
    return HtmlPage(view=view, title=parser.title, h1=parser.h1, language=parser.language, meta=parser.meta)


def is_html_path(path: str) -> bool:
    """HTML is read by extension, like the readers do (an unknown extension is plain text)."""
    return PurePath(path).suffix.lower() in HTML_SUFFIXES


def text_view(doc: Document) -> TextView:
    """The plain view of a document (identity except for HTML pages)."""
    if doc.status == "ok" and is_html_path(doc.path):
        return parse_html(doc.text).view
    return TextView(doc.text)
