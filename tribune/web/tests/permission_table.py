"""Who may open every URL of the project: one row per URL name.

A test lists every URL name in the resolver and fails when one has no row here, so a new view
cannot arrive without its permissions being written down; another test requests every row's URL
as every role (with real objects) and checks the answer against the row.

Kinds of row:
- Page(roles): a page whose answer does not depend on the object's state: 200 for these roles,
  403 or 404 for every other role.
- Action(roles): a page or form that also depends on the object's state (an approved
  manuscript cannot be edited): every other role is refused (403/404); these roles may also be
  refused by state, but never see a server error.
- PostOnly(roles): a button; a GET is answered 405 (a role not allowed may get its 403/404 first).
- Redirect(): sends every member on to another page (which has its own row).
- Public(): open to visitors who are not logged in.
- Home(roles): the landing page; 200 for these roles, a redirect to their own home for the others.
A member of another congress gets 404 for every object of ours, and for pages without an object
is treated by their roles (they see their own congress).
"""

from dataclasses import dataclass

from tribune.org.models import Role

DIRECTOR, LEADER, OFFICE_HEAD = Role.DIRECTOR.value, Role.LEADER.value, Role.OFFICE_HEAD.value
COORDINATOR, WRITER, AUDITOR, ADMIN = Role.COORDINATOR.value, Role.WRITER.value, Role.AUDITOR.value, Role.ADMIN.value
SECURITY_ADMIN = Role.SECURITY_ADMIN.value

EVERYONE = frozenset(Role.values)
EDITORIAL = frozenset({DIRECTOR, LEADER, OFFICE_HEAD, COORDINATOR, WRITER})
EDITORIAL_AND_ADMIN = EDITORIAL | {ADMIN}
WRITERS = frozenset({WRITER, OFFICE_HEAD, COORDINATOR})
REVIEWERS = frozenset({OFFICE_HEAD, LEADER, DIRECTOR, COORDINATOR})
ORG_READERS = frozenset({ADMIN, DIRECTOR, COORDINATOR})
OUTLET_MANAGERS = frozenset({COORDINATOR, ADMIN})
PLANNERS = frozenset({COORDINATOR, DIRECTOR})
DEPUTY_KEEPERS = frozenset({COORDINATOR, DIRECTOR})


@dataclass(frozen=True)
class Row:
    kind: str
    roles: frozenset = frozenset()


def Page(roles):
    return Row("page", frozenset(roles))


def Action(roles):
    return Row("action", frozenset(roles))


def PostOnly(roles):
    return Row("post", frozenset(roles))


def Redirect():
    return Row("redirect", EVERYONE)


def Public():
    return Row("public", EVERYONE)


def Home(roles):
    """The landing page: 200 for these roles; everyone else is sent (302) to their own home
    (the auditor to the audit log)."""
    return Row("home", frozenset(roles))


