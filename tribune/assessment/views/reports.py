"""Monthly notice, quarterly ranking, the ledger behind their numbers, and annual awards.

A report is a page, a .docx (`?format=docx`) or an .xlsx (`?format=xlsx`), all three rendered
from the same `Report`. `?districts=1` on the city's notice or ranking ranks its districts by
the city's scheme (upward ranking).
"""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tribune.assessment import jobs as ledger_jobs
from tribune.assessment.forms import AwardCriteriaForm, NoticeFocusForm
from tribune.assessment.reports import awards
from tribune.assessment.reports.notice import NoticeExporter, focus_for, notice_focus_save
from tribune.assessment.reports.ranking import RankingExporter
from tribune.assessment.reports.scope import LEVELS, level_names
from tribune.assessment.scoring.periods import Month, Quarter, next_month, previous_month
from tribune.assessment.scoring.selectors import ledger_for
from tribune.kit import params
from tribune.kit.report import DOCX, XLSX, Report, render_docx, render_xlsx
from tribune.kit.views import member_required
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.org.models import Congress


def _scope(request) -> tuple[Congress, bool]:
    """The congress a report is about — always the member's own — and whether it ranks the
    congress's districts by its own scheme. A district's own notice is not shown to its parent
    congress (docs/access.md); `?congress=` naming another congress is a 404."""
    member = request.member
    congress = member.congress
    code = request.query.congress
    if code and code != congress.code:
        raise Http404
    access.require(access.can_see_reports(member, congress), "reports are for editorial staff")
    upward = request.query.districts
    if upward:
        if not congress.children.exists():
            raise Http404
        access.require(access.can_rank_children(member, congress), "districts are ranked by the city")
    return congress, upward


# The parameters of a report page: whose report, whether it ranks the districts, which format.
REPORT_QUERY = {"congress": params.Text(40), "districts": params.Flag(),
                "format": params.Choice("html", "docx", "xlsx", default="html")}


def _respond(request, report: Report, template: str, context: dict):
    fmt = request.query.format
    if fmt == "xlsx":
        response = HttpResponse(render_xlsx(report), content_type=XLSX)
    elif fmt == "docx":
        response = HttpResponse(render_docx(report), content_type=DOCX)
    elif fmt == "html":
        return render(request, template, {"report": report, **context})
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{report.file_stem}.{fmt}"'
    return response


def _ledger_status(congress, upward: bool, year: int) -> dict:
    """Whether the ledgers a report reads are being recomputed, and when they last were."""
    if upward:
        return ledger_jobs.status(list(congress.children.order_by("code")), congress, year=year)
    return ledger_jobs.status([congress], year=year)


def _query(upward) -> str:
    return "districts=1" if upward else ""


@member_required
@require_GET
def notice_latest(request):
    today = timezone.localdate()
    month = previous_month(Month(today.year, today.month))
    url = reverse("assessment:notice", args=[month.year, month.month])
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


def _neighbours(prev, period, nxt) -> dict:
    """The periods either side of a report's, and whether the report's is still running: no
    link into a period that has not begun, and "counted up to today" on one that has not ended."""
    today = timezone.localdate()
    return {"prev": prev, "next": nxt if nxt.first <= today else None,
            "counted_to": today if period.first <= today <= period.last else None}


@member_required
@require_GET
@params.query(**REPORT_QUERY)
def notice(request, year, month):
    congress, upward = _scope(request)
    try:
        month = Month.of_numbers(year, month)
    except ValueError:
        raise Http404 from None
    focus = "" if upward else focus_for(congress, month)
    report = NoticeExporter(congress, month, upward=upward, focus=focus).report()
    can_write = not upward and access.can_write_notice(request.member, congress)
    context = {
        "congress": congress, "month": month, "upward": upward, "focus": focus,
        **_neighbours(previous_month(month), month, next_month(month)),
        "query": _query(upward),
        "focus_form": NoticeFocusForm(initial={"focus": focus}) if can_write else None,
        "ledger_status": _ledger_status(congress, upward, month.year),
    }
    return _respond(request, report, "assessment/notice.html", context)


