"""The monthly notice and quarterly ranking: numbers checked against the ledger, files re-opened."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from tribune.assessment.models import ScoreEntry
from tribune.assessment.reports.notice import NoticeExporter
from tribune.assessment.reports.ranking import RankingExporter
from tribune.assessment.scoring import schemes
from tribune.assessment.scoring.periods import Month, Quarter, previous_month
from tribune.assessment.tests.reports_helpers import publish
from tribune.kit import report as exporters
from tribune.newsroom.services import publishing


def last_month() -> Month:
    today = timezone.localdate()
    return previous_month(Month(today.year, today.month))


@pytest.fixture
def month(world):
    month = last_month()
    before = previous_month(month)
    for year in {month.year, before.year}:
        schemes.scheme_create(member=None, congress=world.congress, year=year, system=True)
    # Last month: a provincial and a city piece for the office, a county piece for the other office.
    a = publish(world, "区人大常委会开展食品安全执法检查", on=month.first + dt.timedelta(days=3),
                placement="front_page")
    publish(world, "代表之家迎来新访客", on=month.first + dt.timedelta(days=9), outlet="石家庄日报")
    publish(world, "财经委听取预算执行情况汇报", on=month.first + dt.timedelta(days=12), outlet="藁城区融媒体中心",
            writer=world.writer2)
    publishing.metrics_record(member=world.coordinator, publication=a, reads=12345, shares=40,
                              taken_at=timezone.make_aware(dt.datetime.combine(month.last, dt.time(12))))
    # The month before: the other office was ahead.
    publish(world, "财经委开展专题调研", on=before.first + dt.timedelta(days=5), writer=world.writer2)
    return month


def entries(congress, start, end, **filters):
    return ScoreEntry.objects.filter(congress=congress, scheme__congress=congress, period__gte=start,
                                     period__lte=end, **filters)


def ledger_sum(congress, start, end, **filters) -> Decimal:
    return entries(congress, start, end, **filters).aggregate(s=Sum("points"))["s"] or Decimal(0)


def test_the_notice_rows_agree_with_the_ledger(world, month):
    rows = {r["unit"].key: r for r in NoticeExporter(world.congress, month).rows()}
    office, other = rows[world.office.pk], rows[world.other_office.pk]
    assert office["points"] == ledger_sum(world.congress, month.first, month.last, subject_kind="office",
                                          office=world.office) > 0
    assert other["points_year"] == ledger_sum(world.congress, month.year_first, month.last, subject_kind="office",
                                              office=world.other_office)
    assert (office["submitted"], office["levels"]["provincial"], office["levels"]["city"]) == (2, 1, 1)
    assert (other["submitted"], other["levels"]["county"]) == (1, 1)
    assert office["reads"] == 12345
    assert (office["rank"], other["rank"]) == (1, 2)
    if month.month != 1:
        assert other["submitted_year"] == 2
        assert office["change"] == 1 and other["change"] == -1


def test_the_notice_names_offices_that_submitted_nothing(world, month):
    from tribune.org.models import Office

    Office.objects.create(congress=world.congress, name="代表工作委员会", position=9)
    report = NoticeExporter(world.congress, month).report()
    assert any("代表工作委员会" in p and "零报送" in p for p in report.paragraphs)


def test_the_best_pieces_are_ranked_by_their_points(world, month):
    best = NoticeExporter(world.congress, month).best_pieces()
    assert best[0]["title"] == "区人大常委会开展食品安全执法检查"
    for piece in best:
        assert piece["points"] == ledger_sum(world.congress, month.first, month.last, subject_kind="office",
                                             manuscript_id=piece["id"])


def _page_rows(html: str, key: str) -> list[list[str]]:
    """The body rows of one report table of a page, as the texts of their cells."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    table = HTMLParser(html).css_first(f"#table-{key} table")
    return [[td.text(strip=True) for td in tr.css("td")] for tr in table.css("tbody tr")]


def test_the_page_the_xlsx_and_the_docx_show_the_same_numbers(world, month, client):
    report = NoticeExporter(world.congress, month, focus="围绕人代会做好宣传").report()
    expected = [[exporters.format_value(v) for v in row] for row in report.table("units").values()]
    assert _page_rows(exporters.render_html(report), "units") == expected
    client.force_login(world.director.user)
    page = client.get(reverse("assessment:notice", args=[month.year, month.month])).content.decode()
    assert _page_rows(page, "units") == expected
    workbook = load_workbook(io.BytesIO(exporters.render_xlsx(report)))
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[2]] == report.table("units").header
    from_xlsx = [[exporters.format_value(v) if v is not None else "" for v in row]
                 for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert from_xlsx == expected
    document = Document(io.BytesIO(exporters.render_docx(report)))
    assert document.paragraphs[0].text == report.title
    assert "藁城区人大常委会办公室" in document.paragraphs[1].text
    assert any("围绕人代会做好宣传" in p.text for p in document.paragraphs)
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == report.table("units").header
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == expected


def test_every_number_of_the_notice_links_to_the_ledger_entries_that_sum_to_it(world, month, client):
    client.force_login(world.director.user)
    report = NoticeExporter(world.congress, month).report()
    row = report.table("units").rows[0]
    points_cell = row[9]
    response = client.get(points_cell.href)
    assert response.status_code == 200
    assert Decimal(response.context["total"]) == points_cell.value


def test_the_ranking_agrees_with_the_ledger(world, month):
    quarter = Quarter.of(month.first)
    exporter = RankingExporter(world.congress, quarter)
    units = {r["unit"].key: r for r in exporter.unit_rows()}
    assert units[world.office.pk]["points"] == ledger_sum(world.congress, quarter.first, quarter.last,
                                                          subject_kind="office", office=world.office)
    people = {r["member"].pk: r for r in exporter.member_rows()}
    assert people[world.writer.pk]["points"] == ledger_sum(world.congress, quarter.first, quarter.last,
                                                           subject_kind="member", member=world.writer)
    assert people[world.writer.pk]["levels"]["provincial"] >= 1
    sheet = load_workbook(io.BytesIO(exporters.render_xlsx(exporter.report()))).worksheets[1]
    names = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert world.writer.name in names


def test_the_notice_command_writes_each_format(world, month, tmp_path):
    from django.core.management import call_command

    for fmt in ("docx", "xlsx", "html"):
        path = tmp_path / f"notice.{fmt}"
        call_command("notice", congress=world.congress.code, month=str(month), format=fmt, output=str(path))
        assert path.stat().st_size > 1000
    sheet = load_workbook(tmp_path / "notice.xlsx").worksheets[0]
    assert sheet["B2"].value == "委室"


def test_the_ranking_command_refuses_a_bad_quarter(world):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("ranking", congress=world.congress.code, quarter="2026-Q5", format="xlsx", output="-")
