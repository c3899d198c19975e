"""Administrator services: members, offices and the approval chain; each refused and audited."""

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied

from tribune.org import services
from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry, Member, Office, Role
from tribune.org.testing import PASSWORD


def audited(action, obj) -> bool:
    return AuditEntry.objects.filter(action=action, object_id=str(obj.pk)).exists()


def test_an_admin_creates_a_member_who_can_log_in(world):
    m = services.member_create(congress=world.congress, actor=world.admin, username="new-writer", name="新撰稿",
                               password="a-long-pass-42", roles=[Role.WRITER], office=world.office)
    assert m.has_role(Role.WRITER) and m.office == world.office
    assert authenticate(username="new-writer", password="a-long-pass-42") is not None
    entry = AuditEntry.objects.get(action="member.create", object_id=str(m.pk))
    assert entry.username == "t-admin" and entry.congress_id == world.congress.pk


@pytest.mark.parametrize("who", ["coordinator", "director", "writer", "auditor", "outsider"])
def test_only_the_admin_of_the_congress_creates_members(world, who):
    with pytest.raises(PermissionDenied):
        services.member_create(congress=world.congress, actor=getattr(world, who), username="x", name="x",
                               password="a-long-pass-42", roles=[Role.WRITER])
    assert not Member.objects.filter(user__username="x").exists()


def test_a_weak_initial_password_is_refused(world):
    with pytest.raises(ServiceError) as err:
        services.member_create(congress=world.congress, actor=world.admin, username="weak", name="弱",
                               password="123", roles=[Role.WRITER])
    assert err.value.field == "password"
    assert not Member.objects.filter(user__username="weak").exists()


def test_a_taken_login_name_and_no_roles_are_refused(world):
    with pytest.raises(ServiceError):
        services.member_create(congress=world.congress, actor=world.admin, username="t-writer", name="重名",
                               password="a-long-pass-42", roles=[Role.WRITER])
    with pytest.raises(ServiceError):
        services.member_create(congress=world.congress, actor=world.admin, username="noroles", name="无角色",
                               password="a-long-pass-42", roles=[])


def test_an_admin_changes_roles_and_office_with_before_and_after_in_the_log(world):
    services.member_update(member=world.admin, target=world.writer, name="张撰稿", office=world.other_office,
                           roles=[Role.WRITER, Role.OFFICE_HEAD])
    writer = Member.objects.get(pk=world.writer.pk)
    assert writer.office == world.other_office
    assert writer.role_codes == {Role.WRITER, Role.OFFICE_HEAD}
    entry = AuditEntry.objects.get(action="member.update", object_id=str(writer.pk))
    assert entry.detail["before"]["roles"] == ["writer"]
    assert entry.detail["after"]["roles"] == ["office_head", "writer"]


def test_roles_can_be_removed(world):
    services.member_update(member=world.admin, target=world.office_head, name="刘主任", office=world.office,
                           roles=[Role.WRITER])
    assert Member.objects.get(pk=world.office_head.pk).role_codes == {Role.WRITER}


def test_an_admin_cannot_remove_their_own_admin_role(world):
    with pytest.raises(ServiceError):
        services.member_update(member=world.admin, target=world.admin, name="郑管理", office=None,
                               roles=[Role.WRITER])
    assert Member.objects.get(pk=world.admin.pk).role_codes == {Role.ADMIN}


def test_an_office_of_another_congress_is_refused(world):
    foreign = Office.objects.filter(congress=world.other_congress).first()
    with pytest.raises(ServiceError):
        services.member_update(member=world.admin, target=world.writer, name="张撰稿", office=foreign,
                               roles=[Role.WRITER])


def test_a_member_of_another_congress_cannot_be_changed(world):
    with pytest.raises(ServiceError):
        services.member_set_active(member=world.admin, target=world.outsider, active=False)
    assert Member.objects.get(pk=world.outsider.pk).is_active


