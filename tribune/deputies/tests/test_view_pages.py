"""The deputies' pages: what they show, how many queries they take, and their refusals."""

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tribune.deputies import services
from tribune.deputies.models import Deputy, DeputyStory
from tribune.deputies.tests.helpers import approved_manuscript, deputy, id_number, publish, story, xlsx
from tribune.org.models import AuditEntry

PAGES = ["deputies:home", "deputies:list", "deputies:stories", "deputies:coverage", "deputies:typical"]


def populate(world, n):
    """n deputies with one story each; every third story published, every fifth a typical case."""
    deputies = [deputy(world, name=f"代表{i}", serial=i + 1, group=f"第{i % 4}代表小组") for i in range(n)]
    manuscript = approved_manuscript(world)
    for i, d in enumerate(deputies):
        st = story(world, [d], title=f"故事{i}")
        if i % 3 == 0:
            services.story_link_manuscript(member=world.writer, story=st, manuscript=manuscript)
        if i % 5 == 0:
            services.story_mark_typical(member=world.coordinator, story=st, reason="典型")
        if i == 0:
            publish(world, st, manuscript)
    return deputies


@pytest.mark.parametrize("name", PAGES)
def test_each_list_page_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries, name):
    client.force_login(world.coordinator.user)
    populate(world, 2)
    with django_assert_max_num_queries(20):
        few = client.get(reverse(name))
    populate_more = [deputy(world, name=f"多{i}", serial=40 + i) for i in range(12)]
    for d in populate_more:
        story(world, [d])
    with django_assert_max_num_queries(20):
        many = client.get(reverse(name))
    assert few.status_code == many.status_code == 200
    assert many.content.decode().count("<h1") == 1
    assert "http://" not in many.content.decode() and "https://" not in many.content.decode()


def test_detail_pages_have_one_heading_and_bounded_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.coordinator.user)
    d = populate(world, 6)[0]
    st = DeputyStory.objects.get(title="故事0")
    for url in (reverse("deputies:deputy", args=[d.pk]), reverse("deputies:story", args=[st.pk]),
                reverse("deputies:deputy_edit", args=[d.pk]), reverse("deputies:story_edit", args=[st.pk])):
        with django_assert_max_num_queries(30):
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count("<h1") == 1


def test_the_registry_shows_phones_masked_even_to_the_coordinator(client, world):
    d = deputy(world, serial=7)
    client.force_login(world.coordinator.user)
    page = client.get(reverse("deputies:list")).content.decode()
    assert "138****0007" in page and d.phone not in page
    page = client.get(reverse("deputies:deputy", args=[d.pk])).content.decode()
    assert d.id_number not in page and "reveal-button" in page


def test_a_writer_sees_no_reveal_button(client, world):
    d = deputy(world)
    client.force_login(world.writer.user)
    page = client.get(reverse("deputies:deputy", args=[d.pk])).content.decode()
    assert "reveal-button" not in page and d.masked_phone in page


