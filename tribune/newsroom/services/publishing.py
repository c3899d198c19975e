"""From approval to publication and after: submitting to outlets, recording and correcting
publications (and withdrawals), metrics, reprints, leadership instructions, joint reports."""

import datetime as dt
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.newsroom.models import (
    Channel,
    Instruction,
    JointReport,
    Manuscript,
    MetricSnapshot,
    MetricSource,
    Placement,
    Publication,
    PublicationChange,
    Reprint,
    Submission,
)
from tribune.newsroom.services.state import hold, lock, manuscript_link, refresh_state
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, bump_version
from tribune.org.models import Member
from tribune.org.notify import notify
from tribune.outlets.models import Outlet, OutletLevel


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
    lock(manuscript, version)
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
    lock(manuscript, None)
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
           url=manuscript_link(manuscript))
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
    hold(manuscript)
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
    hold(manuscript)
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
