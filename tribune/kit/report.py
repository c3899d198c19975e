"""Reports as data, and one renderer per format, so the page, the .docx and the .xlsx of any report
cannot disagree.

An app's exporter (the monthly notice, the quarterly ranking, the awards, the deputies' registry
and typical cases, the regular-meeting pack) builds a `Report`: a title, either an issuing body
and a date (an official notice, 公文, signed at the end) or a subtitle, paragraphs of body text,
and tables. A table has a caption, a header, rows of cells, and optionally a note under the
caption and the words said when it has no rows. A cell holds a value — numbers stay numbers in
the .xlsx and are right-aligned everywhere — and, for the page only, a link and a class.

`render_xlsx`, `render_docx` and `render_html` (the template `kit/report_tables.html`, which
pages include) only lay a report out, through the kit's one writer (`kit/office`), so every
export gets its formula and control-character safety.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string

from tribune.kit import office

XLSX = office.XLSX
DOCX = office.DOCX


def format_value(value) -> str:
    """A value as every format writes it: 23.5, 12, -2 for points (no trailing zeros), 2026年11月27日
    for a date, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.quantize(Decimal("0.01")).normalize(), "f")
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


@dataclass
class Cell:
    value: object
    href: str = ""  # the page links the value here (the ledger entries behind a number, a manuscript)
    css: str = ""  # the page's class for the cell (e.g. "trend-worse"); the files ignore it

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, int | Decimal | float) and not isinstance(self.value, bool)

    @property
    def text(self) -> str:
        return format_value(self.value)

    @property
    def classes(self) -> str:
        return " ".join(c for c in ("num" if self.is_number else "", self.css) if c)

    def __str__(self) -> str:
        return self.text


@dataclass
class Table:
    key: str  # the page's anchor: #table-<key>
    caption: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""  # a line under the caption: what the figures mean
    empty: str = ""  # said instead of rows when there are none (the page and the .docx)
    widths: tuple[int, ...] = ()  # the .xlsx's column widths in characters; by default from the content
    row_css: dict[int, str] = field(default_factory=dict)  # the page's class of a row, by index (e.g. "late")

    def append(self, values, *, css: str = "") -> None:
        """Add a row; plain values become cells."""
        if css:
            self.row_css[len(self.rows)] = css
        self.rows.append([v if isinstance(v, Cell) else Cell(v) for v in values])

    def values(self) -> list[list]:
        return [[cell.value for cell in row] for row in self.rows]

    def texts(self) -> list[list[str]]:
        return [[cell.text for cell in row] for row in self.rows]

    def styled_rows(self) -> list[tuple[str, list[Cell]]]:
        return [(self.row_css.get(i, ""), row) for i, row in enumerate(self.rows)]


@dataclass
class Report:
    key: str  # notice | ranking | awards | registry …: the file name's stem by default
    title: str
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    issuer: str = ""  # an official notice: the issuing body, with `date`, under the title and as the signature
    date: dt.date | None = None
    subtitle: str = ""  # otherwise: a line under the title (the period a pack covers)
    filename: str = ""
    # The .xlsx holds each table alone, its header in the first row: a list to fill in or to import
    # again (the deputies' registry), not a report with a title row.
    plain_sheets: bool = False

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    @property
    def byline(self) -> str:
        """The line under the title: the issuing body and the date, or the subtitle."""
        if self.issuer:
            return f"{self.issuer}    {format_value(self.date)}".rstrip()
        return self.subtitle

    @property
    def file_stem(self) -> str:
        return self.filename or self.key


def _xlsx_value(value):
    # Dates as the report writes them (a date cell would show as a number in some viewers);
    # numbers stay numbers, text stays text (office.cell_value makes it safe).
    return format_value(value) if isinstance(value, dt.date) else value


def render_xlsx(report: Report) -> bytes:
    """One sheet per table: the title row (unless `plain_sheets`), the header row, then the rows."""
    workbook = office.Workbook()
    for table in report.tables:
        sheet = workbook.sheet(table.caption[:31] or table.key)
        if not report.plain_sheets:
            sheet.append([f"{report.title} · {table.caption}"], bold=True, size=13)
        sheet.append(table.header, bold=True, center=True)
        for row in table.rows:
            sheet.append([_xlsx_value(cell.value) for cell in row])
        sheet.widths(table.widths or [
            min(max(8, max([len(str(title))] + [len(r[index].text) for r in table.rows[:200] if index < len(r)]) * 2
                    + 2), 60)
            for index, title in enumerate(table.header)])
        sheet.freeze("A2" if report.plain_sheets else "A3")
    if not report.tables:
        workbook.sheet(report.key)
    return workbook.to_bytes()


def render_docx(report: Report) -> bytes:
    """Laid out as an official document (公文): the title centred in 宋体, the issuing body and date
    (or the subtitle) in 楷体, body text in 仿宋 with a first-line indent, each table under its
    caption in 黑体 (an empty one with the words the page shows), and the signature of an issued
    notice at the end. Landscape when a table is wider than seven columns."""
    writer = office.DocxWriter()
    if max((len(t.header) for t in report.tables), default=0) > 7:
        writer.landscape()
    writer.margins(left_right_cm=2.6)
    writer.paragraph(report.title, align="center", size=22, bold=True, font="宋体")
    if report.byline:
        writer.paragraph(report.byline, align="center", size=14, font="楷体")
    for text in report.paragraphs:
        writer.paragraph(text, indent_pt=32, size=16, font="仿宋")
    for table in report.tables:
        writer.paragraph(table.caption, align="center", size=14, bold=True, font="黑体")
        if table.note:
            writer.paragraph(table.note, size=10.5, font="仿宋")
        writer.table(table.header, table.texts(), size=10.5, empty=table.empty,
                     right_align=lambda r, c, rows=table.rows: rows[r][c].is_number)
    if report.issuer:
        writer.paragraph(f"{report.issuer}\n{format_value(report.date)}", align="right", size=16, font="仿宋")
    return writer.to_bytes()


def render_html(report: Report, *, plain: bool = False) -> str:
    """The report's tables as the pages show them: a page includes `kit/report_tables.html` with
    `report` in its context; `plain` leaves out the site's links."""
    return render_to_string("kit/report_tables.html", {"report": report, "plain": plain})


def render_standalone_html(report: Report) -> str:
    """The whole report as one HTML file (the command line's `--format html`): title, byline,
    paragraphs and the same tables, without the site's links."""
    return render_to_string("kit/report_standalone.html", {"report": report, "plain": True})
