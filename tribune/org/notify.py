"""The in-app inbox: services call `notify` after their change commits."""

from django.db import transaction

from tribune.org.models import Member, Notification


def notify(members, *, kind: str, text: str, url: str = "", key: str = "") -> None:
    """Queue one notification per member, written after the current transaction commits.
    `key`, when given, makes the notification idempotent per member (reminders use it)."""
    recipients = [m for m in dict.fromkeys(members) if isinstance(m, Member) and m.is_active]

    def write():
        for member in recipients:
            if key:
                Notification.objects.get_or_create(
                    member=member, key=key, defaults={"kind": kind, "text": text[:300], "url": url}
                )
            else:
                Notification.objects.create(member=member, kind=kind, text=text[:300], url=url)

    transaction.on_commit(write)
