"""Every change of a manuscript's life: one function, one transaction, permission checked
inside, audit entry written in the same transaction, notifications after commit."""

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.kit import files
from tribune.newsroom import docx_io, filetypes
from tribune.newsroom.models import (
    Attachment,
    Channel,
    Decision,
    Instruction,
    JointReport,
    Manuscript,
    ManuscriptAuthor,
    ManuscriptKind,
    ManuscriptVersion,
    MetricSnapshot,
    MetricSource,
    Placement,
    Publication,
    PublicationChange,
    Reprint,
    Review,
    ReviewRequest,
    Submission,
    Topic,
)
from tribune.newsroom.states import Facts, RequestFacts, State, derive_state
from tribune.org import access, chain
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, StaleError, bump_version
from tribune.org.models import Member, Office, Role
from tribune.org.notify import notify
from tribune.outlets.models import Outlet, OutletLevel


def _stale_manuscript():
    return _("Someone changed this manuscript after you opened it. Nothing was saved; "
             "the current text is shown below.")


# --- State ---------------------------------------------------------------------------------

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


def _url(manuscript) -> str:
    return reverse("newsroom:manuscript", args=[manuscript.pk])


def _lock(manuscript: Manuscript, version: int | None) -> Manuscript:
    """Take the optimistic lock of a manuscript for a change based on `version`."""
    bump_version(manuscript, manuscript.version if version is None else int(version), _stale_manuscript())
    return manuscript


def _hold(manuscript: Manuscript) -> None:
    """Lock the manuscript's row until the transaction ends, without changing its version: two
    copies of one form sent at once are checked for duplicates one after the other."""
    list(Manuscript.objects.select_for_update().filter(pk=manuscript.pk).values_list("pk"))


# --- Authors ---------------------------------------------------------------------------------

def parse_authors(congress, entries: Sequence[tuple[Member | int, object]]) -> list[tuple[Member, Decimal]]:
    """Validate an ordered list of (member, share %): members of the congress, each once, shares
    positive with two decimals at most, summing to exactly 100."""
    if not entries:
        raise ServiceError(_("A manuscript needs at least one author."), field="authors")
    result, seen = [], set()
    for who, raw_share in entries:
        member = who if isinstance(who, Member) else Member.objects.filter(pk=who).first()
        if member is None or member.congress_id != congress.pk or not member.is_active:
            raise ServiceError(_("An author must be an active member of this congress."), field="authors")
        if member.pk in seen:
            raise ServiceError(_("%(name)s is listed twice as an author.") % {"name": member.name},
                               field="authors")
        seen.add(member.pk)
        try:
            share = Decimal(str(raw_share).strip().rstrip("%"))
        except (InvalidOperation, ValueError):
            raise ServiceError(_("A share must be a number, e.g. 60 or 33.33."), field="authors") from None
        if not share.is_finite() or share <= 0 or share > 100 or share != share.quantize(Decimal("0.01")):
            raise ServiceError(_("Each share must be more than 0 and at most 100, with at most two decimals."),
                               field="authors")
        result.append((member, share))
    if sum(share for _m, share in result) != Decimal("100"):
        raise ServiceError(_("The authors' shares must add up to 100%."), field="authors")
    return result


def _set_authors(manuscript: Manuscript, authors: list[tuple[Member, Decimal]]) -> None:
    manuscript.authorships.all().delete()
    ManuscriptAuthor.objects.bulk_create(
        ManuscriptAuthor(manuscript=manuscript, member=member, position=i, share=share)
        for i, (member, share) in enumerate(authors, start=1)
    )
    manuscript._author_ids = {m.pk for m, _s in authors}


# --- Writing ---------------------------------------------------------------------------------

def _clean_text(title: str, body: str) -> tuple[str, str]:
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("The title cannot be empty."), field="title")
    if len(title) > 200:
        raise ServiceError(_("The title can have at most 200 characters."), field="title")
    body = (body or "").replace("\r\n", "\n").strip()
    return title, body


def _check_topic(congress, topic):
    if topic is not None and topic.congress_id != congress.pk:
        raise ServiceError(_("The topic belongs to another congress."), field="topic")


