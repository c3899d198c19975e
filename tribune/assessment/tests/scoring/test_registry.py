"""The registry of facts: every table `load_facts` reads is declared, every declared source is
read; each source finds its congress (after a delete too); saving or deleting a fact moves the
marker; a change made without signals moves the fingerprint."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tribune.assessment.models import Commission, FactsMarker
from tribune.assessment.scoring.fingerprint import fingerprint, fingerprints
from tribune.assessment.scoring.loading import load_facts
from tribune.assessment.scoring.registry import SOURCES, Source, source_of
from tribune.newsroom.models import (
    Instruction,
    JointReport,
    Manuscript,
    ManuscriptAuthor,
    MetricSnapshot,
    Publication,
    Reprint,
)
from tribune.org.models import Congress, Member, Office
from tribune.outlets.models import Outlet

from .db_helpers import manuscript, outlet, publish, snapshot, submit

YEAR = dt.date.today().year


@pytest.fixture
def facts(world):
    """One row of every kind of fact, in the world's congress."""
    day = dt.date(YEAR, 1, 12)
    out = outlet(world.congress)
    ms = manuscript(world, title="执法检查", authors=[(world.writer, Decimal(60)), (world.coordinator, Decimal(40))])
    sub = submit(ms, out, day, world.coordinator)
    pub = publish(sub, day, world.coordinator)
    snapshot(pub, day + dt.timedelta(days=2), 12000, 300)
    Reprint.objects.create(publication=pub, outlet_name="人民网", level="national", reprinted_on=day,
                           recorded_by=world.coordinator)
    JointReport.objects.create(manuscript=ms, outlet=out, recorded_by=world.coordinator)  # recorded now
    Instruction.objects.create(manuscript=ms, leader_name="市委书记", level="city", given_on=day,
                               recorded_by=world.coordinator)
    Commission.objects.create(congress=world.congress, office=world.office, title="约稿", due_date=day)
    return {"manuscript": ms, "publication": pub}


def _tables_read(congress) -> set[str]:
    with CaptureQueriesContext(connection) as captured:
        load_facts(congress, YEAR)
    quoted = {name for query in captured.captured_queries for name in re.findall(r'"(\w+)"', query["sql"])}
    return quoted


def test_load_facts_reads_no_table_that_is_not_a_registered_source_and_every_source_is_read(world, facts):
    by_table = {model._meta.db_table: model for model in apps.get_models()}
    read = {by_table[name] for name in _tables_read(world.congress) if name in by_table}
    declared = {source.model for source in SOURCES}
    assert read - declared == set(), "load_facts reads these models: declare them in scoring/registry.py"
    assert declared - read == set(), "declared in scoring/registry.py but not read by load_facts"


def test_the_coverage_check_would_name_a_model_read_but_not_declared(world, facts):
    # The check above compares models; prove it sees a joined table (the outlet behind a
    # submission, the member behind an author) and not only the tables filtered on.
    names = _tables_read(world.congress)
    assert {Outlet._meta.db_table, Member._meta.db_table, Office._meta.db_table} <= names


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.model.__name__)
def test_every_source_leads_to_its_congress(source):
    model, field = source.model, None
    for step in source.congress.split("__"):
        field = model._meta.get_field(step)
        model = field.related_model
    assert model is Congress and not field.null


def _one_row(source, congress):
    return source.rows_of([congress.pk]).order_by("pk").first()


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.model.__name__)
def test_every_source_finds_the_congress_of_its_rows(world, facts, source):
    row = _one_row(source, world.congress)
    assert row is not None
    assert source.congress_id(row) == world.congress.pk


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.model.__name__)
def test_saving_a_fact_of_any_source_moves_the_marker(world, facts, source):
    row = _one_row(source, world.congress)
    before = FactsMarker.objects.get(congress=world.congress).version
    row.save()
    assert FactsMarker.objects.get(congress=world.congress).version > before


@pytest.mark.parametrize("model", [MetricSnapshot, Reprint, JointReport, Instruction, Commission, ManuscriptAuthor,
                                   Publication])
