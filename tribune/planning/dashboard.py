"""Planning's dashboard panels: my coverage tasks due soon, and (for the coordinator and the
director) the congress's late tasks. Two queries whatever the number of tasks."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from tribune.kit.plugins import dashboard_panels
from tribune.org import access
from tribune.planning import selectors
from tribune.planning.models import CoverageTask

LIMIT = 8


def _tasks(congress):
    return (CoverageTask.objects.filter(plan__congress=congress).exclude(selectors.DONE)
            .select_related("plan__meeting", "plan__activity", "assignee").order_by("due_date", "id"))


@dashboard_panels.register
def panels(member) -> list[dict]:
    congress = member.congress
    if not access.can_view_planning(member, congress):
        return []
    today = timezone.localdate()
    mine = list(_tasks(congress).filter(assignee=member, due_date__lte=today + dt.timedelta(days=7))[:LIMIT + 1])
    result = [{"template": "planning/partials/dashboard_tasks.html", "title": _("My coverage tasks due soon"),
               "tasks": mine[:LIMIT], "more": len(mine) > LIMIT, "today": today, "show_assignee": False,
               "empty": _("No coverage task due in the next seven days.")}]
    if access.can_manage_planning(member, congress):
        late = list(_tasks(congress).filter(due_date__lt=today)[:LIMIT + 1])
        result.append({"template": "planning/partials/dashboard_tasks.html", "title": _("Late coverage tasks"),
                       "tasks": late[:LIMIT], "more": len(late) > LIMIT, "today": today, "show_assignee": True,
                       "empty": _("No late task.")})
    return result
