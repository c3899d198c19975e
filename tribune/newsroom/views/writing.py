"""Writing: create, import from Word, edit (with the optimistic lock made visible), submit
for review, and attachments."""

from django.contrib import messages
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tribune.kit import htmx
from tribune.kit.views import member_required
from tribune.newsroom import docx_io, forms, selectors
from tribune.newsroom.models import Attachment, Manuscript
from tribune.newsroom.services import reviewing, writing
from tribune.newsroom.views.common import (
    GET_POST,
    add_service_error,
    get_child,
    get_manuscript,
    manuscript_url,
    prepare,
    run_form,
)
from tribune.org import access
from tribune.org.errors import ServiceError, StaleError


def _authors(request, initial=None):
    """The authors formset: bound to the POST when it carries author rows, else None (authors
    unchanged; the writer alone for a new manuscript); unbound with `initial` for a GET."""
    members = selectors.possible_authors(request.member.congress)
    if request.method == "POST":
        if f"{forms.AUTHORS_PREFIX}-TOTAL_FORMS" not in request.POST:
            return None
        return forms.AuthorFormSet(request.POST, prefix=forms.AUTHORS_PREFIX, form_kwargs={"members": members})
    return forms.AuthorFormSet(initial=initial, prefix=forms.AUTHORS_PREFIX, form_kwargs={"members": members})


def _authors_as_posted(request):
    """A form posted without author rows is shown again with the rows it would have had."""
    return forms.AuthorFormSet(prefix=forms.AUTHORS_PREFIX,
                               form_kwargs={"members": selectors.possible_authors(request.member.congress)})


def _save(form, authors, save) -> bool:
    """Call `save(authors=…)` when the form and the author rows are valid; a refusal shown on the
    form (and under the authors when it is theirs)."""
    rows_valid = authors is None or authors.is_valid()
    if not (form.is_valid() and rows_valid):
        return False
    try:
        save(authors=None if authors is None else authors.authors())
    except StaleError:
        raise  # the edit page shows both texts
    except ServiceError as exc:
        add_service_error(form, exc)
        if exc.field == "authors" and authors is not None:
            authors.service_error = str(exc.message)
        return False
    return True


def _fields(cleaned: dict) -> dict:
    return {name: cleaned.get(name) for name in ("title", "body", "kind", "topic", "event_date")} | {
        "editor": cleaned.get("editor") or "", "supervisor": cleaned.get("supervisor") or ""}


def _render_form(request, *, form, manuscript=None, authors, stale=None, status=200):
    context = {
        "form": form, "manuscript": manuscript, "authors": authors, "stale": stale,
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
        return _render_form(request, form=forms.ManuscriptForm(topics=topics),
                            authors=_authors(request, initial=[{"member": member.pk, "share": "100"}]))
    form, authors = forms.ManuscriptForm(request.POST, topics=topics), _authors(request)
    created = []

    def save(authors):
        created.append(writing.manuscript_create(member=member, authors=authors, **_fields(form.cleaned_data)))

    if _save(form, authors, save):
        messages.success(request, _("The draft is saved."))
        return htmx.redirect(request, manuscript_url(created[0]))
    return _render_form(request, form=form, authors=authors or _authors_as_posted(request), status=400)


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
            manuscript = writing.manuscript_import_docx(member=member, data=uploaded.read())
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
        initial = [{"member": a.member_id, "share": format(a.share.normalize(), "f")}
                   for a in manuscript.authorships.all()]
        form = forms.ManuscriptForm(initial=_initial(manuscript), topics=topics)
        return _render_form(request, form=form, manuscript=manuscript, authors=_authors(request, initial))
    form, authors = forms.ManuscriptForm(request.POST, topics=topics), _authors(request)
    stale = None

    def save(authors):
        # A form without a version cannot say what it was based on: version 0 matches no row,
        # so the service refuses it like any stale form.
        writing.manuscript_update(member=member, manuscript=manuscript, version=form.cleaned_data.get("version") or 0,
                                  authors=authors, **_fields(form.cleaned_data))

    try:
        if _save(form, authors, save):
            messages.success(request, _("Saved."))
            return htmx.redirect(request, manuscript_url(manuscript))
    except StaleError as exc:
        stale = exc.current or manuscript
        # The member's text stays in the form, now based on the current version: saving
        # again is a deliberate choice made with the newer text in view.
        data = request.POST.copy()
        data["version"] = stale.version
        form = forms.ManuscriptForm(data, topics=topics)
        form.is_valid()
        form.add_error(None, str(exc.message))
    return _render_form(request, form=form, manuscript=manuscript, authors=authors or _authors_as_posted(request),
                        stale=stale, status=409 if stale else 400)


@require_POST
@member_required
def manuscript_submit_for_review(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_submit_for_review)
    form = forms.VersionForm(request.POST)

    def perform(data):
        reviewing.manuscript_submit_for_review(member=member, manuscript=manuscript, version=data["version"])

    return run_form(request, form=form, perform=perform, manuscript=manuscript, title=_("Submit for review"),
                    action_url=reverse("newsroom:submit_for_review", args=[pk]),
                    success=_("Submitted for review."), buttons=[("", "", _("Submit for review"), "primary")])


@require_POST
@member_required
def attachment_add(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_attach_file)
    form = forms.AttachmentForm(request.POST, request.FILES)

    def perform(data):
        writing.attachment_add(member=member, manuscript=manuscript, uploaded=data["file"],
                               caption=data.get("caption") or "")

    return run_form(request, form=form, perform=perform, manuscript=manuscript, title=_("Add a file"),
                    action_url=reverse("newsroom:attachment_add", args=[pk]), success=_("The file is attached."),
                    buttons=[("", "", _("Upload"), "primary")], multipart=True)


@require_POST
@member_required
def attachment_remove(request, pk, attachment_pk):
    member = request.member
    manuscript = get_manuscript(request, pk, access.can_attach_file)
    attachment = get_child(Attachment.objects.filter(manuscript=manuscript), pk=attachment_pk)
    writing.attachment_remove(member=member, attachment=attachment)
    messages.success(request, _("The file %(name)s was removed.") % {"name": attachment.original_name})
    return htmx.redirect(request, manuscript_url(manuscript))
