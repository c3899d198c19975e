"""Metrics import: read, match, preview, confirm; re-import changes nothing; bad files refused."""

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from tribune.assessment.reports import metrics_import as mi
from tribune.assessment.tests.reports_helpers import publish
from tribune.newsroom.models import MetricSnapshot
from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry

WECHAT = "https://mp.weixin.qq.com/s?__biz=MzA1&mid=100&idx=1&sn=abc"


def xlsx(rows, name="stats.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(rows, encoding="utf-8-sig", name="stats.csv"):
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return SimpleUploadedFile(name, text.getvalue().encode(encoding))


@pytest.fixture
def pubs(world):
    day = timezone.localdate() - dt.timedelta(days=10)
    return {
        "address": publish(world, "代表之家迎来新访客", on=day, outlet="藁城区人大微信公众号",
                           address=WECHAT + "&chksm=1"),
        "title": publish(world, "区人大常委会开展食品安全执法检查", on=day),
        "twin1": publish(world, "人大代表进社区", on=day, outlet="藁城区融媒体中心"),
        "twin2": publish(world, "人大代表进社区", on=day + dt.timedelta(days=1), outlet="石家庄日报"),
        "day": day,
    }


def sheet(pubs):
    day = pubs["day"].isoformat()
    return [
        ["文章标题", "群发时间", "阅读量", "转发数", "点赞数", "原文链接"],
        ["代表之家迎来新访客（修改后标题）", day, "1,200", 30, 12, WECHAT + "&scene=21#rd"],
        ["区人大常委会开展食品安全执法检查！", day, "1.2万", "5", "", ""],
        ["人大代表进社区", day, 800, 3, 2, ""],
        ["与人大无关的文章", day, 50, 0, 0, ""],
    ]


def test_a_sheet_is_matched_by_address_then_by_title_and_date(world, pubs):
    staged = mi.metrics_import_preview(member=world.coordinator, congress=world.congress, uploaded=xlsx(sheet(pubs)))
    by_line = {row["line"]: row for row in staged["rows"]}
    assert (by_line[2]["status"], by_line[2]["candidates"], by_line[2]["how"]) == (
        "matched", [pubs["address"].pk], "address")
    assert (by_line[3]["status"], by_line[3]["reads"]) == ("matched", 12000)
    assert by_line[4]["status"] == "ambiguous"
    assert set(by_line[4]["candidates"]) == {pubs["twin1"].pk, pubs["twin2"].pk}
    assert by_line[5]["status"] == "unmatched"
    assert not MetricSnapshot.objects.exists(), "nothing is written before the confirmation"


def test_confirming_writes_the_matched_and_the_picked_rows_as_imported_snapshots(world, pubs):
    staged = mi.metrics_import_preview(member=world.coordinator, congress=world.congress, uploaded=xlsx(sheet(pubs)))
    result = mi.metrics_import_confirm(member=world.coordinator, congress=world.congress, staged=staged,
                                       picks={4: pubs["twin2"].pk})
    assert result == {"written": 3, "unchanged": 0}
    snapshots = {s.publication_id: s for s in MetricSnapshot.objects.all()}
    assert snapshots[pubs["address"].pk].reads == 1200 and snapshots[pubs["address"].pk].shares == 30
    assert snapshots[pubs["title"].pk].reads == 12000
    assert snapshots[pubs["twin2"].pk].reads == 800 and pubs["twin1"].pk not in snapshots
    assert all(s.source == "import" for s in snapshots.values())
    assert AuditEntry.objects.filter(action="metrics.import", detail__digest=staged["digest"]).exists()


def test_importing_the_same_file_again_changes_nothing(world, pubs):
    rows = sheet(pubs)
    staged = mi.metrics_import_preview(member=world.coordinator, congress=world.congress, uploaded=csv_file(rows))
    mi.metrics_import_confirm(member=world.coordinator, congress=world.congress, staged=staged, picks={})
    again = mi.metrics_import_preview(member=world.coordinator, congress=world.congress, uploaded=csv_file(rows))
    assert again["previously"]
    assert [r["status"] for r in again["rows"]][:2] == ["unchanged", "unchanged"]
    result = mi.metrics_import_confirm(member=world.coordinator, congress=world.congress, staged=again, picks={})
    assert result["written"] == 0
    assert MetricSnapshot.objects.count() == 2


def test_a_gbk_csv_with_variant_headers_is_read(world, pubs):
    rows = [["标题", "发布时间", "阅读数", "分享数"],
            ["区人大常委会开展食品安全执法检查", pubs["day"].isoformat(), "99", "1"]]
    staged = mi.metrics_import_preview(member=world.coordinator, congress=world.congress,
                                       uploaded=csv_file(rows, encoding="gbk"))
    assert staged["rows"][0]["status"] == "matched" and staged["rows"][0]["reads"] == 99


def test_a_pick_outside_the_candidates_is_refused_and_nothing_is_written(world, pubs):
    staged = mi.metrics_import_preview(member=world.coordinator, congress=world.congress, uploaded=xlsx(sheet(pubs)))
    with pytest.raises(ServiceError):
        mi.metrics_import_confirm(member=world.coordinator, congress=world.congress, staged=staged,
                                  picks={4: pubs["title"].pk})
    assert not MetricSnapshot.objects.exists()


@pytest.mark.parametrize("upload, words", [
    (SimpleUploadedFile("a.pdf", b"%PDF-1.4 \x00\x01\x02 binary"), "两者都不是"),
    (SimpleUploadedFile("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100), ".xls"),
    (SimpleUploadedFile("a.xlsx", b"PK\x03\x04 broken zip"), "无法打开"),
    (SimpleUploadedFile("a.csv", b""), "空"),
    (SimpleUploadedFile("a.csv", "标题,发布时间\n甲,2026-10-01\n".encode()), "缺少以下列：阅读数"),
    (SimpleUploadedFile("a.csv", "标题,阅读数\n甲,很多\n".encode()), "第2行"),
    (SimpleUploadedFile("a.csv", "标题,阅读数\n".encode()), "没有文章数据行"),
    (SimpleUploadedFile("a.csv", "标题,阅读数,发布时间\n甲,1,昨天\n".encode()), "不是有效日期"),
])
def test_a_malformed_file_is_refused_with_a_clear_chinese_message(world, upload, words):
    with pytest.raises(ServiceError) as error:
        mi.metrics_import_preview(member=world.coordinator, congress=world.congress, uploaded=upload)
    assert words in str(error.value.message)


@pytest.mark.parametrize("who", ["writer", "director", "office_head", "auditor", "outsider"])
def test_only_the_coordinator_of_the_congress_imports(world, who):
    with pytest.raises(PermissionDenied):
        mi.metrics_import_preview(member=getattr(world, who), congress=world.congress,
                                  uploaded=csv_file([["标题", "阅读数"], ["甲", 1]]))


def test_another_congress_publications_are_never_candidates(world, pubs):
    staged = mi.metrics_import_preview(member=world.outsider, congress=world.other_congress,
                                       uploaded=xlsx(sheet(pubs)))
    assert {row["status"] for row in staged["rows"]} == {"unmatched"}
