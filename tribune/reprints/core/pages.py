"""Pages in — pure Python, no Django.

`iter_pages(paths)` streams `Page`s, one at a time, from any mix of:

- a folder (walked recursively) of saved `.html` / `.htm` / `.shtml` files, plus any `.warc`
  and `.jsonl` files in it; a saved page's address comes from the `<!-- saved from url=… -->`
  comment browsers write, else `<link rel="canonical">`, else the file's path;
- a `.warc` / `.warc.gz` / `.arc.gz` (wget `--warc-file`, Heritrix, browsertrix): `response`
  and `resource` records of HTML, de-chunked and content-decoded by warcio;
- a `.jsonl` / `.jsonl.gz` of `{"url", "html"}` lines.

Bytes are decoded by the charset the HTTP header declares, else the page's `<meta>`, else a
byte-order mark, else UTF-8 if it decodes, else GB18030. GBK and GB2312 labels are read as
GB18030, their superset, as browsers do (a "GBK" page routinely carries characters only
GB18030 has). A page larger than `max_bytes` is skipped, never read whole.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_PAGE_BYTES = 5 * 1024 * 1024

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its address and its HTML, decoded."""

    url: str
    html: str


class PagesError(ValueError):
    """An input that cannot be read as pages (unknown kind, unreadable file)."""


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_ALIASES = {
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """HTML bytes → text, by the declared charset, else a BOM, else UTF-8, else GB18030."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace")
    declared = None
    if content_type:
        found = _HEADER_CHARSET.search(content_type)
        declared = _codec(found.group(1)) if found else None
    if declared is None:
        found = _META_CHARSET.search(data, 0, 4096)
        declared = _codec(found.group(1).decode("ascii")) if found else None
    if declared is not None and declared != "utf-8":
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # A page declared UTF-8 (or nothing) that is not: Chinese sites that lie are GBK.
        if declared == "utf-8" and _mostly_utf8(data):
            return data.decode("utf-8", errors="replace")
        return data.decode("gb18030", errors="replace")


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd") * 100 < len(text)


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_CANONICAL = re.compile(r"""<link[^>]+rel=["']?canonical["']?[^>]*>""", re.IGNORECASE)
_HREF = re.compile(r"""href=["']?([^"'\s>]+)""", re.IGNORECASE)


def _saved_address(html: str, fallback: str) -> str:
    head = html[:8192]
    found = _SAVED_FROM.search(head)
    if found:
        return found.group(1)
    link = _CANONICAL.search(head)
    if link:
        href = _HREF.search(link.group())
        if href and href.group(1).startswith(("http://", "https://")):
            return href.group(1)
    return fallback


def read_html_file(path: Path, *, max_bytes: int = MAX_PAGE_BYTES) -> Page | None:
    if path.stat().st_size > max_bytes:
        return None
    html = decode_html(path.read_bytes())
    return Page(url=_saved_address(html, path.as_posix()), html=html)


def read_folder(folder: Path, *, max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            lower = name.lower()
            if lower.endswith(HTML_SUFFIXES):
                page = read_html_file(path, max_bytes=max_bytes)
                if page is not None:
                    yield page
            elif lower.endswith(WARC_SUFFIXES + JSONL_SUFFIXES):
                yield from iter_pages([path], max_bytes=max_bytes)


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return True
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml", "text/plain", "")


def read_warc(path: Path, *, max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page]:
    """HTML responses of a WARC (gzipped per record or not). Revisits, requests, metadata,
    non-HTML and non-200 responses are skipped; so is a body over `max_bytes`."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            content_type = None
            if record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue
                content_type = record.http_headers.get_header("Content-Type")
            else:
                content_type = record.rec_headers.get_header("Content-Type")
            if not _is_html(content_type):
                continue
            length = record.rec_headers.get_header("Content-Length")
            if length and length.isascii() and length.isdigit() and int(length) > max_bytes + 65536:
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                continue
            yield Page(url=url, html=decode_html(body, content_type))


def read_jsonl(path: Path, *, max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page]:
    """`{"url", "html"}` per line; blank lines skipped, a malformed line raises with its number."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as raw:
        stream = io.BufferedReader(raw) if opener is gzip.open else raw
        for number, line in enumerate(stream, 1):
            if len(line) > 2 * max_bytes or (len(line) < 8 and not line.strip()):
                continue
            try:
                item = json.loads(line)
                url, html = item["url"], item["html"]
            except (ValueError, KeyError, TypeError) as error:
                raise PagesError(f'{path}:{number}: not a {{"url", "html"}} line ({error})') from error
            if not isinstance(url, str) or not isinstance(html, str):
                raise PagesError(f"{path}:{number}: url and html must be strings")
            yield Page(url=url, html=html)


def iter_pages(paths: Iterable[str | os.PathLike], *, max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page]:
    """Pages from folders, WARCs, JSON-lines files and single HTML files, streamed in order."""
    for item in paths:
        path = Path(item)
        lower = path.name.lower()
        if path.is_dir():
            yield from read_folder(path, max_bytes=max_bytes)
        elif not path.exists():
            raise PagesError(f"{path}: no such file or folder")
        elif lower.endswith(WARC_SUFFIXES):
            yield from read_warc(path, max_bytes=max_bytes)
        elif lower.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, max_bytes=max_bytes)
        elif lower.endswith(HTML_SUFFIXES):
            page = read_html_file(path, max_bytes=max_bytes)
            if page is not None:
                yield page
        else:
            raise PagesError(f"{path}: not a folder, .html, .warc(.gz) or .jsonl file")
