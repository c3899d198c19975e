"""Writing: create, import from Word, edit (with the optimistic lock made visible), submit
for review, and attachments."""

from itertools import zip_longest

from django.contrib import messages
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from tribune.kit import htmx, params
from tribune.kit.views import member_required
from tribune.newsroom import docx_io, forms, selectors, services
from tribune.newsroom.models import Attachment, Manuscript
from tribune.newsroom.views.common import (
    GET_POST,
    POST,
    add_service_error,
    get_child,
    get_manuscript,
    manuscript_url,
    prepare,
    run_form,
)
from tribune.org import access
from tribune.org.errors import ServiceError, StaleError

BLANK_AUTHOR_ROWS = 2


def authors_from_post(post) -> list[tuple[int, str]] | None:
    """The ordered (member id, share) rows of the form; blank rows are skipped. Shares are
    validated by services.parse_authors. None when the request has no author rows at all
    (authors unchanged; the writer alone for a new manuscript)."""
    if "author" not in post and "share" not in post:
        return None
    rows = []
    for raw_id, raw_share in zip_longest(post.getlist("author"), post.getlist("share"), fillvalue=""):
        raw_id, raw_share = raw_id.strip(), raw_share.strip()
        if not raw_id and not raw_share:
            continue
        if not raw_id:
            raise ServiceError(_("Choose the author of each share."), field="authors")
        if not params.is_id(raw_id):
            raise ServiceError(_("An author must be an active member of this congress."), field="authors")
        rows.append((params.parse_id(raw_id), raw_share or "0"))
    return rows


def _author_rows(rows) -> list[dict]:
    return [{"member": str(m), "share": str(s)} for m, s in rows] + [{"member": "", "share": ""}] * BLANK_AUTHOR_ROWS


def _posted_author_rows(post) -> list[dict]:
    rows = [(m, s) for m, s in zip_longest(post.getlist("author"), post.getlist("share"), fillvalue="")
            if m.strip() or s.strip()]
    return _author_rows(rows)


def _fields(cleaned: dict) -> dict:
    return {name: cleaned.get(name) for name in ("title", "body", "kind", "topic", "event_date")} | {
        "editor": cleaned.get("editor") or "", "supervisor": cleaned.get("supervisor") or ""}


def _render_form(request, *, form, manuscript=None, author_rows, stale=None, status=200):
    member = request.member
    context = {
        "form": form, "manuscript": manuscript, "author_rows": author_rows, "stale": stale,
        "members": list(selectors.possible_authors(member.congress)),
        "import_form": forms.DocxImportForm() if manuscript is None else None,
        "attachment_form": prepare(forms.AttachmentForm(auto_id="id_attachment_%s"),
                                   reverse("newsroom:attachment_add", args=[manuscript.pk]),
                                   [("", "", _("Upload"), "primary")], multipart=True) if manuscript else None,
        "attachments": list(manuscript.attachments.all()) if manuscript else [],
    }
    return render(request, "newsroom/edit.html", context, status=status)


@GET_POST
@member_required
def manuscript_create(request):
    member = request.member
    access.require(access.can_create_manuscript(member), _("You may not write manuscripts."))
    topics = selectors.open_topics(member.congress)
    if request.method == "GET":
        form = forms.ManuscriptForm(topics=topics)
        return _render_form(request, form=form, author_rows=_author_rows([(member.pk, 100)]))
    form = forms.ManuscriptForm(request.POST, topics=topics)
    if form.is_valid():
        try:
            manuscript = services.manuscript_create(member=member, authors=authors_from_post(request.POST),
                                                    **_fields(form.cleaned_data))
        except ServiceError as exc:
            add_service_error(form, exc)
            if exc.field == "authors":
                form.author_error = str(exc.message)
        else:
            messages.success(request, _("The draft is saved."))
            return htmx.redirect(request, manuscript_url(manuscript))
    return _render_form(request, form=form, author_rows=_posted_author_rows(request.POST), status=400)


