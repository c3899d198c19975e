"""Load one congress's facts of one year from the database into the engine's dataclasses.

A fixed number of queries (ten), whatever the number of manuscripts: each table is read
once, filtered in SQL to the congress and the year, as plain value rows. And a fingerprint of
the facts, in one query, so a reader of the ledger can tell cheaply whether it is stale.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tribune.assessment import engine
from tribune.assessment.models import Commission
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
    offices = tuple(engine.Office(*row) for row in Office.objects.filter(congress=congress)
                    .values_list("id", "name", "minimum_monthly"))
    commissions = tuple(
        engine.Commission(*row) for row in Commission.objects.filter(congress=congress, due_date__year=year)
        .values_list("id", "office_id", "title", "due_date", "delivered_on")
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


# One grouped aggregate per table the engine reads, for many congresses at once:
# (table number, congress id, row count, latest id, two extra figures as text).
_FINGERPRINT_PARTS = [
    "SELECT 1, m.congress_id, COUNT(*), MAX(m.id), CAST(MAX(m.updated_at) AS TEXT), '' "
    "FROM newsroom_manuscript m WHERE m.congress_id IN ({ids}) GROUP BY m.congress_id",
    "SELECT 2, m.congress_id, COUNT(*), MAX(a.id), CAST(SUM(a.share) AS TEXT), '' "
    "FROM newsroom_manuscriptauthor a JOIN newsroom_manuscript m ON m.id = a.manuscript_id "
    "WHERE m.congress_id IN ({ids}) GROUP BY m.congress_id",
    "SELECT 3, m.congress_id, COUNT(*), MAX(s.id), '', '' "
    "FROM newsroom_submission s JOIN newsroom_manuscript m ON m.id = s.manuscript_id "
    "WHERE m.congress_id IN ({ids}) GROUP BY m.congress_id",
    "SELECT 4, m.congress_id, COUNT(*), MAX(p.id), CAST(SUM(p.version) AS TEXT), '' "
    "FROM newsroom_publication p JOIN newsroom_submission s ON s.id = p.submission_id "
    "JOIN newsroom_manuscript m ON m.id = s.manuscript_id WHERE m.congress_id IN ({ids}) GROUP BY m.congress_id",
    "SELECT 5, m.congress_id, COUNT(*), MAX(x.id), '', '' "
    "FROM newsroom_metricsnapshot x JOIN newsroom_publication p ON p.id = x.publication_id "
    "JOIN newsroom_submission s ON s.id = p.submission_id "
    "JOIN newsroom_manuscript m ON m.id = s.manuscript_id WHERE m.congress_id IN ({ids}) GROUP BY m.congress_id",
    "SELECT 6, m.congress_id, COUNT(*), MAX(r.id), '', '' "
    "FROM newsroom_reprint r JOIN newsroom_publication p ON p.id = r.publication_id "
    "JOIN newsroom_submission s ON s.id = p.submission_id "
    "JOIN newsroom_manuscript m ON m.id = s.manuscript_id WHERE m.congress_id IN ({ids}) GROUP BY m.congress_id",
    "SELECT 7, m.congress_id, COUNT(*), MAX(j.id), '', '' "
    "FROM newsroom_jointreport j JOIN newsroom_manuscript m ON m.id = j.manuscript_id "
    "WHERE m.congress_id IN ({ids}) GROUP BY m.congress_id",
    "SELECT 8, m.congress_id, COUNT(*), MAX(i.id), '', '' "
    "FROM newsroom_instruction i JOIN newsroom_manuscript m ON m.id = i.manuscript_id "
    "WHERE m.congress_id IN ({ids}) GROUP BY m.congress_id",
    "SELECT 9, c.congress_id, COUNT(*), MAX(c.id), CAST(SUM(c.office_id + COALESCE(c.manuscript_id, 0)) AS TEXT), "
    "CAST(MAX(c.delivered_on) AS TEXT) FROM assessment_commission c WHERE c.congress_id IN ({ids}) "
    "GROUP BY c.congress_id",
    "SELECT 10, o.congress_id, COUNT(*), MAX(o.id), CAST(SUM(o.minimum_monthly) AS TEXT), '' "
    "FROM org_office o WHERE o.congress_id IN ({ids}) GROUP BY o.congress_id",
    "SELECT 11, o.congress_id, COUNT(*), MAX(o.id), CAST(MAX(o.updated_at) AS TEXT), '' "
    "FROM outlets_outlet o WHERE o.congress_id IN ({ids}) GROUP BY o.congress_id",
]


def fingerprints(congress_ids: list[int]) -> dict[int, str]:
    """Counts, latest ids and a few sums of every table the engine reads, per congress, in one
    query for any number of congresses. Any new, deleted or corrected fact moves it: a new row
    moves a count and a maximum id, a correction or withdrawal bumps the publication's
    version, an edit of a manuscript or an outlet its `updated_at`, a change of authors or
    shares the author rows' count or sum."""
    if not congress_ids:
        return {}
    ids = ", ".join(str(int(i)) for i in congress_ids)
    sql = " UNION ALL ".join(part.format(ids=ids) for part in _FINGERPRINT_PARTS)
    figures: dict[int, dict[int, str]] = {cid: {} for cid in congress_ids}
    with connection.cursor() as cursor:
        cursor.execute(sql)
        for table, cid, count, last, extra1, extra2 in cursor.fetchall():
            figures[cid][table] = f"{count}:{last}:{extra1 or ''}:{extra2 or ''}"
    return {cid: "|".join(parts.get(t, "0") for t in range(1, len(_FINGERPRINT_PARTS) + 1))
            for cid, parts in figures.items()}


def fingerprint(congress) -> str:
    return fingerprints([congress.pk])[congress.pk]
