"""Manuscripts to and from .docx, formatting stripped."""

import io

import docx
from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from tribune.kit import docx_reader
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


def _set_font(run, size_pt: float, bold: bool = False, east_asia: str = "宋体") -> None:
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    run.font.name = east_asia
    # Word takes the Chinese font from the eastAsia attribute, not from font.name.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def write_docx(*, title: str, body: str, byline: str = "", credits: list[str] | None = None) -> bytes:
    """A clean Word file: a centred title, an optional byline, body paragraphs indented by two
    characters, credits at the end."""
    document = docx.Document()
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(heading.add_run(title), 22, bold=True, east_asia="方正小标宋简体")
    if byline:
        line = document.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_font(line.add_run(byline), 14, east_asia="楷体")
    for text in body.splitlines():
        text = text.strip()
        if not text:
            continue
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(32)
        _set_font(paragraph.add_run(text), 16, east_asia="仿宋")
    for credit in credits or []:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _set_font(paragraph.add_run(credit), 14, east_asia="仿宋")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
