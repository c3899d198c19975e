"""Annual awards (年评优): candidates by configurable criteria, confirmed by the committee.

Candidates are computed from the year's ledger: the top N offices by points (先进集体); the
top N writers by points among those with at least M publications at city level or above
(优秀信息员); the best manuscripts by points, then reads (优秀稿件). The director or the
coordinator confirms a list; confirming replaces the year's recorded awards of that category
in one transaction, and the confirmed list prints as a .docx.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.assessment.models import Award
from tribune.assessment.reports.scope import issuer_of
from tribune.assessment.scoring.periods import competition_ranks
from tribune.assessment.scoring.selectors import ledger_for
from tribune.kit.report import Cell, Report, Table
from tribune.newsroom.models import MetricSnapshot, Publication
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import Member, Office
from tribune.outlets.vocabulary import CITY_OR_ABOVE

ZERO = Decimal("0")
CATEGORIES = ("office", "writer", "manuscript")


def category_names() -> dict[str, str]:
    return {"office": _("Advanced office (先进集体)"), "writer": _("Outstanding writer (优秀信息员)"),
            "manuscript": _("Outstanding manuscript (优秀稿件)")}


@dataclass(frozen=True)
class Criteria:
    offices: int = 3
    writers: int = 5
    min_city: int = 2
    manuscripts: int = 10


@dataclass
class Candidate:
    category: str
    key: int  # office, member or manuscript id
    name: str
    detail: str
    points: Decimal
    rank: int
    reads: int = 0
    city_or_above: int = 0


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def candidates(congress, year: int, criteria: Criteria) -> dict[str, list[Candidate]]:
    first, last = _year(year)
    entries = ledger_for(congress, first, last)
    result: dict[str, list[Candidate]] = {}

    offices = {o.pk: o for o in Office.objects.filter(congress=congress)}
    office_totals = {row["office_id"]: row["total"] or ZERO for row in entries.filter(subject_kind="office")
                     .values("office_id").annotate(total=Sum("points"))}
    ranked = sorted((oid for oid in office_totals if oid in offices and office_totals[oid] > 0),
                    key=lambda oid: (-office_totals[oid], offices[oid].name))
    ranks = competition_ranks([office_totals[oid] for oid in ranked])
    result["office"] = [Candidate("office", oid, offices[oid].name, "", office_totals[oid], rank)
                        for oid, rank in zip(ranked, ranks, strict=True)][:criteria.offices]

    member_totals = {row["member_id"]: row["total"] or ZERO for row in entries.filter(subject_kind="member")
                     .values("member_id").annotate(total=Sum("points"))}
    author = "submission__manuscript__authorships__member_id"
    high = {row[author]: row["n"] for row in Publication.objects.filter(
        submission__manuscript__congress=congress, published_on__gte=first, published_on__lte=last,
        withdrawn_at__isnull=True, submission__outlet__level__in=CITY_OR_ABOVE,
        **{f"{author}__in": list(member_totals)}).values(author).annotate(n=Count("id", distinct=True))}
    members = {m.pk: m for m in Member.objects.filter(pk__in=list(member_totals)).select_related("office")}
    eligible = sorted((mid for mid in member_totals if mid in members and member_totals[mid] > 0
                       and high.get(mid, 0) >= criteria.min_city),
                      key=lambda mid: (-member_totals[mid], members[mid].name))
    ranks = competition_ranks([member_totals[mid] for mid in eligible])
    result["writer"] = [Candidate("writer", mid, members[mid].name,
                                  members[mid].office.name if members[mid].office else "", member_totals[mid], rank,
                                  city_or_above=high.get(mid, 0))
                        for mid, rank in zip(eligible, ranks, strict=True)][:criteria.writers]

    ms_totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    titles: dict[int, tuple[str, str]] = {}
    for row in (entries.filter(subject_kind="office", manuscript__isnull=False)
                .values("manuscript_id", "manuscript__title", "manuscript__office__name")
                .annotate(total=Sum("points"))):
        ms_totals[row["manuscript_id"]] += row["total"] or ZERO
        titles[row["manuscript_id"]] = (row["manuscript__title"], row["manuscript__office__name"])
    latest = MetricSnapshot.objects.filter(publication=OuterRef("pk")).order_by("-taken_at", "-id")
    reads: dict[int, int] = defaultdict(int)
    for row in (Publication.objects.filter(submission__manuscript_id__in=list(ms_totals), withdrawn_at__isnull=True)
                .annotate(latest=Subquery(latest.values("reads")[:1])).values("submission__manuscript_id", "latest")):
        reads[row["submission__manuscript_id"]] += row["latest"] or 0
    best = sorted((mid for mid in ms_totals if ms_totals[mid] > 0),
                  key=lambda mid: (-ms_totals[mid], -reads[mid], mid))
    ranks = competition_ranks([(ms_totals[mid], reads[mid]) for mid in best])
    result["manuscript"] = [Candidate("manuscript", mid, titles[mid][0], titles[mid][1], ms_totals[mid], rank,
                                      reads=reads[mid])
                            for mid, rank in zip(best, ranks, strict=True)][:criteria.manuscripts]
    return result


@transaction.atomic
def awards_confirm(*, member, congress, year: int, category: str, chosen: list[int],
                   criteria: Criteria) -> list[Award]:
    """Record the committee's choice among the candidates of one category (replacing an earlier
    confirmation of the same year and category)."""
    access.require(access.can_confirm_awards(member, congress), _("Only the director or the coordinator confirms "
                                                                   "awards."))
    if category not in CATEGORIES:
        raise ServiceError(_("Unknown award category."), field="category")
    pool = {c.key: c for c in candidates(congress, year, criteria)[category]}
    unknown = [key for key in chosen if key not in pool]
    if unknown:
        raise ServiceError(_("Only candidates can be confirmed; the list changed, reload the page."))
    Award.objects.filter(congress=congress, year=year, category=category).delete()
    created = []
    for key in sorted(set(chosen), key=lambda k: (pool[k].rank, k)):
        candidate = pool[key]
        created.append(Award.objects.create(
            congress=congress, year=year, category=category, points=candidate.points, rank=candidate.rank,
            confirmed_by=member,
            office_id=key if category == "office" else None,
            member_id=key if category == "writer" else None,
            manuscript_id=key if category == "manuscript" else None,
        ))
    audit_record(action="awards.confirm", member=member, congress=congress,
                 detail={"year": year, "category": category, "chosen": sorted(set(chosen))})
    return created


class AwardsExporter:
    """The confirmed awards of a year, as a printable list."""

    def __init__(self, congress, year: int):
        self.congress = congress
        self.year = year

    def rows(self) -> list[Award]:
        return list(Award.objects.filter(congress=self.congress, year=self.year)
                    .select_related("office", "member__office", "manuscript__office"))

    def report(self) -> Report:
        names = category_names()
        tables = []
        awards = self.rows()
        headers = {"office": [_("No."), _("Office"), _("Points")],
                   "writer": [_("No."), _("Name"), _("Office"), _("Points")],
                   "manuscript": [_("No."), _("Title"), _("Office"), _("Points")]}
        for category in CATEGORIES:
            table = Table(category, names[category], headers[category], empty=_("Nothing in this period."))
            number = 0
            for award in awards:
                if award.category != category:
                    continue
                number += 1
                if category == "office":
                    cells = [Cell(award.office.name)]
                elif category == "writer":
                    cells = [Cell(award.member.name), Cell(award.member.office.name if award.member.office else "")]
                else:
                    cells = [Cell(f"《{award.manuscript.title}》"), Cell(award.manuscript.office.name)]
                table.rows.append([Cell(number), *cells, Cell(award.points)])
            tables.append(table)
        counts = {t.key: len(t.rows) for t in tables}
        paragraphs = [_("After assessment by the committee, the following are commended for their publicity work in "
                        "%(year)s: %(offices)s advanced offices, %(writers)s outstanding writers and %(manuscripts)s "
                        "outstanding manuscripts.") % {"year": self.year, "offices": counts["office"],
                                                      "writers": counts["writer"],
                                                      "manuscripts": counts["manuscript"]}]
        title = _("%(body)s publicity work awards for %(year)s") % {
            "body": self.congress.short_name or self.congress.name, "year": self.year}
        return Report(key="awards", title=title, issuer=issuer_of(self.congress), date=timezone.localdate(),
                      paragraphs=paragraphs, tables=tables, filename=f"awards-{self.congress.code}-{self.year}")
