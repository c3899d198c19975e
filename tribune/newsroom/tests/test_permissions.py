"""The permission matrix of the newsroom pages: every role × every URL and action.

A cell is the status the member gets: 200 for a page they may open, 303 for an action they may
take, 403 for a manuscript they see but may not act on, 404 for another congress's manuscript
(or for the auditor, who sees no editorial data at all). Adding a URL without rows here fails
`test_every_newsroom_url_is_in_the_matrix`.
"""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from tribune.newsroom.services import writing
from tribune.newsroom.services.topics import topic_create
from tribune.newsroom.tests import factories as f
from tribune.org.testing import PASSWORD

ROLES = ["writer", "office_head", "leader", "leader2", "director", "coordinator", "auditor", "admin", "outsider"]
READERS = {"writer", "office_head", "leader", "leader2", "director", "coordinator", "admin"}
WRITERS = {"writer", "office_head", "coordinator", "outsider"}  # may write in their own congress
AUTHOR_OR_COORDINATOR = {"writer", "coordinator"}
EDITORIAL = READERS - {"admin"}
TOPIC_LEADS = {"office_head", "leader", "leader2", "director", "coordinator"}


def today():
    return timezone.localdate().isoformat()


def with_attachment(world):
    m = f.draft(world)
    a = writing.attachment_add(member=world.writer, manuscript=m, caption="图",
                               uploaded=SimpleUploadedFile("a.png", f.PNG))
    return {"m": m, "a": a}


SETUPS = {
    "none": lambda world: {},
    "draft": lambda world: {"m": f.draft(world)},
    "attachment": with_attachment,
    "in_review": lambda world: {"m": f.in_review(world)},
    "approved": lambda world: {"m": f.approved(world)},
    "submitted": lambda world: dict(zip(("m", "subs"), f.submitted(world), strict=True)),
    "published": lambda world: dict(zip(("m", "subs", "pub"), f.published(world), strict=True)),
    "topic": lambda world: {"t": topic_create(member=world.coordinator, title="选题")},
}


@dataclass(frozen=True)
class Action:
    name: str  # url name
    method: str
    setup: str
    allowed: frozenset
    args: tuple = ("m",)
    data: object = None  # callable(objects) -> dict
    refused: int = 403  # for a role of the congress that may not
    foreign: int = 404  # for the outsider and the auditor


def args_of(action, objs):
    values = {"m": lambda: objs["m"].pk, "a": lambda: objs["a"].pk, "sub": lambda: objs["subs"][0].pk,
              "pub": lambda: objs["pub"].pk, "t": lambda: objs["t"].pk}
    return [values[a]() for a in action.args]


def publication(objs):
    return {"published_on": today(), "title": "见报", "placement": ""}