@member_required
@require_POST
def notice_focus(request, year, month):
    congress = request.member.congress
    try:
        month = Month.of_numbers(year, month)
    except ValueError:
        raise Http404 from None
    form = NoticeFocusForm(request.POST)
    if form.is_valid():
        try:
            notice_focus_save(member=request.member, congress=congress, month=month,
                                      focus=form.cleaned_data["focus"])
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Next month's focus saved."))
    else:
        messages.error(request, _("The focus is too long: at most 4,000 characters."))
    return redirect("assessment:notice", month.year, month.month)


@member_required
@require_GET
def ranking_latest(request):
    quarter = Quarter.of(timezone.localdate())
    url = reverse("assessment:ranking", args=[quarter.year, quarter.quarter])
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


@member_required
@require_GET
@params.query(**REPORT_QUERY)
def ranking(request, year, quarter):
    congress, upward = _scope(request)
    try:
        quarter = Quarter.of_numbers(year, quarter)
    except ValueError:
        raise Http404 from None
    report = RankingExporter(congress, quarter, upward=upward).report()
    prev = Quarter(quarter.year - 1, 4) if quarter.quarter == 1 else Quarter(quarter.year, quarter.quarter - 1)
    nxt = Quarter(quarter.year + 1, 1) if quarter.quarter == 4 else Quarter(quarter.year, quarter.quarter + 1)
    context = {"congress": congress, "quarter": quarter, "upward": upward, **_neighbours(prev, quarter, nxt),
               "query": _query(upward), "ledger_status": _ledger_status(congress, upward, quarter.year)}
    return _respond(request, report, "assessment/ranking.html", context)


# --- The ledger ------------------------------------------------------------------------------

def _describe(filters: dict, congresses: list[Congress], masked: bool) -> list[str]:
    """The filter in words, for the ledger page's subtitle: whose points, from which facts. Names
    are looked up only among the congresses the ledger shows, so an id of another congress's
    office, person or manuscript names nothing; a parent congress is named a district's
    manuscript only once it is published."""
    from tribune.assessment.models import FactKind
    from tribune.newsroom.models import Manuscript
    from tribune.org.models import Member, Office

    words = []
    if "office_id" in filters:
        words += Office.objects.filter(pk=filters["office_id"], congress__in=congresses).values_list(
            "name", flat=True)[:1]
    if "member_id" in filters:
        words += Member.objects.filter(pk=filters["member_id"], congress__in=congresses).values_list(
            "name", flat=True)[:1]
    if "manuscript_id" in filters:
        manuscripts = Manuscript.objects.filter(pk=filters["manuscript_id"], congress__in=congresses)
        if masked:
            manuscripts = manuscripts.filter(_published_manuscript("pk"))
        words += [f"《{t}》" for t in manuscripts.values_list("title", flat=True)[:1]]
    if "fact_kind" in filters:
        words.append(str(dict(FactKind.choices).get(filters["fact_kind"], filters["fact_kind"])))
    if "publication__submission__outlet__level" in filters:
        words.append(level_names()[filters["publication__submission__outlet__level"]])
    if "rule" in filters:
        words.append(filters["rule"])
    return words


def _published_manuscript(field: str):
    """Whether the manuscript named by `field` has been published (withdrawn since or not: a
    published title is public)."""
    from tribune.newsroom.models import Publication

    return Exists(Publication.objects.filter(submission__manuscript_id=OuterRef(field)))


def _ledger_congresses(member, query) -> tuple[list[Congress], Congress | None]:
    """Whose entries the ledger lists, and under whose scheme. A member's own congress under its
    own scheme; or, for a director or coordinator of a city or province (`by` = their own
    congress), congresses below it under their own scheme (`children=1`: every child). Anything
    else is a 404, as if the congress did not exist."""
    code, by_code = query.congress, query.by
    if not by_code:
        if code and code != member.congress.code:
            raise Http404
        access.require(access.can_see_reports(member, member.congress), "reports are for editorial staff")
        return [member.congress], None
    if by_code != member.congress.code:
        raise Http404
    assessed_by = member.congress
    access.require(access.can_rank_children(member, assessed_by), "districts are assessed by their city")
    if query.children:
        congresses = list(assessed_by.children.order_by("code"))
    else:
        congress = Congress.objects.filter(code=code).first() if code else None
        congresses = [congress] if congress is not None and access.can_assess(member, congress) else []
    if not congresses:
        raise Http404
    return congresses, assessed_by