def test_a_deactivated_member_cannot_log_in_and_can_be_reactivated(world):
    services.member_set_active(member=world.admin, target=world.writer, active=False)
    assert authenticate(username="t-writer", password=PASSWORD) is None
    assert audited("member.deactivate", world.writer)
    services.member_set_active(member=world.admin, target=world.writer, active=True)
    assert authenticate(username="t-writer", password=PASSWORD) is not None
    assert audited("member.activate", world.writer)


def test_an_admin_cannot_deactivate_themself(world):
    with pytest.raises(ServiceError):
        services.member_set_active(member=world.admin, target=world.admin, active=False)


def test_the_director_cannot_deactivate_anyone(world):
    with pytest.raises(PermissionDenied):
        services.member_set_active(member=world.director, target=world.writer, active=False)


def test_an_admin_resets_a_password_and_the_log_does_not_hold_it(world):
    services.member_set_password(member=world.admin, target=world.writer, password="brand-new-pass-7")
    assert authenticate(username="t-writer", password="brand-new-pass-7") is not None
    entry = AuditEntry.objects.get(action="member.password_reset", object_id=str(world.writer.pk))
    assert "brand-new-pass-7" not in str(entry.detail)


def test_a_short_new_password_is_refused_and_the_old_one_still_works(world):
    with pytest.raises(ServiceError):
        services.member_set_password(member=world.admin, target=world.writer, password="short")
    assert authenticate(username="t-writer", password=PASSWORD) is not None


def test_an_admin_creates_an_office_with_its_leader_and_minimum(world):
    office = services.office_save(member=world.admin, name="社会建设工作委员会", leader=world.leader2,
                                  minimum_monthly=3, position=5)
    assert (office.leader, office.minimum_monthly, office.congress) == (world.leader2, 3, world.congress)
    assert audited("office.create", office)


def test_an_admin_changes_the_leader_in_charge_of_an_office(world):
    services.office_save(member=world.admin, office=world.office, name=world.office.name, leader=world.leader2,
                         minimum_monthly=2, position=1)
    assert Office.objects.get(pk=world.office.pk).leader == world.leader2
    entry = AuditEntry.objects.get(action="office.update", object_id=str(world.office.pk))
    assert entry.detail["before"]["leader"] == world.leader.pk


@pytest.mark.parametrize("leader", ["writer", "outsider"])
def test_the_leader_in_charge_must_be_a_leader_of_the_congress(world, leader):
    with pytest.raises(ServiceError):
        services.office_save(member=world.admin, name="新委室", leader=getattr(world, leader))
    assert not Office.objects.filter(name="新委室").exists()


def test_two_offices_cannot_share_a_name(world):
    with pytest.raises(ServiceError):
        services.office_save(member=world.admin, name=world.other_office.name)


def test_the_coordinator_cannot_change_offices(world):
    with pytest.raises(PermissionDenied):
        services.office_save(member=world.coordinator, office=world.office, name="改名")


def test_an_admin_sets_a_four_step_chain(world):
    chain = ["office_head", "leader", "coordinator", "director"]
    congress = services.congress_set_chain(member=world.admin, chain=chain)
    assert congress.chain() == chain
    entry = AuditEntry.objects.get(action="congress.set_chain")
    assert entry.detail["after"] == chain


@pytest.mark.parametrize("chain", [[], ["leader"] * 2, ["a", "b"], ["leader", "director", "office_head",
                                                                   "coordinator", "leader"]])
def test_a_bad_chain_is_refused_and_the_old_one_kept(world, chain):
    before = world.congress.chain()
    with pytest.raises(ServiceError):
        services.congress_set_chain(member=world.admin, chain=chain)
    world.congress.refresh_from_db()
    assert world.congress.chain() == before


def test_the_director_cannot_change_the_chain(world):
    with pytest.raises(PermissionDenied):
        services.congress_set_chain(member=world.director, chain=["director"])