@transaction.atomic
def manuscript_create(
    *, member: Member, title: str, body: str = "", office: Office | None = None,
    kind: str = ManuscriptKind.ARTICLE, topic: Topic | None = None, event_date: dt.date | None = None,
    editor: str = "", supervisor: str = "", authors=None,
) -> Manuscript:
    access.require(access.can_create_manuscript(member), _("You may not write manuscripts."))
    title, body = _clean_text(title, body)
    office = office or member.office
    if office.congress_id != member.congress_id:
        raise ServiceError(_("The office belongs to another congress."), field="office")
    if kind not in ManuscriptKind.values:
        raise ServiceError(_("Unknown kind of manuscript."), field="kind")
    _check_topic(member.congress, topic)
    author_list = parse_authors(member.congress, authors or [(member, 100)])
    manuscript = Manuscript.objects.create(
        congress=member.congress, office=office, title=title, body=body, kind=kind, topic=topic,
        event_date=event_date, editor=editor.strip()[:40], supervisor=supervisor.strip()[:40],
        created_by=member,
    )
    _set_authors(manuscript, author_list)
    audit_record(action="manuscript.create", member=member, obj=manuscript)
    return manuscript


def manuscript_import_docx(*, member: Member, data: bytes, **fields) -> Manuscript:
    """A new draft from a Word file: its first paragraph is the title, the rest the body.

    Not one transaction: the file is read first, outside any transaction, because SQLite's
    write lock is taken when a transaction opens (IMMEDIATE): a slow file read inside it made
    every other user's save fail with "database is locked". The write is manuscript_create's
    own short transaction."""
    access.require(access.can_create_manuscript(member), _("You may not write manuscripts."))
    try:
        title, body = docx_io.read_docx(data)
    except docx_io.DocxError as exc:
        raise ServiceError(str(exc), field="file") from exc
    return manuscript_create(member=member, title=title, body=body, **fields)


def _has_been_submitted(manuscript: Manuscript) -> bool:
    return manuscript.review_requests.exists()


@transaction.atomic
def manuscript_update(
    *, member: Member, manuscript: Manuscript, version: int, title: str, body: str,
    kind: str | None = None, topic: Topic | None = None, event_date: dt.date | None = None,
    editor: str | None = None, supervisor: str | None = None, authors=None,
) -> Manuscript:
    """Save an edit made on a form based on `version`. After the first submission the previous
    text is kept as a version; editing a manuscript in review or approved sends it back to the
    first step of the chain, because an approval belongs to the text it approved."""
    access.require(access.can_edit_manuscript(member, manuscript), _("You may not edit this manuscript."))
    title, body = _clean_text(title, body)
    _check_topic(manuscript.congress, topic)
    if kind is not None and kind not in ManuscriptKind.values:
        raise ServiceError(_("Unknown kind of manuscript."), field="kind")
    author_list = parse_authors(manuscript.congress, authors) if authors is not None else None
    _lock(manuscript, version)
    text_changed = (title, body) != (manuscript.title, manuscript.body)
    if text_changed and _has_been_submitted(manuscript):
        ManuscriptVersion.objects.get_or_create(
            manuscript=manuscript, revision=manuscript.revision,
            defaults={"title": manuscript.title, "body": manuscript.body, "saved_by": member,
                      "saved_at": manuscript.updated_at},
        )
    previous_state = manuscript.state
    manuscript.title, manuscript.body = title, body
    if text_changed:
        manuscript.revision += 1
    if kind is not None:
        manuscript.kind = kind
    manuscript.topic = topic
    manuscript.event_date = event_date
    if editor is not None:
        manuscript.editor = editor.strip()[:40]
    if supervisor is not None:
        manuscript.supervisor = supervisor.strip()[:40]
    # Only the fields of the form: `version` moved by the lock above, and a full save would
    # write back stale copies of the other columns (state, created_at) held by this instance.
    manuscript.save(update_fields=["title", "body", "revision", "kind", "topic", "event_date", "editor",
                                   "supervisor", "updated_at"])
    if author_list is not None:
        _set_authors(manuscript, author_list)
    if text_changed and previous_state in (State.IN_REVIEW, State.APPROVED):
        _open_review(manuscript, member, reason="edited")
    audit_record(action="manuscript.update", member=member, obj=manuscript,
                 detail={"revision": manuscript.revision, "restarted_review": text_changed
                         and previous_state in (State.IN_REVIEW, State.APPROVED)})
    return manuscript


