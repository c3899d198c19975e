"""Dashboard, audit log and error pages."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from tribune.org import access
from tribune.org.models import AuditEntry
from tribune.web import dashboard as dashboard_selectors


def member_required(view):
    """Login required, and a membership: a user with no active membership sees a 403."""

    @login_required
    def wrapped(request, *args, **kwargs):
        access.require(request.member is not None, "no active membership")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@member_required
def dashboard(request):
    return render(request, "web/dashboard.html", dashboard_selectors.for_member(request.member))


@member_required
def audit_log(request):
    access.require(access.can_read_audit_log(request.member), "audit log is for auditors")
    entries = AuditEntry.objects.select_related("congress").order_by("-at", "-id")
    action = request.GET.get("action", "").strip()
    user = request.GET.get("user", "").strip()
    if action:
        entries = entries.filter(action__startswith=action)
    if user:
        entries = entries.filter(username=user)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "web/audit_log.html", {"page": page, "action": action, "user": user})


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def _error(request, status, title, text):
    return render(request, "web/error.html", {"status": status, "title": title, "text": text}, status=status)


def bad_request(request, exception=None):
    from django.utils.translation import gettext as _

    return _error(request, 400, _("Bad request"), _("The request could not be understood."))


def permission_denied(request, exception=None):
    from django.utils.translation import gettext as _

    return _error(request, 403, _("Not allowed"), _("You do not have permission to do this. "
                                                    "The attempt has been recorded."))


def page_not_found(request, exception=None):
    from django.utils.translation import gettext as _

    return _error(request, 404, _("Not found"), _("This page does not exist, or you may not see it."))


def server_error(request):
    from django.utils.translation import gettext as _

    return _error(request, 500, _("Something went wrong"), _("The error has been logged. Please try again."))
