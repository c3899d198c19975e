"""The deputies' pages: what they show, how many queries they take, and their refusals."""

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
