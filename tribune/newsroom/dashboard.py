"""What a member's dashboard shows: what I must write, review, revise and submit, and what was
published lately. A fixed number of queries whatever the number of manuscripts."""

import importlib

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from tribune.newsroom.models import Decision, Manuscript, ManuscriptAuthor, Publication, Review, Topic
from tribune.newsroom.states import State
from tribune.org import access
from tribune.org.models import ChainStep, Role

LIMIT = 10


def _manuscripts(congress):
    # The lists show the title, the office and the last change: not the body, which may be long.
    return (Manuscript.objects.filter(congress=congress).select_related("office")
            .only("id", "title", "updated_at", "office__name").order_by("-updated_at", "-id"))


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


def _latest_returns(manuscripts) -> None:
    """Attach to each returned manuscript the review that returned it (one query)."""
    if not manuscripts:
        return
    by_id = {m.pk: m for m in manuscripts}
    for review in (Review.objects.filter(request__manuscript__in=list(by_id), decision=Decision.RETURN)
                   .select_related("reviewer", "request").order_by("request__requested_at", "decided_at")):
        by_id[review.request.manuscript_id].last_return = review  # the latest wins


def for_member(member) -> dict:
    """The dashboard's lists and counts: about fifteen queries, however many manuscripts."""
    congress = member.congress
    today = timezone.localdate()
    mine = _manuscripts(congress).filter(authorships__member=member)
    reviews = member.has_role(Role.OFFICE_HEAD, Role.LEADER, Role.DIRECTOR, Role.COORDINATOR)
    coordinates = member.has_role(Role.COORDINATOR)
    to_review = _manuscripts(congress).filter(review_queue_filter(member)).distinct()
    to_revise = list(mine.filter(state=State.RETURNED)[:LIMIT])
    _latest_returns(to_revise)
    topics = list(
        Topic.objects.filter(congress=congress, assignee=member, closed_at__isnull=True)
        .annotate(written=Count("manuscripts", filter=Q(manuscripts__authorships__member=member), distinct=True))
        .order_by(F("due_date").asc(nulls_last=True), "-created_at")[:LIMIT]
    )
    for topic in topics:
        topic.late = topic.due_date is not None and topic.due_date < today and not topic.written
    month_start = today.replace(day=1)
    published = (Publication.objects.filter(submission__manuscript__congress=congress, withdrawn_at__isnull=True)
                 .select_related("submission__outlet", "submission__manuscript__office"))
    recent = list(published.annotate(is_mine=Exists(ManuscriptAuthor.objects.filter(
        manuscript=OuterRef("submission__manuscript"), member=member))).order_by("-published_on", "-id")[:LIMIT])
    # The counts of the congress's manuscripts in one aggregate query (the review queue keeps its
    # own: its filter joins differently).
    by_state = Manuscript.objects.filter(congress=congress).aggregate(
        drafts=Count("id", filter=Q(state=State.DRAFT, authorships__member=member), distinct=True),
        to_revise=Count("id", filter=Q(state=State.RETURNED, authorships__member=member), distinct=True),
        to_submit=Count("id", filter=Q(state=State.APPROVED), distinct=True),
        awaiting=Count("id", filter=Q(state=State.SUBMITTED), distinct=True),
    )
    counts = {
        "drafts": by_state["drafts"],
        "to_revise": by_state["to_revise"],
        "to_review": to_review.count() if reviews else None,
        "to_submit": by_state["to_submit"] if coordinates else None,
        "awaiting": by_state["awaiting"] if coordinates else None,
        "published_month": published.filter(published_on__gte=month_start).count(),
    }
    return {
        "member": member,
        "counts": counts,
        "topics": topics,
        "my_drafts": list(mine.filter(state=State.DRAFT)[:LIMIT]),
        "to_revise": to_revise,
        "mine_in_review": list(mine.filter(state=State.IN_REVIEW)[:LIMIT]),
        "to_review": list(to_review[:LIMIT]) if reviews else [],
        "to_submit": list(_manuscripts(congress).filter(state=State.APPROVED)[:LIMIT]) if coordinates else [],
        "awaiting_publication": list(_manuscripts(congress).filter(state=State.SUBMITTED)[:LIMIT])
        if coordinates else [],
        "can_write": access.can_create_manuscript(member),
        "reviews": reviews,
        "coordinates": coordinates,
        "panels": panels(member),
        "recent_publications": recent,
    }


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
