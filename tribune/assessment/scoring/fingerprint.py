"""A fingerprint of a congress's facts, so the worker's sweep can tell cheaply whether a ledger is
stale even when the facts changed without signals (queryset updates, bulk inserts, a restore)."""

from __future__ import annotations

from django.db import connection

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
