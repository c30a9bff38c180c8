"""Read files and folders into Documents: .txt/.md (front matter), .html/.htm, .jsonl.

Every input the user gives appears in the report, so every path yields at least one Document
and no failure escapes: a file that cannot be read becomes a Document with status "error" and
a message saying why. Broken rule files are the exception: they are configuration errors
(RuleError, exit 2), raised before any input is read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from collections.abc import Callable, Sequence
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from checker.controls import control_warning
from checker.ingest.decode import decode_with_warnings
from checker.ingest.names import is_own_report, is_text, printable, surrogate_problem
from checker.ingest.errors import InputError
from checker.ingest.frontmatter import KNOWN_KEYS, as_text, split_front_matter
from checker.ingest.html import parse_html
from checker.ingest.published import META_DATE_NAMES, find_published, parse_published_value, range_problem
from checker.ingest.segment import segment
from checker.ingest.view import HTML_SUFFIXES, TextView
from checker.models import Document, Published, Segment
from checker.rules.boilerplate import BoilerplateRules
from checker.forkmap import fork_map, workers_for
from checker.rules.loader import RuleError
from checker.rules.published import PublishedRules
from checker.rules.ruleset import RuleSet, load_ruleset
from checker.text.language import detect_language, language_code

FOLDER_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl"})
DEFAULT_MAX_BYTES = 50_000_000
NO_FILES_ERROR = f"folder holds no readable files ({' '.join(sorted(FOLDER_SUFFIXES))}); nothing to check"


@dataclass
class _Context:
    now: dt.date | None
    max_bytes: int
    rules: RuleSet
    seen: set[str] = field(default_factory=set)  # real paths of the files already read
    jobs: int = 1  # processes a large folder is read with

    @property
    def published(self) -> PublishedRules:
        assert self.rules.published is not None
        return self.rules.published

    def boilerplate(self, language: str) -> BoilerplateRules:
        return self.rules.boilerplate_for(language)

    @property
    def languages(self) -> list[str]:
        """The languages with rules, the default one first."""
        return self.rules.languages


def read_inputs(
    paths: Sequence[str | Path],
    *,
    now: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    rules_dir: Path | None = None,
    rules: RuleSet | None = None,
    jobs: int = 1,
) -> list[Document]:
    """Documents for files and folders, in input order (folders walked in sorted order).

    `now` anchors relative page ages ("منذ 9 شهر"); files above `max_bytes` are refused
    unread; `rules` (already loaded) or else `rules_dir` replaces the shipped rules; a large
    folder is read with up to `jobs` forked processes (the same documents). Raises only
    RuleError.
    A file reached twice (given twice, or given and inside a given folder) is read once, and
    no two documents share an id (see `_unique_ids`).
    """
    # the rules are loaded (and validated) before anything is read
    ctx = _Context(now=now, max_bytes=max_bytes, rules=rules or load_ruleset(rules_dir), jobs=jobs)
    docs: list[Document] = []
    for raw in paths:
        path = Path(raw)
        try:
            docs.extend(_read_path(path, ctx))
        except RuleError:
            raise
        except Exception as exc:  # a bug must not hide the other inputs
            docs.append(_error(path, f"internal error while reading: {type(exc).__name__}: {exc}"))
    _unique_ids(docs)
    return docs


def _error(path: Path, message: str, *, doc_id: str | None = None, encoding: str | None = None) -> Document:
    return Document(  # printable: a name that is not UTF-8 must not make the report unwritable
        id=printable(doc_id or path.stem or path.name or str(path)),
        path=printable(str(path)),
        status="error",
        error=message,
        encoding=encoding,
        text="",
    )


_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")


def _warn_if_not_arabic(doc: Document, plain: str) -> None:
    """An article said (or taken) to be Arabic without a single Arabic letter yields no claims: say why."""
    if doc.language == "ar" and not _ARABIC_LETTER.search(plain):
        doc.warnings.append("no Arabic letters in the article text: no claims can be read from it")


def _settle_language(doc: Document, declared: Any, text: str, ctx: _Context) -> None:
    """doc.language from what the page declares (front matter, JSONL field, <html lang>), else
    from its script; a language without rules marks the document so, with a warning saying why
    no claims come from it (never a silent "ok" with nothing read)."""
    raw = as_text(declared).strip() if declared is not None and not isinstance(declared, (list, dict)) else ""
    code = language_code(raw)
    if raw and code is None:
        doc.warnings.append(f"language {raw!r} is not a language code (write e.g. en or ar); "
                            "the language was detected from the text")
    how = "declared"
    if code is None:
        how = "detected from the text"
        found = detect_language(text)
        if found is None:  # no letters at all: nothing to read in any language
            code = ctx.languages[0] if ctx.languages else "ar"
        elif found in SCRIPT_NAMES:
            code = "und"
            doc.warnings.append(f"the text is written in {found} script in a language the rules do not know "
                                f"(rules exist for: {', '.join(ctx.languages)}); no claims were read from it")
            doc.language, doc.status = code, "unsupported_language"
            return
        else:
            code = found
    doc.language = code
    if code not in ctx.languages:
        doc.status = "unsupported_language"
        doc.warnings.append(f"no rules for language {code!r} ({how}; rules exist for: {', '.join(ctx.languages)}): "
                            "no claims were read from this page")


SCRIPT_NAMES = frozenset({"latin", "cyrillic", "hebrew", "han", "arabic"})


def _unique_ids(docs: list[Document]) -> None:
    """Give every document its own id: claims, events and findings are keyed by it.

    Two feeds that both number their records from 0, or two files both named story.txt in
    different folders, would otherwise be read as one article (its claims mixed, conflicts
    between them never reported). Among documents sharing an id the first in path order keeps
    it (so the result does not depend on the order of the inputs) and the others become
    "id~2", "id~3", ... with a warning.
    """
    by_id: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        by_id[doc.id].append(doc)
    taken = set(by_id)
    for doc_id in sorted(by_id):
        group = sorted(by_id[doc_id], key=lambda d: d.path)  # stable: one file's records stay in file order
        n = 1
        for doc in group[1:]:
            n += 1
            while f"{doc_id}~{n}" in taken:
                n += 1
            new = f"{doc_id}~{n}"
            taken.add(new)
            doc.warnings.append(f"duplicate document id {doc_id!r} (also used by {group[0].path}); renamed {new!r}")
            doc.id = new


# --------------------------------------------------------------------------- paths and folders


def _read_path(path: Path, ctx: _Context) -> list[Document]:
    if path.is_symlink() and not path.exists():
        return [_error(path, "broken symbolic link: its target does not exist")]
    if not path.exists():
        return [_error(path, "no such file or directory")]
    if path.is_dir():
        return _read_folder(path, ctx)
    return _read_file(path, ctx, given=True)


MIN_FILES_PER_JOB = 100  # below this a process costs more (fork, documents shipped back) than it saves


def _read_folder(root: Path, ctx: _Context) -> list[Document]:
    files, errors = walk(root)
    docs = list(errors)
    if files and all(os.path.realpath(f) in ctx.seen for f in files):
        return docs  # every file here was already read through another argument
    # walk() lists each real file once, so the files of one folder can be read in any process;
    # only files read before (through another argument) are skipped, as _read_file would
    todo = [f for f in files if os.path.realpath(f) not in ctx.seen]
    for found in fork_map(partial(_read_listed_file, ctx=ctx), todo, workers_for(ctx.jobs, len(todo), MIN_FILES_PER_JOB)):
        if isinstance(found, tuple):
            raise RuleError(*found)
        docs.extend(found)
    ctx.seen.update(os.path.realpath(f) for f in todo)
    if not docs:
        docs.append(_error(root, NO_FILES_ERROR, doc_id=root.name))
    return docs


def _read_listed_file(path: Path, ctx: _Context) -> list[Document] | tuple[str, int | None, str]:
    """_read_file for a file of a folder; a broken rule comes back as (path, line, problem), as
    RuleError itself does not survive being sent back from a process."""
    try:
        return _read_file(path, ctx)
    except RuleError as exc:
        return exc.path, exc.line, exc.problem
    except Exception as exc:
        return [_error(path, f"internal error while reading: {type(exc).__name__}: {exc}")]


def found_no_articles(docs: Sequence[Document]) -> bool:
    """True when the inputs held no article file at all (nothing given, or only empty folders).

    That is a usage problem (the wrong folder, the wrong extension), not an unreadable input:
    the command line says so and exits 2 instead of 3.
    """
    return all(d.status == "error" and d.error == NO_FILES_ERROR for d in docs)


def _saved_page_folder(name: str, siblings: set[str]) -> bool:
    """`page_files/` beside `page.html`: the images, scripts and frames a browser saves with a
    page ("Save page as... complete"), not articles."""
    stem = name[: -len("_files")] if name.endswith("_files") else None
    return bool(stem) and any(f"{stem}{suffix}" in siblings for suffix in (".html", ".htm"))


OUTSIDE_ERROR = "symbolic link to a {} outside {}; not followed (links may only point inside the folder given)"


def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def walk(root: Path) -> tuple[list[Path], list[Document]]:
    """Files under `root` with a readable extension, sorted; hidden entries and the folders a
    browser saves beside a page (`page_files/` next to `page.html`) skipped.

    Iterative; follows symbolic links that stay inside `root` (to files and to folders) but
    visits each real folder once (a link loop ends), and lists each real file once. A link
    that leaves `root` (to a secrets file, to /) is not followed: it becomes an error Document,
    as does an unreadable folder.
    """
    root_real = os.path.realpath(root)
    visited: set[str] = set()
    found: list[tuple[tuple[str, ...], Path]] = []
    errors: list[Document] = []
    stack: list[Path] = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in visited:
            continue
        visited.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            errors.append(_error(folder, f"cannot list folder: {exc.strerror or exc}", doc_id=folder.name))
            continue
        subfolders: list[Path] = []
        names = {e.name for e in entries}
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if is_dir and _saved_page_folder(entry.name, names):
                continue
            readable = Path(entry.name).suffix.lower() in FOLDER_SUFFIXES
            if (is_dir or readable) and entry.is_symlink():
                target = os.path.realpath(entry.path)
                if os.path.exists(target) and not _inside(target, root_real):
                    kind = "folder" if is_dir else "file"
                    errors.append(_error(Path(entry.path), OUTSIDE_ERROR.format(kind, root)))
                    continue
            if is_dir:
                subfolders.append(Path(entry.path))
            elif readable:
                path = Path(entry.path)
                found.append((path.relative_to(root).parts, path))
        stack.extend(reversed(subfolders))
    files: list[Path] = []
    seen_files: set[str] = set()
    for _, path in sorted(found, key=lambda item: item[0]):
        real = os.path.realpath(path)
        if real in seen_files and os.path.exists(real):
            continue
        seen_files.add(real)
        files.append(path)
    return files, errors


# --------------------------------------------------------------------------- one file


def _read_file(path: Path, ctx: _Context, given: bool = False) -> list[Document]:
    if not is_text(str(path)):
        return [_error(Path(printable(str(path))), "the file name is not valid UTF-8 (shown here with \\x escapes); "
                       "rename the file to have it read")]
    real = os.path.realpath(path)
    if real in ctx.seen:
        return []  # already read through another argument: one file, one set of documents
    ctx.seen.add(real)
    try:
        info = path.stat()
    except OSError as exc:
        return [_error(path, f"cannot read: {exc.strerror or exc}")]
    if not stat.S_ISREG(info.st_mode):
        return [_error(path, "not a regular file")]
    if info.st_size > ctx.max_bytes:
        return [_error(path, f"file too large: {info.st_size} bytes (limit {ctx.max_bytes}); not read")]
    try:
        with open(path, "rb") as handle:
            data = handle.read(ctx.max_bytes + 1)
    except OSError as exc:
        return [_error(path, f"cannot read: {exc.strerror or exc}")]
    if len(data) > ctx.max_bytes:
        return [_error(path, f"file too large: more than {ctx.max_bytes} bytes; not read")]
    try:
        text, encoding, warnings = decode_with_warnings(data)
    except InputError as exc:
        return [_error(path, str(exc))]
    if not text.strip():
        return [_error(path, "empty file", encoding=encoding)]
    if is_own_report(text):
        # a report this checker wrote, perhaps into the very folder it reads: not an article
        return [_error(path, "a report written by checker, not an article; not read")] if given else []
    suffix = path.suffix.lower()
    reader: Callable[[Path, str, str, _Context], list[Document]]
    if suffix == ".jsonl":
        reader = _read_jsonl
    elif suffix in HTML_SUFFIXES:
        reader = _read_html
    else:
        reader = _read_text
    docs = reader(path, text, encoding, ctx)
    for doc in docs:
        doc.warnings[:0] = warnings
        if doc.status == "ok":
            _warn_controls(doc)
    return docs


def _warn_controls(doc: Document) -> None:
    """Control characters shown to an editor (a right-to-left override makes 571 read 175):
    reports show them as codes, and the document says it holds them."""
    body = doc.text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    for where, value in (("the text", body), ("the title", doc.title), ("the source", doc.source), ("the url", doc.url)):
        warning = control_warning(value, where) if value else None
        if warning:
            doc.warnings.append(warning)


def _apply_metadata(doc: Document, data: dict[str, Any], where: str) -> Any:
    """Known keys to Document fields, unknown ones to metadata (with a warning).

    Returns the raw `published` value (None if absent).
    """
    published = None
    for name, value in data.items():
        problem = surrogate_problem(value, f"key {printable(name)!r}") or surrogate_problem(name, "a key")
        if problem:
            doc.warnings.append(f"{where}: {problem}; ignored")
            continue
        if name not in KNOWN_KEYS:
            doc.metadata[name] = as_text(value)
            doc.warnings.append(f"{where}: unknown key {name!r} kept in metadata")
            continue
        if value is None:
            continue
        if name == "published":
            published = value
            continue
        if isinstance(value, (list, dict)):
            doc.warnings.append(f"{where}: {name!r} should be text, got a {type(value).__name__}; ignored")
            continue
        text = as_text(value).strip()
        if not text:
            continue
        if name == "language":
            continue  # settled with the text (_settle_language): the raw value is never kept
        setattr(doc, name, text)
    return published


def _published(
    doc: Document,
    body: str,
    value: Any,
    where: str,
    ctx: _Context,
    meta: Sequence[tuple[str, str]] = (),
    value_how: str = "front matter",
) -> Published:
    if value is not None and parse_published_value(value, ctx.published) is None:
        why = range_problem(value) or "is not a date (write it as 2025-05-19)"
        doc.warnings.append(f"{where}: published {as_text(value)!r} {why}; ignored")
        value = None
    settings = ctx.boilerplate(doc.language).settings
    return find_published(body, value, ctx.now, meta=meta, rules=ctx.published, settings=settings, value_how=value_how)


def _title_from(segments: list[Segment], text: str) -> str | None:
    for seg in segments:
        if seg.kind == "title":
            return " ".join(text[seg.start : seg.end].lstrip("#").split()) or None  # "# Title" in Markdown
    return None


def _read_text(path: Path, text: str, encoding: str, ctx: _Context) -> list[Document]:
    doc = Document(id=path.stem, path=str(path), encoding=encoding, text=text)
    fm, warnings = split_front_matter(text)
    doc.warnings.extend(warnings)
    body_start = 0
    published_value = None
    if fm is not None:
        doc.warnings.extend(fm.warnings)
        published_value = _apply_metadata(doc, fm.data, "front matter")
        doc.segments.append(Segment(kind="front_matter", start=0, end=fm.end, label="front matter"))
        body_start = fm.body_start
    if not text[body_start:].strip():
        doc.status = "error"
        doc.error = "no article text after the front matter"
        return [doc]
    _settle_language(doc, fm.data.get("language") if fm is not None else None, text[body_start:], ctx)
    rules = ctx.boilerplate(doc.language)
    doc.segments.extend(segment(TextView(text), rules, start=body_start, title=doc.title))
    doc.title = doc.title or _title_from(doc.segments, text)
    doc.published = _published(doc, text[body_start:], published_value, "front matter", ctx)
    _warn_if_not_arabic(doc, text[body_start:])
    return [doc]


def _read_html(path: Path, text: str, encoding: str, ctx: _Context) -> list[Document]:
    page = parse_html(text)
    doc = Document(id=path.stem, path=str(path), encoding=encoding, text=text)
    if not page.view.text.strip():
        doc.status = "error"
        doc.error = "empty page: no visible text"
        return [doc]
    _settle_language(doc, page.language, page.view.text, ctx)
    meta = dict(reversed(page.meta))  # first occurrence wins
    doc.source = meta.get("og:site_name") or None
    doc.url = meta.get("og:url") or meta.get("canonical") or None
    for name in META_DATE_NAMES:
        if name in meta and parse_published_value(meta[name], ctx.published) is None:
            why = range_problem(meta[name]) or "is not a date"
            doc.warnings.append(f"html meta {name}: {meta[name]!r} {why}; ignored")
    rules = ctx.boilerplate(doc.language)
    doc.segments = segment(page.view, rules, title=page.h1 or page.title)
    doc.title = page.title or page.h1 or _title_from(doc.segments, text)
    doc.published = _published(doc, page.view.text, None, "html", ctx, meta=page.meta)
    _warn_if_not_arabic(doc, page.view.text)
    return [doc]


def _read_jsonl(path: Path, text: str, encoding: str, ctx: _Context) -> list[Document]:
    docs: list[Document] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            docs.append(_jsonl_record(path, number, line, encoding, ctx))
        except RuleError:
            raise
        except Exception as exc:  # one bad line must not cost the other lines of the file
            docs.append(_error(path, f"line {number}: internal error while reading: {type(exc).__name__}: {exc}",
                               doc_id=f"{path.stem}#{number}", encoding=encoding))
    if not docs:
        docs.append(_error(path, "empty file (no JSON lines)", encoding=encoding))
    return docs


def _jsonl_record(path: Path, number: int, line: str, encoding: str, ctx: _Context) -> Document:
    doc_id = f"{path.stem}#{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(path, f"line {number}: invalid JSON ({exc.msg}, column {exc.colno})", doc_id=doc_id, encoding=encoding)
    except RecursionError:
        return _error(path, f"line {number}: invalid JSON (nested too deeply)", doc_id=doc_id, encoding=encoding)
    except ValueError as exc:  # e.g. an integer longer than Python's limit on digits
        return _error(path, f"line {number}: invalid JSON ({exc})", doc_id=doc_id, encoding=encoding)
    problem = surrogate_problem(record)
    if problem:
        return _error(path, f"line {number}: {problem}; line not read", doc_id=doc_id, encoding=encoding)
    if not isinstance(record, dict):
        return _error(path, f"line {number}: expected a JSON object, got {type(record).__name__}", doc_id=doc_id, encoding=encoding)
    body = record.get("text")
    if not isinstance(body, str):
        return _error(path, f"line {number}: missing \"text\" string", doc_id=doc_id, encoding=encoding)
    if record.get("id") not in (None, ""):
        doc_id = as_text(record["id"])
    if not body.strip():
        return _error(path, f"line {number}: empty text", doc_id=doc_id, encoding=encoding)
    doc = Document(id=doc_id, path=str(path), encoding=encoding, text=body)
    fields = {k: v for k, v in record.items() if k not in ("text", "id")}
    published_value = _apply_metadata(doc, fields, f"line {number}")
    _settle_language(doc, fields.get("language"), body, ctx)
    rules = ctx.boilerplate(doc.language)
    doc.segments = segment(TextView(body), rules, title=doc.title)
    doc.title = doc.title or _title_from(doc.segments, body)
    doc.published = _published(doc, body, published_value, f"line {number}", ctx, value_how="jsonl field published")
    _warn_if_not_arabic(doc, body)
    return doc
