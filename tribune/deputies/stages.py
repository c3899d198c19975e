"""The stage of a deputy story, derived from facts (pure: no Django).

lead → interviewed (an interview recorded) → drafted (a linked manuscript exists) → published
(a linked manuscript has a live publication). The furthest fact wins: a story whose manuscript
was written straight from a lead is 'drafted' without an interview.
"""

from dataclasses import dataclass


class Stage:
    LEAD = "lead"
    INTERVIEWED = "interviewed"
    DRAFTED = "drafted"
    PUBLISHED = "published"
    ORDER = (LEAD, INTERVIEWED, DRAFTED, PUBLISHED)


@dataclass(frozen=True)
class StoryFacts:
    interviews: int
    manuscripts: int
    live_publications: int


def derive_stage(facts: StoryFacts) -> str:
    if facts.live_publications > 0:
        return Stage.PUBLISHED
    if facts.manuscripts > 0:
        return Stage.DRAFTED
    if facts.interviews > 0:
        return Stage.INTERVIEWED
    return Stage.LEAD
