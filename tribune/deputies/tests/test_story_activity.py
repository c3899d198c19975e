"""A story comes from an activity of the planning calendar: linked in the service and the form,
only the congress's own activities, shown on the story page, and the stories of one activity."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from tribune.deputies import services
from tribune.deputies.models import DeputyStory
from tribune.deputies.tests.helpers import deputy, story
from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry
from tribune.planning.models import ActivityKind
from tribune.planning.services import activity_liaison

pytestmark = pytest.mark.django_db


def activity(member, title="高标准农田建设视察", days_ago=10, kind=ActivityKind.INSPECTION):
    start = timezone.localdate() - dt.timedelta(days=days_ago)
    return activity_liaison.activity_create(member=member, kind=kind, title=title, start_date=start, end_date=start)


def form_data(d, **extra):
    return {"kind": "inspection", "title": "代表参加视察", "happened_on": timezone.localdate().isoformat(),
            "summary": "代表参加视察并提出建议。", "deputies": [d.pk], **extra}


def test_a_story_records_the_activity_it_came_from_and_the_audit_names_it(world):
    a = activity(world.coordinator)
    st = services.story_create(member=world.writer, kind="inspection", title="视察", happened_on=a.start_date,
                               summary="s", deputies=[deputy(world)], activity=a)
    assert st.activity == a and list(a.deputy_stories.all()) == [st]
    entry = AuditEntry.objects.get(action="story.create", object_id=str(st.pk))
    assert entry.detail["activity"] == a.pk


def test_the_activity_of_another_congress_is_refused_and_nothing_is_saved(world):
    foreign = activity(world.outsider, title="外区视察")
    with pytest.raises(ServiceError) as caught:
        services.story_create(member=world.writer, kind="inspection", title="视察", happened_on=foreign.start_date,
                              summary="s", deputies=[deputy(world)], activity=foreign)
    assert caught.value.field == "activity" and not DeputyStory.objects.exists()


def test_an_update_can_change_and_clear_the_activity(world):
    a, b = activity(world.coordinator), activity(world.coordinator, title="代表活动", kind=ActivityKind.DEPUTIES)
    d = deputy(world)
    st = story(world, [d])
    kwargs = {"member": world.writer, "story": st, "kind": st.kind, "title": st.title,
              "happened_on": st.happened_on, "summary": st.summary, "deputies": [d]}
    services.story_update(version=st.version, activity=a, **kwargs)
    services.story_update(version=st.version, activity=b, **kwargs)
    assert DeputyStory.objects.get().activity == b
    services.story_update(version=st.version, activity=None, activity_note="乡镇自行组织的活动", **kwargs)
    st.refresh_from_db()
    assert (st.activity, st.activity_note) == (None, "乡镇自行组织的活动")


def test_an_activity_a_story_tells_of_cannot_be_deleted_in_planning(world):
    told = activity(world.coordinator)
    DeputyStory.objects.create(congress=world.congress, kind="inspection", title="代表视察农田",
                               happened_on=timezone.localdate(), summary="视察", activity=told,
                               created_by=world.writer)
    with pytest.raises(ServiceError, match="有代表故事关联"):
        activity_liaison.activity_delete(member=world.coordinator, activity=told)
    assert DeputyStory.objects.get().activity == told


def test_deleting_the_activity_keeps_the_story(world):
    a = activity(world.coordinator)
    st = services.story_create(member=world.writer, kind="inspection", title="视察", happened_on=a.start_date,
                               summary="s", deputies=[deputy(world)], activity=a)
    a.delete()
    st.refresh_from_db()
    assert st.activity is None


def test_the_form_offers_the_congress_activities_recent_first_and_not_another_congress(client, world):
    older, recent = activity(world.coordinator, "较早的视察", 30), activity(world.coordinator, "最近的视察", 2)
    foreign = activity(world.outsider, "外区的视察", 1)
    client.force_login(world.writer.user)
    html = client.get(reverse("deputies:story_create")).content.decode()
    assert html.index("最近的视察") < html.index("较早的视察")
    assert "外区的视察" not in html and f'value="{foreign.pk}"' not in html
    assert f'value="{older.pk}"' in html and f'value="{recent.pk}"' in html


def test_posting_another_congress_activity_is_a_form_error_and_saves_nothing(client, world):
    foreign = activity(world.outsider, "外区的视察")
    d = deputy(world)
    client.force_login(world.writer.user)
    response = client.post(reverse("deputies:story_create"), form_data(d, activity=foreign.pk))
    assert response.status_code == 200 and not DeputyStory.objects.exists()
    assert "activity" in response.context["form"].errors


def test_a_story_recorded_on_the_page_links_the_activity_and_shows_it(client, world):
    a = activity(world.coordinator)
    d = deputy(world)
    client.force_login(world.writer.user)
    response = client.post(reverse("deputies:story_create"), form_data(d, activity=a.pk))
    assert response.status_code == 303
    st = DeputyStory.objects.get()
    assert st.activity == a
    html = client.get(reverse("deputies:story", args=[st.pk])).content.decode()
    assert reverse("planning:activity", args=[a.pk]) in html and "高标准农田建设视察" in html
    assert f"{reverse('deputies:stories')}?activity={a.pk}" in html
    edit = client.get(reverse("deputies:story_edit", args=[st.pk])).content.decode()
    assert f'<option value="{a.pk}" selected>' in edit


def test_the_story_form_opened_from_an_activity_has_it_chosen(client, world):
    a = activity(world.coordinator)
    client.force_login(world.writer.user)
    html = client.get(reverse("deputies:story_create") + f"?activity={a.pk}").content.decode()
    assert f'<option value="{a.pk}" selected>' in html


def test_the_stories_of_an_activity_are_listed_with_bounded_queries(client, world, django_assert_max_num_queries):
    a = activity(world.coordinator)
    d = deputy(world)
    for i in range(12):
        services.story_create(member=world.writer, kind="inspection", title=f"来自视察{i}", happened_on=a.start_date,
                              summary="s", deputies=[d], activity=a)
    story(world, [d], title="别的故事")
    client.force_login(world.coordinator.user)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("deputies:stories") + f"?activity={a.pk}")
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    assert "来自视察11" in html and "别的故事" not in html
    assert reverse("planning:activity", args=[a.pk]) in html


@pytest.mark.parametrize("value", ["abc", "-1", "999999"])
def test_a_bad_activity_in_the_list_is_a_404(client, world, value):
    client.force_login(world.coordinator.user)
    assert client.get(reverse("deputies:stories") + f"?activity={value}").status_code == 404


def test_the_stories_of_another_congress_activity_are_a_404(client, world):
    foreign = activity(world.outsider, "外区的视察")
    client.force_login(world.coordinator.user)
    assert client.get(reverse("deputies:stories") + f"?activity={foreign.pk}").status_code == 404


def test_the_migration_links_a_noted_activity_by_its_title_and_keeps_other_notes(world):
    migration = importlib.import_module("tribune.deputies.migrations.0002_story_activity")
    a = activity(world.coordinator)
    activity(world.outsider, title="外区视察")
    d = deputy(world)
    notes = {"exact": "高标准农田建设视察", "longer": "高标准农田建设视察（梅花镇）", "foreign": "外区视察",
             "unknown": "乡镇自行组织的活动"}
    stories = {}
    for key, note in notes.items():
        stories[key] = story(world, [d], title=key)
        DeputyStory.objects.filter(pk=stories[key].pk).update(activity_note=note)
    migration.link_noted_activities(apps, None)
    got = {s.title: (s.activity_id, s.activity_note) for s in DeputyStory.objects.all()}
    assert got == {"exact": (a.pk, ""), "longer": (a.pk, "高标准农田建设视察（梅花镇）"),
                   "foreign": (None, "外区视察"), "unknown": (None, "乡镇自行组织的活动")}
