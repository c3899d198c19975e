"""Creating congresses, offices and members (used by admins and by the demo builder)."""

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import (
    DEFAULT_CHAIN,
    SEPARATED_ROLES,
    Congress,
    Member,
    MemberRole,
    Office,
    PasswordState,
    Role,
    RoleChangeRequest,
    validate_chain,
    validate_roles,
)
from tribune.org.signals import congress_created


@transaction.atomic
def congress_create(*, name: str, short_name: str, code: str, level: str, parent: Congress | None = None,
                    province: str = "", city: str = "", chain: list[str] | None = None) -> Congress:
    """A new congress (a system action: no acting member); the apps that give a new congress
    something to start with (the outlets app, its default catalogue) hear `congress_created`."""
    chain = list(chain or DEFAULT_CHAIN)
    validate_chain(chain)
    congress = Congress.objects.create(name=name, short_name=short_name, code=code, level=level, parent=parent,
                                       province=province, city=city, approval_chain=chain)
    audit_record(action="congress.create", obj=congress, congress=congress)
    congress_created.send(sender=Congress, congress=congress)
    return congress


@transaction.atomic
def member_create(*, congress: Congress, username: str, name: str, password: str, roles: list[str],
                  office: Office | None = None, title: str = "", actor: Member | None = None) -> Member:
    if actor is not None:
        access.require(access.can_manage_members(actor, congress), _("You may not manage members."))
    for role in roles:
        if role not in Role.values:
            raise ServiceError(_("Unknown role: %(role)s") % {"role": role}, field="roles")
    if office is not None and office.congress_id != congress.pk:
        raise ServiceError(_("The office belongs to another congress."), field="office")
    username = (username or "").strip()
    name = (name or "").strip()
    if not username:
        raise ServiceError(_("The login name cannot be empty."), field="username")
    if not name:
        raise ServiceError(_("The name cannot be empty."), field="name")
    if not roles:
        raise ServiceError(_("Choose at least one role."), field="roles")
    _check_roles(roles)
    if actor is not None and set(roles) & SEPARATED_ROLES:
        # 三员分立: these roles are given by a second administrator's confirmation or a command.
        raise ServiceError(_("Create the member with another role, then change the role: a second administrator "
                             "confirms it (or use `tribune grant-role` on the server)."), field="roles")
    if actor is not None:
        # People typing a password for someone else get the same rules as everyone; the demo
        # and test builders (no actor) use fixed passwords.
        _check_password(password, get_user_model()(username=username))
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ServiceError(_("This login name is taken."), field="username")
    user = User.objects.create_user(username=username, password=password)
    # Someone typed this password for the member: they change it at their first login. The demo
    # and test builders (no actor) create accounts whose password counts as changed for good.
    PasswordState.objects.create(user=user, must_change=actor is not None, expires=actor is not None)
    member = Member.objects.create(user=user, congress=congress, office=office, name=name, title=title)
    MemberRole.objects.bulk_create(MemberRole(member=member, role=role) for role in dict.fromkeys(roles))
    audit_record(action="member.create", member=actor, congress=congress, obj=member,
                 detail={"roles": list(roles)})
    return member


@transaction.atomic
def congress_set_chain(*, member: Member, chain: list[str]) -> Congress:
    access.require(access.can_configure_chain(member, member.congress),
                   _("Only an administrator changes the approval chain."))
    try:
        validate_chain(chain)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], field="chain") from exc
    congress = member.congress
    before = congress.chain()
    congress.approval_chain = list(chain)
    congress.save(update_fields=["approval_chain"])
    audit_record(action="congress.set_chain", member=member, obj=congress, detail={"before": before, "after": chain})
    return congress


def _check_password(password: str, user=None) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), field="password") from exc


def _check_target(member: Member, target: Member) -> None:
    access.require(access.can_manage_members(member, member.congress), _("You may not manage members."))
    if target.congress_id != member.congress_id:
        raise ServiceError(_("The member belongs to another congress."))


