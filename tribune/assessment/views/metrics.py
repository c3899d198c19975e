"""Metrics import: upload, preview (matched / ambiguous / unmatched / unchanged), confirm."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tribune.assessment.forms import MetricsUploadForm
from tribune.assessment.reports import metrics_import
from tribune.kit import params
from tribune.kit.forms import add_service_error
from tribune.kit.htmx import redirect as htmx_redirect
from tribune.kit.views import member_required
from tribune.org import access
from tribune.org.errors import ServiceError


@member_required
@require_http_methods(["GET", "POST"])
def upload(request):
    congress = request.member.congress
    access.require(access.can_import_metrics(request.member, congress), "coordinator only")
    form = MetricsUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            staged = metrics_import.metrics_import_preview(
                member=request.member, congress=congress, uploaded=form.cleaned_data["file"],
                taken_on=form.cleaned_data["taken_on"])
        except ServiceError as error:
            add_service_error(form, error)
        else:
            metrics_import.stage(request.session, staged)
            return htmx_redirect(request, reverse("assessment:metrics_preview", args=[staged["token"]]))
    return render(request, "assessment/metrics_upload.html", {"form": form}, status=400 if form.errors else 200)


def _picks(post, staged) -> dict[int, int | None]:
    picks: dict[int, int | None] = {}
    for row in staged["rows"]:
        value = post.get(f"pick-{row['line']}", "")
        # The names are one per row of the staged file, so they are parsed here, not declared.
        picks[row["line"]] = params.parse_id(value) if params.is_id(value) else None
    return picks


@member_required
@require_http_methods(["GET", "POST"])
def preview(request, token):
    congress = request.member.congress
    access.require(access.can_import_metrics(request.member, congress), "coordinator only")
    staged = metrics_import.staged_for(request.session, token)
    if staged is None:
        messages.warning(request, _("This upload is no longer waiting for confirmation: upload the file again."))
        return redirect("assessment:metrics_import")
    error = None
    if request.method == "POST":
        try:
            result = metrics_import.metrics_import_confirm(member=request.member, congress=congress, staged=staged,
                                                           picks=_picks(request.POST, staged))
        except ServiceError as exc:
            error = exc.message
        else:
            metrics_import.unstage(request.session)
            messages.success(request, _("%(written)s snapshots recorded; %(unchanged)s rows unchanged.") % result)
            return htmx_redirect(request, reverse("assessment:metrics_import"))
    context = {"staged": staged, "groups": metrics_import.preview_context(staged), "error": error}
    return render(request, "assessment/metrics_preview.html", context, status=400 if error else 200)
