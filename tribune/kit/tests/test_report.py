"""The one report model and its renderers: the page, the .xlsx and the .docx show the same cells;
numbers stay numbers; what a spreadsheet would run and what XML forbids never reaches a file; and
every report of the project goes through these renderers."""

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from selectolax.lexbor import LexborHTMLParser

from tribune.kit.report import Cell, Report, Table, format_value, render_docx, render_html, render_xlsx

HOSTILE = "\x01=HYPERLINK(\"http://e.x\",\"点\")"


def sample(**report) -> Report:
    units = Table("units", "各委室情况", ["名次", "委室", "得分", "日期"], empty="本期无。")
    units.append([1, Cell("法工委", href="/assessment/ledger/?office=1", css="ledger"), Decimal("12.50"),
                  dt.date(2026, 10, 5)])
    units.append([2, HOSTILE, Decimal("-2"), None], css="late")
    nothing = Table("none", "空表", ["序号", "标题"], empty="本期无。")
    return Report(key="notice", title="2026年10月通报", tables=[units, nothing], paragraphs=["正文。"], **report)


def test_values_are_written_the_same_way_everywhere():
    assert format_value(Decimal("12.50")) == "12.5" and format_value(Decimal("3.00")) == "3"
    assert format_value(dt.date(2026, 1, 5)) == "2026年1月5日" and format_value(None) == ""
    assert Cell(7).classes == "num" and Cell(Decimal(1), css="ledger").classes == "num ledger"
    assert Cell(True).classes == "" and str(Cell(Decimal("0.50"))) == "0.5"


def test_the_page_the_xlsx_and_the_docx_show_the_same_cells():
    report = sample(issuer="藁城区人大常委会办公室", date=dt.date(2026, 11, 3))
    expected = report.table("units").texts()
    page = LexborHTMLParser(render_html(report))
    rows = [[td.text() for td in tr.css("td")] for tr in page.css("#table-units tbody tr")]
    sheet = load_workbook(io.BytesIO(render_xlsx(report))).worksheets[0]
    assert [c.value for c in sheet[2]] == report.table("units").header
    from_xlsx = [[format_value(v) for v in row] for row in sheet.iter_rows(min_row=3, values_only=True)]
    grid = Document(io.BytesIO(render_docx(report))).tables[0]
    from_docx = [[c.text for c in row.cells] for row in grid.rows[1:]]
    # The hostile text is made inert in the files (a leading quote, no control character) and
    # escaped on the page: compare what each shows once that is accounted for.
    clean = HOSTILE.replace("\x01", "")
    assert rows[1][1] == HOSTILE and from_xlsx[1][1] == "'" + clean and from_docx[1][1] == clean
    for table in (rows, from_xlsx, from_docx):
        table[1][1] = HOSTILE
    assert rows == from_xlsx == from_docx == expected


def test_numbers_stay_numbers_in_the_xlsx_and_a_title_row_comes_first():
    sheet = load_workbook(io.BytesIO(render_xlsx(sample()))).worksheets[0]
    assert sheet["A1"].value == "2026年10月通报 · 各委室情况"
    assert (sheet["A3"].value, sheet["C3"].value, sheet["C4"].value) == (1, 12.5, -2)
    assert sheet["D3"].value == "2026年10月5日"
    assert sheet.freeze_panes == "A3"


def test_a_list_to_import_again_has_its_header_in_the_first_row():
    sheet = load_workbook(io.BytesIO(render_xlsx(sample(plain_sheets=True)))).worksheets[0]
    assert [c.value for c in sheet[1]] == ["名次", "委室", "得分", "日期"]
    assert sheet.freeze_panes == "A2"


def test_an_empty_table_says_so_on_the_page_and_in_the_docx_and_is_a_bare_header_in_the_xlsx():
    report = sample()
    page = LexborHTMLParser(render_html(report))
    assert [td.text() for td in page.css("#table-none tbody td")] == ["本期无。"]
    grid = Document(io.BytesIO(render_docx(report))).tables[1]
    assert [c.text for c in grid.rows[0].cells] == ["序号", "标题"]
    assert {c.text for c in grid.rows[1].cells} == {"本期无。"}
    sheet = load_workbook(io.BytesIO(render_xlsx(report))).worksheets[1]
    assert sheet.max_row == 2


def test_the_page_links_cells_and_styles_rows_the_files_do_not():
    html = render_html(sample())
    page = LexborHTMLParser(html)
    link = page.css_first("#table-units td.ledger a")
    assert link.attributes["href"] == "/assessment/ledger/?office=1" and link.text() == "法工委"
    assert page.css_first("#table-units tbody tr.late") is not None
    assert '=HYPERLINK(&quot;http://e.x&quot;' in html  # escaped, as every page's text
    assert LexborHTMLParser(render_html(sample(), plain=True)).css_first("a") is None


def test_an_issued_notice_is_signed_and_a_working_paper_has_its_subtitle():
    notice = Document(io.BytesIO(render_docx(sample(issuer="藁城区人大常委会办公室", date=dt.date(2026, 11, 3)))))
    texts = [p.text for p in notice.paragraphs]
    assert texts[0] == "2026年10月通报" and texts[1] == "藁城区人大常委会办公室    2026年11月3日"
    assert texts[-1] == "藁城区人大常委会办公室\n2026年11月3日"
    paper = Document(io.BytesIO(render_docx(sample(subtitle="自11月1日至11月20日"))))
    texts = [p.text for p in paper.paragraphs]
    assert texts[1] == "自11月1日至11月20日" and "藁城区人大常委会办公室" not in "".join(texts)


TRIBUNE = Path(__file__).resolve().parents[2]
LOW_LEVEL = re.compile(r"\b(?:office\.)?(?:Workbook|DocxWriter)\s*\(")
# A manuscript exported as Word is prose, not a report: it keeps the writer itself.
PROSE = {"newsroom/docx_io.py"}


def test_every_report_and_export_goes_through_the_one_renderer():
    offenders = []
    for path in sorted(TRIBUNE.rglob("*.py")):
        rel = path.relative_to(TRIBUNE)
        if rel.parts[0] == "kit" or {"tests", "migrations"} & set(rel.parts) or str(rel) in PROSE:
            continue
        offenders += [f"{rel}: {m.group(0)}" for m in LOW_LEVEL.finditer(path.read_text(encoding="utf-8"))]
    assert not offenders, "build a tribune.kit.report.Report and render it:\n" + "\n".join(offenders)
