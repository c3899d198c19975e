"""The monthly notice (月通报) and the quarterly ranking (季排名), built from facts and the ledger.

Counts (items submitted, publications by level, reads) come from the facts; points come from
the ledger (`selectors.ledger_for`), so every point in a report is the sum of ledger entries
that the ledger page lists with their explanations. Each exporter makes a fixed number of
queries whatever the number of manuscripts: aggregates grouped by unit, never a query per row.

A report's units are the offices of a congress, or — for a city ranking its districts (upward
ranking) — the child congresses, scored by the city's scheme.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.assessment.exporters import Cell, Report, Table
from tribune.assessment.periods import Month, Quarter, competition_ranks, previous_month
from tribune.newsroom.models import MetricSnapshot, Publication, Submission
from tribune.org.models import Congress, Member, Office

LEVELS = ("national", "provincial", "city", "county")
ZERO = Decimal("0")
BEST_PIECES = 5


def ledger_for(congress, start: dt.date, end: dt.date, assessed_by=None):
    from tribune.assessment import selectors

    return selectors.ledger_for(congress, start, end, assessed_by=assessed_by)


def level_names() -> dict[str, str]:
    return {"national": _("National level"), "provincial": _("Provincial level"), "city": _("City level"),
            "county": _("County level")}


def issuer_of(congress) -> str:
    """The issuing body of a notice: the committee's general office, named the short way
    (藁城区人大常委会办公室, not 石家庄市藁城区人大常委会办公室)."""
    if congress.short_name:
        return f"{congress.short_name}人大常委会办公室"
    return f"{congress.name}办公室"


def _day_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))


@dataclass
class Unit:
    """One row of a report: an office of the congress, or a child congress in an upward ranking."""

    key: int
    name: str
    congress: Congress
    office: Office | None = None


class Scope:
    """What a report is about: the offices of `congress`, scored by its own scheme; or the
    children of a city, scored by the city's scheme (`upward=True`)."""

    def __init__(self, congress: Congress, *, upward: bool = False):
        self.congress = congress
        self.upward = upward
        if upward:
            self.congresses = list(congress.children.order_by("code"))
            self.units = [Unit(c.pk, c.short_name or c.name, c) for c in self.congresses]
        else:
            self.congresses = [congress]
            self.units = [Unit(o.pk, o.name, congress, o) for o in Office.objects.filter(congress=congress)
                          .order_by("position", "pk")]

    @property
    def unit_field(self) -> str:
        """The lookup from a manuscript to the unit's key."""
        return "congress_id" if self.upward else "office_id"

    @property
    def assessed_by(self):
        return self.congress if self.upward else None

    def ledger_query(self, unit: Unit | None, **filters) -> dict:
        query = {"congress": (unit.congress if unit else self.congress).code, "kind": "office"}
        if self.upward:
            query["by"] = self.congress.code
            if unit is None:
                query.pop("congress")
                query["children"] = "1"
        elif unit is not None:
            query["office"] = unit.key
        query.update({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in filters.items()})
        return query

    def office_points(self, start: dt.date, end: dt.date) -> dict[int, Decimal]:
        """Points per unit: the sum of office entries in [start, end]."""
        totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for congress in self.congresses:
            entries = ledger_for(congress, start, end, self.assessed_by).filter(subject_kind="office")
            if self.upward:
                total = entries.aggregate(total=Sum("points"))["total"]
                totals[congress.pk] += total or ZERO
            else:
                for row in entries.values("office_id").annotate(total=Sum("points")):
                    totals[row["office_id"]] += row["total"] or ZERO
        return totals

    def _manuscript_field(self, prefix: str) -> str:
        return f"{prefix}manuscript__{self.unit_field}"

    def submitted(self, start: dt.date, end: dt.date) -> dict[int, int]:
        """Manuscripts sent to at least one outlet in the period, per unit."""
        low, high = _day_range(start, end)
        rows = (Submission.objects.filter(manuscript__congress__in=self.congresses, submitted_at__gte=low,
                                          submitted_at__lt=high)
                .values(self._manuscript_field("")).annotate(n=Count("manuscript", distinct=True)))
        return {row[self._manuscript_field("")]: row["n"] for row in rows}

    def publications(self, start: dt.date, end: dt.date):
        return Publication.objects.filter(submission__manuscript__congress__in=self.congresses,
                                          published_on__gte=start, published_on__lte=end, withdrawn_at__isnull=True)

    def published_by_level(self, start: dt.date, end: dt.date) -> dict[int, dict[str, int]]:
        field = self._manuscript_field("submission__")
        counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(LEVELS, 0))
        for row in (self.publications(start, end).values(field, "submission__outlet__level")
                    .annotate(n=Count("id"))):
            counts[row[field]][row["submission__outlet__level"]] += row["n"]
        return counts

    def reads(self, start: dt.date, end: dt.date) -> dict[int, int]:
        """Reads of the period's publications: each publication's latest snapshot."""
        field = self._manuscript_field("submission__")
        latest = MetricSnapshot.objects.filter(publication=OuterRef("pk")).order_by("-taken_at", "-id")
        totals: dict[int, int] = defaultdict(int)
        for row in self.publications(start, end).annotate(latest=Subquery(latest.values("reads")[:1])).values(
                field, "latest"):
            totals[row[field]] += row["latest"] or 0
        return totals


