"""After writing: review, submission to outlets, publications (record, correct, withdraw),
metrics, reprints and leadership instructions. Each view: permission first (403), then the
form, then one service call."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.newsroom import forms, selectors, services
from tribune.newsroom.models import Publication, Submission
from tribune.newsroom.views.common import GET_POST, get_child, get_manuscript, prepare, run_form
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.outlets.models import Outlet
from tribune.web.views import member_required


def _outlet_queryset(manuscript):
    sent = manuscript.submissions.values("outlet_id")
    return Outlet.objects.filter(congress=manuscript.congress_id, is_active=True).exclude(pk__in=sent).order_by(
        "level", "name")


def review_buttons():
    return [("decision", "approve", _("Approve"), "primary"),
            ("decision", "return", _("Return with comment"), "danger")]


def detail_forms(manuscript, page, can) -> dict:
    """Unbound forms the manuscript page offers, each with its own element ids (several forms
    share field names on one page)."""
    today = timezone.localdate()
    pk = manuscript.pk
    result = {}
    if can["submit_for_review"]:
        result["submit_form"] = prepare(
            forms.VersionForm(initial={"version": manuscript.version}, auto_id="id_submit_%s"),
            reverse("newsroom:submit_for_review", args=[pk]), [("", "", _("Submit for review"), "primary")])
    if can["review"]:
        result["review_form"] = prepare(
            forms.ReviewForm(initial={"version": manuscript.version}, auto_id="id_review_%s"),
            reverse("newsroom:review", args=[pk]), review_buttons())
    if can["submit_to_outlet"]:
        result["outlets_form"] = prepare(
            forms.SubmitToOutletsForm(initial={"version": manuscript.version}, outlets=_outlet_queryset(manuscript),
                                      auto_id="id_outlets_%s"),
            reverse("newsroom:submit_to_outlets", args=[pk]), [("", "", _("Submit"), "primary")])
    if can["record_instruction"]:
        result["instruction_form"] = prepare(
            forms.InstructionForm(initial={"given_on": today}, auto_id="id_instruction_%s"),
            reverse("newsroom:instruction", args=[pk]))
    if can["attach_file"]:
        result["attachment_form"] = prepare(forms.AttachmentForm(auto_id="id_attachment_%s"),
                                            reverse("newsroom:attachment_add", args=[pk]),
                                            [("", "", _("Upload"), "primary")], multipart=True)
    if can["record_publication"]:
        for s in page.submissions:
            p = selectors.publication_of(s)
            if p is None:
                s.publication_form = prepare(
                    forms.PublicationForm(initial={"published_on": today, "title": manuscript.title},
                                          auto_id=f"id_s{s.pk}_pub_%s"),
                    reverse("newsroom:publication", args=[pk, s.pk]))
                continue
            key = f"id_p{p.pk}"
            initial = {"version": p.version, "published_on": p.published_on, "title": p.title, "address": p.address,
                       "placement": p.placement, "combined": p.combined}
            p.correct_form = prepare(forms.CorrectPublicationForm(initial=initial, auto_id=f"{key}_correct_%s"),
                                     reverse("newsroom:correct", args=[pk, p.pk]))
            if p.is_withdrawn:
                continue
            p.withdraw_form = prepare(
                forms.WithdrawPublicationForm(initial={"version": p.version}, auto_id=f"{key}_withdraw_%s"),
                reverse("newsroom:withdraw", args=[pk, p.pk]), [("", "", _("Withdraw"), "danger")])
            p.metrics_form = prepare(forms.MetricsForm(auto_id=f"{key}_metrics_%s"),
                                     reverse("newsroom:metrics", args=[pk, p.pk]))
            p.reprint_form = prepare(forms.ReprintForm(initial={"reprinted_on": today}, auto_id=f"{key}_reprint_%s"),
                                     reverse("newsroom:reprint", args=[pk, p.pk]))
    return result


@GET_POST
@member_required
def manuscript_review(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_review)
    form = forms.ReviewForm(request.POST or None, initial={"version": manuscript.version})

    def perform(data):
        if data["decision"] == "approve":
            services.manuscript_approve(member=member, manuscript=manuscript, version=data["version"],
                                        comment=data.get("comment") or "")
        else:
            services.manuscript_return(member=member, manuscript=manuscript, version=data["version"],
                                       comment=data.get("comment") or "")

    decision = request.POST.get("decision")
    return run_form(
        request, form=form, perform=perform, manuscript=manuscript, title=_("Review"),
        action_url=reverse("newsroom:review", args=[pk]),
        success=_("Returned to the writer with your comment.") if decision == "return" else _("Approved."),
        buttons=review_buttons(),
    )


@GET_POST
@member_required
def manuscript_submit_to_outlets(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_submit_to_outlet)
    form = forms.SubmitToOutletsForm(request.POST or None, initial={"version": manuscript.version},
                                     outlets=_outlet_queryset(manuscript))

    def perform(data):
        services.manuscript_submit_to_outlets(member=member, manuscript=manuscript, version=data["version"],
                                              outlets=list(data["outlets"]), channel=data["channel"],
                                              note=data.get("note") or "")

    return run_form(request, form=form, perform=perform, manuscript=manuscript, title=_("Submit to outlets"),
                    action_url=reverse("newsroom:submit_to_outlets", args=[pk]),
                    success=_("Submitted to the outlets."), buttons=[("", "", _("Submit"), "primary")])


@GET_POST
@member_required
def publication_record(request, pk, submission_pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_record_publication)
    submission = get_child(Submission.objects.filter(manuscript=manuscript).select_related("outlet"),
                           pk=submission_pk)
    form = forms.PublicationForm(request.POST or None,
                                 initial={"published_on": timezone.localdate(), "title": manuscript.title})

    def perform(data):
        services.publication_record(member=member, submission=submission, **_publication_fields(data))

    return run_form(request, form=form, perform=perform, manuscript=manuscript,
                    title=_("Record the publication in %(outlet)s") % {"outlet": submission.outlet.name},
                    action_url=reverse("newsroom:publication", args=[pk, submission_pk]),
                    success=_("The publication is recorded."))


def _publication_fields(data) -> dict:
    return {"published_on": data["published_on"], "title": data["title"], "address": data.get("address") or "",
            "placement": data.get("placement") or "", "combined": bool(data.get("combined"))}


def _publication(manuscript, publication_pk) -> Publication:
    return get_child(Publication.objects.filter(submission__manuscript=manuscript).select_related(
        "submission__outlet", "submission__manuscript"), pk=publication_pk)


@GET_POST
@member_required
def publication_correct(request, pk, publication_pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_correct_publication)
    publication = _publication(manuscript, publication_pk)
    initial = {"version": publication.version, "published_on": publication.published_on, "title": publication.title,
               "address": publication.address, "placement": publication.placement, "combined": publication.combined}
    form = forms.CorrectPublicationForm(request.POST or None, initial=initial)

    def perform(data):
        services.publication_correct(member=member, publication=publication, version=data["version"],
                                     reason=data["reason"], **_publication_fields(data))

    return run_form(request, form=form, perform=perform, manuscript=manuscript,
                    title=_("Correct the publication in %(outlet)s") % {"outlet": publication.submission.outlet.name},
                    action_url=reverse("newsroom:correct", args=[pk, publication_pk]),
                    success=_("The publication is corrected; the old values are kept."))


@GET_POST
@member_required
def publication_withdraw(request, pk, publication_pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_correct_publication)
    publication = _publication(manuscript, publication_pk)
    form = forms.WithdrawPublicationForm(request.POST or None, initial={"version": publication.version})

    def perform(data):
        services.publication_withdraw(member=member, publication=publication, version=data["version"],
                                      reason=data["reason"], factual_error=bool(data.get("factual_error")))

    return run_form(request, form=form, perform=perform, manuscript=manuscript,
                    title=_("Withdraw the publication in %(outlet)s") % {"outlet": publication.submission.outlet.name},
                    action_url=reverse("newsroom:withdraw", args=[pk, publication_pk]),
                    success=_("The publication is recorded as withdrawn."),
                    buttons=[("", "", _("Withdraw"), "danger")])


@GET_POST
@member_required
def metrics_record(request, pk, publication_pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_record_metrics)
    publication = _publication(manuscript, publication_pk)
    form = forms.MetricsForm(request.POST or None)

    def perform(data):
        taken_at = None
        if data.get("taken_on"):
            if data["taken_on"] > timezone.localdate():
                raise ServiceError(_("Metrics cannot be dated in the future."), field="taken_on")
            taken_at = timezone.make_aware(dt.datetime.combine(data["taken_on"], dt.time(20)))
            taken_at = min(taken_at, timezone.now())
        services.metrics_record(member=member, publication=publication, reads=data["reads"],
                                shares=data.get("shares") or 0, likes=data.get("likes") or 0,
                                comments=data.get("comments") or 0, taken_at=taken_at)

    return run_form(request, form=form, perform=perform, manuscript=manuscript,
                    title=_("Record reads and shares in %(outlet)s") % {"outlet": publication.submission.outlet.name},
                    action_url=reverse("newsroom:metrics", args=[pk, publication_pk]),
                    success=_("The figures are recorded."))


@GET_POST
@member_required
def reprint_record(request, pk, publication_pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_record_reprint)
    publication = _publication(manuscript, publication_pk)
    form = forms.ReprintForm(request.POST or None, initial={"reprinted_on": timezone.localdate()})

    def perform(data):
        services.reprint_record(member=member, publication=publication, outlet_name=data["outlet_name"],
                                level=data["level"], reprinted_on=data["reprinted_on"],
                                address=data.get("address") or "")

    return run_form(request, form=form, perform=perform, manuscript=manuscript,
                    title=_("Record a reprint of the publication in %(outlet)s")
                    % {"outlet": publication.submission.outlet.name},
                    action_url=reverse("newsroom:reprint", args=[pk, publication_pk]),
                    success=_("The reprint is recorded."))


@GET_POST
@member_required
def instruction_record(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_record_instruction)
    form = forms.InstructionForm(request.POST or None, initial={"given_on": timezone.localdate()})

    def perform(data):
        services.instruction_record(member=member, manuscript=manuscript, leader_name=data["leader_name"],
                                    level=data["level"], given_on=data["given_on"], content=data.get("content") or "")

    return run_form(request, form=form, perform=perform, manuscript=manuscript,
                    title=_("Record a leadership instruction"),
                    action_url=reverse("newsroom:instruction", args=[pk]),
                    success=_("The instruction is recorded."))