def test_the_reveal_button_answers_htmx_with_the_values_and_audits(client, world):
    d = deputy(world, serial=8)
    client.force_login(world.director.user)
    response = client.post(reverse("deputies:reveal", args=[d.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert d.phone in response.content.decode() and d.id_number in response.content.decode()
    assert AuditEntry.objects.filter(action="deputy.reveal", username="t-director").count() == 1


def test_the_edit_form_of_a_deputy_is_a_reveal_and_is_audited(client, world):
    d = deputy(world)
    client.force_login(world.coordinator.user)
    client.get(reverse("deputies:deputy_edit", args=[d.pk]))
    assert AuditEntry.objects.filter(action="deputy.reveal").count() == 1


def _open(content):
    from openpyxl import load_workbook

    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_the_export_is_masked_for_a_leader_and_open_for_the_coordinator_who_is_audited(client, world):
    d = deputy(world, serial=9)
    client.force_login(world.leader.user)
    rows = _open(client.get(reverse("deputies:export")).content)
    assert rows[0][0] == "姓名" and rows[1][0] == d.name
    assert (rows[1][5], rows[1][6]) == (d.masked_phone, d.masked_id_number)
    assert AuditEntry.objects.get(action="deputy.export").detail == {"rows": 1, "revealed": False}
    client.force_login(world.coordinator.user)
    rows = _open(client.get(reverse("deputies:export")).content)
    assert (rows[1][5], rows[1][6]) == (d.phone, d.id_number)
    assert AuditEntry.objects.filter(action="deputy.export", username="t-coordinator").get().detail["revealed"]


def test_import_through_the_pages_previews_then_writes_on_confirmation(client, world):
    client.force_login(world.coordinator.user)
    data = xlsx([("王建国", "廉州镇代表小组", "医药", "院长", "13812340001", id_number(11), "区", "第十届",
                  "2021-10-01", "")])
    response = client.post(reverse("deputies:import"),
                           {"file": SimpleUploadedFile("名册.xlsx", data)})
    page = response.content.decode()
    assert response.status_code == 200 and "confirm-import" in page
    assert Deputy.objects.count() == 0
    payload = re.search(r'name="payload" value="([^"]+)"', page)[1]
    response = client.post(reverse("deputies:import_confirm"), {"payload": payload})
    assert response.status_code == 303
    assert Deputy.objects.get().name == "王建国"


def test_a_file_that_is_not_xlsx_is_refused_on_the_page(client, world):
    client.force_login(world.coordinator.user)
    response = client.post(reverse("deputies:import"),
                           {"file": SimpleUploadedFile("名册.xlsx", b"not a spreadsheet at all")})
    assert response.status_code == 200
    assert "confirm-import" not in response.content.decode()
    assert "xlsx" in response.content.decode()


def test_a_story_form_with_a_bad_date_is_shown_again_not_an_error(client, world):
    d = deputy(world)
    client.force_login(world.writer.user)
    response = client.post(reverse("deputies:story_create"), {
        "kind": "reception", "title": "t", "happened_on": "2026-13-45", "summary": "s", "deputies": [d.pk]})
    assert response.status_code == 200 and DeputyStory.objects.count() == 0


def test_a_writer_records_a_story_on_the_page(client, world):
    d = deputy(world)
    client.force_login(world.writer.user)
    response = client.post(reverse("deputies:story_create"), {
        "kind": "dispute", "title": "调解邻里纠纷", "happened_on": timezone.localdate().isoformat(),
        "summary": "代表上门调解。", "deputies": [d.pk], "source": "廉州镇人大"})
    assert response.status_code == 303
    assert DeputyStory.objects.get().deputies.get() == d


def test_a_failed_action_shows_the_story_again_with_its_error(client, world):
    st = story(world, [deputy(world)])
    client.force_login(world.coordinator.user)
    response = client.post(reverse("deputies:story_typical", args=[st.pk]), {"reason": ""})
    assert response.status_code == 400


def test_an_unknown_manuscript_number_is_a_form_error(client, world):
    st = story(world, [deputy(world)])
    client.force_login(world.writer.user)
    response = client.post(reverse("deputies:story_link", args=[st.pk]), {"manuscript": "999999"})
    assert response.status_code == 400


def test_an_older_manuscript_beyond_the_latest_hundred_is_found_by_its_title(client, world):
    from tribune.deputies import views
    from tribune.newsroom.models import Manuscript

    st = story(world, [deputy(world)])
    old = Manuscript.objects.create(congress=world.congress, office=world.office, title="去年的代表履职报道",
                                    created_by=world.writer)
    Manuscript.objects.bulk_create(Manuscript(congress=world.congress, office=world.office, title=f"近稿{i}",
                                              created_by=world.writer) for i in range(views.LINK_CHOICES))
    Manuscript.objects.create(congress=world.other_congress, office=world.outsider.office, title="外区代表履职报道",
                              created_by=world.outsider)
    client.force_login(world.writer.user)
    url = reverse("deputies:story", args=[st.pk])
    assert f'value="{old.pk}"' not in client.get(url).content.decode()  # not among the latest hundred
    found = client.get(url, {"find": " 代表履职 "}).content.decode()
    assert f'value="{old.pk}"' in found and "外区" not in found
    response = client.post(reverse("deputies:story_link", args=[st.pk]), {"manuscript": old.pk})
    assert response.status_code == 303 and st.manuscript_links.filter(manuscript=old).exists()
    nothing = client.get(url, {"find": "<b>不存在</b>"}).content.decode()
    assert "没有标题含“&lt;b&gt;不存在&lt;/b&gt;”的稿件" in nothing


def test_the_coverage_page_names_the_deputies_never_featured(client, world):
    deputies = populate(world, 3)
    client.force_login(world.coordinator.user)
    page = client.get(reverse("deputies:coverage")).content.decode()
    assert deputies[1].name in page and deputies[2].name in page
    page = client.get(reverse("deputies:coverage") + "?period=term&dimension=sector&sector=medicine").content.decode()
    assert deputies[1].name in page


def test_the_typical_cases_page_counts_provincial_publications(client, world):
    populate(world, 6)
    client.force_login(world.coordinator.user)
    page = client.get(reverse("deputies:typical")).content.decode()
    assert "故事0" in page and "故事5" in page


def test_the_coordinator_dashboard_shows_the_deputies_panel(client, world):
    populate(world, 2)
    client.force_login(world.coordinator.user)
    page = client.get(reverse("dashboard")).content.decode()
    assert reverse("deputies:coverage") in page


def test_the_typical_cases_export_has_the_same_counts_as_the_page(client, world):
    populate(world, 6)
    client.force_login(world.leader.user)
    rows = _open(client.get(reverse("deputies:typical_export")).content)
    assert rows[0][0] == "典型案例" and rows[0][3] == "省级媒体刊发"
    by_title = {row[0]: row for row in rows[1:]}
    assert set(by_title) == {"故事0", "故事5"}
    assert by_title["故事0"][3] == 1 and by_title["故事5"][3] == 0
    assert "（" in by_title["故事0"][7]


def test_the_typical_cases_page_filters_by_year_and_ignores_a_bad_year(client, world):
    populate(world, 6)
    client.force_login(world.coordinator.user)
    year = DeputyStory.objects.get(title="故事0").happened_on.year
    assert "故事0" in client.get(reverse("deputies:typical") + f"?year={year}").content.decode()
    assert client.get(reverse("deputies:typical") + "?year=abc").status_code == 200
    # A year without typical cases is not a filter: every case is shown.
    assert "故事0" in client.get(reverse("deputies:typical") + f"?year={year - 5}").content.decode()


def test_the_import_template_is_read_back_by_the_importer(client, world):
    from tribune.deputies import importing

    client.force_login(world.coordinator.user)
    content = client.get(reverse("deputies:import_template")).content
    preview = importing.preview(world.congress, content)
    assert [(r.name, r.status) for r in preview.rows] == [("张三", "new")]


@pytest.mark.parametrize("method, url, data", [
    ("get", "/deputies/registry/999999/", None),
    ("get", "/deputies/stories/999999/", None),
    ("post", "/deputies/registry/import/confirm/", {"payload": "!!!not base64!!!"}),
    ("post", "/deputies/registry/import/confirm/", {"payload": "UEsDBA=="}),
    ("post", "/deputies/registry/import/", {}),
    ("post", "/deputies/registry/new/", {"name": "甲"}),
    ("get", "/deputies/coverage/?period=forever&dimension=colour&sector=x&page=abc", None),
    ("get", "/deputies/stories/?stage=nowhere&kind=x&page=-1", None),
    ("get", "/deputies/registry/?level=moon&page=9999", None),
])
def test_bad_requests_are_answered_without_a_server_error(client, world, method, url, data):
    client.force_login(world.coordinator.user)
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    assert response.status_code in (200, 303, 400, 404)


def test_a_publication_or_reprint_of_something_not_linked_is_a_form_error(client, world):
    st = story(world, [deputy(world)])
    other = story(world, [Deputy.objects.get()], title="另一个故事")
    m = approved_manuscript(world)
    services.story_link_manuscript(member=world.writer, story=other, manuscript=m)
    publication = publish(world, other, m)
    client.force_login(world.coordinator.user)
    response = client.post(reverse("deputies:story_reprint", args=[st.pk]), {
        "publication": publication.pk, "outlet_name": "藁城发布", "level": "county",
        "reprinted_on": timezone.localdate().isoformat()})
    assert response.status_code == 400
    from tribune.outlets.models import Outlet

    response = client.post(reverse("deputies:story_publication", args=[st.pk]), {
        "manuscript": m.pk, "outlet": Outlet.objects.filter(congress=world.congress).first().pk,
        "published_on": timezone.localdate().isoformat(), "title": "t"})
    assert response.status_code == 400


def test_a_stale_story_form_saves_nothing(client, world):
    d = deputy(world)
    st = story(world, [d])
    services.story_update(member=world.writer, story=st, version=st.version, kind=st.kind, title="改过",
                          happened_on=st.happened_on, summary=st.summary, deputies=[d])
    client.force_login(world.writer.user)
    response = client.post(reverse("deputies:story_edit", args=[st.pk]), {
        "version": 1, "kind": "reception", "title": "过时的修改", "happened_on": st.happened_on.isoformat(),
        "summary": "s", "deputies": [d.pk]})
    assert response.status_code == 200
    st.refresh_from_db()
    assert st.title == "改过"


def test_the_dashboard_panel_counts_agree_with_the_full_computations(world):
    from tribune.deputies import coverage, dashboard, reach, selectors

    populate(world, 10)
    today = timezone.localdate()
    facts = selectors.coverage_facts(world.congress)
    assert dashboard.unfeatured_this_year(world.congress, today) == (
        len(facts), len(coverage.gaps(facts, coverage.YEAR, today)))
    cases = selectors.typical_cases(world.congress).values_list("pk", flat=True)
    full = reach.summarise(t["reach"] for t in selectors.case_travels(cases).values())
    assert dashboard.reach_summary(world.congress) == full
    [panel] = dashboard.panels(world.coordinator)
    assert (panel["total"], panel["unfeatured"]) == (10, 6)  # one manuscript tells stories 0, 3, 6 and 9


def test_a_deputy_page_says_when_they_were_last_featured(client, world):
    d = populate(world, 1)[0]
    other = deputy(world, name="未报道", serial=30)
    client.force_login(world.writer.user)
    published = timezone.localdate() - dt.timedelta(days=1)  # as helpers.publish dates it
    page = client.get(reverse("deputies:deputy", args=[d.pk])).content.decode()
    assert f"{published.year}年{published.month}月{published.day}日" in page
    assert "从未" in client.get(reverse("deputies:deputy", args=[other.pk])).content.decode()