def _linked(value, query) -> Cell:
    return Cell(value, ledger=query)


# --- Monthly notice -------------------------------------------------------------------------

class NoticeExporter:
    """月通报: one row per office (or district) for a month."""

    def __init__(self, congress: Congress, month: Month, *, upward: bool = False, focus: str = ""):
        self.scope = Scope(congress, upward=upward)
        self.month = month
        self.focus = focus

    def rows(self) -> list[dict]:
        scope, month = self.scope, self.month
        prev = previous_month(month)
        points = scope.office_points(month.first, month.last)
        points_year = scope.office_points(month.year_first, month.last)
        points_prev = scope.office_points(prev.first, prev.last)
        submitted = scope.submitted(month.first, month.last)
        submitted_year = scope.submitted(month.year_first, month.last)
        levels = scope.published_by_level(month.first, month.last)
        reads = scope.reads(month.first, month.last)
        units = scope.units
        ranks = competition_ranks([points.get(u.key, ZERO) for u in units])
        prev_ranks = competition_ranks([points_prev.get(u.key, ZERO) for u in units])
        rows = []
        for unit, rank, prev_rank in zip(units, ranks, prev_ranks, strict=True):
            rows.append({
                "unit": unit, "submitted": submitted.get(unit.key, 0),
                "submitted_year": submitted_year.get(unit.key, 0),
                "levels": levels.get(unit.key, dict.fromkeys(LEVELS, 0)), "reads": reads.get(unit.key, 0),
                "points": points.get(unit.key, ZERO), "points_year": points_year.get(unit.key, ZERO),
                "rank": rank, "change": prev_rank - rank,
            })
        rows.sort(key=lambda r: (r["rank"], -r["points_year"], r["unit"].name))
        return rows

    def best_pieces(self) -> list[dict]:
        """The month's manuscripts with the most points (office entries, so each counts once)."""
        totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
        titles: dict[int, tuple] = {}
        for congress in self.scope.congresses:
            entries = ledger_for(congress, self.month.first, self.month.last, self.scope.assessed_by).filter(
                subject_kind="office", manuscript__isnull=False)
            if self.scope.upward:
                # A city names a district's pieces only once they are published (docs/access.md).
                entries = entries.filter(Exists(Publication.objects.filter(
                    submission__manuscript_id=OuterRef("manuscript_id"))))
            entries = (entries
                       .values("manuscript_id", "manuscript__title", "manuscript__office__name", "congress__code",
                               "congress__short_name")
                       .annotate(total=Sum("points")))
            for row in entries:
                totals[row["manuscript_id"]] += row["total"] or ZERO
                titles[row["manuscript_id"]] = row
        best = sorted((mid for mid in totals if totals[mid] > 0), key=lambda mid: (-totals[mid], mid))[:BEST_PIECES]
        latest = MetricSnapshot.objects.filter(publication=OuterRef("pk")).order_by("-taken_at", "-id")
        reads: dict[int, int] = defaultdict(int)
        for row in (Publication.objects.filter(submission__manuscript_id__in=best, withdrawn_at__isnull=True)
                    .annotate(latest=Subquery(latest.values("reads")[:1]))
                    .values("submission__manuscript_id", "latest")):
            reads[row["submission__manuscript_id"]] += row["latest"] or 0
        return [{"id": mid, "title": titles[mid]["manuscript__title"], "points": totals[mid], "reads": reads[mid],
                 "office": titles[mid]["manuscript__office__name"], "congress_code": titles[mid]["congress__code"],
                 "district": titles[mid]["congress__short_name"]} for mid in best]

    def report(self) -> Report:
        scope, month = self.scope, self.month
        rows = self.rows()
        best = self.best_pieces()
        unit_word = _("County/district") if scope.upward else _("Office")
        names = level_names()
        header = [_("Rank"), unit_word, _("Submitted this month"), _("Submitted this year")] + [
            _("%(level)s publications") % {"level": names[level]} for level in LEVELS] + [
            _("Reads"), _("Points this month"), _("Points this year"), _("Change of rank")]
        table = Table("units", _("Publicity work by office") if not scope.upward else _("Publicity work by district"),
                      header)
        first, last, year_first = month.first, month.last, month.year_first
        for row in rows:
            unit = row["unit"]

            def q(unit=unit, **filters):
                return scope.ledger_query(unit, **filters)

            table.rows.append([
                Cell(row["rank"], ledger=q(**{"from": first, "to": last})),
                Cell(unit.name),
                _linked(row["submitted"], q(fact="submission", **{"from": first, "to": last})),
                _linked(row["submitted_year"], q(fact="submission", **{"from": year_first, "to": last})),
                *[_linked(row["levels"][level], q(fact="publication", level=level, **{"from": first, "to": last}))
                  for level in LEVELS],
                _linked(row["reads"], q(fact="metrics", **{"from": first, "to": last})),
                _linked(row["points"], q(**{"from": first, "to": last})),
                _linked(row["points_year"], q(**{"from": year_first, "to": last})),
                Cell(_change_text(row["change"])),
            ])
        totals = _sum_rows(rows)
        table.rows.append([
            Cell(""), Cell(_("Total")),
            _linked(totals["submitted"], scope.ledger_query(None, fact="submission", **{"from": first, "to": last})),
            _linked(totals["submitted_year"], scope.ledger_query(None, fact="submission",
                                                                 **{"from": year_first, "to": last})),
            *[_linked(totals["levels"][level], scope.ledger_query(None, fact="publication", level=level,
                                                                  **{"from": first, "to": last}))
              for level in LEVELS],
            _linked(totals["reads"], scope.ledger_query(None, fact="metrics", **{"from": first, "to": last})),
            _linked(totals["points"], scope.ledger_query(None, **{"from": first, "to": last})),
            _linked(totals["points_year"], scope.ledger_query(None, **{"from": year_first, "to": last})),
            Cell(""),
        ])
        pieces = Table("best", _("Best pieces of the month"),
                       [_("No."), _("Title"), unit_word, _("Reads"), _("Points")])
        for number, piece in enumerate(best, start=1):
            pieces.rows.append([
                Cell(number), Cell(piece["title"], href="" if scope.upward else _manuscript_url(piece["id"])),
                Cell(piece["district"] if scope.upward else piece["office"]),
                Cell(piece["reads"]),
                _linked(piece["points"], {"congress": piece["congress_code"], "kind": "office",
                                          "manuscript": piece["id"], "from": first.isoformat(),
                                          "to": last.isoformat(), **({"by": scope.congress.code}
                                                                     if scope.upward else {})}),
            ])
        paragraphs = _notice_paragraphs(scope, month, rows, totals, best, self.focus)
        title = _("%(body)s publicity work notice for %(month)s") % {"body": scope.congress.short_name or
                                                                       scope.congress.name, "month": month.label}
        return Report(key="notice", title=title, issuer=issuer_of(scope.congress), date=timezone.localdate(),
                      paragraphs=paragraphs, tables=[table, pieces],
                      filename=f"notice-{scope.congress.code}-{month}{'-districts' if scope.upward else ''}")


