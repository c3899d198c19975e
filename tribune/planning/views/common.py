"""Small helpers the planning views share."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from tribune.kit.forms import add_service_error
from tribune.org import access
from tribune.org.errors import ServiceError


def require_view(member):
    access.require(access.can_view_planning(member, member.congress), "planning is for editorial staff")


def get_planning_object(request, queryset, pk):
    """An object of the member's own congress (404 otherwise) that the member may view under the
    planning rule, checked against the object's congress (403 otherwise)."""
    return access.get_object_for_member(queryset, request.member, pk, access.can_view_planning_of,
                                        "planning is for editorial staff")


def form_error(request, exc, form=None):
    """A ServiceError into the form (by field) or a message."""
    if form is not None:
        add_service_error(form, exc)
    else:
        messages.error(request, str(exc.message))


def stale(request, error, url: str):
    """An edit based on an old version: nothing was saved; the edit page again, as it is now."""
    messages.error(request, str(error.message))
    return HttpResponseRedirect(url)


def delete_confirmed(request, delete, *, refused_url: str, done_url: str, success: str):
    """The deletion form of an edit page: refused without its confirmation box ticked; the
    service's refusal shown on the edit page, success on `done_url`."""
    try:
        if not request.POST.get("confirm"):
            raise ServiceError(_("Tick the box to confirm the deletion."))
        delete()
    except ServiceError as exc:
        form_error(request, exc)
        return HttpResponseRedirect(refused_url)
    messages.success(request, success)
    return HttpResponseRedirect(done_url)