def _open_review(manuscript: Manuscript, member: Member, *, reason: str) -> ReviewRequest:
    steps = manuscript.congress.chain()
    request = ReviewRequest.objects.create(
        manuscript=manuscript, revision=manuscript.revision, chain=steps, steps=len(steps),
        requested_by=member, reason=reason,
    )
    refresh_state(manuscript)
    notify(step_holders(manuscript, steps[0]), kind="review_due",
           text=_("To review: %(title)s") % {"title": manuscript.title}, url=_url(manuscript))
    return request


@transaction.atomic
def manuscript_submit_for_review(*, member: Member, manuscript: Manuscript, version: int) -> ReviewRequest:
    access.require(access.can_submit_for_review(member, manuscript),
                   _("This manuscript cannot be submitted for review now."))
    if not manuscript.body.strip():
        raise ServiceError(_("Write the body text before submitting."), field="body")
    _lock(manuscript, version)
    if manuscript.review_requests.exists():
        # Keep the text the reviewers saw last time, so the diff shows what the writer changed.
        ManuscriptVersion.objects.get_or_create(
            manuscript=manuscript, revision=manuscript.revision,
            defaults={"title": manuscript.title, "body": manuscript.body, "saved_by": member,
                      "saved_at": timezone.now()},
        )
    reason = "resubmit" if manuscript.state == State.RETURNED else "submit"
    request = _open_review(manuscript, member, reason=reason)
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
    _lock(manuscript, version)
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
               text=_("Approved: %(title)s") % {"title": manuscript.title}, url=_url(manuscript))
    else:
        notify(step_holders(manuscript, manuscript.review_role), kind="review_due",
               text=_("To review: %(title)s") % {"title": manuscript.title}, url=_url(manuscript))
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
           text=_("Returned for revision: %(title)s") % {"title": manuscript.title}, url=_url(manuscript))
    return review


# --- Outlets and publications ----------------------------------------------------------------

@transaction.atomic
def manuscript_submit_to_outlets(
    *, member: Member, manuscript: Manuscript, version: int, outlets: Iterable[Outlet],
    channel: str = Channel.EMAIL, note: str = "", submitted_at: dt.datetime | None = None,
) -> list[Submission]:
    access.require(access.can_submit_to_outlet(member, manuscript),
                   _("Only the coordinator submits approved manuscripts to outlets."))
    outlets = list(outlets)
    if not outlets:
        raise ServiceError(_("Choose at least one outlet."), field="outlets")
    if channel not in Channel.values:
        raise ServiceError(_("Unknown channel."), field="channel")
    for outlet in outlets:
        if outlet.congress_id != manuscript.congress_id:
            raise ServiceError(_("The outlet belongs to another congress."), field="outlets")
    already = set(manuscript.submissions.filter(outlet__in=outlets).values_list("outlet__name", flat=True))
    if already:
        raise ServiceError(_("Already submitted to: %(names)s") % {"names": "、".join(sorted(already))},
                           field="outlets")
    _lock(manuscript, version)
    when = submitted_at or timezone.now()
    submissions = [
        Submission.objects.create(manuscript=manuscript, outlet=outlet, channel=channel,
                                  submitted_by=member, submitted_at=when, note=note.strip()[:200])
        for outlet in outlets
    ]
    refresh_state(manuscript)
    audit_record(action="manuscript.submit_to_outlets", member=member, obj=manuscript,
                 detail={"outlets": [o.name for o in outlets], "channel": channel})
    return submissions


def _clean_publication_fields(*, published_on, title, address, placement, combined, submission):
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("Give the title as published."), field="title")
    if placement not in Placement.values:
        raise ServiceError(_("Unknown placement."), field="placement")
    if published_on is None:
        raise ServiceError(_("Give the publication date."), field="published_on")
    if published_on > timezone.localdate():
        raise ServiceError(_("The publication date cannot be in the future."), field="published_on")
    if published_on < timezone.localtime(submission.submitted_at).date():
        raise ServiceError(_("The publication date cannot be before the submission."), field="published_on")
    return {"published_on": published_on, "title": title[:200], "address": (address or "").strip()[:500],
            "placement": placement, "combined": bool(combined)}


