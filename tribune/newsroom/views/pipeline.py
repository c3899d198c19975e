"""After writing: review, submission to outlets, publications (record, correct, withdraw),
metrics, reprints and leadership instructions. Each view: permission first (403), then the
form, then one service call."""

import datetime as dt

from django.db.models import Case, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.kit.views import member_required
from tribune.newsroom import forms
from tribune.newsroom.models import Publication, Submission
from tribune.newsroom.services import publishing, reviewing
from tribune.newsroom.views.common import GET_POST, get_child, get_manuscript, prepare, run_form
from tribune.org import access
from tribune.org.errors import ServiceError
from tribune.outlets.models import Outlet
from tribune.outlets.vocabulary import LEVEL_RANK


def _outlet_queryset(manuscript):
    """The congress's active outlets not yet sent this manuscript, national first."""
    sent = manuscript.submissions.values("outlet_id")
    rank = Case(*[When(level=level, then=Value(r)) for level, r in LEVEL_RANK.items()], default=Value(0))
    return (Outlet.objects.filter(congress=manuscript.congress_id, is_active=True).exclude(pk__in=sent)
            .order_by(rank.desc(), "name"))


def review_buttons():
    return [("decision", "approve", _("Approve"), "primary"),
            ("decision", "return", _("Return with comment"), "danger")]


def detail_forms(manuscript, can) -> dict:
    """Unbound forms the manuscript page offers, each with its own element ids (several forms
    share field names on one page). The forms of each submission and publication are not
    here: the page loads them with htmx when their box is opened, so a long history does not
    make every page view render dozens of forms."""
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
    return result


@GET_POST
@member_required
def manuscript_review(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_review)
    form = forms.ReviewForm(request.POST or None, initial={"version": manuscript.version})

    def perform(data):
        if data["decision"] == "approve":
            reviewing.manuscript_approve(member=member, manuscript=manuscript, version=data["version"],
                                         comment=data.get("comment") or "")
        else:
            reviewing.manuscript_return(member=member, manuscript=manuscript, version=data["version"],
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
        publishing.manuscript_submit_to_outlets(member=member, manuscript=manuscript, version=data["version"],
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
        publishing.publication_record(member=member, submission=submission, **_publication_fields(data))

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
        publishing.publication_correct(member=member, publication=publication, version=data["version"],
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
        publishing.publication_withdraw(member=member, publication=publication, version=data["version"],
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
        publishing.metrics_record(member=member, publication=publication, reads=data["reads"],
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
        publishing.reprint_record(member=member, publication=publication, outlet_name=data["outlet_name"],
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
        publishing.instruction_record(member=member, manuscript=manuscript, leader_name=data["leader_name"],
                                      level=data["level"], given_on=data["given_on"], content=data.get("content") or "")

    return run_form(request, form=form, perform=perform, manuscript=manuscript,
                    title=_("Record a leadership instruction"),
                    action_url=reverse("newsroom:instruction", args=[pk]),
                    success=_("The instruction is recorded."))
