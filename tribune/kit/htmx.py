"""htmx in one place: whether a request came from htmx, and how to answer it."""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"


def render_page_or_partial(request, template: str, partial: str, context: dict, status: int = 200):
    """The partial for an htmx request, the full page otherwise."""
    return render(request, partial if is_htmx(request) else template, context, status=status)


def redirect(request, url: str):
    """After a successful POST: HX-Location for htmx (no full reload), a 303 otherwise."""
    if is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Location"] = url
        return response
    return HttpResponseRedirect(url, status=303)
