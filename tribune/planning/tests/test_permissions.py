"""The permission matrix of planning: (role, action) -> allowed, refused (403) or hidden (404),
one test per cell. A new url name without rows here fails `test_every_url_is_in_the_matrix`."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from tribune.org.testing import PASSWORD
from tribune.outlets.models import MediaContact, Outlet
from tribune.planning.models import ActivityKind, MeetingKind, TaskType
from tribune.planning.services import activity_liaison, plans, regular_meetings, topic_proposals
from tribune.planning.tests.helpers import meeting
from tribune.planning.tests.test_services_activities import PNG

ROLES = ["writer", "writer2", "office_head", "leader", "director", "coordinator", "auditor", "admin", "outsider"]
STAFF = {"writer", "writer2", "office_head", "leader", "director", "coordinator"}
MANAGERS = {"director", "coordinator"}
WRITERS_WITH_OFFICE = {"writer", "writer2", "office_head", "coordinator"}


@pytest.fixture
def things(world):
    today = timezone.localdate()
    m = meeting(world, start=today - dt.timedelta(days=1))
    task = m.plan.tasks.get(task_type=TaskType.INTERPRETATION)
    plans.task_update(member=world.coordinator, task=task, version=task.version, title=task.title,
                      phase=task.phase, due_date=task.due_date, assignee=world.writer)
    task.refresh_from_db()
    point = plans.key_point_add(member=world.writer, meeting=m, text="要点")
    activity = activity_liaison.activity_create(member=world.coordinator, kind=ActivityKind.INSPECTION, title="视察",
                                                start_date=today - dt.timedelta(days=1))
    contact = MediaContact.objects.create(congress=world.congress, name="记者",
                                          outlet=Outlet.objects.filter(congress=world.congress).first())
    invitation = activity_liaison.invitation_add(member=world.coordinator, activity=activity, contact=contact)
    material = activity_liaison.material_add(member=world.writer, activity=activity,
                                             uploaded=SimpleUploadedFile("a.png", PNG), caption="现场")
    regular = regular_meetings.regular_meeting_record(member=world.director, date=today - dt.timedelta(days=3))
    item = regular_meetings.action_item_add(member=world.director, meeting=regular, text="事项", owner=world.writer,
                                            due_date=today)
    template = plans.template_items(world.congress, MeetingKind.STANDING)[0]
    topic = topic_proposals.topic_propose(member=world.coordinator, title="选题")
    return {"meeting": m, "task": task, "point": point, "activity": activity, "contact": contact,
            "invitation": invitation, "material": material, "regular": regular, "item": item,
            "template": template, "topic": topic, "today": today}


def _task_post(t, action):
    task = t["task"]
    return {"action": action, "title": task.title, "phase": task.phase, "due_date": task.due_date.isoformat(),
            "assignee": task.assignee_id or "", "version": task.version}


# (url name, method, args from things, data from things, who may, bound to an object of the congress)
MATRIX = [
    ("calendar", "get", None, None, STAFF, False),
    ("topic_propose", "get", None, None, STAFF - {"writer", "writer2"}, False),
    ("topic_propose", "post", None, lambda t: {"title": "新选题"}, STAFF - {"writer", "writer2"}, False),
    ("meetings", "get", None, None, STAFF, False),
    ("meeting_create", "post", None, lambda t: {"kind": "standing", "title": "会议",
                                                "start_date": t["today"].isoformat()}, MANAGERS, False),
    ("meeting", "get", "meeting", None, STAFF, True),
    ("meeting_edit", "post", "meeting", lambda t: {"title": "改名", "start_date": t["today"].isoformat(),
                                                   "end_date": t["today"].isoformat()}, MANAGERS, True),
    ("task_add", "post", "meeting", lambda t: {"title": "补充任务", "phase": "after", "task_type": "other",
                                               "due_date": t["today"].isoformat()}, MANAGERS, True),
    ("task", "get", "task", None, STAFF, True),
    ("task", "post", "task", lambda t: _task_post(t, "edit"), MANAGERS, True),
    ("task", "post", "task", lambda t: {"action": "link", "manuscript": ""}, MANAGERS | {"writer"}, True),
    ("key_points", "get", "meeting", None, STAFF, True),
    ("key_point_add", "post", "meeting", lambda t: {"text": "新要点"}, STAFF, True),
    ("key_point_hot", "post", "point", lambda t: {"hot": "1"}, STAFF, True),
    ("key_points_draft", "post", "meeting", lambda t: {"points": [t["point"].pk]}, WRITERS_WITH_OFFICE, True),
    ("templates", "get", None, None, STAFF, False),
    ("templates", "post", None, lambda t: {"kind": "standing", "title": "新行", "phase": "after",
                                           "task_type": "summary", "offset_days": "2"}, MANAGERS, False),
    ("template_item", "get", "template", None, MANAGERS, True),
    ("template_item", "post", "template", lambda t: {"action": "delete"}, MANAGERS, True),
    ("activities", "get", None, None, STAFF, False),
    ("activity_create", "post", None, lambda t: {"kind": "inspection", "title": "调研",
                                                 "start_date": t["today"].isoformat()}, MANAGERS, False),
    ("activity", "get", "activity", None, STAFF, True),
    ("activity_edit", "post", "activity", lambda t: {"kind": "supervision", "title": "改名",
                                                     "start_date": t["today"].isoformat()}, MANAGERS, True),
    ("activity_task_add", "post", "activity", lambda t: {"title": "图片", "phase": "during", "task_type": "photo",
                                                         "due_date": t["today"].isoformat()}, MANAGERS, True),
    ("invitation_add", "post", "activity", lambda t: {"contact": t["contact"].pk}, {"coordinator"}, True),
    ("invitation_attendance", "post", "invitation", lambda t: {"came": "yes"}, {"coordinator"}, True),
    ("material_add", "post", "activity", lambda t: {"file": SimpleUploadedFile("b.png", PNG), "caption": "图"},
     WRITERS_WITH_OFFICE | MANAGERS, True),
    ("material", "get", "material", None, STAFF, True),
    ("liaison", "get", None, None, STAFF, False),
    ("contact", "get", "contact", None, STAFF, True),
    ("regular", "get", None, None, STAFF, False),
    ("regular", "post", None, lambda t: {"date": (t["today"] - dt.timedelta(days=1)).isoformat()}, MANAGERS, False),
    ("regular_meeting", "get", "regular", None, STAFF, True),
    ("action_item_add", "post", "regular", lambda t: {"text": "新事项", "owner": t["item"].owner_id,
                                                      "due_date": t["today"].isoformat()}, MANAGERS, True),
    ("action_item_done", "post", "item", lambda t: {"done": "1"}, MANAGERS | {"writer"}, True),
    ("pack", "get", None, None, STAFF, False),
    ("pack_docx", "get", None, None, STAFF, False),
]

# The outsider is director, coordinator and writer of another congress: on pages of their own
# congress they act in their own right; objects of ours are hidden (404).
OUTSIDER_ROLES = STAFF


def expected(role, allowed, bound):
    if role == "outsider":
        return "hidden" if bound else "allowed"
    if bound and role == "auditor":
        return "hidden"  # an auditor sees no editorial data at all
    return "allowed" if role in allowed else "refused"


CELLS = [(role, name, method, obj, data, expected(role, allowed, bound))
         for name, method, obj, data, allowed, bound in MATRIX for role in ROLES]


@pytest.mark.parametrize("role,name,method,obj,data,outcome", CELLS,
                         ids=[f"{c[0]}-{c[2]}-{c[1]}" for c in CELLS])
def test_permission_matrix(world, things, client, role, name, method, obj, data, outcome):
    member = getattr(world, role)
    assert client.login(username=member.user.username, password=PASSWORD)
    url = reverse(f"planning:{name}", args=[things[obj].pk] if obj else [])
    response = client.get(url) if method == "get" else client.post(url, data(things) if data else {})
    if outcome == "allowed":
        assert response.status_code in (200, 204, 302, 303), response.status_code
    elif outcome == "refused":
        assert response.status_code == 403
    else:
        assert response.status_code == 404


def test_every_url_is_in_the_matrix():
    names = {p.name for p in get_resolver("tribune.planning.urls").url_patterns}
    assert names == {row[0] for row in MATRIX}


@pytest.mark.parametrize("name,obj", [("task_add", "meeting"), ("key_point_add", "meeting"),
                                      ("key_point_hot", "point"),
                                      ("invitation_attendance", "invitation"), ("action_item_done", "item")])
def test_a_get_to_an_action_is_not_allowed(world, things, client, name, obj):
    assert client.login(username="t-coordinator", password=PASSWORD)
    assert client.get(reverse(f"planning:{name}", args=[things[obj].pk] if obj else [])).status_code == 405


def test_anonymous_users_are_sent_to_login(world, client):
    response = client.get(reverse("planning:calendar"))
    assert response.status_code == 302 and "/login/" in response["Location"]
