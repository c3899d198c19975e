"""Recomputing the ledger from the database: right rows, idempotent, bounded queries, kept
current by the background jobs (run at once in tests) and the worker's sweep."""

import datetime as dt
import gc
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from tribune.assessment.models import LedgerState, ScoreEntry
from tribune.assessment.scoring import selectors
from tribune.assessment.scoring.fingerprint import fingerprint
from tribune.assessment.scoring.ledger import _cyclic_gc_paused, score_children, score_recompute
from tribune.assessment.scoring.loading import load_facts
from tribune.assessment.scoring.schemes import scheme_create
from tribune.newsroom.models import Instruction, Manuscript

from .db_helpers import SCHEME_TEXT, manuscript, outlet, publish, snapshot, submit

pytestmark = pytest.mark.django_db
YEAR = 2026
TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def scheme(world):
    return scheme_create(member=world.coordinator, congress=world.congress, year=YEAR, text=SCHEME_TEXT)


def _published(world, n=1, reads=12000):
    prov = outlet(world.congress)
    pubs = []
    for i in range(n):
        authors = [(world.writer, Decimal(60)), (world.office_head, Decimal(40))]
        ms = manuscript(world, title=f"稿件{i}", authors=authors)
        sub = submit(ms, prov, dt.date(YEAR, 3, 1 + i % 27), world.coordinator)
        pub = publish(sub, dt.date(YEAR, 3, 2 + i % 27), world.coordinator, placement="front_page")
        snapshot(pub, dt.date(YEAR, 3, 28), reads)
        pubs.append(pub)
    return pubs


def test_recompute_writes_the_engines_entries_for_person_and_office(world, scheme):
    (pub,) = _published(world)
    score_recompute(congress=world.congress, year=YEAR, today=TODAY)
    office = ScoreEntry.objects.filter(subject_kind="office", office=world.office)
    assert sorted((e.rule, e.points) for e in office) == [
        ("metrics", Decimal(5)), ("publication", Decimal("22.5")), ("submission", Decimal(1))]
    writer = ScoreEntry.objects.filter(subject_kind="member", member=world.writer)
    assert sum(e.points for e in writer) == Decimal("17.1")
    line = office.get(rule="publication")
    assert (line.publication_id, line.manuscript_id, line.period) == (pub.pk, pub.submission.manuscript_id,
                                                                      dt.date(YEAR, 3, 2))
    assert line.explanation.startswith("《稿件0》在河北日报（省级）刊发，头版")


def test_recompute_is_idempotent(world, scheme):
    _published(world, 3)
    score_recompute(congress=world.congress, year=YEAR, today=TODAY)
    first = list(ScoreEntry.objects.order_by("seq").values_list("rule", "points", "member_id", "office_id", "seq"))
    result = score_recompute(congress=world.congress, year=YEAR, today=TODAY)
    again = list(ScoreEntry.objects.order_by("seq").values_list("rule", "points", "member_id", "office_id", "seq"))
    assert first == again and result.removed == result.written == len(first)


def test_a_dry_run_changes_nothing(world, scheme):
    _published(world)
    ScoreEntry.objects.all().delete()  # as if the background recompute had not run yet
    result = score_recompute(congress=world.congress, year=YEAR, dry_run=True)
    assert result.entries and ScoreEntry.objects.count() == 0


def test_loading_facts_takes_the_same_queries_for_few_or_many_manuscripts(world, scheme, django_assert_max_num_queries):
    _published(world, 1)
    with django_assert_max_num_queries(10):
        load_facts(world.congress, YEAR)
    _published(world, 30)
    with django_assert_max_num_queries(10):
        facts = load_facts(world.congress, YEAR)
    assert len(facts.manuscripts) == 31 and len(facts.metrics) == 31


def test_the_facts_hold_the_manuscripts_with_a_fact_in_the_year_and_no_others(world, scheme):
    prov = outlet(world.congress)
    submitted = manuscript(world, title="今年报送")
    submit(submitted, prov, dt.date(YEAR, 2, 1), world.coordinator)
    late = manuscript(world, title="去年报送今年刊发")
    publish(submit(late, prov, dt.date(YEAR - 1, 12, 30), world.coordinator), dt.date(YEAR, 1, 3), world.coordinator)
    instructed = manuscript(world, title="去年报送今年获批示")
    submit(instructed, prov, dt.date(YEAR - 1, 11, 1), world.coordinator)
    Instruction.objects.create(manuscript=instructed, leader_name="主任", level="provincial",
                               given_on=dt.date(YEAR, 4, 1), recorded_by=world.coordinator)
    last_year = manuscript(world, title="去年的稿件")
    submit(last_year, prov, dt.date(YEAR - 1, 5, 1), world.coordinator)
    manuscript(world, title="未报送")
    elsewhere = Manuscript.objects.create(congress=world.other_congress, office=world.outsider.office, title="外区",
                                          created_by=world.outsider)
    submit(elsewhere, outlet(world.other_congress), dt.date(YEAR, 2, 1), world.outsider)

    facts = load_facts(world.congress, YEAR)
    assert sorted(m.title for m in facts.manuscripts) == ["今年报送", "去年报送今年刊发", "去年报送今年获批示"]
    by_title = {m.title: m for m in facts.manuscripts}
    assert [a.member_id for a in by_title["今年报送"].authors] == [world.writer.pk]
    # The submission of last year is a fact only because its publication falls in this year.
    assert sorted(s.manuscript_id for s in facts.submissions) == sorted([submitted.pk, late.pk])


