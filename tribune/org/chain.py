"""Which people a step of the approval chain resolves to: the one home of that rule.

A congress's approval chain names roles (`ChainStep`), not people; a step is resolved against the
office whose work is reviewed, at the time it is due: the head of that office, the leader in
charge of that office, the director, the coordinator. The same rule is needed in three shapes,
all here so that they cannot drift apart:

- `holds(member, step, office)`: whether a member is that person (the permission to decide);
- `holders(congress, step, office)`: the active members who are (whom to notify);
- `held_by(member)`: a `Q` selecting the objects whose current step the member holds (a review
  queue), over any model with a step field and an office.
"""

from django.db.models import Q, QuerySet

from tribune.org.models import ChainStep, Member, Office, Role

STEP_ROLES = {
    ChainStep.OFFICE_HEAD: Role.OFFICE_HEAD,
    ChainStep.LEADER: Role.LEADER,
    ChainStep.DIRECTOR: Role.DIRECTOR,
    ChainStep.COORDINATOR: Role.COORDINATOR,
}


def holds(member: Member, step: str, office: Office) -> bool:
    """Whether `member` is a person `step` resolves to for a piece of `office`'s work."""
    role = STEP_ROLES.get(step)
    if member is None or role is None or not member.has_role(role):
        return False
    if step == ChainStep.OFFICE_HEAD:
        return member.office_id == office.pk
    if step == ChainStep.LEADER:
        return office.leader_id == member.pk
    return True


def holders(congress, step: str, office: Office) -> QuerySet:
    """The active members of `congress` that `step` resolves to for a piece of `office`'s work."""
    role = STEP_ROLES.get(step)
    if role is None:
        return Member.objects.none()
    members = Member.objects.filter(congress=congress, is_active=True, roles__role=role)
    if step == ChainStep.OFFICE_HEAD:
        members = members.filter(office=office)
    elif step == ChainStep.LEADER:
        members = members.filter(pk=office.leader_id)
    return members.prefetch_related("roles")


def held_by(member: Member, *, step_field: str = "review_role", office_field: str = "office") -> Q:
    """The objects whose step (`step_field`) resolves to `member` for their office
    (`office_field`); the caller scopes them to the congress and to the state in which a step is
    due."""
    q = Q(pk__in=[])
    if member.has_role(Role.OFFICE_HEAD) and member.office_id:
        q |= Q(**{step_field: ChainStep.OFFICE_HEAD, f"{office_field}_id": member.office_id})
    if member.has_role(Role.LEADER):
        q |= Q(**{step_field: ChainStep.LEADER, f"{office_field}__leader": member})
    if member.has_role(Role.DIRECTOR):
        q |= Q(**{step_field: ChainStep.DIRECTOR})
    if member.has_role(Role.COORDINATOR):
        q |= Q(**{step_field: ChainStep.COORDINATOR})
    return q
