"""The scheme pages: the permission matrix, editing with validation, stale forms, import/export, history."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tribune.assessment.models import ScoringScheme
from tribune.assessment.scoring.schemes import scheme_create, scheme_update
from tribune.org.testing import PASSWORD

from .db_helpers import SCHEME_TEXT

pytestmark = pytest.mark.django_db
YEAR = 2026


@pytest.fixture
def scheme(world):
    return scheme_create(member=world.coordinator, congress=world.congress, year=YEAR, text=SCHEME_TEXT)


def login(client, member):
    assert client.login(username=member.user.username, password=PASSWORD)
    return client


PAGES = {
    "overview": ("GET", lambda: reverse("assessment:scheme")),
    "detail": ("GET", lambda: reverse("assessment:scheme_year", args=[YEAR])),
    "history": ("GET", lambda: reverse("assessment:scheme_history", args=[YEAR])),
    "version": ("GET", lambda: reverse("assessment:scheme_version", args=[YEAR, 1])),
    "export": ("GET", lambda: reverse("assessment:scheme_export", args=[YEAR])),
    "edit": ("GET", lambda: reverse("assessment:scheme_edit", args=[YEAR])),
    "save": ("POST", lambda: reverse("assessment:scheme_edit", args=[YEAR])),
    "import": ("POST", lambda: reverse("assessment:scheme_import", args=[YEAR])),
    "create": ("POST", lambda: reverse("assessment:scheme_create")),
}
VIEW = {"overview": 200, "detail": 200, "history": 200, "version": 200, "export": 200}
EDIT = {"edit": 200, "save": 302, "import": 302, "create": 302}
READER = {**VIEW, "edit": 403, "save": 403, "import": 403, "create": 403}
EDITOR = {**VIEW, **EDIT}
NOBODY = dict.fromkeys(PAGES, 403)
# The outsider's own congress has no scheme: its pages for the year are 404 (and it can never
# name ours); it may start its own congress's scheme (it is that congress's coordinator).
OUTSIDER = {"overview": 200, "detail": 404, "history": 404, "version": 404, "export": 404, "edit": 404,
            "save": 404, "import": 302, "create": 302}
MATRIX = {
    "writer": READER, "writer2": READER, "office_head": READER, "leader": READER, "leader2": READER,
    "director": READER, "coordinator": EDITOR, "admin": EDITOR, "auditor": NOBODY, "outsider": OUTSIDER,
}
CELLS = [(role, page, expected) for role, row in MATRIX.items() for page, expected in row.items()]


@pytest.mark.parametrize("role, page, expected", CELLS, ids=[f"{r}-{p}" for r, p, _e in CELLS])
def test_permission_matrix(client, world, scheme, role, page, expected):
    login(client, getattr(world, role))
    method, url = PAGES[page]
    data = {
        "save": {"text": SCHEME_TEXT, "version": scheme.version, "summary": "调整"},
        "import": {"file": SimpleUploadedFile("s.yaml", SCHEME_TEXT.encode())},
        "create": {"year": YEAR + 1},
    }.get(page, {})
    response = client.get(url()) if method == "GET" else client.post(url(), data)
    assert response.status_code == expected


def test_every_scheme_url_is_in_the_matrix():
    from tribune.assessment import urls

    names = {p.name for p in urls.urlpatterns if p.name and p.name.startswith("scheme")}
    covered = {"scheme", "scheme_create", "scheme_year", "scheme_edit", "scheme_import", "scheme_export",
               "scheme_history", "scheme_version"}
    assert names == covered and set(PAGES) >= {"overview", "create", "detail", "edit", "import", "export",
                                                        "history", "version"}


def test_the_outsider_cannot_read_our_scheme_by_naming_our_congress(client, world, scheme):
    login(client, world.outsider)
    url = reverse("assessment:scheme_year", args=[YEAR]) + f"?congress={world.congress.code}"
    assert client.get(url).status_code == 404


def test_the_city_coordinator_does_not_read_a_districts_scheme(client, world, scheme):
    login(client, world.city_coordinator)
    query = f"?congress={world.congress.code}"
    for name in ("scheme", "scheme_year", "scheme_history"):
        args = [] if name == "scheme" else [YEAR]
        assert client.get(reverse(f"assessment:{name}", args=args) + query).status_code == 404, name
    assert client.get(reverse("assessment:scheme_version", args=[YEAR, 1]) + query).status_code == 404


def test_the_scheme_page_shows_the_rules_in_words_with_one_h1(client, world, scheme):
    login(client, world.writer)
    html = client.get(reverse("assessment:scheme_year", args=[YEAR])).content.decode()
    assert html.count("<h1") == 1
    assert "测试考核细则" in html and "头版" in html
    assert not re.search(r"(src|href)=\"https?://", html)


def test_saving_bad_rules_shows_every_problem_and_keeps_the_text(client, world, scheme):
    login(client, world.coordinator)
    bad = SCHEME_TEXT + "caps: {per_manuscript: -5}\n"
    response = client.post(reverse("assessment:scheme_edit", args=[YEAR]),
                           {"text": bad, "version": 1, "summary": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "caps.per_manuscript" in html and "per_manuscript: -5" in html
    assert ScoringScheme.objects.get().version == 1


def test_a_stale_form_is_refused_and_shows_the_scheme_as_it_is_now(client, world, scheme):
    scheme_update(member=world.admin, scheme=scheme, expected_version=1,
                  text=SCHEME_TEXT.replace("测试考核细则", "管理员改过的细则"))
    login(client, world.coordinator)
    response = client.post(reverse("assessment:scheme_edit", args=[YEAR]),
                           {"text": SCHEME_TEXT, "version": 1, "summary": ""})
    html = response.content.decode()
    assert response.status_code == 200 and "管理员改过的细则" in html
    assert ScoringScheme.objects.get().name == "管理员改过的细则"


def test_a_good_edit_saves_and_appears_in_the_history(client, world, scheme):
    login(client, world.coordinator)
    response = client.post(reverse("assessment:scheme_edit", args=[YEAR]),
                           {"text": SCHEME_TEXT.replace("points: 1}", "points: 2}"), "version": 1,
                            "summary": "报送分调为 2 分"})
    assert response.status_code == 302
    html = client.get(reverse("assessment:scheme_history", args=[YEAR])).content.decode()
    assert "报送分调为 2 分" in html and world.coordinator.name in html


def test_the_export_is_the_yaml_file(client, world, scheme):
    login(client, world.writer)
    response = client.get(reverse("assessment:scheme_export", args=[YEAR]))
    assert response["Content-Disposition"].endswith(f'scheme-{world.congress.code}-{YEAR}.yaml"')
    assert "测试考核细则" in response.content.decode()


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe\x00bad", "UTF-8"),
    (b"name: x\nfoo: 1\n", "foo"),
])
def test_a_bad_upload_is_refused_with_a_message(client, world, scheme, content, message):
    login(client, world.coordinator)
    response = client.post(reverse("assessment:scheme_import", args=[YEAR]),
                           {"file": SimpleUploadedFile("s.yaml", content)}, follow=True)
    assert message in response.content.decode()
    assert ScoringScheme.objects.get().version == 1


def test_an_import_without_a_file_is_refused(client, world, scheme):
    login(client, world.coordinator)
    response = client.post(reverse("assessment:scheme_import", args=[YEAR]), {}, follow=True)
    assert response.status_code == 200 and ScoringScheme.objects.get().version == 1


def test_wrong_methods_and_unknown_versions_do_not_fail(client, world, scheme):
    login(client, world.coordinator)
    assert client.get(reverse("assessment:scheme_import", args=[YEAR])).status_code == 405
    assert client.get(reverse("assessment:scheme_version", args=[YEAR, 99])).status_code == 404
    assert client.post(reverse("assessment:scheme_create"), {"year": "abc"}).status_code == 302
    assert client.post(reverse("assessment:scheme_edit", args=[YEAR]), {"text": SCHEME_TEXT, "version": "x"}
                       ).status_code == 200


def test_the_pages_take_a_bounded_number_of_queries(client, world, scheme, django_assert_max_num_queries):
    login(client, world.coordinator)
    for i in range(30):
        scheme_update(member=world.coordinator, scheme=ScoringScheme.objects.get(), expected_version=i + 1,
                      text=SCHEME_TEXT, summary=f"第 {i} 次")
    for name, args in (("scheme", []), ("scheme_year", [YEAR]), ("scheme_history", [YEAR])):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(f"assessment:{name}", args=args)).status_code == 200
