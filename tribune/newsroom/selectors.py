"""Reads the newsroom pages share: the filtered manuscript list, everything a manuscript page
shows (in a fixed number of queries however long its history), and versions to compare."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone

from tribune.newsroom.models import (
    Attachment,
    Decision,
    Instruction,
    Manuscript,
    ManuscriptAuthor,
    ManuscriptKind,
    ManuscriptVersion,
    MetricSnapshot,
    Publication,
    PublicationChange,
    Reprint,
    Review,
    ReviewRequest,
    Submission,
    Topic,
)
from tribune.newsroom.states import State
from tribune.org.models import ChainStep, Member

SORTS = {
    "-created": ("-created_at", "-id"),
    "created": ("created_at", "id"),
    "-updated": ("-updated_at", "-id"),
    # PostgreSQL puts NULLs first in a descending sort; a manuscript without an event date goes last.
    "-event": (F("event_date").desc(nulls_last=True), "-created_at", "-id"),
}


def manuscripts_for(congress):
    return Manuscript.objects.filter(congress=congress)


def filter_manuscripts(congress, filters: dict):
    """The manuscripts of a congress matching already-validated filters (a form's
    cleaned_data): state, office, author, created from/to, outlet level of a live publication,
    search words (every word must occur in the title or the body), and sort order."""
    qs = manuscripts_for(congress).select_related("office")
    if filters.get("state"):
        qs = qs.filter(state=filters["state"])
    if filters.get("office"):
        qs = qs.filter(office=filters["office"])
    if filters.get("author"):
        qs = qs.filter(authorships__member=filters["author"])
    if filters.get("date_from"):
        qs = qs.filter(created_at__gte=_start_of(filters["date_from"]))
    if filters.get("date_to"):
        qs = qs.filter(created_at__lt=_start_of(filters["date_to"], next_day=True))
    if filters.get("level"):
        qs = qs.filter(submissions__outlet__level=filters["level"],
                       submissions__publication__isnull=False,
                       submissions__publication__withdrawn_at__isnull=True)
    # icontains finds a two-character Chinese word anywhere in the text; there is no word
    # splitting to get wrong. Words separated by spaces must all occur.
    for word in (filters.get("q") or "").split()[:8]:
        qs = qs.filter(Q(title__icontains=word) | Q(body__icontains=word))
    if filters.get("author") or filters.get("level"):
        qs = qs.distinct()
    return qs.order_by(*SORTS.get(filters.get("sort") or "-created", SORTS["-created"]))


def _start_of(day: date, next_day: bool = False) -> datetime:
    if next_day:
        day = date.fromordinal(day.toordinal() + 1)
    return timezone.make_aware(datetime.combine(day, time.min))


def list_page_rows(manuscripts: list) -> list:
    """Decorate one page of the list with its authors (name, share) and live publication counts:
    two queries whatever the page size. Plain tuples, not model instances: building fifty rows of
    authors and members as objects was a sixth of the page's time."""
    ids = [m.pk for m in manuscripts]
    authors = defaultdict(list)
    for manuscript_id, name, share in (ManuscriptAuthor.objects.filter(manuscript__in=ids)
                                       .order_by("manuscript", "position")
                                       .values_list("manuscript_id", "member__name", "share")):
        authors[manuscript_id].append((name, share))
    counts = dict(
        Publication.objects.filter(submission__manuscript__in=ids, withdrawn_at__isnull=True)
        .values("submission__manuscript").annotate(n=Count("id")).values_list("submission__manuscript", "n")
    )
    # Labels looked up once per page: Model.get_FOO_display() rebuilds the whole choices mapping
    # on every call.
    states, kinds = dict(State.choices), dict(ManuscriptKind.choices)
    for m in manuscripts:
        m.live_publications = counts.get(m.pk, 0)
        m.author_list = authors[m.pk]
        m.state_label, m.kind_label = states[m.state], kinds[m.kind]
    return manuscripts


# --- The manuscript page -------------------------------------------------------------------

@dataclass
class ChainStepView:
    role: str
    label: str
    status: str  # done | current | returned | pending
    reviewer: str = ""
    when: datetime | None = None


@dataclass
class TimelineEntry:
    when: datetime
    kind: str
    css: str
    obj: object = None
    extra: dict = field(default_factory=dict)


@dataclass
class ManuscriptPage:
    manuscript: Manuscript
    authorships: list
    attachments: list
    requests: list
    chain: list
    versions: list
    submissions: list
    instructions: list
    timeline: list
    last_return: Review | None


