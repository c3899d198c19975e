"""The name an uploaded file is stored under. Pure: no Django import.

The uploader's name is kept for display and downloads (in the database); on disk a file is
stored under a name made from it that any file system accepts: letters, digits, `-` and `_`
only, at most MAX_STEM_BYTES bytes of UTF-8 before the extension (a file name may hold 255
bytes; 90 four-byte characters are 360), "file" when nothing is left (an emoji-only name), and
the extension of the type the content was recognised as, never the uploader's: a PNG named
`photo.html` is stored as `photo.png`.
"""

import re
import unicodedata

from tribune.kit.text import clean

MAX_STEM_BYTES = 60

EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "video/mp4": "mp4",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}


def cut_to_bytes(text: str, limit: int) -> str:
    """The longest prefix of `text` whose UTF-8 encoding fits in `limit` bytes."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def stored_name(original: str, content_type: str) -> str:
    stem = unicodedata.normalize("NFC", str(original or "")).rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = re.sub(r"[^\w-]", "", re.sub(r"\s+", "_", stem.strip()))
    stem = cut_to_bytes(stem, MAX_STEM_BYTES).strip("_-") or "file"
    return f"{stem}.{EXTENSIONS[content_type]}"


def display_name(original: str, max_length: int = 200) -> str:
    """The uploader's name as shown and offered on download: no control characters, no
    path, at most `max_length` characters."""
    name = clean(str(original or "")).rsplit("/", 1)[-1].rsplit("\\", 1)[-1].strip()
    return name[:max_length] or "file"
