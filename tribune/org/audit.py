"""Writing the audit log. Services call `audit_record` inside their transaction, so the
entry commits or rolls back with the change it describes."""

from contextvars import ContextVar

from tribune.org.models import AuditEntry

# The client address of the request being served, set by MemberMiddleware.
current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)


def audit_record(*, action: str, user=None, member=None, obj=None, congress=None, detail=None) -> AuditEntry:
    if member is not None:
        user = user or member.user
        congress = congress or member.congress
    if congress is None and obj is not None:
        congress = getattr(obj, "congress", None)
    return AuditEntry.objects.create(
        action=action,
        user_id=user.pk if user is not None and user.pk else None,
        username=getattr(user, "username", "") or "",
        congress_id=congress.pk if congress is not None else None,
        congress_code=congress.code if congress is not None else "",
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        ip=current_ip.get(),
        detail=detail or {},
    )