@member_required
@require_GET
@params.query(congress=params.Text(40), by=params.Text(40), children=params.Flag(), **{"from": params.Date()},
              to=params.Date(), kind=params.Choice("office", "member", default=""), office=params.Id(),
              member=params.Id(), manuscript=params.Id(), fact=params.Text(20), rule=params.Text(40),
              level=params.Choice(*LEVELS, default=""))
def ledger(request):
    """The entries behind a number: filtered by congress (and the assessing congress), subject,
    fact, rule, outlet level and period; each with its explanation and a link to the manuscript.

    A parent congress reading a district's entries (`masked`) sees every entry, so the numbers
    add up to its ranking, but the title and explanation only of published pieces: an entry of
    an unpublished manuscript or of a commissioned piece shows its rule alone."""
    member = request.member
    query = request.query
    congresses, assessed_by = _ledger_congresses(member, query)
    masked = assessed_by is not None
    today = timezone.localdate()
    start = query["from"] or dt.date(today.year, 1, 1)
    end = query.to or today
    if end < start or (end - start).days > 366:
        start, end = dt.date(end.year, 1, 1), end
    filters = {}
    if query.kind:
        filters["subject_kind"] = query.kind
    for name in ("office", "member", "manuscript"):
        if query[name] is not None:
            filters[f"{name}_id"] = query[name]
    if query.fact:
        filters["fact_kind"] = query.fact
    if query.rule:
        filters["rule"] = query.rule
    if query.level:
        filters["publication__submission__outlet__level"] = query.level
    querysets = [ledger_for(c, start, end, assessed_by=assessed_by).filter(**filters) for c in congresses]
    entries = querysets[0]
    for other in querysets[1:]:
        entries = entries | other
    total = entries.aggregate(total=Sum("points"))["total"] or 0
    entries = entries.select_related("member", "office", "congress", "manuscript").order_by("period", "seq", "id")
    if masked:
        entries = entries.annotate(published=_published_manuscript("manuscript_id"))
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    if masked:
        for entry in page:
            entry.hidden = entry.commission_id is not None or (entry.manuscript_id is not None
                                                               and not entry.published)
    context = {"page": page, "total": total, "start": start, "end": end, "congresses": congresses,
               "assessed_by": assessed_by, "masked": masked, "filters": filters,
               "ledger_status": ledger_jobs.status(congresses, assessed_by, year=end.year),
               "described": _describe(filters, congresses, masked)}
    return render(request, "assessment/ledger.html", context)


# --- Annual awards ---------------------------------------------------------------------------

def _criteria(data) -> tuple[AwardCriteriaForm, awards.Criteria]:
    form = AwardCriteriaForm(data if any(k in data for k in AwardCriteriaForm.base_fields) else None)
    if form.is_bound and form.is_valid():
        return form, awards.Criteria(**form.cleaned_data)
    if not form.is_bound:
        form = AwardCriteriaForm(initial=vars(awards.Criteria()))
    return form, awards.Criteria()


@member_required
@require_http_methods(["GET", "POST"])
@params.query(format=params.Choice("html", "docx", "xlsx", default="html"), forms=[AwardCriteriaForm])
@params.posted(chosen=params.Ids(), category=params.Text(40))
def awards_page(request, year):
    member = request.member
    congress = member.congress
    access.require(access.can_see_reports(member, congress), "reports are for editorial staff")
    if not 2000 <= year <= 2100:
        raise Http404
    if request.method == "POST":
        _form, criteria = _criteria(request.POST)
        try:
            awards.awards_confirm(member=member, congress=congress, year=year,
                                  category=request.posted.category, chosen=request.posted.chosen, criteria=criteria)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Awards confirmed."))
        return redirect(f"{reverse('assessment:awards', args=[year])}?{urlencode(vars(criteria))}")
    confirmed = awards.AwardsExporter(congress, year)
    if request.query.format in ("docx", "xlsx"):
        return _respond(request, confirmed.report(), "", {})
    form, criteria = _criteria(request.GET)
    pool = awards.candidates(congress, year, criteria)
    names = awards.category_names()
    today = timezone.localdate()
    context = {
        "congress": congress, "year": year, "form": form, "criteria": vars(criteria),
        "groups": [(category, names[category], pool[category]) for category in awards.CATEGORIES],
        "report": confirmed.report(), "can_confirm": access.can_confirm_awards(member, congress),
        "counted_to": today if year == today.year else None,
        "ledger_status": ledger_jobs.status([congress], year=year),
    }
    return render(request, "assessment/awards.html", context)
