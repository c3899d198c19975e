"""Chains of other shapes, uploads, Word files, corrections, reprints and the audit trail."""

import datetime as dt
import io

import docx
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tribune.newsroom import docx_io
from tribune.newsroom.models import Attachment, Manuscript
from tribune.newsroom.services import publishing, reviewing, writing
from tribune.newsroom.services.topics import topic_create
from tribune.newsroom.states import State
from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry, Notification
from tribune.org.services import congress_set_chain
from tribune.outlets.models import Outlet

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64


def word_file(*paragraphs):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def draft(world, member=None):
    member = member or world.writer
    return writing.manuscript_create(member=member, title="代表联络站接待选民", body="正文第一段。\n正文第二段。")


def submit(world, m):
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)


def test_a_four_step_chain_runs_in_order(world):
    congress_set_chain(member=world.admin, chain=["office_head", "leader", "director", "coordinator"])
    world.writer.congress.refresh_from_db()
    m = draft(world)
    m.congress.refresh_from_db()
    submit(world, m)
    for reviewer, role in [(world.office_head, "office_head"), (world.leader, "leader"),
                           (world.director, "director"), (world.coordinator, "coordinator")]:
        assert m.review_role == role
        reviewing.manuscript_approve(member=reviewer, manuscript=m, version=m.version)
    assert m.state == State.APPROVED


def test_the_chain_is_fixed_when_submitted(world):
    m = draft(world)
    submit(world, m)
    congress_set_chain(member=world.admin, chain=["director"])
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    assert m.review_role == "director"


def test_only_an_admin_changes_the_chain_and_bad_chains_are_refused(world):
    with pytest.raises(PermissionDenied):
        congress_set_chain(member=world.director, chain=["director"])
    for bad in ([], ["leader"] * 2, ["a", "b", "c", "d", "e"], ["mayor"]):
        with pytest.raises(ServiceError):
            congress_set_chain(member=world.admin, chain=bad)
    world.congress.refresh_from_db()
    assert world.congress.chain() == ["leader", "director"]


def test_only_authors_submit_for_review(world):
    m = draft(world)
    for member in (world.writer2, world.auditor, world.admin, world.leader):
        with pytest.raises(PermissionDenied):
            reviewing.manuscript_submit_for_review(member=member, manuscript=m, version=m.version)
    assert Manuscript.objects.get(pk=m.pk).state == State.DRAFT


def test_an_auditor_and_an_admin_cannot_write(world):
    for member in (world.auditor, world.admin, world.leader):
        with pytest.raises(PermissionDenied):
            draft(world, member)


def test_an_empty_body_cannot_be_submitted(world):
    m = writing.manuscript_create(member=world.writer, title="只有标题")
    with pytest.raises(ServiceError):
        submit(world, m)


def test_a_return_notifies_the_author_after_commit(world, django_capture_on_commit_callbacks):
    m = draft(world)
    submit(world, m)
    with django_capture_on_commit_callbacks(execute=True):
        reviewing.manuscript_return(member=world.leader, manuscript=m, version=m.version, comment="请补充数据")
    assert Notification.objects.filter(member=world.writer, kind="returned").exists()


def test_images_need_a_caption_and_files_are_checked_by_content(world):
    m = draft(world)
    with pytest.raises(ServiceError):
        writing.attachment_add(member=world.writer, manuscript=m, uploaded=SimpleUploadedFile("a.png", PNG))
    with pytest.raises(ServiceError):
        writing.attachment_add(member=world.writer, manuscript=m,
                               uploaded=SimpleUploadedFile("photo.jpg", b"MZ not an image at all"), caption="x")
    with pytest.raises(ServiceError):
        writing.attachment_add(member=world.writer, manuscript=m,
                               uploaded=SimpleUploadedFile("notes.docx", b"PK\x03\x04 broken zip"))
    assert not Attachment.objects.exists()
    png = writing.attachment_add(member=world.writer, manuscript=m, uploaded=SimpleUploadedFile("a.png", PNG),
                                 caption="代表接待选民")
    jpg = writing.attachment_add(member=world.writer, manuscript=m, uploaded=SimpleUploadedFile("b.jpeg", JPEG),
                                 caption="现场")
    video = writing.attachment_add(member=world.writer, manuscript=m, uploaded=SimpleUploadedFile("v.mp4", MP4))
    doc = writing.attachment_add(member=world.writer, manuscript=m,
                                 uploaded=SimpleUploadedFile("w.docx", word_file("标题", "正文")))
    assert [a.kind for a in (png, jpg, video, doc)] == ["image", "image", "video", "document"]


def test_an_upload_over_the_limit_is_refused(world, settings):
    settings.TRIBUNE_MAX_IMAGE_MB = 0
    m = draft(world)
    with pytest.raises(ServiceError):
        writing.attachment_add(member=world.writer, manuscript=m, uploaded=SimpleUploadedFile("a.png", PNG),
                               caption="x")


def test_another_writer_cannot_attach_files(world):
    m = draft(world)
    with pytest.raises(PermissionDenied):
        writing.attachment_add(member=world.writer2, manuscript=m, uploaded=SimpleUploadedFile("a.png", PNG),
                               caption="x")


def test_a_word_file_becomes_a_draft_without_formatting(world):
    data = word_file("", "  区人大开展视察 ", "第一段", "", "第二段")
    m = writing.manuscript_import_docx(member=world.writer, data=data)
    assert (m.title, m.body, m.state) == ("区人大开展视察", "第一段\n第二段", State.DRAFT)


