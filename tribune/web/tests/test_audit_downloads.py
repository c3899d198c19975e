"""The audit log records every file sent — exports and downloads of every app — with who and
what (等保 2.0), and not a photo merely shown inside a page."""

import pytest
from django.test import Client
from django.urls import reverse

from tribune.org.models import AuditEntry
from tribune.web.tests.site import build_site, fill_kwargs, routes


def test_an_export_is_recorded_with_who_and_what(world):
    site = build_site(world)
    client = Client()
    client.force_login(world.writer.user)
    url = reverse("newsroom:export", args=[site["published"].pk])
    assert client.get(url).status_code == 200
    entry = AuditEntry.objects.filter(action="file.download").get()
    assert entry.username == "t-writer" and entry.congress_id == world.congress.pk
    assert entry.detail["path"] == url and "attachment" in entry.detail["disposition"]


def test_a_photo_embedded_in_a_page_is_not_a_download_but_opening_it_is(world):
    site = build_site(world)
    attachment = site["published"].attachments.get()
    client = Client()
    client.force_login(world.writer.user)
    url = reverse("newsroom:attachment", args=[site["published"].pk, attachment.pk]) + "?inline=1"
    assert client.get(url, HTTP_SEC_FETCH_DEST="image").status_code == 200
    assert not AuditEntry.objects.filter(action="file.download").exists()
    assert client.get(url, HTTP_SEC_FETCH_DEST="document").status_code == 200
    assert AuditEntry.objects.filter(action="file.download").count() == 1


@pytest.mark.parametrize("name", ["planning:pack_docx", "deputies:export", "deputies:typical_export",
                                  "planning:material"])
def test_other_exports_and_downloads_are_recorded(world, name):
    build_site(world)
    route = next(r for r in routes() if r.name == name)
    kwargs, _reason = fill_kwargs(route, world.congress)
    client = Client()
    client.force_login(world.coordinator.user)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action="file.download", username="t-coordinator").count() == 1
