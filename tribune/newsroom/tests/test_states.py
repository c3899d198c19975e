from hypothesis import given
from hypothesis import strategies as st

from tribune.newsroom.states import Facts, RequestFacts, State, derive_state


def facts(request=None, submissions=0, live=0, withdrawn=0):
    return Facts(latest_request=request, submissions=submissions, live_publications=live,
                 withdrawn_publications=withdrawn)


def test_without_a_request_a_manuscript_is_a_draft():
    assert derive_state(facts()) == (State.DRAFT, None)


def test_the_step_due_is_the_number_of_approvals():
    assert derive_state(facts(RequestFacts(steps=3, approvals=1, returned=False))) == (State.IN_REVIEW, 1)


def test_a_return_wins_over_approvals_of_the_same_request():
    assert derive_state(facts(RequestFacts(steps=2, approvals=1, returned=True)))[0] == State.RETURNED


def test_all_steps_approved_is_approved():
    assert derive_state(facts(RequestFacts(steps=2, approvals=2, returned=False)))[0] == State.APPROVED


def test_outlet_facts_outrank_review_facts():
    approved = RequestFacts(steps=1, approvals=1, returned=False)
    assert derive_state(facts(approved, submissions=2))[0] == State.SUBMITTED
    assert derive_state(facts(approved, submissions=2, live=1, withdrawn=1))[0] == State.PUBLISHED
    assert derive_state(facts(approved, submissions=2, withdrawn=1))[0] == State.WITHDRAWN


@given(st.integers(1, 4), st.integers(0, 4), st.booleans())
def test_a_step_is_due_only_in_review(steps, approvals, returned):
    state, step = derive_state(facts(RequestFacts(steps=steps, approvals=min(approvals, steps), returned=returned)))
    assert (step is not None) == (state == State.IN_REVIEW)
    if step is not None:
        assert 0 <= step < steps
