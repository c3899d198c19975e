"""Commissioned pieces (约稿): the list with due dates and delivery, recorded by the coordinator.
An undelivered piece past its due date costs the office points under the scheme."""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tribune.assessment.models import Commission
from tribune.assessment.services import commission_create, commission_deliver
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.org.models import Office
from tribune.web.views import member_required


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        return None


@member_required
@require_GET
def commission_list(request):
    member = request.member
    access.require(access.can_view_scheme(member, member.congress), "commissions are for editorial staff")
    rows = Commission.objects.filter(congress=member.congress).select_related("office", "manuscript").order_by(
        "-due_date", "-id")
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    context = {"page": page, "today": timezone.localdate(), "congress": member.congress,
               "offices": Office.objects.filter(congress=member.congress),
               "can_manage": access.can_manage_commissions(member, member.congress)}
    return render(request, "assessment/commissions.html", context)


@member_required
@require_POST
def commission_add(request):
    member = request.member
    due = _date(request.POST.get("due_date"))
    office_id = request.POST.get("office", "")
    office = Office.objects.filter(pk=int(office_id), congress=member.congress).first() if office_id.isdigit() else None
    if due is None:
        messages.error(request, _("Give the due date as YYYY-MM-DD."))
        return redirect("assessment:commissions")
    try:
        commission_create(member=member, office=office, title=request.POST.get("title", ""), due_date=due,
                          requested_by=request.POST.get("requested_by", ""))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The commissioned piece was recorded."))
    return redirect("assessment:commissions")


@member_required
@require_POST
def commission_delivered(request, pk):
    member = request.member
    commission = access.get_object_for_member(Commission.objects.all(), member, pk)
    day = _date(request.POST.get("delivered_on")) or timezone.localdate()
    try:
        commission_deliver(member=member, commission=commission, delivered_on=day)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Delivery recorded."))
    return redirect("assessment:commissions")
