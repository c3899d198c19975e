"""The inbox: a member's notifications (written by every app through org.notify), read and
marked read. Only the member's own."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tribune.kit import params
from tribune.kit.views import member_required


@member_required
@params.query(unread=params.Flag())
def inbox(request):
    member = request.member
    notifications = member.notifications.order_by("-created_at", "-id")
    only_unread = request.query.unread
    if only_unread:
        notifications = notifications.filter(read_at__isnull=True)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "org/inbox.html", {"page": page, "only_unread": only_unread})


@member_required
@require_POST
@params.posted(id=params.Id(), all=params.Flag(), open=params.Flag())
def inbox_read(request):
    """Mark one notification (`id`) or all (`all`) as read; the member's own only."""
    target = request.posted.id
    if target:
        notification = request.member.notifications.filter(pk=target).first()
        if notification is None:
            raise Http404
        if notification.read_at is None:
            request.member.notifications.filter(pk=notification.pk).update(read_at=timezone.now())
        local = notification.url.startswith("/") and not notification.url.startswith("//")
        if local and request.posted.open:
            return HttpResponseRedirect(notification.url)
    elif request.posted.all:
        request.member.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    return HttpResponseRedirect(reverse("org:inbox"))
