"""Writing: uploads checked by content, caption and size; Word files in and out."""

import io

import docx
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from tribune.newsroom import docx_io
from tribune.newsroom.models import Attachment, Manuscript
from tribune.newsroom.services import writing
from tribune.newsroom.states import State
from tribune.newsroom.tests.factories import draft
from tribune.org.errors import ServiceError

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
