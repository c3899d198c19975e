"""The one writer for .xlsx and .docx: every export of the project goes through it (a guard
test, web/tests/test_guard_exports.py, fails on an openpyxl Workbook or a docx Document built
anywhere else). Reports and exports are built as `tribune.kit.report.Report`s and rendered by
that module's one renderer per format, which writes through here; a manuscript's own .docx
(newsroom/docx_io.py) uses the writer directly.
"""

from tribune.kit.office.docx import CONTENT_TYPE as DOCX
from tribune.kit.office.docx import DocxWriter
from tribune.kit.office.xlsx import CONTENT_TYPE as XLSX
from tribune.kit.office.xlsx import Workbook, cell_value, neutralise

__all__ = ["DOCX", "XLSX", "DocxWriter", "Workbook", "cell_value", "neutralise"]
