"""Readers: every input yields a Document; metadata, front matter, JSONL and folders."""

from __future__ import annotations

import codecs
import datetime as dt
import os
from pathlib import Path

import pytest

from checker.ingest import read_inputs
from checker.models import Document

DATA = Path(__file__).resolve().parent / "data" / "ingest"

ARTICLE = (
    "مكالمة بين بوتين وترامب\n\n"
    "أجرى الرئيس الروسي فلاديمير بوتين اليوم اتصالاً هاتفياً مع نظيره الأمريكي دونالد ترامب استمر ساعتين.\n"
)


def read_one(path: Path, **kwargs: object) -> Document:
    docs = read_inputs([path], **kwargs)  # type: ignore[arg-type]
    assert len(docs) == 1
    return docs[0]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16"),
        (ARTICLE.encode("cp1256"), "cp1256"),
    ],
)
def test_text_file_in_each_encoding(tmp_path: Path, data: bytes, encoding: str) -> None:
    doc = read_one(write(tmp_path, "a.txt", data))
    assert doc.status == "ok"
    assert doc.encoding == encoding
    assert doc.text == ARTICLE
    assert doc.title == "مكالمة بين بوتين وترامب"
    assert [s.kind for s in doc.segments] == ["title", "article"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary (PNG image)"),
        (b"caf\xe9 cr\xe8me", "cannot decode"),
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "empty file"),
    ],
)
def test_unreadable_files_become_error_documents(tmp_path: Path, data: bytes, message: str) -> None:
    doc = read_one(write(tmp_path, "bad.txt", data))
    assert doc.status == "error"
    assert message in (doc.error or "")
    assert doc.id == "bad"
    assert doc.text == ""


def test_nonexistent_path(tmp_path: Path) -> None:
    doc = read_one(tmp_path / "missing.txt")
    assert (doc.status, doc.error, doc.id) == ("error", "no such file or directory", "missing")


def test_file_above_max_bytes_is_refused_unread(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "big.txt", ARTICLE.encode()), max_bytes=10)
    assert doc.status == "error"
    assert "file too large" in (doc.error or "")


def test_unknown_extension_given_explicitly_is_read_as_text(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "article.news", ARTICLE.encode()))
    assert doc.status == "ok"
    assert doc.id == "article"


# --------------------------------------------------------------------------- front matter


def test_front_matter_fields_and_segment(tmp_path: Path) -> None:
    text = (
        "---\nid: call-1\nsource: وكالة الاختبار\nurl: https://example.org/1\n"
        "published: 2025-05-19\nlanguage: ar\n---\n" + ARTICLE
    )
    doc = read_one(write(tmp_path, "x.md", text.encode()))
    assert (doc.id, doc.source, doc.url, doc.language) == ("call-1", "وكالة الاختبار", "https://example.org/1", "ar")
    assert doc.published.day == dt.date(2025, 5, 19)
    assert doc.published.how == "front matter"
    front = doc.segments[0]
    assert front.kind == "front_matter"
    assert doc.text[front.start : front.end].startswith("---\nid: call-1")
    assert doc.text[front.start : front.end].endswith("---")
    title = doc.segments[1]
    assert (title.kind, doc.text[title.start : title.end]) == ("title", "مكالمة بين بوتين وترامب")
    assert doc.warnings == []


def test_unknown_front_matter_key_is_kept_with_a_warning(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "x.txt", ("---\nauthor: مراسل\ntags: [a, b]\n---\n" + ARTICLE).encode()))
    assert doc.metadata == {"author": "مراسل", "tags": '["a", "b"]'}
    assert any("'author'" in w for w in doc.warnings)


def test_malformed_front_matter_keeps_the_document(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "x.txt", ("---\nsource: [unclosed\n---\n" + ARTICLE).encode()))
    assert doc.status == "ok"
    assert any("malformed front matter" in w for w in doc.warnings)
    assert doc.segments[0].kind == "front_matter"
    assert doc.source is None
    assert any(s.kind == "article" for s in doc.segments)


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "x.txt", ("---\n- a\n- b\n---\n" + ARTICLE).encode()))
    assert doc.status == "ok"
    assert any("not a mapping" in w for w in doc.warnings)
    assert doc.segments[0].kind == "front_matter"


def test_invalid_published_value_warns_and_leaves_the_date_unknown(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "x.txt", ("---\npublished: last tuesday\n---\n" + ARTICLE).encode()))
    assert doc.status == "ok"
    assert any("published 'last tuesday' is not a date" in w for w in doc.warnings)
    assert doc.published.date_from is None and doc.published.date_to is None


def test_front_matter_only_is_an_error(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path, "x.txt", b"---\nsource: x\n---\n\n"))
    assert doc.status == "error"


# --------------------------------------------------------------------------- JSONL


def test_jsonl_lines_become_documents() -> None:
    docs = read_inputs([DATA / "feed.jsonl"])
    assert [d.id for d in docs] == ["wire-1", "feed#3", "feed#4", "feed#5"]
    first, second, broken, no_text = docs
    assert first.source == "وكالة الاختبار"
    assert first.published.day == dt.date(2025, 5, 19)
    assert first.text.startswith("مكالمة بين بوتين وترامب")
    article = next(s for s in first.segments if s.kind == "article")
    assert first.text[article.start : article.end].startswith("أجرى الرئيس")
    assert second.status == "ok" and second.metadata == {"author": "مراسل"}
    assert broken.status == "error" and "line 4: invalid JSON" in (broken.error or "")
    assert no_text.status == "error" and "text" in (no_text.error or "")
    assert all(d.path.endswith("feed.jsonl") for d in docs)


# --------------------------------------------------------------------------- folders


def test_folder_walk_is_sorted_skips_hidden_and_survives_a_symlink_loop(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b" / "c.md").write_text(ARTICLE, encoding="utf-8")
    (root / "b" / "skip.pdf").write_bytes(b"%PDF-1.4")
    (root / ".hidden" / "h.txt").write_text(ARTICLE, encoding="utf-8")
    (root / ".dot.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(root, root / "b" / "loop")  # b/loop -> news: a cycle
    docs = read_inputs([root])
    assert [Path(d.path).relative_to(root).as_posix() for d in docs] == ["a.txt", "b/c.md"]
    assert all(d.status == "ok" for d in docs)


def test_empty_folder_still_yields_a_document(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    doc = read_one(tmp_path / "empty")
    assert doc.status == "error"
    assert "no readable files" in (doc.error or "")


def test_every_input_is_listed_in_order(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", ARTICLE.encode())
    empty = write(tmp_path, "empty.txt", b"")
    docs = read_inputs([good, tmp_path / "nope.txt", empty])
    assert [(d.id, d.status) for d in docs] == [("good", "ok"), ("nope", "error"), ("empty", "error")]
