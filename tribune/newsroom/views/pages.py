"""Reading: the manuscript list, the manuscript page, the diff between versions, the Word
export and attachment downloads."""

import os
from urllib.parse import quote

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tribune.kit import htmx, params
from tribune.kit.views import member_required
from tribune.newsroom import docx_io, forms, selectors, textdiff
from tribune.newsroom.filetypes import DOCX_TYPE
from tribune.newsroom.models import Attachment, AttachmentKind
from tribune.newsroom.views.common import get_child, get_manuscript
from tribune.newsroom.views.pipeline import detail_forms
from tribune.org import access
from tribune.org.models import Office

PAGE_SIZE = 50


@require_GET
@member_required
@params.query(forms=[forms.ListFilterForm])
def manuscript_list(request):
    member = request.member
    access.require(access.can_list_manuscripts(member), _("You may not see manuscripts."))
    congress = member.congress
    form = forms.ListFilterForm(
        request.GET or None, offices=Office.objects.filter(congress=congress),
        authors=selectors.possible_authors(congress),
    )
    filters = form.filters() if request.GET else {}
    page = Paginator(selectors.filter_manuscripts(congress, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = selectors.list_page_rows(list(page.object_list))
    context = {"form": form, "page": page, "rows": rows, "filtered": bool(filters.keys() - {"sort"}),
               "can_write": access.can_create_manuscript(member)}
    return htmx.render_page_or_partial(request, "newsroom/list.html", "newsroom/partials/list_results.html", context)


@require_GET
@member_required
def manuscript_detail(request, pk):
    member = request.member
    manuscript = get_manuscript(request, pk)
    page = selectors.manuscript_page(manuscript)
    can = {
        "edit": access.can_edit_manuscript(member, manuscript),
        "submit_for_review": access.can_submit_for_review(member, manuscript),
        "review": access.can_review(member, manuscript),
        "submit_to_outlet": access.can_submit_to_outlet(member, manuscript),
        "record_publication": access.can_record_publication(member, manuscript),
        "record_instruction": access.can_record_instruction(member, manuscript),
        "attach_file": access.can_attach_file(member, manuscript),
    }
    context = {"manuscript": manuscript, "page": page, "can": can, "today": timezone.localdate(),
               **detail_forms(manuscript, can)}
    return render(request, "newsroom/manuscript.html", context)


def _revision_number(number: int | None, default: int, known: set[int]) -> int:
    return number if number in known else default


@require_GET
@member_required
@params.query(a=params.Int(min_value=0, max_value=params.MAX_INT), b=params.Int(min_value=0, max_value=params.MAX_INT))
def manuscript_diff(request, pk):
    manuscript = get_manuscript(request, pk)
    revisions = selectors.revisions(manuscript)
    by_number = {r.number: r for r in revisions}
    newest = revisions[-1].number
    older = [r.number for r in revisions if r.number < newest]
    b = _revision_number(request.query.b, newest, set(by_number))
    a_default = max([n for n in by_number if n < b], default=b)
    a = _revision_number(request.query.a, a_default, set(by_number))
    old, new = by_number[a], by_number[b]
    body = textdiff.diff_chars(old.body, new.body)
    context = {
        "manuscript": manuscript, "revisions": revisions, "old": old, "new": new, "older": older,
        "title_diff": textdiff.diff_chars(old.title, new.title), "body_diff": body,
        "added_removed": textdiff.changed_chars(body),
    }
    return render(request, "newsroom/diff.html", context)


def byline(authorships) -> str:
    return "　".join(a.member.name for a in authorships)


@require_GET
@member_required
def manuscript_export(request, pk):
    manuscript = get_manuscript(request, pk)
    authorships = list(manuscript.authorships.select_related("member"))
    credits = []
    if manuscript.editor:
        credits.append(_("Editor: %(name)s") % {"name": manuscript.editor})
    if manuscript.supervisor:
        credits.append(_("Supervising editor: %(name)s") % {"name": manuscript.supervisor})
    data = docx_io.write_docx(title=manuscript.title, body=manuscript.body, byline=byline(authorships),
                              credits=credits)
    response = HttpResponse(data, content_type=DOCX_TYPE)
    filename = f"{manuscript.title[:60]}.docx".replace('"', "")
    response["Content-Disposition"] = _content_disposition("attachment", filename)
    return response


def _content_disposition(kind: str, filename: str) -> str:
    # RFC 6266: an ASCII fallback and the UTF-8 name, so Chinese file names survive every browser.
    return f"{kind}; filename=\"manuscript{os.path.splitext(filename)[1]}\"; filename*=UTF-8''{quote(filename)}"


@require_GET
@member_required
@params.query(inline=params.Flag())
def attachment_download(request, pk, attachment_pk):
    manuscript = get_manuscript(request, pk)
    attachment = get_child(Attachment.objects.filter(manuscript=manuscript), pk=attachment_pk)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    inline = request.query.inline and attachment.kind == AttachmentKind.IMAGE
    response = FileResponse(handle, content_type=attachment.content_type)
    response["Content-Disposition"] = _content_disposition("inline" if inline else "attachment",
                                                           attachment.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response

