"""The scoring scheme pages (考核细则): read the rules, edit them with validation, import and
export the file, and the history of who changed them when.

Everyone with editorial work in the congress reads the rules they are assessed by; only the
coordinator and the administrator change them. `?congress=CODE` lets the parent congress's
director or coordinator read a district's scheme; any other congress is a 404.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tribune.assessment.models import SchemeChange, ScoringScheme
from tribune.assessment.scoring import scheme_display, scheme_format
from tribune.assessment.scoring.schemes import SchemeInvalid, scheme_create, scheme_import, scheme_update
from tribune.kit import params
from tribune.kit.views import member_required
from tribune.org import access
from tribune.org.errors import ServiceError, StaleError
from tribune.org.models import Congress

MAX_FILE_BYTES = 200_000


def _congress(request) -> Congress:
    """The member's own congress: a parent congress reads its own scheme, never a district's
    (`?congress=` naming another congress is a 404)."""
    member = request.member
    code = request.query.congress
    if code and code != member.congress.code:
        raise Http404
    access.require(access.can_view_scheme(member, member.congress), "the scheme is for editorial staff")
    return member.congress


def _scheme(request, year) -> ScoringScheme:
    congress = _congress(request)
    scheme = ScoringScheme.objects.select_related("congress", "updated_by").filter(congress=congress,
                                                                                  year=year).first()
    if scheme is None:
        raise Http404
    return scheme


def _detail_url(scheme) -> str:
    url = reverse("assessment:scheme_year", args=[scheme.year])
    return url


# Whose scheme a page shows: a parent congress's reader names the district.
SCHEME_QUERY = {"congress": params.Text(40)}


@member_required
@require_GET
@params.query(**SCHEME_QUERY)
def overview(request):
    """The congress's schemes by year, and a form to start the next one."""
    congress = _congress(request)
    schemes = ScoringScheme.objects.filter(congress=congress).select_related("updated_by").order_by("-year")
    page = Paginator(schemes, 20).get_page(request.GET.get("page"))
    this_year = timezone.localdate().year
    years = set(schemes.values_list("year", flat=True))
    context = {
        "congress": congress, "page": page, "this_year": this_year,
        "can_edit": access.can_edit_scheme(request.member, congress),
        "missing_years": [y for y in (this_year, this_year + 1) if y not in years],
    }
    return render(request, "assessment/scheme_overview.html", context)


@member_required
@require_POST
@params.posted(on_error="view", year=params.Year())
def create(request):
    congress = request.member.congress
    year = request.posted.year
    if year is None:
        messages.error(request, _("Give the year of the new scheme."))
        return redirect("assessment:scheme")
    try:
        scheme = scheme_create(member=request.member, congress=congress, year=year)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("assessment:scheme")
    messages.success(request, _("The %(year)d scheme was created and the year scored.") % {"year": year})
    return redirect(_detail_url(scheme))


@member_required
@require_GET
@params.query(**SCHEME_QUERY)
def detail(request, year):
    scheme = _scheme(request, year)
    changes = list(scheme.changes.select_related("changed_by").order_by("-version", "-id")[:5])
    context = {
        "scheme": scheme, "congress": scheme.congress, "sections": scheme_display.sections(scheme.document),
        "table": scheme_display.points_table(scheme.document), "text": scheme_format.dump(scheme.document),
        "changes": changes, "can_edit": access.can_edit_scheme(request.member, scheme.congress),
    }
    return render(request, "assessment/scheme_detail.html", context)


@member_required
@require_http_methods(["GET", "POST"])
@params.query(**SCHEME_QUERY)
@params.posted(on_error="view", text=params.Text(MAX_FILE_BYTES, multiline=True), summary=params.Text(300),
               version=params.Int(min_value=0, max_value=params.MAX_INT, default=0))
def edit(request, year):
    scheme = _scheme(request, year)
    access.require(access.can_edit_scheme(request.member, scheme.congress), "may not edit the scoring scheme")
    text = scheme_format.dump(scheme.document)
    version = scheme.version
    summary = ""
    errors: list[str] = []
    current_text = None
    if request.method == "POST":
        text, summary, version = request.posted.text, request.posted.summary, request.posted.version
        try:
            scheme_update(member=request.member, scheme=scheme, expected_version=version, text=text,
                          summary=summary)
        except SchemeInvalid as error:
            errors = error.errors
        except StaleError as error:
            messages.warning(request, error.message)
            current = error.current or scheme
            version = current.version
            current_text = scheme_format.dump(current.document)
        else:
            messages.success(request, _("The scheme was saved (version %(v)d) and the year rescored.") % {
                "v": scheme.version})
            return redirect(_detail_url(scheme))
    context = {"scheme": scheme, "congress": scheme.congress, "text": text, "version": version,
               "summary": summary, "errors": errors, "current_text": current_text}
    return render(request, "assessment/scheme_edit.html", context, status=400 if errors else 200)


@member_required
@require_POST
def import_file(request, year):
    """Replace the year's rules (or start them) from an uploaded YAML file."""
    congress = request.member.congress
    access.require(access.can_edit_scheme(request.member, congress), "may not edit the scoring scheme")
    upload = request.FILES.get("file")
    back = reverse("assessment:scheme_year", args=[year]) if ScoringScheme.objects.filter(
        congress=congress, year=year).exists() else reverse("assessment:scheme")
    if upload is None:
        messages.error(request, _("Choose a scheme file (.yaml) to import."))
        return redirect(back)
    if upload.size > MAX_FILE_BYTES:
        messages.error(request, _("The file is too large for a scheme (at most 200 KB)."))
        return redirect(back)
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        messages.error(request, _("The file is not UTF-8 text: save it as UTF-8 YAML and try again."))
        return redirect(back)
    try:
        scheme = scheme_import(member=request.member, congress=congress, year=year, text=text)
    except SchemeInvalid as error:
        messages.error(request, _("The file was not imported: %(errors)s") % {"errors": "；".join(error.errors)})
        return redirect(back)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(request, _("The scheme file was imported (version %(v)d) and the year rescored.") % {
        "v": scheme.version})
    return redirect(_detail_url(scheme))


@member_required
@require_GET
@params.query(**SCHEME_QUERY)
def export(request, year):
    scheme = _scheme(request, year)
    response = HttpResponse(scheme_format.dump(scheme.document), content_type="application/x-yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="scheme-{scheme.congress.code}-{scheme.year}.yaml"'
    return response


@member_required
@require_GET
@params.query(**SCHEME_QUERY)
def history(request, year):
    scheme = _scheme(request, year)
    changes = scheme.changes.select_related("changed_by").order_by("-version", "-id")
    page = Paginator(changes, 20).get_page(request.GET.get("page"))
    return render(request, "assessment/scheme_history.html", {"scheme": scheme, "congress": scheme.congress,
                                                              "page": page})


@member_required
@require_GET
@params.query(**SCHEME_QUERY)
def version(request, year, version):
    scheme = _scheme(request, year)
    change = SchemeChange.objects.select_related("changed_by").filter(scheme=scheme, version=version).first()
    if change is None:
        raise Http404
    context = {"scheme": scheme, "congress": scheme.congress, "change": change,
               "sections": scheme_display.sections(change.document),
               "table": scheme_display.points_table(change.document), "text": scheme_format.dump(change.document)}
    return render(request, "assessment/scheme_version.html", context)
