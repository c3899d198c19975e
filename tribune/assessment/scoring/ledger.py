"""The ledger (计分明细): a cache of `engine.score(facts, scheme)` for one congress's year under
one scheme, replaced as a whole by `score_recompute`; and the ranking of congresses by it.

It is recomputed in the background (`assessment/jobs.py`): when a scheme is saved, when a fact
changes, and when the worker's sweep finds it out of date; and by `tribune score recompute
--congress CODE --year YYYY` (cron-safe, idempotent). Reading it never recomputes it.
"""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.assessment.models import FactsMarker, LedgerState, ScoreEntry, ScoringScheme
from tribune.assessment.scoring import engine, scheme_format
from tribune.assessment.scoring.fingerprint import fingerprint
from tribune.assessment.scoring.loading import load_facts
from tribune.org.errors import ServiceError


@dataclass
class RecomputeResult:
    entries: list[engine.Entry]
    written: int
    removed: int


def score_recompute(*, congress, year: int, scheme: ScoringScheme | None = None, dry_run: bool = False,
                    today: dt.date | None = None) -> RecomputeResult:
    """Score a congress's year under a scheme (its own for that year by default; the city's for
    upward ranking) and replace those ledger rows in one transaction. Idempotent: the same
    facts and scheme give the same rows."""
    if scheme is None:
        scheme = ScoringScheme.objects.filter(congress=congress, year=year).first()
        if scheme is None:
            raise ServiceError(_("%(congress)s has no scoring scheme for %(year)d.") % {
                "congress": congress.short_name or congress.name, "year": year})
    # The marker is read before the facts: a change made while they load moves it again, so the
    # ledger is known stale and recomputed by the job that change queued.
    marker = FactsMarker.objects.filter(congress=congress).values_list("version", flat=True).first() or 0
    stamp = fingerprint(congress)
    with _cyclic_gc_paused():
        facts = load_facts(congress, year, today=today)
        entries = engine.score(facts, scheme_format.to_scheme(scheme.document))
        if dry_run:
            existing = ScoreEntry.objects.filter(scheme=scheme, congress=congress).count()
            return RecomputeResult(entries, 0, existing)
        with transaction.atomic():
            removed, _detail = ScoreEntry.objects.filter(scheme=scheme, congress=congress).delete()
            _insert(entries, congress, scheme, year)
            LedgerState.objects.update_or_create(
                scheme=scheme, congress=congress,
                defaults={"scheme_version": scheme.version, "fingerprint": stamp,
                          "valid_until": engine.valid_until(facts), "computed_at": timezone.now(),
                          "entries": len(entries), "marker": marker, "verified_at": timezone.now()},
            )
    return RecomputeResult(entries, len(entries), removed)


@contextmanager
def _cyclic_gc_paused():
    """Pause Python's cycle collector while a year's facts and entries are built and written.

    They are tens of thousands of small objects without reference cycles (reference counting
    frees them), yet each few hundred allocations would start a collection that walks them
    all: about a tenth of a county's recompute. Collection resumes afterwards, as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


ENTRY_COLUMNS = ["congress_id", "scheme_id", "year", "period", "subject_kind", "member_id", "office_id", "points",
                 "rule", "rule_label", "fact_kind", "manuscript_id", "submission_id", "publication_id",
                 "commission_id", "fact_id", "explanation", "seq"]


def _insert(entries: list[engine.Entry], congress, scheme, year: int) -> None:
    """Write ledger rows: COPY straight from the engine's entries on PostgreSQL (a county's
    year is tens of thousands of rows), bulk INSERTs elsewhere."""
    if connection.vendor != "postgresql" or len(entries) < 500:
        ScoreEntry.objects.bulk_create([_row(e, congress, scheme, year) for e in entries], batch_size=2000)
        return
    table = ScoreEntry._meta.db_table
    with connection.cursor() as cursor, cursor.cursor.copy(
        f"COPY {table} ({', '.join(ENTRY_COLUMNS)}) FROM STDIN"
    ) as copy:
        for e in entries:
            copy.write_row((congress.pk, scheme.pk, year, e.period, e.subject_kind, e.member_id, e.office_id, e.points,
                            e.rule, e.rule_label, e.fact_kind, e.manuscript_id, e.submission_id, e.publication_id,
                            e.commission_id, e.fact_id, e.explanation[:300], e.seq))


def _row(e: engine.Entry, congress, scheme, year) -> ScoreEntry:
    return ScoreEntry(
        congress=congress, scheme=scheme, year=year, period=e.period, subject_kind=e.subject_kind,
        member_id=e.member_id, office_id=e.office_id, points=e.points, rule=e.rule, rule_label=e.rule_label,
        fact_kind=e.fact_kind, manuscript_id=e.manuscript_id, submission_id=e.submission_id,
        publication_id=e.publication_id, commission_id=e.commission_id, fact_id=e.fact_id,
        explanation=e.explanation[:300], seq=e.seq,
    )


# --- Upward ranking ----------------------------------------------------------------------------

@dataclass
class ChildScore:
    congress: object
    points: Decimal
    entries: object  # QuerySet[ScoreEntry]: the child's entries under the city's scheme
    rank: int = 0


def score_children(city, year: int, *, date_from: dt.date | None = None,
                   date_to: dt.date | None = None) -> list[ChildScore]:
    """The city's scheme applied to each child congress's facts: per child, the office points
    in the period (the whole year by default), highest first with competition ranks (1, 1, 3)."""
    return rank_congresses(city, list(city.children.order_by("code")), year,
                           date_from or dt.date(year, 1, 1), date_to or dt.date(year, 12, 31))


def rank_congresses(assessed_by, congresses: list, year: int, date_from: dt.date, date_to: dt.date
                    ) -> list[ChildScore]:
    """Rank congresses (a city's districts, a province's counties) by the office points their
    facts earn under `assessed_by`'s scheme of the year, as their ledgers stand (kept current in
    the background): one aggregate query for all of them."""
    scheme = ScoringScheme.objects.filter(congress=assessed_by, year=year).first()
    totals: dict[int, Decimal] = {}
    if scheme is not None:
        totals = dict(
            ScoreEntry.objects.filter(scheme=scheme, congress__in=[c.pk for c in congresses], subject_kind="office",
                                      period__gte=date_from, period__lte=date_to)
            .values_list("congress_id").annotate(total=Sum("points")).order_by()
        )
    out = [
        ChildScore(c, totals.get(c.pk) or Decimal(0),
                   ScoreEntry.objects.filter(congress=c, scheme=scheme, period__gte=date_from, period__lte=date_to)
                   if scheme is not None else ScoreEntry.objects.none())
        for c in congresses
    ]
    out.sort(key=lambda c: (-c.points, c.congress.code))
    for i, c in enumerate(out):
        c.rank = out[i - 1].rank if i and c.points == out[i - 1].points else i + 1
    return out
