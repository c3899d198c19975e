"""Commissioned pieces (约稿): the one kind of fact the assessment app records itself. The scheme
may deduct points from an office whose piece is not delivered by its due date."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from tribune.assessment.models import Commission
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError


@transaction.atomic
def commission_create(*, member, office, title: str, due_date: dt.date, requested_by: str = ""):
    access.require(access.can_manage_commissions(member, member.congress), "may not record commissions")
    title = (title or "").strip()
    if not title:
        raise ServiceError(_("Give the title of the commissioned piece."), field="title")
    if office is None or office.congress_id != member.congress_id:
        raise ServiceError(_("Choose an office of this congress."), field="office")
    commission = Commission.objects.create(congress=member.congress, office=office, title=title[:200],
                                           requested_by=(requested_by or "").strip()[:100], due_date=due_date,
                                           created_by=member)
    audit_record(action="commission.create", member=member, obj=commission)
    return commission


@transaction.atomic
def commission_deliver(*, member, commission, delivered_on: dt.date, manuscript=None):
    """Record that the office delivered the piece (optionally the manuscript it became)."""
    access.require(access.can_manage_commissions(member, commission.congress), "may not record commissions")
    if manuscript is not None and manuscript.congress_id != commission.congress_id:
        raise ServiceError(_("Choose a manuscript of this congress."), field="manuscript")
    commission.delivered_on = delivered_on
    commission.manuscript = manuscript
    commission.save(update_fields=["delivered_on", "manuscript"])
    audit_record(action="commission.deliver", member=member, obj=commission,
                 detail={"delivered_on": delivered_on.isoformat()})
    return commission
