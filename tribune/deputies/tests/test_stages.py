import pytest
from hypothesis import given
from hypothesis import strategies as st

from tribune.deputies.stages import Stage, StoryFacts, derive_stage


@pytest.mark.parametrize("facts, stage", [
    (StoryFacts(0, 0, 0), Stage.LEAD),
    (StoryFacts(1, 0, 0), Stage.INTERVIEWED),
    (StoryFacts(0, 1, 0), Stage.DRAFTED),
    (StoryFacts(2, 1, 0), Stage.DRAFTED),
    (StoryFacts(0, 1, 1), Stage.PUBLISHED),
])
def test_the_furthest_fact_decides_the_stage(facts, stage):
    assert derive_stage(facts) == stage


@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5))
def test_adding_a_fact_never_moves_a_story_back(interviews, manuscripts, publications):
    before = derive_stage(StoryFacts(interviews, manuscripts, publications))
    for more in (StoryFacts(interviews + 1, manuscripts, publications),
                 StoryFacts(interviews, manuscripts + 1, publications),
                 StoryFacts(interviews, manuscripts, publications + 1)):
        assert Stage.ORDER.index(derive_stage(more)) >= Stage.ORDER.index(before)
