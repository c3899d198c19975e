"""Stories: the stage derived from facts, typical cases, and how far they travelled."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tribune.deputies import selectors, services
from tribune.deputies.models import DeputyStory
from tribune.deputies.stages import Stage
from tribune.deputies.tests.helpers import approved_manuscript, deputy, outlet, publish, story
from tribune.newsroom.models import Reprint
from tribune.newsroom.services import publishing, writing
from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry
from tribune.outlets.models import OutletLevel


def stage_of(st):
    """Both derivations: the pure function over counted facts, and the SQL annotation of lists."""
    single = selectors.story_stage(st)
    listed = selectors.stories_with_stage().get(pk=st.pk).stage_code
    assert single == listed
    return single


def test_a_new_story_is_a_lead(world):
    st = story(world, [deputy(world)])
    assert stage_of(st) == Stage.LEAD
    assert AuditEntry.objects.filter(action="story.create", object_id=str(st.pk)).exists()


def test_the_stage_follows_the_facts_interview_manuscript_publication(world):
    st = story(world, [deputy(world)])
    services.story_record_interview(member=world.writer, story=st, held_on=timezone.localdate())
    assert stage_of(st) == Stage.INTERVIEWED
    manuscript = approved_manuscript(world)
    services.story_link_manuscript(member=world.writer, story=st, manuscript=manuscript)
    assert stage_of(st) == Stage.DRAFTED
    publication = publish(world, st, manuscript)
    assert stage_of(st) == Stage.PUBLISHED
    publishing.publication_withdraw(member=world.coordinator, publication=publication, version=publication.version,
                                    reason="事实有误")
    assert stage_of(st) == Stage.DRAFTED


def test_a_manuscript_linked_straight_from_a_lead_makes_it_drafted(world):
    st = story(world, [deputy(world)])
    m = writing.manuscript_create(member=world.writer, title="草稿")
    services.story_link_manuscript(member=world.writer, story=st, manuscript=m)
    assert stage_of(st) == Stage.DRAFTED
    services.story_unlink_manuscript(member=world.writer, story=st, manuscript=m)
    assert stage_of(st) == Stage.LEAD


def test_a_story_needs_deputies_of_its_congress_and_no_future_date(world):
    d = deputy(world)
    with pytest.raises(ServiceError):
        story(world, [])
    with pytest.raises(ServiceError):
        story(world, [d], happened_on=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(ServiceError):
        services.story_create(member=world.outsider, kind="reception", title="x", summary="y",
                              happened_on=timezone.localdate(), deputies=[d])
    assert DeputyStory.objects.count() == 0


def test_another_writer_cannot_edit_a_story_but_the_coordinator_can(world):
    st = story(world, [deputy(world)])
    with pytest.raises(PermissionDenied):
        services.story_record_interview(member=world.writer2, story=st, held_on=timezone.localdate())
    services.story_record_interview(member=world.coordinator, story=st, held_on=timezone.localdate())


def test_linking_the_same_manuscript_twice_is_refused(world):
    st = story(world, [deputy(world)])
    m = writing.manuscript_create(member=world.writer, title="稿")
    services.story_link_manuscript(member=world.writer, story=st, manuscript=m)
    with pytest.raises(ServiceError):
        services.story_link_manuscript(member=world.writer, story=st, manuscript=m)


@pytest.mark.parametrize("role, allowed", [
    ("coordinator", True), ("director", True), ("leader", False), ("office_head", False), ("writer", False),
    ("outsider", False),
])
def test_only_the_coordinator_or_the_director_marks_a_typical_case(world, role, allowed):
    st = story(world, [deputy(world)])
    member = getattr(world, role)
    if allowed:
        services.story_mark_typical(member=member, story=st, reason="医药代表履职的典型")
        entry = AuditEntry.objects.get(action="story.mark_typical")
        assert entry.detail == {"reason": "医药代表履职的典型"}
    else:
        with pytest.raises(PermissionDenied):
            services.story_mark_typical(member=member, story=st, reason="x")


def test_a_typical_case_needs_a_reason_and_is_marked_once(world):
    st = story(world, [deputy(world)])
    with pytest.raises(ServiceError):
        services.story_mark_typical(member=world.coordinator, story=st, reason=" ")
    services.story_mark_typical(member=world.coordinator, story=st, reason="典型")
    with pytest.raises(ServiceError):
        services.story_mark_typical(member=world.director, story=st, reason="典型")
    services.story_unmark_typical(member=world.director, story=st, reason="不再典型")
    assert AuditEntry.objects.filter(action="story.unmark_typical").exists()


def test_a_case_travels_a_provincial_publication_and_reprints_are_counted_by_level(world):
    st = story(world, [deputy(world)])
    services.story_mark_typical(member=world.coordinator, story=st, reason="典型")
    m = approved_manuscript(world)
    services.story_link_manuscript(member=world.writer, story=st, manuscript=m)
    provincial = publish(world, st, m, OutletLevel.PROVINCIAL)
    publish(world, st, m, OutletLevel.COUNTY)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    services.story_record_reprint(member=world.coordinator, story=st, publication=provincial,
                                  outlet_name="石家庄人大微信公众号", level="city", reprinted_on=yesterday,
                                  address="mp/sjzrd/1")
    services.story_record_reprint(member=world.coordinator, story=st, publication=provincial,
                                  outlet_name="藁城发布", level="county", reprinted_on=yesterday, address="gc/2")
    with pytest.raises(ServiceError):  # the same address twice
        services.story_record_reprint(member=world.coordinator, story=st, publication=provincial,
                                      outlet_name="藁城发布", level="county", reprinted_on=yesterday, address="gc/2")
    travel = selectors.case_travels([st.pk])[st.pk]
    assert (travel["reach"].provincial_publications, travel["reach"].local_reprints) == (1, 2)
    assert [r["outlet_name"] for r in travel["reprints"]] == ["石家庄人大微信公众号", "藁城发布"]


def test_only_the_coordinator_records_publications_of_a_story(world):
    st = story(world, [deputy(world)])
    m = approved_manuscript(world)
    services.story_link_manuscript(member=world.writer, story=st, manuscript=m)
    with pytest.raises(PermissionDenied):
        services.story_record_publication(member=world.writer, story=st, manuscript=m, outlet=outlet(world),
                                          published_on=timezone.localdate(), title="t")


def test_a_publication_of_a_manuscript_not_linked_to_the_story_is_refused(world):
    st = story(world, [deputy(world)])
    m = approved_manuscript(world)
    with pytest.raises(ServiceError):
        publish(world, st, m)
    assert not Reprint.objects.exists()
