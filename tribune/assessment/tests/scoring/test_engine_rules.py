"""The engine, one rule kind at a time, with points computed by hand."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from tribune.assessment.scoring import engine as e

from .engine_helpers import LI, OFFICE, ZHANG, D, facts, ms, points_of, pub, scheme, sub, total

PROV = {"provincial": {"default": D(12), "newspaper": D(15)}, "city": {"default": D(6)},
        "county": {"default": D(2)}, "national": {"default": D(30)}}


# --- Submissions -----------------------------------------------------------------------------

def test_each_submission_scores_its_points_for_author_and_office():
    entries = e.score(facts(manuscripts=[ms()], submissions=[sub(1), sub(2, name="石家庄日报", level="city")]),
                      scheme(submission_points=D(1)))
    assert total(entries, e.MEMBER, 1) == 2
    assert total(entries, e.OFFICE, 1) == 2
    assert {x.submission_id for x in entries} == {1, 2}


def test_submission_points_outside_the_year_are_not_scored():
    entries = e.score(facts(manuscripts=[ms()], submissions=[sub(1, on=date(2025, 12, 31))]),
                      scheme(submission_points=D(1)))
    assert entries == []


def test_the_monthly_cap_per_person_takes_back_the_excess_with_a_cap_entry():
    subs = [sub(i, ms_id=i, on=date(2026, 3, i)) for i in range(1, 5)] + [sub(9, ms_id=9, on=date(2026, 4, 1))]
    manuscripts = [ms(i) for i in (1, 2, 3, 4, 9)]
    entries = e.score(facts(manuscripts=manuscripts, submissions=subs),
                      scheme(submission_points=D(1), submission_monthly_cap=D("2.5")))
    caps = [x for x in entries if x.rule == "cap_submission_month"]
    assert [(x.period.day, x.points) for x in caps] == [(3, D("-0.5")), (4, D(-1))]
    assert caps[0].explanation.startswith("3月个人报送得分上限 2.5 分")
    assert total(entries, e.MEMBER, 1) == D("3.5")  # 2.5 in March, 1 in April
    assert total(entries, e.OFFICE, 1) == 5  # person caps do not reduce the office


# --- Publications ----------------------------------------------------------------------------

def test_publication_points_come_from_level_and_kind_with_default():
    entries = e.score(facts(manuscripts=[ms(1), ms(2)], publications=[pub(1), pub(2, ms_id=2, kind="wechat")]),
                      scheme(publication_points=PROV))
    assert points_of(entries, "publication") == [D(15), D(12)]


def test_a_level_missing_from_the_table_scores_nothing():
    entries = e.score(facts(manuscripts=[ms()], publications=[pub(1, level="national")]),
                      scheme(publication_points={"city": {"default": D(6)}}))
    assert points_of(entries, "publication") == [D(0)]
    assert "不计分" in entries[0].explanation


def test_the_highest_length_tier_reached_applies():
    tiers = (e.LengthTier(1000, bonus=D(2)), e.LengthTier(2000, multiplier=D("1.5")))
    entries = e.score(facts(manuscripts=[ms(1, length=999), ms(2, length=1500), ms(3, length=2400)],
                            publications=[pub(1), pub(2, ms_id=2), pub(3, ms_id=3)]),
                      scheme(publication_points=PROV, length_tiers=tiers))
    assert points_of(entries, "publication") == [D(15), D(17), D("22.5")]


def test_a_combined_report_scores_less_than_a_stand_alone_piece():
    entries = e.score(facts(manuscripts=[ms(1), ms(2)], publications=[pub(1), pub(2, ms_id=2, combined=True)]),
                      scheme(publication_points=PROV, combined=e.Adjust(multiplier=D("0.3"))))
    assert points_of(entries, "publication") == [D(15), D("4.5")]
    assert "综合用稿 ×0.3" in entries[-1].explanation


def test_placement_multiplies_or_adds():
    placement = {"front_page": e.Adjust(multiplier=D("1.5")), "headline": e.Adjust(bonus=D(3)),
                 "front_headline": e.Adjust(multiplier=D(2), bonus=D(1))}
    pubs = [pub(1), pub(2, ms_id=2, placement="front_page"), pub(3, ms_id=3, placement="headline"),
            pub(4, ms_id=4, placement="front_headline")]
    entries = e.score(facts(manuscripts=[ms(i) for i in range(1, 5)], publications=pubs),
                      scheme(publication_points=PROV, placement=placement))
    assert points_of(entries, "publication") == [D(15), D("22.5"), D(18), D(31)]


def test_points_are_rounded_half_up_to_the_cent():
    entries = e.score(facts(manuscripts=[ms()], publications=[pub(1, combined=True)]),
                      scheme(publication_points={"provincial": {"default": D("0.05")}},
                             combined=e.Adjust(multiplier=D("0.5"))))
    assert points_of(entries, "publication") == [D("0.03")]


def test_highest_mode_scores_a_manuscript_once_at_its_best_publication():
    pubs = [pub(1, level="county", on=date(2026, 3, 1)), pub(2, level="provincial", on=date(2026, 5, 1)),
            pub(3, level="city", on=date(2026, 6, 1))]
    entries = e.score(facts(manuscripts=[ms()], publications=pubs), scheme(publication_points=PROV))
    assert points_of(entries, "publication") == [D(2), D(13), D(0)]
    assert total(entries, e.OFFICE, 1) == 15
    assert "不再加分" in next(x for x in entries if x.publication_id == 3).explanation


def test_every_mode_scores_each_publication():
    pubs = [pub(1, level="county"), pub(2, level="provincial"), pub(3, level="city")]
    entries = e.score(facts(manuscripts=[ms()], publications=pubs),
                      scheme(publication_points=PROV, publication_levels="every"))
    assert total(entries, e.OFFICE, 1) == 2 + 15 + 6


# --- Reads and shares ------------------------------------------------------------------------

READS = e.MetricRule(tiers=((10000, D(5)),), every=1000, every_points=D(1), max=D(8))


def test_reads_tiers_take_the_latest_snapshot_in_the_year():
    snaps = [e.Metric(1, 1, date(2026, 3, 10), reads=50000), e.Metric(2, 1, date(2026, 4, 1), reads=12500),
             e.Metric(3, 1, date(2027, 1, 2), reads=90000)]
    entries = e.score(facts(manuscripts=[ms()], publications=[pub(1)], metrics=snaps), scheme(reads=READS))
    (line,) = [x for x in entries if x.subject_kind == e.OFFICE]
    assert (line.points, line.period, line.fact_id) == (D(7), date(2026, 4, 1), 2)
    assert "阅读 12,500" in line.explanation


def test_reads_points_stop_at_the_maximum_and_below_the_first_tier_there_are_none():
    snaps = [e.Metric(1, 1, date(2026, 3, 10), reads=30000), e.Metric(2, 2, date(2026, 3, 10), reads=9999)]
    entries = e.score(facts(manuscripts=[ms(1), ms(2)], publications=[pub(1), pub(2, ms_id=2)], metrics=snaps),
                      scheme(reads=READS))
    assert points_of(entries, "metrics") == [D(8)]


def test_shares_use_the_highest_tier_reached():
    shares = e.MetricRule(tiers=((500, D(2)), (2000, D(5))))
    snaps = [e.Metric(1, 1, date(2026, 3, 10), shares=2100)]
    entries = e.score(facts(manuscripts=[ms()], publications=[pub(1)], metrics=snaps), scheme(shares=shares))
    assert points_of(entries, "metrics") == [D(5)]


# --- Bonuses -----------------------------------------------------------------------------------

def test_a_reprint_earns_the_bonus_of_the_reprinting_level():
    reprints = [e.Reprint(1, 1, "人民网", "national", date(2026, 3, 9)),
                e.Reprint(2, 1, "某县网站", "county", date(2026, 3, 9))]
    entries = e.score(facts(manuscripts=[ms()], publications=[pub(1)], reprints=reprints),
                      scheme(reprint_points={"national": D(10), "provincial": D(5)}))
    assert points_of(entries, "reprint") == [D(10)]
    assert "被人民网（中央级）转载" in entries[-1].explanation


def test_a_joint_report_earns_its_bonus():
    entries = e.score(facts(manuscripts=[ms()], joint_reports=[e.JointReport(1, 1, "河北日报", date(2026, 2, 1))]),
                      scheme(joint_report_points=D(5)))
    assert points_of(entries, "joint_report") == [D(5)]


def test_each_leadership_instruction_earns_the_bonus_of_its_level():
    ins = [e.Instruction(1, 1, "省人大常委会副主任", "provincial", date(2026, 4, 1)),
           e.Instruction(2, 1, "市委书记", "city", date(2026, 4, 2))]
    entries = e.score(facts(manuscripts=[ms()], instructions=ins),
                      scheme(instruction_points={"provincial": D(10), "city": D(5)}))
    assert points_of(entries, "instruction") == [D(10), D(5)]


# --- Deductions -------------------------------------------------------------------------------

def test_a_withdrawal_reverses_the_points_and_an_error_costs_a_separate_deduction():
    withdrawn = pub(1, on=date(2026, 3, 5), withdrawn_on=date(2026, 4, 2), withdrawn_for_error=True)
    snaps = [e.Metric(1, 1, date(2026, 3, 10), reads=50000)]
    entries = e.score(facts(manuscripts=[ms()], publications=[withdrawn], metrics=snaps),
                      scheme(publication_points=PROV, withdrawn_error=D(10), reads=READS))
    office = [(x.rule, x.points, x.period.month) for x in entries if x.subject_kind == e.OFFICE]
    assert office == [("publication", D(15), 3), ("withdrawal_reversal", D(-15), 4),
                      ("deduction_withdrawn", D(-10), 4)]


def test_a_withdrawal_not_for_error_only_reverses():
    withdrawn = pub(1, withdrawn_on=date(2026, 4, 2))
    entries = e.score(facts(manuscripts=[ms()], publications=[withdrawn]),
                      scheme(publication_points=PROV, withdrawn_error=D(10)))
    assert total(entries, e.OFFICE, 1) == 0
    assert not points_of(entries, "deduction_withdrawn")


def test_withdrawing_the_best_publication_falls_back_to_the_next_in_highest_mode():
    pubs = [pub(1, level="county", on=date(2026, 3, 1)),
            pub(2, on=date(2026, 3, 2), withdrawn_on=date(2026, 3, 9)), pub(3, level="city", on=date(2026, 3, 20))]
    entries = e.score(facts(manuscripts=[ms()], publications=pubs), scheme(publication_points=PROV))
    assert [x.points for x in entries if x.subject_kind == e.OFFICE] == [D(2), D(13), D(-13), D(4)]
    assert total(entries, e.OFFICE, 1) == 6


def test_an_office_short_of_its_monthly_minimum_loses_points_per_missing_item():
    office = e.Office(1, "法工委", 3)
    subs = [sub(1, ms_id=1, on=date(2026, 1, 5)), sub(2, ms_id=1, on=date(2026, 2, 5)),
            sub(3, ms_id=2, on=date(2026, 2, 6))]
    f = facts(manuscripts=[ms(1), ms(2)], submissions=subs, offices=[office])
    f = e.Facts(**{**f.__dict__, "as_of": date(2026, 3, 31)})
    entries = e.score(f, scheme(minimum_per_missing=D("1.5")))
    # January: 1 of 3; February: 1 new manuscript (the second submission of #1 is not new); March is not over.
    assert [(x.period, x.points) for x in entries] == [(date(2026, 1, 31), D("-3")), (date(2026, 2, 28), D("-3"))]
    assert entries[0].explanation == "法工委1月报送 1 篇，少于月度任务 3 篇，缺 2 篇，每篇 -1.5，-3 分"


def test_the_schemes_minimum_overrides_the_offices_own():
    f = e.Facts(year=2026, as_of=date(2026, 2, 1), offices=(OFFICE,))
    entries = e.score(f, scheme(minimum_per_missing=D(1), minimum_override=2))
    assert [x.points for x in entries] == [D(-2)]


def test_a_commissioned_piece_not_delivered_by_its_due_date_costs_the_office():
    commissions = [e.Commission(1, 1, "约稿甲", date(2026, 3, 1)),
                   e.Commission(2, 1, "约稿乙", date(2026, 3, 1), delivered_on=date(2026, 2, 27)),
                   e.Commission(3, 1, "约稿丙", date(2026, 3, 1), delivered_on=date(2026, 3, 4)),
                   e.Commission(4, 1, "约稿丁", date(2026, 12, 31))]
    entries = e.score(facts(commissions=commissions), scheme(commission_missed=D(5)))
    assert [(x.commission_id, x.points) for x in entries] == [(1, D(-5)), (3, D(-5))]
    assert "逾期交稿" in entries[1].explanation and "未交稿" in entries[0].explanation


def test_a_ledger_holds_until_a_month_ends_or_a_due_date_passes():
    commissions = (e.Commission(1, 1, "约稿甲", date(2026, 3, 10)), e.Commission(2, 1, "约稿乙", date(2026, 2, 1)),
                   e.Commission(3, 1, "去年约稿", date(2025, 3, 5)))
    f = e.Facts(year=2026, as_of=date(2026, 3, 4), offices=(OFFICE,), commissions=commissions)
    assert e.valid_until(f) == date(2026, 3, 11)  # 约稿甲 is missed from the 11th
    assert e.valid_until(replace(f, as_of=date(2026, 3, 10))) == date(2026, 3, 11)  # due today: not yet missed
    assert e.valid_until(replace(f, as_of=date(2026, 3, 11))) == date(2026, 4, 1)  # March's minimum from 1 April
    assert e.valid_until(replace(f, as_of=date(2026, 12, 5))) == date(2027, 1, 1)


@settings(max_examples=60, deadline=None)
@given(as_of=st.dates(date(2026, 1, 1), date(2026, 12, 31)), later=st.integers(0, 40),
       due=st.lists(st.dates(date(2026, 1, 1), date(2026, 12, 31)), max_size=4),
       delivered=st.lists(st.booleans(), min_size=4, max_size=4))
def test_scoring_on_any_day_before_valid_until_gives_the_same_ledger(as_of, later, due, delivered):
    office = e.Office(1, "法工委", 2)
    subs = [sub(1, ms_id=1, on=date(2026, 2, 5)), sub(2, ms_id=2, on=date(2026, 6, 7))]
    commissions = tuple(e.Commission(i, 1, f"约稿{i}", day, delivered_on=day if delivered[i] else None)
                        for i, day in enumerate(due))
    f = e.Facts(year=2026, as_of=as_of, offices=(office,), manuscripts=(ms(1), ms(2)), submissions=tuple(subs),
                commissions=commissions)
    rules = scheme(minimum_per_missing=D(1), commission_missed=D(5), submission_points=D(1))
    until = e.valid_until(f)
    assert until > as_of
    day = min(as_of + timedelta(days=later), until - timedelta(days=1))
    assert e.score(replace(f, as_of=day), rules) == e.score(f, rules)


# --- Credit -----------------------------------------------------------------------------------

def test_credit_follows_the_manuscripts_shares():
    entries = e.score(facts(manuscripts=[ms(authors=(ZHANG, LI))], publications=[pub(1)]),
                      scheme(publication_points=PROV))
    assert (total(entries, e.MEMBER, 1), total(entries, e.MEMBER, 2)) == (D(9), D(6))


def test_equal_split_gives_the_odd_cent_to_the_first_author():
    third = e.Author(3, "王五", 3)
    entries = e.score(facts(manuscripts=[ms(authors=(ZHANG, LI, third))], publications=[pub(1)]),
                      scheme(publication_points={"provincial": {"default": D(10)}}, credit_split="equal"))
    assert [total(entries, e.MEMBER, i) for i in (1, 2, 3)] == [D("3.34"), D("3.33"), D("3.33")]


def test_ratios_split_the_first_n_and_leave_later_authors_out():
    third = e.Author(3, "王五", 3)
    entries = e.score(facts(manuscripts=[ms(authors=(ZHANG, LI, third))], publications=[pub(1)]),
                      scheme(publication_points=PROV, credit_split="ratios", credit_ratios=(D(3), D(2))))
    assert e.totals(entries, e.MEMBER) == {1: D(9), 2: D(6)}


def test_cents_go_one_at_a_time_to_the_highest_weight_per_cent_already_given():
    # 1:2 of 1.00: quotas 33.3 and 66.7 cents; 0.05 of 3:2 is exact; one cent of three equal
    # authors goes to the first in the byline.
    assert e.apportion(100, (D(1), D(2))) == (33, 67)
    assert e.apportion(5, (D(3), D(2))) == (3, 2)
    assert e.apportion(1, (D(1), D(1), D(1))) == (1, 0, 0)
    assert e.apportion(2, (D(1), D(1), D(1))) == (1, 1, 0)


def test_a_larger_amount_never_gives_an_author_fewer_cents():
    # Rounding down and giving the leftover cents in byline order would give the second author
    # 1 cent of 0.07 and none of 0.08 with weights 5:1:4; one cent at a time cannot.
    weights = (D(5), D(1), D(4))
    parts = [e.apportion(n, weights) for n in range(0, 400)]
    assert all(sum(p) == n for n, p in enumerate(parts))
    assert all(a <= b for earlier, later in pairwise(parts)
               for a, b in zip(earlier, later, strict=True))


def test_in_highest_mode_the_publication_points_are_split_as_one_account():
    # 1:2 of a county 5 then a provincial 12 (adds 7): split alone, 5 → 1.67 and 7 → 2.33 give
    # the first author 4.00 of the 12; as one account she has 1.67 then 4.00 − 1.67 = 2.33.
    first, second = e.Author(1, "张三", 1, D(1)), e.Author(2, "李四", 2, D(2))
    pubs = [pub(1, level="county", on=date(2026, 3, 5)), pub(2, on=date(2026, 5, 5))]
    entries = e.score(facts(manuscripts=[ms(authors=(first, second))], publications=pubs),
                      scheme(publication_points={"county": {"default": D(5)}, "provincial": {"default": D(12)}}))
    assert [(x.member_id, x.points) for x in entries if x.subject_kind == e.MEMBER] == [
        (1, D("1.67")), (2, D("3.33")), (1, D("2.33")), (2, D("4.67"))]


def test_the_office_receives_the_whole_item_as_its_own_entry():
    entries = e.score(facts(manuscripts=[ms(authors=(ZHANG, LI))], publications=[pub(1)]),
                      scheme(publication_points=PROV))
    office = [x for x in entries if x.subject_kind == e.OFFICE]
    assert [(x.office_id, x.points) for x in office] == [(1, D(15))]
    assert office[0].explanation.endswith("计入法工委，+15 分")


def test_without_office_credit_only_the_authors_score():
    entries = e.score(facts(manuscripts=[ms()], publications=[pub(1)]),
                      scheme(publication_points=PROV, office_receives=False))
    assert [x.subject_kind for x in entries] == [e.MEMBER]


# --- Caps -------------------------------------------------------------------------------------

def test_the_manuscript_cap_takes_the_excess_with_an_explicit_entry_split_like_the_rest():
    reprints = [e.Reprint(1, 1, "人民网", "national", date(2026, 3, 9))]
    entries = e.score(facts(manuscripts=[ms(authors=(ZHANG, LI))], publications=[pub(1)], reprints=reprints),
                      scheme(publication_points=PROV, reprint_points={"national": D(10)}, cap_per_manuscript=D(20)))
    assert [(x.rule, x.points) for x in entries if x.subject_kind == e.OFFICE] == [
        ("publication", D(15)), ("reprint", D(10)), ("cap_manuscript", D(-5))]
    assert total(entries, e.MEMBER, 1) == 12 and total(entries, e.MEMBER, 2) == 8
    assert "单篇得分上限 20 分：超出 5 分不计" in entries[-1].explanation


def test_the_quarter_cap_per_person_counts_gains_only_and_restarts_each_quarter():
    pubs = [pub(i, ms_id=i, on=date(2026, 3, i)) for i in (1, 2, 3)] + [pub(4, ms_id=4, on=date(2026, 4, 1))]
    f = facts(manuscripts=[ms(i) for i in (1, 2, 3, 4)], publications=pubs,
              commissions=[e.Commission(1, 1, "约稿", date(2026, 3, 2))])
    entries = e.score(f, scheme(publication_points=PROV, cap_per_person_quarter=D(40), commission_missed=D(5)))
    caps = [(x.period, x.points) for x in entries if x.rule == "cap_person_quarter"]
    assert caps == [(date(2026, 3, 3), D(-5))]
    assert total(entries, e.MEMBER, 1) == 40 + 15
    assert total(entries, e.OFFICE, 1) == 60 - 5


def test_a_reversal_under_the_cap_restores_what_the_cap_held_back():
    pubs = [pub(1, ms_id=1, on=date(2026, 3, 1), withdrawn_on=date(2026, 3, 20)), pub(2, ms_id=2, on=date(2026, 3, 2)),
            pub(3, ms_id=3, on=date(2026, 3, 3))]
    entries = e.score(facts(manuscripts=[ms(1), ms(2), ms(3)], publications=pubs),
                      scheme(publication_points=PROV, cap_per_person_quarter=D(40)))
    caps = [x.points for x in entries if x.rule == "cap_person_quarter"]
    assert caps == [D(-5), D(5)]
    assert total(entries, e.MEMBER, 1) == 30


# --- Determinism ------------------------------------------------------------------------------

def test_the_same_facts_and_scheme_give_the_same_ledger():
    f = facts(manuscripts=[ms(authors=(ZHANG, LI))], publications=[pub(1)], submissions=[sub(1)])
    s = scheme(publication_points=PROV, submission_points=D(1))
    assert e.score(f, s) == e.score(f, s)
    assert [x.seq for x in e.score(f, s)] == list(range(1, 6 + 1))


def test_an_empty_year_gives_an_empty_ledger():
    assert e.score(facts(), scheme()) == []


def test_format_of_points_drops_trailing_zeros():
    assert [e.fmt(D(x)) for x in ("12.00", "7.50", "-0.5", "0")] == ["12", "7.5", "-0.5", "0"]
    assert e.signed(Decimal("-3")) == "-3 分"
