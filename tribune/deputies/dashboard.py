"""The deputies' panel of the dashboard: deputies not featured this year and how far the typical
cases travelled. A fixed number of queries whatever the numbers."""

from django.utils import timezone

from tribune.deputies import coverage, reach, selectors
from tribune.org import access
from tribune.org.models import Role


def panels(member) -> list[dict]:
    if not member.has_role(Role.COORDINATOR, Role.DIRECTOR, Role.LEADER) or not access.can_view_deputies(
            member, member.congress):
        return []
    today = timezone.localdate()
    facts = selectors.coverage_facts(member.congress)
    cases = list(selectors.typical_cases(member.congress).values_list("pk", flat=True))
    travels = selectors.case_travels(cases)
    return [{
        "template": "deputies/partials/dashboard_panel.html",
        "total": len(facts),
        "unfeatured": len(coverage.gaps(facts, coverage.YEAR, today)),
        "summary": reach.summarise(t["reach"] for t in travels.values()),
        "year": today.year,
    }]
