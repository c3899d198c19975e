"""Load one congress's facts of one year from the database into the engine's dataclasses.

A fixed number of queries (ten), whatever the number of manuscripts: each table is read
once, filtered in SQL to the congress and the year, as plain value rows.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tribune.assessment.models import Commission
from tribune.assessment.scoring import engine
from tribune.newsroom.models import (
    Instruction,
    JointReport,
    Manuscript,
    ManuscriptAuthor,
    MetricSnapshot,
    Publication,
    Reprint,
    Submission,
    char_count,
)
from tribune.org.models import Office


def year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    """The year as aware datetimes in the server's zone: [1 January, next 1 January)."""
    tz = timezone.get_current_timezone()
    return dt.datetime(year, 1, 1, tzinfo=tz), dt.datetime(year + 1, 1, 1, tzinfo=tz)


def as_of_for(year: int, today: dt.date | None = None) -> dt.date:
    """The day the ledger is computed on, but never past the year's end (a past year is over)."""
    today = today or timezone.localdate()
    return min(today, dt.date(year + 1, 1, 1))


def _day(value: dt.datetime, tz: dt.tzinfo) -> dt.date:
    """The date of an aware datetime in the zone `tz` (the current zone, fetched once per load)."""
    return value.astimezone(tz).date()


def load_facts(congress, year: int, *, today: dt.date | None = None) -> engine.Facts:
    start, end = year_bounds(year)
    tz = timezone.get_current_timezone()
    year_pubs = Publication.objects.filter(submission__manuscript__congress=congress, published_on__year=year)
    pubs = list(
        year_pubs.values_list("id", "submission_id", "submission__manuscript_id", "submission__outlet__name",
                     "submission__outlet__level", "submission__outlet__kind", "published_on", "title", "placement",
                     "combined", "withdrawn_at", "withdrawn_for_error")
    )
    pub_ids = [p[0] for p in pubs]
    pub_sub_ids = {p[1] for p in pubs}
    submissions = (Submission.objects.filter(manuscript__congress=congress)
                   .filter(Q(submitted_at__gte=start, submitted_at__lt=end) | Q(publication__published_on__year=year)))
    subs = list(
        submissions.values_list("id", "manuscript_id", "outlet__name", "outlet__level", "outlet__kind", "submitted_at")
    )
    metrics = _latest_metrics(year_pubs, start, end, tz) if pub_ids else []
    reprints = list(
        Reprint.objects.filter(publication__in=year_pubs, reprinted_on__year=year)
        .values_list("id", "publication_id", "outlet_name", "level", "reprinted_on")
    )
    joints = list(
        JointReport.objects.filter(manuscript__congress=congress, recorded_at__gte=start, recorded_at__lt=end)
        .values_list("id", "manuscript_id", "outlet__name", "recorded_at")
    )
    instructions = list(
        Instruction.objects.filter(manuscript__congress=congress, given_on__year=year)
        .values_list("id", "manuscript_id", "leader_name", "level", "given_on")
    )
    # The manuscripts with a fact in the year, chosen in SQL (a county's year is thousands of ids).
    in_year = Manuscript.objects.filter(congress=congress).filter(
        Exists(submissions.filter(manuscript=OuterRef("pk")))
        | Exists(JointReport.objects.filter(manuscript=OuterRef("pk"), recorded_at__gte=start, recorded_at__lt=end))
        | Exists(Instruction.objects.filter(manuscript=OuterRef("pk"), given_on__year=year))
    )
    manuscripts = {
        ms_id: (office_id, title, char_count(body), creator_id, creator_name)
        for ms_id, office_id, title, body, creator_id, creator_name in in_year.values_list(
            "id", "office_id", "title", "body", "created_by_id", "created_by__name")
    }
    authors: dict[int, list[engine.Author]] = {}
    for ms_id, member_id, name, position, share in (
        ManuscriptAuthor.objects.filter(manuscript__in=in_year)
        .values_list("manuscript_id", "member_id", "member__name", "position", "share")
    ):
        authors.setdefault(ms_id, []).append(engine.Author(member_id, name, position, share))
    # Ordered by id, not by the models' default (which joins the congress for its code).
    offices = tuple(engine.Office(*row) for row in Office.objects.filter(congress=congress).order_by("pk")
                    .values_list("id", "name", "minimum_monthly"))
    commissions = tuple(
        engine.Commission(*row) for row in Commission.objects.filter(congress=congress, due_date__year=year)
        .order_by("pk").values_list("id", "office_id", "title", "due_date", "delivered_on")
    )
    return engine.Facts(
        year=year,
        as_of=as_of_for(year, today),
        offices=offices,
        manuscripts=tuple(
            engine.Manuscript(ms_id, office_id, title, chars,
                              # A manuscript without author rows is credited to the member who created it.
                              tuple(authors.get(ms_id) or (engine.Author(creator_id, creator_name, 1),)))
            for ms_id, (office_id, title, chars, creator_id, creator_name) in sorted(manuscripts.items())
        ),
        submissions=tuple(
            engine.Submission(sid, ms_id, outlet, level, kind, _day(at, tz))
            for sid, ms_id, outlet, level, kind, at in subs
            if start <= at < end or sid in pub_sub_ids
        ),
        publications=tuple(
            engine.Publication(pid, sid, ms_id, outlet, level, kind, on, title, placement or "", combined,
                               _day(withdrawn, tz) if withdrawn else None, for_error)
            for pid, sid, ms_id, outlet, level, kind, on, title, placement, combined, withdrawn, for_error in pubs
        ),
        metrics=tuple(metrics),
        reprints=tuple(engine.Reprint(*row) for row in reprints),
        joint_reports=tuple(engine.JointReport(jid, ms_id, outlet, _day(at, tz)) for jid, ms_id, outlet, at in joints),
        instructions=tuple(engine.Instruction(*row) for row in instructions),
        commissions=commissions,
    )


def _latest_metrics(year_pubs, start, end, tz: dt.tzinfo) -> list[engine.Metric]:
    """The latest snapshot within the year of each publication (the only one the engine reads)."""
    rows = (MetricSnapshot.objects.filter(publication__in=year_pubs, taken_at__gte=start, taken_at__lt=end)
            .order_by("publication_id", "-taken_at", "-id"))
    if connection.vendor == "postgresql":
        rows = rows.distinct("publication_id")
    latest: dict[int, engine.Metric] = {}
    for mid, pid, taken, reads, shares in rows.values_list("id", "publication_id", "taken_at", "reads", "shares"):
        if pid not in latest:
            latest[pid] = engine.Metric(mid, pid, _day(taken, tz), reads, shares)
    return list(latest.values())