@transaction.atomic
def member_update(*, member: Member, target: Member, name: str, title: str = "", office: Office | None,
                  roles: list[str]) -> Member:
    """An administrator changes someone's name, title, office and roles."""
    _check_target(member, target)
    name = (name or "").strip()
    if not name:
        raise ServiceError(_("The name cannot be empty."), field="name")
    roles = list(dict.fromkeys(roles))
    if not roles:
        raise ServiceError(_("Choose at least one role."), field="roles")
    for role in roles:
        if role not in Role.values:
            raise ServiceError(_("Unknown role: %(role)s") % {"role": role}, field="roles")
    if office is not None and office.congress_id != member.congress_id:
        raise ServiceError(_("The office belongs to another congress."), field="office")
    current = sorted(target.roles.values_list("role", flat=True))
    if target.pk == member.pk and set(roles) != set(current):
        # Nobody grants themselves a role (and the last administrator cannot drop theirs).
        raise ServiceError(_("You cannot change your own roles."), field="roles")
    _check_roles(roles)
    before = {"name": target.name, "title": target.title, "office": target.office_id, "roles": current}
    target.name, target.title, target.office = name[:40], (title or "").strip()[:60], office
    target.save(update_fields=["name", "title", "office"])
    target.role_request = None
    if (set(current) ^ set(roles)) & SEPARATED_ROLES:
        # An administrator, security-administrator or auditor role given or taken: a second
        # administrator confirms it before it applies.
        RoleChangeRequest.objects.filter(target=target, state=RoleChangeRequest.State.PENDING).update(
            state=RoleChangeRequest.State.REJECTED, decided_by=member, decided_at=timezone.now())
        target.role_request = RoleChangeRequest.objects.create(
            congress=target.congress, target=target, roles_before=current, roles_after=sorted(roles),
            requested_by=member)
        audit_record(action="role.request", member=member, obj=target,
                     detail={"before": current, "after": sorted(roles), "request": target.role_request.pk})
        roles = current
    else:
        _set_roles(target, roles)
    after = {"name": target.name, "title": target.title, "office": target.office_id, "roles": sorted(roles)}
    audit_record(action="member.update", member=member, obj=target, detail={"before": before, "after": after})
    return target


def _check_roles(roles) -> None:
    try:
        validate_roles(roles)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], field="roles") from exc


def _set_roles(target: Member, roles) -> None:
    # Removals first: the database's separation trigger sees the member's roles after each row.
    target.roles.exclude(role__in=roles).delete()
    existing = set(target.roles.values_list("role", flat=True))
    MemberRole.objects.bulk_create(MemberRole(member=target, role=r) for r in roles if r not in existing)
    target._role_codes = None


@transaction.atomic
def role_request_confirm(*, member: Member, request: RoleChangeRequest) -> Member:
    """A second administrator confirms a change of an administrator, security-administrator or
    auditor role: not the one who asked, not the member concerned."""
    request = RoleChangeRequest.objects.select_for_update().select_related("target").get(pk=request.pk)
    access.require(access.can_decide_role_request(member, request),
                   _("A second administrator of the congress confirms role changes."))
    if request.state != RoleChangeRequest.State.PENDING:
        raise ServiceError(_("This request has already been decided."))
    target = request.target
    current = sorted(target.roles.values_list("role", flat=True))
    if current != sorted(request.roles_before):
        raise ServiceError(_("The member's roles changed since the request; ask again."))
    _check_roles(request.roles_after)
    _set_roles(target, request.roles_after)
    RoleChangeRequest.objects.filter(pk=request.pk).update(
        state=RoleChangeRequest.State.CONFIRMED, decided_by=member, decided_at=timezone.now())
    audit_record(action="role.confirm", member=member, obj=target,
                 detail={"before": current, "after": request.roles_after, "request": request.pk,
                         "requested_by": request.requested_by.user.username})
    return target


@transaction.atomic
def role_request_reject(*, member: Member, request: RoleChangeRequest) -> None:
    access.require(access.can_decide_role_request(member, request),
                   _("A second administrator of the congress confirms role changes."))
    rows = RoleChangeRequest.objects.filter(pk=request.pk, state=RoleChangeRequest.State.PENDING).update(
        state=RoleChangeRequest.State.REJECTED, decided_by=member, decided_at=timezone.now())
    if rows != 1:
        raise ServiceError(_("This request has already been decided."))
    audit_record(action="role.reject", member=member, obj=request.target, detail={"request": request.pk})


@transaction.atomic
def role_grant_by_command(*, username: str, roles: list[str], operator: str) -> Member:
    """`tribune grant-role`: whoever runs commands on the server sets someone's roles directly
    (the way to make the first administrator, auditor or security administrator), audited."""
    target = Member.objects.select_related("congress", "user").filter(user__username=username).first()
    if target is None:
        raise ServiceError(_("No member has the login name %(username)s.") % {"username": username})
    roles = list(dict.fromkeys(roles))
    if not roles:
        raise ServiceError(_("Choose at least one role."))
    for role in roles:
        if role not in Role.values:
            raise ServiceError(_("Unknown role: %(role)s") % {"role": role})
    _check_roles(roles)
    before = sorted(target.roles.values_list("role", flat=True))
    _set_roles(target, roles)
    audit_record(action="role.grant", obj=target, congress=target.congress,
                 detail={"before": before, "after": sorted(roles), "by": "command", "operator": operator})
    return target


