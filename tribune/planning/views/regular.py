"""The regular-meeting pack (全体例会) as a page and a .docx, and the meeting's decisions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.kit import params
from tribune.kit.report import DOCX, render_docx
from tribune.kit.views import member_required
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.planning.forms import ActionItemForm, RegularMeetingForm
from tribune.planning.models import ActionItem, RegularMeeting
from tribune.planning.pack import PackExporter, build_pack
from tribune.planning.services import regular_meetings
from tribune.planning.views.common import form_error, get_planning_object, require_view


def _pack_url(day) -> str:
    return reverse("planning:pack") + f"?date={day.isoformat()}"


@member_required
def regular_list(request):
    member = request.member
    require_view(member)
    can_manage = access.can_manage_regular_meeting(member, member.congress)
    form = RegularMeetingForm(request.POST or None, initial={"date": timezone.localdate()})
    if request.method == "POST":
        access.require(can_manage, "may not record regular meetings")
        if form.is_valid():
            try:
                meeting = regular_meetings.regular_meeting_record(member=member, **form.cleaned_data)
            except ServiceError as exc:
                form_error(request, exc, form)
            else:
                return HttpResponseRedirect(_pack_url(meeting.date))
    meetings = RegularMeeting.objects.filter(congress=member.congress).order_by("-date")
    page = Paginator(meetings, 20).get_page(request.GET.get("page"))
    return render(request, "planning/regular_list.html", {"page": page, "form": form if can_manage else None,
                                                          "today": timezone.localdate()})


@member_required
def regular_meeting(request, pk):
    meeting = get_planning_object(request, RegularMeeting.objects.select_related("congress"), pk)
    return HttpResponseRedirect(_pack_url(meeting.date))


def _day(request):
    return request.query.date or timezone.localdate()


@member_required
@params.query(date=params.Date())
def pack(request):
    member = request.member
    require_view(member)
    day = _day(request)
    data = build_pack(member.congress, day)
    can_manage = access.can_manage_regular_meeting(member, member.congress)
    return render(request, "planning/pack.html", {
        "pack": data, "report": PackExporter(data).report(), "day": day,
        "can_manage": can_manage,
        "item_form": ActionItemForm(member=member) if can_manage and data.meeting else None,
        "record_form": RegularMeetingForm(initial={"date": day}) if can_manage and not data.meeting else None,
        "items": [*data.carried_items, *data.new_items],
    })


@member_required
@params.query(date=params.Date())
def pack_docx(request):
    member = request.member
    require_view(member)
    day = _day(request)
    report = PackExporter(build_pack(member.congress, day)).report()
    response = HttpResponse(render_docx(report), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{report.file_stem}.docx"'
    return response


@member_required
@require_POST
def action_item_add(request, pk):
    meeting = get_planning_object(request, RegularMeeting.objects.select_related("congress"), pk)
    access.require(access.can_manage_regular_meeting(request.member, meeting.congress), "may not record decisions")
    form = ActionItemForm(request.POST, member=request.member)
    if form.is_valid():
        try:
            regular_meetings.action_item_add(member=request.member, meeting=meeting, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Decision recorded."))
    else:
        messages.error(request, _("Give the action, its owner and its due date."))
    return HttpResponseRedirect(_pack_url(meeting.date) + "#table-decisions")


@member_required
@require_POST
@params.posted(back=params.Date(), done=params.Choice("0", "1", default="1"))
def action_item_done(request, pk):
    item = get_planning_object(request, ActionItem.objects.select_related("meeting__congress"), pk)
    regular_meetings.action_item_set_done(member=request.member, item=item, done=request.posted.done != "0")
    back = request.posted.back
    return HttpResponseRedirect(_pack_url(back or item.meeting.date) + "#table-carried")
