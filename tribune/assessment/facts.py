"""Load one congress's facts of one year from the database into the engine's dataclasses.

A fixed number of queries (eleven), whatever the number of manuscripts: each table is read
once, filtered in SQL to the congress and the year, as plain value rows. And a fingerprint of
the facts, in one query, so a reader of the ledger can tell cheaply whether it is stale.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Q
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


def _day(value: dt.datetime) -> dt.date:
    return timezone.localtime(value).date()


def load_facts(congress, year: int, *, today: dt.date | None = None) -> engine.Facts:
    start, end = year_bounds(year)
    pubs = list(
        Publication.objects.filter(submission__manuscript__congress=congress, published_on__year=year)
        .values_list("id", "submission_id", "submission__manuscript_id", "submission__outlet__name",
                     "submission__outlet__level", "submission__outlet__kind", "published_on", "title", "placement",
                     "combined", "withdrawn_at", "withdrawn_for_error")
    )
    pub_ids = [p[0] for p in pubs]
    pub_sub_ids = {p[1] for p in pubs}
    subs = list(
        Submission.objects.filter(manuscript__congress=congress)
        .filter(Q(submitted_at__gte=start, submitted_at__lt=end) | Q(publication__published_on__year=year))
        .values_list("id", "manuscript_id", "outlet__name", "outlet__level", "outlet__kind", "submitted_at")
    )
    year_pubs = Publication.objects.filter(submission__manuscript__congress=congress, published_on__year=year)
    metrics = _latest_metrics(year_pubs, start, end) if pub_ids else []
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
    ms_ids = sorted({s[1] for s in subs} | {p[2] for p in pubs} | {j[1] for j in joints}
                    | {i[1] for i in instructions})
    manuscripts = {}
    authors: dict[int, list[engine.Author]] = {}
    for chunk in _chunks(ms_ids):
        for ms_id, office_id, title, body, creator_id, creator_name in (
            Manuscript.objects.filter(id__in=chunk)
            .values_list("id", "office_id", "title", "body", "created_by_id", "created_by__name")
        ):
            # Characters without whitespace, as Manuscript.length counts them (字数).
            manuscripts[ms_id] = (office_id, title, sum(1 for ch in body if not ch.isspace()), creator_id,
                                  creator_name)
        for ms_id, member_id, name, position, share in (
            ManuscriptAuthor.objects.filter(manuscript_id__in=chunk)
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
            engine.Submission(sid, ms_id, outlet, level, kind, _day(at))
            for sid, ms_id, outlet, level, kind, at in subs
            if start <= at < end or sid in pub_sub_ids
        ),
        publications=tuple(
            engine.Publication(pid, sid, ms_id, outlet, level, kind, on, title, placement or "", combined,
                               _day(withdrawn) if withdrawn else None, for_error)
            for pid, sid, ms_id, outlet, level, kind, on, title, placement, combined, withdrawn, for_error in pubs
        ),
        metrics=tuple(metrics),
        reprints=tuple(engine.Reprint(*row) for row in reprints),
        joint_reports=tuple(engine.JointReport(jid, ms_id, outlet, _day(at)) for jid, ms_id, outlet, at in joints),
        instructions=tuple(engine.Instruction(*row) for row in instructions),
        commissions=commissions,
    )


def _chunks(ids: list[int], size: int = 10000):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _latest_metrics(year_pubs, start, end) -> list[engine.Metric]:
    """The latest snapshot within the year of each publication (the only one the engine reads)."""
    rows = (MetricSnapshot.objects.filter(publication__in=year_pubs, taken_at__gte=start, taken_at__lt=end)
            .order_by("publication_id", "-taken_at", "-id"))
    if connection.vendor == "postgresql":
        rows = rows.distinct("publication_id")
    latest: dict[int, engine.Metric] = {}
    for mid, pid, taken, reads, shares in rows.values_list("id", "publication_id", "taken_at", "reads", "shares"):
        if pid not in latest:
            latest[pid] = engine.Metric(mid, pid, _day(taken), reads, shares)
    return list(latest.values())


FINGERPRINT_SQL = """
SELECT
 (SELECT COUNT(*) || ':' || COALESCE(MAX(m.id), 0) || ':' || COALESCE(MAX(m.updated_at), '')
    FROM newsroom_manuscript m WHERE m.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(MAX(a.id), 0) || ':' || COALESCE(SUM(a.share), 0)
    FROM newsroom_manuscriptauthor a JOIN newsroom_manuscript m ON m.id = a.manuscript_id WHERE m.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(MAX(s.id), 0)
    FROM newsroom_submission s JOIN newsroom_manuscript m ON m.id = s.manuscript_id WHERE m.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(MAX(p.id), 0) || ':' || COALESCE(SUM(p.version), 0)
    FROM newsroom_publication p JOIN newsroom_submission s ON s.id = p.submission_id
    JOIN newsroom_manuscript m ON m.id = s.manuscript_id WHERE m.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(MAX(x.id), 0)
    FROM newsroom_metricsnapshot x JOIN newsroom_publication p ON p.id = x.publication_id
    JOIN newsroom_submission s ON s.id = p.submission_id
    JOIN newsroom_manuscript m ON m.id = s.manuscript_id WHERE m.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(MAX(r.id), 0)
    FROM newsroom_reprint r JOIN newsroom_publication p ON p.id = r.publication_id
    JOIN newsroom_submission s ON s.id = p.submission_id
    JOIN newsroom_manuscript m ON m.id = s.manuscript_id WHERE m.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(MAX(j.id), 0)
    FROM newsroom_jointreport j JOIN newsroom_manuscript m ON m.id = j.manuscript_id WHERE m.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(MAX(i.id), 0)
    FROM newsroom_instruction i JOIN newsroom_manuscript m ON m.id = i.manuscript_id WHERE m.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(MAX(c.id), 0)
    || ':' || COALESCE(SUM(c.office_id + COALESCE(c.manuscript_id, 0)), 0) || ':' || COALESCE(MAX(c.delivered_on), '')
    FROM assessment_commission c WHERE c.congress_id = %(c)s),
 (SELECT COUNT(*) || ':' || COALESCE(SUM(o.minimum_monthly), 0) || ':' || COALESCE(MAX(o.id), 0)
    FROM org_office o WHERE o.congress_id = %(c)s)
"""


def fingerprint(congress) -> str:
    """Counts, latest ids and a few sums of every table the engine reads, for one congress, in
    one query. Any new, deleted or corrected fact moves it: a new row moves a count and a
    maximum id, a correction or withdrawal bumps the publication's version, an edit of a
    manuscript its `updated_at`, a change of authors or shares the author rows' count or sum."""
    sql = FINGERPRINT_SQL
    if connection.vendor == "postgresql":
        # PostgreSQL does not concatenate a timestamp or a date with text without a cast.
        sql = (sql.replace("MAX(m.updated_at)", "MAX(m.updated_at)::text")
               .replace("MAX(c.delivered_on)", "MAX(c.delivered_on)::text"))
    with connection.cursor() as cursor:
        cursor.execute(sql, {"c": congress.pk})
        row = cursor.fetchone()
    return "|".join(str(v) for v in row)
