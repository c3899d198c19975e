"""The monthly notice (月通报): one row per office (or district) for a month, the month's best
pieces, the paragraphs of the notice; and the coordinator's words in it (next month's focus)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.assessment.models import NoticeNote
from tribune.assessment.reports.scope import LEVELS, ZERO, Scope, issuer_of, level_names, linked
from tribune.assessment.scoring.periods import Month, competition_ranks, previous_month
from tribune.assessment.scoring.selectors import ledger_for
from tribune.kit.report import Cell, Report, Table
from tribune.newsroom.models import MetricSnapshot, Publication
from tribune.org import access
from tribune.org.audit import audit_record
from tribune.org.errors import ServiceError
from tribune.org.models import Congress

BEST_PIECES = 5


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
            entries = ledger_for(congress, self.month.first, self.month.last,
                                 assessed_by=self.scope.assessed_by).filter(subject_kind="office",
                                                                            manuscript__isnull=False)
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
                      header, empty=_("Nothing in this period."))
        first, last, year_first = month.first, month.last, month.year_first
        for row in rows:
            unit = row["unit"]

            def q(unit=unit, **filters):
                return scope.ledger_query(unit, **filters)

            table.rows.append([
                linked(row["rank"], q(**{"from": first, "to": last})),
                Cell(unit.name),
                linked(row["submitted"], q(fact="submission", **{"from": first, "to": last})),
                linked(row["submitted_year"], q(fact="submission", **{"from": year_first, "to": last})),
                *[linked(row["levels"][level], q(fact="publication", level=level, **{"from": first, "to": last}))
                  for level in LEVELS],
                linked(row["reads"], q(fact="metrics", **{"from": first, "to": last})),
                linked(row["points"], q(**{"from": first, "to": last})),
                linked(row["points_year"], q(**{"from": year_first, "to": last})),
                Cell(_change_text(row["change"])),
            ])
        totals = _sum_rows(rows)
        table.rows.append([
            Cell(""), Cell(_("Total")),
            linked(totals["submitted"], scope.ledger_query(None, fact="submission", **{"from": first, "to": last})),
            linked(totals["submitted_year"], scope.ledger_query(None, fact="submission",
                                                                 **{"from": year_first, "to": last})),
            *[linked(totals["levels"][level], scope.ledger_query(None, fact="publication", level=level,
                                                                  **{"from": first, "to": last}))
              for level in LEVELS],
            linked(totals["reads"], scope.ledger_query(None, fact="metrics", **{"from": first, "to": last})),
            linked(totals["points"], scope.ledger_query(None, **{"from": first, "to": last})),
            linked(totals["points_year"], scope.ledger_query(None, **{"from": year_first, "to": last})),
            Cell(""),
        ])
        pieces = Table("best", _("Best pieces of the month"),
                       [_("No."), _("Title"), unit_word, _("Reads"), _("Points")], empty=_("Nothing in this period."))
        for number, piece in enumerate(best, start=1):
            pieces.rows.append([
                Cell(number), Cell(piece["title"], href="" if scope.upward else _manuscript_url(piece["id"])),
                Cell(piece["district"] if scope.upward else piece["office"]),
                Cell(piece["reads"]),
                linked(piece["points"], {"congress": piece["congress_code"], "kind": "office",
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


# --- Next month's focus --------------------------------------------------------------------

def focus_for(congress, month: Month) -> str:
    note = NoticeNote.objects.filter(congress=congress, month=month.first).first()
    return note.focus if note else ""


@transaction.atomic
def notice_focus_save(*, member, congress, month: Month, focus: str) -> NoticeNote:
    access.require(access.can_write_notice(member, congress), _("Only the coordinator writes the notice."))
    focus = (focus or "").strip()
    if len(focus) > 4000:
        raise ServiceError(_("The focus is too long: at most 4,000 characters."), field="focus")
    note, _created = NoticeNote.objects.update_or_create(congress=congress, month=month.first,
                                                         defaults={"focus": focus, "updated_by": member})
    audit_record(action="notice.focus", member=member, obj=note, congress=congress,
                 detail={"month": str(month), "length": len(focus)})
    return note
