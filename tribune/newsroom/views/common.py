"""What every newsroom view shares: fetching a manuscript for the member (404 for another
congress, 403 for a visible one the rule refuses) and running a form through a service."""

import re

from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tribune.kit import htmx
from tribune.kit.forms import add_service_error
from tribune.newsroom.models import Manuscript
from tribune.org import access
from tribune.org.errors import ServiceError, StaleError

GET_POST = require_http_methods(["GET", "POST"])


def get_manuscript(request, pk: int, rule=access.can_view_manuscript) -> Manuscript:
    """The manuscript `pk` for the member: another congress's is a 404; one the member may see
    but `rule` refuses is a 403."""
    manuscript = access.get_object_for_member(
        Manuscript.objects.select_related("congress", "office", "office__leader", "topic", "created_by"),
        request.member, pk, access.can_view_manuscript, _("You may not see this manuscript."),
    )
    if rule is not access.can_view_manuscript:
        access.require(rule(request.member, manuscript), _("You may not do this with this manuscript."))
    return manuscript


def get_child(queryset, **lookup):
    """A row belonging to an already fetched manuscript (a bad id is a 404)."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404
    return obj


def manuscript_url(manuscript) -> str:
    return reverse("newsroom:manuscript", args=[manuscript.pk])


def prepare(form, action_url: str, buttons=None, multipart: bool = False):
    """Attach what the form partial needs to render a form: where it posts, its buttons
    (name, value, label, css class), and whether it carries files."""
    form.action_url = action_url
    form.buttons = buttons or [("", "", _("Save"), "primary")]
    form.multipart = multipart
    # A field a button sets (the review decision) is not rendered as an input as well.
    form.button_names = [name for name, _value, _label, _css in form.buttons if name]
    return form


def run_form(request, *, form, perform, manuscript, title, action_url, success, buttons=None, intro="",
             multipart=False):
    """The common shape of an action: on a valid POST call `perform(cleaned_data)` (a service
    call); on success say so and go back to the manuscript; a stale version goes back too,
    with the message, so the member sees what changed; any other refusal re-renders the form
    with the message beside the field. htmx requests get the form partial only."""
    if request.method == "POST" and form.is_valid():
        try:
            perform(form.cleaned_data)
        except StaleError as exc:
            messages.error(request, str(exc.message))
            return htmx.redirect(request, manuscript_url(manuscript))
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, success)
            return htmx.redirect(request, manuscript_url(manuscript))
    prepare(form, action_url, buttons, multipart)
    # Element ids unique per action, so several forms loaded into one page do not clash.
    form.auto_id = "id_" + re.sub(r"\W+", "_", action_url.strip("/")) + "_%s"
    context = {"form": form, "manuscript": manuscript, "title": title, "intro": intro}
    status = 400 if request.method == "POST" and not htmx.is_htmx(request) else 200
    return htmx.render_page_or_partial(request, "newsroom/action.html", "newsroom/partials/action_form.html",
                                       context, status=status)
