"""Manuscripts to and from .docx, formatting stripped."""

from django.utils.translation import gettext as _

from tribune.kit import docx_reader, office
from tribune.newsroom.filetypes import is_docx

MAX_DOCX_BYTES = 20 * 1024 * 1024


class DocxError(ValueError):
    pass


def read_docx(data: bytes) -> tuple[str, str]:
    """(title, body) of a Word file: the title is the first non-empty paragraph, the body the
    remaining paragraphs, one per line, without formatting."""
    if len(data) > MAX_DOCX_BYTES:
        raise DocxError(_("The Word file is larger than 20 MB."))
    if not is_docx(data):
        raise DocxError(_("This is not a Word (.docx) file. Save it as .docx and try again."))
    try:
        paragraphs = docx_reader.read_paragraphs(data)
    except docx_reader.DocxReadError as exc:
        raise DocxError(str(exc)) from exc
    paragraphs = [p.strip() for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise DocxError(_("The Word file has no text."))
    title, *body = paragraphs
    return title[:200], "\n".join(body)


def write_docx(*, title: str, body: str, byline: str = "", credits: list[str] | None = None) -> bytes:
    """A clean Word file: a centred title, an optional byline, body paragraphs indented by two
    characters, credits at the end."""
    writer = office.DocxWriter()
    writer.paragraph(title, align="center", size=22, bold=True, font="方正小标宋简体")
    if byline:
        writer.paragraph(byline, align="center", size=14, font="楷体")
    for text in body.splitlines():
        text = text.strip()
        if text:
            writer.paragraph(text, indent_pt=32, size=16, font="仿宋")
    for credit in credits or []:
        writer.paragraph(credit, align="right", size=14, font="仿宋")
    return writer.to_bytes()
