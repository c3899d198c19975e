"""Dashboard panels of the assessment: ECharts charts of the last twelve months' submissions and
publications by outlet level, the quarter's office ranking, and the reads of last month's
publications. A fixed number of queries (aggregates only) once the ledger is fresh."""

import datetime as dt
from collections import defaultdict

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tribune.assessment.models import FactsMarker, ScoringScheme
from tribune.assessment.reports.scope import LEVELS, Scope, level_names
from tribune.assessment.scoring.periods import Month, Quarter, previous_month
from tribune.kit.plugins import dashboard_panels
from tribune.newsroom.models import MetricSnapshot, Publication, Submission
from tribune.org import access

MONTHS = 12
TOP_READS = 10
# The charts are the same for everyone in the congress and change only with its facts or scheme,
# which move the facts marker or the scheme's version: both are part of the cache key, so a
# change shows at once. Changes made without signals (bulk loads) show within this delay.
CHARTS_TTL = 300


def _months(today: dt.date) -> list[Month]:
    month = Month(today.year, today.month)
    result = [month]
    for _i in range(MONTHS - 1):
        month = previous_month(month)
        result.append(month)
    return result[::-1]


def activity(congress, today: dt.date) -> dict:
    months = _months(today)
    start = months[0].first
    tz = timezone.get_current_timezone()
    submitted = defaultdict(int)
    for row in (Submission.objects.filter(manuscript__congress=congress,
                                          submitted_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz))
                .annotate(m=TruncMonth("submitted_at", tzinfo=tz)).values("m").annotate(n=Count("id"))):
        submitted[(row["m"].year, row["m"].month)] += row["n"]
    published = defaultdict(int)
    for row in (Publication.objects.filter(submission__manuscript__congress=congress, published_on__gte=start,
                                           withdrawn_at__isnull=True)
                .annotate(m=TruncMonth("published_on")).values("m", "submission__outlet__level")
                .annotate(n=Count("id"))):
        published[(row["m"].year, row["m"].month, row["submission__outlet__level"])] += row["n"]
    names = level_names()
    return {
        "months": [m.label for m in months],
        "submitted": [submitted[(m.year, m.month)] for m in months],
        "levels": [{"name": names[level], "data": [published[(m.year, m.month, level)] for m in months]}
                   for level in LEVELS],
        "labels": {"submitted": _("Submissions")},
    }


def office_ranking(congress, today: dt.date) -> dict:
    quarter = Quarter.of(today)
    scope = Scope(congress)
    points = scope.office_points(quarter.first, quarter.last)
    rows = sorted(scope.units, key=lambda u: (points.get(u.key, 0), u.name))
    return {"title": quarter.label, "names": [u.name for u in rows], "points": [float(points.get(u.key, 0))
                                                                                for u in rows]}


def month_reads(congress, today: dt.date) -> dict:
    month = previous_month(Month(today.year, today.month))
    latest = MetricSnapshot.objects.filter(publication=OuterRef("pk")).order_by("-taken_at", "-id")
    rows = list(Publication.objects.filter(submission__manuscript__congress=congress, published_on__gte=month.first,
                                           published_on__lte=month.last, withdrawn_at__isnull=True)
                .annotate(reads=Subquery(latest.values("reads")[:1]))
                .filter(reads__gt=0).order_by("-reads", "id").values("title", "reads")[:TOP_READS])
    rows.reverse()
    return {"title": month.label, "names": [r["title"][:18] for r in rows], "reads": [r["reads"] for r in rows]}


@dashboard_panels.register
def panels(member) -> list[dict]:
    congress = member.congress
    if not access.can_see_reports(member, congress):
        return []
    return [{"template": "assessment/partials/dashboard_charts.html", "charts": charts(congress)}]


def charts(congress) -> dict:
    """The three charts' data, cached per congress (two queries when cached)."""
    today = timezone.localdate()
    marker = FactsMarker.objects.filter(congress=congress).values_list("version", flat=True).first() or 0
    scheme = ScoringScheme.objects.filter(congress=congress, year=today.year).values_list("version", flat=True)
    key = f"assessment:charts:{congress.pk}:{today}:{marker}:{scheme.first()}:{get_language()}"
    data = cache.get(key)
    if data is None:
        data = {"activity": activity(congress, today), "ranking": office_ranking(congress, today),
                "reads": month_reads(congress, today)}
        cache.set(key, data, CHARTS_TTL)
    return data
