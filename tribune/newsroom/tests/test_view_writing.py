"""Create, import, edit (with the stale-form case), submit for review, and attachments."""

from itertools import zip_longest

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tribune.newsroom.models import Attachment, Manuscript
from tribune.newsroom.services import writing
from tribune.newsroom.services.topics import topic_create
from tribune.newsroom.states import State
from tribune.newsroom.tests import factories as f
from tribune.org.testing import PASSWORD

CREATE = reverse("newsroom:create")
IMPORT = reverse("newsroom:import")


def login(client, who="writer"):
    client.login(username=f"t-{who}", password=PASSWORD)
    return client


def author_rows(members, shares) -> dict:
    """The authors formset's fields: one row per (member, share)."""
    rows = list(zip_longest(members, shares, fillvalue=""))
    data = {"authors-TOTAL_FORMS": str(len(rows)), "authors-INITIAL_FORMS": "0"}
    for i, (member, share) in enumerate(rows):
        data |= {f"authors-{i}-member": member, f"authors-{i}-share": share}
    return data


def form_data(world, author=None, share=None, **changes):
    data = {"title": "代表联络站开展接待活动", "body": "近日，代表们接待群众。", "kind": "article", "topic": "",
            "event_date": "", "editor": "", "supervisor": ""}
    data |= author_rows([str(world.writer.pk)] if author is None else author, ["100"] if share is None else share)
    data.update(changes)
    return data


# --- Create ---------------------------------------------------------------------------------

def test_the_create_form_proposes_the_writer_at_100_percent(client, world):
    response = login(client).get(CREATE)
    assert response.status_code == 200
    assert response.context["authors"].forms[0].initial == {"member": world.writer.pk, "share": "100"}
    assert response.content.decode().count("<h1") == 1


