"""Small helpers the planning views share."""

import datetime as dt

from django.contrib import messages
from django.http import HttpResponseNotAllowed

from tribune.org import access


def parse_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None


def require_post(request):
    """A GET to an action URL is a 405, not an error page."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def require_view(member):
    access.require(access.can_view_planning(member, member.congress), "planning is for editorial staff")


def form_error(request, exc, form=None):
    """A ServiceError into the form (by field) or a message."""
    if form is not None:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, str(exc.message))
    else:
        messages.error(request, str(exc.message))
