"""Importing the registry: checked row by row, nothing written until confirmed, all or nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from tribune.deputies import importing, services
from tribune.deputies.models import Deputy
from tribune.deputies.tests.helpers import deputy, id_number, xlsx
from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry


def good_rows():
    return [
        ("王建国", "廉州镇代表小组", "医药卫生", "县医院院长", "13812340001", id_number(11), "区、市", "第十届",
         dt.datetime(2021, 10, 1), ""),
        ("刘秀英", "兴安镇代表小组", "教育", "中学教师", "13812340002", id_number(12), "区", "第十届",
         "2021-10-01", ""),
    ]


def test_a_good_file_is_previewed_without_writing_anything(world):
    preview = importing.preview(world.congress, xlsx(good_rows()))
    assert [r.status for r in preview.rows] == ["new", "new"]
    assert preview.rows[0].levels == ["county", "city"]
    assert preview.rows[1].started_on == dt.date(2021, 10, 1)
    assert Deputy.objects.count() == 0


def test_a_confirmed_import_writes_every_new_deputy_with_their_seats(world):
    services.deputies_import(member=world.coordinator, data=xlsx(good_rows()))
    wang = Deputy.objects.get(name="王建国")
    assert (wang.sector, wang.phone) == ("medicine", "13812340001")
    assert sorted(s.level for s in wang.seats.all()) == ["city", "county"]
    assert AuditEntry.objects.get(action="deputy.import").detail == {"added": 2, "skipped": 0}


def test_duplicates_within_the_file_are_errors_and_deputies_in_the_registry_are_skipped(world):
    deputy(world, name="已在册", group="廉州镇代表小组", serial=20)
    rows = [*good_rows(),
            ("王建国二", "廉州镇代表小组", "医", "", "", id_number(11), "区", "第十届", "2021-10-01", ""),
            ("刘秀英", "兴安镇代表小组", "教育", "", "", "", "区", "第十届", "2021-10-01", ""),
            ("已在册", "廉州镇代表小组", "医", "", "", "", "区", "第十届", "2021-10-01", "")]
    with translation.override("zh-hans"):
        preview = importing.preview(world.congress, xlsx(rows))
    assert [r.status for r in preview.rows] == ["new", "new", "error", "error", "existing"]
    assert preview.rows[2].errors == ["与第 2 行身份证号相同"]
    assert preview.rows[3].errors == ["与第 3 行姓名和代表小组相同"]


def test_malformed_rows_are_explained_in_chinese_and_nothing_is_written(world):
    rows = [*good_rows(),
            ("", "廉州镇代表小组", "天文", "", "12345", "130182197001011235", "火星", "", "去年", "")]
    with translation.override("zh-hans"):
        preview = importing.preview(world.congress, xlsx(rows))
        errors = preview.rows[2].errors
    assert errors == ["姓名为空", "未知行业“天文”", "联系电话无效", "身份证号无效",
                      "所在人大缺失或无法识别（请填写如：区、市）", "届次缺失（请填写如：第十届）",
                      "任期开始日期缺失或不是日期"]
    with pytest.raises(ServiceError):
        services.deputies_import(member=world.coordinator, data=xlsx(rows))
    assert Deputy.objects.count() == 0


def test_a_file_that_is_not_xlsx_is_refused(world):
    with pytest.raises(importing.ImportFileError):
        importing.preview(world.congress, b"%PDF-1.4 not a spreadsheet")
    with pytest.raises(importing.ImportFileError):
        importing.preview(world.congress, b"PK\x03\x04 broken zip")


def test_a_file_without_the_needed_columns_is_refused(world):
    with pytest.raises(importing.ImportFileError):
        importing.preview(world.congress, xlsx([("甲",)], header=("姓名",)))


def test_only_registry_keepers_import(world):
    with pytest.raises(PermissionDenied):
        services.deputies_import(member=world.writer, data=xlsx(good_rows()))


def test_a_file_with_only_known_deputies_imports_nothing(world):
    services.deputies_import(member=world.coordinator, data=xlsx(good_rows()))
    with pytest.raises(ServiceError):
        services.deputies_import(member=world.coordinator, data=xlsx(good_rows()))
    assert Deputy.objects.count() == 2
