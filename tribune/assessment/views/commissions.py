"""Commissioned pieces (约稿): the list with due dates and delivery, recorded by the coordinator.
An undelivered piece past its due date costs the office points under the scheme."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tribune.assessment.commissions import commission_create, commission_deliver
from tribune.assessment.models import Commission
from tribune.kit import params
from tribune.kit.views import member_required
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.org.models import Office


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
@params.posted(on_error="view", due_date=params.Date(), office=params.Id(), title=params.Text(200),
               requested_by=params.Text(100))
def commission_add(request):
    member = request.member
    due = request.posted.due_date
    office_id = request.posted.office
    office = Office.objects.filter(pk=office_id, congress=member.congress).first() if office_id else None
    if due is None:
        messages.error(request, _("Give the due date as YYYY-MM-DD."))
        return redirect("assessment:commissions")
    try:
        commission_create(member=member, office=office, title=request.posted.title, due_date=due,
                          requested_by=request.posted.requested_by)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The commissioned piece was recorded."))
    return redirect("assessment:commissions")


@member_required
@require_POST
@params.posted(delivered_on=params.Date())
def commission_delivered(request, pk):
    member = request.member
    commission = access.get_object_for_member(Commission.objects.all(), member, pk)
    day = request.posted.delivered_on or timezone.localdate()
    try:
        commission_deliver(member=member, commission=commission, delivered_on=day)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Delivery recorded."))
    return redirect("assessment:commissions")