def manuscript_page(manuscript: Manuscript) -> ManuscriptPage:
    """Everything the manuscript page shows, in about a dozen queries regardless of the length
    of its history (every relation fetched in one query and joined in Python)."""
    authorships = list(manuscript.authorships.select_related("member", "member__office"))
    manuscript._author_ids = {a.member_id for a in authorships}
    attachments = list(Attachment.objects.filter(manuscript=manuscript))
    reviews = Prefetch("reviews", queryset=Review.objects.select_related("reviewer").order_by("step", "decided_at"))
    requests = list(ReviewRequest.objects.filter(manuscript=manuscript).select_related("requested_by")
                    .prefetch_related(reviews).order_by("requested_at", "id"))
    versions = list(ManuscriptVersion.objects.filter(manuscript=manuscript).select_related("saved_by")
                    .order_by("revision"))
    submissions = list(Submission.objects.filter(manuscript=manuscript)
                       .select_related("outlet", "submitted_by", "publication", "publication__recorded_by")
                       .order_by("submitted_at", "id"))
    publications = [s.publication for s in submissions if publication_of(s) is not None]
    by_publication = {p.pk: p for p in publications}
    for p in publications:
        p.change_list, p.metric_list, p.reprint_list = [], [], []
    if publications:
        for change in PublicationChange.objects.filter(publication__in=publications).select_related("changed_by"):
            by_publication[change.publication_id].change_list.append(change)
        for snap in MetricSnapshot.objects.filter(publication__in=publications).order_by("taken_at", "id"):
            by_publication[snap.publication_id].metric_list.append(snap)
        for reprint in Reprint.objects.filter(publication__in=publications).order_by("reprinted_on", "id"):
            by_publication[reprint.publication_id].reprint_list.append(reprint)
    for p in publications:
        p.latest_metrics = p.metric_list[-1] if p.metric_list else None
    instructions = list(Instruction.objects.filter(manuscript=manuscript).select_related("recorded_by"))
    return ManuscriptPage(
        manuscript=manuscript, authorships=authorships, attachments=attachments, requests=requests,
        chain=approval_chain(manuscript, requests[-1] if requests else None), versions=versions,
        submissions=submissions, instructions=instructions,
        timeline=_timeline(requests, versions, submissions, instructions),
        last_return=_last_return(requests),
    )


def publication_of(submission):
    try:
        return submission.publication
    except Submission.publication.RelatedObjectDoesNotExist:
        return None


def approval_chain(manuscript, request) -> list[ChainStepView]:
    """The steps of the latest review request (or of the congress's chain before the first
    submission), each done, current, returned or pending."""
    chain = request.chain if request else manuscript.congress.chain()
    decided = {r.step: r for r in request.reviews.all()} if request else {}
    steps = []
    for index, role in enumerate(chain):
        review = decided.get(index)
        if review is not None:
            status = "done" if review.decision == Decision.APPROVE else "returned"
            steps.append(ChainStepView(role, ChainStep(role).label, status, review.reviewer.name, review.decided_at))
        elif manuscript.review_step == index:
            steps.append(ChainStepView(role, ChainStep(role).label, "current"))
        else:
            steps.append(ChainStepView(role, ChainStep(role).label, "pending"))
    return steps


def _last_return(requests) -> Review | None:
    if not requests:
        return None
    returns = [r for r in requests[-1].reviews.all() if r.decision == Decision.RETURN]
    return returns[-1] if returns else None


def _timeline(requests, versions, submissions, instructions) -> list[TimelineEntry]:
    """Every fact of the manuscript's life in time order (oldest first)."""
    entries = []
    for request in requests:
        entries.append(TimelineEntry(request.requested_at, "request", "info", request))
        for review in request.reviews.all():
            css = "ok" if review.decision == Decision.APPROVE else "bad"
            entries.append(TimelineEntry(review.decided_at, "review", css, review))
    previous = None
    for version in versions:
        entries.append(TimelineEntry(version.saved_at, "version", "", version, {"previous": previous}))
        previous = version
    for submission in submissions:
        entries.append(TimelineEntry(submission.submitted_at, "submission", "info", submission))
        publication = publication_of(submission)
        if publication is None:
            continue
        entries.append(TimelineEntry(publication.recorded_at, "publication", "ok", publication,
                                     {"outlet": submission.outlet}))
        for change in publication.change_list:
            entries.append(TimelineEntry(change.changed_at, "change", "bad" if change.kind == "withdraw" else "",
                                         change, {"outlet": submission.outlet}))
        for snap in publication.metric_list:
            entries.append(TimelineEntry(snap.taken_at, "metrics", "", snap, {"outlet": submission.outlet}))
        for reprint in publication.reprint_list:
            entries.append(TimelineEntry(_aware(reprint.reprinted_on), "reprint", "ok", reprint,
                                         {"outlet": submission.outlet}))
    for instruction in instructions:
        entries.append(TimelineEntry(_aware(instruction.given_on), "instruction", "ok", instruction))
    entries.sort(key=lambda e: e.when)
    return entries


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def open_topics(congress, current: Topic | None = None):
    qs = Topic.objects.filter(congress=congress).filter(Q(closed_at__isnull=True) | Q(pk=getattr(current, "pk", None)))
    return qs.order_by("-created_at")


def possible_authors(congress):
    return Member.objects.filter(congress=congress, is_active=True).select_related("office").order_by(
        "office__position", "name")


# --- Versions --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Revision:
    number: int
    title: str
    body: str
    saved_at: datetime | None
    saved_by: str
    current: bool = False


def revisions(manuscript: Manuscript) -> list[Revision]:
    """Every kept revision and the current text (once), oldest first."""
    kept = [Revision(v.revision, v.title, v.body, v.saved_at, v.saved_by.name)
            for v in manuscript.versions.select_related("saved_by").order_by("revision")
            if v.revision != manuscript.revision]
    kept.append(Revision(manuscript.revision, manuscript.title, manuscript.body, manuscript.updated_at, "", True))
    return kept
