"""Pages of the deputies' work: registry, stories, coverage gaps and typical cases. Thin: parse
a form, call a service or a selector, render."""

import base64
import binascii

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.deputies import coverage, exporting, forms, importing, reach, selectors, services
from tribune.deputies.models import Deputy, DeputyStory, SeatLevel, Sector, Stage
from tribune.kit import htmx, params
from tribune.kit.report import XLSX, render_xlsx
from tribune.kit.views import member_required
from tribune.newsroom.models import Manuscript, Publication
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.planning.models import Activity

PER_PAGE = 30


def _require_view(request):
    access.require(access.can_view_deputies(request.member, request.member.congress),
                   "deputies are for editorial members")


def _add_errors(form, exc: ServiceError):
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc.message))


# --- Overview --------------------------------------------------------------------------------

@member_required
def home(request):
    _require_view(request)
    member, today = request.member, timezone.localdate()
    facts = selectors.coverage_facts(member.congress)
    unfeatured = coverage.gaps(facts, coverage.YEAR, today)
    cases = list(selectors.typical_cases(member.congress).values_list("pk", flat=True))
    travels = selectors.case_travels(cases)
    stories = selectors.stories_with_stage(DeputyStory.objects.filter(congress=member.congress))
    context = {
        "deputy_count": len(facts),
        "unfeatured_count": len(unfeatured),
        "story_count": stories.count(),
        "lead_count": stories.filter(stage_code=Stage.LEAD).count(),
        "summary": reach.summarise(t["reach"] for t in travels.values()),
        "suggestions": coverage.suggest(facts, today, limit=8),
        "recent_stories": list(stories.select_related("typical").prefetch_related("deputies")[:8]),
        "year": today.year,
    }
    return render(request, "deputies/home.html", context)


# --- Registry --------------------------------------------------------------------------------