@GET_POST
@member_required
def manuscript_import_docx(request):
    member = request.member
    access.require(access.can_create_manuscript(member), _("You may not write manuscripts."))
    form = forms.DocxImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            if uploaded.size > docx_io.MAX_DOCX_BYTES:
                raise ServiceError(_("The Word file is larger than 20 MB."), field="file")
            manuscript = services.manuscript_import_docx(member=member, data=uploaded.read())
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Imported from the Word file. Check the text and save."))
            return htmx.redirect(request, reverse("newsroom:edit", args=[manuscript.pk]))
    status = 400 if request.method == "POST" else 200
    return render(request, "newsroom/import.html", {"form": form}, status=status)


def _initial(manuscript: Manuscript) -> dict:
    return {"version": manuscript.version, "title": manuscript.title, "body": manuscript.body,
            "kind": manuscript.kind, "topic": manuscript.topic_id, "event_date": manuscript.event_date,
            "editor": manuscript.editor, "supervisor": manuscript.supervisor}


@GET_POST
@member_required
def manuscript_edit(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_edit_manuscript)
    topics = selectors.open_topics(member.congress, manuscript.topic)
    if request.method == "GET":
        authors = [(a.member_id, format(a.share.normalize(), "f")) for a in manuscript.authorships.all()]
        form = forms.ManuscriptForm(initial=_initial(manuscript), topics=topics)
        return _render_form(request, form=form, manuscript=manuscript, author_rows=_author_rows(authors))
    form = forms.ManuscriptForm(request.POST, topics=topics)
    stale = None
    if form.is_valid():
        # A form without a version cannot say what it was based on: version 0 matches no row,
        # so the service refuses it like any stale form.
        version = form.cleaned_data.get("version") or 0
        try:
            services.manuscript_update(member=member, manuscript=manuscript, version=version,
                                       authors=authors_from_post(request.POST), **_fields(form.cleaned_data))
        except StaleError as exc:
            stale = exc.current or manuscript
            # The member's text stays in the form, now based on the current version: saving
            # again is a deliberate choice made with the newer text in view.
            data = request.POST.copy()
            data["version"] = stale.version
            form = forms.ManuscriptForm(data, topics=topics)
            form.is_valid()
            form.add_error(None, str(exc.message))
        except ServiceError as exc:
            add_service_error(form, exc)
            if exc.field == "authors":
                form.author_error = str(exc.message)
        else:
            messages.success(request, _("Saved."))
            return htmx.redirect(request, manuscript_url(manuscript))
    return _render_form(request, form=form, manuscript=manuscript, author_rows=_posted_author_rows(request.POST),
                        stale=stale, status=409 if stale else 400)


@POST
@member_required
def manuscript_submit_for_review(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_submit_for_review)
    form = forms.VersionForm(request.POST)

    def perform(data):
        services.manuscript_submit_for_review(member=member, manuscript=manuscript, version=data["version"])

    return run_form(request, form=form, perform=perform, manuscript=manuscript, title=_("Submit for review"),
                    action_url=reverse("newsroom:submit_for_review", args=[pk]),
                    success=_("Submitted for review."), buttons=[("", "", _("Submit for review"), "primary")])


@POST
@member_required
def attachment_add(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_attach_file)
    form = forms.AttachmentForm(request.POST, request.FILES)

    def perform(data):
        services.attachment_add(member=member, manuscript=manuscript, uploaded=data["file"],
                                caption=data.get("caption") or "")

    return run_form(request, form=form, perform=perform, manuscript=manuscript, title=_("Add a file"),
                    action_url=reverse("newsroom:attachment_add", args=[pk]), success=_("The file is attached."),
                    buttons=[("", "", _("Upload"), "primary")], multipart=True)


@POST
@member_required
def attachment_remove(request, pk, attachment_pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_attach_file)
    attachment = get_child(Attachment.objects.filter(manuscript=manuscript), pk=attachment_pk)
    services.attachment_remove(member=member, attachment=attachment)
    messages.success(request, _("The file %(name)s was removed.") % {"name": attachment.original_name})
    return htmx.redirect(request, manuscript_url(manuscript))
