import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tribune.org.errors import ServiceError
from tribune.outlets.models import MediaContact, Outlet
from tribune.planning.models import ActivityKind, Material
from tribune.planning.services import activity_liaison, topic_proposals

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def activity(world, start=None):
    start = start or timezone.localdate() - dt.timedelta(days=1)
    return activity_liaison.activity_create(member=world.coordinator, kind=ActivityKind.INSPECTION,
                                            title="高标准农田建设视察",
                                            start_date=start, places="梅花镇", offices=[world.office],
                                            leaders=[world.leader])


def contact(world, name="王记者"):
    outlet = Outlet.objects.filter(congress=world.congress).first()
    return MediaContact.objects.create(congress=world.congress, outlet=outlet, name=name)


def test_an_activity_has_offices_leaders_and_a_plan(world):
    a = activity(world)
    assert list(a.offices.all()) == [world.office]
    assert list(a.leaders.all()) == [world.leader]
    assert a.plan.tasks.count() == 0


def test_journalists_are_invited_once_and_their_attendance_recorded(world):
    a = activity(world)
    c = contact(world)
    invitation = activity_liaison.invitation_add(member=world.coordinator, activity=a, contact=c)
    with pytest.raises(ServiceError):
        activity_liaison.invitation_add(member=world.coordinator, activity=a, contact=c)
    activity_liaison.invitation_record_attendance(member=world.coordinator, invitation=invitation, came=True)
    invitation.refresh_from_db()
    assert invitation.came is True


def test_attendance_cannot_be_recorded_before_the_activity(world):
    a = activity(world, start=timezone.localdate() + dt.timedelta(days=3))
    invitation = activity_liaison.invitation_add(member=world.coordinator, activity=a, contact=contact(world))
    with pytest.raises(ServiceError):
        activity_liaison.invitation_record_attendance(member=world.coordinator, invitation=invitation, came=False)


def test_only_the_coordinator_invites(world):
    a = activity(world)
    with pytest.raises(PermissionDenied):
        activity_liaison.invitation_add(member=world.writer, activity=a, contact=contact(world))


def test_a_contact_of_another_congress_cannot_be_invited(world):
    a = activity(world)
    foreign = MediaContact.objects.create(congress=world.other_congress, name="外区记者")
    with pytest.raises(ServiceError):
        activity_liaison.invitation_add(member=world.coordinator, activity=a, contact=foreign)


def test_the_material_library_takes_checked_images_with_captions(world):
    a = activity(world)
    with pytest.raises(ServiceError):
        activity_liaison.material_add(member=world.writer, activity=a, uploaded=SimpleUploadedFile("a.png", PNG))
    m = activity_liaison.material_add(member=world.writer, activity=a, uploaded=SimpleUploadedFile("a.png", PNG),
                                      caption="视察现场")
    assert m.kind == "image" and m.content_type == "image/png"


def test_a_disguised_file_is_refused_and_leaves_nothing(world):
    a = activity(world)
    with pytest.raises(ServiceError):
        activity_liaison.material_add(member=world.writer, activity=a,
                                      uploaded=SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not an image"), caption="x")
    assert not Material.objects.exists()


def test_an_auditor_cannot_add_materials(world):
    a = activity(world)
    with pytest.raises(PermissionDenied):
        activity_liaison.material_add(member=world.auditor, activity=a, uploaded=SimpleUploadedFile("a.png", PNG),
                                      caption="x")


def test_a_topic_proposed_for_an_activity_is_tied_to_it(world):
    a = activity(world)
    topic = topic_proposals.topic_propose(member=world.coordinator, title="农田视察侧记", activity=a,
                                          office=world.office)
    assert list(a.topics.all()) == [topic]
    assert topic.proposed_by == world.coordinator