@transaction.atomic
def publication_record(
    *, member: Member, submission: Submission, published_on: dt.date, title: str, address: str = "",
    placement: str = Placement.NONE, combined: bool = False,
) -> Publication:
    manuscript = submission.manuscript
    access.require(access.can_record_publication(member, manuscript),
                   _("Only the coordinator records publications."))
    if Publication.objects.filter(submission=submission).exists():
        raise ServiceError(_("This submission already has a publication; correct it instead."))
    fields = _clean_publication_fields(published_on=published_on, title=title, address=address,
                                       placement=placement, combined=combined, submission=submission)
    _lock(manuscript, None)
    try:
        with transaction.atomic():
            publication = Publication.objects.create(submission=submission, recorded_by=member, **fields)
    except IntegrityError:
        raise ServiceError(_("This submission already has a publication; correct it instead.")) from None
    refresh_state(manuscript)
    audit_record(action="publication.record", member=member, obj=publication,
                 congress=manuscript.congress, detail={"outlet": submission.outlet.name})
    notify(manuscript.authors.all(), kind="published",
           text=_("Published in %(outlet)s: %(title)s") % {"outlet": submission.outlet.name,
                                                           "title": manuscript.title},
           url=_url(manuscript))
    return publication


def _publication_values(publication: Publication) -> dict:
    return {"published_on": publication.published_on.isoformat(), "title": publication.title,
            "address": publication.address, "placement": publication.placement,
            "combined": publication.combined}


@transaction.atomic
def publication_correct(
    *, member: Member, publication: Publication, version: int, reason: str, published_on: dt.date,
    title: str, address: str = "", placement: str = Placement.NONE, combined: bool = False,
) -> Publication:
    manuscript = publication.submission.manuscript
    access.require(access.can_correct_publication(member, manuscript),
                   _("Only the coordinator corrects publications."))
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Give the reason for the correction."), field="reason")
    fields = _clean_publication_fields(published_on=published_on, title=title, address=address,
                                       placement=placement, combined=combined,
                                       submission=publication.submission)
    bump_version(publication, int(version), _("Someone changed this publication after you opened it."))
    before = _publication_values(publication)
    for name, value in fields.items():
        setattr(publication, name, value)
    publication.save()
    PublicationChange.objects.create(publication=publication, kind="correct", reason=reason[:300],
                                     before=before, after=_publication_values(publication), changed_by=member)
    audit_record(action="publication.correct", member=member, obj=publication, congress=manuscript.congress,
                 detail={"reason": reason[:200]})
    return publication


@transaction.atomic
def publication_withdraw(
    *, member: Member, publication: Publication, version: int, reason: str, factual_error: bool = False,
) -> Publication:
    manuscript = publication.submission.manuscript
    access.require(access.can_correct_publication(member, manuscript),
                   _("Only the coordinator withdraws publications."))
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Give the reason for the withdrawal."), field="reason")
    if publication.is_withdrawn:
        raise ServiceError(_("This publication has already been withdrawn."))
    bump_version(publication, int(version), _("Someone changed this publication after you opened it."))
    before = _publication_values(publication)
    publication.withdrawn_at = timezone.now()
    publication.withdrawn_reason = reason[:300]
    publication.withdrawn_for_error = bool(factual_error)
    publication.save()
    PublicationChange.objects.create(publication=publication, kind="withdraw", reason=reason[:300],
                                     before=before, after={"factual_error": bool(factual_error)},
                                     changed_by=member)
    refresh_state(manuscript)
    audit_record(action="publication.withdraw", member=member, obj=publication, congress=manuscript.congress,
                 detail={"reason": reason[:200], "factual_error": bool(factual_error)})
    return publication


@transaction.atomic
def metrics_record(
    *, member: Member, publication: Publication, reads: int, shares: int = 0, likes: int = 0,
    comments: int = 0, taken_at: dt.datetime | None = None, source: str = MetricSource.MANUAL,
) -> MetricSnapshot:
    manuscript = publication.submission.manuscript
    access.require(access.can_record_metrics(member, manuscript), _("Only the coordinator records metrics."))
    values = {"reads": reads, "shares": shares, "likes": likes, "comments": comments}
    for name, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value > 2_000_000_000:
            raise ServiceError(_("Counts must be whole numbers of zero or more."), field=name)
    taken_at = taken_at or timezone.now()
    if taken_at > timezone.now() + dt.timedelta(minutes=5):
        raise ServiceError(_("Metrics cannot be dated in the future."), field="taken_at")
    if taken_at.date() < publication.published_on - dt.timedelta(days=1):
        raise ServiceError(_("Metrics cannot be dated before the publication."), field="taken_at")
    # A double click, or the same form sent twice, must not record the numbers twice.
    window = dt.timedelta(minutes=10)
    if MetricSnapshot.objects.filter(publication=publication, taken_at__range=(taken_at - window, taken_at + window),
                                     **values).exists():
        raise ServiceError(_("These numbers have just been recorded for this publication."))
    snapshot = MetricSnapshot.objects.create(publication=publication, taken_at=taken_at, source=source,
                                             recorded_by=member, **values)
    audit_record(action="metrics.record", member=member, obj=publication, congress=manuscript.congress,
                 detail=values)
    return snapshot


