"""Files of a manuscript: an approval covers what goes out with the text, so adding or removing a
file after review began starts the review again, as a text edit does."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tribune.newsroom.services import reviewing, writing
from tribune.newsroom.states import State
from tribune.newsroom.tests import factories as f
from tribune.org.errors import StaleError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def add_photo(world, m):
    return writing.attachment_add(member=world.writer, manuscript=m, caption="检查现场",
                                  uploaded=SimpleUploadedFile("photo.png", PNG))


@pytest.mark.parametrize("stage", ["approved", "in_review"])
def test_a_photo_added_after_review_began_sends_the_manuscript_back_to_the_first_step(world, stage):
    m = getattr(f, stage)(world)
    add_photo(world, m)
    m.refresh_from_db()
    assert m.state == State.IN_REVIEW and m.review_step == 0
    assert m.review_requests.order_by("-id").first().reason == "files"


def test_removing_a_file_of_an_approved_manuscript_starts_the_review_again(world):
    m = f.draft(world)
    photo = add_photo(world, m)
    reviewing.manuscript_submit_for_review(member=world.writer, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.leader, manuscript=m, version=m.version)
    reviewing.manuscript_approve(member=world.director, manuscript=m, version=m.version)
    m.refresh_from_db()
    assert m.state == State.APPROVED
    writing.attachment_remove(member=world.writer, attachment=photo)
    m.refresh_from_db()
    assert m.state == State.IN_REVIEW and m.review_step == 0


def test_a_photo_added_to_a_draft_changes_nothing_else(world):
    m = f.draft(world)
    version = m.version
    add_photo(world, m)
    m.refresh_from_db()
    assert m.state == State.DRAFT and m.version == version and not m.review_requests.exists()


def test_an_approval_opened_before_the_photo_was_added_is_refused_as_stale(world):
    m = f.in_review(world)
    seen = m.version
    add_photo(world, m)
    with pytest.raises(StaleError):
        reviewing.manuscript_approve(member=world.leader, manuscript=m, version=seen)
