"""Decoding: the encodings Arabic news files come in, and clear refusals for the rest."""

from __future__ import annotations

import codecs

import pytest

from checker.ingest import InputError
from checker.ingest.decode import decode, decode_with_warnings

ARABIC = "اتصال هاتفي بين بوتين وترامب استمر ساعتين"


def test_utf8() -> None:
    assert decode(ARABIC.encode("utf-8")) == (ARABIC, "utf-8")


def test_utf8_with_bom_drops_the_bom() -> None:
    assert decode(codecs.BOM_UTF8 + ARABIC.encode("utf-8")) == (ARABIC, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + ARABIC.encode(codec)) == (ARABIC, "utf-16")


def test_windows_1256_arabic() -> None:
    assert decode(ARABIC.encode("cp1256")) == (ARABIC, "cp1256")


def test_png_is_refused_as_binary() -> None:
    with pytest.raises(InputError, match="not text: looks binary \\(PNG image\\)"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match=r"looks binary \(1 NUL byte\(s\), the first at byte 3\)") as err:
        decode(b"abc\x00def")
    assert "UTF-16" not in str(err.value)  # only named when the file looks like UTF-16


def test_utf16_without_bom_is_named_as_such() -> None:
    with pytest.raises(InputError, match="looks like UTF-16 without a byte-order mark"):
        decode("اتصل ترامب hello world".encode("utf-16-le"))


def test_utf8_with_a_bad_byte_stays_utf8_with_a_warning() -> None:
    good = ARABIC.encode()
    for data in (good[:-1], good[:9] + b"\xff" + good[9:], good + b"\xd8"):
        text, encoding, warnings = decode_with_warnings(data)
        assert encoding == "utf-8" and "\ufffd" in text
        assert len(warnings) == 1 and warnings[0].startswith("not valid UTF-8: ")
    assert decode_with_warnings(good) == (ARABIC, "utf-8", [])
    assert decode_with_warnings(ARABIC.encode("cp1256")) == (ARABIC, "cp1256", [])


def test_invalid_bytes_that_are_not_arabic_are_refused() -> None:
    with pytest.raises(InputError, match="cannot decode: not UTF-8"):
        decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e")


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode(b"") == ("", "utf-8")