@transaction.atomic
def reprint_record(
    *, member: Member, publication: Publication, outlet_name: str, level: str, reprinted_on: dt.date,
    address: str = "", outlet: Outlet | None = None,
) -> Reprint:
    manuscript = publication.submission.manuscript
    access.require(access.can_record_reprint(member, manuscript), _("Only the coordinator records reprints."))
    if outlet is not None:
        if outlet.congress_id != manuscript.congress_id:
            raise ServiceError(_("The outlet belongs to another congress."), field="outlet")
        outlet_name, level = outlet.name, outlet.level
    outlet_name = (outlet_name or "").strip()
    if not outlet_name:
        raise ServiceError(_("Say who reprinted it."), field="outlet_name")
    if level not in OutletLevel.values:
        raise ServiceError(_("Choose the level of the reprinting outlet."), field="level")
    if reprinted_on is None or reprinted_on < publication.published_on:
        raise ServiceError(_("A reprint cannot be dated before the publication."), field="reprinted_on")
    address = (address or "").strip()[:500]
    _hold(manuscript)
    # The same address, or (without one) the same outlet on the same day, is the same reprint:
    # a form sent twice must not score it twice.
    same = Q(address=address) if address else Q(outlet_name=outlet_name[:100], reprinted_on=reprinted_on)
    if Reprint.objects.filter(same, publication=publication).exists():
        raise ServiceError(_("This reprint has already been recorded."), field="address" if address else None)
    reprint = Reprint.objects.create(publication=publication, outlet=outlet, outlet_name=outlet_name[:100],
                                     level=level, address=address, reprinted_on=reprinted_on,
                                     recorded_by=member)
    audit_record(action="reprint.record", member=member, obj=publication, congress=manuscript.congress,
                 detail={"by": outlet_name, "level": level})
    return reprint


@transaction.atomic
def instruction_record(
    *, member: Member, manuscript: Manuscript, leader_name: str, level: str, given_on: dt.date, content: str = "",
) -> Instruction:
    access.require(access.can_record_instruction(member, manuscript),
                   _("Only the coordinator or the director records leadership instructions."))
    leader_name = (leader_name or "").strip()
    if not leader_name:
        raise ServiceError(_("Name the leader who gave the instruction."), field="leader_name")
    if level not in OutletLevel.values:
        raise ServiceError(_("Choose the level of the leader."), field="level")
    if given_on is None or given_on > timezone.localdate():
        raise ServiceError(_("Give the date of the instruction (not in the future)."), field="given_on")
    _hold(manuscript)
    if Instruction.objects.filter(manuscript=manuscript, leader_name=leader_name[:60], level=level,
                                  given_on=given_on).exists():
        raise ServiceError(_("This instruction has already been recorded."))
    instruction = Instruction.objects.create(manuscript=manuscript, leader_name=leader_name[:60], level=level,
                                             given_on=given_on, content=(content or "").strip(),
                                             recorded_by=member)
    audit_record(action="instruction.record", member=member, obj=manuscript, detail={"leader": leader_name})
    return instruction


@transaction.atomic
def joint_report_record(*, member: Member, manuscript: Manuscript, outlet: Outlet, contact=None,
                        note: str = "") -> JointReport:
    access.require(access.can_record_publication(member, manuscript),
                   _("Only the coordinator records joint reports."))
    if outlet.congress_id != manuscript.congress_id or (contact and contact.congress_id != manuscript.congress_id):
        raise ServiceError(_("The outlet belongs to another congress."), field="outlet")
    if JointReport.objects.filter(manuscript=manuscript).exists():
        raise ServiceError(_("This manuscript is already recorded as a joint report."))
    report = JointReport.objects.create(manuscript=manuscript, outlet=outlet, contact=contact,
                                        note=(note or "").strip()[:200], recorded_by=member)
    audit_record(action="joint_report.record", member=member, obj=manuscript, detail={"outlet": outlet.name})
    return report


