"""What planning adds to the newsroom's topic pages (kit.plugins.topic_panels): on the pool, the
upcoming meetings and activities that have no topic yet; on a topic, the meetings and activities
it covers."""

from django.utils import timezone

from tribune.kit.plugins import topic_panels
from tribune.org import access
from tribune.planning import selectors


@topic_panels.register
def panels(member, topic=None) -> list[dict]:
    if topic is None:
        if not access.can_view_planning(member, member.congress):
            return []
        return [{"template": "planning/partials/topic_suggestions.html",
                 "suggestions": selectors.suggestions(member.congress, timezone.localdate()),
                 "can_propose": access.can_manage_topics(member, member.congress)}]
    return [{"template": "planning/partials/topic_subjects.html", "meetings": list(topic.meetings.all()),
             "activities": list(topic.activities.all())}]
