"""Organisation pages: who may open them, what the forms do, and what they refuse."""

import pytest
from django.urls import reverse

from tribune.org.models import AuditEntry, Member, MemberRole, Office, Role
from tribune.org.services import member_create


def login(client, member):
    client.force_login(member.user)
    return client


READERS = {"admin", "director", "coordinator"}
PEOPLE = ["writer", "writer2", "office_head", "leader", "leader2", "director", "coordinator", "auditor", "admin",
          "outsider"]

# (url name, needs an object: None / "member" / "office", roles allowed)
PAGES = [
    ("org:members", None, READERS),
    ("org:offices", None, READERS),
    ("org:member_create", None, {"admin"}),
    ("org:chain", None, {"admin"}),
    ("org:member_edit", "member", {"admin"}),
    ("org:member_password", "member", {"admin"}),
    ("org:office_edit", "office", {"admin"}),
]


def _url(world, name, needs):
    if needs == "member":
        return reverse(name, args=[world.writer.pk])
    if needs == "office":
        return reverse(name, args=[world.office.pk])
    return reverse(name)


@pytest.mark.parametrize(("name", "needs", "allowed"), PAGES)
@pytest.mark.parametrize("who", PEOPLE)
def test_the_permission_matrix_of_the_organisation_pages(client, world, name, needs, allowed, who):
    response = login(client, getattr(world, who)).get(_url(world, name, needs))
    if who in ("outsider", "auditor") and needs:
        # another congress's object, or the auditor (who reads the log only): not even confirmed
        assert response.status_code == 404
    elif who in allowed or (who == "outsider" and allowed & {"director", "coordinator"}):
        # (the outsider is director and coordinator of their own congress: they see their own list)
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_a_refusal_is_written_to_the_audit_log_with_path_and_user(client, world):
    login(client, world.writer).get(reverse("org:members"), REMOTE_ADDR="10.1.2.3")
    entry = AuditEntry.objects.get(action="permission_denied")
    assert entry.username == "t-writer"
    assert entry.detail["path"] == reverse("org:members")
    assert entry.ip == "10.1.2.3"


