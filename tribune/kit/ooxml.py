"""Checks on an Office Open XML file (.docx, .xlsx) before any parser sees it.

Such a file is a zip of XML parts, and both halves can be turned against the reader:
- a zip bomb: a 1 MB file whose parts expand to a gigabyte (the worker used 2 GB to read one);
- XML with a DOCTYPE: entity expansion ("billion laughs") or an external entity that reads a
  local file. Office never writes a DOCTYPE into these parts, so a part that has one is refused.

`open_package` checks the archive from its directory (number of members, each member's and the
total uncompressed size, the compression ratio), then reads every XML part once, in chunks, to
refuse a DOCTYPE or ENTITY declaration. The sizes checked are those the directory declares;
Python's zipfile never returns more than the declared size of a member (and fails on a
mismatch), so the declared size is a bound on what a reader gets.
"""

import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_members: int = 1000
    max_member_bytes: int = 50 * 1024 * 1024
    max_total_bytes: int = 100 * 1024 * 1024
    max_ratio: int = 100  # uncompressed / compressed, checked on members above ratio_floor_bytes
    ratio_floor_bytes: int = 1024 * 1024


class PackageError(ValueError):
    """The file is refused; the message says why, for the person who uploaded it. `damaged`
    tells a file that is not a readable zip from one refused as unsafe."""

    def __init__(self, message, damaged: bool = False):
        super().__init__(message)
        self.damaged = damaged


def _members(archive: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise PackageError(_("The file holds too many parts (%(n)s) to be a document.") % {"n": len(members)})
    total = 0
    for info in members:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # bzip2 and LZMA decompress a whole chunk at once, unbounded: Office never uses them.
            raise PackageError(_("The file is compressed in a way Office never uses: it cannot be read."))
        if info.flag_bits & 0x1:
            raise PackageError(_("The file is encrypted: save it without a password and try again."))
        if info.file_size > limits.max_member_bytes:
            raise PackageError(_("The file expands to more than %(mb)s MB: it cannot be read safely.")
                               % {"mb": limits.max_member_bytes // (1024 * 1024)})
        if (info.file_size > limits.ratio_floor_bytes
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)):
            raise PackageError(_("The file is compressed too strongly to be a real document (a zip bomb?)."))
        total += info.file_size
    if total > limits.max_total_bytes:
        raise PackageError(_("The file expands to more than %(mb)s MB: it cannot be read safely.")
                           % {"mb": limits.max_total_bytes // (1024 * 1024)})
    return members


def _refuse_declarations(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    tail = b""
    with archive.open(info) as part:
        head = part.read(4)
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise PackageError(_("The file's XML is in UTF-16, which Tribune does not read; save it again."))
        chunk = head
        while chunk:
            window = (tail + chunk).upper()
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise PackageError(_("The file contains a DOCTYPE declaration, which Office never writes: it is "
                                     "refused as unsafe. Save it again from Office or WPS."))
            tail = window[-16:]
            chunk = part.read(CHUNK)


def open_package(data: bytes, limits: Limits = Limits()) -> zipfile.ZipFile:
    """The checked archive, ready to read; PackageError with a Chinese message otherwise."""
    if len(data) > limits.max_file_bytes:
        raise PackageError(_("The file is larger than %(mb)s MB.") % {"mb": limits.max_file_bytes // (1024 * 1024)})
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = _members(archive, limits)
        for info in members:
            if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                _refuse_declarations(archive, info)
    except PackageError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise PackageError(_("The file cannot be read: it may be damaged."), damaged=True) from exc
    return archive
