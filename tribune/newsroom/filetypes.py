"""Recognise an uploaded file by its content, not its name. Pure: no Django import."""

import io
import zipfile

IMAGE, VIDEO, DOCUMENT = "image", "video", "document"

_IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def sniff(head: bytes, read_all=None) -> tuple[str, str] | None:
    """(kind, content type) of a file from its first bytes, or None if it is not one we take.

    `read_all` returns the whole file; it is called only for a ZIP, to tell a .docx from any
    other ZIP archive.
    """
    for signature, content_type in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return IMAGE, content_type
    # MP4 (ISO base media): a box of type 'ftyp' first, with an MP4-family brand.
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in {
        b"isom", b"iso2", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash", b"iso5", b"iso6",
    }:
        return VIDEO, "video/mp4"
    if head.startswith(b"PK\x03\x04") and read_all is not None and is_docx(read_all()):
        return DOCUMENT, DOCX_TYPE
    return None


def is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return False
    return "[Content_Types].xml" in names and "word/document.xml" in names
