"""Outlet services: the catalogue, saving outlets and contacts, taking outlets out of use."""

import pytest
from django.core.exceptions import PermissionDenied

from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry
from tribune.outlets import services
from tribune.outlets.models import MediaContact, Outlet


def test_a_new_county_congress_gets_the_hebei_catalogue(world):
    names = set(Outlet.objects.filter(congress=world.congress).values_list("name", flat=True))
    for expected in ["人民日报", "新华社", "中国人大网", "《中国人大》杂志", "河北日报", "长城网", "河北人大网",
                     "燕赵人民代表网", "《公民与法治》杂志", "石家庄日报", "石家庄人大网", "藁城区融媒体中心",
                     "藁城区人大微信公众号"]:
        assert expected in names


def test_reloading_the_catalogue_adds_only_what_is_missing_and_keeps_edits(world):
    people = Outlet.objects.get(congress=world.congress, name="人民日报")
    services.outlet_save(member=world.coordinator, outlet=people, name="人民日报", level="national",
                         kind="newspaper", address="内网备注")
    Outlet.objects.get(congress=world.congress, name="长城网").delete()
    assert services.catalogue_reload(member=world.coordinator) == 1
    assert services.catalogue_reload(member=world.coordinator) == 0
    assert Outlet.objects.get(congress=world.congress, name="人民日报").address == "内网备注"
    assert AuditEntry.objects.filter(action="outlet.catalogue_load").count() == 2


@pytest.mark.parametrize("who", ["writer", "director", "leader", "auditor"])
def test_only_coordinator_or_admin_change_outlets(world, who):
    member = getattr(world, who)
    with pytest.raises(PermissionDenied):
        services.catalogue_reload(member=member)
    with pytest.raises(PermissionDenied):
        services.outlet_save(member=member, name="新媒体", level="county", kind="app")
    outlet = Outlet.objects.filter(congress=world.congress).first()
    with pytest.raises(PermissionDenied):
        services.outlet_set_active(member=member, outlet=outlet, active=False)


def test_the_admin_adds_an_outlet_and_it_is_audited(world):
    outlet = services.outlet_save(member=world.admin, name="藁城发布", level="county", kind="app")
    assert outlet.congress == world.congress
    assert AuditEntry.objects.filter(action="outlet.create", object_id=str(outlet.pk)).exists()


def test_a_duplicate_name_or_a_bad_level_is_refused(world):
    with pytest.raises(ServiceError):
        services.outlet_save(member=world.coordinator, name="人民日报", level="national", kind="newspaper")
    with pytest.raises(ServiceError):
        services.outlet_save(member=world.coordinator, name="某报", level="galactic", kind="newspaper")


def test_an_outlet_taken_out_of_use_keeps_its_row(world):
    outlet = Outlet.objects.get(congress=world.congress, name="长城网")
    services.outlet_set_active(member=world.coordinator, outlet=outlet, active=False)
    assert not Outlet.objects.get(pk=outlet.pk).is_active
    assert AuditEntry.objects.filter(action="outlet.deactivate", object_id=str(outlet.pk)).exists()


def test_the_outsider_cannot_touch_our_outlets(world):
    outlet = Outlet.objects.get(congress=world.congress, name="长城网")
    with pytest.raises(ServiceError):
        services.outlet_set_active(member=world.outsider, outlet=outlet, active=False)
    with pytest.raises(ServiceError):
        services.outlet_save(member=world.outsider, outlet=outlet, name="改名", level="city", kind="website")
    assert Outlet.objects.get(pk=outlet.pk).is_active


def test_a_contact_at_the_propaganda_department_needs_no_outlet(world):
    contact = services.contact_save(member=world.coordinator, name="王宣传", organisation="区委宣传部",
                                    position="新闻科科长", phone="0311-1234567")
    assert str(contact) == "王宣传（区委宣传部）"
    assert AuditEntry.objects.filter(action="contact.create").exists()


def test_a_contact_at_another_congress_outlet_is_refused(world):
    foreign = Outlet.objects.filter(congress=world.other_congress).first()
    with pytest.raises(ServiceError):
        services.contact_save(member=world.coordinator, name="记者", outlet=foreign)
    assert not MediaContact.objects.exists()
