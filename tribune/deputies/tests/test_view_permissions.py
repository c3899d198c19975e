"""The permission matrix: every role × every deputies page or action. Another congress's object
is a 404; a visible page the role may not use is a 403."""

import pytest
from django.urls import get_resolver, reverse
from django.utils import timezone

from tribune.deputies import services
from tribune.deputies.tests.helpers import approved_manuscript, deputy, outlet, story
from tribune.newsroom.services import publishing, writing
from tribune.planning.services import activity_liaison

ROLES = ["writer", "writer2", "office_head", "leader", "director", "coordinator", "auditor", "admin", "outsider",
         "city_coordinator"]
EDITORIAL = {"writer", "writer2", "office_head", "leader", "director", "coordinator"}
KEEPERS = {"director", "coordinator"}
STORY_EDITORS = {"writer", "director", "coordinator"}  # the story is the writer's


def allowed(roles, ok=200, refused=403, outsider=None, city=None):
    """Expected status per role. `outsider` is the status for the member of another congress;
    `city` for the coordinator of the parent city congress, who sees nothing of a district's
    deputies and stories (by default: as a coordinator on their own congress)."""
    def expected(role):
        if role == "outsider" and outsider is not None:
            return outsider
        if role == "city_coordinator":
            return city if city is not None else (ok if "coordinator" in roles else refused)
        return ok if role in roles else refused
    return expected


# (url name, method, object: none|deputy|story, expected(role), POST data(objects))
ACTIONS = [
    ("home", "get", None, allowed(EDITORIAL, outsider=200), None),
    ("list", "get", None, allowed(EDITORIAL, outsider=200), None),
    ("create", "get", None, allowed(KEEPERS, outsider=200), None),
    ("import", "get", None, allowed(KEEPERS, outsider=200), None),
    ("import_confirm", "post", None, allowed(KEEPERS, ok=303, outsider=303), lambda o: {"payload": "bad"}),
    ("import_template", "get", None, allowed(KEEPERS, outsider=200), None),
    ("export", "get", None, allowed({"director", "leader", "coordinator", "office_head"}, outsider=200), None),
    ("deputy", "get", "deputy", allowed(EDITORIAL, outsider=404, city=404), None),
    ("deputy_edit", "get", "deputy", allowed(KEEPERS, outsider=404, city=404), None),
    ("reveal", "post", "deputy", allowed(KEEPERS, outsider=404, city=404), lambda o: {}),
    ("stories", "get", None, allowed(EDITORIAL, outsider=200), None),
    ("story_create", "get", None, allowed(EDITORIAL, outsider=200), None),
    ("story", "get", "story", allowed(EDITORIAL, outsider=404, city=404), None),
    ("story_edit", "get", "story", allowed(STORY_EDITORS, outsider=404, city=404), None),
    ("story_link", "post", "story", allowed(STORY_EDITORS, ok=303, outsider=404, city=404),
     lambda o: {"manuscript": o["spare"].pk}),
    ("story_unlink", "post", "story", allowed(STORY_EDITORS, ok=303, outsider=404, city=404),
     lambda o: {"manuscript": o["manuscript"].pk}),
    ("story_interview", "post", "story", allowed(STORY_EDITORS, ok=303, outsider=404, city=404),
     lambda o: {"held_on": timezone.localdate().isoformat(), "note": "采访"}),
    ("story_typical", "post", "story", allowed(KEEPERS, ok=303, outsider=404, city=404), lambda o: {"reason": "典型"}),
    ("story_untypical", "post", "story", allowed(KEEPERS, ok=303, outsider=404, city=404),
     lambda o: {"reason": "不再典型"}),
    ("story_publication", "post", "story", allowed({"coordinator"}, ok=303, outsider=404, city=404),
     lambda o: {"manuscript": o["manuscript"].pk, "outlet": outlet(o["world"], "city").pk,
                "published_on": timezone.localdate().isoformat(), "title": "刊发标题", "address": "a/2"}),
    ("story_reprint", "post", "story", allowed({"coordinator"}, ok=303, outsider=404, city=404),
     lambda o: {"publication": o["publication"].pk, "outlet_name": "藁城发布", "level": "county",
                "reprinted_on": timezone.localdate().isoformat(), "address": "r/1"}),
    ("coverage", "get", None, allowed(EDITORIAL, outsider=200), None),
    ("typical", "get", None, allowed(EDITORIAL, outsider=200), None),
    ("typical_export", "get", None, allowed(EDITORIAL, outsider=200), None),
]


def objects(world):
    d = deputy(world)
    st = story(world, [d])
    m = approved_manuscript(world)
    services.story_link_manuscript(member=world.writer, story=st, manuscript=m)
    submission, = publishing.manuscript_submit_to_outlets(member=world.coordinator, manuscript=m, version=m.version,
                                                          outlets=[outlet(world)])
    publication = publishing.publication_record(member=world.coordinator, submission=submission,
                                                published_on=timezone.localdate(), title=m.title)
    services.story_mark_typical(member=world.coordinator, story=st, reason="典型")  # to unmark
    spare = writing.manuscript_create(member=world.writer, title="另一篇稿件")
    return {"world": world, "deputy": d, "story": st, "manuscript": m, "publication": publication, "spare": spare}


CELLS = [(name, role) for name, *_rest in ACTIONS for role in ROLES]


@pytest.mark.parametrize("name, role", CELLS)
def test_permission_matrix(client, world, name, role):
    action = next(a for a in ACTIONS if a[0] == name)
    _name, method, target, expected, data = action
    objs = objects(world)
    if name == "story_typical":
        services.story_unmark_typical(member=world.coordinator, story=objs["story"], reason="重新标记")
    args = [objs[target].pk] if target else []
    client.force_login(getattr(world, role).user)
    url = reverse(f"deputies:{name}", args=args)
    response = client.post(url, data(objs)) if method == "post" else client.get(url)
    assert response.status_code == expected(role), (name, role, getattr(response, "content", b"")[:300])


# The stories of one planning activity (the story list with ?activity=): editorial staff of its
# congress; the member of another congress, and the parent city's coordinator, do not find it.
ACTIVITY_STORIES = allowed(EDITORIAL, outsider=404, city=404)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_of_the_stories_of_an_activity(client, world, role):
    activity = activity_liaison.activity_create(member=world.coordinator, kind="inspection", title="视察",
                                                start_date=timezone.localdate())
    client.force_login(getattr(world, role).user)
    response = client.get(reverse("deputies:stories") + f"?activity={activity.pk}")
    assert response.status_code == ACTIVITY_STORIES(role), role


def test_every_deputies_url_is_in_the_matrix():
    names = {p.name for p in get_resolver("tribune.deputies.urls").url_patterns}
    assert names == {a[0] for a in ACTIONS}


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("deputies:home"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_get_on_a_post_only_action_is_refused_not_an_error(client, world):
    client.force_login(world.coordinator.user)
    st = story(world, [deputy(world)])
    assert client.get(reverse("deputies:story_typical", args=[st.pk])).status_code == 405
