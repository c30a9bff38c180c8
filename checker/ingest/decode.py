"""Bytes to text: the encodings Arabic news files arrive in, and a clear refusal otherwise.

Offsets everywhere are into the decoded text, so decoding must be deterministic and must never
guess silently: a file is UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1256 when
that decoding reads as Arabic. UTF-8 with a few bad bytes is read with replacement characters and
a warning. Anything else is an InputError with a message that says why.
"""

from __future__ import annotations

import codecs

from checker.ingest.errors import InputError

# Magic numbers of the binary formats a news folder tends to hold (images, archives, office files).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"\xd0\xcf\x11\xe0", "old office document"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "RAR archive"),
)

# Share of letters that must be Arabic for a non-UTF-8 file to be read as Windows-1256.
_ARABIC_SHARE = 0.5


def _is_arabic_letter(ch: str) -> bool:
    cp = ord(ch)
    return 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0xFB50 <= cp <= 0xFEFF


def _binary_kind(data: bytes) -> str | None:
    """Name the binary format `data` starts with, if it is one we recognise."""
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"{data[8:12].decode('ascii').strip()} file"
    if data[4:8] == b"ftyp":
        return "MP4/HEIC media file"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes; return (text, encoding name) or raise InputError saying why not.

    Encoding names: "utf-8-sig", "utf-16", "utf-8", "cp1256". An empty input decodes as "".
    """
    text, encoding, _ = decode_with_warnings(data)
    return text, encoding


# UTF-8 with a few bad bytes (a truncated last character, one stray byte, a file caught while
# being rewritten) is still UTF-8: read with U+FFFD in their place and a warning. Windows-1256
# Arabic read as UTF-8 is almost nothing but invalid sequences. Below this share of valid
# multi-byte sequences among the non-ASCII ones, the file is tried as Windows-1256.
_UTF8_MIN_VALID_SHARE = 0.8


def decode_with_warnings(data: bytes) -> tuple[str, str, list[str]]:
    """`decode`, plus warnings about what was read with loss (invalid UTF-8 bytes replaced)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig", []
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode: starts with a UTF-8 byte-order mark but is not UTF-8 ({_where(exc)})") from exc
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError("cannot decode: UTF-32 text is not supported (save it as UTF-8)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode: starts with a UTF-16 byte-order mark but is not UTF-16 ({_where(exc)})") from exc
        if "\x00" in text:
            raise InputError("not text: looks binary (NUL characters after UTF-16 decoding)")
        return text, "utf-16", []
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"not text: looks binary ({kind})")
    if b"\x00" in data:
        raise InputError(_nul_problem(data))
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        utf8_error = _where(exc)
    lossy = data.decode("utf-8", errors="replace")
    genuine = data.count(b"\xef\xbf\xbd")  # U+FFFD written in the file itself
    invalid = lossy.count("\ufffd") - genuine
    valid = sum(1 for ch in lossy if ord(ch) > 0x7F) - invalid
    if valid and valid / (valid + invalid) >= _UTF8_MIN_VALID_SHARE:
        return lossy, "utf-8", [
            f"not valid UTF-8: {invalid} invalid byte sequence(s) (the first: {utf8_error}) read as U+FFFD; "
            "the file may be truncated, damaged or still being written"]
    text = data.decode("cp1256", errors="replace")  # every byte is defined in cp1256
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if _is_arabic_letter(ch))
    if letters and arabic / len(letters) >= _ARABIC_SHARE:
        return text, "cp1256", []
    raise InputError(
        f"cannot decode: not UTF-8 ({utf8_error}), UTF-16 or Windows-1256 "
        f"(as Windows-1256 only {arabic} of {len(letters)} letters would be Arabic)"
    )


def _nul_problem(data: bytes) -> str:
    """Why a file with NUL bytes is refused: UTF-16 without a byte-order mark puts a NUL in
    every other byte of ASCII text; anything else with NULs is binary."""
    nuls = data.count(b"\x00")
    first = data.index(b"\x00")
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = max(len(data) // 2, 1)
    if len(data) >= 16 and max(even, odd) >= 0.3 * half and min(even, odd) <= 0.05 * half:
        return "cannot decode: looks like UTF-16 without a byte-order mark (not supported: save it as UTF-8)"
    return f"not text: looks binary ({nuls} NUL byte(s), the first at byte {first})"


def _where(exc: UnicodeDecodeError) -> str:
    return f"invalid byte 0x{exc.object[exc.start]:02x} at byte {exc.start}"
