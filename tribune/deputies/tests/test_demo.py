"""The deputies' demo data: the registry, stories at every stage, typical cases that travelled,
deputies never featured (built once for the module, rolled back at the end)."""

import datetime as dt
import random
from collections import Counter

import pytest
from django.db import transaction

from tribune.deputies import coverage, reach, selectors
from tribune.deputies.models import Deputy, DeputyStory
from tribune.kit.demo import DemoContext

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The demo of the apps the deputies build on, and theirs (web's demo test builds all)."""
    from tribune.deputies import demo as deputies_demo
    from tribune.newsroom import demo as newsroom_demo
    from tribune.org import demo as org_demo
    from tribune.planning import demo as planning_demo

    with django_db_blocker.unblock(), transaction.atomic():
        ctx = DemoContext(today=TODAY, rng=random.Random(20261127))
        for builder in (org_demo, newsroom_demo, planning_demo, deputies_demo):
            builder.build(ctx)
        yield ctx
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_the_demo_registry_has_sixty_deputies_in_town_groups_and_every_sector(built):
    gaocheng = built.congresses["gaocheng"]
    deputies = Deputy.objects.filter(congress=gaocheng)
    assert deputies.count() == 60
    assert {"廉州镇代表小组", "兴安镇代表小组", "贾市庄镇代表小组"} <= set(deputies.values_list("group", flat=True))
    assert set(deputies.values_list("sector", flat=True)) == {
        "medicine", "construction", "agriculture", "education", "enterprise", "community"}
    assert deputies.filter(seats__level="city").exists()


def test_the_demo_stories_reach_every_stage(built):
    stages = Counter(selectors.stories_with_stage(DeputyStory.objects.all()).values_list("stage_code", flat=True))
    assert sum(stages.values()) == 40
    assert set(stages) == {"lead", "interviewed", "drafted", "published"}


def test_the_demo_typical_cases_travelled_as_the_committee_reports(built):
    gaocheng = built.congresses["gaocheng"]
    cases = selectors.typical_cases(gaocheng)
    titles = set(cases.values_list("title", flat=True))
    assert {"在履职路上书写医药人的担当", "专业为砖 履职为瓦：建设者代表的初心与匠心"} <= titles
    summary = reach.summarise(t["reach"] for t in selectors.case_travels(cases.values_list("pk", flat=True)).values())
    assert (summary.published_provincial, summary.reprinted_local >= 2) == (2, True)


def test_many_demo_deputies_were_never_featured(built):
    facts = selectors.coverage_facts(built.congresses["gaocheng"])
    never = [d for d in facts if not d.featured_on]
    assert 30 <= len(never) <= 55
    assert len(coverage.gaps(facts, coverage.YEAR, TODAY)) >= len(coverage.gaps(facts, coverage.TERM, TODAY))


def test_several_demo_stories_come_from_the_planning_demo_activities(built):
    gaocheng = built.congresses["gaocheng"]
    linked = DeputyStory.objects.filter(congress=gaocheng, activity__isnull=False).select_related("activity")
    assert linked.count() >= 3
    assert {s.activity.kind for s in linked} == {"inspection", "deputies"}  # a 代表活动 among them
    assert all(s.activity.congress_id == gaocheng.pk and s.happened_on >= s.activity.start_date for s in linked)