@transaction.atomic
def member_set_active(*, member: Member, target: Member, active: bool) -> Member:
    """Deactivate (or reactivate) a member: an inactive member cannot log in; their manuscripts,
    reviews and scores stay, because history must not change when people leave."""
    _check_target(member, target)
    if target.pk == member.pk and not active:
        raise ServiceError(_("You cannot deactivate yourself."))
    target.is_active = bool(active)
    target.save(update_fields=["is_active"])
    target.user.is_active = bool(active)
    target.user.save(update_fields=["is_active"])
    audit_record(action="member.activate" if active else "member.deactivate", member=member, obj=target)
    return target


@transaction.atomic
def member_set_password(*, member: Member, target: Member, password: str) -> Member:
    """An administrator sets a new password for someone who forgot theirs."""
    _check_target(member, target)
    _check_password(password, target.user)
    target.user.set_password(password)
    target.user.save(update_fields=["password"])
    # Someone else knows this password now: the member changes it at their next login.
    PasswordState.objects.update_or_create(user=target.user, defaults={"must_change": True,
                                                                        "changed_at": timezone.now()})
    # The password itself never goes to the log.
    audit_record(action="member.password_reset", member=member, obj=target)
    return target


@transaction.atomic
def password_change(*, user, password: str) -> None:
    """A member changes their own password (the form has checked the old one)."""
    _check_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    PasswordState.objects.update_or_create(user=user, defaults={"must_change": False, "changed_at": timezone.now()})
    member = getattr(user, "member", None)
    audit_record(action="password.change", user=user, member=member)


@transaction.atomic
def account_unlock(*, member: Member, target: Member) -> None:
    """The security administrator lifts a login lockout of a member of their congress."""
    from tribune.org import lockout

    access.require(access.can_manage_security(member, target.congress),
                   _("Only the security administrator unlocks accounts."))
    until = lockout.account_locked_until(target.user.username)
    lockout.unlock_account(target.user.username)
    audit_record(action="lockout.unlock", member=member, obj=target,
                 detail={"was_locked_until": until.isoformat() if until else None})


@transaction.atomic
def office_save(*, member: Member, office: Office | None = None, name: str, leader: Member | None = None,
                position: int = 0, minimum_monthly: int = 0) -> Office:
    """Create or change an office with its leader in charge and its monthly minimum."""
    access.require(access.can_manage_members(member, member.congress), _("You may not manage offices."))
    name = (name or "").strip()
    if not name:
        raise ServiceError(_("The name cannot be empty."), field="name")
    if office is not None and office.congress_id != member.congress_id:
        raise ServiceError(_("The office belongs to another congress."))
    if leader is not None:
        if leader.congress_id != member.congress_id:
            raise ServiceError(_("The leader must belong to the same congress."), field="leader")
        if not leader.is_active or not leader.has_role(Role.LEADER, Role.DIRECTOR):
            raise ServiceError(_("The leader in charge must be an active leader or director."), field="leader")
    try:
        position, minimum_monthly = int(position), int(minimum_monthly)
    except (TypeError, ValueError) as exc:
        raise ServiceError(_("Enter a whole number.")) from exc
    if not 0 <= minimum_monthly <= 100:
        raise ServiceError(_("The monthly minimum must be between 0 and 100."), field="minimum_monthly")
    if not 0 <= position <= 1000:
        raise ServiceError(_("The order must be between 0 and 1000."), field="position")
    duplicate = Office.objects.filter(congress=member.congress, name=name[:60])
    if office is not None:
        duplicate = duplicate.exclude(pk=office.pk)
    if duplicate.exists():
        raise ServiceError(_("An office with this name already exists."), field="name")
    created = office is None
    office = office or Office(congress=member.congress)
    before = {} if created else {"name": office.name, "leader": office.leader_id,
                                 "minimum_monthly": office.minimum_monthly}
    office.name, office.leader, office.position, office.minimum_monthly = name[:60], leader, position, minimum_monthly
    office.save()
    audit_record(action="office.create" if created else "office.update", member=member, obj=office,
                 detail={"before": before, "after": {"name": office.name, "leader": office.leader_id,
                                                     "minimum_monthly": office.minimum_monthly}})
    return office
