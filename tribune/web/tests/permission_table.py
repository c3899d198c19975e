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
- PostOnly(roles): a button; a GET is answered 405 (or the login redirect).
- Public(): open to visitors who are not logged in.
A member of another congress gets 404 for every object of ours, and for pages without an object
is treated by their roles (they see their own congress).
"""

from dataclasses import dataclass

from tribune.org.models import Role

DIRECTOR, LEADER, OFFICE_HEAD = Role.DIRECTOR.value, Role.LEADER.value, Role.OFFICE_HEAD.value
COORDINATOR, WRITER, AUDITOR, ADMIN = Role.COORDINATOR.value, Role.WRITER.value, Role.AUDITOR.value, Role.ADMIN.value

EVERYONE = frozenset(Role.values)
EDITORIAL = frozenset({DIRECTOR, LEADER, OFFICE_HEAD, COORDINATOR, WRITER})
EDITORIAL_AND_ADMIN = EDITORIAL | {ADMIN}
WRITERS = frozenset({WRITER, OFFICE_HEAD, COORDINATOR})
REVIEWERS = frozenset({OFFICE_HEAD, LEADER, DIRECTOR, COORDINATOR})
ORG_READERS = frozenset({ADMIN, DIRECTOR, COORDINATOR})
OUTLET_MANAGERS = frozenset({COORDINATOR, ADMIN})


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


def Public():
    return Row("public", EVERYONE)


TABLE: dict[str, Row] = {
    # web
    "dashboard": Page(EVERYONE),
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
