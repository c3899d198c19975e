"""Outlet and contact pages: the permission matrix, filters, counts, forms."""



import pytest
from django.urls import reverse

from tribune.org.models import AuditEntry
from tribune.outlets import services
from tribune.outlets.models import MediaContact, Outlet

PEOPLE = ["writer", "writer2", "office_head", "leader", "leader2", "director", "coordinator", "auditor", "admin",
          "outsider"]
READERS = {"writer", "writer2", "office_head", "leader", "leader2", "director", "coordinator", "admin"}
MANAGERS = {"coordinator", "admin"}

# (url name, needs an object, roles allowed)
PAGES = [
    ("outlets:list", None, READERS),
    ("outlets:contacts", None, READERS),
    ("outlets:create", None, MANAGERS),
    ("outlets:contact_create", None, MANAGERS),
    ("outlets:edit", "outlet", MANAGERS),
    ("outlets:contact_edit", "contact", MANAGERS),
]


def login(client, member):
    client.force_login(member.user)
    return client


@pytest.fixture
def contact(world):
    return services.contact_save(member=world.coordinator, name="李记者",
                                 outlet=Outlet.objects.get(congress=world.congress, name="河北日报"))


@pytest.mark.parametrize(("name", "needs", "allowed"), PAGES)
@pytest.mark.parametrize("who", PEOPLE)
def test_the_permission_matrix_of_the_outlet_pages(client, world, contact, name, needs, allowed, who):
    args = {"outlet": [contact.outlet_id], "contact": [contact.pk], None: []}[needs]
    response = login(client, getattr(world, who)).get(reverse(name, args=args))
    if who == "outsider":
        # director, coordinator and writer of another congress: their own lists, never our objects
        assert response.status_code == (404 if needs else 200)
    elif who == "auditor" and needs:
        assert response.status_code == 404  # the auditor reads the log only: not even confirmed
    elif who in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("name", ["outlets:deactivate", "outlets:activate"])
@pytest.mark.parametrize(("who", "expected"), [("writer", 403), ("director", 403), ("coordinator", 302),
                                               ("admin", 302), ("outsider", 404)])
def test_who_may_take_an_outlet_out_of_use(client, world, name, who, expected):
    outlet = Outlet.objects.get(congress=world.congress, name="长城网")
    assert login(client, getattr(world, who)).post(reverse(name, args=[outlet.pk])).status_code == expected


def test_the_catalogue_button_is_for_coordinator_and_admin(client, world):
    assert login(client, world.writer).post(reverse("outlets:catalogue")).status_code == 403
    assert AuditEntry.objects.filter(action="permission_denied", username="t-writer").exists()
    Outlet.objects.filter(congress=world.congress, name="新华社").delete()
    assert login(client, world.coordinator).post(reverse("outlets:catalogue")).status_code == 302
    assert Outlet.objects.filter(congress=world.congress, name="新华社").exists()


def test_the_list_filters_by_level_kind_and_name(client, world):
    c = login(client, world.writer)
    names = lambda r: {o.name for o in r.context["page"].object_list}  # noqa: E731
    assert names(c.get(reverse("outlets:list"), {"level": "county"})) == {"藁城区融媒体中心", "藁城区人大微信公众号"}
    assert names(c.get(reverse("outlets:list"), {"kind": "magazine"})) == {"《中国人大》杂志", "《公民与法治》杂志"}
    assert names(c.get(reverse("outlets:list"), {"q": "人大网"})) == {"中国人大网", "河北人大网", "石家庄人大网"}
    assert c.get(reverse("outlets:list"), {"level": "galactic", "page": "999"}).status_code == 200


def test_an_outlet_out_of_use_is_hidden_unless_asked(client, world):
    outlet = Outlet.objects.get(congress=world.congress, name="长城网")
    services.outlet_set_active(member=world.coordinator, outlet=outlet, active=False)
    c = login(client, world.writer)
    assert "长城网" not in c.get(reverse("outlets:list")).content.decode()
    assert "长城网" in c.get(reverse("outlets:list"), {"inactive": "on"}).content.decode()


