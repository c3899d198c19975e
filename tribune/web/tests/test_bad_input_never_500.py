"""The server errors found by attacking the app with bad input (hardening issue, defect 6), each
reproduced as a request: Unicode digits where ids and numbers are read, dates at the ends of
Python's calendar, huge ids in multiple choices, spreadsheets with a DOCTYPE, a file name longer
than the file system allows. Each answers without a server error, most with a clear refusal."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tribune.web.tests.site import PNG, build_site

HUGE = "9" * 30
TOO_BIG_FOR_SQLITE = str(2**63)


def client_for(member) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(member.user)
    return client


@pytest.fixture
def site(world):
    return build_site(world)


def _get_cases(site):
    meeting, story = site["meeting"], site["story"]
    return [
        ("coordinator", reverse("assessment:ledger") + "?office=²"),
        ("coordinator", reverse("assessment:ledger") + "?member=²"),
        ("coordinator", reverse("assessment:ledger") + "?manuscript=²"),
        ("coordinator", reverse("assessment:ledger") + "?to=9999-12-31"),
        ("coordinator", reverse("assessment:ledger") + "?from=0001-01-01&to=0001-01-02"),
        ("coordinator", reverse("planning:key_points", args=[meeting.pk]) + "?after=²"),
        ("coordinator", reverse("deputies:stories") + "?activity=²"),
        ("coordinator", reverse("deputies:story_create") + "?deputy=²"),
        ("coordinator", reverse("deputies:story_create") + "?activity=²"),
        ("coordinator", reverse("deputies:typical") + "?year=²"),
        ("coordinator", reverse("deputies:typical_export") + "?year=²"),
        ("coordinator", reverse("deputies:story", args=[story.pk]) + "?find=" + "长" * 10_000),
        ("coordinator", reverse("planning:topic_propose") + "?meeting=²"),
        ("coordinator", reverse("planning:topic_propose") + "?activity=²"),
        ("coordinator", reverse("planning:calendar") + "?month=9999-12"),
        ("coordinator", reverse("planning:calendar") + "?month=0001-01"),
        ("coordinator", reverse("planning:calendar") + "?view=week&day=9999-12-31"),
        ("coordinator", reverse("planning:calendar") + "?view=week&day=0001-01-01"),
        ("coordinator", reverse("planning:pack") + "?date=9999-12-31"),
        ("coordinator", reverse("planning:pack") + "?date=0001-01-01"),
        ("coordinator", reverse("planning:pack_docx") + "?date=9999-12-31"),
        ("auditor", reverse("audit_log") + "?until=9999-12-31"),
        ("auditor", reverse("audit_log") + "?since=0001-01-01"),
        ("coordinator", reverse("newsroom:list") + "?date_from=9999-12-31&date_to=0001-01-01"),
        ("coordinator", reverse("newsroom:diff", args=[site["published"].pk]) + f"?a={HUGE}&b=²"),
    ]


def test_bad_query_values_never_give_a_server_error(world, site):
    failures = []
    for who, url in _get_cases(site):
        response = client_for(getattr(world, who)).get(url)
        if response.status_code >= 500:
            failures.append(f"{who} GET {url[:120]}: {response.status_code}")
    assert not failures, "\n".join(failures)


def _post_cases(world, site):
    meeting, activity, story = site["meeting"], site["activity"], site["story"]
    published = site["published"]
    year = published.created_at.year
    day = "2026-03-01"
    return [
        ("writer", reverse("org:inbox_read"), {"id": "²"}),
        ("coordinator", reverse("assessment:commission_add"), {"title": "约稿", "office": "²", "due_date": day}),
        ("coordinator", reverse("assessment:awards", args=[year]), {"category": "office", "chosen": ["²"]}),
        ("writer", reverse("newsroom:create"), {"title": "标题", "body": "正文", "kind": "news",
                                                "authors-TOTAL_FORMS": "1", "authors-INITIAL_FORMS": "0",
                                                "authors-0-member": "²", "authors-0-share": "100"}),
        ("writer", reverse("newsroom:create"), {"title": "标题", "body": "正文", "kind": "article",
                                                "authors-TOTAL_FORMS": "²", "authors-INITIAL_FORMS": "x"}),
        ("writer", reverse("planning:key_points_draft", args=[meeting.pk]), {"points": ["²"]}),
        ("coordinator", reverse("planning:meeting_create"), {"kind": "standing", "title": "会议",
                                                              "start_date": "0001-01-01"}),
        ("coordinator", reverse("planning:meeting_create"), {"kind": "standing", "title": "会议",
                                                              "start_date": "9999-12-31"}),
        ("coordinator", reverse("planning:meeting_edit", args=[meeting.pk]), {
            "title": "会议", "start_date": "0001-01-01", "end_date": "0001-01-01"}),
        ("coordinator", reverse("planning:meeting_edit", args=[meeting.pk]), {
            "title": "会议", "start_date": "9999-12-31", "end_date": "9999-12-31"}),
        ("coordinator", reverse("planning:activity_create"), {
            "kind": "inspection", "title": "视察", "start_date": day, "offices": [HUGE]}),
        ("coordinator", reverse("planning:activity_create"), {
            "kind": "inspection", "title": "视察", "start_date": day, "leaders": [TOO_BIG_FOR_SQLITE]}),
        ("coordinator", reverse("planning:activity_edit", args=[activity.pk]), {
            "kind": "inspection", "title": "视察", "start_date": "9999-12-31", "end_date": "9999-12-31"}),
        ("coordinator", reverse("deputies:story_create"), {
            "kind": "reception", "title": "故事", "happened_on": day, "summary": "摘要", "deputies": [HUGE]}),
        ("coordinator", reverse("deputies:story_edit", args=[story.pk]), {
            "kind": "reception", "title": "故事", "happened_on": "0001-01-01", "summary": "摘要",
            "deputies": [str(site["deputy"].pk)], "version": "1"}),
        ("coordinator", reverse("planning:regular"), {"date": "9999-12-31"}),
        ("coordinator", reverse("newsroom:topics"), {"title": "选题", "due_date": "9999-12-31"}),
        ("coordinator", reverse("assessment:scheme_create"), {"year": "²"}),
        ("coordinator", reverse("assessment:scheme_edit", args=[site["scheme"].year]), {
            "text": "x", "version": "²"}),
        # Found by the fuzz guard: YAML reads this as a date, and there is no such date.
        ("coordinator", reverse("assessment:scheme_edit", args=[site["scheme"].year]), {
            "text": "2026-02-30", "version": str(site["scheme"].version)}),
    ]


def test_bad_posted_values_never_give_a_server_error(world, site):
    failures = []
    for who, url, data in _post_cases(world, site):
        response = client_for(getattr(world, who)).post(url, data)
        if response.status_code >= 500:
            failures.append(f"{who} POST {url} {str(data)[:80]}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_a_date_outside_the_supported_range_is_refused_with_the_range(world, site):
    response = client_for(world.coordinator).post(reverse("planning:meeting_create"), {
        "kind": "standing", "title": "会议", "start_date": "0001-01-01"})
    assert response.status_code == 200
    assert "2000-01-01" in response.content.decode() and "2099-12-31" in response.content.decode()


# --- Spreadsheets with a DOCTYPE -------------------------------------------------------------

def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_doctype(data: bytes, doctype: str) -> bytes:
    """The workbook with a DOCTYPE (and what it declares) in its first sheet's XML."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                head, rest = content.split(b"?>", 1) if content.startswith(b"<?xml") else (b"", content)
                content = (head + b"?>" if head else b"") + doctype.encode() + rest
            target.writestr(item, content)
    return out.getvalue()


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>')
EXTERNAL = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("doctype", [LAUGHS, EXTERNAL], ids=["entities", "external"])
def test_a_registry_spreadsheet_with_a_doctype_is_refused_with_a_message(world, doctype):
    data = with_doctype(_xlsx([["姓名", "代表小组", "所在人大", "届次", "任期开始"],
                                ["张三", "一组", "区", "第十届", "2021-12-20"]]), doctype)
    response = client_for(world.coordinator).post(reverse("deputies:import"), {
        "file": SimpleUploadedFile("registry.xlsx", data)})
    assert response.status_code < 500
    assert "DOCTYPE" in response.content.decode() or "不安全" in response.content.decode()


