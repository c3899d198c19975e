"""The navigation bar: the sections a member may open, from one list."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from tribune.org.models import Role

EDITORIAL = {Role.DIRECTOR, Role.LEADER, Role.OFFICE_HEAD, Role.COORDINATOR, Role.WRITER}

# (url name, label, roles that see it). Apps add their sections here, not in templates.
SECTIONS = [
    ("dashboard", _("Dashboard"), EDITORIAL | {Role.ADMIN}),
    ("newsroom:list", _("Manuscripts"), EDITORIAL | {Role.ADMIN}),
    ("planning:calendar", _("Planning"), EDITORIAL),
    ("deputies:home", _("Deputies"), EDITORIAL),
    ("assessment:home", _("Assessment"), EDITORIAL | {Role.ADMIN}),
    ("outlets:list", _("Outlets"), EDITORIAL | {Role.ADMIN}),
    ("org:members", _("Organisation"), {Role.ADMIN, Role.DIRECTOR, Role.COORDINATOR}),
    ("audit_log", _("Audit log"), {Role.AUDITOR}),
    ("org:security", _("Security"), {Role.SECURITY_ADMIN}),
]


def navigation(request):
    member = getattr(request, "member", None)
    if member is None:
        return {"nav_sections": []}
    sections = []
    current = request.resolver_match.view_name if request.resolver_match else ""
    for name, label, roles in SECTIONS:
        if not member.has_role(*roles):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # a section whose app has no page yet
        namespace = name.split(":")[0] if ":" in name else name
        active = current == name or (":" in name and current.startswith(namespace + ":"))
        sections.append({"url": url, "label": label, "active": active})
    return {"nav_sections": sections, "unread_count": member.notifications.filter(read_at__isnull=True).count()}
