"""The quarterly ranking (季排名): offices (or districts) and individuals over a quarter."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.assessment.reports.scope import LEVELS, ZERO, Scope, issuer_of, level_names, linked
from tribune.assessment.scoring.periods import Quarter, competition_ranks
from tribune.assessment.scoring.selectors import ledger_for
from tribune.kit.report import Cell, Report, Table
from tribune.org.models import Congress, Member


class RankingExporter:
    """季排名: offices (or districts) and individuals over a quarter."""

    def __init__(self, congress: Congress, quarter: Quarter, *, upward: bool = False):
        self.scope = Scope(congress, upward=upward)
        self.quarter = quarter

    def unit_rows(self) -> list[dict]:
        scope, first, last = self.scope, self.quarter.first, self.quarter.last
        points = scope.office_points(first, last)
        levels = scope.published_by_level(first, last)
        units = scope.units
        ranks = competition_ranks([points.get(u.key, ZERO) for u in units])
        rows = [{"unit": u, "points": points.get(u.key, ZERO), "levels": levels.get(u.key, dict.fromkeys(LEVELS, 0)),
                 "rank": r} for u, r in zip(units, ranks, strict=True)]
        rows.sort(key=lambda r: (r["rank"], r["unit"].name))
        return rows

    def member_rows(self) -> list[dict]:
        scope, first, last = self.scope, self.quarter.first, self.quarter.last
        totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
        congress_of: dict[int, Congress] = {}
        for congress in scope.congresses:
            entries = ledger_for(congress, first, last, assessed_by=scope.assessed_by).filter(subject_kind="member")
            for row in entries.values("member_id").annotate(total=Sum("points")):
                totals[row["member_id"]] += row["total"] or ZERO
                congress_of[row["member_id"]] = congress
        levels: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(LEVELS, 0))
        author = "submission__manuscript__authorships__member_id"
        for row in (scope.publications(first, last).filter(**{f"{author}__in": list(totals)})
                    .values(author, "submission__outlet__level").annotate(n=Count("id", distinct=True))):
            levels[row[author]][row["submission__outlet__level"]] += row["n"]
        members = Member.objects.filter(pk__in=list(totals)).select_related("office")
        by_id = {m.pk: m for m in members}
        ids = [mid for mid in totals if mid in by_id]
        ranks = competition_ranks([totals[mid] for mid in ids])
        rows = [{"member": by_id[mid], "congress": congress_of[mid], "points": totals[mid], "levels": levels[mid],
                 "rank": rank} for mid, rank in zip(ids, ranks, strict=True)]
        rows.sort(key=lambda r: (r["rank"], r["member"].name))
        return rows

    def report(self) -> Report:
        scope, quarter = self.scope, self.quarter
        first, last = quarter.first, quarter.last
        names = level_names()
        level_headers = [_("%(level)s publications") % {"level": names[level]} for level in LEVELS]
        unit_word = _("County/district") if scope.upward else _("Office")
        units = Table("units", _("Ranking of districts") if scope.upward else _("Ranking of offices"),
                      [_("Rank"), unit_word, _("Points"), *level_headers], empty=_("Nothing in this period."))
        for row in self.unit_rows():
            unit = row["unit"]
            period = {"from": first, "to": last}
            units.rows.append([
                Cell(row["rank"]), Cell(unit.name),
                linked(row["points"], scope.ledger_query(unit, **period)),
                *[linked(row["levels"][level], scope.ledger_query(unit, fact="publication", level=level, **period))
                  for level in LEVELS],
            ])
        people = Table("members", _("Ranking of individuals"), [_("Rank"), _("Name"), unit_word, _("Points"),
                                                                 *level_headers], empty=_("Nothing in this period."))
        for row in self.member_rows():
            member = row["member"]
            query = {"congress": row["congress"].code, "kind": "member", "member": member.pk,
                     "from": first.isoformat(), "to": last.isoformat()}
            if scope.upward:
                query["by"] = scope.congress.code
            where = row["congress"].short_name if scope.upward else (member.office.name if member.office else "")
            people.rows.append([
                Cell(row["rank"]), Cell(member.name), Cell(where), linked(row["points"], query),
                *[linked(row["levels"][level], {**query, "fact": "publication", "level": level}) for level in LEVELS],
            ])
        title = _("%(body)s publicity work ranking for %(quarter)s") % {
            "body": scope.congress.short_name or scope.congress.name, "quarter": quarter.label}
        return Report(key="ranking", title=title, issuer=issuer_of(scope.congress), date=timezone.localdate(),
                      tables=[units, people],
                      filename=f"ranking-{scope.congress.code}-{quarter}{'-districts' if scope.upward else ''}")
