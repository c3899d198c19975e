"""The problem indicators on a hand-built set whose answers are worked out by hand."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tribune.planning import indicators as ind

D = dt.date
PERIOD = ind.Period(D(2026, 10, 31), D(2026, 11, 20))  # (31 Oct, 20 Nov]
LAW, FIN = 1, 2

FACTS = ind.Facts(
    topics=[
        ind.TopicFact(LAW, D(2026, 11, 1), True),
        ind.TopicFact(LAW, D(2026, 11, 5), False),
        ind.TopicFact(LAW, D(2026, 11, 20), True),   # the last day counts
        ind.TopicFact(LAW, D(2026, 10, 31), True),   # the first day belongs to the previous period
        ind.TopicFact(FIN, D(2026, 11, 10), False),
    ],
    manuscripts=[
        # law: review lags 1, 3, 8 -> median 3; publication lags 4, 10 -> median 7
        ind.ManuscriptFact(LAW, D(2026, 11, 1), D(2026, 11, 2), D(2026, 11, 5)),
        ind.ManuscriptFact(LAW, D(2026, 11, 2), D(2026, 11, 5), D(2026, 11, 12)),
        ind.ManuscriptFact(LAW, D(2026, 11, 4), D(2026, 11, 12), None),
        ind.ManuscriptFact(LAW, None, D(2026, 11, 12), None),  # no event date: not in the medians
        # finance: reviewed before the period, published in it: review lag not counted, publication lag 20
        ind.ManuscriptFact(FIN, D(2026, 10, 20), D(2026, 10, 25), D(2026, 11, 9)),
    ],
    reviews=[
        ind.ReviewFact(LAW, D(2026, 11, 2), False),
        ind.ReviewFact(LAW, D(2026, 11, 5), True),
        ind.ReviewFact(LAW, D(2026, 11, 12), False),
        ind.ReviewFact(LAW, D(2026, 11, 12), False),
        ind.ReviewFact(FIN, D(2026, 10, 25), True),  # before the period
    ],
    submissions=[
        ind.SubmissionFact(LAW, D(2026, 11, 3), True),
        ind.SubmissionFact(LAW, D(2026, 11, 6), False),
        ind.SubmissionFact(FIN, D(2026, 11, 1), True),
        ind.SubmissionFact(FIN, D(2026, 11, 2), True),
        ind.SubmissionFact(FIN, D(2026, 11, 3), True),
        ind.SubmissionFact(FIN, D(2026, 11, 4), False),
    ],
)


def test_topics_proposed_and_taken_up_per_office():
    result = ind.compute(FACTS, PERIOD, [LAW, FIN])
    assert (result[LAW].topics_proposed, result[LAW].topics_taken_up) == (3, 2)
    assert (result[FIN].topics_proposed, result[FIN].topics_taken_up) == (1, 0)
    assert (result[None].topics_proposed, result[None].topics_taken_up) == (4, 2)


def test_median_days_from_the_event_to_review_and_to_publication():
    result = ind.compute(FACTS, PERIOD, [LAW, FIN])
    assert result[LAW].days_to_review == 3
    assert result[LAW].days_to_publication == 7
    assert result[FIN].days_to_review is None
    assert result[FIN].days_to_publication == 20
    # all: review lags 1, 3, 8 -> 3; publication lags 4, 10, 20 -> 10
    assert result[None].days_to_review == 3
    assert result[None].days_to_publication == 10


def test_share_returned_at_review_and_share_of_submissions_published():
    result = ind.compute(FACTS, PERIOD, [LAW, FIN])
    assert (result[LAW].returned, result[LAW].reviews) == (1, 4)
    assert result[LAW].return_rate == 0.25
    assert result[FIN].return_rate is None
    assert result[LAW].adoption_rate == 0.5
    assert result[FIN].adoption_rate == 0.75
    assert result[None].adoption_rate == 4 / 6


def test_an_office_with_nothing_has_zeros_and_no_rates():
    result = ind.compute(FACTS, PERIOD, [LAW, FIN, 99])
    assert result[99] == ind.Indicators()
    assert result[99].return_rate is None and result[99].adoption_rate is None


def test_trends_know_which_direction_is_better():
    assert ind.trend("days_to_review", 3, 5) == ind.Trend("down", True)
    assert ind.trend("return_rate", 0.5, 0.25) == ind.Trend("up", False)
    assert ind.trend("adoption_rate", 0.75, 0.5) == ind.Trend("up", True)
    assert ind.trend("topics_taken_up", 2, 2) == ind.Trend("same", None)
    assert ind.trend("days_to_publication", None, 4) == ind.Trend("", None)


def test_the_even_median_is_the_mean_of_the_middle_two():
    facts = ind.Facts(manuscripts=[ind.ManuscriptFact(LAW, D(2026, 11, 1), D(2026, 11, 1 + n), None)
                                   for n in (1, 2, 4, 9)])
    assert ind.compute(facts, PERIOD, [LAW])[LAW].days_to_review == 3


@given(st.lists(st.tuples(st.integers(0, 40), st.booleans()), max_size=30))
def test_consecutive_periods_count_each_submission_once(entries):
    start = D(2026, 10, 1)
    facts = ind.Facts(submissions=[ind.SubmissionFact(LAW, start + dt.timedelta(days=d), p) for d, p in entries])
    a = ind.compute(facts, ind.Period(start - dt.timedelta(days=1), start + dt.timedelta(days=20)), [LAW])[LAW]
    b = ind.compute(facts, ind.Period(start + dt.timedelta(days=20), start + dt.timedelta(days=40)), [LAW])[LAW]
    assert a.submissions + b.submissions == len(entries)
    assert a.published + b.published == sum(1 for _d, p in entries if p)
