import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from docx import Document

from tribune.kit.report import render_docx
from tribune.newsroom.models import ReviewRequest, Submission, Topic
from tribune.newsroom.services.topics import topic_create
from tribune.org.errors import ServiceError
from tribune.planning.models import TaskType
from tribune.planning.pack import PackExporter, build_pack
from tribune.planning.services import plans, regular_meetings
from tribune.planning.tests.helpers import manuscript, meeting, publish


def _at(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def test_action_items_appear_done_or_not_in_the_next_pack(world):
    today = timezone.localdate()
    first = regular_meetings.regular_meeting_record(member=world.director, date=today - dt.timedelta(days=30))
    done = regular_meetings.action_item_add(member=world.director, meeting=first, text="每个委室每月至少报送两篇稿件",
                                            owner=world.office_head, due_date=today - dt.timedelta(days=10))
    regular_meetings.action_item_add(member=world.director, meeting=first, text="建立民生热点线索库",
                                     owner=world.coordinator, due_date=today - dt.timedelta(days=5))
    regular_meetings.action_item_set_done(member=world.office_head, item=done)
    pack = build_pack(world.congress, today)
    assert pack.previous_meeting == first
    carried = PackExporter(pack).carried_section()
    assert [row[0] for row in carried.values()] == ["每个委室每月至少报送两篇稿件", "建立民生热点线索库"]
    assert [row[3] for row in carried.values()] == ["已完成", "未完成"]
    assert [css for css, _row in carried.styled_rows()] == ["", "late"]
    # a pack a month later carries the decisions of the meeting in between, not these
    second = regular_meetings.regular_meeting_record(member=world.coordinator, date=today)
    regular_meetings.action_item_add(member=world.coordinator, meeting=second, text="下次例会前完成",
                                     owner=world.writer,
                                     due_date=today + dt.timedelta(days=7))
    later = build_pack(world.congress, today + dt.timedelta(days=30))
    assert [i.text for i in later.carried_items] == ["下次例会前完成"]
    assert later.period.start == today


def test_the_pack_counts_tasks_done_and_late_since_the_previous_meeting(world):
    today = timezone.localdate()
    regular_meetings.regular_meeting_record(member=world.director, date=today - dt.timedelta(days=14))
    m = meeting(world, start=today - dt.timedelta(days=10))
    interpretation = m.plan.tasks.get(task_type=TaskType.INTERPRETATION)
    draft = manuscript(world, event_date=m.start_date)
    plans.task_link_manuscript(member=world.coordinator, task=interpretation, manuscript=draft)
    publish(world, draft)
    pack = build_pack(world.congress, today)
    assert [t.pk for t in pack.done_tasks] == [interpretation.pk]
    assert interpretation.pk not in {t.pk for t in pack.late_tasks}
    assert len(pack.late_tasks) == m.plan.tasks.count() - 1
    summary = PackExporter(pack).task_summary()
    assert summary.values()[-1][1:] == [1, len(pack.late_tasks)]


def test_the_indicators_come_from_the_facts_with_their_trend(world):
    today = timezone.localdate()
    regular_meetings.regular_meeting_record(member=world.director, date=today - dt.timedelta(days=20))
    regular_meetings.regular_meeting_record(member=world.director, date=today - dt.timedelta(days=40))
    # previous period: one topic; this period: two topics, one taken up
    old = topic_create(member=world.office_head, title="旧选题", office=world.office)
    Topic.objects.filter(pk=old.pk).update(created_at=_at(today - dt.timedelta(days=30)))
    taken = topic_create(member=world.office_head, title="新选题", office=world.office)
    topic_create(member=world.office_head, title="另一个", office=world.office)
    m = manuscript(world, event_date=today - dt.timedelta(days=6), topic=taken)
    publish(world, m)
    ReviewRequest.objects.filter(manuscript=m).update(requested_at=_at(today - dt.timedelta(days=4)))
    Submission.objects.filter(manuscript=m).update(submitted_at=_at(today - dt.timedelta(days=3)))
    pack = build_pack(world.congress, today)
    law = pack.now[world.office.pk]
    assert (law.topics_proposed, law.topics_taken_up) == (2, 1)
    assert law.days_to_review == 2 and law.days_to_publication == 6
    assert (law.reviews, law.returned, law.submissions, law.published) == (1, 0, 1, 1)
    assert pack.before[world.office.pk].topics_proposed == 1
    row = next(r for r in PackExporter(pack).indicator_section().rows if r[0].text == world.office.name)
    assert str(row[1]) == "2 ↑好转" and row[1].css == "trend-better"
    assert str(row[6]) == "100% (1/1)"


def test_the_docx_has_the_same_tables_as_the_page(world, tmp_path):
    today = timezone.localdate()
    first = regular_meetings.regular_meeting_record(member=world.director, date=today - dt.timedelta(days=7))
    regular_meetings.action_item_add(member=world.director, meeting=first, text="完善考核细则", owner=world.coordinator,
                                     due_date=today)
    report = PackExporter(build_pack(world.congress, today)).report()
    document = Document(io.BytesIO(render_docx(report)))
    assert len(document.tables) == len(report.tables)  # an empty one says "none" under its header, as on the page
    for table, grid in zip(report.tables, document.tables, strict=True):
        assert [c.text for c in grid.rows[0].cells] == table.header
        if table.rows:
            assert [[c.text for c in row.cells] for row in grid.rows[1:]] == table.texts()
        else:
            assert {c.text for c in grid.rows[1].cells} == {"无。"}
    indicators = document.tables[[t.key for t in report.tables].index("indicators")]
    assert indicators.rows[1].cells[0].text == world.office.name
    carried = document.tables[[t.key for t in report.tables].index("carried")]
    assert carried.rows[1].cells[0].text == "完善考核细则"


def test_the_command_writes_the_pack_as_docx(world, tmp_path):
    out = tmp_path / "pack.docx"
    call_command("regular-meeting", "--congress", world.congress.code, "--date", "2026-11-20", "--format", "docx",
                 "-o", str(out))
    document = Document(str(out))
    assert "2026年11月20日" in document.paragraphs[0].text


def test_the_command_refuses_an_unknown_congress_or_date(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("regular-meeting", "--congress", "nowhere", "--date", "2026-11-20", "--format", "text")
    with pytest.raises(CommandError):
        call_command("regular-meeting", "--congress", world.congress.code, "--date", "2026-13-40")


def test_one_regular_meeting_a_day_and_only_managers_record_it(world):
    today = timezone.localdate()
    regular_meetings.regular_meeting_record(member=world.director, date=today)
    with pytest.raises(ServiceError):
        regular_meetings.regular_meeting_record(member=world.coordinator, date=today)
    with pytest.raises(PermissionDenied):
        regular_meetings.regular_meeting_record(member=world.writer, date=today - dt.timedelta(days=1))


def test_only_the_owner_or_a_manager_completes_an_action(world):
    meeting_ = regular_meetings.regular_meeting_record(member=world.director, date=timezone.localdate())
    item = regular_meetings.action_item_add(member=world.director, meeting=meeting_, text="x", owner=world.writer,
                                            due_date=timezone.localdate())
    with pytest.raises(PermissionDenied):
        regular_meetings.action_item_set_done(member=world.writer2, item=item)
    regular_meetings.action_item_set_done(member=world.writer, item=item)
    assert item.done_at is not None
