"""The JSON report: the contract every other consumer (CI, scripts, other formats) reads."""

from __future__ import annotations

from collections.abc import Iterator

from checker.models import Report

# The lists that grow with the corpus: streamed item by item instead of held as one string.
_STREAMED = ("documents", "claims", "mentions", "events", "findings", "cards", "suppressed")
_ITEM_INDENT = b"\n    "  # items of a top-level list sit two levels deep


def iter_json(report: Report) -> Iterator[bytes]:
    """The UTF-8 bytes of `to_json(report)`, in pieces of one list item at most.

    A report of 10,000 articles holds hundreds of thousands of claims and findings; as one
    string it would take several times the memory of the models themselves. pydantic-core
    writes the report without those lists, then each item is written on its own and indented
    into place: the concatenation is byte for byte the whole-report rendering (a test holds
    it to that). JSON strings cannot hold a raw newline, so re-indenting on b"\\n" is safe.
    """
    shell = report.model_copy(update={name: [] for name in _STREAMED})
    text = shell.__pydantic_serializer__.to_json(shell, indent=2, by_alias=True)
    for name in _STREAMED:
        marker = b'\n  "' + name.encode() + b'": []'
        head, found, text = text.partition(marker)
        if not found:  # pragma: no cover - the model always has these fields
            raise AssertionError(f"report field {name!r} not found in its JSON")
        yield head
        items: list = getattr(report, name)
        if not items:
            yield marker
            continue
        yield marker[:-1] + _ITEM_INDENT  # '"name": [' then the first item's indent
        for n, item in enumerate(items):
            if n:
                yield b"," + _ITEM_INDENT
            yield item.__pydantic_serializer__.to_json(item, indent=2, by_alias=True).replace(b"\n", _ITEM_INDENT)
        yield b"\n  ]"
    yield text + b"\n"


def to_json(report: Report) -> str:
    """Serialise the report exactly as the model defines it, byte-identical for equal input.

    Keys keep the model's field order (not sorted) so the file reads top-down like the
    contract; Arabic stays readable (no \\u escapes); document text is excluded by the model.
    The bytes are those of ``json.dumps(indent=2, ensure_ascii=False)`` of
    ``model_dump(mode="json")`` (a test holds it to that), written by pydantic-core, which is
    about four times faster on large reports. Large reports are better written with
    `iter_json`.
    """
    return b"".join(iter_json(report)).decode("utf-8")