def _manuscript_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("newsroom:manuscript", args=[pk])


def _change_text(change: int) -> str:
    if change > 0:
        return f"↑{change}"
    if change < 0:
        return f"↓{-change}"
    return "—"


def _sum_rows(rows: list[dict]) -> dict:
    return {
        "submitted": sum(r["submitted"] for r in rows), "submitted_year": sum(r["submitted_year"] for r in rows),
        "levels": {level: sum(r["levels"][level] for r in rows) for level in LEVELS},
        "reads": sum(r["reads"] for r in rows), "points": sum((r["points"] for r in rows), ZERO),
        "points_year": sum((r["points_year"] for r in rows), ZERO),
    }


def _notice_paragraphs(scope, month, rows, totals, best, focus) -> list[str]:
    levels = totals["levels"]
    paragraphs = [
        _("The publicity work of %(month)s is reported as follows.") % {"month": month.label},
        _("This month %(submitted)s manuscripts were submitted and %(published)s were published (national "
          "%(national)s, provincial %(provincial)s, city %(city)s, county %(county)s), read %(reads)s times in all.")
        % {"submitted": totals["submitted"], "published": sum(levels.values()), "reads": totals["reads"], **levels},
    ]
    leaders = [r["unit"].name for r in rows if r["rank"] <= 3 and r["points"] > 0]
    if leaders:
        paragraphs.append(_("Ahead this month: %(names)s.") % {"names": "、".join(leaders)})
    silent = [r["unit"].name for r in rows if r["submitted"] == 0]
    if silent:
        paragraphs.append(_("Submitted nothing this month (零报送): %(names)s. Please give it attention.")
                          % {"names": "、".join(silent)})
    else:
        paragraphs.append(_("Every unit submitted manuscripts this month."))
    if best:
        paragraphs.append(_("Best pieces of the month: %(titles)s.") % {
            "titles": "、".join(f"《{piece['title']}》" for piece in best)})
    if focus.strip():
        paragraphs.append(_("Focus for next month: %(focus)s") % {"focus": focus.strip()})
    return paragraphs


