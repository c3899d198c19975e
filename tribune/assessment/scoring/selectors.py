"""Reads of the ledger for reports, as it stands: it is kept current in the background
(`assessment/jobs.py`), and a report says when it is being updated (`jobs.status`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Sum

from tribune.assessment.models import ScoreEntry, ScoringScheme

__all__ = ["ledger_for", "member_totals", "office_totals", "scheme_for"]


def scheme_for(congress, year: int) -> ScoringScheme | None:
    return ScoringScheme.objects.filter(congress=congress, year=year).first()


def ledger_for(congress, date_from: dt.date, date_to: dt.date, *, assessed_by=None):
    """The ledger entries of `congress`'s facts dated in [date_from, date_to], scored by the
    scheme(s) of `assessed_by` (default: the congress itself)."""
    owner = assessed_by or congress
    return ScoreEntry.objects.filter(congress=congress, scheme__congress=owner, period__gte=date_from,
                                     period__lte=date_to)


def _totals(entries, key: str) -> dict[int, Decimal]:
    return {row[key]: row["total"] for row in entries.values(key).annotate(total=Sum("points")).order_by(key)}


def office_totals(congress, date_from: dt.date, date_to: dt.date, *, assessed_by=None) -> dict[int, Decimal]:
    return _totals(ledger_for(congress, date_from, date_to, assessed_by=assessed_by).filter(subject_kind="office"),
                   "office_id")


def member_totals(congress, date_from: dt.date, date_to: dt.date, *, assessed_by=None) -> dict[int, Decimal]:
    return _totals(ledger_for(congress, date_from, date_to, assessed_by=assessed_by).filter(subject_kind="member"),
                   "member_id")
