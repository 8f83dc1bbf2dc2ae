"""Turning the bytes of a text file into text, or saying clearly why they are not text.

UTF-8 (with or without BOM) is the fast path. UTF-16/32 are recognised by their BOM, legacy single-byte text
(windows-1251, KOI8-R, ...) is left to charset-normalizer. Bytes that look binary (NULs, control characters,
known file signatures) or UTF-8 with corrupted sequences are refused with a message a person can act on.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer


class UndecodableTextError(ValueError):
    """The bytes are not text in any encoding we accept (binary data, or corrupted UTF-8)."""


# Signatures of common binary formats, so a PDF renamed to .txt gets a message that says so.
_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP/DOCX/XLSX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE)"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, LF, VT, FF, CR; plus DEL. Real text has essentially none of them.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Share of control characters above which decoded text is treated as binary garbage.
_MAX_CONTROL_SHARE = 0.005


def sniff_binary_signature(data: bytes) -> str | None:
    """Name of the binary format the bytes start with (PDF, PNG, ZIP...), or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            # "MZ" is also how some text starts; only call it an executable if NULs follow
            if name == "Windows executable" and b"\x00" not in data[:256]:
                continue
            return name
    return None


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_CHARS_RE.findall(text)) / len(text)


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NULs sit on every other byte, as in mostly-ASCII UTF-16 text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.02 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.02 * half:
        return "utf-16-be"
    return None


def _check_plausible(text: str, encoding: str) -> str:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise UndecodableTextError(f"decodes as {encoding} only to control characters: looks like binary data")
    return text


def decode_text(data: bytes, *, declared_encoding: str | None = None) -> tuple[str, str]:
    """Decode text file bytes; returns (text, encoding name). Raises UndecodableTextError for binary/corrupt data.

    `declared_encoding` (e.g. an HTML meta charset) is tried after UTF-8 and before guessing.
    """
    bom = _bom_encoding(data)
    if bom:
        encoding, skip = bom
        try:
            return _check_plausible(data[skip:].decode(encoding), encoding), encoding
        except UnicodeDecodeError as exc:
            raise UndecodableTextError(
                f"starts with a {encoding} byte-order mark but is not valid {encoding} (byte {exc.start + skip})"
            ) from exc

    signature = sniff_binary_signature(data)
    if signature:
        raise UndecodableTextError(f"binary data ({signature} file signature), not text")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if b"\x00" in data:
            utf16 = _looks_like_bomless_utf16(data)
            if utf16:
                return _decode_utf16_without_bom(data, utf16)
            raise UndecodableTextError("contains NUL bytes: binary data, not text")
        return _check_plausible(text, "utf-8"), "utf-8"

    utf16 = _looks_like_bomless_utf16(data)
    if utf16:
        return _decode_utf16_without_bom(data, utf16)
    if b"\x00" in data:
        raise UndecodableTextError("contains NUL bytes: binary data, not text")
    if _mostly_valid_utf8(data):
        raise UndecodableTextError(f"UTF-8 text with corrupted bytes (first invalid byte at offset {first_bad})")
    if sum(data.count(b) for b in _CONTROL_BYTES) > _MAX_CONTROL_SHARE * len(data):
        raise UndecodableTextError("contains control bytes that no text encoding produces: binary data")

    if declared_encoding:
        try:
            return _check_plausible(data.decode(declared_encoding), declared_encoding), declared_encoding
        except (LookupError, UnicodeDecodeError):
            pass  # the declaration is wrong or unknown: guess below, as browsers do

    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UndecodableTextError(f"not valid UTF-8 (byte {first_bad}) and no other text encoding fits")
    return _check_plausible(str(best), best.encoding), best.encoding


def _decode_utf16_without_bom(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return _check_plausible(data.decode(encoding), encoding), encoding
    except UnicodeDecodeError as exc:
        raise UndecodableTextError(f"looks like {encoding} but is not valid {encoding} (byte {exc.start})") from exc


def _mostly_valid_utf8(data: bytes) -> bool:
    """True when the non-ASCII bytes are mostly well-formed UTF-8 sequences, i.e. UTF-8 that got corrupted.

    Legacy single-byte text (windows-1251) almost never forms valid multi-byte sequences, so it is not caught here.
    """
    decoded = data.decode("utf-8", errors="replace")
    replaced = decoded.count("\ufffd")
    good_non_ascii = sum(1 for ch in decoded if ord(ch) > 127) - replaced
    return good_non_ascii >= 8 and replaced <= 0.05 * good_non_ascii
