"""The coverage computation on a hand-built set of deputies (no database)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tribune.deputies import coverage
from tribune.deputies.coverage import DeputyFacts

TODAY = dt.date(2026, 11, 27)
TERM = dt.date(2021, 10, 1)

# 张: featured this year; 王: featured last year only (in this term); 李: never featured but
# active lately; 赵: never featured, no activity; 刘: featured 100 days ago; 陈: city and county.
ZHANG = DeputyFacts(1, "张", "廉州镇代表小组", "medicine", ("county",), TERM, (dt.date(2026, 3, 1),),
                    (dt.date(2026, 2, 20),))
WANG = DeputyFacts(2, "王", "廉州镇代表小组", "construction", ("county",), TERM, (dt.date(2025, 6, 1),),
                   (dt.date(2025, 5, 1), dt.date(2026, 10, 1)))
LI = DeputyFacts(3, "李", "兴安镇代表小组", "agriculture", ("county",), TERM, (),
                 (dt.date(2026, 11, 1), dt.date(2026, 10, 20)))
ZHAO = DeputyFacts(4, "赵", "兴安镇代表小组", "education", ("county",), TERM, (), ())
LIU = DeputyFacts(5, "刘", "贾市庄镇代表小组", "enterprise", ("county",), TERM, (TODAY - dt.timedelta(days=100),),
                  (TODAY - dt.timedelta(days=10),))
CHEN = DeputyFacts(6, "陈", "贾市庄镇代表小组", "community", ("county", "city"), dt.date(2022, 1, 1), (), ())
ALL = [ZHANG, WANG, LI, ZHAO, LIU, CHEN]


def test_this_year_the_gaps_are_those_without_a_publication_since_january():
    assert [d.name for d in coverage.gaps(ALL, coverage.YEAR, TODAY)] == ["李", "赵", "陈", "王"]


def test_this_term_a_publication_last_year_still_counts():
    assert [d.name for d in coverage.gaps(ALL, coverage.TERM, TODAY)] == ["李", "赵", "陈"]


def test_a_publication_before_the_term_began_does_not_count_for_the_term():
    old = DeputyFacts(7, "孙", "组", "other", ("county",), dt.date(2022, 1, 1), (dt.date(2021, 6, 1),), ())
    assert not coverage.is_featured(old, coverage.TERM, TODAY)


def test_the_breakdown_by_group_puts_the_worst_covered_first():
    rows = coverage.breakdown(ALL, coverage.YEAR, TODAY, "group")
    assert [(r.key, r.total, r.featured, r.unfeatured) for r in rows] == [
        ("兴安镇代表小组", 2, 0, 2), ("廉州镇代表小组", 2, 1, 1), ("贾市庄镇代表小组", 2, 1, 1)]
    assert rows[1].rate == 50


def test_a_deputy_sitting_at_two_levels_counts_in_each():
    rows = {r.key: r for r in coverage.breakdown(ALL, coverage.YEAR, TODAY, "level")}
    assert (rows["county"].total, rows["city"].total, rows["city"].featured) == (6, 1, 0)


def test_the_breakdown_by_sector_has_one_row_per_sector():
    rows = coverage.breakdown(ALL, coverage.YEAR, TODAY, "sector")
    assert sorted(r.key for r in rows) == sorted(d.sector for d in ALL)


def test_suggestions_skip_deputies_featured_lately_and_favour_recent_activity():
    suggestions = coverage.suggest(ALL, TODAY)
    names = [s.deputy.name for s in suggestions]
    assert "刘" not in names  # featured within six months
    assert names == ["李", "赵", "陈", "王", "张"]  # 李: never featured and two stories lately
    li = suggestions[0]
    assert (li.days_unfeatured, li.recent_stories) == (None, 2)
    wang = next(s for s in suggestions if s.deputy.name == "王")
    assert wang.days_unfeatured == (TODAY - dt.date(2025, 6, 1)).days


def test_suggestions_are_limited():
    assert len(coverage.suggest(ALL, TODAY, limit=2)) == 2


facts = st.builds(
    DeputyFacts, id=st.integers(1, 10_000), name=st.text(min_size=1, max_size=3), group=st.sampled_from("ABC"),
    sector=st.sampled_from(["medicine", "education"]), levels=st.just(("county",)),
    term_start=st.dates(dt.date(2018, 1, 1), TODAY),
    featured_on=st.lists(st.dates(dt.date(2018, 1, 1), TODAY), max_size=3).map(tuple),
    story_dates=st.lists(st.dates(dt.date(2018, 1, 1), TODAY), max_size=3).map(tuple),
)


@given(st.lists(facts, max_size=12), st.sampled_from(coverage.PERIODS))
def test_the_breakdown_adds_up_to_the_gaps(deputies, period):
    rows = coverage.breakdown(deputies, period, TODAY, "group")
    assert sum(r.total for r in rows) == len(deputies)
    assert sum(r.unfeatured for r in rows) == len(coverage.gaps(deputies, period, TODAY))
