"""Small builders for the deputies' tests, on top of the `world` fixture."""

import datetime as dt
import io

from django.utils import timezone

from tribune.deputies import services
from tribune.deputies.importing import id_check_digit
from tribune.newsroom.services import reviewing, writing
from tribune.outlets.models import Outlet, OutletLevel

TERM_START = dt.date(2021, 10, 1)


def id_number(serial: int) -> str:
    first17 = f"13018219{700101 + serial:06d}{serial % 1000:03d}"[:17]
    return first17 + id_check_digit(first17)


def deputy(world, name="李建华", group="廉州镇代表小组", sector="medicine", serial=1, seats=None, **kwargs):
    return services.deputy_create(
        member=world.coordinator, name=name, group=group, sector=sector, phone=f"138{serial:08d}",
        id_number=id_number(serial), seats=seats or [("county", "第十届", TERM_START)], **kwargs)


def story(world, deputies, member=None, title="代表接待群众化解邻里纠纷", happened_on=None, kind="reception"):
    return services.story_create(member=member or world.writer, kind=kind, title=title,
                                 happened_on=happened_on or timezone.localdate() - dt.timedelta(days=3),
                                 summary="代表在联络站接待群众，协调解决了邻里纠纷。", deputies=deputies)


def approved_manuscript(world, title="在履职路上书写医药人的担当"):
    m = writing.manuscript_create(member=world.writer, title=title, body="正文。")
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    return m


def outlet(world, level=OutletLevel.PROVINCIAL):
    return Outlet.objects.filter(congress=world.congress, level=level).order_by("name").first()


def publish(world, st, manuscript, level=OutletLevel.PROVINCIAL, published_on=None):
    return services.story_record_publication(
        member=world.coordinator, story=st, manuscript=manuscript, outlet=outlet(world, level),
        published_on=published_on or timezone.localdate() - dt.timedelta(days=1), title=manuscript.title,
        address="https://example.invalid/a/1")


HEADER = ("姓名", "代表小组", "行业", "职业", "联系电话", "身份证号", "所在人大", "届次", "任期开始", "备注")


def xlsx(rows, header=HEADER):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
