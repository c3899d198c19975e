"""Use cases of the scoring half: schemes (create, edit, import) and the ledger (recompute).

The ledger is a cache of `engine.score(facts, scheme)`. It is recomputed in the background
(`assessment/jobs.py`): when a scheme is saved, when a fact changes, and when the worker's sweep
finds it out of date; and by `tribune score recompute --congress CODE --year YYYY` (cron-safe,
idempotent). Reading it never recomputes it.
"""

from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.assessment import engine, scheme_format
from tribune.assessment.facts import fingerprint, load_facts
from tribune.assessment.jobs import request_scheme_refresh
from tribune.assessment.models import FactsMarker, LedgerState, SchemeChange, ScoreEntry, ScoringScheme
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError, bump_version

MIN_YEAR, MAX_YEAR = 2000, 2100


# --- Schemes ---------------------------------------------------------------------------------

def _check(member, congress, system: bool) -> None:
    if not system:
        access.require(access.can_edit_scheme(member, congress), "may not edit the scoring scheme")


def _document_from(text: str | None, document: dict | None) -> dict:
    try:
        if text is not None:
            return scheme_format.parse(text)
        return scheme_format.validate(document)
    except scheme_format.SchemeFormatError as exc:
        raise SchemeInvalid(exc.errors) from None


class SchemeInvalid(ServiceError):
    """The rules were refused; `errors` lists every problem, in the user's language."""

    def __init__(self, errors: list[str]):
        super().__init__(_("The scoring rules have %(n)d problem(s): %(errors)s") % {
            "n": len(errors), "errors": "；".join(errors)}, field="text")
        self.errors = errors


@transaction.atomic
def scheme_create(*, member, congress, year: int, text: str | None = None, document: dict | None = None,
                  source: str = "create", system: bool = False) -> ScoringScheme:
    """A congress's scheme for a year: from the given rules, else a copy of the latest earlier
    year's, else the default template. Scores the year at once."""
    _check(member, congress, system)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ServiceError(_("The year must be between %(a)d and %(b)d.") % {"a": MIN_YEAR, "b": MAX_YEAR},
                           field="year")
    if ScoringScheme.objects.filter(congress=congress, year=year).exists():
        raise ServiceError(_("%(congress)s already has a scoring scheme for %(year)d.") % {
            "congress": congress.short_name or congress.name, "year": year}, field="year")
    if text is None and document is None:
        earlier = ScoringScheme.objects.filter(congress=congress, year__lt=year).order_by("-year").first()
        if earlier is not None:
            document = dict(earlier.document, name=earlier.document.get("name", "").replace(
                str(earlier.year), str(year)))
            source = source if source != "create" else "copy"
        else:
            from tribune.assessment.demo import default_document

            document = default_document(congress, year)
    doc = _document_from(text, document)
    scheme = ScoringScheme.objects.create(congress=congress, year=year, name=doc["name"], document=doc,
                                          updated_by=member)
    SchemeChange.objects.create(scheme=scheme, version=1, changed_by=member, source=source,
                                summary=_("Scheme created"), document=doc)
    audit_record(action="scheme.create", member=member, obj=scheme, congress=congress,
                 detail={"year": year, "source": source})
    request_scheme_refresh(scheme, requested_by_id=member.pk if member else None)
    return scheme


@transaction.atomic
def scheme_update(*, member, scheme: ScoringScheme, expected_version: int, text: str | None = None,
                  document: dict | None = None, summary: str = "", source: str = "edit",
                  system: bool = False) -> ScoringScheme:
    """Replace a scheme's rules (from the edit form or an imported file), record the change and
    rescore the year. A form based on an older version is refused (StaleError)."""
    _check(member, scheme.congress, system)
    doc = _document_from(text, document)
    bump_version(scheme, expected_version, _("Someone else changed the scheme meanwhile; "
                                             "your changes were not saved. Here is the scheme as it is now."))
    before = scheme.document
    scheme.document = doc
    scheme.name = doc["name"]
    scheme.updated_by = member
    scheme.save(update_fields=["document", "name", "updated_by", "updated_at"])
    summary = (summary or "").strip()[:300] or describe_change(before, doc)
    SchemeChange.objects.create(scheme=scheme, version=scheme.version, changed_by=member, source=source,
                                summary=summary, document=doc)
    audit_record(action=f"scheme.{source}", member=member, obj=scheme, congress=scheme.congress,
                 detail={"version": scheme.version, "summary": summary})
    request_scheme_refresh(scheme, requested_by_id=member.pk if member else None)
    return scheme


def scheme_import(*, member, congress, year: int, text: str, system: bool = False) -> ScoringScheme:
    """Import a scheme file: creates the year's scheme or replaces its rules."""
    scheme = ScoringScheme.objects.filter(congress=congress, year=year).first()
    if scheme is None:
        return scheme_create(member=member, congress=congress, year=year, text=text, source="import", system=system)
    return scheme_update(member=member, scheme=scheme, expected_version=scheme.version, text=text,
                         source="import", system=system, summary=_("Imported from a file"))


def describe_change(before: dict, after: dict) -> str:
    """Which sections of the rules changed, in words (the default summary of a change)."""
    names = {
        "name": _("name"), "submission": _("submissions"), "publication": _("publications"),
        "metrics": _("reads and shares"), "reprint": _("reprints"), "joint_report": _("joint reports"),
        "instruction": _("leadership instructions"), "deductions": _("deductions"), "credit": _("credit split"),
        "caps": _("caps"),
    }
    changed = [str(label) for key, label in names.items() if before.get(key) != after.get(key)]
    if not changed:
        return _("Saved without changes")
    return _("Changed: %(sections)s") % {"sections": "、".join(changed)}


# --- The ledger ------------------------------------------------------------------------------

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
    from django.db import connection

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
    from django.db.models import Sum

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


# --- Commissioned pieces (约稿) ------------------------------------------------------------------

@transaction.atomic
def commission_create(*, member, office, title: str, due_date: dt.date, requested_by: str = ""):
    from tribune.assessment.models import Commission

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