# --- Quarterly ranking ----------------------------------------------------------------------

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
            entries = ledger_for(congress, first, last, scope.assessed_by).filter(subject_kind="member")
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
                      [_("Rank"), unit_word, _("Points"), *level_headers])
        for row in self.unit_rows():
            unit = row["unit"]
            period = {"from": first, "to": last}
            units.rows.append([
                Cell(row["rank"]), Cell(unit.name),
                _linked(row["points"], scope.ledger_query(unit, **period)),
                *[_linked(row["levels"][level], scope.ledger_query(unit, fact="publication", level=level, **period))
                  for level in LEVELS],
            ])
        people = Table("members", _("Ranking of individuals"),
                       [_("Rank"), _("Name"), unit_word, _("Points"), *level_headers])
        for row in self.member_rows():
            member = row["member"]
            query = {"congress": row["congress"].code, "kind": "member", "member": member.pk,
                     "from": first.isoformat(), "to": last.isoformat()}
            if scope.upward:
                query["by"] = scope.congress.code
            where = row["congress"].short_name if scope.upward else (member.office.name if member.office else "")
            people.rows.append([
                Cell(row["rank"]), Cell(member.name), Cell(where), _linked(row["points"], query),
                *[_linked(row["levels"][level], {**query, "fact": "publication", "level": level}) for level in LEVELS],
            ])
        title = _("%(body)s publicity work ranking for %(quarter)s") % {
            "body": scope.congress.short_name or scope.congress.name, "quarter": quarter.label}
        return Report(key="ranking", title=title, issuer=issuer_of(scope.congress), date=timezone.localdate(),
                      tables=[units, people],
                      filename=f"ranking-{scope.congress.code}-{quarter}{'-districts' if scope.upward else ''}")
