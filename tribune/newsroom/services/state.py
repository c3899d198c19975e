"""A manuscript's derived state and the helpers every change of it shares: the state rebuilt from
the facts (the only writer of `Manuscript.state`), who the chain's next step resolves to, the
optimistic lock and the row hold."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tribune.newsroom.models import Decision, Manuscript, Publication
from tribune.newsroom.states import Facts, RequestFacts, State, derive_state
from tribune.org import chain
from tribune.org.errors import bump_version
from tribune.org.models import Member


def stale_message():
    return _("Someone changed this manuscript after you opened it. Nothing was saved; "
             "the current text is shown below.")


def manuscript_facts(manuscript: Manuscript) -> Facts:
    request = manuscript.review_requests.order_by("-requested_at", "-id").first()
    request_facts = None
    if request is not None:
        counts = request.reviews.aggregate(
            approvals=Count("id", filter=Q(decision=Decision.APPROVE)),
            returns=Count("id", filter=Q(decision=Decision.RETURN)),
        )
        request_facts = RequestFacts(steps=request.steps, approvals=counts["approvals"],
                                     returned=counts["returns"] > 0)
    publications = Publication.objects.filter(submission__manuscript=manuscript).aggregate(
        live=Count("id", filter=Q(withdrawn_at__isnull=True)),
        withdrawn=Count("id", filter=Q(withdrawn_at__isnull=False)),
    )
    return Facts(
        latest_request=request_facts,
        submissions=manuscript.submissions.count(),
        live_publications=publications["live"],
        withdrawn_publications=publications["withdrawn"],
    )


def refresh_state(manuscript: Manuscript) -> State:
    """Rebuild the cached state of a manuscript from its facts (the only writer of `state`)."""
    state, step = derive_state(manuscript_facts(manuscript))
    role = ""
    if step is not None:
        request = manuscript.review_requests.order_by("-requested_at", "-id").first()
        role = request.chain[step]
    Manuscript.objects.filter(pk=manuscript.pk).update(state=state, review_step=step, review_role=role)
    manuscript.state, manuscript.review_step, manuscript.review_role = state, step, role
    return state


def step_holders(manuscript: Manuscript, step_role: str) -> list[Member]:
    """The members a chain step resolves to for this manuscript, now."""
    return list(chain.holders(manuscript.congress, step_role, manuscript.office))


def manuscript_link(manuscript) -> str:
    return reverse("newsroom:manuscript", args=[manuscript.pk])


def lock(manuscript: Manuscript, version: int | None) -> Manuscript:
    """Take the optimistic lock of a manuscript for a change based on `version`."""
    bump_version(manuscript, manuscript.version if version is None else int(version), stale_message())
    return manuscript


def hold(manuscript: Manuscript) -> None:
    """Lock the manuscript's row until the transaction ends, without changing its version: two
    copies of one form sent at once are checked for duplicates one after the other."""
    list(Manuscript.objects.select_for_update().filter(pk=manuscript.pk).values_list("pk"))