TABLE: dict[str, Row] = {
    # web
    "dashboard": Home(EDITORIAL_AND_ADMIN),
    "login": Public(),
    "logout": PostOnly(EVERYONE),
    "healthz": Public(),
    "set_language": Public(),
    "audit_log": Page({AUDITOR}),  # GET only: no URL changes the log
    # org
    "org:members": Page(ORG_READERS),
    "org:offices": Page(ORG_READERS),
    "org:member_create": Page({ADMIN}),
    "org:member_edit": Page({ADMIN}),
    "org:member_password": Page({ADMIN}),
    "org:member_deactivate": PostOnly({ADMIN}),
    "org:member_activate": PostOnly({ADMIN}),
    "org:office_create": Page({ADMIN}),
    "org:office_edit": Page({ADMIN}),
    "org:chain": Page({ADMIN}),
    "org:password_change": Page(EVERYONE),
    "org:security": Page({SECURITY_ADMIN}),
    "org:security_unlock": PostOnly({SECURITY_ADMIN}),
    "org:role_requests": Page({ADMIN}),
    "org:role_request_confirm": PostOnly({ADMIN}),
    "org:role_request_reject": PostOnly({ADMIN}),
    "org:inbox": Page(EVERYONE),
    "org:inbox_read": PostOnly(EVERYONE),
    # outlets
    "outlets:list": Page(EDITORIAL_AND_ADMIN),
    "outlets:create": Page(OUTLET_MANAGERS),
    "outlets:edit": Page(OUTLET_MANAGERS),
    "outlets:deactivate": PostOnly(OUTLET_MANAGERS),
    "outlets:activate": PostOnly(OUTLET_MANAGERS),
    "outlets:catalogue": PostOnly(OUTLET_MANAGERS),
    "outlets:contacts": Page(EDITORIAL_AND_ADMIN),
    "outlets:contact_create": Page(OUTLET_MANAGERS),
    "outlets:contact_edit": Page(OUTLET_MANAGERS),
    # newsroom (rules in org/access.py; state decides the rest)
    "newsroom:list": Page(EDITORIAL_AND_ADMIN),
    "newsroom:create": Page(WRITERS),
    "newsroom:import": Page(WRITERS),
    "newsroom:manuscript": Page(EDITORIAL_AND_ADMIN),
    "newsroom:diff": Action(EDITORIAL_AND_ADMIN),
    "newsroom:export": Action(EDITORIAL_AND_ADMIN),
    "newsroom:attachment": Action(EDITORIAL_AND_ADMIN),
    "newsroom:edit": Action({WRITER, COORDINATOR}),
    "newsroom:submit_for_review": PostOnly({WRITER, COORDINATOR}),
    "newsroom:attachment_add": PostOnly({WRITER, COORDINATOR}),
    "newsroom:attachment_remove": PostOnly({WRITER, COORDINATOR}),
    "newsroom:review": Action(REVIEWERS),
    "newsroom:submit_to_outlets": Action({COORDINATOR}),
    "newsroom:instruction": Action({COORDINATOR, DIRECTOR}),
    "newsroom:publication": Action({COORDINATOR}),
    "newsroom:correct": Action({COORDINATOR}),
    "newsroom:withdraw": Action({COORDINATOR}),
    "newsroom:metrics": Action({COORDINATOR}),
    "newsroom:reprint": Action({COORDINATOR}),
    "newsroom:topics": Page(EDITORIAL),
    "newsroom:topic": Action(EDITORIAL),
    # planning
    "planning:calendar": Page(EDITORIAL),
    "planning:topic_propose": Page(PLANNERS | {LEADER, OFFICE_HEAD}),
    "planning:activity_edit": Action(PLANNERS),
    "planning:meetings": Page(EDITORIAL),
    "planning:meeting_create": Page(PLANNERS),
    "planning:meeting": Page(EDITORIAL),
    "planning:meeting_edit": Action(PLANNERS),
    "planning:task_add": PostOnly(PLANNERS),
    "planning:key_points": Action(EDITORIAL),
    "planning:key_point_add": PostOnly(EDITORIAL),
    "planning:key_points_draft": PostOnly(WRITERS),
    "planning:key_point_hot": PostOnly(EDITORIAL),
    "planning:task": Action(EDITORIAL),
    "planning:templates": Page(EDITORIAL),  # read by all, changed by planners,
    "planning:template_item": Action(PLANNERS),
    "planning:activities": Page(EDITORIAL),
    "planning:activity_create": Page(PLANNERS),
    "planning:activity": Page(EDITORIAL),
    "planning:activity_task_add": PostOnly(PLANNERS),
    "planning:invitation_add": PostOnly({COORDINATOR}),
    "planning:material_add": PostOnly(WRITERS | PLANNERS),
    "planning:invitation_attendance": PostOnly({COORDINATOR}),
    "planning:material": Action(EDITORIAL),
    "planning:liaison": Page(EDITORIAL),
    "planning:contact": Action(EDITORIAL),
    "planning:regular": Page(EDITORIAL),
    "planning:regular_meeting": Action(EDITORIAL),
    "planning:action_item_add": PostOnly(PLANNERS),
    "planning:pack": Page(EDITORIAL),
    "planning:pack_docx": Action(EDITORIAL),
    "planning:action_item_done": PostOnly(EDITORIAL),
    # deputies (the registry's personal information: see org/access.py)
    "deputies:home": Page(EDITORIAL),
    "deputies:list": Page(EDITORIAL),
    "deputies:create": Page(DEPUTY_KEEPERS),
    "deputies:import": Page(DEPUTY_KEEPERS),
    "deputies:import_confirm": PostOnly(DEPUTY_KEEPERS),
    "deputies:import_template": Action(DEPUTY_KEEPERS),
    "deputies:typical_export": Action(EDITORIAL),
    "deputies:export": Action({DIRECTOR, LEADER, COORDINATOR, OFFICE_HEAD}),
    "deputies:deputy": Action(EDITORIAL),
    "deputies:deputy_edit": Action(DEPUTY_KEEPERS),
    "deputies:reveal": PostOnly(DEPUTY_KEEPERS),
    "deputies:stories": Page(EDITORIAL),
    "deputies:story_create": Page(EDITORIAL),
    "deputies:story": Action(EDITORIAL),
    "deputies:story_edit": Action(EDITORIAL),
    "deputies:story_link": PostOnly(EDITORIAL),
    "deputies:story_unlink": PostOnly(EDITORIAL),
    "deputies:story_interview": PostOnly(EDITORIAL),
    "deputies:story_typical": PostOnly(DEPUTY_KEEPERS),
    "deputies:story_untypical": PostOnly(DEPUTY_KEEPERS),
    "deputies:story_publication": PostOnly(EDITORIAL),
    "deputies:story_reprint": PostOnly(EDITORIAL),
    "deputies:coverage": Page(EDITORIAL),
    "deputies:typical": Page(EDITORIAL),
    # assessment
    "assessment:home": Page(EDITORIAL_AND_ADMIN),
    "assessment:metrics_import": Page({COORDINATOR}),
    "assessment:metrics_preview": Action({COORDINATOR}),
    "assessment:notice_latest": Redirect(),
    "assessment:notice": Page(EDITORIAL_AND_ADMIN),
    "assessment:notice_focus": PostOnly({COORDINATOR}),
    "assessment:ranking_latest": Redirect(),
    "assessment:ranking": Page(EDITORIAL_AND_ADMIN),
    "assessment:ledger": Page(EDITORIAL_AND_ADMIN),
    "assessment:awards": Action(EDITORIAL_AND_ADMIN),
    "assessment:scheme": Page(EDITORIAL_AND_ADMIN),
    "assessment:scheme_create": PostOnly({COORDINATOR, ADMIN}),
    "assessment:scheme_year": Action(EDITORIAL_AND_ADMIN),
    "assessment:scheme_edit": Action({COORDINATOR, ADMIN}),
    "assessment:scheme_import": PostOnly({COORDINATOR, ADMIN}),
    "assessment:scheme_export": Action(EDITORIAL_AND_ADMIN),
    "assessment:scheme_history": Action(EDITORIAL_AND_ADMIN),
    "assessment:scheme_version": Action(EDITORIAL_AND_ADMIN),
    "assessment:commissions": Page(EDITORIAL_AND_ADMIN),
    "assessment:commission_add": PostOnly({COORDINATOR}),
    "assessment:commission_delivered": PostOnly({COORDINATOR}),
}


def rows() -> dict[str, Row]:
    """TABLE plus the rows an app keeps beside its own tests, in
    `tribune/<app>/tests/permission_rows.py` as `ROWS = {"app:name": Page({...}), ...}` (built with
    the helpers of this module), so an app adds its views' rows without editing this file."""
    import importlib
    from pathlib import Path

    merged = dict(TABLE)
    package = Path(__file__).resolve().parents[2]
    for path in sorted(package.glob("*/tests/permission_rows.py")):
        module = importlib.import_module(f"tribune.{path.parent.parent.name}.tests.permission_rows")
        duplicated = set(merged) & set(module.ROWS)
        if duplicated:
            raise AssertionError(f"rows given twice: {sorted(duplicated)}")
        merged.update(module.ROWS)
    return merged
