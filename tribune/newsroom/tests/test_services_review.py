"""Review along chains of other shapes: four steps in order, the chain fixed at submission, who
may change it and who may submit, and the author told of a return after commit."""

import pytest
from django.core.exceptions import PermissionDenied

from tribune.newsroom.models import Manuscript
from tribune.newsroom.services import reviewing, writing
from tribune.newsroom.states import State
from tribune.newsroom.tests.factories import draft, submit
from tribune.org.errors import ServiceError
from tribune.org.models import Notification
from tribune.org.services import congress_set_chain


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
