"""A fingerprint of a congress's facts, so the worker's sweep can tell cheaply whether a ledger is
stale even when the facts changed without signals (queryset updates, bulk inserts, a restore).

Derived from the registry: per source, the count of the congress's rows, the latest id and the
source's watched figures. A new row moves a count and a maximum id; a deleted one a count; an
edit in place a watched figure (a manuscript's or an outlet's `updated_at`, a publication's
version, the authors' shares …). All sources of any number of congresses are read in one query
(a UNION ALL of grouped aggregates): it runs once per recompute and for at most a few dozen
ledgers per sweep, never on a page.
"""

from __future__ import annotations

from django.db.models import CharField, Count, F, Max, Value
from django.db.models.functions import Cast

from tribune.assessment.scoring.registry import SOURCES

# Every part of the union has the same columns: the widest source's watched figures, as text.
_WIDTH = max(len(source.watch) for source in SOURCES)


def _part(number: int, source, congress_ids: list[int]):
    extra = {f"x{i}": Cast(aggregate, CharField()) for i, aggregate in enumerate(source.watch)}
    extra |= {f"x{i}": Value("", output_field=CharField()) for i in range(len(source.watch), _WIDTH)}
    return (source.rows_of(congress_ids)
            .values(owner=F(source.congress))
            .annotate(source=Value(number), rows=Count("pk"), last=Max("pk"), **extra)
            .values_list("source", "owner", "rows", "last", *extra)
            .order_by())


def fingerprints(congress_ids) -> dict[int, str]:
    """The fingerprint of each congress's facts, in one query whatever the number of congresses."""
    ids = sorted({int(i) for i in congress_ids})
    if not ids:
        return {}
    parts = [_part(number, source, ids) for number, source in enumerate(SOURCES, start=1)]
    figures: dict[int, dict[int, str]] = {cid: {} for cid in ids}
    for number, owner, rows, last, *extra in parts[0].union(*parts[1:], all=True):
        figures[owner][number] = ":".join([str(rows), str(last), *("" if x is None else str(x) for x in extra)])
    return {cid: "|".join(parts.get(n, "0") for n in range(1, len(SOURCES) + 1)) for cid, parts in figures.items()}


def fingerprint(congress) -> str:
    return fingerprints([congress.pk])[congress.pk]