@member_required
@params.query(forms=[forms.DeputyFilterForm])
def deputy_list(request):
    _require_view(request)
    member = request.member
    form = forms.DeputyFilterForm(request.GET or None)
    deputies = Deputy.objects.filter(congress=member.congress).prefetch_related("seats").order_by(
        "group", "name", "pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            deputies = deputies.filter(Q(name__contains=data["q"]) | Q(occupation__contains=data["q"]))
        if data["group"]:
            deputies = deputies.filter(group=data["group"])
        if data["sector"]:
            deputies = deputies.filter(sector=data["sector"])
        if data["level"]:
            deputies = deputies.filter(seats__level=data["level"]).distinct()
    page = Paginator(deputies, PER_PAGE).get_page(request.GET.get("page"))
    groups = (Deputy.objects.filter(congress=member.congress).order_by("group").values_list("group", flat=True)
              .distinct())
    return render(request, "deputies/deputy_list.html", {
        "form": form, "page": page, "groups": list(groups),
        "can_manage": access.can_manage_deputies(member, member.congress),
        "can_export": access.can_export_deputies(member, member.congress),
    })


def _deputy(request, pk) -> Deputy:
    return access.get_object_for_member(Deputy.objects.select_related("congress"), request.member, pk)


@member_required
def deputy_detail(request, pk):
    _require_view(request)
    deputy = _deputy(request, pk)
    stories = (selectors.stories_with_stage(deputy.stories.all()).select_related("typical")
               .order_by("-happened_on", "-id"))
    page = Paginator(stories, PER_PAGE).get_page(request.GET.get("page"))
    last_featured = Publication.objects.filter(
        withdrawn_at__isnull=True, submission__manuscript__story_links__story__deputies=deputy,
    ).aggregate(last=Max("published_on"))["last"]
    return render(request, "deputies/deputy_detail.html", {
        "deputy": deputy, "seats": list(deputy.seats.all()), "page": page, "last_featured": last_featured,
        "can_reveal": access.can_reveal_deputy_pi(request.member, deputy),
        "can_manage": access.can_manage_deputies(request.member, deputy.congress),
    })


@member_required
@require_POST
def deputy_reveal(request, pk):
    _require_view(request)
    deputy = _deputy(request, pk)
    values = services.deputy_reveal(member=request.member, deputy=deputy)
    return render(request, "deputies/partials/personal_info.html",
                  {"deputy": deputy, "revealed": values, "can_reveal": True})


def _seats_from(formset) -> list:
    seats = []
    for seat_form in formset.forms:
        data = seat_form.cleaned_data
        if data.get("level") or data.get("term") or data.get("started_on"):
            seats.append((data.get("level") or "", data.get("term") or "", data.get("started_on")))
    return seats


def _deputy_form_page(request, deputy=None):
    member = request.member
    congress = deputy.congress if deputy else member.congress
    access.require(access.can_manage_deputies(member, congress), "registry keepers only")
    may_reveal = deputy is None or access.can_reveal_deputy_pi(member, deputy)
    if request.method == "POST":
        form = forms.DeputyForm(request.POST)
        formset = forms.SeatFormSet(request.POST, prefix="seats")
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            fields = {k: data[k] for k in ("name", "group", "sector", "occupation", "note")}
            try:
                if deputy is None:
                    deputy = services.deputy_create(member=member, seats=_seats_from(formset), phone=data["phone"],
                                                    id_number=data["id_number"], **fields)
                    messages.success(request, _("Deputy added."))
                else:
                    personal = {"phone": data["phone"], "id_number": data["id_number"]} if may_reveal else {}
                    services.deputy_update(member=member, deputy=deputy, version=data["version"] or 0,
                                           seats=_seats_from(formset), is_active=data["is_active"],
                                           **personal, **fields)
                    messages.success(request, _("Deputy saved."))
                return htmx.redirect(request, reverse("deputies:deputy", args=[deputy.pk]))
            except ServiceError as exc:
                _add_errors(form, exc)
    elif deputy is None:
        form = forms.DeputyForm(initial={"is_active": True})
        formset = forms.SeatFormSet(prefix="seats", initial=[{"level": SeatLevel.COUNTY}])
    else:
        initial = {k: getattr(deputy, k) for k in ("name", "group", "sector", "occupation", "note", "is_active",
                                                    "version")}
        # The edit form never shows personal information it has not been allowed to reveal;
        # editing it opens the values, so it is written to the audit log like a reveal.
        if may_reveal:
            initial.update(services.deputy_reveal(member=member, deputy=deputy))
        form = forms.DeputyForm(initial=initial)
        formset = forms.SeatFormSet(prefix="seats", initial=[
            {"level": s.level, "term": s.term, "started_on": s.started_on} for s in deputy.seats.all()])
    if not may_reveal:
        for name in ("phone", "id_number"):
            form.fields[name].disabled = True
            form.fields[name].widget.attrs["placeholder"] = getattr(deputy, f"masked_{name}")
    return render(request, "deputies/deputy_form.html", {"form": form, "formset": formset, "deputy": deputy})


@member_required
def deputy_create(request):
    return _deputy_form_page(request)


@member_required
def deputy_edit(request, pk):
    _require_view(request)
    return _deputy_form_page(request, _deputy(request, pk))


@member_required
def deputy_import(request):
    member = request.member
    access.require(access.can_manage_deputies(member, member.congress), "registry keepers only")
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read(importing.MAX_BYTES + 1)
        try:
            context["preview"] = importing.preview(member.congress, data)
            context["payload"] = base64.b64encode(data).decode("ascii")
        except importing.ImportFileError as exc:
            form.add_error("file", str(exc))
    return render(request, "deputies/import.html", context)


@member_required
def deputy_import_template(request):
    member = request.member
    access.require(access.can_manage_deputies(member, member.congress), "registry keepers only")
    response = HttpResponse(render_xlsx(exporting.ImportTemplateExporter().report()), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="deputies-template.xlsx"'
    return response


@member_required
@require_POST
def deputy_import_confirm(request):
    member = request.member
    access.require(access.can_manage_deputies(member, member.congress), "registry keepers only")
    try:
        data = base64.b64decode(request.POST.get("payload", ""), validate=True)
        preview = services.deputies_import(member=member, data=data)
    except (binascii.Error, ValueError, importing.ImportFileError):
        messages.error(request, _("The checked file was lost; upload it again."))
        return htmx.redirect(request, reverse("deputies:import"))
    except ServiceError as exc:
        messages.error(request, str(exc.message))
        return htmx.redirect(request, reverse("deputies:import"))
    messages.success(request, _("%(added)s deputies added; %(skipped)s already in the registry were skipped.")
                     % {"added": len(preview.new_rows), "skipped": len(preview.existing_rows)})
    return htmx.redirect(request, reverse("deputies:list"))


@member_required
def deputy_export(request):
    member = request.member
    access.require(access.can_export_deputies(member, member.congress), "export not allowed")
    reveal = access.can_reveal_deputies_export(member, member.congress)
    exporter = exporting.RegistryExporter(member.congress, reveal=reveal)
    content = render_xlsx(exporter.report())
    services.deputies_export_audit(member=member, rows=exporter.deputies().count(), revealed=reveal)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="deputies-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


# --- Stories ---------------------------------------------------------------------------------

@member_required
@params.query(activity=params.Id(), forms=[forms.StoryFilterForm])
def story_list(request):
    _require_view(request)
    member = request.member
    form = forms.StoryFilterForm(request.GET or None)
    stories = (selectors.stories_with_stage(DeputyStory.objects.filter(congress=member.congress))
               .select_related("typical").prefetch_related("deputies").order_by("-happened_on", "-id"))
    # "Stories from this activity": an activity of the member's own congress, or a 404.
    activity = None
    activity_id = request.query.activity
    if "activity" in request.query.errors:  # a list of one activity's stories, of none: no such page
        raise Http404
    if activity_id:
        activity = access.get_object_for_member(Activity.objects.all(), member, activity_id)
        stories = stories.filter(activity=activity)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            stories = stories.filter(Q(title__contains=data["q"]) | Q(deputies__name__contains=data["q"])).distinct()
        if data["kind"]:
            stories = stories.filter(kind=data["kind"])
        if data["stage"]:
            stories = stories.filter(stage_code=data["stage"])
        if data["typical"]:
            stories = stories.filter(typical__isnull=False)
    page = Paginator(stories, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "deputies/story_list.html", {
        "form": form, "page": page, "can_record": access.can_record_story(member, member.congress),
        "activity": activity,
    })


def _story(request, pk) -> DeputyStory:
    return access.get_object_for_member(
        selectors.stories_with_stage(DeputyStory.objects.select_related("congress", "created_by", "typical",
                                                                        "typical__marked_by", "activity")),
        request.member, pk)


def _story_form_page(request, story=None):
    member = request.member
    if story is None:
        access.require(access.can_record_story(member, member.congress), "not allowed to record stories")
    else:
        access.require(access.can_edit_story(member, story), "not allowed to edit this story")
    congress = story.congress if story else member.congress
    if request.method == "POST":
        form = forms.StoryForm(request.POST, congress=congress)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                if story is None:
                    story = services.story_create(member=member, **data)
                    messages.success(request, _("Story recorded."))
                else:
                    services.story_update(member=member, story=story, version=version or 0, **data)
                    messages.success(request, _("Story saved."))
                return htmx.redirect(request, reverse("deputies:story", args=[story.pk]))
            except ServiceError as exc:
                _add_errors(form, exc)
    elif story is None:
        initial = {"happened_on": timezone.localdate()}
        if request.query.deputy:
            initial["deputies"] = [request.query.deputy]
        if request.query.activity:
            initial["activity"] = request.query.activity
        form = forms.StoryForm(initial=initial, congress=congress)
    else:
        form = forms.StoryForm(congress=congress, initial={
            "version": story.version, "kind": story.kind, "title": story.title, "happened_on": story.happened_on,
            "place": story.place, "summary": story.summary, "source": story.source, "activity": story.activity_id,
            "activity_note": story.activity_note, "deputies": list(story.deputies.all())})
    return render(request, "deputies/story_form.html", {"form": form, "story": story})


@member_required
@params.query(deputy=params.Id(), activity=params.Id())
def story_create(request):
    _require_view(request)
    return _story_form_page(request)


@member_required
def story_edit(request, pk):
    _require_view(request)
    return _story_form_page(request, _story(request, pk))


@member_required
@params.query(find=params.Text(100))
def story_detail(request, pk, forms_with_errors=None):
    _require_view(request)
    member = request.member
    story = _story(request, pk)
    links = list(story.manuscript_links.select_related("manuscript", "manuscript__office", "linked_by"))
    linked_ids = {link.manuscript_id for link in links}
    travel = selectors.case_travels([story.pk])[story.pk]
    can_link = access.can_link_manuscript(member, story)
    # Publications and reprints are the newsroom's facts: its rule (the coordinator) applies.
    can_record_outlets = access.can_record_publication(member, story)
    ready = [link.manuscript for link in links if link.manuscript.is_outlet_ready]
    find = request.query.find
    facts = {Stage.LEAD: True, Stage.INTERVIEWED: story.has_interview, Stage.DRAFTED: story.has_manuscript,
             Stage.PUBLISHED: story.has_publication}
    context = {
        "story": story, "links": links,
        "steps": [{"label": Stage(code).label, "done": facts[code], "current": code == story.stage_code}
                  for code in Stage.values],
        "deputies": list(story.deputies.all()), "interviews": list(story.interviews.select_related("recorded_by")),
        "travel": travel,
        "can_edit": access.can_edit_story(member, story), "can_link": can_link,
        "can_mark_typical": access.can_mark_typical(member, story),
        "can_record_outlets": can_record_outlets,
        "find": find,
        "link_choices": _link_choices(story, linked_ids, find) if can_link else [],
        "ready_manuscripts": ready,
        "interview_form": forms.InterviewForm(initial={"held_on": timezone.localdate()}),
        "typical_form": forms.TypicalForm(),
        "publication_form": forms.PublicationForm(congress=story.congress, initial={
            "published_on": timezone.localdate(), "title": ready[0].title if ready else ""}),
        "reprint_form": forms.ReprintForm(initial={"reprinted_on": timezone.localdate(), "level": "city"}),
    }
    context.update(forms_with_errors or {})
    return render(request, "deputies/story_detail.html", context)


LINK_CHOICES = 100


def _link_choices(story, linked_ids, find: str) -> list:
    """The manuscripts a story may be linked to: the latest hundred, or those whose title holds
    the words searched for (so an older manuscript can be found too)."""
    choices = Manuscript.objects.filter(congress=story.congress).exclude(pk__in=linked_ids)
    if find:
        choices = choices.filter(title__icontains=find)
    return list(choices.only("id", "title", "state").order_by("-created_at", "-id")[:LINK_CHOICES])


def _story_action(request, pk, form_class, key, action, success):
    """POST an action on a story: on success a redirect to the story, otherwise the story page
    again with the form's errors (status 400)."""
    story = _story(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(story, form.cleaned_data)
            messages.success(request, success)
            return htmx.redirect(request, reverse("deputies:story", args=[story.pk]))
        except ServiceError as exc:
            _add_errors(form, exc)
    request.method = "GET"
    response = story_detail(request, pk, forms_with_errors={key: form})
    response.status_code = 400
    return response


def _manuscript(story, manuscript_id) -> Manuscript:
    manuscript = Manuscript.objects.filter(pk=manuscript_id, congress=story.congress).first()
    if manuscript is None:
        raise ServiceError(_("Choose a manuscript of this congress."), field="manuscript")
    return manuscript


@member_required
@require_POST
def story_link(request, pk):
    _require_view(request)

    def action(story, data):
        services.story_link_manuscript(member=request.member, story=story,
                                       manuscript=_manuscript(story, data["manuscript"]))
    return _story_action(request, pk, forms.LinkManuscriptForm, "link_form", action, _("Manuscript linked."))


@member_required
@require_POST
def story_unlink(request, pk):
    _require_view(request)

    def action(story, data):
        services.story_unlink_manuscript(member=request.member, story=story,
                                         manuscript=_manuscript(story, data["manuscript"]))
    return _story_action(request, pk, forms.LinkManuscriptForm, "link_form", action, _("Link removed."))


@member_required
@require_POST
def story_interview(request, pk):
    _require_view(request)

    def action(story, data):
        services.story_record_interview(member=request.member, story=story, **data)
    return _story_action(request, pk, forms.InterviewForm, "interview_form", action, _("Interview recorded."))


@member_required
@require_POST
def story_typical(request, pk):
    _require_view(request)

    def action(story, data):
        services.story_mark_typical(member=request.member, story=story, reason=data["reason"])
    return _story_action(request, pk, forms.TypicalForm, "typical_form", action, _("Marked as a typical case."))


@member_required
@require_POST
def story_untypical(request, pk):
    _require_view(request)

    def action(story, data):
        services.story_unmark_typical(member=request.member, story=story, reason=data["reason"])
    return _story_action(request, pk, forms.TypicalForm, "typical_form", action, _("No longer a typical case."))


@member_required
@require_POST
def story_publication(request, pk):
    _require_view(request)
    story = _story(request, pk)
    form = forms.PublicationForm(request.POST, congress=story.congress)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.story_record_publication(
                member=request.member, story=story, manuscript=_manuscript(story, data["manuscript"]),
                outlet=data["outlet"], published_on=data["published_on"], title=data["title"],
                address=data["address"])
            messages.success(request, _("Publication recorded."))
            return htmx.redirect(request, reverse("deputies:story", args=[story.pk]))
        except ServiceError as exc:
            _add_errors(form, exc)
    request.method = "GET"
    response = story_detail(request, pk, forms_with_errors={"publication_form": form})
    response.status_code = 400
    return response


@member_required
@require_POST
def story_reprint(request, pk):
    _require_view(request)

    def action(story, data):
        publication = Publication.objects.select_related("submission__manuscript").filter(
            pk=data["publication"], submission__manuscript__congress=story.congress).first()
        if publication is None:
            raise ServiceError(_("Choose a publication of this story."), field="publication")
        services.story_record_reprint(member=request.member, story=story, publication=publication,
                                      outlet_name=data["outlet_name"], level=data["level"],
                                      reprinted_on=data["reprinted_on"], address=data["address"])
    return _story_action(request, pk, forms.ReprintForm, "reprint_form", action, _("Reprint recorded."))


# --- Coverage and typical cases --------------------------------------------------------------

def _label_maps():
    return {"sector": dict(Sector.choices), "level": dict(SeatLevel.choices)}


@member_required
@params.query(forms=[forms.CoverageForm])
def coverage_page(request):
    _require_view(request)
    member, today = request.member, timezone.localdate()
    form = forms.CoverageForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    period = data.get("period") or coverage.YEAR
    dimension = data.get("dimension") or "group"
    facts = selectors.coverage_facts(member.congress)
    labels = _label_maps()
    rows = [{"row": row, "label": labels.get(dimension, {}).get(row.key, row.key) or "—",
             "filter": {dimension: row.key}}
            for row in coverage.breakdown(facts, period, today, dimension)]
    chosen = facts
    if data.get("group"):
        chosen = [d for d in chosen if d.group == data["group"]]
    if data.get("sector"):
        chosen = [d for d in chosen if d.sector == data["sector"]]
    if data.get("level"):
        chosen = [d for d in chosen if data["level"] in d.levels]
    missing = coverage.gaps(chosen, period, today)
    page = Paginator(missing, PER_PAGE).get_page(request.GET.get("page"))
    featured_count = sum(1 for d in facts if coverage.is_featured(d, period, today))
    return render(request, "deputies/coverage.html", {
        "form": form, "period": period, "dimension": dimension, "rows": rows, "page": page, "labels": labels,
        "total": len(facts), "featured_count": featured_count, "missing_count": len(facts) - featured_count,
        "suggestions": coverage.suggest(facts, today, limit=10), "year": today.year,
        "filtered": any(data.get(k) for k in ("group", "sector", "level")), "today": today,
    })


def _typical_cases_of(request):
    """The congress's typical cases, of one year when `?year=` names one (the year the story
    happened), with the facts of how far they travelled."""
    member = request.member
    cases = selectors.typical_cases(member.congress)
    years = sorted({d.year for d in cases.values_list("happened_on", flat=True)}, reverse=True)
    year = request.query.year
    if year in years:
        cases = cases.filter(happened_on__year=year)
        year = str(year)
    else:
        year = ""
    travels = selectors.case_travels(cases.values_list("pk", flat=True))
    return cases, travels, years, year


@member_required
@params.query(year=params.Year())
def typical_cases(request):
    _require_view(request)
    cases, travels, years, year = _typical_cases_of(request)
    page = Paginator(cases, PER_PAGE).get_page(request.GET.get("page"))
    items = [{"story": story, "travel": travels[story.pk]} for story in page.object_list]
    return render(request, "deputies/typical_cases.html", {
        "page": page, "items": items, "summary": reach.summarise(t["reach"] for t in travels.values()),
        "years": years, "year": year,
    })


@member_required
@params.query(year=params.Year())
def typical_cases_export(request):
    _require_view(request)
    cases, travels, _years, year = _typical_cases_of(request)
    exporter = exporting.TypicalCasesExporter([{"story": story, "travel": travels[story.pk]} for story in cases])
    response = HttpResponse(render_xlsx(exporter.report()), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="typical-cases{"-" + year if year else ""}.xlsx"'
    return response