ACTIONS = [
    Action("list", "get", "none", frozenset(READERS | {"outsider"}), args=(), foreign=403),
    Action("create", "get", "none", frozenset(WRITERS), args=(), foreign=403),
    Action("create", "post", "none", frozenset(WRITERS), args=(), foreign=403, data=lambda o: {
        "title": "新稿", "body": "正文", "kind": "article"}),
    Action("import", "get", "none", frozenset(WRITERS), args=(), foreign=403),
    Action("manuscript", "get", "draft", frozenset(READERS)),
    Action("diff", "get", "draft", frozenset(READERS)),
    Action("export", "get", "draft", frozenset(READERS)),
    Action("attachment", "get", "attachment", frozenset(READERS), args=("m", "a")),
    Action("attachment_add", "post", "draft", frozenset(AUTHOR_OR_COORDINATOR), data=lambda o: {
        "file": SimpleUploadedFile("b.png", f.PNG), "caption": "图"}),
    Action("attachment_remove", "post", "attachment", frozenset(AUTHOR_OR_COORDINATOR), args=("m", "a")),
    Action("edit", "get", "draft", frozenset(AUTHOR_OR_COORDINATOR)),
    Action("edit", "post", "draft", frozenset(AUTHOR_OR_COORDINATOR), data=lambda o: {
        "version": o["m"].version, "title": "改", "body": "改过", "kind": "article"}),
    Action("submit_for_review", "post", "draft", frozenset(AUTHOR_OR_COORDINATOR),
           data=lambda o: {"version": o["m"].version}),
    Action("review", "get", "in_review", frozenset({"leader"})),
    Action("review", "post", "in_review", frozenset({"leader"}),
           data=lambda o: {"version": o["m"].version, "decision": "approve"}),
    Action("submit_to_outlets", "get", "approved", frozenset({"coordinator"})),
    Action("submit_to_outlets", "post", "approved", frozenset({"coordinator"}), data=lambda o: {
        "version": o["m"].version, "outlets": [x.pk for x in f.outlets(o["world"])], "channel": "email"}),
    Action("publication", "get", "submitted", frozenset({"coordinator"}), args=("m", "sub")),
    Action("publication", "post", "submitted", frozenset({"coordinator"}), args=("m", "sub"), data=publication),
    Action("correct", "post", "published", frozenset({"coordinator"}), args=("m", "pub"), data=lambda o: {
        **publication(o), "version": o["pub"].version, "reason": "更正"}),
    Action("withdraw", "post", "published", frozenset({"coordinator"}), args=("m", "pub"), data=lambda o: {
        "version": o["pub"].version, "reason": "撤稿"}),
    Action("metrics", "post", "published", frozenset({"coordinator"}), args=("m", "pub"),
           data=lambda o: {"reads": 100}),
    Action("reprint", "post", "published", frozenset({"coordinator"}), args=("m", "pub"), data=lambda o: {
        "outlet_name": "长城网", "level": "provincial", "reprinted_on": today()}),
    Action("instruction", "post", "draft", frozenset({"coordinator", "director"}), data=lambda o: {
        "leader_name": "市领导", "level": "city", "given_on": today()}),
    # The topic pool: editorial staff read it (the outsider, their own congress's); the leads propose
    # and schedule.
    Action("topics", "get", "none", frozenset(EDITORIAL | {"outsider"}), args=(), foreign=403),
    Action("topics", "post", "none", frozenset(TOPIC_LEADS | {"outsider"}), args=(), foreign=403,
           data=lambda o: {"title": "新选题"}),
    Action("topic", "get", "topic", frozenset(EDITORIAL), args=("t",)),
    Action("topic", "post", "topic", frozenset(TOPIC_LEADS), args=("t",), data=lambda o: {"due_date": today()}),
]


def expected(action, role) -> int:
    if role in action.allowed:
        return 200 if action.method == "get" else 303
    if role in ("outsider", "auditor"):
        return action.foreign
    return action.refused


CELLS = [pytest.param(action, role, id=f"{action.method}-{action.name}-{role}") for action in ACTIONS for role in ROLES]


@pytest.mark.parametrize(("action", "role"), CELLS)
def test_permission_matrix(client, world, action, role):
    objs = SETUPS[action.setup](world) | {"world": world}
    client.login(username=f"t-{role.replace('_', '-').replace('office-head', 'head')}", password=PASSWORD)
    url = reverse(f"newsroom:{action.name}", args=args_of(action, objs))
    data = action.data(objs) if action.data else {}
    response = client.get(url) if action.method == "get" else client.post(url, data)
    assert response.status_code == expected(action, role), response.content.decode()[:500]


def test_every_newsroom_url_is_in_the_matrix():
    newsroom = get_resolver().namespace_dict["newsroom"][1]
    url_names = {p.name for p in newsroom.url_patterns}
    assert url_names == {a.name for a in ACTIONS}


def test_the_city_coordinator_neither_sees_nor_acts_on_a_district_manuscript(client, world):
    m = f.approved(world)
    client.login(username="t-city-coord", password=PASSWORD)
    assert client.get(reverse("newsroom:manuscript", args=[m.pk])).status_code == 404
    response = client.post(reverse("newsroom:submit_to_outlets", args=[m.pk]),
                           {"version": m.version, "outlets": [f.outlets(world)[0].pk], "channel": "email"})
    assert response.status_code == 404
