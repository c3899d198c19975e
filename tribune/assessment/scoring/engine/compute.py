"""`score`: the ledger of one congress's year under a scheme, in the order of work the package
docstring gives; `totals` of a ledger per subject."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from tribune.assessment.scoring.engine.caps import manuscript_cap, person_caps
from tribune.assessment.scoring.engine.credit import Credit, pooled_rules
from tribune.assessment.scoring.engine.entries import Entry, entry_order
from tribune.assessment.scoring.engine.facts import Facts
from tribune.assessment.scoring.engine.rules import manuscript_items, office_deductions
from tribune.assessment.scoring.engine.scheme import Scheme
from tribune.assessment.scoring.engine.words import MEMBER, OFFICE, ZERO, signed


def score(facts: Facts, scheme: Scheme) -> list[Entry]:
    """The ledger of one congress's year under a scheme, ordered by date."""
    by_ms = {
        "submissions": _group(facts.submissions, "manuscript_id"),
        "publications": _group(facts.publications, "manuscript_id"),
        "metrics": _group(facts.metrics, "publication_id"),
        "reprints": _group(facts.reprints, "publication_id"),
        "joint_reports": _group(facts.joint_reports, "manuscript_id"),
        "instructions": _group(facts.instructions, "manuscript_id"),
    }
    offices = {o.id: o for o in facts.offices}
    pooled = pooled_rules(scheme)
    entries: list[Entry] = []
    for ms in sorted(facts.manuscripts, key=lambda m: m.id):
        items = manuscript_cap(ms, manuscript_items(ms, facts, scheme, by_ms), scheme)
        if not items:
            continue
        office_name = offices[ms.office_id].name if ms.office_id in offices else ""
        office_suffix = f"，计入{office_name}" if office_name else ""
        credit = Credit(ms.authors, scheme)
        pool = ZERO
        for it in items:
            # Each item is split on its own, except the amounts that later facts may re-itemise
            # (see `pooled_rules`): those are split as one running account, each author getting
            # the change of their part of it. The split is monotone, so no gain ever takes a
            # cent from anyone, and recording a fact never re-rounds another fact's entries.
            if it.rule in pooled:
                before, after = pool, pool + it.points
                pool = after
            else:
                before, after = ZERO, it.points
            then = {a.member_id: part for a, part, _how in credit.split(before)} if before else {}
            deduction = it.is_deduction
            item_words = f"{it.text}，{signed(it.points)}；"
            for author, cumulative, how in credit.split(after):
                part = cumulative - then.get(author.member_id, ZERO)
                if not part and deduction:
                    continue  # a deduction's cents all went to co-authors: nothing taken from this one
                entries.append(Entry(
                    MEMBER, author.member_id, ms.office_id, part, it.rule, it.fact_kind, it.period,
                    f"{item_words}{author.name}{how}，{signed(part)}",
                    ms.id, it.submission_id, it.publication_id, None, it.fact_id,
                ))
            if scheme.office_receives or not ms.authors:
                entries.append(Entry(
                    OFFICE, None, ms.office_id, it.points, it.rule, it.fact_kind, it.period,
                    f"{it.text}{office_suffix}，{signed(it.points)}",
                    ms.id, it.submission_id, it.publication_id, None, it.fact_id,
                ))
    entries = person_caps(entries, scheme)
    entries.extend(office_deductions(facts, scheme, offices))
    entries.sort(key=entry_order)  # stable: keeps the order above in a day
    for i, e in enumerate(entries, start=1):
        e.seq = i
    return entries


def _group(rows, attr: str) -> dict:
    out = defaultdict(list)
    for row in rows:
        out[getattr(row, attr)].append(row)
    return out


def totals(entries, subject_kind: str) -> dict[int, Decimal]:
    out: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for e in entries:
        if e.subject_kind == subject_kind:
            out[e.member_id if subject_kind == MEMBER else e.office_id] += e.points
    return dict(out)