@pytest.mark.parametrize("doctype", [LAUGHS, EXTERNAL], ids=["entities", "external"])
def test_a_statistics_spreadsheet_with_a_doctype_is_refused_with_a_message(world, doctype):
    data = with_doctype(_xlsx([["标题", "发布时间", "阅读数"], ["文章", "2026-03-01", 10]]), doctype)
    response = client_for(world.coordinator).post(reverse("assessment:metrics_import"), {
        "file": SimpleUploadedFile("stats.xlsx", data)})
    assert response.status_code < 500
    assert "DOCTYPE" in response.content.decode() or "不安全" in response.content.decode()


# --- File names ------------------------------------------------------------------------------

# 90 CJK characters of Extension B (letters to Python, so Django's name cleaning keeps them):
# 360 bytes in UTF-8, more than a file name may hold.
FOUR_BYTE_NAME = "\U00020000" * 90 + ".png"
EMOJI_ONLY_NAME = "\U0001F600\U0001F4F7"  # no letter and no extension left once cleaned


def test_an_attachment_whose_name_is_ninety_four_byte_characters_is_stored(world, site):
    draft = site["draft"]
    response = client_for(world.writer2).post(reverse("newsroom:attachment_add", args=[draft.pk]), {
        "file": SimpleUploadedFile(FOUR_BYTE_NAME, PNG), "caption": "图"})
    assert response.status_code < 500
    attachment = draft.attachments.get()
    assert attachment.file.name.endswith(".png")
    assert len(attachment.file.name.rsplit("/", 1)[-1].encode()) <= 120


def test_a_material_whose_name_is_ninety_four_byte_characters_is_stored(world, site):
    activity = site["activity"]
    response = client_for(world.coordinator).post(reverse("planning:material_add", args=[activity.pk]), {
        "file": SimpleUploadedFile(FOUR_BYTE_NAME, PNG), "caption": "图"})
    assert response.status_code < 500
    assert activity.materials.filter(original_name__startswith="\U00020000").exists()


def test_an_attachment_whose_name_is_only_emoji_is_stored_by_its_detected_type(world, site):
    draft = site["draft"]
    response = client_for(world.writer2).post(reverse("newsroom:attachment_add", args=[draft.pk]), {
        "file": SimpleUploadedFile(EMOJI_ONLY_NAME, PNG), "caption": "图"})
    assert response.status_code in (200, 302, 303)
    attachment = draft.attachments.get()
    assert attachment.original_name == EMOJI_ONLY_NAME and attachment.file.name.endswith(".png")


def test_a_stored_file_takes_the_extension_of_its_detected_type_not_the_uploaders(world, site):
    draft = site["draft"]
    client_for(world.writer2).post(reverse("newsroom:attachment_add", args=[draft.pk]), {
        "file": SimpleUploadedFile("photo.html", PNG), "caption": "图"})
    attachment = draft.attachments.get()
    assert attachment.original_name == "photo.html" and attachment.file.name.endswith(".png")
