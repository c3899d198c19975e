"""The newsroom's panel of the dashboard: what I must write, review, revise and submit, and what
was published lately. A fixed number of queries whatever the number of manuscripts."""

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from tribune.kit.plugins import dashboard_panels
from tribune.newsroom.models import Decision, Manuscript, ManuscriptAuthor, Publication, Review, Topic
from tribune.newsroom.states import State
from tribune.org import access, chain
from tribune.org.models import Role

LIMIT = 10


def _manuscripts(congress):
    # The lists show the title, the office and the last change: not the body, which may be long.
    return (Manuscript.objects.filter(congress=congress).select_related("office")
            .only("id", "title", "updated_at", "office__name").order_by("-updated_at", "-id"))


def review_queue_filter(member) -> Q:
    """Manuscripts in review whose current step resolves to this member, and not their own."""
    return Q(state=State.IN_REVIEW) & chain.held_by(member) & ~Q(authorships__member=member)


def _latest_returns(manuscripts) -> None:
    """Attach to each returned manuscript the review that returned it (one query)."""
    if not manuscripts:
        return
    by_id = {m.pk: m for m in manuscripts}
    for review in (Review.objects.filter(request__manuscript__in=list(by_id), decision=Decision.RETURN)
                   .select_related("reviewer", "request").order_by("request__requested_at", "decided_at")):
        by_id[review.request.manuscript_id].last_return = review  # the latest wins


@dashboard_panels.register
def panels(member) -> list[dict]:
    """The lists and counts: about fifteen queries, however many manuscripts."""
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
    return [{
        "template": "newsroom/partials/dashboard_work.html",
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
        "recent_publications": recent,
    }]