def test_the_outlet_list_query_count_is_fixed(client, world, django_assert_max_num_queries):
    c = login(client, world.coordinator)
    with django_assert_max_num_queries(10):
        c.get(reverse("outlets:list"))
    for i in range(60):
        services.outlet_save(member=world.coordinator, name=f"网站{i}", level="county", kind="website")
    with django_assert_max_num_queries(10):
        assert c.get(reverse("outlets:list")).status_code == 200


def test_the_coordinator_creates_and_edits_an_outlet(client, world):
    c = login(client, world.coordinator)
    assert c.post(reverse("outlets:create"), {"name": "藁城发布", "level": "county", "kind": "app",
                                              "is_active": "on"}).status_code == 302
    outlet = Outlet.objects.get(congress=world.congress, name="藁城发布")
    c.post(reverse("outlets:edit", args=[outlet.pk]), {"name": "藁城发布App", "level": "county", "kind": "app",
                                                       "is_active": "on", "version": outlet.version})
    assert Outlet.objects.get(pk=outlet.pk).name == "藁城发布App"


def test_a_stale_outlet_form_changes_nothing_and_says_why(client, world):
    c = login(client, world.coordinator)
    outlet = Outlet.objects.get(congress=world.congress, name="长城网")
    form = {"level": outlet.level, "kind": outlet.kind, "is_active": "on", "version": outlet.version}
    c.post(reverse("outlets:edit", args=[outlet.pk]), {**form, "name": "长城网（首次修改）"})
    response = c.post(reverse("outlets:edit", args=[outlet.pk]), {**form, "name": "长城网（旧表单）"}, follow=True)
    assert Outlet.objects.get(pk=outlet.pk).name == "长城网（首次修改）"
    html = response.content.decode()
    assert "您打开后有人修改了" in html and "长城网（首次修改）" in html


def test_a_duplicate_outlet_name_is_shown_on_the_form(client, world):
    response = login(client, world.coordinator).post(reverse("outlets:create"), {
        "name": "人民日报", "level": "national", "kind": "newspaper"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert Outlet.objects.filter(congress=world.congress, name="人民日报").count() == 1


def test_a_contact_at_the_propaganda_department_is_created_and_listed(client, world):
    c = login(client, world.coordinator)
    assert c.post(reverse("outlets:contact_create"), {"name": "王宣传", "organisation": "区委宣传部",
                                                      "phone": "0311-1234567"}).status_code == 302
    html = login(client, world.writer).get(reverse("outlets:contacts")).content.decode()
    assert "王宣传" in html and "区委宣传部" in html


def test_a_contact_needs_an_outlet_or_an_organisation_and_a_valid_email(client, world):
    c = login(client, world.coordinator)
    assert c.post(reverse("outlets:contact_create"), {"name": "无处"}).status_code == 200
    assert c.post(reverse("outlets:contact_create"), {"name": "错邮", "organisation": "区委宣传部",
                                                      "email": "not-an-email"}).status_code == 200
    assert not MediaContact.objects.exists()


def test_a_contact_at_another_congress_outlet_cannot_be_chosen(client, world):
    foreign = Outlet.objects.filter(congress=world.other_congress).first()
    response = login(client, world.coordinator).post(reverse("outlets:contact_create"), {
        "name": "外区记者", "outlet": foreign.pk})
    assert response.status_code == 200
    assert not MediaContact.objects.exists()


def test_contacts_are_filtered_by_outlet(client, world, contact):
    services.contact_save(member=world.coordinator, name="王宣传", organisation="区委宣传部")
    c = login(client, world.writer)
    html = c.get(reverse("outlets:contacts"), {"outlet": contact.outlet_id}).content.decode()
    assert "李记者" in html and "王宣传" not in html
    assert c.get(reverse("outlets:contacts"), {"outlet": "abc"}).status_code == 200


def test_the_contact_list_query_count_is_fixed(client, world, django_assert_max_num_queries):
    c = login(client, world.writer)
    with django_assert_max_num_queries(12):
        c.get(reverse("outlets:contacts"))
    outlets = list(Outlet.objects.filter(congress=world.congress))
    for i in range(60):
        services.contact_save(member=world.coordinator, name=f"记者{i}", outlet=outlets[i % len(outlets)])
    with django_assert_max_num_queries(12):
        assert c.get(reverse("outlets:contacts")).status_code == 200
