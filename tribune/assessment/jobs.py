"""Keeping the score ledgers in step with the facts, in the background.

A ledger is the scoring of one congress's facts under one scheme: the congress's own, or the
scheme of a congress above it that ranks it (a city's, a province's). Reports read ledgers as
they are and never compute them (reads never write). They are recomputed here:
- when a fact changes: `request_refresh` on save (signals.py), coalesced per congress, for every
  ledger that scores that congress;
- when a scheme is saved: `request_scheme_refresh`, for the scheme's congress and every congress
  below it;
- by the sweep the worker runs every minute: ledgers missing, of an old scheme version, whose
  facts marker moved without a job, whose validity ran out (a month ending, a due date
  passing), or whose fingerprint no longer matches (facts changed without signals).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tribune.assessment.models import FactsMarker, LedgerState, ScoringScheme
from tribune.assessment.scoring.fingerprint import fingerprints
from tribune.assessment.scoring.ledger import score_recompute
from tribune.assessment.scoring.loading import as_of_for
from tribune.jobs.services import Progress, enqueue, register, register_sweep
from tribune.org.models import Congress

REFRESH = "ledger.refresh"
# Every ledger's facts are fingerprinted at least this often (changes made without signals:
# queryset updates, bulk inserts, a restore); at most this many per sweep, longest unchecked first.
FULL_CHECK_EVERY = dt.timedelta(minutes=10)
FULL_CHECKS_PER_SWEEP = 50


def request_refresh(congress_id: int, *, scheme_id: int | None = None, requested_by_id: int | None = None):
    """Queue a recompute of the ledgers of a congress's facts: under one scheme, or under every
    scheme that scores it (its own and those of the congresses above it)."""
    key = f"{REFRESH}:{congress_id}" + (f":{scheme_id}" if scheme_id else "")
    params = {"congress": congress_id} | ({"scheme": scheme_id} if scheme_id else {})
    return enqueue(REFRESH, key=key, params=params, congress_id=congress_id, requested_by_id=requested_by_id)


def request_scheme_refresh(scheme: ScoringScheme, *, requested_by_id: int | None = None) -> None:
    """A scheme was created or changed: rescore its congress and every congress it ranks."""
    for congress in [scheme.congress, *scheme.congress.descendants()]:
        request_refresh(congress.pk, scheme_id=scheme.pk, requested_by_id=requested_by_id)


def schemes_scoring(congress: Congress, *, today: dt.date | None = None) -> list[ScoringScheme]:
    """The schemes whose ledger of this congress's facts is kept: this year's scheme of the
    congress and of each congress above it, and any other year's already computed once."""
    year = (today or timezone.localdate()).year
    owners = [congress.pk, *(c.pk for c in congress.ancestors())]
    computed = set(LedgerState.objects.filter(congress=congress).values_list("scheme_id", flat=True))
    schemes = ScoringScheme.objects.filter(congress_id__in=owners).select_related("congress").order_by(
        "-year", "congress__level", "pk")
    return [s for s in schemes if s.year == year or s.pk in computed]


@register(REFRESH)
def refresh(job, *, congress: int, scheme: int | None = None) -> dict:
    target = Congress.objects.filter(pk=congress).first()
    if target is None:
        return {"ledgers": 0}
    if scheme is not None:
        schemes = list(ScoringScheme.objects.filter(pk=scheme).select_related("congress"))
    else:
        schemes = schemes_scoring(target)
    progress = Progress(job, total=len(schemes))
    for one in schemes:
        score_recompute(congress=target, year=one.year, scheme=one)
        progress.step(f"{target.short_name or target.name} {one.year}（{one.congress.short_name}）")
    return {"ledgers": len(schemes)}


def stale_ledgers(*, today: dt.date | None = None) -> list[tuple[int, int]]:
    """(congress id, scheme id) of every kept ledger that is out of date without a fingerprint:
    missing (this year's schemes, for their congress and every congress below), of an older
    scheme version, past its validity, or whose facts marker moved since it was verified."""
    today = today or timezone.localdate()
    states = {(st.congress_id, st.scheme_id): st for st in LedgerState.objects.all()}
    markers = dict(FactsMarker.objects.values_list("congress_id", "version"))
    versions = dict(ScoringScheme.objects.values_list("pk", "version"))
    years = dict(ScoringScheme.objects.values_list("pk", "year"))
    wanted = set(states)
    for scheme in ScoringScheme.objects.filter(year=today.year).select_related("congress"):
        wanted |= {(c.pk, scheme.pk) for c in [scheme.congress, *scheme.congress.descendants()]}
    out = []
    for cid, sid in sorted(wanted):
        st = states.get((cid, sid))
        if (st is None or st.scheme_version != versions.get(sid) or st.marker != markers.get(cid, 0)
                or (st.valid_until is not None and as_of_for(years[sid], today) >= st.valid_until)):
            out.append((cid, sid))
    return out


@register_sweep("ledgers", every_seconds=60)
def sweep_ledgers() -> int:
    """Queue a recompute of every stale ledger; fingerprint a few of the others."""
    queued = 0
    for congress_id, scheme_id in stale_ledgers():
        request_refresh(congress_id, scheme_id=scheme_id)
        queued += 1
    now = timezone.now()
    due = list(LedgerState.objects.filter(verified_at__lt=now - FULL_CHECK_EVERY)
               .order_by("verified_at")[:FULL_CHECKS_PER_SWEEP])
    stamps = fingerprints(sorted({st.congress_id for st in due}))
    for st in due:
        if st.fingerprint == stamps.get(st.congress_id):
            LedgerState.objects.filter(pk=st.pk).update(verified_at=now)
        else:
            request_refresh(st.congress_id, scheme_id=st.scheme_id)
            queued += 1
    return queued


def status(congresses, scheme_owner=None, *, year: int | None = None, today: dt.date | None = None) -> dict:
    """What a report page says about the ledgers it reads (of `year`, under each congress's own
    scheme or under `scheme_owner`'s): whether they are being updated — a job waiting or
    running, or a ledger known to be stale that the worker's next sweep will queue — and when
    the oldest of them was computed."""
    from tribune.jobs.services import pending

    today = today or timezone.localdate()
    year = year or today.year
    ids = [c.pk for c in congresses]
    owner_of = {cid: scheme_owner.pk if scheme_owner is not None else cid for cid in ids}
    schemes = {s.congress_id: s for s in ScoringScheme.objects.filter(congress_id__in=set(owner_of.values()),
                                                                         year=year)}
    states = {(st.congress_id, st.scheme_id): st
              for st in LedgerState.objects.filter(congress_id__in=ids, scheme__in=list(schemes.values()))}
    markers = dict(FactsMarker.objects.filter(congress_id__in=ids).values_list("congress_id", "version"))
    stale, computed = False, []
    for cid in ids:
        scheme = schemes.get(owner_of[cid])
        if scheme is None:
            continue
        st = states.get((cid, scheme.pk))
        if st is None:
            stale = True
            continue
        computed.append(st.computed_at)
        stale = stale or (st.scheme_version != scheme.version or st.marker != markers.get(cid, 0)
                          or (st.valid_until is not None and as_of_for(year, today) >= st.valid_until))
    updating = stale or bool(pending(kinds=(REFRESH,), congress_ids=ids))
    return {"updating": updating, "computed_at": min(computed) if computed else None}