@pytest.mark.parametrize("data", [b"", b"plain text", b"PK\x03\x04junk", word_file("", "  ")])
def test_a_bad_word_file_is_refused_and_creates_nothing(world, data):
    with pytest.raises(ServiceError):
        writing.manuscript_import_docx(member=world.writer, data=data)
    assert not Manuscript.objects.exists()


def test_the_exported_word_file_reads_back_the_same(world):
    data = docx_io.write_docx(title="标题", body="第一段\n第二段", credits=["责编：白俊宝"])
    assert docx_io.read_docx(data) == ("标题", "第一段\n第二段\n责编：白俊宝")


def published(world):
    m = draft(world)
    submit(world, m)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    outlet = Outlet.objects.get(congress=world.congress, name="河北日报")
    (sub,) = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                     outlets=[outlet])
    return publishing.publication_record(member=world.coordinator, submission=sub,
                                         published_on=timezone.localdate(), title=m.title, address="第2版")


def test_a_correction_keeps_the_old_values_and_its_reason(world):
    pub = published(world)
    with pytest.raises(ServiceError):
        publishing.publication_correct(member=world.coordinator, publication=pub, version=pub.version, reason="",
                                       published_on=pub.published_on, title="新标题")
    publishing.publication_correct(member=world.coordinator, publication=pub, version=pub.version,
                                   reason="版面号更正", published_on=pub.published_on, title=pub.title,
                                   address="第1版", placement="front_page")
    change = pub.changes.get()
    assert (change.before["address"], change.after["address"], change.reason) == ("第2版", "第1版", "版面号更正")


def test_a_stale_correction_is_refused(world):
    pub = published(world)
    old = pub.version
    publishing.publication_correct(member=world.coordinator, publication=pub, version=old, reason="a",
                                   published_on=pub.published_on, title="甲")
    with pytest.raises(ServiceError):
        publishing.publication_correct(member=world.coordinator, publication=pub, version=old, reason="b",
                                       published_on=pub.published_on, title="乙")
    pub.refresh_from_db()
    assert pub.title == "甲"


def test_metrics_must_be_whole_non_negative_numbers(world):
    pub = published(world)
    for bad in (-1, 1.5, "12", True):
        with pytest.raises(ServiceError):
            publishing.metrics_record(member=world.coordinator, publication=pub, reads=bad)
    with pytest.raises(ServiceError):
        publishing.metrics_record(member=world.coordinator, publication=pub, reads=10,
                                  taken_at=timezone.now() + dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        publishing.metrics_record(member=world.writer, publication=pub, reads=10)
    assert not pub.metrics.exists()


def test_a_reprint_is_recorded_once_per_address(world):
    pub = published(world)
    publishing.reprint_record(member=world.coordinator, publication=pub, outlet_name="石家庄新闻网", level="city",
                              reprinted_on=timezone.localdate(), address="https://news.example.invalid/1")
    with pytest.raises(ServiceError):
        publishing.reprint_record(member=world.coordinator, publication=pub, outlet_name="石家庄新闻网",
                                  level="city", reprinted_on=timezone.localdate(),
                                  address="https://news.example.invalid/1")
    with pytest.raises(ServiceError):
        publishing.reprint_record(member=world.coordinator, publication=pub, outlet_name="某网", level="galaxy",
                                  reprinted_on=timezone.localdate())
    assert pub.reprints.count() == 1


def test_instructions_and_joint_reports_are_recorded_by_the_right_people(world):
    pub = published(world)
    m = pub.submission.manuscript
    with pytest.raises(PermissionDenied):
        publishing.instruction_record(member=world.writer, manuscript=m, leader_name="区委书记", level="county",
                                      given_on=timezone.localdate())
    publishing.instruction_record(member=world.director, manuscript=m, leader_name="区委书记", level="county",
                                  given_on=timezone.localdate(), content="很好，值得推广")
    publishing.joint_report_record(member=world.coordinator, manuscript=m, outlet=pub.submission.outlet)
    with pytest.raises(ServiceError):
        publishing.joint_report_record(member=world.coordinator, manuscript=m, outlet=pub.submission.outlet)
    assert m.instructions.count() == 1


def test_every_state_change_is_in_the_audit_log(world):
    pub = published(world)
    actions = set(AuditEntry.objects.filter(congress_id=world.congress.pk).values_list("action", flat=True))
    assert {"manuscript.create", "manuscript.submit_for_review", "manuscript.approve",
            "manuscript.submit_to_outlets", "publication.record"} <= actions
    entry = AuditEntry.objects.filter(action="publication.record").get()
    assert entry.username == "t-coordinator" and entry.object_id == str(pub.pk)


def test_the_audit_log_cannot_be_changed(world):
    entry = AuditEntry.objects.first()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(action="x")


def test_topics_are_proposed_by_editorial_leads_only(world):
    with pytest.raises(PermissionDenied):
        topic_create(member=world.writer, title="选题")
    with pytest.raises(ServiceError):
        topic_create(member=world.coordinator, title="跨区", office=world.outsider.office)
    topic = topic_create(member=world.coordinator, title="代表履职故事", office=world.office,
                         assignee=world.writer, due_date=timezone.localdate())
    assert topic.congress == world.congress


def test_the_same_numbers_sent_twice_are_recorded_once(world):
    pub = published(world)
    publishing.metrics_record(member=world.coordinator, publication=pub, reads=500, shares=5)
    with pytest.raises(ServiceError):
        publishing.metrics_record(member=world.coordinator, publication=pub, reads=500, shares=5)
    publishing.metrics_record(member=world.coordinator, publication=pub, reads=650, shares=7)
    assert pub.metrics.count() == 2
