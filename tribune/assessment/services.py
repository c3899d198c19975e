"""Use cases of the scoring half: schemes (create, edit, import) and the ledger (recompute).

The ledger is a cache of `engine.score(facts, scheme)`. It is recomputed
- at once when a scheme is saved (in the same transaction: the ledger never disagrees with
  the scheme it names);
- lazily when it is read (`selectors.ensure_fresh`): a one-query fingerprint of the facts
  and the scheme's version are compared with those of the last computation;
- by `tribune score recompute --congress CODE --year YYYY` (cron-safe, idempotent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.assessment import engine, scheme_format
from tribune.assessment.facts import as_of_for, fingerprint, load_facts
from tribune.assessment.models import LedgerState, SchemeChange, ScoreEntry, ScoringScheme
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
    score_recompute(congress=congress, year=year, scheme=scheme)
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
    score_recompute(congress=scheme.congress, year=scheme.year, scheme=scheme)
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
    stamp = fingerprint(congress)
    facts = load_facts(congress, year, today=today)
    entries = engine.score(facts, scheme_format.to_scheme(scheme.document))
    if dry_run:
        existing = ScoreEntry.objects.filter(scheme=scheme, congress=congress).count()
        return RecomputeResult(entries, 0, existing)
    rows = [_row(e, congress, scheme, year) for e in entries]
    with transaction.atomic():
        removed, _detail = ScoreEntry.objects.filter(scheme=scheme, congress=congress).delete()
        ScoreEntry.objects.bulk_create(rows, batch_size=2000)
        LedgerState.objects.update_or_create(
            scheme=scheme, congress=congress,
            defaults={"scheme_version": scheme.version, "fingerprint": _stamp(stamp, year, today),
                      "computed_at": timezone.now(), "entries": len(rows)},
        )
    return RecomputeResult(entries, len(rows), removed)


def _stamp(facts_fingerprint: str, year: int, today: dt.date | None = None) -> str:
    # The day of computation matters while the year runs: a month that ends adds its monthly
    # minimum deduction, a due date that passes its commissioned-piece deduction.
    return f"{as_of_for(year, today).isoformat()}|{facts_fingerprint}"[:400]


def _row(e: engine.Entry, congress, scheme, year) -> ScoreEntry:
    return ScoreEntry(
        congress=congress, scheme=scheme, year=year, period=e.period, subject_kind=e.subject_kind,
        member_id=e.member_id, office_id=e.office_id, points=e.points, rule=e.rule, rule_label=e.rule_label,
        fact_kind=e.fact_kind, manuscript_id=e.manuscript_id, submission_id=e.submission_id,
        publication_id=e.publication_id, commission_id=e.commission_id, fact_id=e.fact_id,
        explanation=e.explanation[:300], seq=e.seq,
    )


def ledger_is_fresh(congress, scheme: ScoringScheme) -> bool:
    state = LedgerState.objects.filter(scheme=scheme, congress=congress).first()
    return (state is not None and state.scheme_version == scheme.version
            and state.fingerprint == _stamp(fingerprint(congress), scheme.year))


def ensure_fresh(congress, year: int, *, assessed_by=None) -> ScoringScheme | None:
    """Recompute the ledger of (congress, year) under the scheme of `assessed_by` (default: the
    congress itself) if the scheme or the facts changed since it was computed. Two queries
    when nothing changed."""
    owner = assessed_by or congress
    scheme = ScoringScheme.objects.filter(congress=owner, year=year).first()
    if scheme is None:
        return None
    if not ledger_is_fresh(congress, scheme):
        score_recompute(congress=congress, year=year, scheme=scheme)
    return scheme


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
    from django.db.models import Sum

    date_from = date_from or dt.date(year, 1, 1)
    date_to = date_to or dt.date(year, 12, 31)
    scheme = ScoringScheme.objects.filter(congress=city, year=year).first()
    out = []
    for child in city.children.order_by("code"):
        if scheme is not None:
            ensure_fresh(child, year, assessed_by=city)
        entries = ScoreEntry.objects.filter(congress=child, scheme__congress=city, scheme__year=year,
                                            period__range=(date_from, date_to))
        points = entries.filter(subject_kind="office").aggregate(s=Sum("points"))["s"] or Decimal(0)
        out.append(ChildScore(child, points, entries))
    out.sort(key=lambda c: (-c.points, c.congress.code))
    for i, c in enumerate(out):
        c.rank = out[i - 1].rank if i and c.points == out[i - 1].points else i + 1
    return out
