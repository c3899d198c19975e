"""Reads shared by the deputies' pages: stories with their derived stage, the facts the coverage
and reach computations are fed, each in a fixed number of queries."""

from collections import defaultdict

from django.db.models import Case, Exists, OuterRef, Value, When

from tribune.deputies import coverage, reach
from tribune.deputies.models import Deputy, DeputySeat, DeputyStory, StoryInterview, StoryManuscript
from tribune.deputies.stages import Stage, StoryFacts, derive_stage
from tribune.newsroom.models import Publication, Reprint


def _live_publications_of(story_ref):
    return Publication.objects.filter(withdrawn_at__isnull=True,
                                      submission__manuscript__story_links__story=story_ref)


def stories_with_stage(queryset=None):
    """Stories annotated with the facts of their stage and `stage_code`, the SQL mirror of
    stages.derive_stage (tested to agree), so lists can filter and count by stage."""
    queryset = DeputyStory.objects.all() if queryset is None else queryset
    return queryset.annotate(
        has_publication=Exists(_live_publications_of(OuterRef("pk"))),
        has_manuscript=Exists(StoryManuscript.objects.filter(story=OuterRef("pk"))),
        has_interview=Exists(StoryInterview.objects.filter(story=OuterRef("pk"))),
    ).annotate(
        stage_code=Case(
            When(has_publication=True, then=Value(Stage.PUBLISHED)),
            When(has_manuscript=True, then=Value(Stage.DRAFTED)),
            When(has_interview=True, then=Value(Stage.INTERVIEWED)),
            default=Value(Stage.LEAD),
        )
    )


def story_stage(story: DeputyStory) -> str:
    """The stage of one story, from its facts (three small queries)."""
    return derive_stage(StoryFacts(
        interviews=story.interviews.count(),
        manuscripts=story.manuscript_links.count(),
        live_publications=_live_publications_of(story).count(),
    ))


# --- Coverage --------------------------------------------------------------------------------

SEAT_LEVEL_OF_CONGRESS = {"county": "county", "city": "city", "province": "province"}


def coverage_facts(congress, *, active_only: bool = True) -> list[coverage.DeputyFacts]:
    """One DeputyFacts per deputy of the congress, in four queries whatever the numbers."""
    deputies = Deputy.objects.filter(congress=congress)
    if active_only:
        deputies = deputies.filter(is_active=True)
    rows = list(deputies.values_list("pk", "name", "group", "sector"))
    ids = [pk for pk, *_rest in rows]
    levels, term_start = defaultdict(list), {}
    home_level = SEAT_LEVEL_OF_CONGRESS.get(congress.level)
    for deputy_id, level, started_on in (DeputySeat.objects.filter(deputy__in=ids)
                                         .order_by("started_on").values_list("deputy_id", "level", "started_on")):
        if level not in levels[deputy_id]:
            levels[deputy_id].append(level)
        # The term that counts is the one in this congress; another level's term only if none.
        if level == home_level or deputy_id not in term_start or term_start[deputy_id][0] != home_level:
            term_start[deputy_id] = (level, started_on)
    featured = defaultdict(set)
    for deputy_id, day in (Publication.objects.filter(
            withdrawn_at__isnull=True, submission__manuscript__story_links__story__deputies__in=ids)
            .values_list("submission__manuscript__story_links__story__deputies", "published_on")):
        featured[deputy_id].add(day)
    stories = defaultdict(list)
    through = DeputyStory.deputies.through
    for deputy_id, day in through.objects.filter(deputy__in=ids).values_list("deputy_id", "deputystory__happened_on"):
        stories[deputy_id].append(day)
    return [
        coverage.DeputyFacts(
            id=pk, name=name, group=group, sector=sector, levels=tuple(levels[pk]),
            term_start=term_start[pk][1] if pk in term_start else None,
            featured_on=tuple(sorted(featured[pk])), story_dates=tuple(sorted(stories[pk])),
        )
        for pk, name, group, sector in rows
    ]


# --- Reach of typical cases ------------------------------------------------------------------

def typical_cases(congress):
    return (stories_with_stage(DeputyStory.objects.filter(congress=congress, typical__isnull=False))
            .select_related("typical", "typical__marked_by").prefetch_related("deputies")
            .order_by("-happened_on", "-id"))


def case_travels(story_ids) -> dict[int, dict]:
    """For each story: its live publications and the reprints of them, as plain rows, plus the
    reach.CaseReach they sum to. Two queries."""
    story_ids = list(story_ids)
    result = {pk: {"publications": [], "reprints": []} for pk in story_ids}
    publications = (Publication.objects.filter(withdrawn_at__isnull=True,
                                               submission__manuscript__story_links__story__in=story_ids)
                    .values("pk", "submission__manuscript__story_links__story", "submission__outlet__name",
                            "submission__outlet__level", "published_on", "title", "address", "placement",
                            "submission__manuscript_id")
                    .order_by("published_on", "pk"))
    for row in publications:
        result[row["submission__manuscript__story_links__story"]]["publications"].append(row)
    reprints = (Reprint.objects.filter(publication__withdrawn_at__isnull=True,
                                       publication__submission__manuscript__story_links__story__in=story_ids)
                .values("pk", "publication__submission__manuscript__story_links__story", "outlet_name", "level",
                        "address", "reprinted_on", "publication__submission__outlet__name")
                .order_by("reprinted_on", "pk"))
    for row in reprints:
        result[row["publication__submission__manuscript__story_links__story"]]["reprints"].append(row)
    for pk, travel in result.items():
        travel["reach"] = reach.CaseReach(
            story_id=pk,
            publication_levels=tuple(p["submission__outlet__level"] for p in travel["publications"]),
            reprint_levels=tuple(r["level"] for r in travel["reprints"]),
        )
    return result