def test_the_outsider_sees_their_own_congress_not_ours(client, world):
    html = login(client, world.outsider).get(reverse("org:members")).content.decode()
    assert "孙外区" in html and "张撰稿" not in html and "李分管" not in html


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, world):
    response = client.get(reverse("org:members"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_members_list_shows_offices_and_roles_of_the_congress_only(client, world):
    html = login(client, world.director).get(reverse("org:members")).content.decode()
    assert ("张撰稿" in html and "法制工作委员会" in html and "撰稿人" in html) or "Writer" in html
    assert "孙外区" not in html
    assert "Reset password" not in html and "重置密码" not in html  # the director reads, does not manage


def test_the_members_list_filters_by_role_and_office(client, world):
    c = login(client, world.admin)
    html = c.get(reverse("org:members"), {"role": Role.LEADER}).content.decode()
    assert "李分管" in html and "张撰稿" not in html
    html = c.get(reverse("org:members"), {"office": world.office.pk}).content.decode()
    assert "张撰稿" in html and "赵撰稿" not in html
    assert c.get(reverse("org:members"), {"office": "nonsense", "page": "x"}).status_code == 200


def test_the_members_list_query_count_does_not_grow_with_members(client, world, django_assert_max_num_queries):
    c = login(client, world.admin)
    with django_assert_max_num_queries(14):
        assert c.get(reverse("org:members")).status_code == 200
    for i in range(40):
        member_create(congress=world.congress, username=f"bulk{i}", name=f"人员{i}", password="x-long-pass-1",
                      roles=[Role.WRITER, Role.OFFICE_HEAD], office=world.office)
    with django_assert_max_num_queries(14):
        assert c.get(reverse("org:members")).status_code == 200


def test_an_admin_creates_a_member_through_the_form(client, world):
    response = login(client, world.admin).post(reverse("org:member_create"), {
        "username": "new-one", "name": "新人", "title": "信息员", "office": world.office.pk,
        "roles": [Role.WRITER], "password": "a-long-pass-42",
    })
    assert response.status_code == 302
    m = Member.objects.get(user__username="new-one")
    assert m.office == world.office and m.role_codes == {Role.WRITER}


def test_a_bad_member_form_changes_nothing_and_says_why(client, world):
    count = Member.objects.count()
    response = login(client, world.admin).post(reverse("org:member_create"), {
        "username": "t-writer", "name": "重名", "roles": [Role.WRITER], "password": "a-long-pass-42",
    })
    assert response.status_code == 200
    assert Member.objects.count() == count
    assert "errorlist" in response.content.decode()


def test_an_office_of_another_congress_is_not_a_choice(client, world):
    foreign = Office.objects.filter(congress=world.other_congress).first()
    response = login(client, world.admin).post(reverse("org:member_edit", args=[world.writer.pk]), {
        "name": "张撰稿", "office": foreign.pk, "roles": [Role.WRITER],
    })
    assert response.status_code == 200
    assert Member.objects.get(pk=world.writer.pk).office == world.office


def test_an_admin_changes_roles_through_the_form(client, world):
    login(client, world.admin).post(reverse("org:member_edit", args=[world.writer.pk]), {
        "name": "张撰稿", "office": world.office.pk, "roles": [Role.WRITER, Role.OFFICE_HEAD],
    })
    assert set(MemberRole.objects.filter(member=world.writer).values_list("role", flat=True)) == {
        "writer", "office_head"}


def test_deactivation_is_a_post_only_action(client, world):
    c = login(client, world.admin)
    assert c.get(reverse("org:member_deactivate", args=[world.writer.pk])).status_code == 405
    assert c.post(reverse("org:member_deactivate", args=[world.writer.pk])).status_code == 302
    assert not Member.objects.get(pk=world.writer.pk).is_active
    assert c.post(reverse("org:member_activate", args=[world.writer.pk])).status_code == 302
    assert Member.objects.get(pk=world.writer.pk).is_active


def test_a_deactivated_member_loses_access_at_once(client, world):
    writer_client = login(client, world.writer)
    from django.test import Client

    login(Client(), world.admin).post(reverse("org:member_deactivate", args=[world.writer.pk]))
    assert writer_client.get(reverse("outlets:list")).status_code in (302, 403)


def test_the_coordinator_cannot_deactivate_and_the_outsider_gets_a_404(client, world):
    assert login(client, world.coordinator).post(
        reverse("org:member_deactivate", args=[world.writer.pk])).status_code == 403
    assert login(client, world.admin).post(
        reverse("org:member_deactivate", args=[world.outsider.pk])).status_code == 404
    assert Member.objects.get(pk=world.outsider.pk).is_active


def test_password_reset_needs_the_same_password_twice(client, world):
    c = login(client, world.admin)
    url = reverse("org:member_password", args=[world.writer.pk])
    assert c.post(url, {"password": "brand-new-pass-7", "password2": "other-pass-77"}).status_code == 200
    assert c.post(url, {"password": "brand-new-pass-7", "password2": "brand-new-pass-7"}).status_code == 302
    assert AuditEntry.objects.filter(action="member.password_reset").count() == 1


def test_an_admin_creates_and_edits_an_office(client, world):
    c = login(client, world.admin)
    response = c.post(reverse("org:office_create"), {"name": "社会建设工作委员会", "leader": world.leader.pk,
                                                     "minimum_monthly": 2, "position": 3})
    assert response.status_code == 302
    office = Office.objects.get(congress=world.congress, name="社会建设工作委员会")
    c.post(reverse("org:office_edit", args=[office.pk]), {"name": "社会建设委", "leader": world.leader2.pk,
                                                          "minimum_monthly": 4, "position": 3})
    office.refresh_from_db()
    assert (office.name, office.leader, office.minimum_monthly) == ("社会建设委", world.leader2, 4)


def test_the_office_form_refuses_a_writer_as_leader(client, world):
    response = login(client, world.admin).post(reverse("org:office_create"), {
        "name": "新委室", "leader": world.writer.pk, "minimum_monthly": 1, "position": 1})
    assert response.status_code == 200
    assert not Office.objects.filter(name="新委室").exists()


def test_the_offices_page_shows_the_leader_in_charge_and_minimum(client, world):
    html = login(client, world.coordinator).get(reverse("org:offices")).content.decode()
    assert "李分管" in html and "法制工作委员会" in html


def test_an_admin_sets_the_chain_in_order(client, world):
    c = login(client, world.admin)
    response = c.post(reverse("org:chain"), {"step1": "office_head", "step2": "leader", "step3": "director",
                                             "step4": ""})
    assert response.status_code == 302
    world.congress.refresh_from_db()
    assert world.congress.chain() == ["office_head", "leader", "director"]
    assert AuditEntry.objects.filter(action="congress.set_chain").exists()


@pytest.mark.parametrize("data", [
    {"step1": "", "step2": "leader"},
    {"step1": "leader", "step2": "", "step3": "director"},
    {"step1": "leader", "step2": "leader"},
    {"step1": "bogus"},
])
def test_a_bad_chain_form_is_refused(client, world, data):
    before = world.congress.chain()
    response = login(client, world.admin).post(reverse("org:chain"), data)
    assert response.status_code == 200
    world.congress.refresh_from_db()
    assert world.congress.chain() == before


def test_the_offices_page_query_count_does_not_grow_with_offices(client, world, django_assert_max_num_queries):
    c = login(client, world.coordinator)
    with django_assert_max_num_queries(12):
        assert c.get(reverse("org:offices")).status_code == 200
    for i in range(30):
        Office.objects.create(congress=world.congress, name=f"委室{i}", leader=world.leader, position=10 + i)
    with django_assert_max_num_queries(12):
        assert c.get(reverse("org:offices")).status_code == 200
