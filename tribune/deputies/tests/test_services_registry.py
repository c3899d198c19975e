"""The registry: personal information masked, revealed only to those who need it, audited."""

import pytest
from django.core.exceptions import PermissionDenied

from tribune.deputies import services
from tribune.deputies.models import Deputy
from tribune.deputies.tests.helpers import TERM_START, deputy, id_number
from tribune.org.errors import ServiceError, StaleError
from tribune.org.models import AuditEntry


def test_a_new_deputy_is_shown_masked(world):
    d = deputy(world, serial=5)
    assert d.masked_phone == "138****0005"
    assert d.masked_id_number == d.id_number[:4] + "*" * 10 + d.id_number[-4:]
    assert AuditEntry.objects.filter(action="deputy.create", object_id=str(d.pk)).exists()


@pytest.mark.parametrize("role, allowed", [
    ("coordinator", True), ("director", True), ("leader", False), ("office_head", False), ("writer", False),
    ("auditor", False), ("admin", False), ("outsider", False),
])
def test_only_the_coordinator_and_the_director_reveal_and_each_reveal_is_audited(world, role, allowed):
    d = deputy(world)
    member = getattr(world, role)
    if allowed:
        values = services.deputy_reveal(member=member, deputy=d)
        assert values == {"phone": d.phone, "id_number": d.id_number}
        entry = AuditEntry.objects.get(action="deputy.reveal", object_id=str(d.pk))
        assert entry.username == member.user.username
        assert d.id_number not in str(entry.detail)
    else:
        with pytest.raises(PermissionDenied):
            services.deputy_reveal(member=member, deputy=d)
        assert not AuditEntry.objects.filter(action="deputy.reveal").exists()


def test_a_writer_cannot_add_deputies(world):
    with pytest.raises(PermissionDenied):
        services.deputy_create(member=world.writer, name="甲", group="组", sector="other",
                               seats=[("county", "第十届", TERM_START)])


def test_a_bad_id_number_is_refused(world):
    with pytest.raises(ServiceError) as exc:
        deputy(world, serial=1, name="甲") and services.deputy_create(
            member=world.coordinator, name="乙", group="组", sector="other", id_number="130182197001011235",
            seats=[("county", "第十届", TERM_START)])
    assert exc.value.field == "id_number"


def test_the_same_id_number_or_name_in_a_group_twice_is_refused(world):
    deputy(world, serial=1)
    with pytest.raises(ServiceError):
        deputy(world, serial=1, name="另一人")
    with pytest.raises(ServiceError):
        deputy(world, serial=2)
    assert Deputy.objects.count() == 1


def test_a_deputy_needs_a_seat(world):
    with pytest.raises(ServiceError) as exc:
        services.deputy_create(member=world.coordinator, name="甲", group="组", sector="other", seats=[])
    assert exc.value.field == "seats"


def test_a_deputy_may_sit_in_the_district_and_the_city_congress(world):
    d = deputy(world, seats=[("county", "第十届", TERM_START), ("city", "第十五届", TERM_START)])
    assert sorted(s.level for s in d.seats.all()) == ["city", "county"]


def test_an_edit_on_a_stale_form_saves_nothing(world):
    d = deputy(world)
    fields = {"name": "新名", "group": d.group, "sector": d.sector, "seats": [("county", "第十届", TERM_START)]}
    services.deputy_update(member=world.coordinator, deputy=d, version=1, **fields)
    with pytest.raises(StaleError):
        services.deputy_update(member=world.coordinator, deputy=Deputy.objects.get(pk=d.pk), version=1,
                               **dict(fields, name="再改"))
    assert Deputy.objects.get(pk=d.pk).name == "新名"


def test_an_edit_that_leaves_personal_information_out_keeps_it(world):
    d = deputy(world, serial=3)
    services.deputy_update(member=world.coordinator, deputy=d, version=d.version, name=d.name, group=d.group,
                           sector="education", seats=[("county", "第十届", TERM_START)])
    d.refresh_from_db()
    assert (d.phone, d.id_number, d.sector) == ("13800000003", id_number(3), "education")
    entry = AuditEntry.objects.get(action="deputy.update")
    assert entry.detail == {"changed": ["sector"]}
