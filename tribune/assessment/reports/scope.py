"""What the notice, the ranking and the awards share: whose figures a report shows (the offices
of a congress, or the districts a city ranks), counted from the facts and summed from the ledger.

Counts (items submitted, publications by level, reads) come from the facts; points come from
the ledger (`scoring.selectors.ledger_for`), so every point in a report is the sum of ledger
entries that the ledger page lists with their explanations. Each exporter makes a fixed number of
queries whatever the number of manuscripts: aggregates grouped by unit, never a query per row.

A report's units are the offices of a congress, or — for a city ranking its districts (upward
ranking) — the child congresses, scored by the city's scheme.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, OuterRef, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from tribune.assessment.scoring.selectors import ledger_for
from tribune.kit.report import Cell
from tribune.newsroom.models import MetricSnapshot, Publication, Submission
from tribune.org.models import Congress, Office
from tribune.outlets.models import OutletLevel
from tribune.outlets.vocabulary import LEVELS

ZERO = Decimal("0")


def level_names() -> dict[str, str]:
    return {level: str(OutletLevel(level).label) for level in LEVELS}


def issuer_of(congress) -> str:
    """The issuing body of a notice: the committee's general office, named the short way
    (藁城区人大常委会办公室, not 石家庄市藁城区人大常委会办公室)."""
    if congress.short_name:
        return f"{congress.short_name}人大常委会办公室"
    return f"{congress.name}办公室"


def _day_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))


@dataclass
class Unit:
    """One row of a report: an office of the congress, or a child congress in an upward ranking."""

    key: int
    name: str
    congress: Congress
    office: Office | None = None


class Scope:
    """What a report is about: the offices of `congress`, scored by its own scheme; or the
    children of a city, scored by the city's scheme (`upward=True`)."""

    def __init__(self, congress: Congress, *, upward: bool = False):
        self.congress = congress
        self.upward = upward
        if upward:
            self.congresses = list(congress.children.order_by("code"))
            self.units = [Unit(c.pk, c.short_name or c.name, c) for c in self.congresses]
        else:
            self.congresses = [congress]
            self.units = [Unit(o.pk, o.name, congress, o) for o in Office.objects.filter(congress=congress)
                          .order_by("position", "pk")]

    @property
    def unit_field(self) -> str:
        """The lookup from a manuscript to the unit's key."""
        return "congress_id" if self.upward else "office_id"

    @property
    def assessed_by(self):
        return self.congress if self.upward else None

    def ledger_query(self, unit: Unit | None, **filters) -> dict:
        query = {"congress": (unit.congress if unit else self.congress).code, "kind": "office"}
        if self.upward:
            query["by"] = self.congress.code
            if unit is None:
                query.pop("congress")
                query["children"] = "1"
        elif unit is not None:
            query["office"] = unit.key
        query.update({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in filters.items()})
        return query

    def office_points(self, start: dt.date, end: dt.date) -> dict[int, Decimal]:
        """Points per unit: the sum of office entries in [start, end]."""
        totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for congress in self.congresses:
            entries = ledger_for(congress, start, end, assessed_by=self.assessed_by).filter(subject_kind="office")
            if self.upward:
                total = entries.aggregate(total=Sum("points"))["total"]
                totals[congress.pk] += total or ZERO
            else:
                for row in entries.values("office_id").annotate(total=Sum("points")):
                    totals[row["office_id"]] += row["total"] or ZERO
        return totals

    def _manuscript_field(self, prefix: str) -> str:
        return f"{prefix}manuscript__{self.unit_field}"

    def submitted(self, start: dt.date, end: dt.date) -> dict[int, int]:
        """Manuscripts sent to at least one outlet in the period, per unit."""
        low, high = _day_range(start, end)
        rows = (Submission.objects.filter(manuscript__congress__in=self.congresses, submitted_at__gte=low,
                                          submitted_at__lt=high)
                .values(self._manuscript_field("")).annotate(n=Count("manuscript", distinct=True)))
        return {row[self._manuscript_field("")]: row["n"] for row in rows}

    def publications(self, start: dt.date, end: dt.date):
        return Publication.objects.filter(submission__manuscript__congress__in=self.congresses,
                                          published_on__gte=start, published_on__lte=end, withdrawn_at__isnull=True)

    def published_by_level(self, start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
        field = self._manuscript_field("submission__")
        counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(LEVELS, 0))
        for row in (self.publications(start, end).values(field, "submission__outlet__level")
                    .annotate(n=Count("id"))):
            counts[row[field]][row["submission__outlet__level"]] += row["n"]
        return counts

    def reads(self, start: dt.date, end: dt.date) -> dict[int, int]:
        """Reads of the period's publications: each publication's latest snapshot."""
        field = self._manuscript_field("submission__")
        latest = MetricSnapshot.objects.filter(publication=OuterRef("pk")).order_by("-taken_at", "-id")
        totals: dict[int, int] = defaultdict(int)
        for row in self.publications(start, end).annotate(latest=Subquery(latest.values("reads")[:1])).values(
                field, "latest"):
            totals[row[field]] += row["latest"] or 0
        return totals


def ledger_url(query: dict) -> str:
    """The ledger page listing the entries behind a figure."""
    return reverse("assessment:ledger") + "?" + urlencode(query)


def linked(value, query: dict) -> Cell:
    """A figure of a report that opens to the ledger entries summing to it."""
    return Cell(value, href=ledger_url(query), css="ledger")