def test_recompute_pauses_the_cycle_collector_and_restores_it(world, scheme):
    _published(world)
    score_recompute(congress=world.congress, year=YEAR, today=TODAY)
    assert gc.isenabled()
    gc.disable()
    try:
        score_recompute(congress=world.congress, year=YEAR, today=TODAY)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
    with pytest.raises(ZeroDivisionError), _cyclic_gc_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_fact_change_recomputes_the_ledger_through_its_job(world, scheme):
    _published(world)
    total = selectors.office_totals(world.congress, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    assert total == {world.office.pk: Decimal("28.5")}
    _published(world)  # a second publication lands: the fingerprint moves
    total = selectors.office_totals(world.congress, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    assert total == {world.office.pk: Decimal(57)}


def test_reading_the_ledger_computes_nothing_and_writes_nothing(world, scheme, django_assert_max_num_queries):
    _published(world, 5)
    LedgerState.objects.all().delete()
    ScoreEntry.objects.all().delete()
    with django_assert_max_num_queries(1):
        assert selectors.office_totals(world.congress, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)) == {}
    assert not LedgerState.objects.exists()


def test_the_fingerprint_moves_on_a_withdrawal(world, scheme):
    (pub,) = _published(world)
    before = fingerprint(world.congress)
    from tribune.newsroom.services.publishing import publication_withdraw

    publication_withdraw(member=world.coordinator, publication=pub, version=pub.version, reason="失实",
                         factual_error=True)
    assert fingerprint(world.congress) != before
    assert LedgerState.objects.count() == 1


def test_the_ledger_reads_only_its_own_congress(world, scheme):
    _published(world)
    other = selectors.ledger_for(world.other_congress, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    assert list(other) == []


def test_the_city_ranks_its_children_by_its_own_scheme(world):
    city_text = SCHEME_TEXT.replace("测试考核细则", "市级考核细则").replace("county: {default: 2}", "")
    scheme_create(member=world.city_coordinator, congress=world.city, year=YEAR, text=city_text)
    _published(world, 2)
    ranking = score_children(world.city, YEAR)
    assert [(c.congress.code, c.points, c.rank) for c in ranking] == [
        ("t-gaocheng", Decimal(57), 1), ("t-luancheng", Decimal(0), 2)]
    assert ranking[0].entries.filter(subject_kind="office").count() == 6
    assert all(e.scheme.congress_id == world.city.pk for e in ranking[0].entries)


def test_the_command_recomputes_and_reports(world, scheme, capsys):
    _published(world)
    call_command("score", "recompute", "--congress", world.congress.code, "--year", str(YEAR))
    assert "写入" in capsys.readouterr().out or ScoreEntry.objects.exists()
    assert ScoreEntry.objects.filter(subject_kind="office").count() == 3


def test_a_saved_fact_moves_the_marker_so_the_next_read_looks_again(world, scheme):
    from tribune.assessment.models import FactsMarker

    _published(world)
    before = FactsMarker.objects.get(congress=world.congress).version
    _published(world)
    assert FactsMarker.objects.get(congress=world.congress).version > before


def test_a_change_without_signals_is_seen_by_the_sweeps_periodic_full_check(world, scheme):
    from tribune.assessment import jobs
    from tribune.newsroom.models import Publication

    (pub,) = _published(world)
    year = (dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    assert selectors.office_totals(world.congress, *year) == {world.office.pk: Decimal("28.5")}
    Publication.objects.filter(pk=pub.pk).update(placement="", version=pub.version + 1)  # no signal
    assert jobs.sweep_ledgers() == 0  # verified lately: trusted
    assert selectors.office_totals(world.congress, *year) == {world.office.pk: Decimal("28.5")}
    LedgerState.objects.update(verified_at=timezone.now() - jobs.FULL_CHECK_EVERY)
    assert jobs.sweep_ledgers() == 1
    assert selectors.office_totals(world.congress, *year) == {world.office.pk: Decimal(21)}


def test_a_ledger_holds_within_its_month_and_the_sweep_recomputes_it_when_the_month_ends(world, scheme,
                                                                                         monkeypatch):
    from tribune.assessment import jobs

    today = [dt.date(YEAR, 11, 3)]
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today[0])
    _published(world)
    state = LedgerState.objects.get()
    assert state.valid_until == dt.date(YEAR, 12, 1)
    today[0] = dt.date(YEAR, 11, 30)
    assert jobs.sweep_ledgers() == 0
    assert LedgerState.objects.get().computed_at == state.computed_at  # same month: not recomputed
    today[0] = dt.date(YEAR, 12, 1)  # November's monthly minimum now counts
    assert jobs.stale_ledgers() == [(world.congress.pk, scheme.pk)]
    assert jobs.sweep_ledgers() == 1
    again = LedgerState.objects.get()
    assert again.computed_at > state.computed_at and again.valid_until == dt.date(YEAR + 1, 1, 1)


def test_the_periodic_check_is_spread_over_sweeps_longest_unchecked_first(world, monkeypatch):
    from tribune.assessment import jobs
    from tribune.newsroom.models import Publication

    city_text = SCHEME_TEXT.replace("测试考核细则", "市级考核细则").replace("county: {default: 2}", "")
    scheme_create(member=world.city_coordinator, congress=world.city, year=YEAR, text=city_text)
    (pub,) = _published(world)
    assert [c.points for c in score_children(world.city, YEAR)] == [Decimal("28.5"), Decimal(0)]
    Publication.objects.filter(pk=pub.pk).update(placement="", version=pub.version + 1)  # no signal, no marker
    now = timezone.now()
    LedgerState.objects.filter(congress=world.congress).update(verified_at=now - dt.timedelta(minutes=20))
    LedgerState.objects.filter(congress=world.other_congress).update(verified_at=now - dt.timedelta(minutes=30))
    LedgerState.objects.exclude(congress__in=[world.congress, world.other_congress]).update(verified_at=now)
    monkeypatch.setattr(jobs, "FULL_CHECKS_PER_SWEEP", 1)

    # The first sweep checks only the longest unchecked ledger (the other district's, unchanged).
    assert jobs.sweep_ledgers() == 0
    assert [c.points for c in score_children(world.city, YEAR)] == [Decimal("28.5"), Decimal(0)]
    assert LedgerState.objects.get(congress=world.other_congress).verified_at > now - dt.timedelta(minutes=1)
    # The next checks this district's, finds the change and rescores it.
    assert jobs.sweep_ledgers() == 1
    assert [c.points for c in score_children(world.city, YEAR)] == [Decimal(21), Decimal(0)]


def test_correcting_an_outlets_level_rescores_its_publications(world, scheme):
    from tribune.outlets.services import outlet_save

    (pub,) = _published(world)
    year = (dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    assert selectors.office_totals(world.congress, *year) == {world.office.pk: Decimal("28.5")}
    paper = pub.submission.outlet
    outlet_save(member=world.coordinator, outlet=paper, name=paper.name, level="city", kind="newspaper")
    # City newspapers score 6 (×1.5 on the front page), with the submission point and the reads.
    assert selectors.office_totals(world.congress, *year) == {world.office.pk: Decimal(15)}


def test_the_command_scores_every_congress_below_under_the_schemes_owner(world, capsys):
    from tribune.org.models import Congress

    province = Congress.objects.create(name="河北省人大常委会", short_name="河北省", code="t-hebei", level="province")
    Congress.objects.filter(pk=world.city.pk).update(parent=province)
    scheme_create(member=None, congress=province, year=YEAR, text=SCHEME_TEXT, system=True)
    _published(world)
    # Saving the province's scheme queued the ledgers of every congress below under it.
    codes = set(LedgerState.objects.filter(scheme__congress=province).values_list("congress__code", flat=True))
    assert codes == {"t-hebei", world.city.code, world.congress.code, world.other_congress.code}
    LedgerState.objects.all().delete()
    ScoreEntry.objects.all().delete()
    call_command("score", "recompute", "--congress", "t-hebei", "--year", str(YEAR), "--children")
    assert set(LedgerState.objects.filter(scheme__congress=province).values_list("congress__code", flat=True)) == {
        "t-hebei", world.city.code}
    call_command("score", "recompute", "--congress", "t-hebei", "--year", str(YEAR), "--descendants")
    codes = set(LedgerState.objects.filter(scheme__congress=province).values_list("congress__code", flat=True))
    assert codes == {"t-hebei", world.city.code, world.congress.code, world.other_congress.code}
    assert ScoreEntry.objects.filter(scheme__congress=province, congress=world.congress).exists()
