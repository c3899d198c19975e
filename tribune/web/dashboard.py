"""What a member's dashboard shows: what I must write, review, revise and submit, and what was
published lately. A fixed number of queries whatever the number of manuscripts."""

import importlib

from django.db.models import Q

from tribune.newsroom.models import Manuscript, Publication
from tribune.newsroom.states import State
from tribune.org import access
from tribune.org.models import ChainStep, Role

LIMIT = 10


def _manuscripts(congress):
    return (Manuscript.objects.filter(congress=congress).select_related("office", "created_by")
            .order_by("-updated_at", "-id"))


def review_queue_filter(member) -> Q:
    """Manuscripts in review whose current step resolves to this member (mirrors access.holds_step)."""
    q = Q(pk__in=[])
    if member.has_role(Role.OFFICE_HEAD) and member.office_id:
        q |= Q(review_role=ChainStep.OFFICE_HEAD, office_id=member.office_id)
    if member.has_role(Role.LEADER):
        q |= Q(review_role=ChainStep.LEADER, office__leader=member)
    if member.has_role(Role.DIRECTOR):
        q |= Q(review_role=ChainStep.DIRECTOR)
    if member.has_role(Role.COORDINATOR):
        q |= Q(review_role=ChainStep.COORDINATOR)
    return Q(state=State.IN_REVIEW) & q & ~Q(authorships__member=member)


def for_member(member) -> dict:
    congress = member.congress
    mine = _manuscripts(congress).filter(authorships__member=member)
    context = {
        "member": member,
        "my_drafts": list(mine.filter(state=State.DRAFT)[:LIMIT]),
        "to_revise": list(mine.filter(state=State.RETURNED)[:LIMIT]),
        "mine_in_review": list(mine.filter(state=State.IN_REVIEW)[:LIMIT]),
        "to_review": list(_manuscripts(congress).filter(review_queue_filter(member)).distinct()[:LIMIT])
        if member.has_role(Role.OFFICE_HEAD, Role.LEADER, Role.DIRECTOR, Role.COORDINATOR) else [],
        "to_submit": list(_manuscripts(congress).filter(state=State.APPROVED)[:LIMIT])
        if member.has_role(Role.COORDINATOR) else [],
        "can_write": access.can_create_manuscript(member),
        "panels": panels(member),
        "recent_publications": list(
            Publication.objects.filter(submission__manuscript__congress=congress, withdrawn_at__isnull=True)
            .select_related("submission__outlet", "submission__manuscript__office")
            .order_by("-published_on", "-id")[:LIMIT]
        ),
    }
    return context


# Apps add panels to the dashboard by providing `panels(member) -> list[dict]` in a module named
# here; each dict has a "template" to include and any context it needs. The web app does not
# know what the panels show.
PANEL_PROVIDERS = ["tribune.planning.dashboard", "tribune.assessment.dashboard", "tribune.deputies.dashboard"]


def panels(member) -> list[dict]:
    result = []
    for name in PANEL_PROVIDERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        result.extend(module.panels(member))
    return result
