"""Reports as rows, and one renderer per format, so the page, the .docx and the .xlsx cannot disagree.

An exporter (`reports.NoticeExporter`, `reports.RankingExporter`, `reports.AwardsExporter`) builds a
`Report`: a title, the issuing body and date, paragraphs of body text and tables whose cells
carry a value and, where the value is a number from the ledger, the ledger filter that explains
it. `render_docx`, `render_xlsx` and the template `assessment/report.html` only lay it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse
from django.utils.http import urlencode

from tribune.kit import office


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
    if isinstance(value, dt.date):
        return format_value(value)
    return value


def render_xlsx(report: Report) -> bytes:
    """One sheet per table: the title row, the header row, then the rows (numbers as numbers)."""
    workbook = office.Workbook()
    for table in report.tables:
        sheet = workbook.sheet(table.caption[:31] or table.key)
        sheet.append([f"{report.title} · {table.caption}"], bold=True, size=13)
        sheet.append(table.header, bold=True, center=True)
        for row in table.rows:
            sheet.append([_xlsx_value(cell.value) for cell in row])
        sheet.widths([min(max(8, max([len(str(title))] + [len(format_value(r[index].value)) for r in table.rows[:200]])
                                 * 2 + 2), 60) for index, title in enumerate(table.header)])
        sheet.freeze("A3")
    if not report.tables:
        workbook.sheet(report.key)
    return workbook.to_bytes()


def render_docx(report: Report) -> bytes:
    """Laid out as an official notice (公文): the title centred in 方正小标宋/宋体, the issuing body
    and date, body text in 仿宋 with first-line indent, then the tables."""
    writer = office.DocxWriter()
    if max((len(t.header) for t in report.tables), default=0) > 7:
        writer.landscape()
    writer.margins(left_right_cm=2.6)
    writer.paragraph(report.title, align="center", size=22, bold=True, font="宋体")
    writer.paragraph(f"{report.issuer}    {format_value(report.date)}", align="center", size=14, font="楷体")
    for text in report.paragraphs:
        writer.paragraph(text, indent_pt=32, size=16, font="仿宋")
    for table in report.tables:
        writer.paragraph(table.caption, align="center", size=14, bold=True, font="黑体")
        writer.table(table.header, [[cell.text for cell in row] for row in table.rows], size=10.5,
                     right_align=lambda r, c, rows=table.rows: rows[r][c].is_number)
    writer.paragraph(f"{report.issuer}\n{format_value(report.date)}", align="right", size=16, font="仿宋")
    return writer.to_bytes()


XLSX = office.XLSX
DOCX = office.DOCX
