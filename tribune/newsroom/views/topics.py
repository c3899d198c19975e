"""The topic pool: topics with their office, writer and due date, a form to propose one, and a
topic's page to schedule or close it. Apps above add panels (planning: the meetings and
activities that need a topic, and those a topic covers) through `kit.plugins.topic_panels`."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tribune.kit import htmx, params
from tribune.kit.forms import add_service_error
from tribune.kit.plugins import topic_panels
from tribune.kit.views import member_required
from tribune.newsroom import forms
from tribune.newsroom.models import Topic
from tribune.newsroom.services import topics as services
from tribune.org import access
from tribune.org.errors import ServiceError


def _panels(member, topic=None) -> list[dict]:
    return [panel for provider in topic_panels.all() for panel in provider(member, topic)]


@require_http_methods(["GET", "POST"])
@member_required
@params.query(state=params.Choice("open", "closed", "all", default="open"))
def topic_list(request):
    """The topic pool: open topics first, each with its office, writer and due date."""
    member = request.member
    access.require(access.can_view_topics(member, member.congress), "topics are for editorial staff")
    can_manage = access.can_manage_topics(member, member.congress)
    form = forms.TopicForm(request.POST or None, member=member) if can_manage else None
    if request.method == "POST":
        access.require(can_manage, "may not propose topics")
        if form.is_valid():
            try:
                topic = services.topic_create(member=member, **form.cleaned_data)
            except ServiceError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("Topic added: %(title)s") % {"title": topic.title})
                return htmx.redirect(request, services.topic_url(topic))
    state = request.query.state
    pool = (Topic.objects.filter(congress=member.congress).select_related("office", "assignee", "proposed_by")
            .prefetch_related("manuscripts").order_by("due_date", "-created_at"))
    if state == "open":
        pool = pool.filter(closed_at__isnull=True)
    elif state == "closed":
        pool = pool.filter(closed_at__isnull=False)
    page = Paginator(pool, 25).get_page(request.GET.get("page"))
    return render(request, "newsroom/topics.html", {
        "page": page, "form": form, "state": state, "today": timezone.localdate(), "panels": _panels(member)})


@require_http_methods(["GET", "POST"])
@member_required
def topic_detail(request, pk):
    """Schedule a topic: its date, office and writer; or close it."""
    member = request.member
    topic = access.get_object_for_member(Topic.objects.select_related("congress", "office", "assignee", "proposed_by"),
                                         member, pk, access.can_view_topic, "topics are for editorial staff")
    can_manage = access.can_manage_topics(member, topic.congress)
    initial = {"due_date": topic.due_date, "office": topic.office, "assignee": topic.assignee,
               "close": topic.closed_at is not None}
    form = forms.TopicScheduleForm(request.POST or None, member=member, initial=initial) if can_manage else None
    if request.method == "POST":
        access.require(can_manage, "may not schedule topics")
        if form.is_valid():
            try:
                services.topic_schedule(member=member, topic=topic, **form.cleaned_data)
            except ServiceError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("Topic saved."))
                return htmx.redirect(request, services.topic_url(topic))
    return render(request, "newsroom/topic_detail.html", {
        "topic": topic, "form": form, "manuscripts": list(topic.manuscripts.order_by("-created_at")[:20]),
        "panels": _panels(member, topic)})
