"""Scheme services: who may change the rules, validation, optimistic lock, history, rescoring."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from tribune.assessment.models import LedgerState, SchemeChange, ScoringScheme
from tribune.assessment.scoring import scheme_format
from tribune.assessment.scoring.schemes import SchemeInvalid, scheme_create, scheme_import, scheme_update
from tribune.org.errors import ServiceError, StaleError
from tribune.org.models import AuditEntry

from .db_helpers import SCHEME_TEXT

pytestmark = pytest.mark.django_db


def test_the_coordinator_creates_a_scheme_from_the_default_rules(world):
    scheme = scheme_create(member=world.coordinator, congress=world.congress, year=2026)
    assert scheme.name == "藁城区人大常委会2026年度宣传工作考核细则"
    assert scheme.document["publication"]["points"]["provincial"]["newspaper"] == 15
    assert scheme.changes.get().source == "create"
    assert AuditEntry.objects.filter(action="scheme.create").exists()
    assert LedgerState.objects.filter(scheme=scheme, congress=world.congress).exists()


def test_a_new_year_starts_from_a_copy_of_the_previous_year(world):
    scheme_create(member=world.admin, congress=world.congress, year=2025, text=SCHEME_TEXT)
    scheme = scheme_create(member=world.admin, congress=world.congress, year=2026)
    assert scheme.document["publication"] == scheme_format.parse(SCHEME_TEXT)["publication"]


@pytest.mark.parametrize("who", ["writer", "office_head", "leader", "director", "auditor", "outsider"])
def test_others_may_not_create_or_change_a_scheme(world, who):
    with pytest.raises(PermissionDenied):
        scheme_create(member=getattr(world, who), congress=world.congress, year=2026)
    scheme = scheme_create(member=world.coordinator, congress=world.congress, year=2026)
    with pytest.raises(PermissionDenied):
        scheme_update(member=getattr(world, who), scheme=scheme, expected_version=1, text=SCHEME_TEXT)


def test_the_city_coordinator_may_not_change_a_districts_scheme(world):
    scheme = scheme_create(member=world.coordinator, congress=world.congress, year=2026)
    with pytest.raises(PermissionDenied):
        scheme_update(member=world.city_coordinator, scheme=scheme, expected_version=1, text=SCHEME_TEXT)


def test_a_second_scheme_for_the_same_year_is_refused(world):
    scheme_create(member=world.coordinator, congress=world.congress, year=2026)
    with pytest.raises(ServiceError) as caught:
        scheme_create(member=world.coordinator, congress=world.congress, year=2026)
    assert caught.value.field == "year"


def test_an_absurd_year_is_refused(world):
    with pytest.raises(ServiceError):
        scheme_create(member=world.coordinator, congress=world.congress, year=1850)


def test_an_edit_records_who_when_and_what_changed(world):
    scheme = scheme_create(member=world.coordinator, congress=world.congress, year=2026, text=SCHEME_TEXT)
    scheme_update(member=world.admin, scheme=scheme, expected_version=1,
                  text=SCHEME_TEXT.replace("submission: {points: 1}", "submission: {points: 2}"))
    scheme.refresh_from_db()
    change = scheme.changes.order_by("-version").first()
    assert (scheme.version, change.version, change.changed_by, change.source) == (2, 2, world.admin, "edit")
    assert change.summary == "Changed: submissions" or "报送" in change.summary
    assert change.document["submission"]["points"] == 2
    assert scheme.updated_by == world.admin
    assert LedgerState.objects.get(scheme=scheme).scheme_version == 2


def test_a_stale_edit_changes_nothing(world):
    scheme = scheme_create(member=world.coordinator, congress=world.congress, year=2026, text=SCHEME_TEXT)
    scheme_update(member=world.coordinator, scheme=scheme, expected_version=1, text=SCHEME_TEXT, summary="一")
    with pytest.raises(StaleError):
        scheme_update(member=world.admin, scheme=ScoringScheme.objects.get(pk=scheme.pk), expected_version=1,
                      text=SCHEME_TEXT.replace("points: 1}", "points: 9}"))
    scheme.refresh_from_db()
    assert scheme.version == 2 and scheme.document["submission"]["points"] == 1
    assert SchemeChange.objects.filter(scheme=scheme).count() == 2


def test_invalid_rules_change_nothing_and_list_every_problem(world):
    scheme = scheme_create(member=world.coordinator, congress=world.congress, year=2026, text=SCHEME_TEXT)
    with pytest.raises(SchemeInvalid) as caught:
        scheme_update(member=world.coordinator, scheme=scheme, expected_version=1,
                      text="name: x\ncaps: {per_manuscript: -1}\nfoo: 1")
    assert len(caught.value.errors) == 2
    scheme.refresh_from_db()
    assert scheme.version == 1 and scheme.changes.count() == 1


def test_import_creates_then_replaces(world):
    scheme = scheme_import(member=world.coordinator, congress=world.congress, year=2026, text=SCHEME_TEXT)
    assert scheme.changes.get().source == "import"
    scheme = scheme_import(member=world.coordinator, congress=world.congress, year=2026,
                           text=SCHEME_TEXT.replace("测试考核细则", "新细则"))
    assert (scheme.version, scheme.name) == (2, "新细则")


def test_the_command_exports_and_imports_the_same_rules(world, tmp_path):
    scheme_create(member=world.coordinator, congress=world.congress, year=2026)
    path = tmp_path / "scheme.yaml"
    call_command("scheme", "export", "--congress", world.congress.code, "--year", "2026", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    assert scheme_format.parse(text) == ScoringScheme.objects.get().document
    call_command("scheme", "import", "--congress", world.congress.code, "--year", "2027", str(path))
    assert ScoringScheme.objects.get(year=2027).document["publication"] == scheme_format.parse(text)["publication"]


def test_the_command_refuses_a_bad_file_and_says_why(world, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\nreprint: {galactic: 3}\n", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("scheme", "import", "--congress", world.congress.code, "--year", "2026", str(path))
    assert "reprint" in str(caught.value) and "galactic" in str(caught.value)
    assert not ScoringScheme.objects.exists()


def test_the_command_names_an_unknown_congress(world):
    with pytest.raises(CommandError):
        call_command("scheme", "export", "--congress", "nowhere", "--year", "2026")
