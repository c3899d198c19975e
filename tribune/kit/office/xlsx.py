"""The one .xlsx writer. Every spreadsheet the project gives out is written here, so two rules
hold for all of them:

- Formula injection (OWASP "CSV injection"): a text cell that starts with = + - @, a tab or a
  carriage return would be read by Excel or WPS as a formula (a name typed as
  `=HYPERLINK(...)` becomes a live link, `=cmd|...` a DDE call). Such text is written as text,
  prefixed with a single quote as OWASP describes, so it stays inert even after the sheet is
  saved again as CSV. Numbers stay numbers.
- XML safety: characters XML 1.0 forbids (a stray \\x01 in a stored title) are removed; openpyxl
  would otherwise refuse the whole file.
"""

import datetime as dt
import io
from decimal import Decimal

from openpyxl import Workbook as _Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tribune.kit.text import xml_safe

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text that no spreadsheet reads as a formula (OWASP: a leading single quote)."""
    text = xml_safe(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_value(value):
    """What a cell holds: numbers as numbers, everything else as safe text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return neutralise(str(value))


class Sheet:
    def __init__(self, worksheet):
        self._sheet = worksheet

    def append(self, values, *, bold: bool = False, size: float | None = None, center: bool = False) -> None:
        self._sheet.append([cell_value(v) for v in values])
        row = self._sheet.max_row
        for cell in self._sheet[row]:
            if cell.data_type == "f":  # never: cell_value neutralised it; kept as a last guard
                cell.data_type = "s"
            if bold or size:
                cell.font = Font(bold=bold, size=size) if size else Font(bold=bold)
            if center:
                cell.alignment = Alignment(horizontal="center", wrap_text=True)

    def widths(self, widths) -> None:
        for index, width in enumerate(widths, start=1):
            self._sheet.column_dimensions[get_column_letter(index)].width = width

    def freeze(self, cell: str) -> None:
        self._sheet.freeze_panes = cell


class Workbook:
    """A workbook of named sheets, written with the rules above."""

    def __init__(self):
        self._book = _Workbook()
        self._book.remove(self._book.active)

    def sheet(self, title: str) -> Sheet:
        # Sheet titles: at most 31 characters, none of []:*?/\ (Excel's rules).
        safe = "".join(ch for ch in xml_safe(str(title)) if ch not in "[]:*?/\\")[:31].strip("'") or "Sheet"
        return Sheet(self._book.create_sheet(title=safe))

    def to_bytes(self) -> bytes:
        if not self._book.worksheets:
            self._book.create_sheet(title="Sheet")
        buffer = io.BytesIO()
        self._book.save(buffer)
        return buffer.getvalue()
