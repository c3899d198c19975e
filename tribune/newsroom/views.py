from django.http import Http404


def manuscript_list(request):
    raise Http404


def manuscript_create(request):
    raise Http404


def manuscript_detail(request, pk):
    raise Http404
