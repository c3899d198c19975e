"""Dashboard, audit log and error pages."""

import datetime as dt
import json

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from tribune.kit import forms as kit_forms
from tribune.kit import params
from tribune.kit.views import member_required
from tribune.org import access
from tribune.org.models import AuditEntry, Role
from tribune.web import dashboard as panels


@member_required
def dashboard(request):
    # The auditor reads the audit log and nothing else (separation of duties): their home is the log.
    if not request.member.has_role(*access.EDITORIAL_ROLES, Role.ADMIN):
        return redirect("org:security" if request.member.has_role(Role.SECURITY_ADMIN) else "audit_log")
    return render(request, "web/dashboard.html", panels.for_member(request.member))


# Readable names of the events every app writes; other actions show their code only.
ACTION_LABELS = {
    "login": _("Logged in"),
    "login_failed": _("Failed login"),
    "logout": _("Logged out"),
    "permission_denied": _("Refused"),
    "file.download": _("File downloaded or exported"),
    "member.create": _("Member created"),
    "member.update": _("Member changed"),
    "member.deactivate": _("Member deactivated"),
    "member.activate": _("Member reactivated"),
    "member.password_reset": _("Password reset"),
    "password.change": _("Password changed"),
    "lockout": _("Locked after failed logins"),
    "lockout.unlock": _("Unlocked"),
    "session.expired": _("Session ended"),
    "role.request": _("Role change asked"),
    "role.confirm": _("Role change confirmed"),
    "role.reject": _("Role change rejected"),
    "role.grant": _("Role set by command"),
    "office.create": _("Office created"),
    "office.update": _("Office changed"),
    "congress.set_chain": _("Approval chain changed"),
}


class AuditFilterForm(kit_forms.Form):
    action = forms.CharField(label=_("Action taken"), required=False, max_length=60,
                             help_text=_("The start of an action, e.g. manuscript. or login"))
    user = forms.CharField(label=_("User"), required=False, max_length=150)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data


@require_GET
@member_required
@params.query(forms=[AuditFilterForm])
def audit_log(request):
    """The audit log, read-only, for the auditor (三员分立: the auditor reads, nobody edits).
    Entries of the auditor's own congress only: those no congress can be attributed to (a failed
    login with a name nobody has) are kept in the table but shown to no congress's auditor."""
    member = request.member
    access.require(access.can_read_audit_log(member), "audit log is for auditors")
    entries = AuditEntry.objects.filter(congress_id=member.congress_id).order_by("-at", "-id")
    form = AuditFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            entries = entries.filter(action__startswith=data["action"].strip())
        if data["user"]:
            entries = entries.filter(username=data["user"].strip())
        tz = timezone.get_current_timezone()
        if data["since"]:
            entries = entries.filter(at__gte=dt.datetime.combine(data["since"], dt.time.min, tzinfo=tz))
        if data["until"]:
            entries = entries.filter(at__lt=dt.datetime.combine(data["until"] + dt.timedelta(days=1), dt.time.min,
                                                                tzinfo=tz))
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.label = ACTION_LABELS.get(entry.action, "")
        entry.detail_text = json.dumps(entry.detail, ensure_ascii=False) if entry.detail else ""
    return render(request, "web/audit_log.html", {"page": page, "form": form})


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def _error(request, status, title, text):
    return render(request, "web/error.html", {"status": status, "title": title, "text": text}, status=status)


def bad_request(request, exception=None):
    if isinstance(exception, params.BadParameter):  # a value the strict parser refused says why
        return _error(request, 400, _("Bad request"), exception.message)
    return _error(request, 400, _("Bad request"), _("The request could not be understood."))


def permission_denied(request, exception=None):
    return _error(request, 403, _("Not allowed"), _("You do not have permission to do this. "
                                                    "The attempt has been recorded."))


def page_not_found(request, exception=None):
    return _error(request, 404, _("Not found"), _("This page does not exist, or you may not see it."))


def server_error(request):
    try:
        return _error(request, 500, _("Something went wrong"), _("The error has been logged. Please try again."))
    except Exception:  # the page itself may be what is broken (e.g. the database is down)
        return HttpResponse(_("Something went wrong"), status=500, content_type="text/plain; charset=utf-8")
