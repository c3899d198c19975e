"""三员分立: the administrator, the security administrator and the auditor are three people with
no other role; nobody grants themselves a role; those three roles change only with a second
administrator's confirmation or a command, audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, InternalError, transaction
from django.db.utils import DatabaseError
from django.test import Client
from django.urls import reverse

from tribune.org import services
from tribune.org.errors import ServiceError
from tribune.org.models import AuditEntry, MemberRole, Role, RoleChangeRequest
from tribune.org.testing import PASSWORD


@pytest.fixture
def admin2(world):
    return services.member_create(congress=world.congress, username="t-admin2", name="第二管理", password=PASSWORD,
                                  roles=[Role.ADMIN])


def update_roles(member, target, roles):
    return services.member_update(member=member, target=target, name=target.name, office=target.office,
                                  roles=roles)


@pytest.mark.parametrize("roles", [
    [Role.ADMIN, Role.AUDITOR], [Role.ADMIN, Role.SECURITY_ADMIN], [Role.AUDITOR, Role.SECURITY_ADMIN],
    [Role.AUDITOR, Role.WRITER], [Role.SECURITY_ADMIN, Role.DIRECTOR], [Role.ADMIN, Role.LEADER],
])
def test_no_one_holds_a_separated_role_with_another(world, roles):
    with pytest.raises(ServiceError, match="单独担任"):
        services.member_create(congress=world.congress, username="t-two", name="兼任", password=PASSWORD, roles=roles)


def test_the_model_refuses_a_second_role_beside_a_separated_one(world):
    with pytest.raises(ValidationError):
        MemberRole(member=world.auditor, role=Role.WRITER).full_clean()
    MemberRole(member=world.writer, role=Role.OFFICE_HEAD).full_clean()  # editorial roles combine


@pytest.mark.parametrize("role", [Role.WRITER, Role.ADMIN])
def test_the_database_refuses_a_second_role_beside_a_separated_one(world, role):
    with pytest.raises((IntegrityError, InternalError, DatabaseError)), transaction.atomic():
        MemberRole.objects.create(member=world.auditor, role=role)


def test_the_database_refuses_a_separated_role_beside_an_editorial_one(world):
    with pytest.raises((IntegrityError, InternalError, DatabaseError)), transaction.atomic():
        MemberRole.objects.create(member=world.writer, role=Role.SECURITY_ADMIN)


def test_the_admin_cannot_change_their_own_roles(world):
    with pytest.raises(ServiceError, match="自己的角色"):
        update_roles(world.admin, world.admin, [Role.ADMIN, Role.DIRECTOR])


def test_an_admin_cannot_create_a_separated_role_directly(world):
    with pytest.raises(ServiceError, match="grant-role"):
        services.member_create(congress=world.congress, actor=world.admin, username="t-aud2", name="审计二",
                               password="Given-Pass-42", roles=[Role.AUDITOR])


def test_a_separated_role_waits_for_a_second_admin_and_applies_on_confirmation(world, admin2):
    target = update_roles(world.admin, world.writer2, [Role.AUDITOR])
    assert target.role_request is not None
    assert set(world.writer2.roles.values_list("role", flat=True)) == {Role.WRITER}  # not yet
    # Neither the one who asked nor the member concerned decides.
    with pytest.raises(PermissionDenied):
        services.role_request_confirm(member=world.admin, request=target.role_request)
    services.role_request_confirm(member=admin2, request=target.role_request)
    assert set(world.writer2.roles.values_list("role", flat=True)) == {Role.AUDITOR}
    entry = AuditEntry.objects.get(action="role.confirm")
    assert entry.username == "t-admin2" and entry.detail["requested_by"] == "t-admin"
    assert AuditEntry.objects.filter(action="role.request", username="t-admin").exists()


def test_a_rejected_request_changes_nothing(world, admin2):
    target = update_roles(world.admin, world.director, [Role.SECURITY_ADMIN])
    services.role_request_reject(member=admin2, request=target.role_request)
    assert set(world.director.roles.values_list("role", flat=True)) == {Role.DIRECTOR}
    with pytest.raises(ServiceError):
        services.role_request_confirm(member=admin2, request=target.role_request)


def test_the_second_admin_confirms_on_the_role_changes_page(world, admin2):
    target = update_roles(world.admin, world.writer2, [Role.AUDITOR])
    client = Client()
    client.force_login(admin2.user)
    assert "赵撰稿" in client.get(reverse("org:role_requests")).content.decode()
    client.post(reverse("org:role_request_confirm", args=[target.role_request.pk]))
    assert RoleChangeRequest.objects.get().state == RoleChangeRequest.State.CONFIRMED
    first = Client()
    first.force_login(world.admin.user)
    # The one who asked may not decide, not even to reject.
    assert first.post(reverse("org:role_request_reject", args=[target.role_request.pk])).status_code == 403


def test_editorial_role_changes_apply_at_once(world):
    update_roles(world.admin, world.writer, [Role.WRITER, Role.OFFICE_HEAD])
    assert set(world.writer.roles.values_list("role", flat=True)) == {Role.WRITER, Role.OFFICE_HEAD}
    assert not RoleChangeRequest.objects.exists()


def test_grant_role_command_sets_roles_and_is_audited(world):
    call_command("grant-role", "t-writer2", "security_admin")
    assert set(world.writer2.roles.values_list("role", flat=True)) == {Role.SECURITY_ADMIN}
    entry = AuditEntry.objects.get(action="role.grant")
    assert entry.detail["by"] == "command" and entry.congress_id == world.congress.pk
    with pytest.raises(CommandError):
        call_command("grant-role", "t-writer2", "auditor", "writer")
    with pytest.raises(CommandError):
        call_command("grant-role", "nobody", "auditor")


def test_the_security_admin_lands_on_their_page_and_sees_no_editorial_data(world):
    client = Client()
    client.force_login(world.security.user)
    assert client.get(reverse("dashboard"))["Location"] == reverse("org:security")
    assert client.get(reverse("org:security")).status_code == 200
    for name in ("newsroom:list", "deputies:list", "audit_log", "org:members"):
        assert client.get(reverse(name)).status_code == 403, name
