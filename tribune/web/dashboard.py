"""The dashboard: the panels every app registers from its `dashboard.py` (kit.plugins), in the
order of INSTALLED_APPS. The shell knows nothing of what the panels show."""

from tribune.kit.plugins import dashboard_panels
from tribune.org import access


def for_member(member) -> dict:
    panels = [panel for provider in dashboard_panels.all() for panel in provider(member)]
    return {"member": member, "panels": panels, "can_write": access.can_create_manuscript(member)}