def test_deleting_a_fact_moves_the_marker(world, facts, model):
    row = _one_row(source_of(model), world.congress)
    before = FactsMarker.objects.get(congress=world.congress).version
    row.delete()
    assert FactsMarker.objects.get(congress=world.congress).version > before


def _congresses_seen(monkeypatch) -> list:
    """(model, congress id) of every row whose congress the signal handler looked up."""
    seen = []
    original = Source.congress_id

    def recording(source, row):
        found = original(source, row)
        seen.append((source.model, found))
        return found

    monkeypatch.setattr(Source, "congress_id", recording)
    return seen


def test_a_cascade_finds_the_congress_of_every_fact_it_deletes(world, facts, monkeypatch):
    seen = _congresses_seen(monkeypatch)
    facts["publication"].delete()  # takes its snapshots and reprints along
    assert {model for model, _cid in seen} == {Publication, MetricSnapshot, Reprint}
    assert {cid for _model, cid in seen} == {world.congress.pk}


def test_deleting_an_unsent_manuscript_finds_the_congress_of_its_authors_and_bonuses(world, facts, monkeypatch):
    ms = manuscript(world, title="未报送")
    JointReport.objects.create(manuscript=ms, outlet=outlet(world.congress), recorded_by=world.coordinator)
    Instruction.objects.create(manuscript=ms, leader_name="区委书记", level="county", given_on=dt.date(YEAR, 1, 5),
                               recorded_by=world.coordinator)
    seen = _congresses_seen(monkeypatch)
    before = FactsMarker.objects.get(congress=world.congress).version
    ms.delete()
    assert {model for model, _cid in seen} == {Manuscript, ManuscriptAuthor, JointReport, Instruction}
    assert {cid for _model, cid in seen} == {world.congress.pk}
    assert FactsMarker.objects.get(congress=world.congress).version >= before + 4


@pytest.mark.parametrize("change", [
    "manuscript_edited", "share_moved", "publication_corrected", "snapshot_added", "outlet_relevelled",
    "office_minimum", "commission_delivered", "author_added",
])
def test_a_change_made_without_signals_moves_the_fingerprint(world, facts, change):
    before = fingerprint(world.congress)
    ms, pub = facts["manuscript"], facts["publication"]
    later = timezone.now() + dt.timedelta(minutes=5)
    if change == "manuscript_edited":
        Manuscript.objects.filter(pk=ms.pk).update(title="改后", updated_at=later)
    elif change == "share_moved":
        ManuscriptAuthor.objects.filter(manuscript=ms, position=1).update(share=Decimal(70))
    elif change == "publication_corrected":
        Publication.objects.filter(pk=pub.pk).update(placement="headline", version=pub.version + 1)
    elif change == "snapshot_added":
        MetricSnapshot.objects.bulk_create([MetricSnapshot(publication=pub, taken_at=later, reads=20000)])
    elif change == "outlet_relevelled":
        Outlet.objects.filter(congress=world.congress).update(level="city", updated_at=later)
    elif change == "office_minimum":
        Office.objects.filter(pk=world.office.pk).update(minimum_monthly=3)
    elif change == "commission_delivered":
        Commission.objects.filter(congress=world.congress).update(delivered_on=dt.date(YEAR, 1, 10))
    elif change == "author_added":
        ManuscriptAuthor.objects.bulk_create([ManuscriptAuthor(manuscript=ms, member=world.director, position=3,
                                                               share=Decimal(1))])
    assert fingerprint(world.congress) != before


def test_fingerprints_of_several_congresses_take_one_query_and_keep_them_apart(world, facts,
                                                                            django_assert_num_queries):
    with django_assert_num_queries(1):
        stamps = fingerprints([world.congress.pk, world.other_congress.pk, world.city.pk])
    assert stamps[world.congress.pk] == fingerprint(world.congress)
    assert stamps[world.congress.pk] != stamps[world.other_congress.pk]
    assert fingerprints([]) == {}
