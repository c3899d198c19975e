"""Review along the congress's approval chain: submitting for review, approving a step,
returning for revision; each step's people are told on commit."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.newsroom.models import Decision, Manuscript, ManuscriptVersion, Review, ReviewRequest
from tribune.newsroom.services.state import lock, manuscript_link, refresh_state, step_holders
from tribune.newsroom.states import State
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, StaleError
from tribune.org.models import Member, Role
from tribune.org.notify import notify


def open_review(manuscript: Manuscript, member: Member, *, reason: str) -> ReviewRequest:
    steps = manuscript.congress.chain()
    request = ReviewRequest.objects.create(
        manuscript=manuscript, revision=manuscript.revision, chain=steps, steps=len(steps),
        requested_by=member, reason=reason,
    )
    refresh_state(manuscript)
    notify(step_holders(manuscript, steps[0]), kind="review_due",
           text=_("To review: %(title)s") % {"title": manuscript.title}, url=manuscript_link(manuscript))
    return request


@transaction.atomic
def manuscript_submit_for_review(*, member: Member, manuscript: Manuscript, version: int) -> ReviewRequest:
    access.require(access.can_submit_for_review(member, manuscript),
                   _("This manuscript cannot be submitted for review now."))
    if not manuscript.body.strip():
        raise ServiceError(_("Write the body text before submitting."), field="body")
    lock(manuscript, version)
    if manuscript.review_requests.exists():
        # Keep the text the reviewers saw last time, so the diff shows what the writer changed.
        ManuscriptVersion.objects.get_or_create(
            manuscript=manuscript, revision=manuscript.revision,
            defaults={"title": manuscript.title, "body": manuscript.body, "saved_by": member,
                      "saved_at": timezone.now()},
        )
    reason = "resubmit" if manuscript.state == State.RETURNED else "submit"
    request = open_review(manuscript, member, reason=reason)
    ManuscriptVersion.objects.get_or_create(
        manuscript=manuscript, revision=manuscript.revision,
        defaults={"title": manuscript.title, "body": manuscript.body, "saved_by": member,
                  "saved_at": timezone.now()},
    )
    audit_record(action="manuscript.submit_for_review", member=member, obj=manuscript,
                 detail={"revision": manuscript.revision, "chain": request.chain})
    return request


def _decide(member, manuscript, version, decision, comment) -> Review:
    access.require(access.can_review(member, manuscript), _("You may not review this manuscript now."))
    lock(manuscript, version)
    request = manuscript.review_requests.order_by("-requested_at", "-id").first()
    try:
        with transaction.atomic():
            review = Review.objects.create(
                request=request, step=manuscript.review_step, step_role=manuscript.review_role,
                reviewer=member, decision=decision, comment=comment,
            )
    except IntegrityError:
        raise StaleError(_("This step has already been decided."), current=manuscript) from None
    refresh_state(manuscript)
    return review


@transaction.atomic
def manuscript_approve(*, member: Member, manuscript: Manuscript, version: int, comment: str = "") -> Review:
    review = _decide(member, manuscript, version, Decision.APPROVE, (comment or "").strip())
    audit_record(action="manuscript.approve", member=member, obj=manuscript,
                 detail={"step": review.step + 1, "role": review.step_role})
    authors = list(manuscript.authors.all())
    if manuscript.state == State.APPROVED:
        coordinators = Member.objects.filter(congress=manuscript.congress, roles__role=Role.COORDINATOR)
        notify([*authors, *coordinators], kind="approved",
               text=_("Approved: %(title)s") % {"title": manuscript.title}, url=manuscript_link(manuscript))
    else:
        notify(step_holders(manuscript, manuscript.review_role), kind="review_due",
               text=_("To review: %(title)s") % {"title": manuscript.title}, url=manuscript_link(manuscript))
    return review


@transaction.atomic
def manuscript_return(*, member: Member, manuscript: Manuscript, version: int, comment: str) -> Review:
    comment = (comment or "").strip()
    if not comment:
        raise ServiceError(_("Say what must change: a returned manuscript needs a comment."), field="comment")
    review = _decide(member, manuscript, version, Decision.RETURN, comment)
    audit_record(action="manuscript.return", member=member, obj=manuscript,
                 detail={"step": review.step + 1, "comment": comment[:200]})
    notify(manuscript.authors.all(), kind="returned",
           text=_("Returned for revision: %(title)s") % {"title": manuscript.title}, url=manuscript_link(manuscript))
    return review
