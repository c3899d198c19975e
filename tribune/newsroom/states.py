"""A manuscript's state, derived from facts. Pure: no Django models, only labels."""

from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class State(TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved")
    SUBMITTED = "submitted", _("Submitted to outlets")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


@dataclass(frozen=True)
class RequestFacts:
    """The latest review request: how many steps its chain has, how many were approved, and
    whether a reviewer returned it."""

    steps: int
    approvals: int
    returned: bool


@dataclass(frozen=True)
class Facts:
    latest_request: RequestFacts | None
    submissions: int
    live_publications: int
    withdrawn_publications: int


def derive_state(facts: Facts) -> tuple[State, int | None]:
    """The state, and for a manuscript in review the 0-based index of the step now due."""
    if facts.live_publications:
        return State.PUBLISHED, None
    if facts.withdrawn_publications:
        return State.WITHDRAWN, None
    if facts.submissions:
        return State.SUBMITTED, None
    request = facts.latest_request
    if request is None:
        return State.DRAFT, None
    if request.returned:
        return State.RETURNED, None
    if request.approvals >= request.steps:
        return State.APPROVED, None
    return State.IN_REVIEW, request.approvals


EDITABLE_STATES = frozenset({State.DRAFT, State.RETURNED, State.IN_REVIEW, State.APPROVED})
SUBMITTABLE_STATES = frozenset({State.DRAFT, State.RETURNED})
OUTLET_READY_STATES = frozenset({State.APPROVED, State.SUBMITTED, State.PUBLISHED, State.WITHDRAWN})
