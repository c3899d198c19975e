"""Creating congresses, offices and members (used by admins and by the demo builder)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import DEFAULT_CHAIN, Congress, Member, MemberRole, Office, Role, validate_chain


@transaction.atomic
def congress_create(*, name: str, short_name: str, code: str, level: str, parent: Congress | None = None,
                    province: str = "", city: str = "", chain: list[str] | None = None) -> Congress:
    """A new congress with its default outlet catalogue (a system action: no acting member)."""
    from tribune.outlets.services import catalogue_load

    chain = list(chain or DEFAULT_CHAIN)
    validate_chain(chain)
    congress = Congress.objects.create(name=name, short_name=short_name, code=code, level=level, parent=parent,
                                       province=province, city=city, approval_chain=chain)
    catalogue_load(congress)
    audit_record(action="congress.create", obj=congress, congress=congress)
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
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ServiceError(_("This login name is taken."), field="username")
    user = User.objects.create_user(username=username, password=password)
    member = Member.objects.create(user=user, congress=congress, office=office, name=name, title=title)
    MemberRole.objects.bulk_create(MemberRole(member=member, role=role) for role in dict.fromkeys(roles))
    audit_record(action="member.create", member=actor, congress=congress, obj=member,
                 detail={"roles": list(roles)})
    return member


@transaction.atomic
def congress_set_chain(*, member: Member, chain: list[str]) -> Congress:
    access.require(access.can_configure_chain(member, member.congress),
                   _("Only an administrator changes the approval chain."))
    from django.core.exceptions import ValidationError

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
