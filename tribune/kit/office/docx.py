"""The one .docx writer. Every Word file the project gives out is written here, so that every
piece of text goes in without the characters XML 1.0 forbids (python-docx, through lxml, refuses
a string holding \\x01: one such character in a stored title broke the export for everyone), and
Chinese fonts are set the way Word reads them (the eastAsia attribute).
"""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tribune.kit.text import xml_safe

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         None: None}


def set_font(run, *, size: float | None = None, bold: bool | None = None, east_asia: str | None = None) -> None:
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if east_asia:
        run.font.name = east_asia
        # Word takes the Chinese font from the eastAsia attribute, not from font.name.
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


class DocxWriter:
    """A Word document built paragraph by paragraph and table by table, every text made safe."""

    def __init__(self, *, base_font: str | None = None, base_size: float | None = None):
        self.document = Document()
        if base_font or base_size:
            style = self.document.styles["Normal"]
            if base_font:
                style.font.name = base_font
            if base_size:
                style.font.size = Pt(base_size)

    def landscape(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width

    def margins(self, *, left_right_cm: float) -> None:
        section = self.document.sections[0]
        section.left_margin = section.right_margin = Cm(left_right_cm)

    def paragraph(self, text: str = "", *, align: str | None = None, size: float | None = None,
                  bold: bool | None = None, font: str | None = None, indent_pt: float | None = None):
        paragraph = self.document.add_paragraph()
        if ALIGN[align] is not None:
            paragraph.alignment = ALIGN[align]
        if indent_pt:
            paragraph.paragraph_format.first_line_indent = Pt(indent_pt)
        if text:
            set_font(paragraph.add_run(xml_safe(str(text))), size=size, bold=bold, east_asia=font)
        return paragraph

    def heading(self, text: str, level: int = 1):
        return self.document.add_heading(xml_safe(str(text)), level=level)

    def table(self, header, rows, *, size: float | None = None, right_align=None, empty: str = ""):
        """A grid: the header row in bold, then the rows; `right_align(row_index, column_index)`
        says which cells are right-aligned (numbers). Without rows, `empty` (if given) fills one
        row across the table, as a page says "none" under its header."""
        grid = self.document.add_table(rows=1, cols=len(header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, header, strict=True):
            cell.text = xml_safe(str(text))
            for run in cell.paragraphs[0].runs:
                set_font(run, size=size, bold=True)
        for r, row in enumerate(rows):
            cells = grid.add_row().cells
            for c, (cell, value) in enumerate(zip(cells, row, strict=True)):
                cell.text = xml_safe(str(value))
                paragraph = cell.paragraphs[0]
                if right_align is not None and right_align(r, c):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in paragraph.runs:
                    set_font(run, size=size)
        if not rows and empty:
            cells = grid.add_row().cells
            merged = cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]
            merged.text = xml_safe(str(empty))
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in merged.paragraphs[0].runs:
                set_font(run, size=size)
        return grid

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()
