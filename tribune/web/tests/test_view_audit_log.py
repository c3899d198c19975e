"""The audit log: the auditor reads it, nobody changes it, and it holds every kind of event."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tribune.org.audit import audit_record
from tribune.org.models import AuditEntry
from tribune.org.services import member_set_active
from tribune.org.testing import PASSWORD
from tribune.web.tests.site import build_site, fill_kwargs, routes


def login(client, member):
    client.force_login(member.user)
    return client


@pytest.mark.parametrize("who", ["writer", "leader", "director", "coordinator", "admin", "outsider"])
def test_only_the_auditor_reads_the_log(client, world, who):
    assert login(client, getattr(world, who)).get(reverse("audit_log")).status_code == 403


def test_the_auditor_sees_login_failed_login_logout_refusal_and_admin_change_with_ip(world):
    c = Client(REMOTE_ADDR="10.0.0.7")
    c.post(reverse("login"), {"username": "t-writer", "password": "wrong"})
    c.post(reverse("login"), {"username": "t-writer", "password": PASSWORD})
    c.get(reverse("audit_log"))  # a refusal
    c.post(reverse("logout"))
    member_set_active(member=world.admin, target=world.writer2, active=False)
    response = login(Client(), world.auditor).get(reverse("audit_log"))
    assert response.status_code == 200
    rows = {e.action: e for e in response.context["page"].object_list}
    for action in ("login_failed", "login", "permission_denied", "logout", "member.deactivate"):
        assert action in rows, action
    assert rows["login"].ip == "10.0.0.7" and rows["login"].username == "t-writer"
    assert rows["member.deactivate"].object_repr == "赵撰稿"
    html = response.content.decode()
    assert "10.0.0.7" in html and "member.deactivate" in html and "赵撰稿" in html


def test_the_log_filters_by_action_prefix_user_and_dates(client, world):
    audit_record(action="manuscript.approve", member=world.leader)
    audit_record(action="manuscript.return", member=world.director)
    # Entries are append-only (the database refuses an UPDATE): the old one is written old.
    AuditEntry.objects.create(action="outlet.update", username="t-coordinator", congress_id=world.congress.pk,
                              at=timezone.now() - dt.timedelta(days=40))
    c = login(client, world.auditor)

    def actions(**params):
        return [e.action for e in c.get(reverse("audit_log"), params).context["page"].object_list]

    assert set(actions(action="manuscript.")) == {"manuscript.approve", "manuscript.return"}
    assert actions(action="manuscript.", user="t-leader") == ["manuscript.approve"]
    today = timezone.localdate()
    assert "outlet.update" not in actions(since=(today - dt.timedelta(days=7)).isoformat())
    assert "outlet.update" in actions(until=(today - dt.timedelta(days=30)).isoformat())


@pytest.mark.parametrize("params", [{"since": "2026-13-45"}, {"until": "yesterday"}, {"page": "-1"},
                                    {"since": "2026-11-20", "until": "2026-11-01"}, {"action": "x" * 500}])
def test_bad_filters_are_answered_not_crashed(client, world, params):
    response = login(client, world.auditor).get(reverse("audit_log"), params)
    assert response.status_code == 200


def test_the_log_is_paginated_with_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    c = login(client, world.auditor)
    with django_assert_max_num_queries(8):
        c.get(reverse("audit_log"))
    for i in range(120):
        audit_record(action=f"test.{i}", member=world.admin)
    with django_assert_max_num_queries(8):
        response = c.get(reverse("audit_log"), {"page": 2})
    assert response.context["page"].number == 2 and len(response.context["page"].object_list) == 50


def test_the_auditor_does_not_see_another_congress_log(client, world):
    audit_record(action="secret.elsewhere", member=world.outsider)
    response = login(client, world.auditor).get(reverse("audit_log"), {"action": "secret."})
    assert list(response.context["page"].object_list) == []


# --- Append-only --------------------------------------------------------------------------------

def test_the_model_refuses_update_and_delete(world):
    entry = audit_record(action="test.entry", member=world.admin)
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    entry.action = "forged"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "test.entry"


def test_the_log_page_answers_no_change_method(client, world):
    c = login(client, world.auditor)
    for method in ("post", "put", "patch", "delete"):
        assert getattr(c, method)(reverse("audit_log")).status_code == 405


def _snapshot():
    return {e["id"]: e for e in AuditEntry.objects.values()}


@pytest.mark.parametrize("who", ["auditor", "admin"])
def test_no_url_of_the_project_changes_or_deletes_an_audit_entry(world, who):
    """Every URL, POSTed to (with real object ids, plus any `id`/`pk` field pointing at an audit
    entry) by the auditor and the admin: earlier entries stay exactly as they were."""
    build_site(world)
    before = _snapshot()
    target = max(before)
    client = Client(raise_request_exception=False)
    client.force_login(getattr(world, who).user)
    for route in routes():
        kwargs, _reason = fill_kwargs(route, world.congress)
        if kwargs is None or route.name in ("logout",):
            continue
        url = reverse(route.name, kwargs=kwargs)
        for method in ("post", "delete"):
            response = getattr(client, method)(url, {"id": target, "pk": target, "action": "forged"})
            assert response.status_code < 500, f"{method} {url}: {response.status_code}"
    after = _snapshot()
    assert all(after.get(pk) == entry for pk, entry in before.items())
    assert not any(e["action"] == "forged" for e in after.values())
