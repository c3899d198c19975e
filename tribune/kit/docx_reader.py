"""The bounded .docx reader: the paragraphs of a Word file, read so that no file can take the
worker's memory or time.

A 93 KB file of 600,000 one-character paragraphs took 23–33 s through python-docx (a Python
object per paragraph, all kept), inside the import's transaction, and a 1 MB zip bomb took 2 GB.
Here the archive is checked first (`ooxml.open_package`: sizes, ratio, members, no DOCTYPE),
then `word/document.xml` is streamed with lxml's iterparse, each body-level element dropped
once read; reading stops with a clear message past `max_paragraphs`, `max_chars` or
`max_seconds`. Nothing here touches the database: callers read before they open a transaction.
Used by newsroom's Word import and the proofreading command.
"""

import time
from dataclasses import dataclass

from django.utils.translation import gettext as _
from lxml import etree

from tribune.kit import ooxml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY, PARAGRAPH = f"{W}body", f"{W}p"
# What python-docx's Paragraph.text reads, so the import keeps its behaviour.
_TEXT = {f"{W}t"}
_CHARACTERS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


DOCX_PACKAGE = ooxml.Limits()


@dataclass(frozen=True)
class Limits:
    max_paragraphs: int = 20_000  # a long report has a few hundred
    max_chars: int = 500_000  # a manuscript has a few thousand
    max_seconds: float = 5.0
    package: ooxml.Limits = DOCX_PACKAGE


class DocxReadError(ValueError):
    """The file is refused; the message says why (Chinese)."""


def _paragraph_text(paragraph) -> str:
    parts = []
    for element in paragraph.iter():
        if element.tag in _TEXT:
            parts.append(element.text or "")
        elif element.tag in _CHARACTERS:
            parts.append(_CHARACTERS[element.tag])
    return "".join(parts)


def read_paragraphs(data: bytes, limits: Limits = Limits()) -> list[str]:
    """The text of each body-level paragraph of a .docx file, in order (empty ones included)."""
    try:
        archive = ooxml.open_package(data, limits.package)
    except ooxml.PackageError as exc:
        raise DocxReadError(str(exc)) from exc
    if "word/document.xml" not in archive.namelist():
        raise DocxReadError(_("This is not a Word (.docx) file. Save it as .docx and try again."))
    started = time.monotonic()
    paragraphs: list[str] = []
    chars = 0
    try:
        with archive.open("word/document.xml") as part:
            # No DTD, no entities, no network: ooxml already refused any declaration.
            events = etree.iterparse(part, events=("end",), resolve_entities=False, no_network=True,
                                     load_dtd=False, huge_tree=False)
            for _event, element in events:
                parent = element.getparent()
                if parent is None or parent.tag != BODY:
                    continue
                if element.tag == PARAGRAPH:
                    text = _paragraph_text(element)
                    paragraphs.append(text)
                    chars += len(text)
                    if len(paragraphs) > limits.max_paragraphs:
                        raise DocxReadError(_("The Word file has more than %(n)s paragraphs: split it.")
                                            % {"n": limits.max_paragraphs})
                    if chars > limits.max_chars:
                        raise DocxReadError(_("The Word file has more than %(n)s characters of text: split it.")
                                            % {"n": limits.max_chars})
                # What is read is dropped, so memory stays flat however long the file is.
                element.clear()
                while element.getprevious() is not None:
                    del parent[0]
                if time.monotonic() - started > limits.max_seconds:
                    raise DocxReadError(_("The Word file takes too long to read: split it or save it again."))
    except DocxReadError:
        raise
    except (etree.XMLSyntaxError, KeyError, ValueError, OSError, EOFError) as exc:
        raise DocxReadError(_("The Word file cannot be read: it may be damaged.")) from exc
    return paragraphs