# --- Attachments -----------------------------------------------------------------------------

def _limit_bytes(kind: str) -> int:
    megabytes = {filetypes.IMAGE: settings.TRIBUNE_MAX_IMAGE_MB, filetypes.VIDEO: settings.TRIBUNE_MAX_VIDEO_MB,
                 filetypes.DOCUMENT: settings.TRIBUNE_MAX_DOCUMENT_MB}[kind]
    return megabytes * 1024 * 1024


def check_upload(uploaded) -> tuple[str, str]:
    """(kind, content type) of an uploaded file, checked by its content and size."""
    uploaded.seek(0)
    head = uploaded.read(32)
    uploaded.seek(0)

    def read_all():
        uploaded.seek(0)
        data = uploaded.read()
        uploaded.seek(0)
        return data

    found = filetypes.sniff(head, read_all if uploaded.size <= settings.TRIBUNE_MAX_DOCUMENT_MB * 1048576 else None)
    if found is None:
        raise ServiceError(_("Only JPG, PNG or GIF images, MP4 videos and Word (.docx) files can be attached; "
                             "this file is none of them."), field="file")
    kind, content_type = found
    if uploaded.size > _limit_bytes(kind):
        raise ServiceError(_("The file is too large: at most %(mb)s MB for this kind of file.")
                           % {"mb": _limit_bytes(kind) // 1048576}, field="file")
    return kind, content_type


@transaction.atomic
def attachment_add(*, member: Member, manuscript: Manuscript, uploaded, caption: str = "") -> Attachment:
    access.require(access.can_attach_file(member, manuscript), _("You may not add files to this manuscript."))
    kind, content_type = check_upload(uploaded)
    caption = (caption or "").strip()
    if kind == filetypes.IMAGE and not caption:
        raise ServiceError(_("An image needs a caption."), field="caption")
    attachment = Attachment(manuscript=manuscript, kind=kind, content_type=content_type,
                            original_name=files.display_name(uploaded.name), size=uploaded.size,
                            caption=caption[:200], uploaded_by=member)
    # Everything is validated before the file is written, so a refusal leaves no file behind.
    attachment.file.save(files.stored_name(uploaded.name, content_type), uploaded, save=False)
    attachment.save()
    restarted = _review_again_for_files(manuscript, member)
    audit_record(action="attachment.add", member=member, obj=manuscript,
                 detail={"file": attachment.original_name, "kind": kind, "restarted_review": restarted})
    return attachment


def _review_again_for_files(manuscript: Manuscript, member: Member) -> bool:
    """A photo or file added to or removed from a manuscript in review or approved sends it back
    to the first step, as a text edit does: the approval covered what went out with the text.
    The manuscript's version moves, so a form opened before the change is refused as stale."""
    if manuscript.state not in (State.IN_REVIEW, State.APPROVED):
        return False
    _lock(manuscript, None)
    _open_review(manuscript, member, reason="files")
    return True


@transaction.atomic
def attachment_remove(*, member: Member, attachment: Attachment) -> None:
    manuscript = attachment.manuscript
    access.require(access.can_attach_file(member, manuscript), _("You may not remove files of this manuscript."))
    name = attachment.original_name
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(path))
    restarted = _review_again_for_files(manuscript, member)
    audit_record(action="attachment.remove", member=member, obj=manuscript,
                 detail={"file": name, "restarted_review": restarted})


# --- Topics ----------------------------------------------------------------------------------

@transaction.atomic
def topic_create(*, member: Member, title: str, description: str = "", office: Office | None = None,
                 assignee: Member | None = None, due_date: dt.date | None = None) -> Topic:
    access.require(access.can_manage_topics(member, member.congress), _("You may not propose topics."))
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("The title cannot be empty."), field="title")
    for obj in (office, assignee):
        if obj is not None and obj.congress_id != member.congress_id:
            raise ServiceError(_("Choose an office and writer of this congress."), field="office")
    topic = Topic.objects.create(congress=member.congress, title=title[:200], description=description.strip(),
                                 office=office, assignee=assignee, due_date=due_date, proposed_by=member)
    audit_record(action="topic.create", member=member, obj=topic)
    if assignee:
        notify([assignee], kind="assigned", text=_("Topic assigned to you: %(title)s") % {"title": topic.title})
    return topic
