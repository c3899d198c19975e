"""The metrics import pages: upload → preview → confirm, the refusals, no 500 on a bad file."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tribune.assessment.tests.reports.test_services_metrics_import import csv_file
from tribune.assessment.tests.reports_helpers import publish
from tribune.newsroom.models import MetricSnapshot


def login(client, member):
    client.force_login(member.user)
    return client


@pytest.fixture
def pubs(world):
    day = timezone.localdate() - dt.timedelta(days=5)
    return [publish(world, "人大代表进社区", on=day, outlet="藁城区融媒体中心"),
            publish(world, "人大代表进社区", on=day, outlet="石家庄日报"),
            publish(world, "区人大常委会开展执法检查", on=day)]


def upload(client, rows):
    return client.post(reverse("assessment:metrics_import"), {"file": csv_file(rows)})


def test_the_coordinator_uploads_previews_picks_and_confirms(client, world, pubs, django_assert_max_num_queries):
    login(client, world.coordinator)
    day = pubs[0].published_on.isoformat()
    response = upload(client, [["标题", "发布时间", "阅读数"], ["人大代表进社区", day, 10],
                               ["区人大常委会开展执法检查", day, 20], ["无关", day, 1]])
    assert response.status_code == 303
    preview_url = response["Location"]
    with django_assert_max_num_queries(12):
        page = client.get(preview_url)
    html = page.content.decode()
    assert page.status_code == 200 and html.count("<h1>") == 1
    assert 'id="n-matched">1<' in html and 'id="n-ambiguous">1<' in html and 'id="n-unmatched">1<' in html
    assert not MetricSnapshot.objects.exists()
    response = client.post(preview_url, {"pick-2": str(pubs[1].pk)})
    assert response.status_code == 303
    assert sorted(MetricSnapshot.objects.values_list("publication_id", "reads")) == sorted(
        [(pubs[1].pk, 10), (pubs[2].pk, 20)])
    assert client.get(preview_url).status_code == 302, "a confirmed import cannot be confirmed twice"


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage", "标题,阅读数\n甲,abc\n".encode()])
def test_a_bad_file_is_shown_back_with_its_message_not_a_500(client, world, content):
    login(client, world.coordinator)
    response = client.post(reverse("assessment:metrics_import"), {"file": SimpleUploadedFile("x.csv", content)})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()


def test_an_unknown_token_sends_back_to_the_upload(client, world):
    login(client, world.coordinator)
    response = client.get(reverse("assessment:metrics_preview", args=["nope"]))
    assert response.status_code == 302 and response["Location"] == reverse("assessment:metrics_import")


@pytest.mark.parametrize("who, status", [("coordinator", 200), ("writer", 403), ("director", 403),
                                         ("auditor", 403), ("admin", 403), ("outsider", 200)])
def test_the_upload_page_is_for_coordinators(client, world, who, status):
    login(client, getattr(world, who))
    assert client.get(reverse("assessment:metrics_import")).status_code == status
