"""Every permission rule of Tribune, named after the action it allows.

Services call these inside their transactions and raise PermissionDenied when one says no;
views and templates call the same functions to decide what to show. A rule takes the acting
member (None for an anonymous or unattached user) and the object acted on.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from tribune.org import chain
from tribune.org.models import Member, Role

EDITORIAL_ROLES = (Role.DIRECTOR, Role.LEADER, Role.OFFICE_HEAD, Role.COORDINATOR, Role.WRITER)
WRITING_ROLES = (Role.WRITER, Role.OFFICE_HEAD, Role.COORDINATOR)


def _acts_in(member, congress, *roles) -> bool:
    """An active member of `congress` (a congress, or its id) holding one of `roles` (any member
    of it when no role is named): the one form of "may act in this congress"."""
    if member is None or not member.is_active:
        return False
    congress_id = congress if isinstance(congress, int) else congress.pk
    return member.congress_id == congress_id and (not roles or member.has_role(*roles))


def can_see_congress(member, congress) -> bool:
    """Sees the congress's own editorial data (manuscripts, plans, deputies, its scheme, its own
    reports): a member of that very congress. A parent congress sees nothing of a child's own
    data; what it does see is listed in `can_assess` (docs/access.md)."""
    if member is None or not member.is_active or (member.has_role(Role.AUDITOR) and len(member.role_codes) == 1):
        return False
    return congress.pk == member.congress_id


def is_ancestor(ancestor, congress) -> bool:
    """Whether `ancestor` is above `congress` (its parent, its parent's parent …)."""
    seen = set()
    current = congress
    while current is not None and current.parent_id is not None and current.pk not in seen:
        seen.add(current.pk)
        if current.parent_id == ancestor.pk:
            return True
        current = current.parent
    return False


def can_assess(member, congress) -> bool:
    """A director or coordinator of an ancestor congress (a city, a province) assessing a congress
    below it. They see its scores and ledger lines under their own congress's scheme, with the
    names of people and offices and the titles of published pieces — never its drafts,
    unpublished titles, plans, meetings, deputies or materials (docs/access.md)."""
    return (member is not None and member.is_active and member.has_role(Role.DIRECTOR, Role.COORDINATOR)
            and is_ancestor(member.congress, congress))


# --- Manuscripts -------------------------------------------------------------------------

def can_view_manuscript(member, manuscript) -> bool:
    return _acts_in(member, manuscript.congress_id, *EDITORIAL_ROLES, Role.ADMIN)


def can_create_manuscript(member) -> bool:
    return member is not None and member.is_active and member.office_id is not None and member.has_role(
        *WRITING_ROLES
    )


def is_author(member, manuscript) -> bool:
    if member is None:
        return False
    ids = getattr(manuscript, "_author_ids", None)
    if ids is None:
        ids = {a.member_id for a in manuscript.authorships.all()}
        manuscript._author_ids = ids
    return member.pk in ids or manuscript.created_by_id == member.pk


def can_edit_manuscript(member, manuscript) -> bool:
    if not _acts_in(member, manuscript.congress_id) or not manuscript.is_editable:
        return False
    return is_author(member, manuscript) or member.has_role(Role.COORDINATOR)


def can_submit_for_review(member, manuscript) -> bool:
    return manuscript.is_submittable and can_edit_manuscript(member, manuscript)


def can_review(member, manuscript) -> bool:
    if not _acts_in(member, manuscript.congress_id) or not manuscript.is_in_review:
        return False
    # Nobody approves their own manuscript.
    if is_author(member, manuscript):
        return False
    return chain.holds(member, manuscript.review_role, manuscript.office)


def can_submit_to_outlet(member, manuscript) -> bool:
    return manuscript.is_outlet_ready and _acts_in(member, manuscript.congress_id, Role.COORDINATOR)


def can_record_publication(member, manuscript) -> bool:
    return _acts_in(member, manuscript.congress_id, Role.COORDINATOR)


can_record_metrics = can_record_publication
can_correct_publication = can_record_publication
can_record_reprint = can_record_publication


def can_record_instruction(member, manuscript) -> bool:
    return _acts_in(member, manuscript.congress_id, Role.COORDINATOR, Role.DIRECTOR)


def can_attach_file(member, manuscript) -> bool:
    return can_edit_manuscript(member, manuscript)


# --- Topics, outlets, organisation, audit -------------------------------------------------

def can_view_topics(member, congress) -> bool:
    """The topic pool: everyone with editorial work in the congress."""
    return _acts_in(member, congress, *EDITORIAL_ROLES)


def can_view_topic(member, topic) -> bool:
    return can_view_topics(member, topic.congress)


def can_manage_topics(member, congress) -> bool:
    return _acts_in(member, congress, Role.COORDINATOR, Role.DIRECTOR, Role.LEADER, Role.OFFICE_HEAD)


def can_manage_outlets(member, congress) -> bool:
    return _acts_in(member, congress, Role.COORDINATOR, Role.ADMIN)


def can_manage_members(member, congress) -> bool:
    return _acts_in(member, congress, Role.ADMIN)


can_configure_chain = can_manage_members


def can_read_audit_log(member) -> bool:
    return member is not None and member.is_active and member.has_role(Role.AUDITOR)


# --- Helpers used by services and views -----------------------------------------------------

def require(allowed: bool, message: str = "") -> None:
    if not allowed:
        raise PermissionDenied(message)


# Ids beyond a 64-bit signed integer match no row; SQLite raises OverflowError on them.
MAX_ID = 2**63 - 1


def get_object_for_member(queryset, member: Member | None, pk, rule=None, message: str = ""):
    """The one way a view fetches an object by id for a member.

    The object must belong to the member's own congress, checked on the object (through the
    model's `congress_path` when it belongs to a congress through a parent, e.g. a key point
    through its meeting): anything else is a 404, so another congress cannot even learn that the
    id exists; so is any object for a member who sees no data of their congress (the auditor). A
    parent congress does not open a child's objects by id either. Then `rule(member, obj)`, if
    given, decides whether the member may do what the view does: a refusal is a 403.
    """
    if member is None or isinstance(pk, bool) or not isinstance(pk, int) or not 0 < pk <= MAX_ID:
        raise Http404
    if not can_see_congress(member, member.congress):
        raise Http404  # the auditor reads the log only: not even whether an object exists
    path = getattr(queryset.model, "congress_path", "congress")
    obj = queryset.filter(pk=pk, **{f"{path}_id": member.congress_id}).first()
    if obj is None:
        raise Http404
    if rule is not None:
        require(rule(member, obj), message)
    return obj


# --- Newsroom (web pages) ---------------------------------------------------------------------

def can_list_manuscripts(member) -> bool:
    """Opens the manuscript list of the member's own congress (the auditor does not)."""
    return member is not None and member.is_active and member.has_role(*EDITORIAL_ROLES, Role.ADMIN)


# --- Organisation and outlet pages (admin-ui) ------------------------------------------------

def can_view_members(member, congress) -> bool:
    """The members and offices pages: the administrator who keeps them, and the director and
    coordinator who assign work and need to know who is where."""
    return _acts_in(member, congress, Role.ADMIN, Role.DIRECTOR, Role.COORDINATOR)


def can_view_outlets(member, congress) -> bool:
    """The outlet catalogue and media contacts: everyone who works on manuscripts, and the admin."""
    return _acts_in(member, congress, *EDITORIAL_ROLES, Role.ADMIN)


# --- Assessment: notices, rankings, awards, metrics import ------------------------------------

def can_see_reports(member, congress) -> bool:
    """A congress's own monthly notices, quarterly rankings and the ledger behind them: everyone
    with editorial work in the congress (the numbers are published to all offices anyway). A
    parent congress sees a district's figures only under its own scheme (`can_assess`)."""
    return can_see_congress(member, congress) and member.has_role(*EDITORIAL_ROLES, Role.ADMIN)


def can_rank_children(member, congress) -> bool:
    """The city's ranking of its districts: the city's own director and coordinator."""
    return _acts_in(member, congress, Role.DIRECTOR, Role.COORDINATOR)


def can_write_notice(member, congress) -> bool:
    """Next month's focus in the monthly notice: the coordinator writes it."""
    return _acts_in(member, congress, Role.COORDINATOR)


def can_import_metrics(member, congress) -> bool:
    return _acts_in(member, congress, Role.COORDINATOR)


def can_confirm_awards(member, congress) -> bool:
    """The assessment committee: the director and the coordinator."""
    return _acts_in(member, congress, Role.DIRECTOR, Role.COORDINATOR)


# --- Assessment: scoring schemes (考核细则) ------------------------------------------------------

def can_view_scheme(member, congress) -> bool:
    """The rules people are assessed by are open to everyone with editorial work in the
    congress and the admin who keeps them; the auditor reads the audit log only. A parent
    congress reads its own scheme, not a district's."""
    return can_see_congress(member, congress) and member.has_role(*EDITORIAL_ROLES, Role.ADMIN)


def can_edit_scheme(member, congress) -> bool:
    """Writing the scheme: the congress's own coordinator or administrator."""
    return _acts_in(member, congress, Role.COORDINATOR, Role.ADMIN)


# --- Planning ------------------------------------------------------------------------------

PLANNING_MANAGERS = (Role.COORDINATOR, Role.DIRECTOR)


def can_view_planning(member, congress) -> bool:
    """Meetings, activities, plans, the calendar and the regular-meeting pack: editorial staff."""
    return _acts_in(member, congress, *EDITORIAL_ROLES)


def can_manage_planning(member, congress) -> bool:
    """Create meetings and activities, edit plan templates, add, move and reassign tasks."""
    return can_view_planning(member, congress) and member.has_role(*PLANNING_MANAGERS)


def can_view_planning_of(member, obj) -> bool:
    """`can_view_planning` for an object: checked against the object's own congress."""
    return can_view_planning(member, obj.congress)


def can_manage_planning_of(member, obj) -> bool:
    return can_manage_planning(member, obj.congress)


def can_update_task(member, task) -> bool:
    """Link a manuscript to a task or mark it done: the assignee or a planning manager."""
    congress = task.plan.congress
    return can_view_planning(member, congress) and (
        task.assignee_id == member.pk or member.has_role(*PLANNING_MANAGERS))


def can_add_key_point(member, meeting) -> bool:
    return can_view_planning(member, meeting.congress)


def can_draft_from_key_points(member, meeting) -> bool:
    return can_view_planning(member, meeting.congress) and can_create_manuscript(member)


def can_add_material(member, activity) -> bool:
    return can_view_planning(member, activity.congress) and member.has_role(*WRITING_ROLES, *PLANNING_MANAGERS)


def can_manage_liaison(member, congress) -> bool:
    """Invite journalists and record whether they came: the coordinator."""
    return can_view_planning(member, congress) and member.has_role(Role.COORDINATOR)


def can_manage_regular_meeting(member, congress) -> bool:
    return can_manage_planning(member, congress)


def can_complete_action_item(member, item) -> bool:
    congress = item.meeting.congress
    return can_view_planning(member, congress) and (
        item.owner_id == member.pk or member.has_role(*PLANNING_MANAGERS))


# --- Deputies --------------------------------------------------------------------------------
# The registry holds personal information (phone, ID number). Everyone editorial in the congress
# sees the registry masked; only the coordinator (who keeps the registry and contacts deputies for
# interviews) and the director may reveal or export it unmasked, and every reveal is audited.
# A parent congress sees nothing of a district's deputies. Admin and auditor have no access (no
# editorial role).

DEPUTY_READERS = (Role.DIRECTOR, Role.LEADER, Role.OFFICE_HEAD, Role.COORDINATOR, Role.WRITER)
DEPUTY_KEEPERS = (Role.COORDINATOR, Role.DIRECTOR)
STORY_WRITERS = (Role.WRITER, Role.OFFICE_HEAD, Role.COORDINATOR, Role.DIRECTOR, Role.LEADER)


def can_view_deputies(member, congress) -> bool:
    return can_see_congress(member, congress) and member.has_role(*DEPUTY_READERS)


def can_manage_deputies(member, congress) -> bool:
    """Add, edit and import deputies."""
    return _acts_in(member, congress, *DEPUTY_KEEPERS)


def can_reveal_deputy_pi(member, deputy) -> bool:
    return _acts_in(member, deputy.congress_id, *DEPUTY_KEEPERS)


def can_export_deputies(member, congress) -> bool:
    """Export the registry (masked unless the member may reveal personal information)."""
    return _acts_in(member, congress, Role.DIRECTOR, Role.LEADER, Role.COORDINATOR, Role.OFFICE_HEAD)


def can_reveal_deputies_export(member, congress) -> bool:
    return can_export_deputies(member, congress) and member.has_role(*DEPUTY_KEEPERS)


def can_record_story(member, congress) -> bool:
    return _acts_in(member, congress, *STORY_WRITERS)


def can_edit_story(member, story) -> bool:
    """The one who recorded it, or the coordinator or director."""
    if not _acts_in(member, story.congress_id):
        return False
    return story.created_by_id == member.pk or member.has_role(*DEPUTY_KEEPERS)


can_record_interview = can_edit_story


def can_link_manuscript(member, story, manuscript=None) -> bool:
    if not can_edit_story(member, story):
        return False
    return manuscript is None or (manuscript.congress_id == story.congress_id
                                  and can_view_manuscript(member, manuscript))


def can_mark_typical(member, story) -> bool:
    return _acts_in(member, story.congress_id, *DEPUTY_KEEPERS)


def can_manage_commissions(member, congress) -> bool:
    """Recording commissioned pieces (约稿) and their delivery: the coordinator."""
    return _acts_in(member, congress, Role.COORDINATOR)


# --- Security administration (三员分立) --------------------------------------------------------
# The security administrator (安全管理员) unlocks accounts and sees the password, lockout and
# session policy in force; role changes that touch the three separated roles are decided by a
# second administrator.

def can_manage_security(member, congress) -> bool:
    return _acts_in(member, congress, Role.SECURITY_ADMIN)


def can_decide_role_request(member, request) -> bool:
    """Confirm or reject a role change: an administrator of the congress other than the one who
    asked and the member concerned."""
    return (can_manage_members(member, request.congress) and member.pk != request.requested_by_id
            and member.pk != request.target_id)