def test_a_writer_creates_a_draft_with_two_authors(client, world):
    data = form_data(world, author=[str(world.writer.pk), str(world.writer2.pk), ""], share=["60", "40", ""],
                     event_date="2026-11-20", editor="王编辑")
    response = login(client).post(CREATE, data)
    m = Manuscript.objects.get()
    assert response.status_code == 303 and response["Location"] == reverse("newsroom:manuscript", args=[m.pk])
    assert [(a.member, int(a.share)) for a in m.authorships.all()] == [(world.writer, 60), (world.writer2, 40)]
    assert (m.state, m.editor, str(m.event_date)) == (State.DRAFT, "王编辑", "2026-11-20")


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": "   "}, "title"),
    ({"share": ["60"]}, "100"),
    ({"share": ["abc"]}, "share"),
    ({"author": ["x1"], "share": ["100"]}, "author"),
    ({"author": ["", ""], "share": ["50", "50"]}, "author"),
    ({"event_date": "2026-02-31"}, "date"),
    ({"kind": "poem"}, "kind"),
    ({"topic": "999999"}, "topic"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(client, world, changes, message):
    response = login(client).post(CREATE, form_data(world, **changes))
    assert response.status_code == 400
    assert not Manuscript.objects.exists()
    assert 'class="errorlist' in response.content.decode() or "message error" in response.content.decode()


def test_the_errors_are_in_chinese(client, world):
    login(client)
    assert "作者份额合计必须为 100%。" in client.post(CREATE, form_data(world, share=["60"])).content.decode()
    assert "这个字段是必填项" in client.post(CREATE, form_data(world, title=" ")).content.decode()


def test_the_leader_without_an_office_may_not_write(client, world):
    assert login(client, "leader").get(CREATE).status_code == 403
    assert client.post(CREATE, form_data(world)).status_code == 403


def test_a_topic_of_another_congress_cannot_be_chosen(client, world):
    topic = topic_create(member=world.outsider, title="外区选题")
    response = login(client).post(CREATE, form_data(world, topic=str(topic.pk)))
    assert response.status_code == 400 and not Manuscript.objects.exists()


# --- Import ---------------------------------------------------------------------------------

def docx_upload(data=None, name="稿件.docx"):
    return SimpleUploadedFile(name, data if data is not None else f.docx_bytes(),
                              content_type="application/octet-stream")


def test_a_word_file_becomes_a_draft_and_opens_in_the_editor(client, world):
    response = login(client).post(IMPORT, {"file": docx_upload()})
    m = Manuscript.objects.get()
    assert response.status_code == 303 and response["Location"] == reverse("newsroom:edit", args=[m.pk])
    assert m.title == f.TITLE and "检查组深入企业。" in m.body


@pytest.mark.parametrize("data", [b"not a word file at all", f.PNG, b"PK\x03\x04broken zip", b""])
def test_a_bad_word_file_is_refused_with_a_message(client, world, data):
    response = login(client).post(IMPORT, {"file": docx_upload(data)})
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not Manuscript.objects.exists()


def test_import_without_a_file_is_refused(client, world):
    assert login(client).post(IMPORT, {}).status_code == 400


# --- Edit and the optimistic lock -------------------------------------------------------------

def edit_url(m):
    return reverse("newsroom:edit", args=[m.pk])


def test_the_edit_form_carries_the_version(client, world):
    m = f.draft(world)
    response = login(client).get(edit_url(m))
    assert f'name="version" value="{m.version}"' in response.content.decode()


def test_an_edit_is_saved(client, world):
    m = f.draft(world)
    response = login(client).post(edit_url(m), form_data(world, version=m.version, title="新标题"))
    assert response.status_code == 303
    m.refresh_from_db()
    assert m.title == "新标题"


def test_a_stale_edit_shows_both_texts_and_overwrites_nothing(client, world):
    m = f.draft(world)
    old_version = m.version
    writing.manuscript_update(member=world.coordinator, manuscript=m, version=old_version, title="专干改过的标题",
                              body="专干改过的正文")
    response = login(client).post(edit_url(m), form_data(world, version=old_version, title="我的标题",
                                                         body="我没保存的正文"))
    assert response.status_code == 409
    content = response.content.decode()
    assert "专干改过的正文" in content and "我没保存的正文" in content and 'id="stale"' in content
    m.refresh_from_db()
    assert (m.title, m.body) == ("专干改过的标题", "专干改过的正文")
    # The form is now based on the current version: saving again is a deliberate choice.
    assert f'name="version" value="{m.version}"' in content


def test_an_edit_without_a_version_is_treated_as_stale(client, world):
    m = f.draft(world)
    response = login(client).post(edit_url(m), form_data(world, title="无版本"))
    assert response.status_code == 409
    m.refresh_from_db()
    assert m.title == f.TITLE


def test_a_published_manuscript_cannot_be_edited(client, world):
    m, _subs, _pub = f.published(world)
    assert login(client).get(edit_url(m)).status_code == 403


def test_another_writer_may_not_edit_and_another_congress_gets_404(client, world):
    m = f.draft(world)
    assert login(client, "writer2").get(edit_url(m)).status_code == 403
    client.logout()
    assert login(client, "outsider").post(edit_url(m), form_data(world, version=m.version)).status_code == 404


# --- Submit for review ------------------------------------------------------------------------

def test_the_writer_submits_for_review(client, world):
    m = f.draft(world)
    response = login(client).post(reverse("newsroom:submit_for_review", args=[m.pk]), {"version": m.version})
    assert response.status_code == 303
    m.refresh_from_db()
    assert m.state == State.IN_REVIEW


def test_a_stale_submission_changes_nothing_and_says_why(client, world):
    m = f.draft(world)
    old = m.version
    writing.manuscript_update(member=world.writer, manuscript=m, version=old, title="改", body="改过")
    response = login(client).post(reverse("newsroom:submit_for_review", args=[m.pk]), {"version": old}, follow=True)
    m.refresh_from_db()
    assert m.state == State.DRAFT
    assert any(msg.level_tag == "error" for msg in response.context["messages"])


def test_an_empty_body_cannot_be_submitted(client, world):
    m = f.draft(world, body="")
    response = login(client).post(reverse("newsroom:submit_for_review", args=[m.pk]), {"version": m.version})
    assert response.status_code == 400
    m.refresh_from_db()
    assert m.state == State.DRAFT


def test_submit_needs_post(client, world):
    m = f.draft(world)
    assert login(client).get(reverse("newsroom:submit_for_review", args=[m.pk])).status_code == 405


# --- Attachments ------------------------------------------------------------------------------

def attach(client, m, name="现场.png", data=f.PNG, caption="视察现场"):
    return client.post(reverse("newsroom:attachment_add", args=[m.pk]),
                       {"file": SimpleUploadedFile(name, data, content_type="image/jpeg"), "caption": caption})


def test_an_image_with_a_caption_is_attached_and_downloaded(client, world):
    m = f.draft(world)
    assert attach(login(client), m).status_code == 303
    a = Attachment.objects.get()
    assert (a.kind, a.caption, a.content_type) == ("image", "视察现场", "image/png")
    response = client.get(reverse("newsroom:attachment", args=[m.pk, a.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == f.PNG
    assert response["Content-Disposition"].startswith("attachment;")
    inline = client.get(reverse("newsroom:attachment", args=[m.pk, a.pk]) + "?inline=1")
    assert inline["Content-Disposition"].startswith("inline;")


def test_an_image_without_a_caption_is_refused(client, world):
    m = f.draft(world)
    response = attach(login(client), m, caption="")
    assert response.status_code == 400 and not Attachment.objects.exists()
    assert "图片必须填写说明。" in response.content.decode()


def test_a_text_file_renamed_jpg_is_refused_in_chinese(client, world):
    m = f.draft(world)
    response = attach(login(client), m, name="photo.jpg", data=b"this is not an image")
    assert response.status_code == 400 and not Attachment.objects.exists()
    assert "只能上传 JPG、PNG、GIF 图片" in response.content.decode()


@override_settings(TRIBUNE_MAX_IMAGE_MB=0)
def test_a_too_large_file_is_refused(client, world):
    m = f.draft(world)
    response = attach(login(client), m)
    assert response.status_code == 400 and not Attachment.objects.exists()
    assert "文件太大" in response.content.decode()


def test_htmx_upload_errors_come_back_as_the_form(client, world):
    m = f.draft(world)
    response = login(client).post(reverse("newsroom:attachment_add", args=[m.pk]),
                                  {"file": SimpleUploadedFile("a.jpg", b"xx"), "caption": "c"},
                                  headers={"HX-Request": "true"})
    assert response.status_code == 200 and "<html" not in response.content.decode()


def test_a_reader_may_download_but_not_attach_or_remove(client, world):
    m = f.draft(world)
    a = writing.attachment_add(member=world.writer, manuscript=m, caption="图",
                               uploaded=SimpleUploadedFile("a.png", f.PNG))
    login(client, "leader")
    assert client.get(reverse("newsroom:attachment", args=[m.pk, a.pk])).status_code == 200
    assert attach(client, m).status_code == 403
    assert client.post(reverse("newsroom:attachment_remove", args=[m.pk, a.pk])).status_code == 403
    assert Attachment.objects.count() == 1


def test_the_writer_removes_an_attachment(client, world):
    m = f.draft(world)
    a = writing.attachment_add(member=world.writer, manuscript=m, caption="图",
                               uploaded=SimpleUploadedFile("a.png", f.PNG))
    assert login(client).post(reverse("newsroom:attachment_remove", args=[m.pk, a.pk])).status_code == 303
    assert not Attachment.objects.exists()


def test_an_attachment_of_another_manuscript_is_a_404(client, world):
    m, other = f.draft(world), f.draft(world, title="另一篇")
    a = writing.attachment_add(member=world.writer, manuscript=other, caption="图",
                               uploaded=SimpleUploadedFile("a.png", f.PNG))
    assert login(client).get(reverse("newsroom:attachment", args=[m.pk, a.pk])).status_code == 404


def test_a_missing_file_on_disk_is_a_404(client, world):
    m = f.draft(world)
    a = writing.attachment_add(member=world.writer, manuscript=m, caption="图",
                               uploaded=SimpleUploadedFile("a.png", f.PNG))
    a.file.storage.delete(a.file.name)
    assert login(client).get(reverse("newsroom:attachment", args=[m.pk, a.pk])).status_code == 404
