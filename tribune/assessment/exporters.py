"""Reports as rows, and one renderer per format, so the page, the .docx and the .xlsx cannot disagree.

An exporter (`reports.NoticeExporter`, `reports.RankingExporter`, `reports.AwardsExporter`) builds a
`Report`: a title, the issuing body and date, paragraphs of body text and tables whose cells
carry a value and, where the value is a number from the ledger, the ledger filter that explains
it. `render_docx`, `render_xlsx` and the template `assessment/report.html` only lay it out.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse
from django.utils.http import urlencode

ISSUER_SUFFIX = "办公室"


@dataclass
class Cell:
    value: object
    ledger: dict | None = None  # query of the ledger page that lists the entries behind the value
    href: str = ""  # any other link (a manuscript)

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, (int, Decimal, float)) and not isinstance(self.value, bool)

    @property
    def text(self) -> str:
        return format_value(self.value)

    @property
    def url(self) -> str:
        if self.ledger is not None:
            return reverse("assessment:ledger") + "?" + urlencode(self.ledger)
        return self.href


@dataclass
class Table:
    key: str
    caption: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)

    def values(self) -> list[list]:
        return [[cell.value for cell in row] for row in self.rows]


@dataclass
class Report:
    key: str  # notice | ranking | awards: the file name's stem
    title: str
    issuer: str
    date: dt.date
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    filename: str = "report"

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def format_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = value.quantize(Decimal("0.01")).normalize()
        text = format(value, "f")
        return text
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def _xlsx_value(value):
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, dt.date):
        return format_value(value)
    return value


def render_xlsx(report: Report) -> bytes:
    """One sheet per table: the title row, the header row, then the rows (numbers as numbers)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in report.tables:
        sheet = workbook.create_sheet(title=table.caption[:31] or table.key)
        sheet.append([f"{report.title} · {table.caption}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append(table.header)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for row in table.rows:
            sheet.append([_xlsx_value(cell.value) for cell in row])
        for index, title in enumerate(table.header, start=1):
            width = max([len(str(title))] + [len(format_value(r[index - 1].value)) for r in table.rows[:200]])
            sheet.column_dimensions[get_column_letter(index)].width = min(max(8, width * 2 + 2), 60)
        sheet.freeze_panes = "A3"
    if not report.tables:
        workbook.create_sheet(title=report.key)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _set_east_asian_font(run, name: str) -> None:
    from docx.oxml.ns import qn

    run.font.name = name
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def render_docx(report: Report) -> bytes:
    """Laid out as an official notice (公文): the title centred in 方正小标宋/宋体, the issuing body
    and date, body text in 仿宋 with first-line indent, then the tables."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    widest = max((len(t.header) for t in report.tables), default=0)
    if widest > 7:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(2.6)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(report.title)
    run.bold = True
    run.font.size = Pt(22)
    _set_east_asian_font(run, "宋体")

    issuer = document.add_paragraph()
    issuer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = issuer.add_run(f"{report.issuer}    {format_value(report.date)}")
    run.font.size = Pt(14)
    _set_east_asian_font(run, "楷体")

    for text in report.paragraphs:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(32)
        run = paragraph.add_run(text)
        run.font.size = Pt(16)
        _set_east_asian_font(run, "仿宋")

    for table in report.tables:
        caption = document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = caption.add_run(table.caption)
        run.bold = True
        run.font.size = Pt(14)
        _set_east_asian_font(run, "黑体")
        grid = document.add_table(rows=1, cols=len(table.header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
                run.font.size = Pt(10.5)
        for row in table.rows:
            cells = grid.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value.text
                paragraph = cell.paragraphs[0]
                if value.is_number:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in paragraph.runs:
                    run.font.size = Pt(10.5)

    signature = document.add_paragraph()
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = signature.add_run(f"{report.issuer}\n{format_value(report.date)}")
    run.font.size = Pt(16)
    _set_east_asian_font(run, "仿宋")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
