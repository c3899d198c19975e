"""Text safety: which characters a stored or exported string may hold. Pure: no Django import.

Control characters arrive by pasting from other programs (a vertical tab from Word, a stray
\\x01 from a spreadsheet) or from a hostile client. They are invisible on a page, and XML 1.0
forbids most of them, so one in a title used to break every .docx and .xlsx export that
included it. Forms strip them on the way in (`clean`); the office writers strip what is
already stored on the way out (`xml_safe`).
"""

import re

# C0 controls except tab, line feed and carriage return; DEL and the C1 controls; the
# surrogates (never valid alone); the noncharacters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of
# every plane.
_NONCHARACTERS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(0x11))
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_LAYOUT = re.compile(r"[\t\r\n]")


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def clean(text: str, *, multiline: bool = False) -> str:
    """The text without control characters or noncharacters. In multi-line text, line breaks
    of every kind (CR LF, CR, vertical tab, form feed, NEL, U+2028/2029) become \\n and tabs
    stay; in a single line they become spaces."""
    if multiline:
        return _UNSAFE.sub("", _LINE_BREAKS.sub("\n", text))
    return _UNSAFE.sub("", _LAYOUT.sub(" ", _LINE_BREAKS.sub(" ", text)))


def xml_safe(text: str) -> str:
    """The text with every character XML 1.0 forbids (and the C1 controls) removed: what any
    string may be written into an .xlsx or .docx as."""
    return _UNSAFE.sub("", text)
