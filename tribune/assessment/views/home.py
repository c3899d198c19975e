"""The assessment home: this month's notice, the quarter's ranking, awards, scheme, metrics import."""

from django.shortcuts import render
from django.utils import timezone

from tribune.assessment.scoring import periods
from tribune.kit.views import member_required
from tribune.org import access


@member_required
def home(request):
    member = request.member
    congress = member.congress
    access.require(access.can_see_reports(member, congress), "reports are for editorial staff")
    today = timezone.localdate()
    last_month = periods.previous_month(periods.Month(today.year, today.month))
    context = {
        "congress": congress,
        "month": last_month,
        "this_month": periods.Month(today.year, today.month),
        "quarter": periods.Quarter.of(today),
        "year": today.year,
        "can_import": access.can_import_metrics(member, congress),
        "children": list(congress.children.order_by("code")) if access.can_rank_children(member, congress) else [],
    }
    return render(request, "assessment/home.html", context)
