"""The deputies' panel of the dashboard: deputies not featured this year and how far the typical
cases travelled. Two queries whatever the numbers: the dashboard carries every app's panels, so
this one counts in SQL what the coverage and typical-cases pages compute in full (a test keeps
the two in agreement)."""

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from tribune.deputies import reach
from tribune.deputies.models import Deputy, DeputyStory
from tribune.kit.plugins import dashboard_panels
from tribune.newsroom.models import Publication, Reprint
from tribune.org import access
from tribune.org.models import Role
from tribune.outlets import vocabulary


def unfeatured_this_year(congress, today: dt.date) -> tuple[int, int]:
    """(deputies in office, of whom not featured since 1 January)."""
    featured = Publication.objects.filter(
        withdrawn_at__isnull=True, published_on__gte=dt.date(today.year, 1, 1), published_on__lte=today,
        submission__manuscript__story_links__story__deputies=OuterRef("pk"))
    # The conditions go inside the aggregates: an annotation used only by an aggregate's filter
    # is pruned from the subquery Django builds (seen on Django 5.2), which then counts nothing.
    counts = Deputy.objects.filter(congress=congress, is_active=True).aggregate(
        total=Count("pk"), unfeatured=Count("pk", filter=~Q(Exists(featured))))
    return counts["total"], counts["unfeatured"]


def reach_summary(congress) -> reach.ReachSummary:
    def live(**lookups):
        return Publication.objects.filter(withdrawn_at__isnull=True,
                                          submission__manuscript__story_links__story=OuterRef("pk"), **lookups)

    reprints = Reprint.objects.filter(publication__withdrawn_at__isnull=True, level__in=vocabulary.LOCAL_LEVELS,
                                      publication__submission__manuscript__story_links__story=OuterRef("pk"))
    provincial = live(submission__outlet__level__in=vocabulary.HIGH_LEVELS)
    counts = DeputyStory.objects.filter(congress=congress, typical__isnull=False).aggregate(
        cases=Count("pk"), provincial=Count("pk", filter=Q(Exists(provincial))),
        local=Count("pk", filter=Q(Exists(reprints))), published=Count("pk", filter=Q(Exists(live()))))
    return reach.ReachSummary(cases=counts["cases"], published_provincial=counts["provincial"],
                              reprinted_local=counts["local"], published=counts["published"])


@dashboard_panels.register
def panels(member) -> list[dict]:
    if not member.has_role(Role.COORDINATOR, Role.DIRECTOR, Role.LEADER) or not access.can_view_deputies(
            member, member.congress):
        return []
    today = timezone.localdate()
    total, unfeatured = unfeatured_this_year(member.congress, today)
    return [{
        "template": "deputies/partials/dashboard_panel.html",
        "total": total, "unfeatured": unfeatured, "summary": reach_summary(member.congress), "year": today.year,
    }]
